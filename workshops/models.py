"""Missions, stakeholder workshops and their prioritised proposals, the duos' action plans, food-disruption
simulations (ATLASS format) and inventories of local food infrastructure."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.geo import LocatedNearTerritory, PointField
from core.predicates import is_partner, is_team

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud and typed on phones


def workshop_code() -> str:
    """Return a short, unambiguous code participants type on their phones."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Mission(models.Model):
    """A stay of the programme's team in a partner city: a film, a workshop, a public event."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        DONE = "done", _("Done")

    city = models.ForeignKey("cities.City", models.PROTECT, related_name="missions", verbose_name=_("city"))
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    description = models.TextField(_("description"), blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PLANNED)
    team_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="missions", verbose_name=_("team members")
    )
    team_member_names = models.CharField(
        _("other team members"), max_length=500, blank=True, help_text=_("People without an account, comma-separated.")
    )
    universities = models.ManyToManyField(
        "cities.Organisation", blank=True, related_name="missions", verbose_name=_("universities involved")
    )
    film_title = models.CharField(_("film title"), max_length=200, blank=True)
    film_url = models.URLField(_("film URL"), blank=True)
    film_duration_minutes = models.PositiveSmallIntegerField(_("film duration (minutes)"), null=True, blank=True)
    film_languages = models.CharField(_("film languages"), max_length=80, blank=True)
    film_synopsis = models.TextField(_("film synopsis"), blank=True)
    event_date = models.DateField(_("public event date"), null=True, blank=True)
    event_venue = models.CharField(_("public event venue"), max_length=200, blank=True)
    event_attendance = models.PositiveIntegerField(_("public event attendance"), null=True, blank=True)
    event_authorities = models.TextField(_("authorities present"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demonstration data"), default=False)

    objects = PublishedQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["team_members", "universities"])

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        ordering = ["-start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="mission_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title


class Photo(models.Model):
    """A photo of a mission or a workshop, with its credit."""

    mission = models.ForeignKey(Mission, models.CASCADE, null=True, blank=True, related_name="photos")
    workshop = models.ForeignKey("Workshop", models.CASCADE, null=True, blank=True, related_name="photos")
    image = models.ImageField(_("image"), upload_to="workshops/")
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            models.CheckConstraint(
                condition=Q(mission__isnull=False) | Q(workshop__isnull=False), name="photo_belongs_somewhere"
            )
        ]

    def __str__(self):
        return self.caption or self.credit


class Workshop(models.Model):
    """A workshop in a city or territory: action planning with stakeholders, or a food-disruption simulation."""

    class Format(models.TextChoices):
        ACTION_PLANNING = "action_planning", _("Action-planning workshop")
        SIMULATION = "simulation", _("Food-disruption simulation")
        OTHER = "other", _("Other")

    class Vote(models.TextChoices):
        NOT_OPEN = "not_open", _("Not open yet")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    city = models.ForeignKey("cities.City", models.PROTECT, related_name="workshops", verbose_name=_("territory"))
    mission = models.ForeignKey(
        Mission, models.SET_NULL, null=True, blank=True, related_name="workshops", verbose_name=_("mission")
    )
    scenario = models.ForeignKey(
        "Scenario",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("scenario"),
        help_text=_("For a food-disruption simulation."),
    )
    format = models.CharField(_("format"), max_length=16, choices=Format.choices, default=Format.ACTION_PLANNING)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_workshops", verbose_name=_("facilitators")
    )
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True, help_text=_("Public once the workshop is published."))
    private_notes = models.TextField(
        _("private notes"), blank=True, help_text=_("Seen only by the team and the partners of the duo.")
    )
    code = models.CharField(
        _("participant code"),
        max_length=8,
        unique=True,
        default=workshop_code,
        help_text=_("Participants type it on their phones to score the proposals."),
    )
    vote = models.CharField(_("vote"), max_length=8, choices=Vote.choices, default=Vote.NOT_OPEN)
    vote_closed_at = models.DateTimeField(_("vote closed at"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demonstration data"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    objects = PublishedQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["facilitators"])

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="workshop_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workshops:workshop-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.format == self.Format.SIMULATION and not self.scenario_id:
            raise ValidationError({"scenario": _("A simulation session plays a scenario: choose one.")})


class Criterion(models.Model):
    """A criterion participants score proposals on, with its weight in the ranking (impact, feasibility…)."""

    workshop = models.ForeignKey(Workshop, models.CASCADE, related_name="criteria", verbose_name=_("workshop"))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    weight = models.DecimalField(
        _("weight"), max_digits=5, decimal_places=2, default=Decimal("1"), validators=[MinValueValidator(0)]
    )
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=5)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["workshop", "order"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "code"], name="criterion_unique_code"),
            models.CheckConstraint(condition=Q(scale_max__gt=models.F("scale_min")), name="criterion_scale"),
            models.CheckConstraint(condition=Q(weight__gte=0), name="criterion_weight_positive"),
        ]

    def __str__(self):
        return self.name


class Participant(models.Model):
    """A person taking part in a workshop; named publicly only with their consent."""

    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", _("Local authority")
        FARMER = "farmer", _("Farmer or producer")
        BUSINESS = "business", _("Business")
        ASSOCIATION = "association", _("Association or NGO")
        RESEARCH = "research", _("Research or university")
        CITIZEN = "citizen", _("Citizen")
        PUBLIC_SERVICE = "public_service", _("Public service (fire, health…)")
        OTHER = "other", _("Other")

    workshop = models.ForeignKey(Workshop, models.CASCADE, related_name="participants", verbose_name=_("workshop"))
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        "cities.Organisation", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("organisation")
    )
    kind = models.CharField(_("stakeholder kind"), max_length=16, choices=Kind.choices, default=Kind.OTHER)
    email = models.EmailField(_("email"), blank=True, help_text=_("Private: never shown publicly."))
    consents_to_be_named = models.BooleanField(_("agrees to be named publicly"), default=False)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["workshop", "name"]

    def __str__(self):
        return self.name


class Proposal(models.Model):
    """An action proposed in a workshop, linked to the diagnosis it answers."""

    class Source(models.TextChoices):
        LIVE = "live", _("Typed live")
        PAPER = "paper", _("From paper sheets")
        SIMULATION = "simulation", _("From a simulation debrief")

    workshop = models.ForeignKey(Workshop, models.CASCADE, related_name="proposals", verbose_name=_("workshop"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    category = models.ForeignKey(
        "assessments.Category", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("category")
    )
    pillar = models.ForeignKey(
        "assessments.Pillar", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("pillar")
    )
    challenges = models.ManyToManyField(
        "assessments.Challenge", blank=True, related_name="proposals", verbose_name=_("challenges it answers")
    )
    actions = models.ManyToManyField(
        "assessments.RecommendedAction", blank=True, related_name="proposals", verbose_name=_("recommended actions")
    )
    proposed_by = models.ForeignKey(
        "cities.Organisation", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("proposed by")
    )
    source = models.CharField(_("source"), max_length=12, choices=Source.choices, default=Source.LIVE)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[challenges, actions])

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["workshop", "order", "id"]

    def __str__(self):
        return self.title

    def clean(self):
        # Every ballot scores every proposal: one added once the vote has opened would be scored by nobody before it.
        if not self._state.adding or not self.workshop_id:
            return
        vote = Workshop.objects.filter(pk=self.workshop_id).values_list("vote", flat=True).first()
        if vote not in (None, Workshop.Vote.NOT_OPEN):
            raise ValidationError(_("The vote of this workshop has opened: its proposals can no longer be added."))


class Ballot(models.Model):
    """One participant's scores, under an anonymous token: one ballot per token, none after the vote closed."""

    workshop = models.ForeignKey(Workshop, models.CASCADE, related_name="ballots", verbose_name=_("workshop"))
    token = models.CharField(_("participant token"), max_length=64)
    from_paper = models.BooleanField(_("typed in from paper"), default=False)
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)
    # Chosen by the phone for each version of its ballot: the same key sent again (a retry after a lost answer) is the
    # same ballot, a new key from the same phone replaces its scores.
    key = models.CharField(_("idempotency key"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [models.UniqueConstraint(fields=["workshop", "token"], name="ballot_one_per_token")]

    def __str__(self):
        return f"{self.workshop} · {self.pk}"


class BallotOpening(models.Model):
    """A phone opened the open vote's ballot: until its ballot arrives, the facilitator counts it as still waiting."""

    workshop = models.ForeignKey(Workshop, models.CASCADE, related_name="ballot_openings", verbose_name=_("workshop"))
    token = models.CharField(_("participant token"), max_length=64)
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)

    class Meta:
        verbose_name = _("ballot opened on a phone")
        verbose_name_plural = _("ballots opened on phones")
        constraints = [models.UniqueConstraint(fields=["workshop", "token"], name="ballot_opening_one_per_token")]

    def __str__(self):
        return f"{self.workshop} · {self.token[:6]}…"


class Score(models.Model):
    ballot = models.ForeignKey(Ballot, models.CASCADE, related_name="scores")
    proposal = models.ForeignKey(Proposal, models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "proposal", "criterion"], name="score_once_per_ballot"),
        ]

    def __str__(self):
        return f"{self.proposal_id}/{self.criterion_id}: {self.value}"


