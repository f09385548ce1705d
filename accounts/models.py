"""The platform's user: a Django user with a role in the programme and the cities it is tied to."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    class Role(models.TextChoices):
        TEAM = "team", _("Project team member")
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
    preferred_language = models.CharField(_("preferred language"), max_length=8, default="en")

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def is_team(self) -> bool:
        """Return whether the user belongs to the project team (superusers count as team)."""
        return self.is_superuser or self.role == self.Role.TEAM
