"""Helpers of the subscription tests: the links an email carries, the last email to an address."""

import re
from urllib.parse import urlsplit

from django.core import mail

IP = "203.0.113.7"
LINK = re.compile(r"https?://[^\s\"'<>]+/newsletter/(?:confirm|manage|unsubscribe)/[^\s\"'<>]+/")


def links(message) -> dict:
    """Return the paths of the newsletter links in an email's text body, by kind (confirm, manage, unsubscribe)."""
    found = {}
    for url in LINK.findall(message.body):
        path = urlsplit(url).path
        found[path.split("/")[3]] = path
    return found


def last_email_to(address):
    sent = [message for message in mail.outbox if address in message.to]
    assert sent, f"no email to {address}"
    return sent[-1]
