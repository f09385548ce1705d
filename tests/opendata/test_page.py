"""The open-data page: datasets, licence, citation and the dictionary in the reader's language; latest downloads."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from opendata.dictionary import RESOURCES
from opendata.services import release_build
from tests.factories import OpenDataReleaseFactory

pytestmark = pytest.mark.django_db


def _page(client, language):
    with translation.override(language):
        url = reverse("opendata:index")
    return client.get(url)


def test_page_shows_the_dictionary_in_english(anonymous, duo_a):
    release_build()

    response = _page(anonymous, "en")

    text = response.content.decode()
    assert response.status_code == 200
    assert "Stable identifier of the city." in text
    assert "Identifiant stable de la ville." not in text
    assert "Open Data Commons Open Database License 1.0" in text
    assert text.count('class="opendata-dictionary"') == len(RESOURCES)
    for resource in RESOURCES:
        for column in resource.columns:
            assert f"<code>{column.name}</code>" in text


def test_page_shows_the_dictionary_in_french(anonymous, duo_a):
    release_build()

    response = _page(anonymous, "fr")

    text = response.content.decode()
    assert response.status_code == 200
    assert "Identifiant stable de la ville." in text
    assert "Stable identifier of the city." not in text
    assert "Données ouvertes" in text
    assert "Villes et territoires" in text
    assert "obligatoire; unique" in text


def test_page_links_the_latest_files_which_redirect_to_the_dated_files(anonymous, duo_a):
    release = release_build()

    text = _page(anonymous, "en").content.decode()

    for kind in ("zip", "xlsx", "geojson"):
        with translation.override("en"):
            url = reverse("opendata:latest", args=[kind])
        assert f'href="{url}"' in text
        response = anonymous.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/media/{release.files[kind]}"
    assert release.checksum in text


def test_page_before_any_build_says_so_and_offers_no_download(anonymous, duo_a):
    response = _page(anonymous, "en")

    text = response.content.decode()
    assert "No package has been built yet." in text
    assert "latest.zip" not in text
    assert anonymous.get("/en/open-data/latest.zip").status_code == 404


def test_an_unknown_kind_of_download_is_not_found(anonymous, duo_a):
    release_build()

    assert anonymous.get("/en/open-data/latest.exe").status_code == 404


def test_page_queries_are_few(anonymous, duo_a, django_assert_max_num_queries):
    release_build()
    _page(anonymous, "en")  # the footer's cached parts

    with django_assert_max_num_queries(3):
        _page(anonymous, "en")


def test_footer_open_data_link_opens_the_page(anonymous, duo_a):
    text = anonymous.get("/en/").content.decode()

    assert 'href="/en/open-data/"' in text


def test_build_time_is_shown_in_utc(anonymous, duo_a):
    built = dt.datetime(2026, 12, 7, 16, 5, tzinfo=dt.UTC)
    OpenDataReleaseFactory(created_at=built, files={"zip": "opendata/x.zip"}, sizes={"zip": 10}, checksum="0")

    text = _page(anonymous, "fr").content.decode()

    assert "7 décembre 2026 16:05 (UTC)" in text
