"""Who may edit cities, duos and organisations (the project team), and who sees a duo's private content
(django-rules)."""

import rules

from core.predicates import is_partner, is_student, is_team

rules.add_perm("cities", is_team | is_student)
for model in ("city", "duo", "organisation"):
    rules.add_perm(f"cities.view_{model}", is_team | is_student)
    for action in ("add", "change", "delete"):
        rules.add_perm(f"cities.{action}_{model}", is_team)
# Students record the organisations (universities, associations) their assessments cite.
rules.set_perm("cities.add_organisation", is_team | is_student)


@rules.predicate
def is_duo_partner(user, duo) -> bool:
    """The partner user works for one of the duo's two cities."""
    return duo is not None and user.city_id in (duo.french_city_id, duo.partner_city_id)


@rules.predicate
def is_contact_of_own_duo(user, contact) -> bool:
    return contact is not None and is_duo_partner(user, contact.duo)


# A duo's private content (shared drafts, workshop notes, contacts, action-plan internals): the team and the partner
# users of that duo; never students (they see the assessments of their cities), never another duo's partners.
can_view_duo_private = is_team | (is_partner & is_duo_partner)
rules.add_perm("cities.view_duo_private", can_view_duo_private)
rules.add_perm("cities.view_duocontact", is_team | (is_partner & is_contact_of_own_duo))
for action in ("add", "change", "delete"):
    rules.add_perm(f"cities.{action}_duocontact", is_team)
