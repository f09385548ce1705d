"""Report requests cannot be multiplied: the compilation has no subject, and a subject must be a published object."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from reports.models import Report
from tests.factories import CityFactory, DuoFactory


@pytest.fixture
def api(settings):
    settings.RATELIMIT_ENABLE = False  # the limit is not what is tested here
    cache.clear()
    return APIClient()


def test_compilation_requests_with_invented_subjects_are_one_report(api, db):
    """Guards defect 9: each invented `subject` of a compilation request rendered the same 26-page PDF again."""
    answers = [
        api.post("/api/reports/", {"kind": "compilation", "subject": subject, "language": "en"}, format="json")
        for subject in ["", "a", "b", "made-up-1"]
    ]

    assert [answer.status_code for answer in answers] == [202, 200, 200, 200]
    assert {answer.json()["id"] for answer in answers} == {Report.objects.get().pk}
    assert Report.objects.get().subject == ""


def test_compilation_requests_from_the_page_form_ignore_the_subject_too(client, db, settings):
    settings.RATELIMIT_ENABLE = False
    for subject in ["x", "y", "z"]:
        response = client.post("/en/reports/request/", {"kind": "compilation", "subject": subject})
        assert response.status_code == 302

    assert Report.objects.get().subject == ""


@pytest.mark.parametrize(
    ("kind", "subject", "status"),
    [
        ("city", "", 400),
        ("city", "hidden-city", 404),
        ("duo", "", 400),
        ("duo", "hidden-duo", 404),
        ("duo", "no-such-duo", 404),
    ],
)
def test_a_city_or_duo_request_needs_a_published_subject_and_names_the_field(api, db, kind, subject, status):
    hidden_city = CityFactory(slug="hidden-city", is_published=False)
    DuoFactory(slug="hidden-duo", french_city=hidden_city)

    response = api.post("/api/reports/", {"kind": kind, "subject": subject, "language": "en"}, format="json")

    assert response.status_code == status  # none given: malformed; none published of that slug: not found
    assert "subject" in response.json()
    assert not Report.objects.exists()
