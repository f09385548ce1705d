"""The workshop vote on the participants' side: they score on their phones with the workshop's code, and the room
watches the live ranking (the facilitator's console is in facilitation.py)."""

import functools
import hashlib
import json
import logging
import secrets
from decimal import ROUND_HALF_UP, Decimal

import segno
from django.core import signing
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited

from .. import services
from ..forms import BallotForm, CodeForm
from ..models import Score, Workshop
from ..selectors import workshop_may_facilitate

logger = logging.getLogger(__name__)

COOKIE_SALT = "workshops.vote.participant"
TOKEN_MAX_AGE = 60 * 60 * 24 * 30  # a month: long after the workshop, the same phone still counts as one participant


# A wrong code counts as a guess: a client gets this many an hour on the shared cache, then a 429 page. Reloading a
# ballot or the projector's polling of a known code is not a guess and is never limited.
GUESS_RATE = "30/h"
GUESS_GROUP = "vote-code-guess-ip"
GUESS_RETRY_AFTER = 3600


class TooManyGuesses(Exception):
    """This client has used up its wrong codes."""


def _guesses_exhausted(request) -> bool:
    """Return whether this client has used up its wrong codes; without the cache, no (the vote must go on)."""
    try:
        return is_ratelimited(request, group=GUESS_GROUP, key="ip", rate=GUESS_RATE, increment=False)
    except Exception:  # the cache backend's connection errors differ (Redis, memcached…): all mean "unknown"
        logger.warning("Vote code guesses not checked: the cache is unreachable", exc_info=True)
        return False


def _count_guess(request) -> None:
    try:
        is_ratelimited(request, group=GUESS_GROUP, key="ip", rate=GUESS_RATE, increment=True)
    except Exception:
        logger.warning("Vote code guess not counted: the cache is unreachable", exc_info=True)


def _reachable_by_code(request, workshop: Workshop | None) -> bool:
    """Return whether the vote pages may show this workshop: once published or once its vote has opened (and to
    its facilitators before). A workshop hidden so far is answered exactly like an unknown code."""
    if workshop is None:
        return False
    return (
        workshop.is_published
        or workshop.vote != Workshop.Vote.NOT_OPEN
        or workshop_may_facilitate(request.user, workshop)
    )


def _workshop_for_code(request, code: str) -> Workshop:
    """Return the workshop of a code for the vote pages; 404 for an unknown or hidden one, counted as a guess."""
    if _guesses_exhausted(request):
        raise TooManyGuesses
    workshop = Workshop.objects.select_related("city").filter(code__iexact=code).first()
    if not _reachable_by_code(request, workshop):
        _count_guess(request)
        raise Http404
    return workshop


def _too_many_guesses(request):
    response = render(request, "workshops/voting/rate_limited.html", status=429)
    response["Retry-After"] = str(GUESS_RETRY_AFTER)
    return response


def limit_code_guesses(view):
    """Answer the vote pages with the 429 page once the client has used up its wrong codes."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except TooManyGuesses:
            return _too_many_guesses(request)

    return wrapper


def _token_cookie(workshop: Workshop) -> str:
    return f"lfc-vote-{workshop.pk}"


def _participant_token(request, workshop: Workshop) -> str | None:
    """Return the participant token the phone carries for this workshop (signed cookie), None without one."""
    try:
        return request.get_signed_cookie(_token_cookie(workshop), salt=COOKIE_SALT, max_age=TOKEN_MAX_AGE)
    except (KeyError, signing.BadSignature):
        return None


def _remember_token(request, response, workshop: Workshop, token: str):
    response.set_signed_cookie(
        _token_cookie(workshop),
        token,
        salt=COOKIE_SALT,
        max_age=TOKEN_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def qr_svg(url: str) -> str:
    """Return the QR code of an address as inline SVG (scaled by CSS; no styles, so the CSP allows it)."""
    return segno.make(url, error="m").svg_inline(scale=1, border=2, dark="#000", light="#fff", omitsize=True)


def vote_url(request, workshop: Workshop) -> str:
    return request.build_absolute_uri(reverse("voting:ballot", args=[workshop.code]))


def criteria_and_proposals(workshop: Workshop):
    return list(workshop.criteria.order_by("order", "id")), list(workshop.proposals.order_by("order", "id"))


def vote_enter(request):
    """Ask for the workshop's code (GET form, so the address can be shared) and go to its ballot."""
    form = CodeForm(request.GET or None)
    if form.is_bound:
        if _guesses_exhausted(request):
            return _too_many_guesses(request)
        if form.is_valid() and _reachable_by_code(request, form.workshop):
            return redirect("voting:ballot", code=form.cleaned_data["code"])
        if "code" not in form.errors and hasattr(form, "workshop"):  # a hidden workshop reads as an unknown code
            form.add_error("code", CodeForm.UNKNOWN_CODE)
        if hasattr(form, "workshop"):
            _count_guess(request)
    return render(request, "workshops/voting/enter.html", {"form": form})


