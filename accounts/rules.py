"""Who may manage accounts: the project team (django-rules)."""

import rules

from core.predicates import is_team

rules.add_perm("accounts", is_team)
for action in ("view", "add", "change"):
    rules.add_perm(f"accounts.{action}_user", is_team)
