"""Missions, stakeholder workshops, prioritised action plans and food-disruption simulations."""
