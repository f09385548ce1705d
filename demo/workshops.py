"""Illustrative missions, workshops, action plans and a food-disruption simulation for a local run.

Real facts come from the programme's public record (reference README): the Ho Chi Minh City mission ran from February
to April 2019, the Sfax mission from October to December 2019, the Fez mission in 2019 with a 29-minute film selected
at Festival ALIMENTERRE 2020; the Perche (ATLASS II) simulation outcomes were presented on 22 January 2024 to 26
participants. Everything else is invented for illustration and flagged `is_demo`. Each object is keyed by its slug or
name, so running the loader twice adds nothing.
"""

import io
import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from assessments.models import Category, Challenge, Indicator, RecommendedAction
from cities.models import City, Duo, Organisation
from workshops import action_plans, services
from workshops.models import (
    Action,
    ActionUpdate,
    Infrastructure,
    Milestone,
    Mission,
    Participant,
    Photo,
    Proposal,
    RoleAssignment,
    RoundDecision,
    Scenario,
    ScenarioRound,
    SimulationGroup,
    Vulnerability,
    Workshop,
)

from .workshop_content import (
    DEMO_NOTE_EN,
    DEMO_NOTE_FR,
    FEZ_PARTICIPANTS,
    FEZ_PROPOSALS,
    HAZARDS_FR,
    LYON_MILESTONES,
    LYON_PROPOSALS,
    MISSIONS,
    OTHER_SCENARIOS,
    PERCHE_INFRASTRUCTURE,
    PERCHE_OUTCOMES,
    ROLES,
    SNOWSTORM,
    UPDATES,
)


def _at(day: date, hour: int, zone: str) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(zone))


def _workshop(*, by, **fields) -> Workshop:
    """Create a workshop under a fixed slug (what makes the loader idempotent), with the default criteria."""
    workshop = Workshop.objects.create(**fields)
    services.criteria_ensure_default(workshop=workshop)
    if by is not None:
        workshop.facilitators.add(by)
    return workshop


