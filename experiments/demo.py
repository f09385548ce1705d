"""Demonstration data of the Perche experiment: two communes of the park, a running two-year experiment with its
funding, partners, tools and sessions. Every figure is illustrative; the park's contact is a role, not a person."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from cities.models import City

from .models import Experiment, Feedback, Funding, Observation, Partner, Session, Tool
from .services import session_follow_up

EXPERIMENT_SLUG = "perche-food-resilience-communes"


def _square(lon: float, lat: float, half: float = 0.035) -> dict:
    """Return an illustrative square outline around a point (not the commune's real boundary)."""
    ring = [
        [lon - half, lat - half * 0.7],
        [lon + half, lat - half * 0.7],
        [lon + half, lat + half * 0.7],
        [lon - half, lat + half * 0.7],
        [lon - half, lat - half * 0.7],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


COMMUNES = [
    # slug, name, longitude, latitude, population (approximate)
    ("mortagne-au-perche", "Mortagne-au-Perche", 0.5486, 48.5203, 3700),
    ("belleme", "Bellême", 0.5600, 48.3756, 1500),
]

TOOLS = [
    # commune, kind, title, status, outcome, cost, lessons, observations
    (
        "mortagne-au-perche",
        Tool.Kind.SHARED_ORCHARD,
        "Shared orchard of old Perche apple and pear varieties",
        Tool.Status.IN_PROGRESS,
        Tool.Outcome.UNKNOWN,
        Decimal("6200"),
        "",
        [(date(2025, 11, 22), "40 trees planted with the school and the orchard association; watering rota agreed.")],
    ),
    (
        "mortagne-au-perche",
        Tool.Kind.PROCESSING_CENSUS,
        "Census of the processing tools of the canton (presses, ovens, cold rooms)",
        Tool.Status.DONE,
        Tool.Outcome.WORKED,
        Decimal("1800"),
        "A volunteer per village and one shared spreadsheet were enough; owners agreed to lend their press in a "
        "crisis.",
        [(date(2026, 3, 10), "27 tools listed in 12 villages, 9 of them available to lend.")],
    ),
    (
        "belleme",
        Tool.Kind.SHARED_GARDEN,
        "Shared vegetable garden behind the community hall",
        Tool.Status.DONE,
        Tool.Outcome.WORKED,
        Decimal("3400"),
        "Starting small (10 plots) and a weekly open morning kept the volunteers; water from the hall's roof suffices.",
        [
            (date(2026, 4, 18), "10 plots opened, 14 households garden them."),
            (date(2026, 9, 5), "First harvest shared at the market; two more plots asked for."),
        ],
    ),
    (
        "belleme",
        Tool.Kind.EQUIPMENT,
        "A small stone mill for the local farmers' grain",
        Tool.Status.PLANNED,
        Tool.Outcome.UNKNOWN,
        None,
        "",
        [],
    ),
]


@transaction.atomic
def demo_perche_experiment_load() -> City | None:
    """Create the Perche's two demo communes and its running experiment (once); return the park, or None without it."""
    perche = City.objects.filter(slug="perche").first()
    if perche is None:
        return None
    communes = {}
    for slug, name, lon, lat, population in COMMUNES:
        communes[slug], _created = City.objects.get_or_create(
            slug=slug,
            defaults={
                "name_en": name,
                "name_fr": name,
                "country": "FR",
                "kind": City.Kind.COMMUNE,
                "role": City.Role.TERRITORY,
                "parent": perche,
                "location": {"type": "Point", "coordinates": [lon, lat]},
                "location_source": "Approximate town centre (illustrative)",
                "outline": _square(lon, lat),
                "population": population,
                "population_unit": "commune",
                "population_source": "Approximate figure (illustrative demonstration data)",
                "languages": "fr",
            },
        )
    if Experiment.objects.filter(slug=EXPERIMENT_SLUG).exists():
        return perche
    experiment = Experiment.objects.create(
        territory=perche,
        slug=EXPERIMENT_SLUG,
        title="Food resilience in the communes of the Perche",
        summary=(
            "Following the ATLASS II snowstorm simulation, two communes of the park try for two years the tools that "
            "would keep them fed in a disruption, then hand on what worked to the other communes."
        ),
        objectives=(
            "Raise the inhabitants' awareness of food disruptions; train the elected officials; support each commune "
            "in trying shared gardens and orchards, a census of processing tools and basic equipment; review and "
            "transfer the know-how."
        ),
        start=date(2025, 9, 1),
        end=date(2027, 8, 31),
        status=Experiment.Status.RUNNING,
        is_published=True,
        is_demo=True,
    )
    experiment.communes.set(communes.values())
    Funding.objects.create(
        experiment=experiment, source="Région Normandie", amount=Decimal("25000"), status=Funding.Status.GRANTED
    )
    Funding.objects.create(
        experiment=experiment, source="LEADER (European Union)", amount=Decimal("40000"), status=Funding.Status.SOUGHT
    )
    Partner.objects.create(
        experiment=experiment,
        kind=Partner.Kind.PARTNER,
        organisation="Parc naturel régional du Perche",
        role="Food-resilience project officer (coordination)",
    )
    Partner.objects.create(
        experiment=experiment,
        kind=Partner.Kind.EXPERT,
        organisation="Chambre d'agriculture",
        role="Agronomist (orchards and small-scale milling)",
    )
    Partner.objects.create(
        experiment=experiment, kind=Partner.Kind.EXPERT, organisation="ATLASS II research team", role="Methodology"
    )
    for commune, kind, title, status, outcome, cost, lessons, observations in TOOLS:
        tool = Tool.objects.create(
            experiment=experiment,
            commune=communes[commune],
            kind=kind,
            title=title,
            status=status,
            outcome=outcome,
            cost=cost,
            lessons=lessons,
        )
        for day, note in observations:
            Observation.objects.create(tool=tool, date=day, note=note)
    sessions = [
        (
            communes["mortagne-au-perche"],
            Session.Kind.AWARENESS,
            "Evening on food disruptions",
            date(2025, 10, 9),
            "Inhabitants",
            42,
            "The snowstorm scenario's map, a film of the ATLASS simulation",
            [5, 4, 4, 5, 3, 4],
        ),
        (
            communes["belleme"],
            Session.Kind.TRAINING,
            "Training of the elected officials",
            date(2025, 11, 14),
            "Mayors and councillors of the canton",
            14,
            "Food-resilience self-diagnosis grid, the park's inventory",
            [4, 5, 4],
        ),
    ]
    for commune, kind, title, day, audience, attendance, material, ratings in sessions:
        session = Session.objects.create(
            experiment=experiment,
            commune=commune,
            kind=kind,
            title=title,
            date=day,
            audience=audience,
            attendance=attendance,
            material=material,
            is_published=True,
        )
        for number, rating in enumerate(ratings):
            Feedback.objects.create(session=session, token=f"demo-{number}", rating=rating, will_act=rating >= 4)
        if kind == Session.Kind.AWARENESS:
            # What the evening proposed, waiting for the vote or for the commune's plan.
            proposal = session_follow_up(session=session, title="Map the village wells and springs")
            proposal.title_fr = "Cartographier les puits et les sources du village"
            proposal.save(update_fields=["title_fr"])
    return perche
