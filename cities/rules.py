"""Who may edit cities, duos and organisations: the project team (django-rules)."""

import rules

from core.predicates import is_student, is_team

rules.add_perm("cities", is_team | is_student)
for model in ("city", "duo", "organisation"):
    rules.add_perm(f"cities.view_{model}", is_team | is_student)
    for action in ("add", "change", "delete"):
        rules.add_perm(f"cities.{action}_{model}", is_team)
# Students record the organisations (universities, associations) their assessments cite.
rules.set_perm("cities.add_organisation", is_team | is_student)
