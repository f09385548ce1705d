"""Which cities a user is tied to: a partner's duo, a student's assignments (cached on the user object)."""

from django.db.models import Q

from core.predicates import is_partner, is_student

from .models import Duo


def duo_city_ids(user) -> set[int]:
    """Return the ids of both cities of the partner user's duo, or an empty set for anyone else."""
    if not is_partner(user):
        return set()
    cached = getattr(user, "_duo_city_ids", None)
    if cached is None:
        pairs = Duo.objects.filter(Q(french_city_id=user.city_id) | Q(partner_city_id=user.city_id)).values_list(
            "french_city_id", "partner_city_id"
        )
        cached = {user.city_id} | {city_id for pair in pairs for city_id in pair}
        user._duo_city_ids = cached
    return cached


def assigned_city_ids(user) -> set[int]:
    """Return the ids of the cities a student contributor is assigned to, or an empty set for anyone else."""
    if not is_student(user):
        return set()
    cached = getattr(user, "_assigned_city_ids", None)
    if cached is None:
        cached = set(user.assigned_cities.values_list("id", flat=True))
        user._assigned_city_ids = cached
    return cached
