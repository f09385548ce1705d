"""The duo dashboard shows one category in detail at a time, chosen from a navigation of links, and each city's latest
initiatives with their number and a link to the library: what it shows, and so what it costs, does not grow with
the data. Every category and every initiative stay one link away, and in the CSV export, the API and the report."""

import csv
import io
import json
import re

import pytest
from django.core.cache import cache

from tests.dashboards.data import SIZES, duo_with_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def large_duo():
    """Two cities, three editions each, 60 indicators in six categories (ten each), 50 initiatives per edition."""
    return duo_with_data(name="large", **SIZES["large"])


def _page(client, duo, query=""):
    response = client.get(f"/en/duos/{duo.slug}/dashboard/{query}")
    assert response.status_code == 200
    return response, response.content.decode()


def _chooser(html: str) -> str:
    return re.search(r'<nav aria-labelledby="category-chooser-title".*?</nav>', html, re.S).group(0)


def _comparison_codes(html: str) -> list[str]:
    table = re.search(r'<table class="comparison-table">.*?</table>', html, re.S).group(0)
    return re.findall(r'<tr data-indicator="([^"]+)"', table)


def _indicators_of(category: int) -> list[str]:
    return [f"large-ind-{n}" for n in range(60) if n % 6 == category]


def test_the_dashboard_shows_the_first_category_and_links_to_every_other(client, large_duo):
    response, html = _page(client, large_duo)
    assert _comparison_codes(html) == _indicators_of(0)
    assert [row.category for row in response.context["dashboard"].comparison] == ["category-0"] * 10
    chooser = _chooser(html)
    links = re.findall(r'<a href="\?category=([^"#]+)#category-chooser"( aria-current="page")?>([^<]+)</a>', chooser)
    assert [(code, name) for code, _current, name in links] == [
        *((f"category-{n}", f"Category {n}") for n in range(6)),
        ("all", "All categories"),
    ]
    assert [code for code, current, _name in links if current] == ["category-0"]
    # Challenges and initiatives of the category shown only; the ratings of all six stay side by side.
    assert re.findall(r'<article class="category-pair" aria-labelledby="pair-([^"]+)"', html) == ["category-0"]
    assert html.count('<tr data-category="category-') == 6 + 2 * 6  # the ratings, then each city's change per category


def test_a_category_chosen_shows_its_indicators_and_their_changes(client, large_duo):
    _response, html = _page(client, large_duo, "?category=category-2")
    assert _comparison_codes(html) == _indicators_of(2)
    assert 'aria-current="page">Category 2</a>' in _chooser(html)
    change = re.search(r'<article class="city-change" id="change-large-french">.*?</article>', html, re.S).group(0)
    assert re.findall(r'<tr data-indicator="([^"]+)"', change) == _indicators_of(2)
    assert "Indicators of “Category 2” only." in html
    assert re.findall(r'aria-labelledby="pair-([^"]+)"', html) == ["category-2"]


def test_an_unknown_category_is_not_found(client, large_duo):
    assert client.get(f"/en/duos/{large_duo.slug}/dashboard/?category=nothing").status_code == 404


def test_the_compare_form_keeps_the_category_and_the_chooser_keeps_the_edition(client, large_duo):
    _response, html = _page(client, large_duo, "?category=category-1&compare=2015")
    assert '<input type="hidden" name="category" value="category-1">' in html
    assert 'href="?compare=2015&amp;category=category-4#category-chooser"' in _chooser(html)


def test_all_categories_show_every_indicator_category_and_initiative(client, large_duo):
    response, html = _page(client, large_duo, "?category=all")
    assert _comparison_codes(html) == [code for category in range(6) for code in _indicators_of(category)]
    assert 'aria-current="page">All categories</a>' in _chooser(html)
    assert len(re.findall(r'<article class="category-pair"', html)) == 6
    dashboard = response.context["dashboard"]
    assert [len(city.initiatives) for city in dashboard.cities] == [150, 150]  # 50 per edition, none carried over
    assert "most recent of" not in html


def test_initiatives_beyond_the_ten_latest_are_counted_and_linked_to_the_library(client, large_duo):
    response, html = _page(client, large_duo)
    dashboard = response.context["dashboard"]
    assert [len(city.initiatives) for city in dashboard.cities] == [10, 10]
    # The latest edition's, most recently entered first.
    assert dashboard.cities[0].initiatives[0].ref == "large-french-2-initiative-49"
    assert all(item.ref.startswith("large-french-2-") for item in dashboard.cities[0].initiatives)
    for slug, name in (("large-french", "Large french"), ("large-partner", "Large partner")):
        assert f"The 10 most recent of 150 initiatives of {name} are listed." in html
        assert f'<a href="/en/library/?city={slug}">Every initiative of {name} in the library</a>' in html
    data = json.loads(re.search(r'<script id="dashboard" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert len(data["initiatives"]) == 20


def test_the_page_shows_the_five_best_opportunities_and_links_to_every_one(client, large_duo):
    response, html = _page(client, large_duo)
    every = response.context["dashboard"].opportunities
    assert len(every) > 5
    assert html.count('<li class="opportunity"') == 5
    assert f"The 5 best of {len(every)} opportunities, every category together." in html
    assert 'href="?category=all#opportunities-heading">Every opportunity</a>' in html
    assert client.get(f"/en/duos/{large_duo.slug}/dashboard/?category=all").content.decode().count(
        '<li class="opportunity"'
    ) == len(every)


def test_the_csv_export_and_the_api_keep_every_indicator_and_initiative(client, large_duo):
    rows = list(
        csv.reader(
            io.StringIO(client.get(f"/en/duos/{large_duo.slug}/dashboard/comparison.csv").content.decode("utf-8-sig"))
        )
    )
    assert len(rows) == 1 + 60
    api = client.get(f"/api/duos/{large_duo.slug}/dashboard/", HTTP_ACCEPT="application/json").json()
    assert len(api["comparison"]) == 60
    assert [len(city["initiatives"]) for city in api["cities"]] == [150, 150]
    assert "category" not in api and "initiative_counts" not in api


def test_the_duo_report_reads_every_indicator(large_duo):
    from dashboards.dashboard import duo_dashboard_data

    dashboard = duo_dashboard_data(duo=large_duo)
    assert len(dashboard.comparison) == 60 and dashboard.category is None
    assert [len(change.change.indicators) for change in dashboard.changes] == [60, 60]


class RecordingCache:
    """The cache the dashboards use, noting the keys stored (whatever the backend: local memory or Redis)."""

    def __init__(self, real):
        self.real, self.stored = real, []

    def get(self, key, *args, **kwargs):
        return self.real.get(key, *args, **kwargs)

    def set(self, key, *args, **kwargs):
        self.stored.append(key)
        return self.real.set(key, *args, **kwargs)


def test_a_made_up_category_never_reaches_the_public_cache(client, large_duo, monkeypatch):
    from dashboards import cache as dashboard_cache

    recording = RecordingCache(dashboard_cache.cache)
    monkeypatch.setattr(dashboard_cache, "cache", recording)

    client.get(f"/en/duos/{large_duo.slug}/dashboard/")
    assert any("duo-dashboard" in key and "category=:" in key for key in recording.stored)  # the default one is cached
    kept = len(recording.stored)
    assert client.get(f"/en/duos/{large_duo.slug}/dashboard/?category=made-up").status_code == 404
    assert not any("made-up" in key for key in recording.stored[kept:])
