"""The duo dashboard page and its CSV export: the public's version is cached, a logged-in viewer's never is."""

import csv

from django.http import Http404, HttpResponse, QueryDict
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
ALL_CATEGORIES = "all"
# The page shows one category's indicators and a city's latest initiatives, so that its size does not grow with the
# data; ?category=all shows everything, and the library lists every initiative of a city.
INITIATIVES_SHOWN = 10
OPPORTUNITIES_SHOWN = 5


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


def category_choices(dashboard: DuoDashboard, compare: int | None) -> list[dict]:
    """Return the links of the category chooser, each category then every category, the one shown marked current;
    each keeps the edition compared with."""
    choices = [(row.code, row.name) for row in dashboard.categories] + [(ALL_CATEGORIES, _("All categories"))]
    links = []
    for code, name in choices:
        query = QueryDict(mutable=True)
        if compare is not None:
            query["compare"] = str(compare)
        query["category"] = code
        links.append(
            {
                "code": code,
                "name": name,
                "query": query.urlencode(),
                "current": code == (dashboard.category or ALL_CATEGORIES),
            }
        )
    return links


def _read_for_page(request, duo, compare: int | None) -> DuoDashboard:
    """Return the dashboard the page shows: one category (?category=<code>, the first by default) with each city's
    latest initiatives, or everything (?category=all); an unknown category is not found."""
    requested = request.GET.get("category", "")
    if requested == ALL_CATEGORIES:
        return dashboard_read(duo=duo, user=request.user, compare=compare)
    dashboard = dashboard_read(
        duo=duo, user=request.user, compare=compare, category=requested, initiatives=INITIATIVES_SHOWN
    )
    if requested and requested not in [row.code for row in dashboard.categories]:
        raise Http404("category: give the code of one of the dashboard's categories, or all.")
    return dashboard


def category_pairs(dashboard: DuoDashboard, limit: int | None) -> list[dict]:
    """Return the category rows the page shows (the category shown, or every one), each city's side beside its city
    with at most `limit` of its initiatives (all when None) and the number left out."""
    pairs = []
    for row in dashboard.categories:
        if dashboard.category is not None and row.code != dashboard.category:
            continue
        sides = []
        for city, side in zip(dashboard.cities, row.sides, strict=True):
            listed = side.initiatives if limit is None else side.initiatives[:limit]
            sides.append(
                {"city": city, "side": side, "initiatives": listed, "more": len(side.initiatives) - len(listed)}
            )
        pairs.append({"row": row, "sides": sides})
    return pairs


def initiative_totals(dashboard: DuoDashboard) -> list[dict]:
    """Return, for each city whose initiatives the page lists only in part, how many it lists and how many it has."""
    return [
        {"city": city, "shown": len(city.initiatives), "total": dashboard.initiative_counts[city.slug]}
        for city in dashboard.cities
        if dashboard.initiative_counts.get(city.slug, 0) > len(city.initiatives)
    ]


@vary_on_cookie
def duo_dashboard(request, slug):
    """Both cities of a duo side by side: ratings, completeness, comparable figures, cooperation opportunities."""
    compare = _compare_year(request)
    duo = duo_for(request.user, slug)
    dashboard = _read_for_page(request, duo, compare)
    if compare is not None and not any(
        compare in [choice.year for choice in item.change.choices] for item in dashboard.changes
    ):
        raise Http404("compare: no city of the duo has a published edition of that year before its latest.")
    category_names = {row.code: row.name for row in dashboard.categories}
    compare_years = sorted({choice.year for item in dashboard.changes for choice in item.change.choices})
    shown = dashboard.category
    totals = initiative_totals(dashboard)
    changes = change_sections(dashboard)
    for item in changes:
        item["initiatives_total"] = next((t for t in totals if t["city"].slug == item["city"].slug), None)
    context = {
        "changes": changes,
        "compare_years": compare_years,
        "compare": compare,
        "duo": duo,
        "dashboard": dashboard,
        "radar": ratings_radar(dashboard),
        "map_data": dashboard_map_data(dashboard),
        "category_names": category_names,
        "category": shown,
        "category_name": category_names.get(shown, ""),
        "category_param": shown or ALL_CATEGORIES,
        "category_pairs": category_pairs(dashboard, None if shown is None else INITIATIVES_SHOWN),
        "category_choices": category_choices(dashboard, compare),
        "initiative_totals": totals,
        "opportunities": dashboard.opportunities if shown is None else dashboard.opportunities[:OPPORTUNITIES_SHOWN],
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
