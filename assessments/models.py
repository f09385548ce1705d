"""Assessment frameworks as editable, versioned data: categories, recommended actions, indicators, pillars."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Framework(models.Model):
    """A versioned assessment framework, e.g. the MUFPP Monitoring Framework 2019."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    version = models.CharField(_("version"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    source = models.TextField(_("source"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

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
    title = models.TextField(_("title"))
    verified = models.BooleanField(_("verified"), default=False, help_text=_("Checked against the source below."))
    note = models.TextField(_("note"), blank=True)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        verbose_name = _("recommended action")
        verbose_name_plural = _("recommended actions")
        ordering = ["framework", "number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="action_unique_number")]

    def __str__(self):
        return f"{self.number}. {self.title[:80]}"

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
