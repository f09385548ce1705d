"""Production without S3: photos and public reports are written where Caddy's /media/ file server reads them, and a
duo's report is kept apart, readable only through the view that checks permission."""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from PIL import Image

from reports.models import Report
from reports.requests import report_request
from tests.factories import DuoFactory, ReportFactory, UserFactory
from tests.letsfood.test_production_settings import SECRET_KEY, run_django

# The Caddyfile's `handle_path /media/*` with `root * /srv/media`, and Compose mounts the media volume there, the
# volume the web and worker services mount at MEDIA_ROOT (tests/letsfood/test_deployment.py checks those lines).
MEDIA_PREFIX = "/media/"


def served_by_caddy(url: str, media_root: Path) -> Path:
    """Return the file Caddy's /media/ file server answers for an URL (the folder is MEDIA_ROOT, read-only)."""
    assert url.startswith(MEDIA_PREFIX), url
    return media_root / url.removeprefix(MEDIA_PREFIX)


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "green").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def production(settings, tmp_path):
    """DEBUG off and the storages of settings.py (no bucket), with their folders in the test's own directory."""
    settings.DEBUG = False
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    assert settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert settings.STORAGES["private"]["BACKEND"] == "reports.files.PrivateFileSystemStorage"
    return settings


@pytest.fixture
def published_duo(db):
    return DuoFactory(
        french_city__name_en="Lyon",
        french_city__is_published=True,
        partner_city__name_en="Ho Chi Minh City",
        partner_city__is_published=True,
        is_published=True,
    )


