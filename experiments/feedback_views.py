"""The participants' phone feedback on an experiment's session, reached with the session's code like the workshop
vote: one anonymous answer per phone."""

import logging
import secrets

from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited

from . import services
from .forms import FeedbackCodeForm, FeedbackForm
from .models import Session

logger = logging.getLogger(__name__)

# As for the workshop vote: a wrong code counts as a guess, thirty an hour per client, then a 429 page.
GUESS_RATE = "30/h"
GUESS_GROUP = "feedback-code-guess-ip"
GUESS_RETRY_AFTER = 3600
COOKIE_SALT = "experiments.feedback.participant"
TOKEN_MAX_AGE = 60 * 60 * 24 * 30


def _guesses_exhausted(request) -> bool:
    try:
        return is_ratelimited(request, group=GUESS_GROUP, key="ip", rate=GUESS_RATE, increment=False)
    except Exception:  # the cache is unreachable: the feedback goes on, unlimited
        logger.warning("Feedback code guesses not checked: the cache is unreachable", exc_info=True)
        return False


def _count_guess(request) -> None:
    try:
        is_ratelimited(request, group=GUESS_GROUP, key="ip", rate=GUESS_RATE, increment=True)
    except Exception:
        logger.warning("Feedback code guess not counted: the cache is unreachable", exc_info=True)


def _too_many_guesses(request):
    response = render(request, "workshops/voting/rate_limited.html", status=429)
    response["Retry-After"] = str(GUESS_RETRY_AFTER)
    return response


def _session_for_code(code: str) -> Session | None:
    """Return the session of a code while its feedback is open (or once published), else None."""
    session = Session.objects.select_related("commune", "experiment").filter(code__iexact=code).first()
    if session is None or not (session.feedback_open or session.is_published):
        return None
    return session


def feedback_enter(request):
    """Ask for the session's code (GET, so that the address can be shared) and go to its feedback form."""
    form = FeedbackCodeForm(request.GET or None)
    status = 200
    if form.is_bound:
        if _guesses_exhausted(request):
            return _too_many_guesses(request)
        if form.is_valid():
            if _session_for_code(form.cleaned_data["code"]) is not None:
                return redirect("experiments:feedback", code=form.cleaned_data["code"])
            _count_guess(request)
            form.add_error("code", _("No session has this code: check it with the organisers."))
        status = 400
    return render(request, "experiments/feedback_enter.html", {"form": form}, status=status)


def _token_cookie(session: Session) -> str:
    return f"lfc-feedback-{session.pk}"


@never_cache
def feedback(request, code):
    """The participant's feedback form: one per phone (a token in a signed cookie), anonymous."""
    if _guesses_exhausted(request):
        return _too_many_guesses(request)
    session = _session_for_code(code)
    if session is None:
        _count_guess(request)
        raise Http404
    context = {"session": session}
    if not session.feedback_open:
        return render(
            request, "experiments/feedback_closed.html", context, status=409 if request.method == "POST" else 200
        )
    try:
        token = request.get_signed_cookie(_token_cookie(session), salt=COOKIE_SALT, max_age=TOKEN_MAX_AGE)
    except (KeyError, signing.BadSignature):
        token = None
    if token and session.feedback.filter(token=token).exists():
        return render(
            request, "experiments/feedback_thanks.html", context, status=409 if request.method == "POST" else 200
        )
    form = FeedbackForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if token is None:
            context["error"] = _("Your browser did not keep this page's cookie: allow cookies and submit again.")
            status = 400
        elif form.is_valid():
            try:
                services.feedback_give(session=session, token=token, **form.cleaned_data)
            except services.ExperimentError as error:
                context["error"], status = str(error), 409
            else:
                return redirect("experiments:feedback", code=session.code)
        else:
            status = 400
    context["form"] = form
    response = render(request, "experiments/feedback_form.html", context, status=status)
    if token is None:
        response.set_signed_cookie(
            _token_cookie(session),
            secrets.token_urlsafe(16),
            salt=COOKIE_SALT,
            max_age=TOKEN_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response
