"""Models of the workshops app arrive with the workshops capability."""
