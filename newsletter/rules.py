"""Who may run the newsletter (campaigns, subscribers, consent ledger, bounces): the project team (django-rules)."""

import rules

from core.predicates import is_team

rules.add_perm("newsletter", is_team)
for model in ("topic", "consenttext", "subscriber", "consentevent", "campaign", "delivery", "bounceevent"):
    for action in ("view", "add", "change", "delete"):
        rules.add_perm(f"newsletter.{action}_{model}", is_team)
