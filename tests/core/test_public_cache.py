"""The public pages at network size: queries constant with the data, cached for anonymous visitors per language,
made stale by a publication, compressed, and revalidated with a 304."""

import gzip
import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from assessments.models import Assessment, Framework
from assessments.services import assessment_publish
from cities.models import City
from core.cache import data_version_bump
from tests.factories import AssessmentFactory, ChallengeFactory, ConsentTextFactory, DuoFactory, InitiativeFactory

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/en/", "/en/cities/fez/", "/en/library/?q=market", "/en/network/", "/api/initiatives/geojson/"]
API_LISTS = [
    "/api/cities/",
    "/api/cities/geojson/",
    "/api/duos/",
    "/api/assessments/",
    "/api/initiatives/",
    "/api/network/coverage/",
]


def published_assessment(city: City, **fields) -> Assessment:
    return AssessmentFactory(
        city=city, framework=Framework.objects.get(slug="mufpp-2019"), status=Assessment.Status.PUBLISHED, **fields
    )


def grow_network(duos: int) -> None:
    """Add published duos whose two cities each have a published assessment, initiatives and challenges."""
    for _ in range(duos):
        duo = DuoFactory()
        for city in duo.cities:
            assessment = published_assessment(city, year=2024)
            for number in range(4):
                InitiativeFactory(assessment=assessment, title_en=f"Covered market {number} of {city.name}")
            ChallengeFactory(assessment=assessment, category=assessment.framework.categories.first())


def rendered_queries(client: Client, url: str) -> int:
    data_version_bump()  # what the public cache holds is stale: the page is rendered
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_keep_the_same_number_of_queries_as_the_network_grows(anonymous, reference_data, url):
    grow_network(1)
    published_assessment(City.objects.get(slug="fez"), year=2019)
    anonymous.get(url)  # warms what every page caches (the footer's consent text)
    small = rendered_queries(anonymous, url)

    grow_network(6)

    assert rendered_queries(anonymous, url) == small


@pytest.mark.parametrize("url", PUBLIC_PAGES + API_LISTS)
def test_a_public_page_is_served_again_from_the_cache_without_a_query(
    anonymous, reference_data, django_assert_num_queries, url
):
    first = anonymous.get(url)

    with django_assert_num_queries(0):
        again = anonymous.get(url)

    assert again.status_code == 200
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize("url", PUBLIC_PAGES + API_LISTS)
def test_a_revisit_with_the_etag_costs_a_304(anonymous, reference_data, url):
    etag = anonymous.get(url)["ETag"]

    revisit = anonymous.get(url, HTTP_IF_NONE_MATCH=etag)

    assert revisit.status_code == 304
    assert revisit.content == b""


