"""The report pages: buttons that ask for a report, the page that follows it, the admin's "Render a report"."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from reports.models import Report
from tests.factories import ReportFactory
from tests.reports.requesting import pdf_files

pytestmark = pytest.mark.usefixtures("tasks_in_process")


@pytest.fixture(autouse=True)
def _fresh_rate_limits(settings):
    settings.RATELIMIT_ENABLE = True
    cache.clear()
    yield
    cache.clear()


def ask(client, capture, **data):
    with capture(execute=True):
        return client.post("/en/reports/request/", data)


def test_an_anonymous_visitor_asks_for_a_city_report_and_lands_on_its_page(
    anonymous, rated_city, media, django_capture_on_commit_callbacks
):
    response = ask(anonymous, django_capture_on_commit_callbacks, kind="city", subject="annecy")

    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/reports/{report.pk}/"
    assert (report.kind, report.subject, report.language, report.requested_by) == ("city", "annecy", "en", None)
    assert len(pdf_files(media)) == 1


def test_a_report_is_asked_for_in_the_language_of_the_page(anonymous, rated_city, media):
    anonymous.post("/fr/reports/request/", {"kind": "city", "subject": "annecy"})

    assert Report.objects.get().language == "fr"


def test_a_logged_in_user_is_remembered_on_the_report(client, partner_a, rated_city, media):
    client.force_login(partner_a)

    client.post("/en/reports/request/", {"kind": "city", "subject": "annecy"})

    assert Report.objects.get().requested_by == partner_a


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "poster", "subject": "annecy"}, "unknown kind of report"),
        ({"kind": "city", "subject": "atlantis"}, "No published city atlantis."),
        ({"kind": "city", "subject": "annecy", "language": "de"}, "unknown kind of report or language"),
    ],
)
def test_a_bad_request_for_a_report_is_a_400_with_a_clear_message(anonymous, rated_city, media, data, message):
    response = anonymous.post("/en/reports/request/", data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Report.objects.exists()


def test_an_unpublished_city_has_no_report(anonymous, rated_city, media):
    type(rated_city).objects.filter(pk=rated_city.pk).update(is_published=False)

    response = anonymous.post("/en/reports/request/", {"kind": "city", "subject": "annecy"})

    assert response.status_code == 400


def test_asking_for_reports_is_limited_to_ten_an_hour_per_ip(anonymous, rated_city, media):
    statuses = [
        anonymous.post("/en/reports/request/", {"kind": "city", "subject": "annecy"}).status_code for _ in range(11)
    ]

    assert statuses == [302] * 10 + [429]
    assert Report.objects.count() == 1  # the same data: the same report every time


def test_a_get_does_not_ask_for_a_report(anonymous, rated_city):
    assert anonymous.get("/en/reports/request/").status_code == 405


def test_the_report_page_shows_a_progress_bar_polled_by_its_script_while_it_renders(anonymous, rated_city, media):
    report = ReportFactory(progress=35)
    Report.objects.filter(pk=report.pk).update(status=Report.Status.RENDERING)

    html = anonymous.get(f"/en/reports/{report.pk}/").content.decode()

    assert f'data-api-url="/api/reports/{report.pk}/"' in html
    assert 'data-status="rendering"' in html
    assert re.search(r'<progress id="report-progress-bar" max="100" value="35">', html)
    assert '<p data-role="done" hidden>' in html
    assert "/static/js/report-progress.js" in html
    assert "<script>" not in html  # the CSP forbids inline scripts


def test_the_page_of_a_done_report_links_its_file(anonymous, rated_city, media, django_capture_on_commit_callbacks):
    ask(anonymous, django_capture_on_commit_callbacks, kind="city", subject="annecy")
    report = Report.objects.get()

    html = anonymous.get(f"/en/reports/{report.pk}/").content.decode()

    assert f'href="/media/reports/city-annecy-en-{report.pk}.pdf"' in html
    assert '<p data-role="done">' in html
    assert "Download the report (PDF)" in html
    with report.file.open("rb") as file:  # through the storage, as production's S3 would serve it
        assert file.read(4) == b"%PDF"


def test_the_page_of_a_failed_report_offers_to_try_again_and_hides_the_error_from_visitors(
    anonymous, client, team_member, rated_city
):
    report = ReportFactory(language="fr")
    Report.objects.filter(pk=report.pk).update(status=Report.Status.FAILED, error="OSError: /srv/secret/path")

    html = anonymous.get(f"/en/reports/{report.pk}/").content.decode()
    client.force_login(team_member)
    team_html = client.get(f"/en/reports/{report.pk}/").content.decode()

    assert '<div data-role="failed">' in html
    assert "Try again" in html and 'name="language" value="fr"' in html
    assert "/srv/secret/path" not in html
    assert "/srv/secret/path" in team_html


def test_an_unknown_report_is_not_found(anonymous, db):
    assert anonymous.get("/en/reports/999/").status_code == 404


def test_the_duo_dashboard_has_a_button_asking_for_the_duo_report_for_the_duos_partners(client, partner_a, duo_a):
    client.force_login(partner_a)
    html = client.get(f"/en/duos/{duo_a.slug}/dashboard/").content.decode()

    form = re.search(
        r'<form method="post" action="/en/reports/request/" class="report-request">(.*?)</form>', html, re.S
    )
    assert form, "no report form on the dashboard"
    assert 'name="kind" value="duo"' in form.group(1)
    assert f'name="subject" value="{duo_a.slug}"' in form.group(1)
    assert "Download the duo report (PDF)" in form.group(1)
    assert "csrfmiddlewaretoken" in form.group(1)


def test_visitors_are_not_offered_the_duo_report_which_only_the_duos_partners_and_team_download(anonymous, duo_a):
    html = anonymous.get(f"/en/duos/{duo_a.slug}/dashboard/").content.decode()

    assert 'name="kind" value="duo"' not in html


def test_the_city_page_has_a_button_asking_for_the_city_report(anonymous, rated_city):
    html = anonymous.get("/en/cities/annecy/").content.decode()

    assert 'name="kind" value="city"' in html and 'name="subject" value="annecy"' in html
    assert "Download the city report (PDF)" in html


def test_the_compilation_page_asks_for_the_compilation_in_its_language(anonymous, db):
    html = anonymous.get("/fr/reports/compilation/").content.decode()

    assert 'action="/fr/reports/request/"' in html
    assert 'name="kind" value="compilation"' in html


def test_the_team_renders_a_report_from_the_admin(
    client, team_member, rated_city, media, django_capture_on_commit_callbacks
):
    client.force_login(team_member)
    url = reverse("admin:reports_report_request")
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"kind": "city", "subject": "annecy", "language": "fr"}, follow=True)

    report = Report.objects.get()
    assert (report.kind, report.subject, report.language, report.requested_by) == ("city", "annecy", "fr", team_member)
    assert f'href="/fr/reports/{report.pk}/"' in response.content.decode()
    changelist = client.get(reverse("admin:reports_report_changelist")).content.decode()
    assert "Render a report" in changelist
    assert f"city-annecy-fr-{report.pk}.pdf" in changelist


def test_the_admin_form_refuses_a_city_report_without_a_city(client, team_member, rated_city):
    client.force_login(team_member)

    response = client.post(reverse("admin:reports_report_request"), {"kind": "city", "subject": "", "language": "en"})

    assert response.status_code == 200
    assert "Choose a published city for a city report." in response.content.decode()
    assert not Report.objects.exists()


def test_a_student_cannot_render_reports_from_the_admin(client, student):
    student.is_staff = True  # students reach the admin for their assessments
    student.save()
    client.force_login(student)

    assert client.get(reverse("admin:reports_report_request")).status_code == 403


def test_the_report_page_is_titled_with_the_kind_and_the_name_of_its_city(anonymous, rated_city, media):
    report = ReportFactory()

    html = anonymous.get(f"/fr/reports/{report.pk}/").content.decode()

    assert "<h1>Rapport de diagnostic d&#x27;une ville : Annecy</h1>" in html
    assert "annecy (en)" not in html
