"""What every spreadsheet import shares: strict reading of cells and natural keys, plain numbers in exports, the
preview's diff, and the all-or-nothing resource that the framework, values and initiatives imports build on."""

import copy
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.results import RowResult

from .columns import column_keys, column_label
from .models import Assessment

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
