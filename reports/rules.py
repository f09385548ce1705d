"""Who may see and manage the PDF reports in the admin: the project team (django-rules)."""

import rules

from core.predicates import is_team

rules.add_perm("reports", is_team)
rules.add_perm("reports.view_report", is_team)
rules.add_perm("reports.delete_report", is_team)
