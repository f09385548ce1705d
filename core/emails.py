"""Send an email from a template triplet: emails/<name>-subject.txt, -body.txt and -body.html."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from .fallbacks import strip_untranslated
from .reader_html import html_for_reader


def email_render(name: str, context: dict, *, language: str | None = None) -> tuple[str, str, str]:
    """Return the subject, text body and HTML body of the email `name`, in `language` (or the active one)."""
    with translation.override(language or translation.get_language()):
        subject = strip_untranslated(render_to_string(f"emails/{name}-subject.txt", context)).strip()
        text = strip_untranslated(render_to_string(f"emails/{name}-body.txt", context))
        html = html_for_reader(render_to_string(f"emails/{name}-body.html", context))
    return " ".join(subject.split()), text, html


def email_send(
    name: str,
    to: list[str],
    context: dict,
    *,
    language: str | None = None,
    headers: dict | None = None,
    connection=None,
) -> EmailMultiAlternatives:
    """Render and send the email `name` to `to`; return the message sent."""
    subject, text, html = email_render(name, context, language=language)
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, to, headers=headers or {}, connection=connection
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return message
