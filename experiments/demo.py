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
    # commune, kind, title, status, outcome, cost, lessons, observations; each text as (English, French)
    (
        "mortagne-au-perche",
        Tool.Kind.SHARED_ORCHARD,
        (
            "Shared orchard of old Perche apple and pear varieties",
            "Verger partagé de variétés anciennes de pommes et de poires du Perche",
        ),
        Tool.Status.IN_PROGRESS,
        Tool.Outcome.UNKNOWN,
        Decimal("6200"),
        ("", ""),
        [
            (
                date(2025, 11, 22),
                (
                    "40 trees planted with the school and the orchard association; watering rota agreed.",
                    "40 arbres plantés avec l'école et l'association des croqueurs de pommes ; tour d'arrosage "
                    "convenu.",
                ),
            )
        ],
    ),
    (
        "mortagne-au-perche",
        Tool.Kind.PROCESSING_CENSUS,
        (
            "Census of the processing tools of the canton (presses, ovens, cold rooms)",
            "Recensement des outils de transformation du canton (pressoirs, fours, chambres froides)",
        ),
        Tool.Status.DONE,
        Tool.Outcome.WORKED,
        Decimal("1800"),
        (
            "A volunteer per village and one shared spreadsheet were enough; owners agreed to lend their press in a "
            "crisis.",
            "Un bénévole par village et un tableur partagé ont suffi ; les propriétaires ont accepté de prêter leur "
            "pressoir en cas de crise.",
        ),
        [
            (
                date(2026, 3, 10),
                (
                    "27 tools listed in 12 villages, 9 of them available to lend.",
                    "27 outils recensés dans 12 villages, dont 9 disponibles au prêt.",
                ),
            )
        ],
    ),
    (
        "belleme",
        Tool.Kind.SHARED_GARDEN,
        ("Shared vegetable garden behind the community hall", "Potager partagé derrière la salle des fêtes"),
        Tool.Status.DONE,
        Tool.Outcome.WORKED,
        Decimal("3400"),
        (
            "Starting small (10 plots) and a weekly open morning kept the volunteers; water from the hall's roof "
            "suffices.",
            "Commencer petit (10 parcelles) et une matinée portes ouvertes chaque semaine ont gardé les bénévoles ; "
            "l'eau du toit de la salle suffit.",
        ),
        [
            (
                date(2026, 4, 18),
                ("10 plots opened, 14 households garden them.", "10 parcelles ouvertes, cultivées par 14 foyers."),
            ),
            (
                date(2026, 9, 5),
                (
                    "First harvest shared at the market; two more plots asked for.",
                    "Première récolte partagée au marché ; deux parcelles de plus demandées.",
                ),
            ),
        ],
    ),
    (
        "belleme",
        Tool.Kind.EQUIPMENT,
        (
            "A small stone mill for the local farmers' grain",
            "Un petit moulin à meules de pierre pour le grain des agriculteurs du coin",
        ),
        Tool.Status.PLANNED,
        Tool.Outcome.UNKNOWN,
        None,
        ("", ""),
        [],
    ),
]

SESSIONS = [
    # commune, kind, title, date, audience, attendance, material, ratings; each text as (English, French)
    (
        "mortagne-au-perche",
        Session.Kind.AWARENESS,
        ("Evening on food disruptions", "Soirée sur les ruptures d'approvisionnement alimentaire"),
        date(2025, 10, 9),
        ("Inhabitants", "Habitants"),
        42,
        (
            "The snowstorm scenario's map, a film of the ATLASS simulation",
            "La carte du scénario de tempête de neige, un film de la simulation ATLASS",
        ),
        [5, 4, 4, 5, 3, 4],
    ),
    (
        "belleme",
        Session.Kind.TRAINING,
        ("Training of the elected officials", "Formation des élus"),
        date(2025, 11, 14),
        ("Mayors and councillors of the canton", "Maires et conseillers municipaux du canton"),
        14,
        (
            "Food-resilience self-diagnosis grid, the park's inventory",
            "Grille d'autodiagnostic de la résilience alimentaire, l'inventaire du parc",
        ),
        [4, 5, 4],
    ),
]


def _texts(field: str, english: str, french: str) -> dict[str, str]:
    """Return a translatable field's English and French columns."""
    return {f"{field}_en": english, f"{field}_fr": french}


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
        **_texts(
            "title",
            "Food resilience in the communes of the Perche",
            "La résilience alimentaire dans les communes du Perche",
        ),
        **_texts(
            "summary",
            "Following the ATLASS II snowstorm simulation, two communes of the park try for two years the tools that "
            "would keep them fed in a disruption, then hand on what worked to the other communes.",
            "À la suite de la simulation de tempête de neige ATLASS II, deux communes du parc expérimentent pendant "
            "deux ans les outils qui les nourriraient en cas de rupture, puis transmettent aux autres communes ce qui "
            "a fonctionné.",
        ),
        **_texts(
            "objectives",
            "Raise the inhabitants' awareness of food disruptions; train the elected officials; support each commune "
            "in trying shared gardens and orchards, a census of processing tools and basic equipment; review and "
            "transfer the know-how.",
            "Sensibiliser les habitants aux ruptures d'approvisionnement alimentaire ; former les élus ; accompagner "
            "chaque commune dans l'essai de jardins et de vergers partagés, d'un recensement des outils de "
            "transformation et d'équipements de base ; évaluer et transmettre le savoir-faire.",
        ),
        start=date(2025, 9, 1),
        end=date(2027, 8, 31),
        status=Experiment.Status.RUNNING,
        is_published=True,
        is_demo=True,
    )
    experiment.communes.set(communes.values())
    Funding.objects.create(
        experiment=experiment,
        **_texts("source", "Région Normandie", "Région Normandie"),
        amount=Decimal("25000"),
        status=Funding.Status.GRANTED,
    )
    Funding.objects.create(
        experiment=experiment,
        **_texts("source", "LEADER (European Union)", "LEADER (Union européenne)"),
        amount=Decimal("40000"),
        status=Funding.Status.SOUGHT,
    )
    Partner.objects.create(
        experiment=experiment,
        kind=Partner.Kind.PARTNER,
        organisation="Parc naturel régional du Perche",
        **_texts(
            "role",
            "Food-resilience project officer (coordination)",
            "Chargé de mission résilience alimentaire (coordination)",
        ),
    )
    Partner.objects.create(
        experiment=experiment,
        kind=Partner.Kind.EXPERT,
        organisation="Chambre d'agriculture",
        **_texts(
            "role", "Agronomist (orchards and small-scale milling)", "Agronome (vergers et meunerie à petite échelle)"
        ),
    )
    Partner.objects.create(
        experiment=experiment,
        kind=Partner.Kind.EXPERT,
        organisation="ATLASS II research team",
        **_texts("role", "Methodology", "Méthodologie"),
    )
    for commune, kind, title, status, outcome, cost, lessons, observations in TOOLS:
        tool = Tool.objects.create(
            experiment=experiment,
            commune=communes[commune],
            kind=kind,
            **_texts("title", *title),
            status=status,
            outcome=outcome,
            cost=cost,
            **_texts("lessons", *lessons),
        )
        for day, note in observations:
            Observation.objects.create(tool=tool, date=day, **_texts("note", *note))
    for commune, kind, title, day, audience, attendance, material, ratings in SESSIONS:
        session = Session.objects.create(
            experiment=experiment,
            commune=communes[commune],
            kind=kind,
            **_texts("title", *title),
            date=day,
            **_texts("audience", *audience),
            attendance=attendance,
            **_texts("material", *material),
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
