"""Account pages: log in and out, change a forgotten or old password, and set the first one from an invitation."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy, translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from .forms import PasswordResetForm, ProfileForm
from .services import AccountError, home_for, user_profile_update


def _in_language(response, language: str):
    """Remember the user's language in Django's language cookie, so that every page follows it."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


logger = logging.getLogger(__name__)

# Password reset: an address may ask for a few resets an hour (an office shares one), an account for fewer.
RESET_RATE_PER_IP = "5/h"
RESET_RATE_PER_EMAIL = "3/h"


class LoginView(auth_views.LoginView):
    """Django's login; without a safe `next`, each persona lands on their own page (see home_for)."""

    template_name = "registration/login.html"

    def get_default_redirect_url(self):
        return home_for(self.request.user)

    def get_success_url(self):
        # The user's own language from now on: their landing page, or the `next` page, in it.
        language = self.request.user.email_language
        with translation.override(language):
            url = super().get_success_url()
        return translate_url(url, language)

    def form_valid(self, form):
        response = super().form_valid(form)
        return _in_language(response, self.request.user.email_language)


class LogoutView(auth_views.LogoutView):
    """Log out by POST only (Django's rule: a link cannot log anyone out)."""

    next_page = reverse_lazy("home")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "registration/password_change_done.html"


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset page, limited per visitor address and per email address.

    Over a limit the page answers exactly as usual (the "sent" page) and sends nothing: neither the visitor nor an
    attacker learns whether an account exists or whether a limit was reached, and no inbox is flooded.
    """

    form_class = PasswordResetForm
    template_name = "registration/password_reset_form.html"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        if self.limit_reached(form.cleaned_data["email"]):
            logger.warning("Password reset refused silently: rate limit reached.")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)

    def limit_reached(self, email: str) -> bool:
        """Return whether this visitor or this email address has used up its resets (and count this one)."""
        if is_ratelimited(self.request, group="password-reset-ip", key="ip", rate=RESET_RATE_PER_IP, increment=True):
            return True
        address = email.strip().lower()
        return is_ratelimited(
            self.request,
            group="password-reset-email",
            key=lambda group, request: address,
            rate=RESET_RATE_PER_EMAIL,
            increment=True,
        )


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"


class PasswordSetView(auth_views.PasswordResetConfirmView):
    """The invitation link: the invited partner chooses their first password, then logs in."""

    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is set. You can now log in."))
        return response


def lockout_username(request, credentials=None):
    """Return the username django-axes records a login attempt under, cut to the longest a username can be.

    Django's login form does not refuse a longer one before the attempt is recorded, and axes' column is shorter
    than what a client may send; no account has a longer name, so the cut changes no lockout.
    """
    data = credentials if credentials is not None else getattr(request, "data", request.POST)
    username = data.get(settings.AXES_USERNAME_FORM_FIELD)
    if username is None:
        return None
    return str(username)[: get_user_model()._meta.get_field(get_user_model().USERNAME_FIELD).max_length]


def locked_out(request, original_response=None, credentials=None):
    """The page of a login refused by django-axes after too many failures (429 Too Many Requests)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "accounts/locked.html", context, status=429)


@login_required
def profile(request):
    """What a user says of themself: name, organisation, language (pages and emails), the monthly digest."""
    user = request.user
    initial = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "organisation": user.organisation_id,
        "language": user.email_language,
        "digest_opt_out": user.digest_opt_out,
    }
    form = ProfileForm(request.POST or None, initial=initial, user=user)
    if request.method == "POST":
        if form.is_valid():
            try:
                user_profile_update(user=user, **form.cleaned_data)
            except AccountError as error:
                form.add_error("language", str(error))
            else:
                language = user.email_language
                translation.activate(language)
                messages.success(request, _("Your profile is saved."))
                return _in_language(redirect(translate_url(reverse("profile"), language)), language)
        return render(request, "accounts/profile.html", {"form": form}, status=400)
    return render(request, "accounts/profile.html", {"form": form})
