"""Tasks of the core package: sending a template-triplet email from the worker, outside the request."""

import smtplib

from celery import shared_task

from core.emails import email_send

# SMTPException is an OSError, so a refused connection and a timeout are retried too; a template error is not.
RETRIED_ERRORS = (smtplib.SMTPException, ConnectionError, TimeoutError)


@shared_task(
    autoretry_for=RETRIED_ERRORS,
    max_retries=5,
    retry_backoff=30,
    retry_backoff_max=900,
    retry_jitter=True,
)
def email_send_task(*, name: str, to: list[str], context: dict, language: str | None = None) -> None:
    """Send the email `name` to `to`; a transient SMTP failure is retried with backoff, five times at most."""
    email_send(name, to, context, language=language)
