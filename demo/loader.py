"""Demonstration data for a local run: accounts now, illustrative content as the capabilities land."""

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.services import language_for_city
from cities.models import City
from experiments.demo import demo_perche_experiment_load

from .content import demo_assessments_load, demo_closed_loop_load, demo_follow_ups_load
from .partner_plan import demo_fez_plan_load
from .workshops import demo_workshops_load

DEMO_PASSWORD = "letsfood-demo"  # noqa: S105 -- documented local demo password, never loaded in production


def _demo_user(username: str, **fields):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults=fields)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user, created


@transaction.atomic
def demo_load() -> str:
    """Create the demo accounts (team, a partner per city, a student for Sfax) and illustrative content."""
    created = 0
    team, was_created = _demo_user(
        "team",
        email="team@letsfood.example",
        first_name="Team",
        role="team",
        is_staff=True,
    )
    created += was_created
    for city in City.objects.filter(role__in=[City.Role.FRENCH, City.Role.PARTNER]):
        _, was_created = _demo_user(
            city.slug,
            email=f"{city.slug}@letsfood.example",
            first_name=city.name,
            role="partner",
            city=city,
            language=language_for_city(city),  # Fez's partner reads Arabic, Ho Chi Minh City's Vietnamese
        )
        created += was_created
    student, was_created = _demo_user(
        "student", email="student@letsfood.example", first_name="Student", role="student", is_staff=True
    )
    created += was_created
    student.assigned_cities.add(*City.objects.filter(slug="sfax"))
    assessments = demo_assessments_load() + demo_follow_ups_load(by=team)
    workshops = demo_workshops_load()
    demo_fez_plan_load()  # after the workshops: only when the Montpellier–Fez plan is still empty
    demo_closed_loop_load()  # after the plans, which it adds to
    perche = demo_perche_experiment_load()  # after the workshops, which create the park
    if perche is not None:
        # The park's project officer: an account named by its role, which runs the park's experiments.
        _, was_created = _demo_user(
            "perche",
            email="perche@letsfood.example",
            first_name="Project officer",
            role="partner",
            city=perche,
            language=language_for_city(perche),
        )
        created += was_created
    return f"{created} accounts, {assessments} illustrative assessments, {workshops} created"
