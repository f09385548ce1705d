"""Spreadsheet imports and exports (XLSX, CSV) of the framework, indicator values and initiatives.

Every import is all-or-nothing: one invalid row and nothing is saved, each bad row being reported with its number,
column and reason. Rows are matched on stable identifiers, so importing the same file twice changes nothing and an
export can be edited and imported back.
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _
from import_export import fields, widgets

from cities.models import Organisation
from core.geo import make_point

from .models import Assessment, Category, Framework, Indicator, IndicatorValue, Initiative, Pillar, RecommendedAction
from .resource_base import (
    AllOrNothingResource,
    StrictForeignKeyWidget,
    StrictManyToManyWidget,
    parse_number,
    parse_yes_no,
)


def _framework_of_row(row) -> dict:
    return {"framework__slug": row.get("framework")}


class IndicatorResource(AllOrNothingResource):
    """The indicators of a framework, one row each, keyed by framework and code."""

    framework = fields.Field("framework", "framework", StrictForeignKeyWidget(Framework, "slug"))
    category = fields.Field("category", "category", StrictForeignKeyWidget(Category, "code", scope=_framework_of_row))
    actions = fields.Field(
        "actions", "actions", StrictManyToManyWidget(RecommendedAction, "number", scope=_framework_of_row)
    )

    class Meta:
        model = Indicator
        import_id_fields = ("framework", "code")
        fields = (
            "framework",
            "code",
            "number",
            "category",
            "name_en",
            "name_fr",
            "description_en",
            "description_fr",
            "method_en",
            "method_fr",
            "unit",
            "value_type",
            "scale_min",
            "scale_max",
            "direction",
            "per_capita",
            "actions",
            "verified",
            "source",
            "note",
        )
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def before_import_row(self, row, **kwargs):
        user = kwargs.get("user")
        if user is not None and not user.has_perm("assessments.change_indicator"):
            raise ValidationError({"framework": _("Only the project team may change the framework.")})
        for column in ("per_capita", "verified"):
            if column in row:
                row[column] = parse_yes_no(row[column], column=column) or False


class IndicatorValueResource(AllOrNothingResource):
    """Indicator values of assessments, keyed by assessment identifier (e.g. sfax-2019) and indicator code."""

    computed_attributes = ("value_number", "value_boolean", "value_text")

    assessment = fields.Field("assessment", "assessment", StrictForeignKeyWidget(Assessment, "slug"))
    indicator = fields.Field(
        "indicator",
        "indicator",
        StrictForeignKeyWidget(
            Indicator, "code", scope=lambda row: {"framework__assessments__slug": row.get("assessment")}
        ),
    )
    indicator_name = fields.Field(column_name="indicator_name", readonly=True)
    value = fields.Field(column_name="value")
    no_data = fields.Field("no_data", "no_data", widgets.BooleanWidget())
    demonstration_data = fields.Field(column_name="demonstration_data", readonly=True)

    class Meta:
        model = IndicatorValue
        import_id_fields = ("assessment", "indicator")
        fields = (
            "assessment",
            "indicator",
            "indicator_name",
            "value",
            "no_data",
            "reference_year",
            "unit",
            "source_title",
            "source_url",
            "confidence",
            "licence",
            "note",
            "demonstration_data",
        )
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Report errors of the typed value fields under the spreadsheet's single 'value' column."""
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as error:
            renamed: dict = {}
            for name, messages in error.message_dict.items():
                column = "value" if name in {"value_number", "value_boolean", "value_text"} else name
                renamed.setdefault(column, []).extend(messages)
            raise ValidationError(renamed) from None

    def dehydrate_indicator_name(self, obj) -> str:
        return obj.indicator.name

    def dehydrate_value(self, obj) -> str:
        if obj.value_boolean is not None:
            return "yes" if obj.value_boolean else "no"
        if obj.value_number is not None:
            return format(obj.value_number.normalize(), "f")
        return obj.value_text

    def dehydrate_demonstration_data(self, obj) -> str:
        return "yes" if obj.assessment.is_demo else "no"

    def before_import_row(self, row, **kwargs):
        row["no_data"] = parse_yes_no(row.get("no_data"), column="no_data") or False
        if row.get("confidence"):
            row["confidence"] = str(row["confidence"]).strip().lower()
        assessment = Assessment.objects.filter(slug=row.get("assessment")).first()
        self.check_can_edit(assessment, kwargs.get("user"), "assessments.change_indicatorvalue")

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        instance.value_number, instance.value_boolean, instance.value_text = None, None, ""
        raw = row.get("value")
        if instance.indicator_id is None or raw is None or str(raw).strip() == "":
            return
        kind = instance.indicator.value_type
        if kind == Indicator.ValueType.BOOLEAN:
            instance.value_boolean = parse_yes_no(raw, column="value")
        elif kind == Indicator.ValueType.TEXT:
            instance.value_text = str(raw).strip()
        else:
            instance.value_number = parse_number(raw, column="value")

    def get_export_queryset(self, request=None, **kwargs):
        return IndicatorValue.objects.select_related("assessment", "indicator").order_by(
            "assessment__slug", "indicator__number", "indicator__code"
        )


