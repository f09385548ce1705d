"""The workshops app's pages: workshops and missions, the vote, the action plans, the simulations."""
