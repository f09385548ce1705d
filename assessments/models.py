"""Assessment frameworks as editable, versioned data, and the assessments of cities made along them."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cities.predicates import assigned_city_ids, duo_city_ids
from core.geo import LocatedNearTerritory, PointField, point_coordinates
from core.predicates import is_team

# Units of the reference framework and the demo's source label are stored in English, as the data was written, and
# shown in the reader's language; any other unit or source (typed by the team) is shown as typed.
STORED_LABELS = {
    "households": _("households"),
    "adults": _("adults"),
    "activities": _("activities"),
    "local currency": _("local currency"),
    "g/person/day": _("g/person/day"),
    "Illustrative value (demonstration data)": _("Illustrative value (demonstration data)"),
    "Illustrative description": _("Illustrative description"),
}


# A cost in a currency (ISO 4217 code), as the demo's food-basket values are given.
COST_PER_DAY = re.compile(r"^([A-Z]{3}) per person per day$")


def stored_label(text: str) -> str:
    """Return a stored unit or source label in the reader's language when the platform ships its translation."""
    text_ = " ".join(text.split())
    if cost := COST_PER_DAY.match(text_):
        return _("%(currency)s per person per day") % {"currency": cost.group(1)}
    label = STORED_LABELS.get(text_)
    return str(label) if label is not None else text


