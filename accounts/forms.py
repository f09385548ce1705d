"""Forms of the account pages: the password reset sent as our email triplet, the team's invitation form and the
profile a user keeps themself."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm as BasePasswordResetForm
from django.db.models import Q
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from cities.models import City, Organisation
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


class LanguageSelect(forms.Select):
    """Each language named in itself, marked with its code so that it is read in its own language."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        option["attrs"]["lang"] = value
        return option


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none(), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        help_text=_("The language of the pages after logging in, and of the emails you receive."),
        widget=LanguageSelect,
    )
    digest_opt_out = forms.BooleanField(label=_("Do not send me the monthly digest of our action plan"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ]
        # A partner picks among the organisations of their city; others among all; the current one stays offered.
        organisations = Organisation.objects.select_related("city").order_by("name")
        if user.city_id:
            organisations = organisations.filter(Q(city_id=user.city_id) | Q(pk=user.organisation_id))
        self.fields["organisation"].queryset = organisations
