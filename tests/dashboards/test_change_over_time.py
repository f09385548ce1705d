"""Change over time on the duo dashboard: each city's latest edition over its baseline (or a chosen earlier edition),
the change per category and per indicator, and the initiatives followed across editions, in a fixed number of
queries."""

import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.editions import assessment_follow_up_start
from tests.assessments.follow_up import baseline, fez_follow_up
from tests.factories import IndicatorFactory, IndicatorValueFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def montpellier_fez(duo_b, team_member):
    _framework, indicators, editions = baseline(duo_b)
    fez_follow_up(fez_2019=editions[duo_b.partner_city.slug], indicators=indicators, team=team_member)
    return duo_b


def _dashboard(client, duo, query=""):
    response = client.get(f"/en/duos/{duo.slug}/dashboard/{query}")
    assert response.status_code == 200
    return response


def _change_article(html: str, slug: str) -> str:
    return re.search(rf'<article class="city-change" id="change-{slug}">.*?</article>', html, re.S).group(0)


def test_the_dashboard_overlays_fez_2019_and_2026_in_one_radar(client, montpellier_fez):
    html = _dashboard(client, montpellier_fez).content.decode()
    fez = _change_article(html, "fez")
    radar = re.search(r'<svg[^>]*class="radar-chart".*?</svg>', fez, re.S).group(0)
    assert radar.count('class="radar-series"') == 2 and radar.count("<polygon points=") - 5 == 2
    assert "Fez 2026" in radar and "Fez 2019" in radar
    assert 'id="change-montpellier"' not in html  # Montpellier has a single edition: nothing to compare


def test_the_dashboard_gives_the_change_per_category_and_per_indicator(client, montpellier_fez):
    # Every category: waste and budget are indicators of two categories, and the page shows one at a time.
    fez = _change_article(_dashboard(client, montpellier_fez, "?category=all").content.decode(), "fez")
    assert "Fez: change from 2019 to 2026" in fez
    first = re.search(r'<tr data-category="topic-0">.*?</tr>', fez, re.S).group(0)
    assert "↑" in first and "+2" in first
    waste = re.search(r'<tr data-indicator="waste".*?</tr>', fez, re.S).group(0)
    assert "↓" in waste and "−250 t" in waste and "reference years 2017 and 2025" in waste
    budget = re.search(r'<tr data-indicator="budget".*?</tr>', fez, re.S).group(0)
    assert "units differ (MAD vs EUR)" in budget and "↓" not in budget


def test_the_dashboard_keeps_the_2019_initiatives_with_their_status_on_the_page_and_the_map(client, montpellier_fez):
    html = _dashboard(client, montpellier_fez).content.decode()
    fez = _change_article(html, "fez")
    assert "Rooftop gardens of Fez</a> — <strong>stopped (reported in 2026)</strong>" in fez
    assert "(2019: active · 2026: ended)" in fez
    assert "Farmers&#x27; market of Fez</a> — <strong>running since 2019</strong>" in fez
    assert "Anti-waste kitchen of Fez</a> — <strong>new in 2026</strong>" in fez
    data = json.loads(re.search(r'<script id="dashboard" type="application/json">(.*?)</script>', html, re.S).group(1))
    fez_markers = sorted(m["title"] for m in data["initiatives"] if m["city"] == "Fez")
    assert fez_markers == ["Anti-waste kitchen of Fez", "Farmers' market of Fez", "Rooftop gardens of Fez"]


def test_an_earlier_edition_can_be_chosen_and_a_wrong_year_is_not_found(client, montpellier_fez, team_member):
    from assessments.models import Assessment

    fez_2019 = Assessment.objects.get(city=montpellier_fez.partner_city, year=2019)
    middle = assessment_follow_up_start(previous=fez_2019, year=2022, by=team_member)
    Assessment.objects.filter(pk=middle.pk).update(status="published")
    html = _dashboard(client, montpellier_fez, "?compare=2022").content.decode()
    assert "Fez: change from 2022 to 2026" in html and '<option value="2022" selected>' in html
    assert client.get(f"/en/duos/{montpellier_fez.slug}/dashboard/?compare=2030").status_code == 404
    assert client.get(f"/en/duos/{montpellier_fez.slug}/dashboard/?compare=soon").status_code == 404


def test_the_api_returns_the_change_the_page_shows(client, montpellier_fez, partner_b):
    client.force_login(partner_b)
    data = client.get(f"/api/duos/{montpellier_fez.slug}/dashboard/").json()
    (change,) = data["changes"]
    assert change["slug"] == "fez" and change["change"]["compare"]["year"] == 2019
    waste = next(row for row in change["change"]["indicators"] if row["code"] == "waste")
    assert (waste["arrow"], waste["change"], waste["trend"]) == ("↓", "−250 t (−21 %)", "better")


@pytest.mark.parametrize("viewer", ["anonymous", "partner"])
def test_the_dashboard_takes_the_same_number_of_queries_whatever_the_editions(
    client, duo_b, team_member, partner_b, viewer, django_assert_max_num_queries
):
    if viewer == "partner":
        client.force_login(partner_b)
    framework, indicators, editions = baseline(duo_b)
    fez = duo_b.partner_city
    fez_follow_up(fez_2019=editions[fez.slug], indicators=indicators, team=team_member)
    _dashboard(client, duo_b)  # warm the caches every page reads
    cache.clear()
    with CaptureQueriesContext(connection) as small:
        _dashboard(client, duo_b)
    for year in (2021, 2023):
        edition = assessment_follow_up_start(
            previous=fez.assessments.filter(year__lt=year).order_by("-year").first(), year=year, by=team_member
        )
        edition.status = "published"
        edition.save()
        for n in range(6):
            indicator = IndicatorFactory(framework=framework, category=indicators["waste"].category, unit="t")
            IndicatorValueFactory(assessment=edition, indicator=indicator, value_number=n, reference_year=year)
        InitiativeFactory(assessment=edition)
    cache.clear()
    with django_assert_max_num_queries(len(small)):
        _dashboard(client, duo_b)
