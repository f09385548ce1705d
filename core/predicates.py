"""Predicates on a user's role in the programme: the building blocks of every app's rules (django-rules)."""

import rules


@rules.predicate
def is_team(user) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_superuser or user.role == "team"))


@rules.predicate
def is_student(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == "student")


@rules.predicate
def is_partner(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == "partner" and user.city_id)


@rules.predicate
def is_reviewer(user) -> bool:
    """A reviewer reads every assessment and sends back or publishes those in review; no other right of the team."""
    return bool(user.is_authenticated and user.is_active and user.role == "reviewer")
