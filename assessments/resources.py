"""Spreadsheet imports and exports (XLSX, CSV) of the framework, indicator values and initiatives.

Every import is all-or-nothing: one invalid row and nothing is saved, each bad row being reported with its number,
column and reason. Rows are matched on stable identifiers, so importing the same file twice changes nothing and an
export can be edited and imported back.
"""

import copy
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.results import RowResult

from cities.models import Organisation
from core.geo import make_point

from .columns import column_keys, column_label
from .models import Assessment, Category, Framework, Indicator, IndicatorValue, Initiative, Pillar, RecommendedAction

TRUE_WORDS = {"yes", "y", "true", "1", "oui", "o", "vrai", "x"}
FALSE_WORDS = {"no", "n", "false", "0", "non", "faux"}
INLINE_STYLE = re.compile(r'<(ins|del) style="[^"]*">')
# A column added by assessments.imports to a CSV row that had more cells than the header: it holds that row's error.
EXTRA_CELLS_COLUMN = "__extra_cells__"


def parse_yes_no(value, *, column: str) -> bool | None:
    """Return True, False or None (empty) from a spreadsheet cell; anything else is an error."""
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValidationError({column: _("%(value)r is not yes or no.") % {"value": value}})


def parse_number(value, *, column: str) -> Decimal | None:
    """Return a Decimal from a cell that may use a decimal comma, spaces and a trailing %; None when empty."""
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Decimal(str(value))
    text = str(value).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "").rstrip("%").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError({column: _("%(value)r is not a number.") % {"value": value}}) from None
    if not number.is_finite():
        raise ValidationError({column: _("%(value)r is not a number.") % {"value": value}})
    return number


class StrictForeignKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key looked up by a natural key, with a readable error when nothing matches."""

    def __init__(self, model, field, *, scope=None, **kwargs):
        self.scope = scope  # row -> dict of extra filters, e.g. the framework named on the row
        super().__init__(model, field=field, **kwargs)

    def get_queryset(self, value, row, *args, **kwargs):
        queryset = self.model.objects.all()
        return queryset.filter(**self.scope(row)) if self.scope and row is not None else queryset

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                _("no %(model)s with %(field)s %(value)r")
                % {"model": self.model._meta.verbose_name, "field": self.field, "value": value}
            ) from None
        except self.model.MultipleObjectsReturned:
            raise ValueError(_("%(value)r matches several records") % {"value": value}) from None


class StrictManyToManyWidget(widgets.ManyToManyWidget):
    """A many-to-many column of separated natural keys; an unknown key is an error, never silently dropped."""

    def __init__(self, model, field, *, scope=None, **kwargs):
        self.scope = scope
        super().__init__(model, separator=";", field=field, **kwargs)

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return self.model.objects.none()
        keys = [key.strip() for key in str(value).replace(",", ";").split(";") if key.strip()]
        queryset = self.model.objects.filter(**{f"{self.field}__in": keys})
        if self.scope and row is not None:
            queryset = queryset.filter(**self.scope(row))
        found = {str(getattr(obj, self.field)) for obj in queryset}
        missing = [key for key in keys if key not in found]
        if missing:
            raise ValueError(
                _("unknown %(what)s: %(keys)s")
                % {"what": self.model._meta.verbose_name_plural, "keys": ", ".join(missing)}
            )
        return queryset


class PlainIntegerWidget(widgets.IntegerWidget):
    """A whole number written as files hold it (2019, never "2 019"), whatever the reader's language."""

    def render(self, value, obj=None, **kwargs):
        if value is None or not self.coerce_to_string or kwargs.get("force_native_type"):
            return super().render(value, obj, **kwargs)
        return str(int(value))


class PlainDecimalWidget(widgets.DecimalWidget):
    """A decimal number written as files hold it (1234.5, never "1 234,5"), whatever the reader's language."""

    def render(self, value, obj=None, **kwargs):
        if value is None or not self.coerce_to_string or kwargs.get("force_native_type"):
            return super().render(value, obj, **kwargs)
        return format(Decimal(str(value)), "f")


