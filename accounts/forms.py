"""Forms of the account pages: the password reset sent as our email triplet, and the team's invitation form."""

from django import forms
from django.contrib.auth.forms import PasswordResetForm as BasePasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cities.models import City
from core.tasks import email_send_task

from .services import password_link


class PasswordResetForm(BasePasswordResetForm):
    """Django's reset form (no account enumeration; active users with a usable password only), with our email."""

    def save(self, **kwargs):
        for user in self.get_users(self.cleaned_data["email"]):
            language = user.email_language
            with translation.override(language):  # the link opens the pages in the language of the email
                context = {
                    "name": user.get_full_name() or user.get_username(),
                    "username": user.get_username(),
                    "link": password_link(user, url_name="password_reset_confirm"),
                }
            email_send_task.delay(name="account-password-reset", to=[user.email], context=context, language=language)


class PartnerInviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    city = forms.ModelChoiceField(
        label=_("City"),
        queryset=City.objects.filter(role__in=[City.Role.FRENCH, City.Role.PARTNER]).order_by("name"),
        help_text=_("The partner works for this city, and so for its duo."),
    )