def _wants_json(request) -> bool:
    """Return whether the phone's script sent the ballot (it reads the answer) rather than the plain form."""
    return request.headers.get("Accept", "").startswith("application/json")


def _ballot_refused(request, context, *, field: str, message: str, status: int, template: str):
    if _wants_json(request):
        return JsonResponse({"status": "refused", "errors": {field: [message]}}, status=status)
    context.setdefault("error", message)
    return render(request, template, context, status=status)


def _previous_scores(workshop: Workshop, token: str | None) -> dict:
    """Return the phone's recorded scores as the ballot form's initial values, {} before its first ballot."""
    if not token:
        return {}
    rows = Score.objects.filter(ballot__workshop=workshop, ballot__token=token)
    return {f"score-{p}-{c}": value for p, c, value in rows.values_list("proposal_id", "criterion_id", "value")}


def _vote_not_open(request, workshop: Workshop, context: dict):
    """Return the page of a vote not open, or the refusal of a ballot sent to it."""
    if request.method == "POST":
        message = _("The vote is closed.") if workshop.vote == Workshop.Vote.CLOSED else _("The vote is not open yet.")
        return _ballot_refused(
            request, context, field="vote", message=message, status=409, template="workshops/voting/not_open.html"
        )
    return render(request, "workshops/voting/not_open.html", context)


def _ballot_post(request, workshop: Workshop, token: str | None, form: BallotForm, context: dict):
    """Submit a posted ballot and return the response, or None when the page is to be shown again with the form's
    errors."""
    template = "workshops/voting/ballot.html"
    if token is None:
        # Without the cookie set on the first visit, every post would count as a new participant.
        message = _("Your browser did not keep this page's cookie: allow cookies and submit again.")
        return _ballot_refused(request, context, field="cookie", message=message, status=400, template=template)
    # The form carries a key made with the page (the script makes one per version); without one, a new version.
    key = request.POST.get("ballot_key") or secrets.token_urlsafe(16)
    if len(key) > 64:
        message = _("The idempotency key is longer than 64 characters.")
        return _ballot_refused(request, context, field="ballot_key", message=message, status=400, template=template)
    if not form.is_valid():
        if _wants_json(request):
            return JsonResponse({"status": "refused", "errors": form.errors.get_json_data()}, status=400)
        return None
    try:
        _ballot, outcome = services.ballot_submit(workshop=workshop, token=token, scores=form.scores(), key=key)
    except services.VoteNotOpenError as error:  # the vote's state refuses it, not the ballot's content
        return _ballot_refused(request, context, field="vote", message=str(error), status=409, template=template)
    except services.WorkshopError as error:
        return _ballot_refused(request, context, field="scores", message=str(error), status=400, template=template)
    if _wants_json(request):
        return JsonResponse({"status": outcome.value, "message": str(outcome.label)})
    return redirect("voting:ballot", code=workshop.code)


