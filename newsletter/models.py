"""Models of the newsletter app arrive with the newsletter capability."""