class PreviewDiff(resources.Diff):
    """The preview of an import row, with the computed columns (value, latitude…) filled as they are exported.

    django-import-export's own diff reads the model attributes only, which left those columns blank in the preview;
    its inline colours are dropped too, which our Content Security Policy blocks and import.css already gives.
    """

    def __init__(self, resource, instance, new):  # not super(): it would read the fields the way this class replaces
        self.left = self._read_values(resource, instance)
        self.right = []
        self.new = new

    def compare_with(self, resource, instance):
        self.right = self._read_values(resource, instance)

    def as_html(self):
        # diff_prettyHtml escapes the cell texts: only its own <ins>/<del> tags can match.
        return [mark_safe(INLINE_STYLE.sub(r"<\1>", html)) for html in super().as_html()]  # noqa: S308

    @staticmethod
    def _read_values(resource, instance) -> list:
        values = []
        for field in resource.get_import_fields():
            try:
                values.append(resource.export_field(field, instance) if instance is not None else "")
            except ObjectDoesNotExist:  # a new row's blank instance, not yet linked to its assessment or indicator
                values.append("")
        return values


class AllOrNothingResource(resources.ModelResource):
    """A resource whose imports save every row or none, and never skip an invalid row silently."""

    def get_diff_class(self):
        return PreviewDiff

    # Headers in the reader's language (assessments/columns.py): exported, shown, and read back in any language.
    def get_export_headers(self, selected_fields=None):
        return [column_label(header) for header in super().get_export_headers(selected_fields)]

    def get_diff_headers(self):
        return [column_label(header) for header in super().get_diff_headers()]

    def get_user_visible_fields(self):
        shown = []
        for field in super().get_user_visible_fields():  # listed by the admin's import and export pages
            field = copy.copy(field)
            field.column_name = column_label(field.column_name)
            shown.append(field)
        return shown

    def before_import(self, dataset, **kwargs):
        if dataset.headers:
            dataset.headers = column_keys(dataset.headers)
        super().before_import(dataset, **kwargs)

    # Model attributes set by import_instance from computed columns (e.g. 'value'), which skip_row cannot see.
    computed_attributes: tuple[str, ...] = ()

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        # A TextField has no widget of its own: an empty XLSX cell (None) would reach a NOT NULL column.
        if isinstance(f, models.TextField):
            return widgets.CharWidget
        widget = super().widget_from_django_field(f, default)
        # Exported numbers are plain, as the import reads them back; the pages format them for the reader.
        if issubclass(widget, widgets.IntegerWidget):
            return PlainIntegerWidget
        if issubclass(widget, widgets.NumberWidget):
            return PlainDecimalWidget
        return widget

    # Called with the row number after each row (a background import's progress); None: not followed.
    progress = None

    def import_data(self, dataset, **kwargs):
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def import_row(self, row, instance_loader, **kwargs):
        extra_cells = row.get(EXTRA_CELLS_COLUMN)
        if not extra_cells and row.get(None) not in (None, ""):
            # A workbook row with a value right of the header: tablib files it under a column named None.
            extra_cells = _("This row has a value (%(value)s) in a column without a header.") % {
                "value": str(row[None])[:200]
            }
        if extra_cells:
            # Its cells are likely shifted: any other error on it would mislead, so it gets this one alone.
            row_result = self.get_row_result_class()()
            row_result.import_type = RowResult.IMPORT_TYPE_INVALID
            row_result.validation_error = ValidationError({NON_FIELD_ERRORS: [extra_cells]})
        else:
            row_result = super().import_row(row, instance_loader, **kwargs)
        if self.progress is not None:
            self.progress(kwargs["row_number"])
        return row_result

    def before_save_instance(self, instance, row, **kwargs):
        # The history names who imported, also when a worker imports without a request.
        if kwargs.get("user") is not None:
            instance._history_user = kwargs["user"]
        super().before_save_instance(instance, row, **kwargs)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if any(getattr(instance, name) != getattr(original, name) for name in self.computed_attributes):
            return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def check_can_edit(self, assessment: Assessment | None, user, perm: str) -> None:
        """Refuse a row of a read-only assessment (for anyone, even without a user) or one the user may not edit."""
        if assessment is None:
            return
        if not assessment.is_editable or (user is not None and not user.has_perm(perm, assessment)):
            raise ValidationError(
                {
                    "assessment": _("You may not change %(assessment)s (published, or not one of your cities).")
                    % {"assessment": assessment.slug}
                }
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
