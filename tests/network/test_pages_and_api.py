"""The network overview page and its API: same numbers, English and French, accessible cells, bounded queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape

from assessments.models import Assessment, RecommendedAction
from core.cache import data_version_bump
from tests.network.test_coverage import assessment_of, grow_data, linked_content

pytestmark = pytest.mark.django_db

CELL = re.compile(r'<td class="cov cov-\d[^"]*">(.*?)</td>', re.S)
COMPACT = re.compile(r'<span aria-hidden="true">([^<]*)</span>')


def page_cells(html: str) -> list[str]:
    """Return the compact text of every city cell of the matrix, row by row (totals left out)."""
    return [COMPACT.search(cell).group(1) for cell in CELL.findall(html)]


def api_cells(data: dict) -> list[str]:
    def compact(cell):
        if not sum(cell.values()):
            return "—"
        return f"{cell['initiatives']} · {cell['challenges']} · {cell['planned']}"

    slugs = [city["slug"] for city in data["cities"]]
    return [compact(row["cells"][slug]) for row in data["rows"] for slug in slugs]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_page_shows_the_matrix_and_the_map_in_english_and_french(anonymous, reference_data, language):
    linked_content(assessment_of("fez"), 7, initiatives=2, challenges=1)

    response = anonymous.get(f"/{language}/network/", {"category": "all"})

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    action = RecommendedAction.objects.get(framework__slug="mufpp-2019", number=7)
    with translation.override(language):
        assert escape(action.display_title) in html  # the short title; the full official wording is on the API
    assert html.count('<th scope="row" class="action">') == 37
    assert html.count('<th scope="col" class="city') == 14
    assert html.count('scope="colgroup"') == 7
    assert html.count('scope="rowgroup"') == 6
    assert "<caption" in html
    assert '<span aria-hidden="true">2 · 1 · 0</span>' in html
    assert 'id="network"' in html  # the map's data, drawn by static/js/map.js
    assert " style=" not in html  # the content security policy forbids inline styles


def test_an_empty_cell_says_so_in_words(anonymous, reference_data):
    html = anonymous.get("/en/network/").content.decode()

    words = "no initiative, no challenge, no planned action"
    empty = f'<span aria-hidden="true">—</span><span class="visually-hidden">{words}</span>'
    assert empty in html


def test_the_page_marks_draft_columns_for_the_team_only(client, anonymous, reference_data, team_member):
    linked_content(assessment_of("fez", status=Assessment.Status.DRAFT), 7, initiatives=1, challenges=0)

    public = anonymous.get("/en/network/", {"category": "all"}).content.decode()
    client.force_login(team_member)
    team = client.get("/en/network/", {"category": "all"}).content.decode()

    assert "badge-draft" not in public and "1 · 0" not in public
    assert "badge-draft" in team and "1 · 0" in team


def test_the_category_filter_shows_only_that_category(anonymous, reference_data):
    html = anonymous.get("/en/network/", {"category": "food_waste"}).content.decode()

    assert (
        html.count('<th scope="row" class="action">')
        == RecommendedAction.objects.filter(category__code="food_waste").count()
    )
    assert '<option value="food_waste" selected>' in html


@pytest.mark.parametrize(("category", "shown"), [("", "all"), ("governance", "governance")])
def test_the_api_gives_the_same_numbers_as_the_page(anonymous, reference_data, category, shown):
    linked_content(assessment_of("fez"), 1, initiatives=2, challenges=1)
    linked_content(assessment_of("lyon"), 3, initiatives=1, challenges=0)
    linked_content(assessment_of("sfax"), 30, initiatives=0, challenges=3)

    html = anonymous.get("/en/network/", {"category": shown}).content.decode()
    data = anonymous.get("/api/network/coverage/", {"category": category}).json()

    assert page_cells(html) == api_cells(data)
    assert len(page_cells(html)) == len(data["rows"]) * 14
    assert len(data["rows"]) == (37 if not category else 6)
    assert len(data["cities"]) == 14
    fez_row = next(row for row in data["rows"] if row["action"] == 1)
    assert fez_row["category"] == "governance"
    assert fez_row["cells"]["fez"] == {"initiatives": 2, "challenges": 1, "planned": 0}
    assert data["totals"]["fez"] == {"initiatives": 2, "challenges": 1, "planned": 0}
    assert data["planned_actions_tracked"] is True


def test_the_api_counts_drafts_for_the_team_only(client, anonymous, reference_data, team_member):
    linked_content(assessment_of("fez", status=Assessment.Status.DRAFT), 1, initiatives=1, challenges=0)

    public = anonymous.get("/api/network/coverage/").json()
    client.force_login(team_member)
    team = client.get("/api/network/coverage/").json()

    assert public["totals"]["fez"]["initiatives"] == 0
    assert team["totals"]["fez"]["initiatives"] == 1
    assert next(city for city in team["cities"] if city["slug"] == "fez")["assessment_status"] == "draft"


@pytest.mark.parametrize("url", ["/en/network/", "/api/network/coverage/"])
def test_page_and_api_keep_the_same_number_of_queries_as_the_data_grows(anonymous, reference_data, url):
    grow_data(["fez"], per_city=1)
    anonymous.get(url)  # warms what every page caches (the footer's consent text)
    data_version_bump()  # the page is rendered, not served from the public cache
    with CaptureQueriesContext(connection) as small:
        assert anonymous.get(url).status_code == 200
    grow_data(["lyon", "sfax", "durban"], per_city=6)
    data_version_bump()
    with CaptureQueriesContext(connection) as large:
        assert anonymous.get(url).status_code == 200

    assert len(small) == len(large)


def test_the_schema_documents_the_coverage_endpoint(anonymous):
    paths = anonymous.get("/api/schema/", {"format": "json"}).json()["paths"]

    operation = paths["/api/network/coverage/"]["get"]
    assert "category" in {parameter["name"] for parameter in operation["parameters"]}
    assert "200" in operation["responses"]


def test_the_main_menu_links_to_the_network_overview(anonymous, reference_data):
    html = anonymous.get("/en/network/").content.decode()

    assert re.search(r'<a href="/en/network/" aria-current="page">Network</a>', html)


def test_the_page_shows_the_first_category_by_default_and_every_category_one_click_away(anonymous, reference_data):
    html = anonymous.get("/en/network/").content.decode()

    first = RecommendedAction.objects.filter(framework__slug="mufpp-2019").order_by("category__order").first()
    assert html.count('scope="rowgroup"') == 1
    assert html.count('<th scope="row" class="action">') == first.category.actions.count()
    assert f'<option value="{first.category.code}" selected>' in html
    assert 'href="?category=all"' in html


def test_every_cell_says_its_counts_in_words_in_french(anonymous, reference_data):
    linked_content(assessment_of("fez"), 1, initiatives=2, challenges=1)

    html = anonymous.get("/fr/network/", {"category": "governance"}).content.decode()

    assert '<span aria-hidden="true">2 · 1 · 0</span>' in html
    assert "2 initiatives, 1 enjeu" in html


def test_the_matrix_shows_the_duos_by_pages_once_they_are_many(anonymous, reference_data, monkeypatch):
    from network import views as network_views

    monkeypatch.setattr(network_views, "DUOS_PER_PAGE", 3)

    first = anonymous.get("/en/network/", {"category": "all"}).content.decode()
    last = anonymous.get("/en/network/", {"category": "all", "page": 3}).content.decode()

    assert first.count('scope="colgroup"') == 3
    assert first.count('<th scope="col" class="city') == 6
    assert len(page_cells(first)) == 37 * 6
    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert last.count('scope="colgroup"') == 1
    assert len(page_cells(last)) == 37 * 2
    assert 'rel="prev"' in last


def test_the_api_gives_the_duos_by_pages_with_links_and_the_network_totals(anonymous, reference_data, monkeypatch):
    from network.api import views as api_views

    linked_content(assessment_of("fez"), 7, initiatives=2, challenges=1)
    whole = anonymous.get("/api/network/coverage/").json()
    monkeypatch.setattr(api_views, "DUOS_PER_PAGE", 3)

    first = anonymous.get("/api/network/coverage/", {"page": 1}).json()
    last = anonymous.get(first["next"].replace("page=2", "page=3")).json()

    assert whole["count"] == first["count"] == 7 and whole["next"] is None
    assert len(first["cities"]) == 6 and len(last["cities"]) == 2
    assert first["previous"] is None and "page=2" in first["next"]
    assert last["next"] is None and "page=2" in last["previous"]
    assert all(len(row["cells"]) == 6 for row in first["rows"])
    # Each row's total and the grand total are the network's, whatever the page.
    assert [row["total"] for row in first["rows"]] == [row["total"] for row in whole["rows"]]
    assert first["total"] == last["total"] == whole["total"]
    middle = anonymous.get(first["next"]).json()
    merged = [
        {**a["cells"], **b["cells"], **c["cells"]}
        for a, b, c in zip(first["rows"], middle["rows"], last["rows"], strict=True)
    ]
    assert merged == [row["cells"] for row in whole["rows"]]


@pytest.mark.parametrize(("page", "status"), [("0", 400), ("two", 400), ("-1", 400), ("9", 404)])
def test_a_bad_page_of_the_api_is_a_clear_error_naming_the_parameter(anonymous, reference_data, page, status):
    response = anonymous.get("/api/network/coverage/", {"page": page})
    assert response.status_code == status
    assert response.json() == (
        {"page": ["A page number is a whole number from 1."]} if status == 400 else {"detail": "Invalid page."}
    )


def test_the_map_of_the_network_page_shows_the_duos_of_the_page(anonymous, reference_data, monkeypatch):
    import json

    from network import views as network_views

    monkeypatch.setattr(network_views, "DUOS_PER_PAGE", 3)
    pattern = re.compile(r'<script id="network" type="application/json">(.*?)</script>', re.S)

    first = json.loads(pattern.search(anonymous.get("/en/network/").content.decode()).group(1))
    last = json.loads(pattern.search(anonymous.get("/en/network/", {"page": 3}).content.decode()).group(1))

    assert (len(first["duos"]), len(first["cities"])) == (3, 6)
    assert (len(last["duos"]), len(last["cities"])) == (1, 2)
