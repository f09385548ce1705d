"""The API refuses what its schema does not allow with a 400 naming the parameter, and answers errors as JSON."""

import pytest

from tests.factories import CityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "query", "field"),
    [
        ("/api/cities/", {"page": ""}, "page"),
        ("/api/cities/", {"page": "0"}, "page"),
        ("/api/cities/", {"page": "last"}, "page"),
        ("/api/cities/", {"role": ""}, "role"),
        ("/api/recommended-actions/", {"verified": "maybe"}, "verified"),
        ("/api/duos/", {"start_year": "2020.5"}, "start_year"),
        ("/api/indicator-values/", {"year": ""}, "year"),
    ],
)
def test_a_parameter_outside_its_schema_is_a_400_that_names_it(anonymous, path, query, field):
    response = anonymous.get(path, query)

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_an_empty_text_filter_is_no_filter(anonymous):
    CityFactory(slug="lyon")

    response = anonymous.get("/api/assessments/", {"city": ""})

    assert response.status_code == 200


def test_a_yes_no_filter_still_reads_true_and_false(anonymous):
    assert anonymous.get("/api/recommended-actions/", {"verified": "true"}).status_code == 200
    assert anonymous.get("/api/recommended-actions/", {"verified": "false"}).status_code == 200


def test_a_nul_byte_in_an_api_query_is_a_json_400_naming_the_parameter(anonymous):
    response = anonymous.get("/api/cities/", {"search": "a\x00b"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"search": ["This value may not contain a NUL byte."]}


def test_a_nul_byte_in_a_page_address_is_still_a_plain_400(anonymous):
    response = anonymous.get("/en/cities/", {"q": "a\x00b"})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


def test_an_api_address_that_matches_no_route_is_a_json_404(anonymous):
    response = anonymous.get("/api/actions/1.5/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_a_page_address_that_matches_no_route_is_still_the_site_page(anonymous):
    response = anonymous.get("/en/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_malformed_multipart_body_is_a_400_not_a_server_error(anonymous):
    response = anonymous.generic("POST", "/api/reports/", b"kind=city", content_type="multipart/form-data")

    assert response.status_code == 400
