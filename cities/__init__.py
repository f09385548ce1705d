"""Territories of the programme: cities (and other territories), the duos that pair them, organisations."""