class InitiativeResource(AllOrNothingResource):
    """Initiatives of the good-practice library, keyed by their stable identifier (ref)."""

    computed_attributes = ("location",)

    assessment = fields.Field("assessment", "assessment", StrictForeignKeyWidget(Assessment, "slug"))
    categories = fields.Field(
        "categories",
        "categories",
        StrictManyToManyWidget(
            Category, "code", scope=lambda row: {"framework__assessments__slug": row.get("assessment")}
        ),
    )
    actions = fields.Field(
        "actions",
        "actions",
        StrictManyToManyWidget(
            RecommendedAction, "number", scope=lambda row: {"framework__assessments__slug": row.get("assessment")}
        ),
    )
    pillars = fields.Field("pillars", "pillars", StrictManyToManyWidget(Pillar, "code"))
    organisation = fields.Field("organisation", "organisation", StrictForeignKeyWidget(Organisation, "name"))
    latitude = fields.Field(column_name="latitude")
    longitude = fields.Field(column_name="longitude")
    demonstration_data = fields.Field(column_name="demonstration_data", readonly=True)

    class Meta:
        model = Initiative
        import_id_fields = ("ref",)
        fields = (
            "ref",
            "assessment",
            "title_en",
            "title_fr",
            "description_en",
            "description_fr",
            "categories",
            "actions",
            "pillars",
            "actor_type",
            "organisation",
            "latitude",
            "longitude",
            "website",
            "photo_credit",
            "start_year",
            "status",
            "demonstration_data",
        )
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def dehydrate_latitude(self, obj):
        return obj.latitude if obj.location else ""

    def dehydrate_longitude(self, obj):
        return obj.longitude if obj.location else ""

    def dehydrate_demonstration_data(self, obj) -> str:
        return "yes" if obj.assessment.is_demo else "no"

    def before_import_row(self, row, **kwargs):
        if not (row.get("ref") or "").strip():
            title = row.get("title_en") or row.get("title_fr") or ""
            row["ref"] = slugify(f"{row.get('assessment', '')}-{title}")[:80]
        assessment = Assessment.objects.filter(slug=row.get("assessment")).first()
        self.check_can_edit(assessment, kwargs.get("user"), "assessments.change_initiative")

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        lat, lon = row.get("latitude"), row.get("longitude")
        if (lat in (None, "")) and (lon in (None, "")):
            instance.location = None
            return
        latitude, longitude = parse_number(lat, column="latitude"), parse_number(lon, column="longitude")
        if latitude is None or longitude is None:
            raise ValidationError({"latitude": _("Give both the latitude and the longitude, or neither.")})
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise ValidationError({"latitude": _("The coordinates are out of range.")})
        instance.location = make_point(latitude, longitude)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Report the location's errors (such as a point too far from the city) under the 'latitude' column."""
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as error:
            renamed: dict = {}
            for name, messages in error.message_dict.items():
                renamed.setdefault("latitude" if name == "location" else name, []).extend(messages)
            raise ValidationError(renamed) from None

    def get_export_queryset(self, request=None, **kwargs):
        return (
            Initiative.objects.select_related("assessment", "organisation")
            .prefetch_related("categories", "actions", "pillars")
            .order_by("ref")
        )
