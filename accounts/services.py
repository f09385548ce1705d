"""Side-effecting work on accounts: where a user lands after logging in, and inviting partner users."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from cities.models import City, Duo
from core.tasks import email_send_task

User = get_user_model()


class AccountError(Exception):
    """An account operation that cannot be done (e.g. inviting someone who is not a partner)."""


def partner_duo(user) -> Duo | None:
    """Return the duo of a partner user's city, or None."""
    if user.role != User.Role.PARTNER or not user.city_id:
        return None
    return Duo.objects.for_city(user.city_id).order_by("pk").first()


def home_for(user) -> str:
    """Return the address a user lands on after logging in: a partner's "my duo" page, the admin for the team,
    reviewers and students."""
    if user.role == User.Role.PARTNER:
        duo = partner_duo(user)
        if duo is not None:
            return reverse("plans:mine")  # what is due for their city, with the duo's plan and dashboard a click away
    elif (user.is_team or user.role in (User.Role.STUDENT, User.Role.REVIEWER)) and user.is_staff:
        return reverse("admin:index")
    return reverse("home")


def password_link(user, *, url_name: str = "password-set") -> str:
    """Return the absolute one-time link where `user` sets a new password (valid PASSWORD_RESET_TIMEOUT seconds)."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse(url_name, kwargs={"uidb64": uidb64, "token": default_token_generator.make_token(user)})
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def partner_invite(*, email: str, city: City, by, first_name: str = "", last_name: str = "") -> User:
    """Create (or find) the partner user of `email` for `city` and email them a link to set their password.

    Re-inviting someone who has not yet set a password sends a fresh link; an existing account of another role or
    city is refused rather than silently turned into a partner.
    """
    email = User.objects.normalize_email(email).strip()
    if not email:
        raise AccountError(_("An email address is needed to invite someone."))
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        username = email.lower()
        if User.objects.filter(username=username).exists():
            raise AccountError(_("A user named %(username)s already exists.") % {"username": username})
        user = User(
            username=username,
            email=email,
            first_name=first_name,
            last_name=last_name,
            role=User.Role.PARTNER,
            city=city,
        )
        user.set_unusable_password()
        user.save()
    elif user.role != User.Role.PARTNER or user.city_id != city.pk:
        raise AccountError(
            _("%(email)s already has an account that is not a partner account of %(city)s.")
            % {"email": email, "city": city}
        )
    language = user.email_language
    with translation.override(language):  # the link opens the pages in the language of the email
        context = {
            "name": user.get_full_name() or user.email,
            "city": city.name,
            "inviter": by.get_full_name() or by.get_username(),
            "link": password_link(user),
            "username": user.get_username(),
            "days": settings.PASSWORD_RESET_TIMEOUT // (24 * 3600),
        }
    transaction.on_commit(
        lambda: email_send_task.delay(name="account-invite", to=[user.email], context=context, language=language)
    )
    return user


def language_for_city(city: City) -> str:
    """Return the platform language a partner of `city` reads by default: the first of the city's languages the
    platform offers (French for a French city), or the site's language."""
    offered = [code for code, _name in settings.LANGUAGES]
    codes = [code.strip() for code in (city.languages or "").split(",") if code.strip()]
    if city.role == City.Role.FRENCH:
        codes.insert(0, "fr")
    return next((code for code in codes if code in offered), settings.LANGUAGE_CODE)


def user_profile_update(*, user, first_name: str, last_name: str, organisation, language: str, digest_opt_out: bool):
    """Save what a user says of themself on their profile page: name, organisation, language, digest."""
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise AccountError(_("This language is not offered."))
    user.first_name, user.last_name = first_name.strip(), last_name.strip()
    user.organisation, user.language, user.digest_opt_out = organisation, language, digest_opt_out
    user.save(update_fields=["first_name", "last_name", "organisation", "language", "digest_opt_out"])
    return user
