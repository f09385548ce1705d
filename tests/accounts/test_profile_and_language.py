"""Each user has a language (pages after logging in, every email they receive) and a profile page they keep."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.forms import PasswordResetForm
from accounts.services import language_for_city, partner_invite
from cities.models import City, Organisation
from tests.factories import CityFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def fez_client(client, partner_b):
    client.force_login(partner_b)
    return client


# The profile page


def test_a_partner_sets_name_organisation_language_and_digest_opt_out(fez_client, partner_b, duo_b):
    town_hall = Organisation.objects.create(name="Fez town hall", city=duo_b.partner_city, kind="local_authority")

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
    Organisation.objects.create(name="Fez town hall", city=duo_b.partner_city, kind="local_authority")
    Organisation.objects.create(name="Lyon metropolis", city=duo_a.french_city, kind="local_authority")

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
    assert '<html lang="fr">' in message.alternatives[0][0]


def test_the_password_reset_is_in_the_users_language(partner_b, tasks_in_process):
    partner_b.language = "fr"
    partner_b.save()

    with translation.override("en"):  # asked from an English page
        form = PasswordResetForm({"email": partner_b.email})
        assert form.is_valid()
        form.save()

    [message] = mail.outbox
    assert re.search(r"/fr/accounts/password/reset/\S+/\S+/", message.body)
    assert '<html lang="fr">' in message.alternatives[0][0]


def test_the_report_ready_email_is_in_the_requesters_language(db, settings):
    from reports.models import Report
    from reports.services import report_ready_notify

    settings.CELERY_TASK_ALWAYS_EAGER = True
    user = UserFactory(username="camille", language="en")
    report = Report.objects.create(
        kind="city", subject="nowhere", language="fr", data_hash="x", requested_by=user, pages=3
    )

    report_ready_notify(report=report)

    [message] = mail.outbox
    assert "/en/reports/" in message.body and '<html lang="en">' in message.alternatives[0][0]


# The demo's partners and each city's language


@pytest.mark.parametrize(
    ("role", "languages", "expected"),
    [
        ("french", "fr", "fr"),
        ("partner", "ar,fr", "fr"),  # Fez
        ("partner", "vi", "en"),  # Ho Chi Minh City: the platform has no Vietnamese
        ("partner", "es", "en"),
        ("french", "", "fr"),
    ],
)
def test_a_citys_partner_reads_the_first_of_its_languages_the_platform_offers(role, languages, expected):
    assert language_for_city(CityFactory.build(role=role, languages=languages)) == expected


def test_the_demo_partner_of_fez_reads_french_and_of_ho_chi_minh_city_english(db):
    import io

    from django.core.management import call_command

    from accounts.models import User

    call_command("load_reference", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())

    assert User.objects.get(username="fez").language == "fr"
    assert User.objects.get(username="lyon").language == "fr"
    assert User.objects.get(username="ho-chi-minh-city").language == "en"
