"""The signed links of each message: resolved once per language, signed without compression, read back as before."""

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import translation

from newsletter.models import Subscriber
from newsletter.services import SubscriberLinks
from newsletter.tokens import MANAGE_SALT, _payload, manage_token, subscriber_from_manage_token
from tests.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "fr"])
def test_links_made_around_the_token_are_those_reverse_gives(settings, language):
    reader = SubscriberFactory(
        email=f"reader-{language}@example.org", language=language, state=Subscriber.State.PENDING
    )
    token = manage_token(reader)

    links = SubscriberLinks()(reader)

    with translation.override(language):
        assert links["manage_url"] == settings.SITE_URL + reverse("newsletter:manage", kwargs={"token": token})
        assert links["unsubscribe_url"] == settings.SITE_URL + reverse(
            "newsletter:unsubscribe", kwargs={"token": token}
        )


def test_one_maker_serves_readers_of_both_languages(settings):
    english = SubscriberFactory(email="en@example.org", language="en", state=Subscriber.State.PENDING)
    french = SubscriberFactory(email="fr@example.org", language="fr", state=Subscriber.State.PENDING)
    links = SubscriberLinks()

    assert links(english)["manage_url"].startswith(f"{settings.SITE_URL}/en/")
    assert links(french)["manage_url"].startswith(f"{settings.SITE_URL}/fr/")


def test_the_token_is_signed_uncompressed_and_links_sent_compressed_still_open():
    reader = SubscriberFactory(email="reader@example.org", language="en", state=Subscriber.State.PENDING)
    sent_before = signing.dumps(_payload(reader), salt=MANAGE_SALT, compress=True)

    token = manage_token(reader)

    assert not token.startswith(".")  # signing marks a compressed payload with a leading dot
    assert subscriber_from_manage_token(token) == reader
    assert subscriber_from_manage_token(sent_before) == reader