@pytest.fixture
def city_report(production, published_duo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = report_request(kind="city", subject=published_duo.french_city.slug, language="en")
    report.refresh_from_db()
    assert report.status == Report.Status.DONE, report.error
    return report


@pytest.fixture
def duo_report(production, published_duo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = report_request(kind="duo", subject=published_duo.slug, language="en")
    report.refresh_from_db()
    assert report.status == Report.Status.DONE, report.error
    return report


def test_production_settings_keep_private_files_outside_the_media_root():
    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([str(s.MEDIA_ROOT), str(s.PRIVATE_MEDIA_ROOT), s.MEDIA_URL, s.STORAGES, s.DEBUG]))"
    )
    result = run_django(["-c", script], DJANGO_DEBUG="false", SECRET_KEY=SECRET_KEY, ALLOWED_HOSTS="letsfood.example")

    assert result.returncode == 0, result.stderr
    media_root, private_root, media_url, storages_setting, debug = json.loads(result.stdout)
    assert debug is False
    assert media_url == MEDIA_PREFIX
    assert media_root == str(django_settings.BASE_DIR / "media")  # /app/media in the image, the media volume
    assert private_root == str(django_settings.BASE_DIR / "private")  # /app/private, the private-media volume
    assert not Path(private_root).is_relative_to(media_root)
    assert storages_setting["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert storages_setting["private"]["BACKEND"] == "reports.files.PrivateFileSystemStorage"


def test_a_photo_is_written_where_caddy_serves_it_under_media(production, published_duo):
    city = published_duo.french_city
    city.photo.save("lyon.png", ContentFile(png_bytes()))

    assert city.photo.url.startswith("/media/cities/")
    assert served_by_caddy(city.photo.url, production.MEDIA_ROOT).read_bytes() == png_bytes()


def test_a_public_report_pdf_is_written_where_caddy_serves_it_under_media(city_report, production, client):
    url = city_report.download_url()

    assert url == city_report.file.url
    assert url.startswith("/media/reports/city-lyon-en-")
    assert served_by_caddy(url, production.MEDIA_ROOT).read_bytes().startswith(b"%PDF-")
    # The report's page links to that address.
    assert f'href="{url}"' in client.get(f"/en/reports/{city_report.pk}/").content.decode()


def test_a_duo_report_is_kept_outside_the_media_root_with_no_media_address(duo_report, production):
    media_files = [path for path in production.MEDIA_ROOT.rglob("*") if path.is_file()]
    [private_file] = [path for path in production.PRIVATE_MEDIA_ROOT.rglob("*") if path.is_file()]

    assert media_files == []
    assert duo_report.file.name.startswith("private/reports/duo-lyon-ho-chi-minh-city-en-")
    assert private_file.read_bytes().startswith(b"%PDF-")
    assert duo_report.download_url() == f"/reports/{duo_report.pk}/file/"
    with pytest.raises(ValueError, match="no public address"):
        duo_report.file.url  # noqa: B018


def test_a_visitor_is_asked_to_log_in_for_a_duo_report(duo_report, client):
    response = client.get(duo_report.download_url())

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next=/reports/{duo_report.pk}/file/"


def test_another_duos_partner_finds_no_duo_report(duo_report, partner_b, client):
    client.force_login(partner_b)

    assert client.get(duo_report.download_url()).status_code == 404


def test_a_student_finds_no_duo_report(duo_report, student, client):
    client.force_login(student)

    assert client.get(duo_report.download_url()).status_code == 404


@pytest.mark.parametrize("who", ["partner of the duo", "team member"])
def test_the_duos_partners_and_the_team_download_the_duo_report(duo_report, published_duo, team_member, client, who):
    user = team_member if who == "team member" else UserFactory(role="partner", city=published_duo.partner_city)
    client.force_login(user)

    response = client.get(duo_report.download_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="duo-lyon-ho-chi-minh-city-en-')
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == duo_report.file.open("rb").read()


def test_the_api_gives_a_duo_reports_checking_view_and_a_city_reports_media_address(duo_report, city_report, client):
    duo = client.get(f"/api/reports/{duo_report.pk}/").json()
    city = client.get(f"/api/reports/{city_report.pk}/").json()

    assert duo["file_url"] == f"http://testserver/reports/{duo_report.pk}/file/"
    assert city["file_url"] == f"http://testserver{city_report.file.url}"


def test_the_download_view_sends_a_public_report_to_its_media_address(city_report, client):
    response = client.get(f"/reports/{city_report.pk}/file/")

    assert response.status_code == 302
    assert response["Location"] == city_report.file.url


def test_a_report_not_yet_rendered_has_nothing_to_download(production, published_duo, team_member, client):
    report = ReportFactory(kind="duo", subject=published_duo.slug, language="en", data_hash="0" * 64)
    client.force_login(team_member)

    assert client.get(f"/reports/{report.pk}/file/").status_code == 404


def test_the_migration_moves_an_older_duo_report_out_of_the_media_root(
    production, published_duo, client, django_capture_on_commit_callbacks
):
    from importlib import import_module

    class apps:  # noqa: N801 -- the migration's registry, in which the reports still belonged to the project package
        get_model = staticmethod(lambda app_label, model_name: Report)

    migration = import_module("letsfood.migrations.0002_report_files_private_storage")
    old_name = f"reports/duo-{published_duo.slug}-en-7.pdf"
    storages["default"].save(old_name, ContentFile(b"%PDF-1.7 an older duo report"))
    report = ReportFactory(
        kind="duo", subject=published_duo.slug, language="en", data_hash="1" * 64, status="done", file=old_name
    )
    city = ReportFactory(kind="city", subject="lyon", language="en", data_hash="2" * 64, file="reports/c.pdf")

    with django_capture_on_commit_callbacks(execute=True):
        migration.move_private_report_files(apps, None)

    report.refresh_from_db()
    city.refresh_from_db()
    assert report.file.name == f"private/{old_name}"
    assert not (production.MEDIA_ROOT / old_name).exists()
    assert (production.PRIVATE_MEDIA_ROOT / old_name).read_bytes() == b"%PDF-1.7 an older duo report"
    assert city.file.name == "reports/c.pdf"  # public reports stay where they are
    client.force_login(UserFactory(role="partner", city=published_duo.french_city))
    response = client.get(report.download_url())
    assert b"".join(response.streaming_content) == b"%PDF-1.7 an older duo report"


def test_the_admin_links_a_duo_report_to_the_checking_view_and_a_city_report_to_its_file(
    duo_report, city_report, team_member, client
):
    client.force_login(team_member)

    page = client.get("/admin/reports/report/").content.decode()

    assert f'href="/reports/{duo_report.pk}/file/"' in page
    assert f'href="{city_report.file.url}"' in page
