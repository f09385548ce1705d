"""Queue a test email through Celery, so operators can check email delivery and the worker in one go."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.utils import timezone

from core.tasks import email_send_task


class Command(BaseCommand):
    help = "Queue a test email to ADDRESS; it arrives only if the Celery worker and the email settings both work."

    def add_arguments(self, parser):
        parser.add_argument("--to", required=True, metavar="ADDRESS", help="Recipient of the test message.")
        parser.add_argument("--language", choices=[code for code, _ in settings.LANGUAGES], default="en")

    def handle(self, *args, to, language, **options):
        try:
            validate_email(to)
        except ValidationError as exc:
            raise CommandError(f"{to!r} is not an email address.") from exc
        result = email_send_task.delay(
            name="test-message",
            to=[to],
            context={"site_url": settings.SITE_URL, "queued_at": timezone.now().isoformat(timespec="seconds")},
            language=language,
        )
        where = "sent in-process" if settings.CELERY_TASK_ALWAYS_EAGER else "queued for the worker"
        self.stdout.write(f"Test email to {to} {where} (task {result.id}).")
