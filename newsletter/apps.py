from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def _forget_consent_text(**kwargs):
    from django.core.cache import cache

    from .services import CONSENT_TEXT_CACHE_KEY

    cache.delete(CONSENT_TEXT_CACHE_KEY)


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from .models import ConsentText

        post_save.connect(_forget_consent_text, sender=ConsentText, dispatch_uid="newsletter-consent-text-saved")
        post_delete.connect(_forget_consent_text, sender=ConsentText, dispatch_uid="newsletter-consent-text-deleted")