def test_a_revisit_with_the_last_modified_date_costs_a_304_until_the_data_changes(anonymous, reference_data):
    last_modified = anonymous.get("/api/initiatives/geojson/")["Last-Modified"]

    assert anonymous.get("/api/initiatives/geojson/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    InitiativeFactory(assessment=published_assessment(City.objects.get(slug="fez")))
    changed = anonymous.get("/api/initiatives/geojson/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert changed.status_code == 200
    assert len(json.loads(changed.content)["features"]) == 1


def test_publishing_an_assessment_makes_the_cached_city_page_stale(anonymous, reference_data, team_member):
    fez = City.objects.get(slug="fez")
    draft = AssessmentFactory(city=fez, framework=Framework.objects.get(slug="mufpp-2019"), year=2023)
    draft.status = Assessment.Status.IN_REVIEW
    draft.save()
    before = anonymous.get("/en/cities/fez/")
    assert "2023" not in before.content.decode()

    assessment_publish(assessment=draft, by=team_member)
    after = anonymous.get("/en/cities/fez/", HTTP_IF_NONE_MATCH=before["ETag"])

    assert after.status_code == 200
    assert "2023" in after.content.decode()


def test_the_cache_keeps_one_copy_per_language(anonymous, reference_data):
    english = anonymous.get("/en/network/").content.decode()
    french = anonymous.get("/fr/network/").content.decode()

    assert '<html lang="en"' in english
    assert '<html lang="fr"' in french


def test_a_logged_in_viewer_is_never_served_the_public_copy(client, reference_data, team_member):
    fez = City.objects.get(slug="fez")
    AssessmentFactory(city=fez, framework=Framework.objects.get(slug="mufpp-2019"), year=2024)  # a draft
    public = client.get("/en/network/", {"category": "all"}).content.decode()
    client.force_login(team_member)

    team = client.get("/en/network/", {"category": "all"})

    assert "badge-draft" not in public
    assert "badge-draft" in team.content.decode()
    assert not team.has_header("ETag")


def test_each_visitor_gets_their_own_csrf_token_on_a_cached_page(reference_data):
    """The language switcher of a cached page posts with the visitor's own token, never the first visitor's."""
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    first_page = first.get("/en/").content.decode()
    second_page = second.get("/en/").content.decode()

    assert token.search(first_page).group(1) != token.search(second_page).group(1)
    switched = second.post("/i18n/setlang/", {"language": "fr", "next": "/fr/", **_token(token, second_page)})
    assert switched.status_code == 302


def _token(pattern, html: str) -> dict:
    return {"csrfmiddlewaretoken": pattern.search(html).group(1)}


@pytest.mark.parametrize("url", ["/api/initiatives/geojson/", "/en/network/"])
def test_large_public_responses_are_sent_gzipped_to_browsers_that_accept_it(anonymous, reference_data, url):
    grow_network(3)
    plain = anonymous.get(url)

    packed = anonymous.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")

    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert len(packed.content) < len(plain.content) / 2
    unpacked = gzip.decompress(packed.content)
    if url.startswith("/api/"):
        assert unpacked == plain.content
    else:  # the page differs only by the visitor's CSRF token, masked anew in each response
        assert len(unpacked) == len(plain.content)


def test_the_geojson_lists_the_located_initiatives_of_published_assessments_only(anonymous, reference_data):
    fez = City.objects.get(slug="fez")
    InitiativeFactory(assessment=published_assessment(fez), ref="market-fez", title_en="Covered market")
    InitiativeFactory(assessment=published_assessment(fez, year=2021), ref="nowhere", location=None)
    InitiativeFactory(assessment=AssessmentFactory(city=fez, year=2024), ref="draft-one")

    features = anonymous.get("/api/initiatives/geojson/").json()["features"]

    assert [feature["properties"]["ref"] for feature in features] == ["market-fez"]
    assert features[0]["properties"] == {
        "ref": "market-fez",
        "title": "Covered market",
        "city": "fez",
        "actor_type": "association",
        "demonstration_data": False,
    }
    assert features[0]["geometry"]["type"] == "Point"


def test_the_library_map_marks_only_the_initiatives_of_the_page_shown(anonymous, reference_data):
    assessment = published_assessment(City.objects.get(slug="fez"))
    for number in range(25):
        InitiativeFactory(assessment=assessment, title_en=f"Market {number:02}")

    html = anonymous.get("/en/library/", {"q": "market"}).content.decode()
    markers = json.loads(re.search(r'<script id="library" type="application/json">(.*?)</script>', html).group(1))

    assert "25 initiatives found" in html
    assert len(markers["initiatives"]) == 20


@pytest.mark.parametrize("url", ["/api/cities/", "/api/network/coverage/"])
def test_the_api_answers_json_and_the_browsable_api_apart_from_one_cache(anonymous, reference_data, url):
    as_json = anonymous.get(url, HTTP_ACCEPT="application/json")
    as_html = anonymous.get(url, HTTP_ACCEPT="text/html")
    again = anonymous.get(url, HTTP_ACCEPT="application/json")

    assert as_json["Content-Type"].startswith("application/json")
    assert as_html["Content-Type"].startswith("text/html")
    assert again.content == as_json.content
    assert "Accept" in again["Vary"]


def test_a_new_consent_text_reaches_the_footer_of_cached_pages_at_once(anonymous, reference_data):
    before = anonymous.get("/en/")
    ConsentTextFactory(version=99, text_en="Our new promise about your address.", text_fr="Notre promesse.")

    after = anonymous.get("/en/", HTTP_IF_NONE_MATCH=before["ETag"])

    assert after.status_code == 200
    assert "Our new promise about your address." in after.content.decode()
