"""The team runs the newsletter in the admin: writes, previews, tests, counts the audience, sends, exports."""

import csv
import io

import pytest
from django.core import mail

from newsletter.models import Campaign, ConsentEvent, Delivery, Subscriber
from tests.factories import ConsentEventFactory
from tests.newsletter.test_campaign_sending import MIXED, make_campaign, make_subscribers, make_topics

pytestmark = pytest.mark.usefixtures("tasks_in_process")


@pytest.fixture
def team(client, team_member, settings):
    settings.NEWSLETTER_SEND_RATE = 0
    client.force_login(team_member)
    return client


@pytest.fixture
def audience(db):
    programme, duo = make_topics()
    make_subscribers(50, states_cycle=MIXED, topics=[programme])
    return programme, duo


def test_the_team_writes_a_bilingual_campaign_and_sees_the_live_recipient_count(team, audience):
    programme, duo = audience
    response = team.post(
        "/admin/newsletter/campaign/add/",
        {
            "subject_en": "News",
            "subject_fr": "Nouvelles",
            "body_en": "Hello",
            "body_fr": "Bonjour",
            "topics": [programme.pk],
            "languages": ["fr"],
        },
    )
    assert response.status_code == 302
    campaign = Campaign.objects.get()
    assert campaign.languages == "fr" and list(campaign.topics.all()) == [programme]

    page = team.get(f"/admin/newsletter/campaign/{campaign.pk}/change/").content.decode()
    assert "js/campaign-admin.js" in page and "campaign-recipient-count" in page
    url = "/admin/newsletter/campaign/audience-count/"
    assert team.get(url, {"topics": [programme.pk]}).json() == {"count": 20}
    assert team.get(url, {"topics": [programme.pk], "languages": ["fr"]}).json() == {"count": 10}
    assert team.get(url, {"topics": [duo.pk]}).json() == {"count": 0}
    assert team.get(url).json() == {"count": 0}


def test_the_preview_shows_both_languages_sanitised(team, audience):
    campaign = make_campaign(topics=[audience[0]])
    campaign.body_en = "Hi <script>alert(1)</script> **bold**"
    campaign.save()

    page = team.get(f"/admin/newsletter/campaign/{campaign.pk}/preview/").content.decode()

    assert "Spring news" in page and "Nouvelles du printemps" in page
    assert "<strong>bold</strong>" in page and "<script>alert" not in page


def test_the_preview_shows_the_subject_once_as_the_emails_heading(team, audience):
    campaign = make_campaign(topics=[audience[0]])

    page = team.get(f"/admin/newsletter/campaign/{campaign.pk}/preview/").content.decode()

    preview = page.split('<div class="campaign-preview">')[1].split("</div>")[0]  # French: the site's first language
    assert "<h1>Nouvelles du printemps</h1>" in preview
    assert preview.count("Nouvelles du printemps") == 1  # the <title>'s text is not left behind as a stray line
    assert "css/campaign-preview.css" in page


def test_a_test_goes_to_the_team_member_only(team, audience, team_member):
    campaign = make_campaign(topics=[audience[0]])

    response = team.post(f"/admin/newsletter/campaign/{campaign.pk}/test/", {"language": "fr"})

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[team_member.email]]
    assert "Nouvelles du printemps" in mail.outbox[0].subject and "[Test]" in mail.outbox[0].subject
    assert not Delivery.objects.exists()
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.DRAFT


def test_send_now_asks_for_confirmation_then_sends_and_shows_statistics(
    team, audience, django_capture_on_commit_callbacks
):
    campaign = make_campaign(topics=[audience[0]])
    confirm = team.get(f"/admin/newsletter/campaign/{campaign.pk}/send/")
    assert "20 subscribers" in confirm.content.decode()
    assert not mail.outbox

    with django_capture_on_commit_callbacks(execute=True):
        response = team.post(f"/admin/newsletter/campaign/{campaign.pk}/send/", {"send": "1"})

    assert response.status_code == 302
    assert len(mail.outbox) == 20
    assert Delivery.objects.filter(campaign=campaign, status=Delivery.Status.SENT).count() == 20
    reader = Subscriber.objects.get(email=mail.outbox[0].to[0])
    ConsentEventFactory(subscriber=reader, email_hash="x", kind=ConsentEvent.Kind.UNSUBSCRIBED)
    page = team.get(f"/admin/newsletter/campaign/{campaign.pk}/change/").content.decode()
    assert "Unsubscribed since the campaign started" in page
    assert "<td>20</td>" in page and "<td>1</td>" in page
    assert 'name="subject_en"' not in page  # read-only once sending started