def _placeholder_image(label: str, colour: tuple[int, int, int]) -> ContentFile:
    """Return a small PNG with a coloured band: the demo has no real photos, and says so in the credit."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 450), (236, 241, 236))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 300, 800, 450), fill=colour)
    draw.ellipse((560, 60, 680, 180), fill=(251, 140, 0))
    draw.text((24, 24), label, fill=(30, 60, 30))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=f"demo-{label.lower().replace(' ', '-')}.png")


def _photo(*, credit_en: str, label: str, label_fr: str, colour, **owner) -> None:
    Photo.objects.create(
        image=_placeholder_image(label, colour),
        caption_en=f"{label} (illustrative image)",
        caption_fr=f"{label_fr} (image illustrative)",
        credit=credit_en,
        **owner,
    )


def _missions(team) -> int:
    created = 0
    for slug, city_slug, start, end, text_en, text_fr, film in MISSIONS:
        city = City.objects.filter(slug=city_slug).first()
        if city is None or Mission.objects.filter(slug=slug).exists():
            continue
        illustrative = not text_en
        mission = Mission.objects.create(
            city=city,
            slug=slug,
            title_en=f"Mission to {city.name_en}",
            title_fr=f"Mission à {city.name_fr}",
            description_en=text_en or f"Illustrative mission to {city.name_en} (demonstration data).",
            description_fr=text_fr or f"Mission illustrative à {city.name_fr} (données de démonstration).",
            start=start,
            end=end,
            status=Mission.Status.DONE,
            team_member_names="Camille (illustrative), Yanis (illustrative)",
            film_title=f"Let's Food Cities: {city.name_en} (illustrative title)",
            film_duration_minutes=film[0] if film else None,
            film_languages=film[1] if film else "",
            film_synopsis_en=film[2] if film else DEMO_NOTE_EN,
            film_synopsis_fr=film[3] if film else DEMO_NOTE_FR,
            event_venue_en="" if illustrative else f"City hall of {city.name_en} (illustrative)",
            event_venue_fr="" if illustrative else f"Hôtel de ville de {city.name_fr} (illustratif)",
            event_attendance=None if illustrative else 120,
            event_authorities_en="" if illustrative else "Deputy mayor for food (illustrative)",
            event_authorities_fr="" if illustrative else "Adjoint au maire chargé de l'alimentation (illustratif)",
            is_published=True,
            is_demo=True,
        )
        if team is not None:
            mission.team_members.add(team)
        university, _ = Organisation.objects.get_or_create(
            name=f"University partner in {city.name_en} (illustrative)",
            defaults={"kind": Organisation.Kind.RESEARCH, "city": city},
        )
        mission.universities.add(university)
        if not illustrative:
            _photo(
                mission=mission,
                credit_en="Let's Food Cities (illustrative)",
                label=city.name_en,
                label_fr=city.name_fr,
                colour=(67, 160, 71),
            )
        created += 1
    return created


def _challenges_and_actions(city: City, category_code: str):
    challenges = Challenge.objects.filter(assessment__city=city, category__code=category_code)
    actions = RecommendedAction.objects.filter(category__code=category_code).order_by("number")[:2]
    return challenges, actions


def _add_proposals(workshop: Workshop, items, source=Proposal.Source.LIVE) -> list[Proposal]:
    proposals = []
    for order, (title_en, title_fr, category_code) in enumerate(items):
        challenges, actions = _challenges_and_actions(workshop.city, category_code)
        proposal = Proposal.objects.create(
            workshop=workshop,
            title_en=title_en,
            title_fr=title_fr,
            description_en=DEMO_NOTE_EN,
            description_fr=DEMO_NOTE_FR,
            category=actions[0].category if actions else None,
            source=source,
            order=order,
        )
        proposal.challenges.set(challenges)
        proposal.actions.set(actions)
        proposals.append(proposal)
    return proposals


def _fez_workshop(team) -> int:
    fez = City.objects.filter(slug="fez").first()
    if fez is None or Workshop.objects.filter(slug="fez-action-planning").exists():
        return 0
    day = timezone.localdate() + timedelta(days=14)
    workshop = _workshop(
        city=fez,
        title_en="Action-planning workshop in Fez",
        title_fr="Atelier de planification des actions à Fès",
        starts_at=_at(day, 9, "Africa/Casablanca"),
        ends_at=_at(day, 13, "Africa/Casablanca"),
        by=team,
        slug="fez-action-planning",
        venue="Municipal conference room, Fez (illustrative)",
        agenda_en="9:00 Welcome and the assessment's main challenges\n10:00 Proposals in small groups\n"
        "11:30 Scoring on phones: impact, feasibility, cost, urgency\n12:30 Live ranking and next steps",
        agenda_fr="9 h Accueil et principaux enjeux du diagnostic\n10 h Propositions en petits groupes\n"
        "11 h 30 Notation sur téléphone : impact, faisabilité, coût, urgence\n12 h 30 Classement en direct et suites",
        private_notes_en="Illustrative private note: two municipal departments still disagree on the market site.",
        private_notes_fr="Note privée illustrative : deux services municipaux sont encore en désaccord sur le site "
        "du marché.",
        is_published=True,
        is_demo=True,
    )
    for name, org_kind, kind, consents in FEZ_PARTICIPANTS:
        organisation = None
        if org_kind:
            organisation, _ = Organisation.objects.get_or_create(
                name=f"{Organisation.Kind(org_kind).label} of Fez (illustrative)",
                defaults={"kind": org_kind, "city": fez},
            )
        Participant.objects.create(
            workshop=workshop, name=name, organisation=organisation, kind=kind, consents_to_be_named=consents
        )
    _add_proposals(workshop, FEZ_PROPOSALS)
    services.vote_open(workshop=workshop)  # open, with no ballot yet: the voting journey starts here
    _photo(
        workshop=workshop,
        credit_en="Let's Food Cities (illustrative)",
        label="Fez workshop",
        label_fr="Atelier de Fès",
        colour=(251, 140, 0),
    )
    return 1


def _lyon_workshop_and_plan(team) -> int:
    lyon = City.objects.filter(slug="lyon").first()
    duo = Duo.objects.filter(slug="lyon-ho-chi-minh-city").first()
    if lyon is None or duo is None or Workshop.objects.filter(slug="lyon-action-planning").exists():
        return 0
    day = timezone.localdate() - timedelta(days=180)
    workshop = _workshop(
        city=lyon,
        title_en="Lyon–Ho Chi Minh City action-planning workshop",
        title_fr="Atelier de planification Lyon–Hô-Chi-Minh-Ville",
        starts_at=_at(day, 14, "Europe/Paris"),
        ends_at=_at(day, 18, "Europe/Paris"),
        by=team,
        slug="lyon-action-planning",
        venue="Hôtel de Ville de Lyon (illustrative)",
        agenda_en="Proposals for the duo's action plan, scored by the participants.",
        agenda_fr="Propositions pour le plan d'action du duo, notées par les participants.",
        minutes_en="Nine participants scored six proposals; the three best became the duo's first actions. "
        + DEMO_NOTE_EN,
        minutes_fr="Neuf participants ont noté six propositions ; les trois meilleures sont devenues les premières "
        "actions du duo. " + DEMO_NOTE_FR,
        private_notes_en="Illustrative private note: the budget of the cooks' exchange is not confirmed yet.",
        private_notes_fr="Note privée illustrative : le budget de l'échange de cuisiniers n'est pas encore confirmé.",
        is_published=True,
        is_demo=True,
    )
    kinds = [Participant.Kind.LOCAL_AUTHORITY, Participant.Kind.ASSOCIATION, Participant.Kind.RESEARCH]
    for number in range(1, 10):
        Participant.objects.create(
            workshop=workshop,
            name=f"Participant {number}" if number > 3 else ["Claire Dubois", "Marc Lefèvre", "Linh Tran"][number - 1],
            kind=kinds[number % 3],
            consents_to_be_named=number <= 3,
        )
    proposals = _add_proposals(workshop, LYON_PROPOSALS)
    services.vote_open(workshop=workshop)
    criteria = list(workshop.criteria.all())
    rng = random.Random("lyon-action-planning")
    strength = {proposal.pk: 4 - index * 0.4 for index, proposal in enumerate(proposals)}
    for number in range(9):
        scores = {
            (proposal.pk, criterion.pk): max(
                criterion.scale_min, min(criterion.scale_max, round(strength[proposal.pk] + rng.uniform(-1, 1)))
            )
            for proposal in proposals
            for criterion in criteria
        }
        services.ballot_cast(workshop=workshop, token=f"demo-lyon-{number}", scores=scores, from_paper=number >= 7)
    ranking = services.vote_close(workshop=workshop)
    Workshop.objects.filter(pk=workshop.pk).update(vote_closed_at=workshop.ends_at)  # closed at the workshop's end
    today = timezone.localdate()
    top = [entry.proposal for entry in sorted(ranking, key=lambda entry: entry.rank)[:3]]
    indicators = list(Indicator.objects.order_by("number")[:3])
    for index, (proposal, milestones) in enumerate(zip(top, LYON_MILESTONES, strict=True)):
        action = services.proposal_to_action(
            proposal=proposal,
            duo=duo,
            by=team,
            start=today - timedelta(days=170),
            end=today + timedelta(days=200),
            budget=Decimal(15000 + 5000 * index),
            funding_source="Illustrative funding (demonstration data)",
            internal_notes="Illustrative internal note.",
        )
        Action.objects.filter(pk=action.pk).update(
            funding_source_fr="Financement illustratif (données de démonstration)",
            internal_notes_fr="Note interne illustrative.",
        )
        if indicators:
            action.indicators.add(indicators[index % len(indicators)])
        for title_en, title_fr, months, done in milestones:
            due = today + timedelta(days=30 * months)
            Milestone.objects.create(
                action=action, title_en=title_en, title_fr=title_fr, due=due, done_on=due if done else None
            )
        updates = [(120, *UPDATES[0])] + ([(30, *UPDATES[1])] if index == 2 else [])
        for days_ago, note_en, note_fr in updates:
            update = action_plans.action_update_record(
                action=action,
                status=Action.Status.IN_PROGRESS,
                note=note_en,
                by=team,
                date=today - timedelta(days=days_ago),
            )
            ActionUpdate.objects.filter(pk=update.pk).update(note_en=note_en, note_fr=note_fr)
    return 1


def _scenarios() -> Scenario:
    """Create the scenario library, each scenario with its rounds of escalating events; return the snowstorm."""
    scenarios = []
    for slug, title_en, title_fr, hazard, summary_en, summary_fr, rounds in [SNOWSTORM, *OTHER_SCENARIOS]:
        scenario, _created = Scenario.objects.get_or_create(
            slug=slug,
            defaults={
                "title_en": title_en,
                "title_fr": title_fr,
                "hazard_en": hazard,
                "hazard_fr": HAZARDS_FR[hazard],
                "summary_en": summary_en,
                "summary_fr": summary_fr,
            },
        )
        if not scenario.rounds.exists():  # also completes a library loaded before the scenarios had rounds
            for number, (round_en, round_fr, events_en, events_fr) in enumerate(rounds, start=1):
                ScenarioRound.objects.create(
                    scenario=scenario,
                    number=number,
                    title_en=round_en,
                    title_fr=round_fr,
                    events_en=events_en,
                    events_fr=events_fr,
                )
        scenarios.append(scenario)
    return scenarios[0]


def _perche(snowstorm: Scenario, team) -> int:
    perche, _ = City.objects.get_or_create(
        slug="perche",
        defaults={
            "name_en": "Parc naturel régional du Perche",
            "name_fr": "Parc naturel régional du Perche",
            "country": "FR",
            "kind": City.Kind.REGIONAL_NATURAL_PARK,
            "role": City.Role.TERRITORY,
            "location": {"type": "Point", "coordinates": [0.8, 48.4]},
            "location_source": "Approximate centre of the park (illustrative)",
            "languages": "fr",
            "description_en": "A territory of the ATLASS II project, where a food-disruption simulation was played.",
            "description_fr": "Un territoire du projet ATLASS II, où un atelier de rupture alimentaire a été joué.",
        },
    )
    for kind, name, owner, capacity, status, (lon, lat) in PERCHE_INFRASTRUCTURE:
        Infrastructure.objects.get_or_create(
            city=perche,
            name=name,
            defaults={
                "kind": kind,
                "owner": owner,
                "capacity": capacity,
                "status": status,
                "location": {"type": "Point", "coordinates": [lon, lat]},
                "is_demo": True,
            },
        )
    if Workshop.objects.filter(slug="perche-snowstorm-simulation").exists():
        return 0
    day = date(2023, 11, 18)
    workshop = _workshop(
        city=perche,
        title_en="Food-disruption simulation in the Perche",
        title_fr="Atelier de rupture alimentaire dans le Perche",
        starts_at=_at(day, 14, "Europe/Paris"),
        ends_at=_at(day, 16, "Europe/Paris"),
        by=team,
        slug="perche-snowstorm-simulation",
        format=Workshop.Format.SIMULATION,
        scenario=snowstorm,
        venue="Salle des fêtes (illustrative)",
        agenda_en="Two-hour role-play in small groups around a map of the territory, then a debrief.",
        agenda_fr="Jeu de rôle de deux heures en petits groupes autour d'une carte du territoire, puis un débriefing.",
        minutes_en="The outcomes were presented on 22 January 2024 to 26 participants (ATLASS II): network local "
        "actors, spread practical know-how, use public and private spaces for food solidarity, inventory the "
        "processing tools, have communes invest in mills. The session's date and groups are illustrative.",
        minutes_fr="Les résultats ont été restitués le 22 janvier 2024 devant 26 participants (ATLASS II) : mettre en "
        "réseau les acteurs locaux, diffuser les savoir-faire, utiliser des espaces publics et privés pour la "
        "solidarité alimentaire, inventorier les outils de transformation, faire investir les communes dans des "
        "moulins. La date et les groupes de la séance sont illustratifs.",
        is_published=True,
        is_demo=True,
    )
    kinds = list(Participant.Kind.values)
    participants = [
        Participant.objects.create(workshop=workshop, name=f"Player {number}", kind=kinds[number % len(kinds)])
        for number in range(1, 27)
    ]
    rounds = list(snowstorm.rounds.order_by("number"))
    decisions = [
        ("Check on isolated residents door to door", "Rendre visite porte à porte aux habitants isolés"),
        (
            "Open the village hall as a warm shelter with a generator",
            "Ouvrir la salle des fêtes comme abri chauffé avec un groupe électrogène",
        ),
        (
            "Pool the milk that can no longer be collected and make cheese",
            "Mettre en commun le lait qui ne peut plus être collecté et faire du fromage",
        ),
        (
            "Distribute flour from the mill and bake in the bakery's wood oven",
            "Distribuer la farine du moulin et cuire le pain dans le four à bois de la boulangerie",
        ),
    ]
    for index, letter in enumerate("ABCD"):
        group = SimulationGroup.objects.create(workshop=workshop, name_en=f"Group {letter}", name_fr=f"Groupe {letter}")
        for offset, role in enumerate(ROLES):
            player = participants[(index * len(ROLES) + offset) % len(participants)]
            RoleAssignment.objects.create(group=group, role=role, participant=player)
        for round_, (decision_en, decision_fr) in zip(rounds, decisions, strict=False):
            RoundDecision.objects.create(
                group=group,
                round=round_,
                decision_en=f"{decision_en} (illustrative decision).",
                decision_fr=f"{decision_fr} (décision illustrative).",
            )
    for text_en, text_fr, code in [
        (
            "No one knows which farms can process their own produce.",
            "Personne ne sait quelles fermes peuvent transformer leur propre production.",
            "food_supply_distribution",
        ),
        (
            "Shops hold two days of stock; deliveries depend on one road.",
            "Les commerces ont deux jours de stock ; les livraisons dépendent d'une seule route.",
            "food_supply_distribution",
        ),
        (
            "Isolated elderly residents are unknown to the services.",
            "Les personnes âgées isolées ne sont pas connues des services.",
            "social_economic_equity",
        ),
        (
            "Milking and cold storage stop without power.",
            "La traite et le stockage au froid s'arrêtent sans électricité.",
            "food_production",
        ),
    ]:
        category = Category.objects.filter(code=code).first()
        Vulnerability.objects.create(
            workshop=workshop, description_en=text_en, description_fr=text_fr, category=category
        )
    proposals = _add_proposals(workshop, PERCHE_OUTCOMES, source=Proposal.Source.SIMULATION)
    # The park belongs to no duo: its last two outcomes open its own local action plan.
    for proposal, due in zip(proposals[-2:], [date(2024, 6, 30), date(2025, 3, 31)], strict=True):
        action = services.proposal_to_action(proposal=proposal, territory=perche, by=team, start=date(2024, 2, 1))
        title_en, title_fr = _milestone_title(proposal)
        Milestone.objects.create(action=action, title_en=title_en, title_fr=title_fr, due=due)
    return 1


def _milestone_title(proposal: Proposal) -> tuple[str, str]:
    if "mill" in proposal.title_en.lower():
        return (
            "Two communes budget a shared mill (illustrative)",
            "Deux communes budgètent un moulin partagé (illustratif)",
        )
    return (
        "Map of the processing tools shared with the communes (illustrative)",
        "Carte des outils de transformation partagés avec les communes (illustrative)",
    )


def _duo_timelines() -> None:
    """Date the programme timeline of the duos whose partner city had its mission, from the demo records.

    A duo whose timeline was already set (any date, or a phase other than the first) is left alone. The mission phase
    takes the mission's dates; the duo then is in monitoring, which starts with its first action, if it has one.
    """
    missions = {
        mission.city_id: mission
        for mission in Mission.objects.filter(is_demo=True, status=Mission.Status.DONE).order_by("-start")
    }
    dates = ("assessment_start", "assessment_end", "mission_start", "mission_end", "monitoring_start", "monitoring_end")
    for duo in Duo.objects.filter(phase=Duo.Phase.ASSESSMENT, **{f"{name}__isnull": True for name in dates}):
        mission = missions.get(duo.partner_city_id)
        if mission is None:
            continue
        first_action = Action.objects.filter(duo=duo, start__isnull=False).order_by("start").first()
        duo.mission_start, duo.mission_end = mission.start, mission.end
        duo.monitoring_start = first_action.start if first_action else None
        duo.phase = Duo.Phase.MONITORING
        duo.save(update_fields=["phase", "mission_start", "mission_end", "monitoring_start", "updated"])


@transaction.atomic
def demo_workshops_load() -> str:
    """Create the illustrative missions, workshops, the Lyon–Ho Chi Minh City plan and the Perche simulation."""
    team = get_user_model().objects.filter(username="team").first()
    missions = _missions(team)
    workshops = _fez_workshop(team) + _lyon_workshop_and_plan(team)
    snowstorm = _scenarios()
    workshops += _perche(snowstorm, team)
    _duo_timelines()
    return f"{missions} missions and {workshops} workshops"
