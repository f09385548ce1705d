"""People who log in: the project team, partner municipalities and student contributors."""
