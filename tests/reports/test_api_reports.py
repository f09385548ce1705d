"""The reports API: POST /api/reports/ asks for a report (202 queued, 200 reused), GET /api/reports/<id>/ polls it."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from reports.models import Report
from tests.factories import ReportFactory

pytestmark = pytest.mark.usefixtures("tasks_in_process")


@pytest.fixture
def api(settings):
    settings.RATELIMIT_ENABLE = True
    cache.clear()
    yield APIClient()
    cache.clear()


def post(api, capture, **data):
    with capture(execute=True):
        return api.post("/api/reports/", data, format="json")


def test_asking_for_a_report_queues_it_with_202_and_the_same_data_returns_it_with_200(
    api, rated_city, media, django_capture_on_commit_callbacks
):
    first = post(api, django_capture_on_commit_callbacks, kind="city", subject="annecy", language="fr")
    second = post(api, django_capture_on_commit_callbacks, kind="city", subject="annecy", language="fr")

    report = Report.objects.get()
    assert first.status_code == 202
    assert first.json()["id"] == report.pk
    assert first.json()["url"] == f"http://testserver/api/reports/{report.pk}/"
    assert first.json()["page_url"] == f"http://testserver/fr/reports/{report.pk}/"
    assert second.status_code == 200
    assert second.json()["id"] == report.pk
    assert second.json()["status"] == "done"
    assert second.json()["file_url"] == f"http://testserver/media/reports/city-annecy-fr-{report.pk}.pdf"


def test_polling_a_report_gives_its_status_progress_and_then_its_file(api, rated_city, media):
    report = ReportFactory()
    Report.objects.filter(pk=report.pk).update(status=Report.Status.RENDERING, progress=35)

    rendering = api.get(f"/api/reports/{report.pk}/").json()

    assert rendering["status"] == "rendering" and rendering["progress"] == 35
    assert rendering["file_url"] is None and rendering["pages"] is None and rendering["size"] is None


def test_a_done_report_gives_its_pages_size_and_file(api, rated_city, media, django_capture_on_commit_callbacks):
    report_id = post(api, django_capture_on_commit_callbacks, kind="city", subject="annecy", language="en").json()["id"]

    done = api.get(f"/api/reports/{report_id}/").json()

    report = Report.objects.get()
    assert done["status"] == "done" and done["progress"] == 100
    assert done["pages"] == report.pages >= 1
    assert done["size"] == report.size
    assert done["file_url"].endswith(f"/media/reports/city-annecy-en-{report_id}.pdf")
    assert done["error"] == ""


def test_a_logged_in_caller_is_remembered_on_the_report(api, partner_a, rated_city, media):
    api.force_authenticate(partner_a)

    response = api.post("/api/reports/", {"kind": "city", "subject": "annecy", "language": "en"}, format="json")

    assert response.status_code == 202
    assert Report.objects.get().requested_by == partner_a


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"kind": "poster", "subject": "annecy", "language": "en"}, "kind", '"poster" is not a valid choice.'),
        ({"kind": "city", "subject": "annecy", "language": "de"}, "language", '"de" is not a valid choice.'),
        ({"kind": "city", "subject": "../etc", "language": "en"}, "subject", "Enter a valid"),
        ({"subject": "annecy", "language": "en"}, "kind", "This field is required."),
    ],
)
def test_bad_input_is_a_400_that_says_what_is_wrong(api, rated_city, media, data, field, message):
    response = api.post("/api/reports/", data, format="json")

    assert response.status_code == 400
    assert message in response.json()[field][0]
    assert not Report.objects.exists()


def test_a_subject_that_names_no_published_city_is_a_404_that_says_so(api, rated_city, media):
    response = api.post("/api/reports/", {"kind": "city", "subject": "atlantis", "language": "en"}, format="json")

    assert response.status_code == 404
    assert response.json() == {"subject": ["No published city atlantis."]}
    assert not Report.objects.exists()


def test_asking_through_the_api_is_limited_per_ip(api, rated_city, media):
    data = {"kind": "city", "subject": "annecy", "language": "en"}
    statuses = [api.post("/api/reports/", data, format="json").status_code for _ in range(11)]

    assert statuses == [202] + [200] * 9 + [429]


def test_an_unknown_report_is_a_404(api, db):
    assert api.get("/api/reports/404/").status_code == 404


def test_the_failure_reason_is_for_the_team_only(api, team_member, db):
    report = ReportFactory()
    Report.objects.filter(pk=report.pk).update(status=Report.Status.FAILED, error="OSError: disk full")

    public = api.get(f"/api/reports/{report.pk}/").json()
    api.force_authenticate(team_member)
    team = api.get(f"/api/reports/{report.pk}/").json()

    assert (public["status"], public["error"]) == ("failed", "")
    assert team["error"] == "OSError: disk full"


def test_the_reports_api_is_in_the_openapi_schema(api, db):
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    request = schema["paths"]["/api/reports/"]["post"]
    assert {"200", "202", "400", "429"} <= set(request["responses"])
    assert request["operationId"] == "report_request"
    detail = schema["paths"]["/api/reports/{id}/"]["get"]
    properties = schema["components"]["schemas"]["Report"]["properties"]
    assert detail["operationId"] == "report_detail"
    assert {"id", "status", "progress", "url", "file_url", "pages", "size"} <= set(properties)


def test_an_unknown_field_in_a_report_request_is_a_400_that_names_it(api, rated_city, media):
    data = {"kind": "city", "subject": "annecy", "language": "en", "langauge": "fr"}

    response = api.post("/api/reports/", data, format="json")

    assert response.status_code == 400
    assert response.json() == {"langauge": ["Unknown field."]}
    assert not Report.objects.exists()
