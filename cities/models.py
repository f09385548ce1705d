"""Cities (and other territories), the duos that pair a French city with its partner, and organisations."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.geo import LocatedNearTerritory, PointField, point_coordinates, validate_outline
from core.predicates import is_partner, is_team

# Languages of the programme's cities that Django's own list does not name.
EXTRA_LANGUAGE_NAMES = {"zgh": _("Standard Moroccan Tamazight"), "zu": _("Zulu"), "xh": _("Xhosa")}


def validate_time_zone(value: str) -> None:
    """Refuse a name that is not an IANA time zone (Europe/Paris, Africa/Casablanca…)."""
    if value not in available_timezones():
        raise ValidationError(_("%(value)s is not a time zone name (e.g. Europe/Paris)."), params={"value": value})


class CityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def french(self):
        return self.filter(role=City.Role.FRENCH)

    def partners(self):
        return self.filter(role=City.Role.PARTNER)

    def in_duos(self):
        return self.filter(Q(duos_as_french__isnull=False) | Q(duos_as_partner__isnull=False)).distinct()

    def within(self, territory):
        return self.filter(parent=territory)


class City(models.Model):
    """A territory of the programme: a city most of the time, or any other territory (ATLASS II)."""

    class Kind(models.TextChoices):
        CITY = "city", _("City")
        COMMUNE = "commune", _("Commune")
        METROPOLIS = "metropolis", _("Metropolis")
        GROUP_OF_COMMUNES = "group_of_communes", _("Group of communes")
        REGIONAL_NATURAL_PARK = "regional_natural_park", _("Regional natural park")
        REGION = "region", _("Region")
        OTHER = "other", _("Other territory")

    class Role(models.TextChoices):
        FRENCH = "french", _("French MUFPP signatory")
        PARTNER = "partner", _("Partner city")
        TERRITORY = "territory", _("Territory outside the duos")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    country = CountryField(_("country"))
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.CITY)
    role = models.CharField(_("role in the programme"), max_length=16, choices=Role.choices)
    location = PointField(_("location"), null=True, blank=True, help_text=_("City centre, as a point on the map."))
    location_source = models.CharField(_("source of the location"), max_length=500, blank=True)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent territory"),
        help_text=_("For a commune or a group of communes: the territory it belongs to (a regional park…)."),
    )
    outline = models.JSONField(
        _("outline"),
        null=True,
        blank=True,
        validators=[validate_outline],
        help_text=_("Its boundary on the map, as a GeoJSON Polygon or MultiPolygon; the point is enough without it."),
    )
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    population_unit = models.CharField(
        _("population unit"), max_length=80, blank=True, help_text=_("What the figure counts: commune, municipality…")
    )
    population_source = models.CharField(_("source of the population"), max_length=500, blank=True)
    mufpp_signed = models.PositiveSmallIntegerField(_("MUFPP signature year"), null=True, blank=True)
    languages = models.CharField(
        _("languages"), max_length=80, blank=True, help_text=_("Main languages, as comma-separated ISO 639-1 codes.")
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Paris",
        validators=[validate_time_zone],
        help_text=_(
            "IANA name, such as Asia/Ho_Chi_Minh: the city's workshops are entered and shown in its local time."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="cities/", blank=True)
    photo_credit = models.CharField(_("photo credit"), max_length=200, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = CityQuerySet.as_manager()

    class Meta:
        verbose_name = _("city or territory")
        verbose_name_plural = _("cities and territories")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(population_year__isnull=True) | Q(population_year__gte=1800),
                name="city_population_year_plausible",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # The city page composes several apps (the assessment, later the workshops): the project routes it.
        return reverse("city-detail", kwargs={"slug": self.slug})

    def clean(self):
        # One level of nesting: a commune in a park, never a park in one of its own communes.
        if self.parent_id is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": _("A territory cannot belong to itself.")})
        if self.parent.parent_id is not None:
            raise ValidationError({"parent": _("The parent territory must not itself belong to another territory.")})
        if self.pk and self.children.exists():
            raise ValidationError({"parent": _("A territory with communes of its own cannot belong to another one.")})

    @property
    def zone(self) -> ZoneInfo:
        """Return the city's time zone (Paris when the stored name is unknown to this machine)."""
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("Europe/Paris")

    @property
    def latitude(self) -> float | None:
        """Return the latitude of the city centre, or None."""
        return point_coordinates(self.location)[0] if self.location else None

    @property
    def longitude(self) -> float | None:
        """Return the longitude of the city centre, or None."""
        return point_coordinates(self.location)[1] if self.location else None

    @property
    def language_names(self) -> list[str]:
        """Return the names of the city's languages in the active language, or their codes when unknown."""
        names = []
        for code in filter(None, (code.strip() for code in self.languages.split(","))):
            info = LANG_INFO.get(code)
            names.append(gettext(info["name"]) if info else str(EXTRA_LANGUAGE_NAMES.get(code, code)))
        return names


class DuoQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_cities(self):
        return self.select_related("french_city", "partner_city")

    def for_city(self, city):
        return self.filter(Q(french_city=city) | Q(partner_city=city))

    def visible_to(self, user):
        """Return the duos the user (None: the public) may see: the published ones; the team sees every duo, a partner
        its own too."""
        if user is None:
            return self.filter(is_published=True)
        if is_team(user):
            return self
        visible = Q(is_published=True)
        if is_partner(user):
            visible |= Q(french_city_id=user.city_id) | Q(partner_city_id=user.city_id)
        return self.filter(visible)


class Duo(models.Model):
    """A French MUFPP signatory paired with its twinned partner city."""

    class Phase(models.TextChoices):
        ASSESSMENT = "assessment", _("Assessment")
        MISSION = "mission", _("Mission")
        MONITORING = "monitoring", _("Monitoring")
        COMPLETED = "completed", _("Completed")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    french_city = models.ForeignKey(
        City,
        models.PROTECT,
        related_name="duos_as_french",
        verbose_name=_("French city"),
        limit_choices_to={"role": City.Role.FRENCH},
    )
    partner_city = models.ForeignKey(
        City,
        models.PROTECT,
        related_name="duos_as_partner",
        verbose_name=_("partner city"),
        limit_choices_to={"role": City.Role.PARTNER},
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    existing_cooperation = models.TextField(
        _("existing cooperation"), blank=True, help_text=_("Ties between the two cities before the programme.")
    )
    description = models.TextField(_("description"), blank=True)
    phase = models.CharField(_("programme phase"), max_length=16, choices=Phase.choices, default=Phase.ASSESSMENT)
    assessment_start = models.DateField(_("assessment start"), null=True, blank=True)
    assessment_end = models.DateField(_("assessment end"), null=True, blank=True)
    mission_start = models.DateField(_("mission start"), null=True, blank=True)
    mission_end = models.DateField(_("mission end"), null=True, blank=True)
    monitoring_start = models.DateField(_("monitoring start"), null=True, blank=True)
    monitoring_end = models.DateField(_("monitoring end"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = DuoQuerySet.as_manager()

    class Meta:
        verbose_name = _("duo")
        verbose_name_plural = _("duos")
        ordering = ["french_city__name"]
        constraints = [
            models.UniqueConstraint(fields=["french_city", "partner_city"], name="duo_unique_pair"),
            models.CheckConstraint(condition=~Q(french_city=models.F("partner_city")), name="duo_two_cities"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cities:duo-detail", kwargs={"slug": self.slug})

    @property
    def cities(self) -> tuple[City, City]:
        """Return the French city and its partner, in that order."""
        return self.french_city, self.partner_city

    def phases(self) -> list[dict]:
        """Return the three programme phases with their dates and whether each is done, current or to come."""
        order = [self.Phase.ASSESSMENT, self.Phase.MISSION, self.Phase.MONITORING]
        current = order.index(self.phase) if self.phase in order else len(order)
        return [
            {
                "code": phase.value,
                "label": phase.label,
                "start": getattr(self, f"{phase.value}_start"),
                "end": getattr(self, f"{phase.value}_end"),
                "status": "done" if index < current else "current" if index == current else "upcoming",
            }
            for index, phase in enumerate(order)
        ]


class Organisation(LocatedNearTerritory, models.Model):
    """A body that takes part in the programme: local authority, university, association…"""

    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", _("Local authority")
        UNIVERSITY = "university", _("University")
        FARMERS = "farmers", _("Farmers' organisation")
        ASSOCIATION = "association", _("Association")
        BUSINESS = "business", _("Business")
        RESEARCH = "research", _("Research body")
        PUBLIC_AGENCY = "public_agency", _("Public agency")
        INTERNATIONAL = "international", _("International organisation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    city = models.ForeignKey(
        City, models.SET_NULL, null=True, blank=True, related_name="organisations", verbose_name=_("city")
    )
    website = models.URLField(_("website"), blank=True)
    location = PointField(_("location"), null=True, blank=True, help_text=_("Where the organisation is, on the map."))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "city"], name="organisation_unique_name_per_city")]

    def __str__(self):
        return f"{self.name} ({self.city})" if self.city_id else self.name

    def location_territory(self):
        """Return the organisation's city, which its location must stay near."""
        return self.city if self.city_id else None


class DuoContact(models.Model):
    """A person a duo works with, on either side: private to the duo's partner users and the project team."""

    duo = models.ForeignKey(Duo, models.CASCADE, related_name="contacts", verbose_name=_("duo"))
    city = models.ForeignKey(
        City,
        models.PROTECT,
        related_name="duo_contacts",
        verbose_name=_("city"),
        help_text=_("The side of the duo the contact works on: one of the duo's two cities."),
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("role or title"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="duo_contacts",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("duo contact")
        verbose_name_plural = _("duo contacts")
        ordering = ["duo", "city", "name"]

    def __str__(self):
        return f"{self.name} ({self.title})" if self.title else self.name

    def clean(self):
        if self.duo_id and self.city_id and self.city_id not in (self.duo.french_city_id, self.duo.partner_city_id):
            raise ValidationError({"city": _("The contact's city must be one of the duo's two cities.")})
