"""City food-system assessments along a framework (the MUFPP first): ratings, indicators, initiatives."""
