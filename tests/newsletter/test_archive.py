"""The public archive lists sent campaigns only, each shown in the reader's language, without personal links."""

from django.utils import timezone

from newsletter.models import Campaign
from tests.factories import CampaignFactory


def make(subject_en, subject_fr="", *, status=Campaign.Status.SENT, body_fr=""):
    return CampaignFactory(
        subject_en=subject_en,
        subject_fr=subject_fr,
        body_en=f"{subject_en} body with <script>alert(1)</script>",
        body_fr=body_fr or (f"Corps de {subject_fr}" if subject_fr else ""),
        status=status,
        finished_at=timezone.now() if status == Campaign.Status.SENT else None,
    )


def test_the_archive_lists_only_sent_campaigns_newest_first(client, db):
    make("January issue", "Numéro de janvier")
    make("February issue", "Numéro de février")
    make("Draft issue", status=Campaign.Status.DRAFT)
    make("Being sent", status=Campaign.Status.SENDING)

    response = client.get("/en/newsletter/archive/")

    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("February issue") < page.index("January issue")
    assert "Draft issue" not in page and "Being sent" not in page


def test_a_campaign_is_shown_in_the_readers_language_with_a_fallback(client, db):
    bilingual = make("Spring news", "Nouvelles du printemps")
    english_only = make("English only")

    french = client.get(f"/fr/newsletter/archive/{bilingual.pk}/").content.decode()
    fallback = client.get(f"/fr/newsletter/archive/{english_only.pk}/").content.decode()

    assert "Nouvelles du printemps" in french and "Corps de Nouvelles du printemps" in french
    assert "Spring news" not in french
    assert "English only body" in fallback and 'lang="en"' in fallback
    assert "<script>alert" not in fallback
    assert "/unsubscribe/" not in french and "/manage/" not in french


def test_a_campaign_not_yet_sent_is_not_in_the_archive(client, db):
    draft = make("Draft", status=Campaign.Status.DRAFT)
    assert client.get(f"/en/newsletter/archive/{draft.pk}/").status_code == 404


def test_the_team_opens_the_web_version_of_a_campaign_not_yet_sent_from_its_test_email(client, team_member):
    draft = make("Spring issue", status=Campaign.Status.DRAFT)
    client.force_login(team_member)

    response = client.get(f"/en/newsletter/archive/{draft.pk}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Spring issue" in page and "Not sent yet" in page
    assert "Spring issue" not in client.get("/en/newsletter/archive/").content.decode()
