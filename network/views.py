"""The network overview: which recommended actions each duo city covers, and the map of all duos."""

from dataclasses import dataclass, replace

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from cities.selectors import network_map_data
from core.public_cache import public_page

from .selectors import DUOS_PER_PAGE, ActionRow, Coverage, network_coverage

ALL_CATEGORIES = "all"


class CellRenderer:
    """Render matrix cells as HTML, each distinct cell once: a network of hundreds of cities has a few dozen kinds.

    The markup is that of a cell: compact numbers for the eye, a sentence for screen readers.
    """

    def __init__(self, *, tracks_planned: bool):
        self.tracks_planned = tracks_planned
        self.rendered: dict[Coverage, SafeString] = {}

    def __call__(self, cell: Coverage) -> SafeString:
        html = self.rendered.get(cell)
        if html is None:
            html = self.rendered[cell] = self._render(cell)
        return html

    def _render(self, cell: Coverage) -> SafeString:
        if not cell.total:
            words = (
                gettext("no initiative, no challenge, no planned action")
                if self.tracks_planned
                else gettext("no initiative, no challenge")
            )
            return format_html('<span aria-hidden="true">—</span><span class="visually-hidden">{}</span>', words)
        counts = [
            (cell.initiatives, ngettext("%(counter)s initiative", "%(counter)s initiatives", cell.initiatives)),
            (cell.challenges, ngettext("%(counter)s challenge", "%(counter)s challenges", cell.challenges)),
        ]
        if self.tracks_planned:
            counts.append(
                (cell.planned, ngettext("%(counter)s planned action", "%(counter)s planned actions", cell.planned))
            )
        return format_html(
            '<span aria-hidden="true">{}</span><span class="visually-hidden">{}</span>',
            " · ".join(number_format(count) for count, _words in counts),
            ", ".join(words % {"counter": number_format(count)} for count, words in counts),
        )

    def cells(self, cells: list[Coverage], *, totals: bool = False) -> SafeString:
        """Return the <td> of a row's cells (coloured by level, or as totals), each duo's second city closing it."""
        return format_html_join(
            "",
            '<td class="cov {}{}">{}</td>',
            (
                ("total" if totals else f"cov-{cell.level}", " duo-end" if index % 2 else "", self(cell))
                for index, cell in enumerate(cells)
            ),
        )


@dataclass
class RenderedRow:
    row: ActionRow
    cells: SafeString
    total: SafeString


@public_page("network")
def network_overview(request):
    """The matrix shows one category at a time by default (the first), every category one click away."""
    requested = request.GET.get("category") or None
    coverage = network_coverage(user=request.user, category=requested if requested != ALL_CATEGORIES else None)
    codes = [item.code for item in coverage.all_categories]
    category = requested if requested in codes else None
    if requested is None and codes:
        # The first category: a whole network's matrix is thousands of cells, one category a few hundred.
        category = codes[0]
        coverage = _only_category(coverage, category)
    # Duos by pages of DUOS_PER_PAGE: the programme's duos fit on one, a whole network's columns would not.
    page = Paginator(coverage.duos, DUOS_PER_PAGE).get_page(request.GET.get("page"))
    first = sum(len(group.columns) for group in coverage.duos[: page.start_index() - 1])
    shown = slice(first, first + sum(len(group.columns) for group in page.object_list))
    renderer = CellRenderer(tracks_planned=coverage.tracks_planned)
    groups = [
        (
            group,
            [RenderedRow(row, renderer.cells(row.cells[shown]), renderer(row.total)) for row in group.rows],
        )
        for group in coverage.categories
    ]
    cities = [column.city for column in coverage.columns[shown]]  # the map shows the page's duos, as the matrix does
    return render(
        request,
        "network/overview.html",
        {
            "coverage": coverage,
            "category": category,
            "show_all": requested == ALL_CATEGORIES or (requested is not None and category is None),
            "groups": groups,
            "page": page,
            "duos": page.object_list,
            "columns": coverage.columns[shown],
            "column_totals": renderer.cells([column.total for column in coverage.columns[shown]], totals=True),
            "grand_total": renderer(coverage.total),
            "map_data": network_map_data(cities=cities, duos=[group.duo for group in page.object_list]),
        },
    )


def _only_category(coverage, code: str):
    """Return the coverage restricted to one category, its totals counted again over the rows kept."""
    groups = [group for group in coverage.categories if group.category.code == code]
    rows = [row for group in groups for row in group.rows]
    for index, column in enumerate(coverage.columns):
        column.total = sum((row.cells[index] for row in rows), Coverage())
    return replace(coverage, categories=groups, total=sum((row.total for row in rows), Coverage()))
