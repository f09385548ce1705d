"""The platform's user: a Django user with a role in the programme and the cities it is tied to."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    class Role(models.TextChoices):
        TEAM = "team", _("Project team member")
        REVIEWER = "reviewer", _("Reviewer (reviews and publishes assessments)")
        PARTNER = "partner", _("Partner municipality")
        STUDENT = "student", _("Student contributor")
        OTHER = "other", _("Other")

    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.OTHER)
    city = models.ForeignKey(
        "cities.City",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="partner_users",
        verbose_name=_("partner city"),
        help_text=_("For a partner user: the city they work for (and so their duo)."),
    )
    assigned_cities = models.ManyToManyField(
        "cities.City",
        blank=True,
        related_name="contributors",
        verbose_name=_("assigned cities"),
        help_text=_("For a student contributor: the cities whose assessments they edit."),
    )
    organisation = models.ForeignKey(
        "cities.Organisation",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("organisation"),
        help_text=_("A student's university, a partner's municipality…"),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the pages after logging in, and of every email the platform sends."),
    )
    digest_opt_out = models.BooleanField(
        _("no monthly digest"), default=False, help_text=_("Do not send me the monthly digest of our action plan.")
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def is_team(self) -> bool:
        """Return whether the user belongs to the project team (superusers count as team)."""
        return self.is_superuser or self.role == self.Role.TEAM

    @property
    def email_language(self) -> str:
        """Return the language the user reads pages and emails in (the site's language if theirs is not offered)."""
        offered = {code for code, _name in settings.LANGUAGES}
        return self.language if self.language in offered else settings.LANGUAGE_CODE
