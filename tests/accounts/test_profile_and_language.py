"""Each user has a language (pages after logging in, every email they receive) and a profile page they keep."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.forms import PasswordResetForm
from accounts.services import language_for_city, partner_invite
from cities.models import City
from tests.factories import CityFactory, OrganisationFactory, ReportFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def fez_client(client, partner_b):
    client.force_login(partner_b)
    return client


# The profile page


def test_a_partner_sets_name_organisation_language_and_digest_opt_out(fez_client, partner_b, duo_b):
    town_hall = OrganisationFactory(name="Fez town hall", city=duo_b.partner_city, kind="local_authority")

    response = fez_client.post(
        reverse("profile"),
        {
            "first_name": "Amina",
            "last_name": "Bennani",
            "organisation": town_hall.pk,
            "language": "fr",
            "digest_opt_out": "on",
        },
    )

    assert response.status_code == 302
    assert response.url == "/fr/accounts/profile/"  # the profile again, now in French
    assert response.cookies["django_language"].value == "fr"
    partner_b.refresh_from_db()
    assert (partner_b.get_full_name(), partner_b.organisation, partner_b.language) == (
        "Amina Bennani",
        town_hall,
        "fr",
    )
    assert partner_b.digest_opt_out
    assert "Mon profil" in fez_client.get(response.url).text


@pytest.mark.parametrize(
    ("data", "field"),
    [({"language": "xx"}, "language"), ({"language": "en", "organisation": 999999}, "organisation")],
)
def test_a_bad_profile_is_a_400_with_the_field_and_nothing_saved(fez_client, partner_b, data, field):
    response = fez_client.post(reverse("profile"), {"first_name": "Changed", **data})

    assert response.status_code == 400
    assert field in response.context["form"].errors
    partner_b.refresh_from_db()
    assert partner_b.first_name != "Changed"


def test_a_partner_is_offered_the_organisations_of_their_city_only(fez_client, duo_a, duo_b):
    OrganisationFactory(name="Fez town hall", city=duo_b.partner_city, kind="local_authority")
    OrganisationFactory(name="Lyon metropolis", city=duo_a.french_city, kind="local_authority")

    page = fez_client.get(reverse("profile")).text

    assert "Fez town hall" in page and "Lyon metropolis" not in page


def test_the_profile_needs_a_login(client):
    response = client.get(reverse("profile"))

    assert response.status_code == 302 and response.url.startswith(reverse("login"))


# Logging in switches to the user's language


def test_logging_in_switches_the_pages_to_the_users_language(client, partner_a, duo_a):
    partner_a.language = "fr"
    partner_a.save()

    response = client.post(reverse("login"), {"username": "lyon", "password": PASSWORD}, follow=True)

    assert response.redirect_chain[0][0] == "/fr/plan/mine/"
    assert response.context["LANGUAGE_CODE"] == "fr"
    assert client.cookies["django_language"].value == "fr"
    assert client.get("/").url == "/fr/"  # the next visit of the site's root opens in French too


@pytest.mark.parametrize(("language", "direction"), [("es", "ltr"), ("ar", "rtl"), ("vi", "ltr"), ("fa", "rtl")])
def test_logging_in_switches_the_pages_to_any_language_of_the_site(client, partner_a, duo_a, language, direction):
    partner_a.language = language
    partner_a.save()

    response = client.post(reverse("login"), {"username": "lyon", "password": PASSWORD}, follow=True)

    assert response.redirect_chain[0][0] == f"/{language}/plan/mine/"
    assert f'<html lang="{language}" dir="{direction}"' in response.content.decode()


def test_the_profile_and_the_admin_offer_the_six_languages(fez_client, superuser, partner_b):
    profile = fez_client.get(reverse("profile")).content.decode()
    fez_client.force_login(superuser)
    admin = fez_client.get(reverse("admin:accounts_user_change", args=[partner_b.pk])).content.decode()

    for page in (profile, admin):
        assert set(re.findall(r'<option value="(fr|en|es|ar|vi|fa)"', page)) == {"ar", "en", "es", "fa", "fr", "vi"}
    for code in ("es", "ar", "vi", "fa"):  # each named in its own language (español, العربيّة, Tiếng Việt, فارسی)
        name = translation.get_language_info(code)["name_local"]
        assert f'<option value="{code}" lang="{code}">{name}</option>' in profile


def test_a_partner_chooses_vietnamese_on_the_profile_page_and_reads_it_next(fez_client, partner_b):
    response = fez_client.post(reverse("profile"), {"language": "vi", "organisation": ""}, follow=True)

    partner_b.refresh_from_db()
    assert partner_b.language == "vi"
    assert response.redirect_chain[-1][0] == "/vi/accounts/profile/"
    assert "Hồ sơ của bạn đã được lưu." in response.content.decode()


def test_the_next_page_after_login_is_translated_to_the_users_language(client, partner_a, duo_a):
    partner_a.language = "fr"
    partner_a.save()
    next_page = reverse("duo-dashboard", kwargs={"slug": duo_a.slug})  # /en/…

    response = client.post(reverse("login"), {"username": "lyon", "password": PASSWORD, "next": next_page})

    assert response.url == f"/fr/duos/{duo_a.slug}/dashboard/"


# Emails in the recipient's language


def test_the_invitation_is_in_the_language_of_the_invited_partner(
    team_member, duo_b, tasks_in_process, django_capture_on_commit_callbacks
):
    UserFactory(username="officer@fez.example", email="officer@fez.example", role="partner", city=duo_b.partner_city)
    get = City.objects.get(pk=duo_b.partner_city.pk)
    from accounts.models import User

    User.objects.filter(username="officer@fez.example").update(language="fr")

    with django_capture_on_commit_callbacks(execute=True):
        partner_invite(email="officer@fez.example", city=get, by=team_member)

    [message] = mail.outbox
    assert "/fr/accounts/welcome/" in message.body
    assert '<html lang="fr" dir="ltr">' in message.alternatives[0][0]


def test_the_password_reset_is_in_the_users_language(partner_b, tasks_in_process):
    partner_b.language = "fr"
    partner_b.save()

    with translation.override("en"):  # asked from an English page
        form = PasswordResetForm({"email": partner_b.email})
        assert form.is_valid()
        form.save()

    [message] = mail.outbox
    assert re.search(r"/fr/accounts/password/reset/\S+/\S+/", message.body)
    assert '<html lang="fr" dir="ltr">' in message.alternatives[0][0]


def test_the_report_ready_email_is_in_the_requesters_language(db, settings):
    from reports.services import report_ready_notify

    settings.CELERY_TASK_ALWAYS_EAGER = True
    user = UserFactory(username="camille", language="en")
    report = ReportFactory(kind="city", subject="nowhere", language="fr", data_hash="x", requested_by=user, pages=3)

    report_ready_notify(report=report)

    [message] = mail.outbox
    assert "/en/reports/" in message.body and '<html lang="en" dir="ltr">' in message.alternatives[0][0]


# The demo's partners and each city's language


@pytest.mark.parametrize(
    ("role", "languages", "expected"),
    [
        ("french", "fr", "fr"),
        ("partner", "ar,zgh,fr", "ar"),  # Fez
        ("partner", "vi", "vi"),  # Ho Chi Minh City
        ("partner", "es", "es"),  # Guanajuato, Valparaíso
        ("partner", "fa", "fa"),  # Tehran
        ("partner", "zu,en,xh", "en"),  # Durban: the platform has no Zulu
        ("french", "", "fr"),
    ],
)
def test_a_citys_partner_reads_the_first_of_its_languages_the_platform_offers(role, languages, expected):
    assert language_for_city(CityFactory.build(role=role, languages=languages)) == expected


def test_the_demo_partner_of_each_city_reads_the_language_of_their_city(db):
    import io

    from django.core.management import call_command

    from accounts.models import User

    call_command("load_reference", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())

    languages = dict(User.objects.filter(role="partner").values_list("username", "language"))
    assert languages == {
        **dict.fromkeys(["bordeaux", "grenoble", "lyon", "marseille", "montpellier", "nantes", "paris"], "fr"),
        "guanajuato": "es",
        "valparaiso": "es",
        "fez": "ar",
        "sfax": "ar",
        "ho-chi-minh-city": "vi",
        "tehran": "fa",
        "durban": "en",
        "perche": "fr",  # the regional park's project officer
    }
