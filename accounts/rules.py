"""Who may manage accounts: the project team (django-rules)."""

import rules

from core.predicates import is_team

rules.add_perm("accounts", is_team)
for action in ("view", "add", "change"):
    rules.add_perm(f"accounts.{action}_user", is_team)
# Inviting partner users (an account without password, and an email link to set one).
rules.add_perm("accounts.invite_user", is_team)
