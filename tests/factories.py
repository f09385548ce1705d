"""factory_boy factories for the platform's models."""

from datetime import date
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from assessments.models import (
    Assessment,
    Category,
    CategoryAssessment,
    Challenge,
    Framework,
    Indicator,
    IndicatorValue,
    Initiative,
    Pillar,
    RecommendedAction,
)
from cities.models import City, Duo, DuoContact, Organisation
from newsletter.models import Campaign, ConsentEvent, ConsentText, Subscriber, Topic
from newsletter.tokens import email_hash
from opendata.models import OpenDataRelease
from reports.models import Report
from workshops.models import (
    Action,
    Milestone,
    Mission,
    Participant,
    Proposal,
    Workshop,
)


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City
        django_get_or_create = ("slug",)

    name_en = factory.Sequence(lambda n: f"City {n}")
    name_fr = factory.LazyAttribute(lambda o: f"Ville {o.name_en.split()[-1]}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name_en))
    country = "FR"
    role = City.Role.FRENCH
    location = factory.Sequence(lambda n: {"type": "Point", "coordinates": [2.0 + n % 50, 45.0 - n % 40]})
    population = 100_000
    population_year = 2021
    population_unit = "commune"


class PartnerCityFactory(CityFactory):
    country = "MA"
    role = City.Role.PARTNER


class DuoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Duo

    french_city = factory.SubFactory(CityFactory)
    partner_city = factory.SubFactory(PartnerCityFactory)
    slug = factory.LazyAttribute(lambda o: slugify(f"{o.french_city.name_en} {o.partner_city.name_en}"))
    name_en = factory.LazyAttribute(lambda o: f"{o.french_city.name_en} – {o.partner_city.name_en}")
    name_fr = factory.LazyAttribute(lambda o: f"{o.french_city.name_fr} – {o.partner_city.name_fr}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.ASSOCIATION
    city = factory.SubFactory(CityFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct-horse-battery")


class DuoContactFactory(factory.django.DjangoModelFactory):
    """A contact of a duo, on its partner city's side (pass `city` for the other)."""

    class Meta:
        model = DuoContact

    duo = factory.SubFactory(DuoFactory)
    city = factory.SelfAttribute("duo.partner_city")
    name = factory.Sequence(lambda n: f"Contact {n}")
    email = factory.LazyAttribute(lambda o: f"{slugify(o.name)}@example.org")


class ConsentTextFactory(factory.django.DjangoModelFactory):
    """A new version of the consent text, which comes into force (the migrations ship version 1)."""

    class Meta:
        model = ConsentText

    version = factory.Sequence(lambda n: n + 100)
    text_en = factory.LazyAttribute(lambda o: f"Consent text, version {o.version}.")


class ConsentEventFactory(factory.django.DjangoModelFactory):
    """An entry of the consent ledger: a subscriber's confirmation (pass `kind` for another)."""

    class Meta:
        model = ConsentEvent

    subscriber = factory.SubFactory("tests.factories.SubscriberFactory")
    email_hash = factory.LazyAttribute(lambda o: email_hash(o.subscriber.email) if o.subscriber else "")
    kind = ConsentEvent.Kind.CONFIRMED


class OpenDataReleaseFactory(factory.django.DjangoModelFactory):
    """A build of the open-data package, made now."""

    class Meta:
        model = OpenDataRelease

    created_at = factory.LazyFunction(timezone.now)
    files = factory.Sequence(lambda n: {"zip": f"opendata/letsfood-{n}.zip"})
    sizes = {"zip": 1024}
    checksum = "0" * 64


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"framework-{n}")
    name_en = factory.Sequence(lambda n: f"Framework {n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    framework = factory.SubFactory(FrameworkFactory)
    code = factory.Sequence(lambda n: f"category-{n}")
    order = factory.Sequence(lambda n: n)
    name_en = factory.Sequence(lambda n: f"Category {n}")


class RecommendedActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecommendedAction

    category = factory.SubFactory(CategoryFactory)
    framework = factory.SelfAttribute("category.framework")
    number = factory.Sequence(lambda n: n + 1)
    title_en = factory.Sequence(lambda n: f"Recommended action {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    category = factory.SubFactory(CategoryFactory)
    framework = factory.SelfAttribute("category.framework")
    code = factory.Sequence(lambda n: f"ind-{n:03d}")
    number = factory.Sequence(lambda n: n + 1)
    name_en = factory.Sequence(lambda n: f"Indicator {n}")
    value_type = Indicator.ValueType.NUMBER


class StudentFactory(UserFactory):
    """A student contributor; pass assigned_cities=[city, …] to assign them."""

    class Meta:
        skip_postgeneration_save = True  # the hook below saves through the relation itself

    role = "student"

    @factory.post_generation
    def assigned_cities(self, create, extracted, **kwargs):
        if create and extracted:
            self.assigned_cities.set(extracted)


class PillarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pillar
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"pillar-{n}")
    order = factory.Sequence(lambda n: n)
    name_en = factory.Sequence(lambda n: f"Pillar {n}")


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    city = factory.SubFactory(CityFactory)
    framework = factory.SubFactory(FrameworkFactory)
    year = factory.Sequence(lambda n: 2000 + n % 100)
    status = Assessment.Status.DRAFT
    summary_en = "A summary."


class CategoryAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CategoryAssessment

    assessment = factory.SubFactory(AssessmentFactory)
    category = factory.SubFactory(CategoryFactory, framework=factory.SelfAttribute("..assessment.framework"))


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    assessment = factory.SubFactory(AssessmentFactory)
    indicator = factory.SubFactory(
        IndicatorFactory, category__framework=factory.SelfAttribute("...assessment.framework")
    )
    value_number = Decimal("12.5")


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    assessment = factory.SubFactory(AssessmentFactory)
    category = factory.SubFactory(CategoryFactory, framework=factory.SelfAttribute("..assessment.framework"))
    title_en = factory.Sequence(lambda n: f"Challenge {n}")


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    assessment = factory.SubFactory(AssessmentFactory)
    title_en = factory.Sequence(lambda n: f"Initiative {n}")
    actor_type = Initiative.ActorType.ASSOCIATION
    location = factory.Sequence(lambda n: {"type": "Point", "coordinates": [2.0 + n % 50, 45.0 - n % 40]})


# --- Workshops, newsletter and reports.


class MissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mission

    city = factory.SubFactory(CityFactory)
    title_en = factory.Sequence(lambda n: f"Mission {n}")
    slug = factory.Sequence(lambda n: f"mission-{n}")


class WorkshopFactory(factory.django.DjangoModelFactory):
    """A published stakeholder workshop of a French city, starting now."""

    class Meta:
        model = Workshop

    city = factory.SubFactory(CityFactory)
    title_en = factory.Sequence(lambda n: f"Stakeholder workshop {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    starts_at = factory.LazyFunction(timezone.now)
    is_published = True


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    workshop = factory.SubFactory(WorkshopFactory)
    name = factory.Sequence(lambda n: f"Participant {n}")
    kind = Participant.Kind.CITIZEN


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    workshop = factory.SubFactory(WorkshopFactory)
    title_en = factory.Sequence(lambda n: f"Proposal {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    """An action of a duo's plan."""

    class Meta:
        model = Action

    duo = factory.SubFactory(DuoFactory)
    title_en = factory.Sequence(lambda n: f"Action {n}")


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    action = factory.SubFactory(ActionFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due = factory.LazyFunction(lambda: timezone.localdate())


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"topic-{n}")
    name_en = factory.LazyAttribute(lambda o: o.code.replace("-", " ").capitalize())


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber (pass `state` for another)."""

    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    state = Subscriber.State.SUBSCRIBED


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    subject_en = factory.Sequence(lambda n: f"News {n}")
    body_en = "News of the programme."


class ReportFactory(factory.django.DjangoModelFactory):
    """A queued report of a city (pass `kind`, `subject`, `status`… for another)."""

    class Meta:
        model = Report

    kind = Report.Kind.CITY
    subject = "annecy"
    language = "en"
    data_hash = factory.Sequence(lambda n: f"{n:064x}")


# --- Experiments: a park with its communes, an experiment, its tools and sessions


class ParkFactory(CityFactory):
    name_en = factory.Sequence(lambda n: f"Park {n}")
    role = City.Role.TERRITORY
    kind = City.Kind.REGIONAL_NATURAL_PARK
    location = {"type": "Point", "coordinates": [0.8, 48.4]}


class CommuneFactory(CityFactory):
    name_en = factory.Sequence(lambda n: f"Commune {n}")
    role = City.Role.TERRITORY
    kind = City.Kind.COMMUNE
    parent = factory.SubFactory(ParkFactory)
    location = factory.Sequence(lambda n: {"type": "Point", "coordinates": [0.5 + (n % 10) / 50, 48.3 + (n % 7) / 50]})
    population = 2000


class ExperimentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "experiments.Experiment"
        skip_postgeneration_save = True

    territory = factory.SubFactory(ParkFactory)
    title = factory.Sequence(lambda n: f"Experiment {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    objectives = "Try shared orchards and gardens, then hand the know-how on."
    start = date(2025, 9, 1)
    end = date(2027, 8, 31)
    status = "running"
    is_published = True

    @factory.post_generation
    def communes(self, create, extracted, **kwargs):
        if create:
            self.communes.set(extracted or [CommuneFactory(parent=self.territory) for _ in range(2)])


class ToolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "experiments.Tool"

    experiment = factory.SubFactory(ExperimentFactory)
    commune = factory.LazyAttribute(lambda o: o.experiment.communes.order_by("name").first())
    kind = "shared_orchard"
    title = factory.Sequence(lambda n: f"Tool {n}")


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "experiments.Session"

    experiment = factory.SubFactory(ExperimentFactory)
    commune = factory.LazyAttribute(lambda o: o.experiment.communes.order_by("name").first())
    kind = "awareness"
    title = factory.Sequence(lambda n: f"Session {n}")
    date = date(2025, 10, 9)
    audience = "Inhabitants"
    attendance = 30
    is_published = True


# --- Simulations, food infrastructure, ballots and session feedback


class ScenarioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workshops.Scenario"

    title_en = factory.Sequence(lambda n: f"Scenario {n}")
    slug = factory.Sequence(lambda n: f"scenario-{n}")
    hazard = "Snowstorm"


class ScenarioRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workshops.ScenarioRound"

    scenario = factory.SubFactory(ScenarioFactory)
    number = factory.Sequence(lambda n: n + 1)
    title_en = factory.Sequence(lambda n: f"Round {n}")
    events_en = "Roads close."


class SimulationGroupFactory(factory.django.DjangoModelFactory):
    """A group of players in a simulation session of a scenario."""

    class Meta:
        model = "workshops.SimulationGroup"

    workshop = factory.SubFactory(
        WorkshopFactory, format=Workshop.Format.SIMULATION, scenario=factory.SubFactory(ScenarioFactory)
    )
    name = factory.Sequence(lambda n: f"Group {n}")


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workshops.RoleAssignment"

    group = factory.SubFactory(SimulationGroupFactory)
    role = "farmer"


class VulnerabilityFactory(factory.django.DjangoModelFactory):
    """A weakness of the food system brought to light by a simulation session."""

    class Meta:
        model = "workshops.Vulnerability"

    workshop = factory.SubFactory(
        WorkshopFactory, format=Workshop.Format.SIMULATION, scenario=factory.SubFactory(ScenarioFactory)
    )
    description = factory.Sequence(lambda n: f"Vulnerability {n}")


class InfrastructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workshops.Infrastructure"

    city = factory.SubFactory(CityFactory)
    kind = "mill"
    name = factory.Sequence(lambda n: f"Mill {n}")


class BallotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workshops.Ballot"

    workshop = factory.SubFactory(WorkshopFactory)
    token = factory.Sequence(lambda n: f"token-{n}")


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "experiments.Feedback"

    session = factory.SubFactory(SessionFactory)
    token = factory.Sequence(lambda n: f"phone-{n}")
    rating = 4
