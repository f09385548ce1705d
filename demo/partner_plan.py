"""Demonstration data: a small Montpellier–Fez action plan, so that Fez's partner finds something due on "my duo"."""

from datetime import timedelta

from django.utils import timezone

from cities.models import City, Duo, Organisation
from workshops.models import Action, Milestone

# (title in English and French, days from today of its due date), the first one late.
FEZ_MILESTONES = [
    ("Survey the school canteens' suppliers", "Enquêter auprès des fournisseurs des cantines scolaires", -15),
    (
        "Sign the first supply contract with a cooperative",
        "Signer le premier contrat d'approvisionnement avec une coopérative",
        20,
    ),
    ("First local menu served in ten schools", "Premier menu local servi dans dix écoles", 120),
]


def demo_fez_plan_load() -> int:
    """Create one illustrative action of the Montpellier–Fez plan, unless the duo's plan already has actions."""
    duo = Duo.objects.filter(slug="montpellier-fez").first()
    fez = City.objects.filter(slug="fez").first()
    if duo is None or fez is None or Action.objects.filter(duo=duo).exists():
        return 0
    today = timezone.localdate()
    action = Action.objects.create(
        duo=duo,
        title_en="Fez school canteens buy from local farms (illustrative)",
        title_fr="Les cantines scolaires de Fès achètent aux fermes locales (illustratif)",
        status=Action.Status.IN_PROGRESS,
        start=today - timedelta(days=60),
        end=today + timedelta(days=300),
        is_demo=True,
    )
    owner, _ = Organisation.objects.get_or_create(
        name="Municipality of Fez (illustrative)", defaults={"kind": Organisation.Kind.LOCAL_AUTHORITY, "city": fez}
    )
    action.owners.add(owner)
    Milestone.objects.bulk_create(
        Milestone(action=action, title_en=title_en, title_fr=title_fr, due=today + timedelta(days=days))
        for title_en, title_fr, days in FEZ_MILESTONES
    )
    return 1
