"""The duo dashboard page and its CSV export: the public's version is cached, a logged-in viewer's never is."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_cookie

from assessments.editions import change_radar
from cities.selectors import duo_for
from core.charts import Series, radar_description, radar_svg
from core.spreadsheets import escape_row

from .dashboard import DuoDashboard, dashboard_extra_sections, dashboard_map_data
from .selectors import dashboard_read

SERIES_COLOURS = ("#2e7d32", "#e65100")  # the French city and its partner, as on the maps


def _compare_year(request) -> int | None:
    """Return the year asked in ?compare=, or None; anything but a year is not found."""
    value = request.GET.get("compare", "")
    if not value:
        return None
    if not value.isdigit() or not 1900 <= int(value) <= 2100:
        raise Http404("compare: give the year of an earlier edition.")
    return int(value)


def change_sections(dashboard: DuoDashboard) -> list[dict]:
    """Return, for each city compared with an earlier edition, its change and its overlaid radar."""
    sides = {city.slug: city for city in dashboard.cities}
    return [
        {
            "city": sides[item.slug],
            "change": item.change,
            "radar": change_radar(item.name, item.change, element_id=f"change-chart-{item.slug}"),
        }
        for item in dashboard.changes
    ]


def ratings_radar(dashboard: DuoDashboard) -> str:
    """Return the radar chart of both cities' ratings, with a text description of every point."""
    axes = [row.name for row in dashboard.categories]
    if len(axes) < 3:
        return ""
    not_rated = _("not rated")
    series = []
    for index, (city, colour) in enumerate(zip(dashboard.cities, SERIES_COLOURS, strict=True)):
        values = [row.sides[index].rating for row in dashboard.categories]
        name = f"{city.name} {city.assessment.year}" if city.assessment else f"{city.name} ({_('no data')})"
        series.append(Series(name=name, values=values, color=colour))
    return radar_svg(
        axes=axes,
        series=series,
        title=_("Ratings of the categories, %(first)s and %(second)s (0 to 10)")
        % {"first": dashboard.cities[0].name, "second": dashboard.cities[1].name},
        description=radar_description(axes=axes, series=series, not_rated=not_rated),
        not_rated_label=not_rated,
        element_id="duo-ratings-chart",
    )


@vary_on_cookie
def duo_dashboard(request, slug):
    """Both cities of a duo side by side: ratings, completeness, comparable figures, cooperation opportunities."""
    compare = _compare_year(request)
    duo = duo_for(request.user, slug)
    dashboard = dashboard_read(duo=duo, user=request.user, compare=compare)
    if compare is not None and not any(
        compare in [choice.year for choice in item.change.choices] for item in dashboard.changes
    ):
        raise Http404("compare: no city of the duo has a published edition of that year before its latest.")
    category_names = {row.code: row.name for row in dashboard.categories}
    compare_years = sorted({choice.year for item in dashboard.changes for choice in item.change.choices})
    context = {
        "changes": change_sections(dashboard),
        "compare_years": compare_years,
        "compare": compare,
        "duo": duo,
        "dashboard": dashboard,
        "radar": ratings_radar(dashboard),
        "map_data": dashboard_map_data(dashboard),
        "category_names": category_names,
        "extra_sections": dashboard_extra_sections(duo=duo, user=request.user),
        "private_space": request.user.has_perm("cities.view_duo_private", duo),
    }
    return render(request, "dashboard/duo_dashboard.html", context)


def comparison_csv_rows(dashboard: DuoDashboard) -> list[list[str]]:
    """Return the comparison table as CSV rows, header first: the same cells as the page."""
    first, second = (city.name for city in dashboard.cities)
    header = [_("Category"), _("Indicator code"), _("Indicator")]
    for name in (first, second):
        header += [
            _("%(city)s: value") % {"city": name},
            _("%(city)s: unit") % {"city": name},
            _("%(city)s: reference year") % {"city": name},
            _("%(city)s: per inhabitants") % {"city": name},
        ]
    header += [_("Per inhabitants"), _("Comparable"), _("Notes")]
    names = {row.code: row.name for row in dashboard.categories}
    rows = [header]
    for row in dashboard.comparison:
        line = [names.get(row.category, row.category), row.code, row.name]
        for cell in row.cells:
            # Plain numbers with the unit beside them, so that a spreadsheet reads them in any language.
            line += [cell.value, cell.unit, "" if cell.year is None else str(cell.year), cell.per_inhabitants or ""]
        line += [row.per_inhabitants_label, _("yes") if row.comparable else _("no"), "; ".join(row.notes)]
        rows.append(line)
    return rows


@vary_on_cookie
def duo_comparison_csv(request, slug):
    """The indicator comparison table of the dashboard as a CSV file."""
    duo = duo_for(request.user, slug)
    dashboard = dashboard_read(duo=duo, user=request.user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{duo.slug}-comparison.csv"'
    response.write("\ufeff")  # spreadsheets then read the accents right
    csv.writer(response).writerows(escape_row(row) for row in comparison_csv_rows(dashboard))
    return response
