from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def _forget_consent_text(**kwargs):
    from django.core.cache import cache

    from core.cache import data_version_bump

    from .services import CONSENT_TEXT_CACHE_KEY

    cache.delete(CONSENT_TEXT_CACHE_KEY)
    data_version_bump()  # every public page shows the consent text in its footer's form


def _forget_public_pages(**kwargs):
    from core.cache import data_version_bump

    data_version_bump()  # the footer's form lists the topics


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from .models import ConsentText, Topic

        post_save.connect(_forget_consent_text, sender=ConsentText, dispatch_uid="newsletter-consent-text-saved")
        post_delete.connect(_forget_consent_text, sender=ConsentText, dispatch_uid="newsletter-consent-text-deleted")
        post_save.connect(_forget_public_pages, sender=Topic, dispatch_uid="newsletter-topic-saved")
        post_delete.connect(_forget_public_pages, sender=Topic, dispatch_uid="newsletter-topic-deleted")
