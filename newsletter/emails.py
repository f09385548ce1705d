"""A campaign's email: its content in each language, rendered once, and made into the message to one address.

Each message carries a Message-ID derived from its campaign and recipient, and the same key in the header named by
NEWSLETTER_IDEMPOTENCY_HEADER where the provider de-duplicates by one (e.g. Resend-Idempotency-Key).
"""

from dataclasses import dataclass

import markdown
import nh3
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.emails import email_render

from .models import Campaign
from .services import absolute_url

TEMPLATE = "newsletter-campaign"
ALLOWED_TAGS = {
    "a",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


@dataclass
class CampaignContent:
    """What a campaign says in one language, rendered once and shared by every message of a batch."""

    language: str
    subject: str
    body_html: str
    body_text: str
    web_url: str


def markdown_html(text: str) -> str:
    """Return Markdown as HTML limited to basic tags and http(s)/mailto links (no raw HTML survives)."""
    html = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def campaign_written_in(campaign: Campaign, language: str) -> bool:
    return bool(getattr(campaign, f"subject_{language}", "") and getattr(campaign, f"body_{language}", ""))


def campaign_language(campaign: Campaign, language: str) -> str:
    """Return the language the campaign is read in: `language` when it is written in it, else its first fallback
    language that it is written in (Spanish and Arabic readers get French first, Vietnamese and Persian English)."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    for candidate in (language, *fallbacks.get(language, fallbacks["default"])):
        if campaign_written_in(campaign, candidate):
            return candidate
    return language


def campaign_content(campaign: Campaign, language: str) -> CampaignContent:
    """Return the campaign's subject and body in `language`, or in the other language when not translated."""
    language = campaign_language(campaign, language)
    body = getattr(campaign, f"body_{language}", "") or ""
    return CampaignContent(
        language=language,
        subject=getattr(campaign, f"subject_{language}", "") or "",
        body_html=markdown_html(body),
        body_text=body,
        web_url=absolute_url("newsletter:archive-detail", language=language, pk=campaign.pk),
    )


def campaign_render(
    *, campaign: Campaign, language: str, links: dict, content: CampaignContent | None = None
) -> tuple[str, str, str]:
    """Return the subject, text and HTML of the campaign's email in `language` with the recipient's `links`."""
    content = content or campaign_content(campaign, language)
    context = {
        "subject": content.subject,
        "body_html": mark_safe(content.body_html),  # noqa: S308 (sanitised by nh3 in markdown_html)
        "body_text": content.body_text,
        "web_url": content.web_url,
        "site_url": settings.SITE_URL,
        **links,
    }
    return email_render(TEMPLATE, context, language=content.language)


# Stand-ins for each recipient's own links: the templates are rendered once per language with these, and each
# message only swaps them for the recipient's signed links (rendering three templates per message was most of the
# cost of sending a campaign). They are made of characters that HTML escaping leaves as they are.
LINK_PLACEHOLDERS = {"manage_url": "lfc-placeholder-manage-url", "unsubscribe_url": "lfc-placeholder-unsubscribe-url"}


@dataclass
class RenderedCampaign:
    """A campaign's email in one language, rendered once with placeholder links."""

    subject: str
    text: str
    html: str

    def for_links(self, links: dict) -> tuple[str, str, str]:
        """Return the subject, text and HTML with the recipient's own links."""
        text, html = self.text, self.html
        for name, placeholder in LINK_PLACEHOLDERS.items():
            text = text.replace(placeholder, links[name])
            html = html.replace(placeholder, escape(links[name]))
        return self.subject, text, html


def campaign_rendered(*, campaign: Campaign, content: CampaignContent) -> RenderedCampaign:
    """Render the campaign's email once for a language, with placeholders where each recipient's links go."""
    subject, text, html = campaign_render(
        campaign=campaign, language=content.language, links=dict(LINK_PLACEHOLDERS), content=content
    )
    return RenderedCampaign(subject, text, html)


def campaign_message(
    *,
    campaign: Campaign,
    to: str,
    language: str,
    links: dict,
    content: CampaignContent | None = None,
    connection=None,
    rendered: RenderedCampaign | None = None,
    subscriber_id: int | None = None,
) -> EmailMultiAlternatives:
    """Return the campaign's message to one address, with the one-click unsubscription headers (RFC 8058).

    A message to a subscriber carries a Message-ID (and idempotency key) of its own that is the same at every
    attempt, so that a provider that de-duplicates drops a second copy.
    """
    if rendered is not None:
        subject, text, html = rendered.for_links(links)
    else:
        subject, text, html = campaign_render(campaign=campaign, language=language, links=links, content=content)
    headers = {
        "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    if subscriber_id is not None:
        key = delivery_key(campaign_id=campaign.pk, subscriber_id=subscriber_id)
        headers["Message-ID"] = f"<{key}@{sender_domain()}>"
        if settings.NEWSLETTER_IDEMPOTENCY_HEADER:
            headers[settings.NEWSLETTER_IDEMPOTENCY_HEADER] = key
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers, connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message


def delivery_key(*, campaign_id: int, subscriber_id: int) -> str:
    """Return the stable key of one campaign's message to one subscriber (no identifier can be read from it)."""
    digest = salted_hmac("newsletter.delivery", f"{campaign_id}:{subscriber_id}").hexdigest()[:32]
    return f"campaign-{campaign_id}.{digest}"


def sender_domain() -> str:
    """Return the domain of the sender's address, for the Message-IDs."""
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(" >") or "localhost"


def campaign_send_test(*, campaign: Campaign, to_email: str, language: str) -> None:
    """Send the campaign to one address, marked as a test; its links are placeholders that unsubscribe nobody."""
    links = {
        "manage_url": absolute_url("newsletter:archive", language=language),
        "unsubscribe_url": absolute_url("newsletter:archive", language=language),
    }
    message = campaign_message(campaign=campaign, to=to_email, language=language, links=links)
    message.subject = _("[Test] %(subject)s") % {"subject": message.subject}
    message.send()


def campaign_preview(campaign: Campaign) -> list[dict]:
    """Return the campaign as each language's readers get it, with placeholder links, for the admin's preview."""
    previews = []
    for code, name in settings.LANGUAGES:
        links = {"manage_url": "#", "unsubscribe_url": "#"}
        with translation.override(code):
            content = campaign_content(campaign, code)
            subject, text, html = campaign_render(campaign=campaign, language=code, links=links, content=content)
        previews.append(
            {
                "code": code,
                "name": name,
                "content_language": content.language,
                "subject": subject,
                "text": text,
                "html": nh3.clean(
                    html,
                    tags=ALLOWED_TAGS | {"h1", "div", "span", "small"},
                    # The document's <title> repeats the subject: its text would show as a stray line.
                    clean_content_tags={"title", "script", "style"},
                    attributes=ALLOWED_ATTRIBUTES,
                ),
            }
        )
    return previews