def test_a_sent_campaign_is_read_only_dates_included(team, audience, django_capture_on_commit_callbacks):
    campaign = make_campaign(topics=[audience[0]])
    with django_capture_on_commit_callbacks(execute=True):
        team.post(f"/admin/newsletter/campaign/{campaign.pk}/send/", {"send": "1"})
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    url = f"/admin/newsletter/campaign/{campaign.pk}/change/"

    page = team.get(url).content.decode()
    team.post(url, {"started_at_0": "2000-01-01", "started_at_1": "09:00", "finished_at_0": "2000-01-01"})

    assert 'name="started_at_0"' not in page and 'name="finished_at_0"' not in page
    assert 'name="scheduled_at_0"' not in page
    assert 'name="_save"' not in page and 'name="_continue"' not in page  # nothing to save
    assert Campaign.objects.get(pk=campaign.pk).started_at == campaign.started_at


def test_a_campaign_can_be_scheduled_from_the_confirmation_page(team, audience):
    campaign = make_campaign(topics=[audience[0]])

    team.post(f"/admin/newsletter/campaign/{campaign.pk}/send/", {"schedule": "1", "at": "2999-01-01T09:00"})

    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SCHEDULED
    assert campaign.scheduled_at.year == 2999
    assert not mail.outbox


@pytest.mark.parametrize("at", ["2999-02-30T09:00", "2999-01-01T25:00", "tomorrow", ""])
def test_a_date_that_does_not_exist_is_asked_again_not_a_server_error(team, audience, at):
    campaign = make_campaign(topics=[audience[0]])

    response = team.post(f"/admin/newsletter/campaign/{campaign.pk}/send/", {"schedule": "1", "at": at})

    assert response.status_code == 200
    assert "Choose a date and time in the future." in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT


def test_subscribers_are_filtered_and_exported_as_csv(team, audience):
    programme = audience[0]
    changelist = team.get("/admin/newsletter/subscriber/", {"state__exact": "subscribed", "language__exact": "fr"})
    assert changelist.status_code == 200
    assert changelist.context["cl"].result_count == 10

    response = team.post(
        "/admin/newsletter/subscriber/",
        {"action": "export_csv", "select_across": "1", "index": "0", "_selected_action": ["1"]},
    )

    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "email,state,language,topics,confirmed_at,created"
    assert len(lines) == 51
    assert programme.code in lines[1]


def test_the_consent_ledger_is_read_only_and_exported_for_an_audit(team, audience):
    reader = Subscriber.objects.first()
    ConsentEventFactory(
        subscriber=reader,
        email_hash="abc",
        kind=ConsentEvent.Kind.CONFIRMED,
        source="web",
        consent_text_version=1,
        ip_hash="f00d",
        details={"language": "fr", "topics": ["programme"]},
    )
    assert team.get("/admin/newsletter/consentevent/", {"kind__exact": "confirmed"}).status_code == 200
    assert team.get("/admin/newsletter/consentevent/add/").status_code == 403

    response = team.post(
        "/admin/newsletter/consentevent/",
        {"action": "export_csv", "select_across": "1", "index": "0", "_selected_action": ["1"]},
    )
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["at", "event", "email_hash", "source", "consent_text_version", "ip_hash", "details"]
    assert rows[1][1:] == ["confirmed", "abc", "web", "1", "f00d", '{"language": "fr", "topics": ["programme"]}']


def test_partners_do_not_reach_the_newsletter_admin(client, partner_a, audience):
    partner_a.is_staff = True
    partner_a.save()
    client.force_login(partner_a)
    assert client.get("/admin/newsletter/campaign/").status_code == 403
    assert client.get("/admin/newsletter/campaign/audience-count/").status_code == 403