class RankingEntry(models.Model):
    """The ranking frozen when the facilitator closes the vote."""

    proposal = models.OneToOneField(Proposal, models.CASCADE, related_name="ranking", verbose_name=_("proposal"))
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.DecimalField(_("weighted score"), max_digits=7, decimal_places=3, null=True)
    ballots = models.PositiveIntegerField(_("ballots"))
    tie_break = models.CharField(_("tie broken by"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("ranking entry")
        verbose_name_plural = _("ranking")
        ordering = ["rank"]

    def __str__(self):
        return f"{self.rank}. {self.proposal}"


class ActionQuerySet(models.QuerySet):
    def for_duo(self, duo):
        return self.filter(duo=duo)

    def visible_to(self, user):
        """Return the actions the user may read: the public ones of published plans, plus every action of their own
        duo (the team reads all; None is the public). An action is public when its workshop is published, or when it
        came from none."""
        if user is not None and is_team(user):
            return self
        public = Q(proposal__isnull=True) | Q(proposal__workshop__is_published=True)
        visible = public & (Q(duo__is_published=True) | Q(territory__is_published=True))
        if user is not None and is_partner(user):
            visible |= Q(duo__french_city_id=user.city_id) | Q(duo__partner_city_id=user.city_id)
        return self.filter(visible)


class Action(models.Model):
    """An action of a duo's action plan, born from a workshop proposal, followed until it delivers."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    # An action belongs to one plan: a duo's, or the local plan of a territory outside the duos (an ATLASS-style
    # regional park whose disruption simulation produced it).
    duo = models.ForeignKey(
        "cities.Duo", models.PROTECT, null=True, blank=True, related_name="actions", verbose_name=_("duo")
    )
    territory = models.ForeignKey(
        "cities.City",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="territory_actions",
        verbose_name=_("territory"),
        help_text=_("Instead of a duo: the territory whose local action plan holds the action."),
    )
    proposal = models.ForeignKey(
        Proposal, models.SET_NULL, null=True, blank=True, related_name="plan_actions", verbose_name=_("from proposal")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owners = models.ManyToManyField(
        "cities.Organisation", blank=True, related_name="plan_actions", verbose_name=_("owners (both sides)")
    )
    budget = models.DecimalField(_("budget"), max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    funding_source = models.CharField(_("funding source"), max_length=200, blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    indicators = models.ManyToManyField(
        "assessments.Indicator", blank=True, related_name="plan_actions", verbose_name=_("indicators it should move")
    )
    recommended_actions = models.ManyToManyField(
        "assessments.RecommendedAction",
        blank=True,
        related_name="plan_actions",
        verbose_name=_("recommended actions"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Seen only by the team and the partners of the duo.")
    )
    is_demo = models.BooleanField(_("demonstration data"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    objects = ActionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["owners", "indicators", "recommended_actions"])

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("action plan")
        ordering = ["duo", "territory", "start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duo__isnull=False, territory__isnull=True) | Q(duo__isnull=True, territory__isnull=False),
                name="action_in_one_plan",
                violation_error_message=_("An action belongs to the plan of a duo or of a territory, not both."),
            )
        ]

    def __str__(self):
        return self.title

    @property
    def plan_owner(self):
        """Return the duo or the territory whose plan holds the action."""
        return self.duo or self.territory

    def plan_url(self) -> str:
        """Return the address of the plan that holds the action."""
        if self.duo_id:
            return reverse("plans:duo-plan", args=[self.duo.slug])
        return reverse("plans:territory-plan", args=[self.territory.slug])

    def plan_cities(self) -> list:
        """Return the cities of the action's plan: both cities of its duo, or its territory."""
        return list(self.duo.cities) if self.duo_id else [self.territory]


class Milestone(models.Model):
    action = models.ForeignKey(Action, models.CASCADE, related_name="milestones", verbose_name=_("action"))
    title = models.CharField(_("title"), max_length=200)
    due = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["action", "due", "id"]

    def __str__(self):
        return self.title

    def is_overdue(self, today=None) -> bool:
        """Return whether the milestone is past due and not done."""
        return self.done_on is None and self.due < (today or timezone.localdate())


class ActionUpdate(models.Model):
    """A dated status update of an action: the monitoring timeline of year 3."""

    action = models.ForeignKey(Action, models.CASCADE, related_name="updates", verbose_name=_("action"))
    date = models.DateField(_("date"), default=timezone.localdate)
    status = models.CharField(_("status"), max_length=12, choices=Action.Status.choices)
    note = models.TextField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("author")
    )

    class Meta:
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        ordering = ["action", "-date", "-id"]

    def __str__(self):
        return f"{self.date}: {self.get_status_display()}"


class Scenario(models.Model):
    """A food-disruption scenario of the ATLASS library, played in rounds of escalating events."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    hazard = models.CharField(_("hazard"), max_length=120, help_text=_("Snowstorm, fuel shortage, heatwave…"))
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        ordering = ["title"]

    def __str__(self):
        return self.title


class ScenarioRound(models.Model):
    scenario = models.ForeignKey(Scenario, models.CASCADE, related_name="rounds", verbose_name=_("scenario"))
    number = models.PositiveSmallIntegerField(_("round"))
    title = models.CharField(_("title"), max_length=200)
    events = models.TextField(_("events"), help_text=_("What happens in this round, read to the players."))

    class Meta:
        verbose_name = _("scenario round")
        verbose_name_plural = _("scenario rounds")
        ordering = ["scenario", "number"]
        constraints = [models.UniqueConstraint(fields=["scenario", "number"], name="scenario_round_unique")]

    def __str__(self):
        return f"{self.scenario} · {self.number}"


class SimulationGroup(models.Model):
    """A small group of players around the map in a simulation session."""

    workshop = models.ForeignKey(Workshop, models.CASCADE, related_name="groups", verbose_name=_("session"))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["workshop", "name"]

    def __str__(self):
        return self.name


class RoleAssignment(models.Model):
    """A role played in a group (firefighter, municipal technician, farmer…)."""

    class Role(models.TextChoices):
        FIREFIGHTER = "firefighter", _("Firefighter")
        MUNICIPAL_TECHNICIAN = "municipal_technician", _("Municipal technician")
        FARMER = "farmer", _("Farmer")
        SHOPKEEPER = "shopkeeper", _("Shopkeeper")
        ELECTED_OFFICIAL = "elected_official", _("Elected official")
        HEALTH_WORKER = "health_worker", _("Health worker")
        CARRIER = "carrier", _("Carrier")
        RESIDENT = "resident", _("Resident")
        OTHER = "other", _("Other")

    group = models.ForeignKey(SimulationGroup, models.CASCADE, related_name="roles", verbose_name=_("group"))
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    participant = models.ForeignKey(
        Participant, models.SET_NULL, null=True, blank=True, related_name="roles", verbose_name=_("played by")
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return self.get_role_display()


class RoundDecision(models.Model):
    """What a group decided in one round of the simulation."""

    group = models.ForeignKey(SimulationGroup, models.CASCADE, related_name="decisions", verbose_name=_("group"))
    round = models.ForeignKey(ScenarioRound, models.PROTECT, related_name="decisions", verbose_name=_("round"))
    decision = models.TextField(_("decision"))

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["round__number", "group__name", "id"]

    def __str__(self):
        return self.decision[:60]

    def clean(self):
        # The admin records decisions directly: it must hold to the rule simulation_round_record holds to.
        try:
            workshop = self.group.workshop
        except (SimulationGroup.DoesNotExist, Workshop.DoesNotExist):
            return
        if self.round_id and self.round.scenario_id != workshop.scenario_id:
            raise ValidationError({"round": _("This round belongs to another scenario than the session's.")})


class Vulnerability(models.Model):
    """A weakness of the local food system that a simulation brought to light."""

    workshop = models.ForeignKey(Workshop, models.CASCADE, related_name="vulnerabilities", verbose_name=_("session"))
    description = models.TextField(_("description"))
    category = models.ForeignKey(
        "assessments.Category", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("category")
    )

    class Meta:
        verbose_name = _("vulnerability")
        verbose_name_plural = _("vulnerabilities")

    def __str__(self):
        return self.description[:60]


class Infrastructure(LocatedNearTerritory, models.Model):
    """A piece of the territory's food infrastructure: mill, processing workshop, abattoir, storage…"""

    class Kind(models.TextChoices):
        MILL = "mill", _("Mill")
        PROCESSING = "processing", _("Processing workshop")
        ABATTOIR = "abattoir", _("Abattoir")
        STORAGE = "storage", _("Storage")
        MARKET = "market", _("Market")
        COLLECTIVE_KITCHEN = "collective_kitchen", _("Collective kitchen")
        FOOD_BANK = "food_bank", _("Food bank")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        UNDERUSED = "underused", _("Under-used")
        CLOSED = "closed", _("Closed")
        PLANNED = "planned", _("Planned")

    city = models.ForeignKey("cities.City", models.PROTECT, related_name="infrastructure", verbose_name=_("territory"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    capacity = models.CharField(_("capacity"), max_length=200, blank=True, help_text=_("E.g. 2 t of flour a day."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    location = PointField(_("location"), null=True, blank=True)
    is_demo = models.BooleanField(_("demonstration data"), default=False)

    class Meta:
        verbose_name = _("food infrastructure")
        verbose_name_plural = _("food infrastructure")
        ordering = ["city", "kind", "name"]

    def __str__(self):
        return self.name

    def location_territory(self):
        """Return the territory the infrastructure belongs to, which its location must stay near."""
        return self.city if self.city_id else None


class DigestLog(models.Model):
    """The monthly digest of a duo's milestones, recorded once sent so that a second run sends nothing twice."""

    duo = models.ForeignKey("cities.Duo", models.CASCADE, related_name="digest_logs", verbose_name=_("duo"))
    month = models.DateField(_("month"), help_text=_("The first day of the month the digest covers."))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        ordering = ["-month", "duo"]
        constraints = [models.UniqueConstraint(fields=["duo", "month"], name="digest_once_per_duo_per_month")]

    def __str__(self):
        return f"{self.duo} · {self.month:%Y-%m}"
