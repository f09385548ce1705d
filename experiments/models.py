"""Food-resilience experiments run by a territory (a regional park) with its partner communes: funding, partners,
the tools and actions each commune tries with their observations and photos, and the awareness and training sessions
with the anonymous feedback participants give on their phones."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workshops.models import workshop_code

PHOTO_MAX_BYTES = 8 * 1024 * 1024
PHOTO_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]


def validate_photo_size(image) -> None:
    """Refuse a photo heavier than PHOTO_MAX_BYTES: a phone's photo fits, a video renamed .jpg does not."""
    if image and image.size > PHOTO_MAX_BYTES:
        raise ValidationError(
            _("The photo weighs %(size)s MB; at most %(limit)s MB is accepted."),
            code="too_large",
            params={"size": round(image.size / 1024 / 1024, 1), "limit": PHOTO_MAX_BYTES // 1024 // 1024},
        )


def two_years_after(day: date) -> date:
    """Return the same day two years later (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year + 2)
    except ValueError:
        return day.replace(year=day.year + 2, day=28)


class ExperimentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_territory(self, territory):
        return self.filter(territory=territory)

    def visible_to(self, user):
        """Return the experiments the user may read: published ones; also their own territory's for its officers."""
        from core.predicates import is_partner, is_team

        if is_team(user):
            return self.all()
        if is_partner(user):
            return self.filter(Q(is_published=True) | Q(territory_id=user.city_id))
        return self.published()


class Experiment(models.Model):
    """A two-year experiment of a territory with at least two of its communes, reviewed to hand the know-how on."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Preparing")
        RUNNING = "running", _("Running")
        REVIEW = "review", _("Review")
        DONE = "done", _("Done")

    territory = models.ForeignKey(
        "cities.City", models.PROTECT, related_name="experiments", verbose_name=_("territory (park)")
    )
    communes = models.ManyToManyField(
        "cities.City",
        related_name="commune_experiments",
        verbose_name=_("partner communes"),
        help_text=_("At least two communes or groups of communes of the territory."),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.TextField(_("objectives"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), help_text=_("Two years after the start, as a rule."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PREPARING)
    is_published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demonstration data"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ExperimentQuerySet.as_manager()

    class Meta:
        verbose_name = _("experiment")
        verbose_name_plural = _("experiments")
        ordering = ["-start", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="experiment_ends_after_start"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("experiments:experiment-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The experiment must end after it starts.")})


class Funding(models.Model):
    """A source of money for the experiment, sought or granted."""

    class Status(models.TextChoices):
        SOUGHT = "sought", _("Sought")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")

    experiment = models.ForeignKey(Experiment, models.CASCADE, related_name="fundings", verbose_name=_("experiment"))
    source = models.CharField(_("source"), max_length=200, help_text=_("LEADER programme, region, foundation…"))
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.SOUGHT)

    class Meta:
        verbose_name = _("funding")
        verbose_name_plural = _("funding")
        ordering = ["experiment", "-amount"]
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="funding_amount_positive")]

    def __str__(self):
        return f"{self.source} ({self.amount} {self.currency})"


class Partner(models.Model):
    """A partner or an expert of the experiment, named by organisation and role, not by person."""

    class Kind(models.TextChoices):
        PARTNER = "partner", _("Partner")
        EXPERT = "expert", _("Expert")

    experiment = models.ForeignKey(Experiment, models.CASCADE, related_name="partners", verbose_name=_("experiment"))
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.PARTNER)
    organisation = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(_("role"), max_length=200, help_text=_("What they bring: project officer, agronomist…"))

    class Meta:
        verbose_name = _("partner or expert")
        verbose_name_plural = _("partners and experts")
        ordering = ["experiment", "kind", "organisation"]

    def __str__(self):
        return f"{self.organisation} · {self.role}"


class Tool(models.Model):
    """A tool or action one commune tries within the experiment, followed until we know whether it worked."""

    class Kind(models.TextChoices):
        SHARED_GARDEN = "shared_garden", _("Shared garden")
        SHARED_ORCHARD = "shared_orchard", _("Shared orchard")
        MUTUAL_AID = "mutual_aid", _("Mutual-aid space")
        PROCESSING_CENSUS = "processing_census", _("Census of processing tools")
        EQUIPMENT = "equipment", _("Basic equipment (mill…)")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    class Outcome(models.TextChoices):
        UNKNOWN = "unknown", _("Too early to say")
        WORKED = "worked", _("Worked")
        PARTLY = "partly", _("Partly worked")
        DID_NOT_WORK = "did_not_work", _("Did not work")

    experiment = models.ForeignKey(Experiment, models.CASCADE, related_name="tools", verbose_name=_("experiment"))
    commune = models.ForeignKey("cities.City", models.PROTECT, related_name="tools", verbose_name=_("commune"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    cost = models.DecimalField(
        _("cost"), max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.UNKNOWN)
    lessons = models.TextField(_("what worked or did not"), blank=True)
    action = models.ForeignKey(
        "workshops.Action",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="experiment_tools",
        verbose_name=_("action of the plan"),
        help_text=_("The action of the commune's local plan this tool carries out, when there is one."),
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tool or action tried")
        verbose_name_plural = _("tools and actions tried")
        ordering = ["experiment", "commune__name", "kind", "id"]
        constraints = [models.CheckConstraint(condition=Q(cost__gte=0), name="tool_cost_positive")]

    def __str__(self):
        return self.title

    def clean(self):
        if self.experiment_id and self.commune_id and self.commune.parent_id != self.experiment.territory_id:
            raise ValidationError({"commune": _("The commune must belong to the experiment's territory.")})


class Observation(models.Model):
    """A dated note of what was seen on a tool: a harvest, a meeting, a difficulty."""

    tool = models.ForeignKey(Tool, models.CASCADE, related_name="observations", verbose_name=_("tool"))
    date = models.DateField(_("date"), default=timezone.localdate)
    note = models.TextField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("author")
    )

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["tool", "-date", "-id"]

    def __str__(self):
        return f"{self.date}: {self.note[:50]}"


class ToolPhoto(models.Model):
    """A photo of a tool, with its credit; optionally of one observation."""

    tool = models.ForeignKey(Tool, models.CASCADE, related_name="photos", verbose_name=_("tool"))
    observation = models.ForeignKey(
        Observation, models.SET_NULL, null=True, blank=True, related_name="photos", verbose_name=_("observation")
    )
    image = models.ImageField(
        _("image"),
        upload_to="experiments/",
        validators=[FileExtensionValidator(PHOTO_EXTENSIONS), validate_photo_size],
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["tool", "id"]

    def __str__(self):
        return self.caption or self.credit


class SessionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Return the sessions the user may read: published ones of published experiments; every one of their own
        territory's experiments for its officers; all for the team."""
        from core.predicates import is_partner, is_team

        if is_team(user):
            return self.all()
        public = Q(is_published=True, experiment__is_published=True)
        if is_partner(user):
            return self.filter(public | Q(experiment__territory_id=user.city_id))
        return self.filter(public)


class Session(models.Model):
    """An awareness session for inhabitants or a training session for elected officials, in one commune."""

    class Kind(models.TextChoices):
        AWARENESS = "awareness", _("Awareness session (inhabitants)")
        TRAINING = "training", _("Training session (elected officials)")

    experiment = models.ForeignKey(Experiment, models.CASCADE, related_name="sessions", verbose_name=_("experiment"))
    commune = models.ForeignKey("cities.City", models.PROTECT, related_name="sessions", verbose_name=_("commune"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    audience = models.CharField(_("audience"), max_length=200, help_text=_("Who came: inhabitants, mayors…"))
    attendance = models.PositiveIntegerField(_("attendance"), default=0)
    material = models.TextField(_("material used"), blank=True)
    code = models.CharField(
        _("feedback code"),
        max_length=8,
        unique=True,
        default=workshop_code,
        help_text=_("Participants type it on their phones to give their feedback."),
    )
    feedback_open = models.BooleanField(_("feedback open"), default=False)
    workshop = models.OneToOneField(
        "workshops.Workshop",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="experiment_session",
        verbose_name=_("follow-up workshop"),
        help_text=_("Holds the follow-up actions proposed, for the vote and the commune's plan."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-date", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("experiments:session-detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.experiment_id and self.commune_id and self.commune.parent_id != self.experiment.territory_id:
            raise ValidationError({"commune": _("The commune must belong to the experiment's territory.")})


class Feedback(models.Model):
    """One participant's anonymous feedback on a session, under the token of their phone."""

    session = models.ForeignKey(Session, models.CASCADE, related_name="feedback", verbose_name=_("session"))
    token = models.CharField(_("participant token"), max_length=64)
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)], help_text=_("From 1 to 5.")
    )
    will_act = models.BooleanField(_("will act on it"), default=False)
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    created = models.DateTimeField(_("given at"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["session", "-created"]
        constraints = [
            models.UniqueConstraint(fields=["session", "token"], name="feedback_one_per_token"),
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"),
        ]

    def __str__(self):
        return f"{self.session} · {self.rating}"
