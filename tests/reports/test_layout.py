"""Print layout: the table of contents points to the right pages, every page but the cover has "page x of y", the
PDF is tagged and says its language and title."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import transaction
from django.template.loader import render_to_string

from reports import services
from reports.fetcher import report_url_fetcher
from reports.maps import Place, locator_map_svg
from reports.pdf import BASE_URL, svg_figure
from tests.pdf import pdf_info, pdf_pages

from .data import build_programme, render


@pytest.fixture(scope="module")
def compilation(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        build_programme()
        content = {language: render("compilation", "", language) for language in ("en", "fr")}
        transaction.set_rollback(True)
    return content


TOC_LINE = re.compile(r"^((?:\d+\.)+\d*)\s+(.+?)\s*\.{3,}\s*(\d+)$")


def toc_entries(pages: list[str]) -> list[tuple[str, str, int]]:
    entries = []
    for line in pages[1].splitlines():
        match = TOC_LINE.match(line.strip())
        if match:
            entries.append((match[1].rstrip("."), match[2].strip(), int(match[3])))
    return entries


@pytest.mark.parametrize("language", ["en", "fr"])
def test_table_of_contents_gives_the_page_of_each_numbered_heading(compilation, language):
    pages = pdf_pages(compilation[language])
    entries = toc_entries(pages)

    assert len(entries) > 20  # the programme, seven duos and their fourteen cities, the library, plans, coverage
    for number, title, page in entries:
        heading = f"{number}. {title}" if "." not in number else f"{number} {title}"
        assert heading in pages[page - 1], f"{heading!r} is not on page {page}"


@pytest.mark.parametrize(("language", "words"), [("en", ("Page", "of")), ("fr", ("Page", "sur"))])
def test_every_page_but_the_cover_says_page_x_of_y(compilation, language, words):
    pages = pdf_pages(compilation[language])
    total = len(pages)

    assert f"{words[0]} 1 {words[1]}" not in pages[0]
    for number, text in enumerate(pages[1:], start=2):
        assert f"{words[0]} {number} {words[1]} {total}" in text


def test_pdf_is_tagged_with_its_title(compilation):
    info = pdf_info(compilation["en"])

    assert info["tagged"]
    assert info["title"] == "Let's Food Cities: programme compilation"


def test_cover_carries_the_running_header_only_after_it(compilation):
    pages = pdf_pages(compilation["en"])

    cover = " ".join(pages[0].split())
    assert cover.count("Let's Food Cities: programme compilation") == 1  # the title, no running header
    assert "Let's Food Cities: programme compilation" in pages[2]  # the running header of a later page


def boxes(box):
    yield box
    for child in getattr(box, "children", []):
        yield from boxes(child)


def test_action_plan_progress_stays_inside_its_column():
    from weasyprint import HTML

    plan = {
        "actions": 1,
        "milestones": 1,
        "by_status": [["In progress", 1]],
        "items": [
            {
                "title": "Exchange of school-canteen cooks with Ho Chi Minh City",
                "status": "In progress",
                "start": "June 13, 2026",
                "end": "June 18, 2027",
                "budget": "15,000 EUR",
                "owners": [],
                "progress": 100,
                "is_demo": True,
                "milestones": [{"title": "Choose the two pilot schools", "due": "", "done_on": "July 3, 2026"}],
            }
        ],
    }
    html = (
        '<html><head><link rel="stylesheet" href="/static/css/report.css"></head><body>'
        + render_to_string("pdf/includes/plan.html", {"plan": plan})
        + "</body></html>"
    )
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=report_url_fetcher).render()

    cells = [box for page in document.pages for box in boxes(page._page_box) if type(box).__name__ == "TableCellBox"]
    assert len(cells) == 8
    for cell in cells:
        right = cell.content_box_x() + cell.width
        for inner in boxes(cell):
            if type(inner).__name__ in ("TextBox", "InlineBlockBox"):
                assert inner.position_x + inner.margin_width() <= right + 0.5, f"{inner!r} overflows its cell"


def test_a_heading_and_its_demonstration_notice_go_to_the_next_page_with_their_figure():
    from weasyprint import HTML

    html = (
        '<html><head><link rel="stylesheet" href="/static/css/report.css"></head><body><main>'
        '<div style="height: 20cm"></div>'
        '<section><h2 id="ratings">Ratings of the categories</h2>'
        '<p class="demo">Demonstration data: illustrative, not measurements.</p>'
        '<figure class="chart"><div style="height: 7cm"></div><figcaption>Both cities on one chart</figcaption>'
        "</figure></section></main></body></html>"
    )
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=report_url_fetcher).render()

    def page_of(tag: str) -> int:
        return next(
            number
            for number, page in enumerate(document.pages)
            for box in boxes(page._page_box)
            if getattr(box, "element_tag", None) == tag
        )

    assert page_of("figure") == 1
    assert page_of("h2") == page_of("p") == page_of("figure")


def test_a_tall_locator_map_keeps_its_shape_within_the_page():
    from weasyprint import HTML

    svg = locator_map_svg(places=[Place("Fez", 34.04, -5.0, "partner")], title="Fez")
    width, height = (float(n) for n in re.search(r'viewBox="0 0 (\S+) (\S+)"', svg).groups())
    html = (
        '<html><head><link rel="stylesheet" href="/static/css/report.css"></head><body>'
        f'<figure class="map">{svg_figure(svg)}</figure></body></html>'
    )
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=report_url_fetcher).render()

    (box,) = [box for box in boxes(document.pages[0]._page_box) if getattr(box, "element_tag", "") == "img"]
    assert height / width > 0.7  # taller than the page's width allows at full width
    assert box.width / box.height == pytest.approx(width / height, rel=0.01)


def comparison_rows_by_page(document) -> list[list[tuple[str, int]]]:
    """Return, for each page the comparison table runs over, its rows there: their class and their row group."""
    pages = []
    for page in document.pages:
        rows = [
            (row.element.get("class") or "", id(group.element))
            for table in boxes(page._page_box)
            if type(table).__name__ == "TableBox" and table.element.get("class") == "comparison"
            for group in table.children
            if type(group).__name__ == "TableRowGroupBox" and group.element.tag == "tbody"
            for row in group.children
        ]
        if rows:
            pages.append(rows)
    return pages


@pytest.mark.django_db
def test_a_category_heading_row_of_the_duo_comparison_is_never_alone_at_the_foot_of_a_page(settings):
    from weasyprint import HTML

    settings.DEMO_MODE = True
    call_command("load_reference", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # its Lyon–Ho Chi Minh City report in French broke after a heading
    data = services.report_data(kind="duo", subject="lyon-ho-chi-minh-city", language="fr")
    html = services.report_html(kind="duo", data=data, language="fr")
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=report_url_fetcher).render()

    pages = comparison_rows_by_page(document)
    assert len(pages) > 1  # the comparison runs over several pages
    for rows in pages:
        assert rows[-1][0] != "group", "a category heading row ends a page"
        headed = {group for cls, group in rows if cls == "group"}
        assert all(sum(1 for _, g in rows if g == group) > 1 for group in headed)