class Framework(models.Model):
    """A versioned assessment framework, e.g. the MUFPP Monitoring Framework 2019."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    version = models.CharField(_("version"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    source = models.TextField(_("source"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} {self.version}".strip()


class Category(models.Model):
    """One of the framework's categories (the MUFPP has six), in the framework's order."""

    framework = models.ForeignKey(Framework, models.CASCADE, related_name="categories", verbose_name=_("framework"))
    code = models.SlugField(_("code"), max_length=60)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    description = models.TextField(_("description"), blank=True)
    source = models.TextField(_("source"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["framework", "order"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="category_unique_code")]

    def __str__(self):
        return self.short_name or self.name


class RecommendedAction(models.Model):
    """A recommended action of the framework (the MUFPP's 37), numbered across categories."""

    framework = models.ForeignKey(Framework, models.CASCADE, related_name="actions", verbose_name=_("framework"))
    category = models.ForeignKey(Category, models.PROTECT, related_name="actions", verbose_name=_("category"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.TextField(_("title"), help_text=_("The official wording where it is verified."))
    short_title = models.CharField(
        _("short title"),
        max_length=255,
        blank=True,
        help_text=_("A short paraphrase for tables and lists, where the official wording is long."),
    )
    verified = models.BooleanField(_("verified"), default=False, help_text=_("Checked against the source below."))
    note = models.TextField(_("note"), blank=True)
    source = models.TextField(_("source"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("recommended action")
        verbose_name_plural = _("recommended actions")
        ordering = ["framework", "number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="action_unique_number")]

    def __str__(self):
        return f"{self.number}. {self.display_title[:80]}"

    @property
    def display_title(self) -> str:
        """Return the short title where there is one, else the title."""
        return self.short_title or self.title

    def clean(self):
        if self.category_id and self.framework_id and self.category.framework_id != self.framework_id:
            raise ValidationError({"category": _("The category belongs to another framework.")})


class Indicator(models.Model):
    """An indicator of the framework, with the type and range its values must respect."""

    class ValueType(models.TextChoices):
        NUMBER = "number", _("Number")
        PERCENTAGE = "percentage", _("Percentage (0–100)")
        BOOLEAN = "boolean", _("Yes/no")
        SCALE = "scale", _("Scale")
        TEXT = "text", _("Text")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")
        NEUTRAL = "neutral", _("Neutral")

    framework = models.ForeignKey(Framework, models.CASCADE, related_name="indicators", verbose_name=_("framework"))
    category = models.ForeignKey(Category, models.PROTECT, related_name="indicators", verbose_name=_("category"))
    code = models.SlugField(_("code"), max_length=40, help_text=_("Stable identifier, e.g. mufpp-06."))
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True)
    name = models.TextField(_("name"))
    description = models.TextField(_("description"), blank=True)
    method = models.TextField(_("method"), blank=True)
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    value_type = models.CharField(_("value type"), max_length=16, choices=ValueType.choices, default=ValueType.NUMBER)
    scale_min = models.SmallIntegerField(_("scale minimum"), null=True, blank=True)
    scale_max = models.SmallIntegerField(_("scale maximum"), null=True, blank=True)
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices, default=Direction.NEUTRAL)
    per_capita = models.BooleanField(
        _("may be normalised per inhabitant"), default=False, help_text=_("A count that makes sense per inhabitant.")
    )
    actions = models.ManyToManyField(
        RecommendedAction, blank=True, related_name="indicators", verbose_name=_("recommended actions")
    )
    verified = models.BooleanField(_("verified"), default=False)
    note = models.TextField(_("note"), blank=True)
    source = models.TextField(_("source"), blank=True)

    history = HistoricalRecords(m2m_fields=[actions])

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["framework", "number", "code"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="indicator_unique_code"),
            models.CheckConstraint(
                condition=~Q(value_type="scale") | (Q(scale_min__isnull=False) & Q(scale_max__isnull=False)),
                name="indicator_scale_has_range",
            ),
        ]

    def __str__(self):
        return f"{self.code} — {self.name[:80]}"

    @property
    def unit_label(self) -> str:
        """Return the unit in the reader's language."""
        return stored_label(self.unit)

    def clean(self):
        if self.value_type == self.ValueType.SCALE:
            if self.scale_min is None or self.scale_max is None:
                raise ValidationError(_("A scale indicator needs a minimum and a maximum."))
            if self.scale_min >= self.scale_max:
                raise ValidationError({"scale_max": _("The maximum must be above the minimum.")})
        if self.category_id and self.framework_id and self.category.framework_id != self.framework_id:
            raise ValidationError({"category": _("The category belongs to another framework.")})


class Pillar(models.Model):
    """One of the seven pillars of a sustainable food system used by the Let's Food programme."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("Let's Food pillar")
        verbose_name_plural = _("Let's Food pillars")
        ordering = ["order"]

    def __str__(self):
        return self.name


class AssessmentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Assessment.Status.PUBLISHED, city__is_published=True)

    def for_city(self, city):
        return self.filter(city=city)

    def latest_first(self):
        return self.order_by("-year", "-id")

    def visible_to(self, user):
        """Return the assessments the user (None: the public) may read: published ones, plus the drafts their role
        opens to them."""
        if user is None or not user.is_authenticated:
            return self.published()
        if is_team(user):
            return self
        students = self.filter(city_id__in=assigned_city_ids(user))
        partners = self.filter(city_id__in=duo_city_ids(user), shared_with_partners=True)
        return (self.published() | students | partners).distinct()


class Assessment(models.Model):
    """The assessment of one city's food system for one edition (a baseline year, then follow-ups)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class Edition(models.TextChoices):
        BASELINE = "baseline", _("Baseline")
        FOLLOW_UP = "follow_up", _("Follow-up")

    city = models.ForeignKey("cities.City", models.PROTECT, related_name="assessments", verbose_name=_("city"))
    framework = models.ForeignKey(Framework, models.PROTECT, related_name="assessments", verbose_name=_("framework"))
    year = models.PositiveSmallIntegerField(_("edition year"))
    edition = models.CharField(_("edition"), max_length=16, choices=Edition.choices, default=Edition.BASELINE)
    slug = models.SlugField(
        _("identifier"),
        max_length=140,
        unique=True,
        help_text=_("Stable identifier used in spreadsheets, e.g. sfax-2019."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    summary = models.TextField(_("summary"), blank=True)
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="authored_assessments", verbose_name=_("authors")
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="reviewed_assessments", verbose_name=_("reviewers")
    )
    shared_with_partners = models.BooleanField(
        _("shared with the duo's partners"),
        default=False,
        help_text=_("Let the partner municipalities of the duo read this assessment before it is published."),
    )
    is_demo = models.BooleanField(
        _("demonstration data"), default=False, help_text=_("Illustrative content, not measurements.")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = AssessmentQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[authors, reviewers], excluded_fields=["updated"])

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["city__name", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["city", "framework", "year"], name="assessment_unique_edition"),
        ]

    def __str__(self):
        return f"{self.city} {self.year}"

    def save(self, *args, **kwargs):
        if not self.slug and self.city_id and self.year:
            self.slug = slugify(f"{self.city.slug}-{self.year}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.city.get_absolute_url()

    @property
    def is_editable(self) -> bool:
        """Return whether the content may still change (published and archived assessments are read-only)."""
        return self.status in {self.Status.DRAFT, self.Status.IN_REVIEW}


class CategoryAssessment(models.Model):
    """An assessment's reading of one framework category: narrative and a 0–10 rating with its rationale."""

    assessment = models.ForeignKey(
        Assessment, models.CASCADE, related_name="category_assessments", verbose_name=_("assessment")
    )
    category = models.ForeignKey(Category, models.PROTECT, related_name="+", verbose_name=_("category"))
    challenges = models.TextField(_("main challenges"), blank=True)
    strengths = models.TextField(_("strengths"), blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating (0–10)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
        help_text=_("Leave empty when the category has not been rated: it is shown as not rated, never as zero."),
    )
    rating_rationale = models.TextField(_("rationale of the rating"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("category assessment")
        verbose_name_plural = _("category assessments")
        ordering = ["assessment", "category__order"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "category"], name="category_assessment_unique"),
            models.CheckConstraint(condition=Q(rating__lte=10), name="category_rating_max_10"),
        ]

    def __str__(self):
        return f"{self.assessment} · {self.category}"

    def clean(self):
        if self.rating is not None and not self.rating_rationale.strip():
            raise ValidationError({"rating_rationale": _("Explain the rating: a rating needs its rationale.")})


class Confidence(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


def has_value_q() -> Q:
    """Return the filter of the indicator values that hold a value (the database side of has_value)."""
    return Q(no_data=False) & (Q(value_number__isnull=False) | Q(value_boolean__isnull=False) | ~Q(value_text=""))


class IndicatorValue(models.Model):
    """The value of one indicator in one assessment, with its provenance; 'no data' is an explicit state."""

    assessment = models.ForeignKey(
        Assessment, models.CASCADE, related_name="indicator_values", verbose_name=_("assessment")
    )
    indicator = models.ForeignKey(Indicator, models.PROTECT, related_name="values", verbose_name=_("indicator"))
    no_data = models.BooleanField(
        _("no data"), default=False, help_text=_("Tick when no value could be found: it is shown as 'no data'.")
    )
    value_number = models.DecimalField(_("value"), max_digits=20, decimal_places=4, null=True, blank=True)
    value_boolean = models.BooleanField(_("value (yes/no)"), null=True, blank=True)
    value_text = models.TextField(_("value (text)"), blank=True)
    reference_year = models.PositiveSmallIntegerField(_("reference year"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    source_title = models.CharField(_("source"), max_length=300, blank=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    confidence = models.CharField(_("confidence"), max_length=8, choices=Confidence.choices, blank=True)
    licence = models.CharField(_("licence or attribution"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["assessment", "indicator__number", "indicator__code"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "indicator"], name="indicator_value_unique"),
            models.CheckConstraint(
                condition=Q(no_data=False) | (Q(reference_year__isnull=True) & Q(confidence="") & Q(unit="")),
                name="indicator_value_no_data_has_no_provenance",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code}: {self.display_value}"

    def save(self, *args, **kwargs):
        self.clear_when_no_data()
        if self.no_data and kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "reference_year", "confidence", "unit"}
        super().save(*args, **kwargs)

    def clear_when_no_data(self) -> None:
        """Empty the year, confidence and unit of a 'no data' row: there is no value for them to describe."""
        if self.no_data:
            self.reference_year, self.confidence, self.unit = None, "", ""

    @property
    def unit_label(self) -> str:
        """Return the value's unit, or else its indicator's, in the reader's language."""
        return stored_label(self.unit or self.indicator.unit)

    @property
    def source_label(self) -> str:
        """Return the source's title in the reader's language (a verbatim title stays as it is)."""
        return stored_label(self.source_title)

    @property
    def has_value(self) -> bool:
        """Return whether a value was given (as opposed to an explicit or implicit 'no data')."""
        if self.no_data:
            return False
        return self.value_number is not None or self.value_boolean is not None or bool(self.value_text.strip())

    @property
    def display_value(self) -> str:
        """Return the value as a reader sees it, or 'no data'."""
        if not self.has_value:
            return str(_("no data"))
        if self.value_boolean is not None:
            return str(_("yes") if self.value_boolean else _("no"))
        if self.value_number is not None:
            # In the reader's language: 42.5 in English, 42,5 in French; never in scientific notation.
            text = formats.number_format(self.value_number.normalize(), use_l10n=True)
            return f"{text} %" if self.indicator.value_type == Indicator.ValueType.PERCENTAGE else text
        return stored_label(self.value_text)

    def clean(self):
        self.clear_when_no_data()
        errors = validate_indicator_value(
            indicator=self.indicator,
            no_data=self.no_data,
            number=self.value_number,
            boolean=self.value_boolean,
            text=self.value_text,
        )
        if self.reference_year is not None and not 1900 <= self.reference_year <= 2100:
            errors.setdefault("reference_year", _("The reference year must be between 1900 and 2100."))
        if errors:
            raise ValidationError(errors)


def validate_indicator_value(*, indicator, no_data, number, boolean, text) -> dict:
    """Return the field errors of a value against its indicator's type (empty when the value is valid)."""
    given = [name for name, value in (("number", number), ("boolean", boolean)) if value is not None]
    if text and text.strip():
        given.append("text")
    if no_data:
        return {"no_data": _("A value was given although 'no data' is ticked.")} if given else {}
    if not given:
        return {"no_data": _("Give a value, or tick 'no data'.")}
    kind = indicator.value_type
    expected = {
        Indicator.ValueType.BOOLEAN: "boolean",
        Indicator.ValueType.TEXT: "text",
    }.get(kind, "number")
    field = {"number": "value_number", "boolean": "value_boolean", "text": "value_text"}[expected]
    if given != [expected]:
        return {field: _("This indicator expects a %(type)s value.") % {"type": indicator.get_value_type_display()}}
    if kind == Indicator.ValueType.PERCENTAGE and not 0 <= number <= 100:
        return {field: _("A percentage must be between 0 and 100 (got %(value)s).") % {"value": number}}
    if kind == Indicator.ValueType.SCALE and not indicator.scale_min <= number <= indicator.scale_max:
        return {
            field: _("The value must stay within the scale %(min)s–%(max)s (got %(value)s).")
            % {"min": indicator.scale_min, "max": indicator.scale_max, "value": number}
        }
    if kind == Indicator.ValueType.SCALE and number != int(number):
        return {field: _("A scale value is a whole number.")}
    return {}


class Challenge(models.Model):
    """A main challenge of a city's food system, found by an assessment."""

    class Severity(models.TextChoices):
        LOW = "low", _("Low")
        MEDIUM = "medium", _("Medium")
        HIGH = "high", _("High")
        CRITICAL = "critical", _("Critical")

    assessment = models.ForeignKey(Assessment, models.CASCADE, related_name="challenges", verbose_name=_("assessment"))
    category = models.ForeignKey(Category, models.PROTECT, related_name="challenges", verbose_name=_("category"))
    actions = models.ManyToManyField(
        RecommendedAction, blank=True, related_name="challenges", verbose_name=_("recommended actions")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    severity = models.CharField(_("severity"), max_length=8, choices=Severity.choices, default=Severity.MEDIUM)

    history = HistoricalRecords(m2m_fields=[actions])

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        ordering = ["assessment", "category__order", "title"]

    def __str__(self):
        return self.title


class InitiativeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(assessment__status=Assessment.Status.PUBLISHED, assessment__city__is_published=True)

    def for_city(self, city):
        return self.filter(assessment__city=city)


class Initiative(LocatedNearTerritory, models.Model):
    """An innovative local initiative catalogued by an assessment: an entry of the good-practice library."""

    class ActorType(models.TextChoices):
        PUBLIC = "public", _("Public authority")
        PRIVATE = "private", _("Private sector")
        ASSOCIATION = "association", _("Association")
        RESEARCH = "research", _("Research")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")

    assessment = models.ForeignKey(Assessment, models.CASCADE, related_name="initiatives", verbose_name=_("assessment"))
    ref = models.SlugField(
        _("identifier"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Stable identifier used in spreadsheets; generated when left empty."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    categories = models.ManyToManyField(Category, blank=True, related_name="initiatives", verbose_name=_("categories"))
    actions = models.ManyToManyField(
        RecommendedAction, blank=True, related_name="initiatives", verbose_name=_("recommended actions")
    )
    pillars = models.ManyToManyField(Pillar, blank=True, related_name="initiatives", verbose_name=_("pillars"))
    actor_type = models.CharField(_("actor type"), max_length=16, choices=ActorType.choices)
    organisation = models.ForeignKey(
        "cities.Organisation",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("organisation"),
    )
    location = PointField(_("location"), null=True, blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    photo = models.ImageField(_("photo"), upload_to="initiatives/", blank=True)
    photo_credit = models.CharField(_("photo credit"), max_length=200, blank=True)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.ACTIVE)
    # The same initiative met again in a later edition keeps its identity through this link: its status in each
    # edition is its history (started, running, stopped), and the city's page shows it once, as last reported.
    carried_from = models.OneToOneField(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_into",
        verbose_name=_("same initiative in the previous edition"),
        help_text=_("For a follow-up edition: the entry of the earlier edition that this one continues."),
    )

    objects = InitiativeQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[categories, actions, pillars])

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.ref:
            self.ref = slugify(f"{self.assessment.slug}-{self.title}")[:70] + "-" + get_random_string(6).lower()
        super().save(*args, **kwargs)

    def clean(self):
        earlier = self.carried_from
        if earlier is None or not self.assessment_id:
            return
        if earlier.assessment.city_id != self.assessment.city_id or earlier.assessment.year >= self.assessment.year:
            raise ValidationError({"carried_from": _("Choose an initiative of an earlier edition of the same city.")})

    @property
    def latitude(self) -> float | None:
        """Return the latitude of the initiative, or None."""
        return point_coordinates(self.location)[0] if self.location else None

    @property
    def longitude(self) -> float | None:
        """Return the longitude of the initiative, or None."""
        return point_coordinates(self.location)[1] if self.location else None

    def location_territory(self):
        """Return the city of the initiative's assessment, which its location must stay near."""
        return self.assessment.city if self.assessment_id else None


class Transition(models.Model):
    """A recorded step of an assessment's workflow: who moved it from which status to which, and why."""

    assessment = models.ForeignKey(Assessment, models.CASCADE, related_name="transitions", verbose_name=_("assessment"))
    from_status = models.CharField(_("from"), max_length=16, choices=Assessment.Status.choices)
    to_status = models.CharField(_("to"), max_length=16, choices=Assessment.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("at"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["assessment", "at", "id"]

    def __str__(self):
        return f"{self.assessment}: {self.get_from_status_display()} → {self.get_to_status_display()}"