@never_cache
@limit_code_guesses
def ballot(request, code):
    """The participant's ballot, one per phone (a token in a signed cookie): sent again with the same key it counts
    once, sent with a new key it replaces the phone's previous ballot, until the vote closes."""
    workshop = _workshop_for_code(request, code)
    if code != workshop.code:
        return redirect("voting:ballot", code=workshop.code)
    context = {"workshop": workshop}
    if workshop.vote != Workshop.Vote.OPEN:
        return _vote_not_open(request, workshop, context)

    token = _participant_token(request, workshop)
    previous = _previous_scores(workshop, token)
    if request.method == "GET" and previous and "change" not in request.GET:
        return render(request, "workshops/voting/thanks.html", context)

    criteria, proposals = criteria_and_proposals(workshop)
    form = BallotForm(request.POST or None, initial=previous, proposals=proposals, criteria=criteria)
    context.update(form=form, scale_hint=_scale_hint(criteria), changing=bool(previous))
    status = 200
    if request.method == "POST":
        response = _ballot_post(request, workshop, token, form, context)
        if response is not None:
            return response
        status = 400  # the form is shown again with its errors
    context["ballot_key"] = secrets.token_urlsafe(16)
    response = render(request, "workshops/voting/ballot.html", context, status=status)
    if token is None:
        token = secrets.token_urlsafe(16)
        _remember_token(request, response, workshop, token)
    services.ballot_opening_record(workshop=workshop, token=token)
    return response


def service_worker(request):
    """The vote pages' service worker, served under the vote's address so that its scope covers the ballot pages."""
    assets = [
        static(path)
        for path in (
            "vendor/pico/pico.green.min.css",
            "css/site.css",
            "css/vote.css",
            "js/digits.js",
            "js/vote.js",
            "js/vote-offline.js",
            "img/favicon.svg",
        )
    ]
    response = render(
        request,
        "workshops/voting/service-worker.js",
        {
            "assets": json.dumps(assets),
            "cache_name": "lfc-vote-" + hashlib.sha256(" ".join(assets).encode()).hexdigest()[:12],
        },
        content_type="text/javascript; charset=utf-8",
    )
    response["Cache-Control"] = "no-cache"  # a new version of the pages reaches the phones at their next visit
    return response


def _scale_hint(criteria) -> str:
    scales = {(criterion.scale_min, criterion.scale_max) for criterion in criteria}
    if len(scales) != 1:
        return ""
    low, high = scales.pop()
    return _("From %(low)s (least) to %(high)s (most).") % {"low": low, "high": high}


def _two_decimals(value: Decimal) -> str:
    # number_format cuts extra decimals off (4.667 would read 4.66): round first.
    return number_format(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), 2)


def ranking_data(workshop: Workshop) -> dict:
    """Return the ranking as the room may see it: aggregates only, never a ballot or a token."""
    criteria, _proposals = criteria_and_proposals(workshop)
    ranking = services.ranking_current(workshop=workshop)
    return {
        "vote": workshop.vote,
        "vote_label": str(workshop.get_vote_display()),
        **services.vote_counts(workshop=workshop),
        "criteria": [
            {"code": criterion.code, "name": criterion.name, "weight": number_format(criterion.weight.normalize())}
            for criterion in criteria
        ],
        "ranking": [
            {
                "rank": item.rank,
                "proposal": item.proposal.title,
                "score": number_format(item.score, 3) if item.score is not None else "–",
                "ballots": item.ballots,
                "means": [
                    _two_decimals(item.criterion_means[criterion.code])
                    if item.criterion_means.get(criterion.code) is not None
                    else "–"
                    for criterion in criteria
                ],
                "tie_break": item.tie_break,
            }
            for item in ranking
        ],
    }


@never_cache
@limit_code_guesses
def ranking_page(request, code):
    """The live ranking for the room's projector: anyone with the code sees it; it refreshes itself."""
    workshop = _workshop_for_code(request, code)
    if code != workshop.code:
        return redirect("voting:ranking", code=workshop.code)
    return render(
        request,
        "workshops/voting/ranking.html",
        {
            "workshop": workshop,
            "data": ranking_data(workshop),
            "qr_svg": qr_svg(vote_url(request, workshop)),
            "vote_url": vote_url(request, workshop),
        },
    )


@never_cache
@limit_code_guesses
def ranking_json(request, code):
    workshop = _workshop_for_code(request, code)
    return JsonResponse(ranking_data(workshop))
