"""The monthly digest: overdue and upcoming milestones, to the duo's partners, in their language, once a month."""

import datetime as dt

import pytest
from django.core import mail

from tests.factories import UserFactory
from tests.workshops.plan_data import TODAY, action_for
from workshops import digest
from workshops.models import DigestLog
from workshops.tasks import action_digest_send_all

# The emails go through Celery: in process here, also when REDIS_URL makes tasks real (the services run).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]


@pytest.fixture
def plan(duo_a, duo_b):
    action_for(
        duo_a,
        title="School canteens source locally",
        title_fr="Les cantines s'approvisionnent localement",
        milestones=[
            ("Sign the charter", TODAY - dt.timedelta(days=12), None),
            ("Launch the tender", TODAY + dt.timedelta(days=10), None),
            ("Far away", TODAY + dt.timedelta(days=90), None),
            ("Already done", TODAY - dt.timedelta(days=40), TODAY - dt.timedelta(days=41)),
        ],
    )
    action_for(duo_b, title="Fez market hall", milestones=[("Survey stalls", TODAY + dt.timedelta(days=5), None)])


@pytest.fixture
def partners(duo_a, duo_b):
    return {
        "lyon": UserFactory(username="lyon", role="partner", city=duo_a.french_city, language="fr"),
        "hcmc": UserFactory(username="hcmc", role="partner", city=duo_a.partner_city, language="en"),
        "fez": UserFactory(username="fez", role="partner", city=duo_b.partner_city),
        "no_email": UserFactory(username="quiet", role="partner", city=duo_a.french_city, email=""),
        "inactive": UserFactory(username="gone", role="partner", city=duo_a.french_city, is_active=False),
        "team": UserFactory(username="team", role="team"),
    }


def run_digest(django_capture_on_commit_callbacks, today=TODAY):
    with django_capture_on_commit_callbacks(execute=True):
        return sum(digest.action_digest_send(duo=duo, today=today) for duo in digest.duos_for_digest())


def test_the_digest_lists_overdue_and_upcoming_milestones_with_links(
    plan, partners, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://letsfood.example"

    run_digest(django_capture_on_commit_callbacks)

    message = next(m for m in mail.outbox if m.to == ["hcmc@example.org"])
    assert "Sign the charter" in message.body and "12 days late" in message.body
    assert "Launch the tender" in message.body
    assert "Far away" not in message.body and "Already done" not in message.body
    assert "https://letsfood.example/en/plan/actions/" in message.body
    html = message.alternatives[0][0]
    assert "Overdue" in html and "Sign the charter" in html


def test_the_digest_goes_to_each_active_partner_of_the_duo_with_an_email(
    plan, partners, django_capture_on_commit_callbacks
):
    run_digest(django_capture_on_commit_callbacks)

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["fez@example.org", "hcmc@example.org", "lyon@example.org"]
    fez = next(m for m in mail.outbox if m.to == ["fez@example.org"])
    assert "Survey stalls" in fez.body and "Sign the charter" not in fez.body


def test_each_partner_reads_the_digest_in_their_language(plan, partners, django_capture_on_commit_callbacks):
    run_digest(django_capture_on_commit_callbacks)

    french = next(m for m in mail.outbox if m.to == ["lyon@example.org"])
    assert "Les cantines s'approvisionnent localement" in french.body
    assert "/fr/plan/actions/" in french.body


def test_the_digest_is_sent_once_per_duo_per_month_even_if_the_task_runs_twice(
    plan, partners, django_capture_on_commit_callbacks
):
    first = run_digest(django_capture_on_commit_callbacks)
    second = run_digest(django_capture_on_commit_callbacks, today=TODAY + dt.timedelta(days=3))

    assert first == 3 and second == 0
    assert len(mail.outbox) == 3
    assert DigestLog.objects.count() == 2
    run_digest(django_capture_on_commit_callbacks, today=TODAY + dt.timedelta(days=31))
    assert len(mail.outbox) == 6


def test_the_beat_task_sends_the_digests(plan, partners, django_capture_on_commit_callbacks, tasks_in_process):
    with django_capture_on_commit_callbacks(execute=True):
        action_digest_send_all.delay()
    with django_capture_on_commit_callbacks(execute=True):
        action_digest_send_all.delay()

    assert len(mail.outbox) == 3


def test_the_digest_is_scheduled_monthly_on_the_first_at_seven(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["workshops-action-digest"]

    assert entry["task"] == "workshops.tasks.action_digest_send_all"
    assert entry["schedule"].day_of_month == {1} and entry["schedule"].hour == {7}


def test_a_partner_who_opted_out_receives_no_digest(plan, partners, django_capture_on_commit_callbacks):
    partners["hcmc"].digest_opt_out = True
    partners["hcmc"].save()

    run_digest(django_capture_on_commit_callbacks)

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["fez@example.org", "lyon@example.org"]


def test_the_digest_links_to_my_duo_and_to_the_profile_in_the_readers_language(
    plan, partners, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://letsfood.example"

    run_digest(django_capture_on_commit_callbacks)

    english = next(m for m in mail.outbox if m.to == ["hcmc@example.org"])
    french = next(m for m in mail.outbox if m.to == ["lyon@example.org"])
    assert "https://letsfood.example/en/plan/mine/" in english.body
    assert "https://letsfood.example/en/accounts/profile/" in english.body
    assert 'href="https://letsfood.example/fr/plan/mine/"' in french.alternatives[0][0]
    assert "https://letsfood.example/fr/accounts/profile/" in french.body


def test_the_demo_partners_of_lyon_and_ho_chi_minh_city_read_the_digest_in_french_and_in_vietnamese(
    django_capture_on_commit_callbacks,
):
    import io

    from django.core.management import call_command

    from cities.models import Duo

    call_command("load_reference", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    duo = Duo.objects.get(french_city__slug="lyon", partner_city__slug="ho-chi-minh-city")
    action_for(duo, title="Market gardens", milestones=[("Sign the charter", TODAY - dt.timedelta(days=3), None)])

    with django_capture_on_commit_callbacks(execute=True):
        digest.action_digest_send(duo=duo, today=TODAY)

    french = next(m for m in mail.outbox if m.to == ["lyon@letsfood.example"])
    vietnamese = next(m for m in mail.outbox if m.to == ["ho-chi-minh-city@letsfood.example"])
    assert french.subject.startswith("Plan d'action de ") and "Jalons en retard" in french.body
    assert vietnamese.subject.startswith("Kế hoạch hành động của ") and "Các mốc quá hạn" in vietnamese.body
    assert "/vi/plan/mine/" in vietnamese.body
    assert '<html lang="vi" dir="ltr">' in vietnamese.alternatives[0][0]
