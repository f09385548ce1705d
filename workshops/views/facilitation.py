"""The facilitator's console of a workshop vote: code and QR, opening and closing, the live ranking, paper sheets
typed in, and the top proposals turned into actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cities.models import Duo

from .. import services
from ..forms import BallotForm, TopProposalsForm
from ..models import Action, Ballot, Workshop
from ..selectors import workshop_to_facilitate_for
from .voting import criteria_and_proposals, qr_svg, ranking_data, vote_url


def _action_admin_url(action: Action) -> str:
    try:
        return reverse("admin:workshops_action_change", args=[action.pk])
    except NoReverseMatch:  # the action plan's admin is not installed: list the actions without links
        return ""


def _console(request, workshop: Workshop, *, paper_form=None, top_form=None, status=200):
    criteria, proposals = criteria_and_proposals(workshop)
    actions = list(
        Action.objects.filter(proposal__workshop=workshop).select_related("proposal", "duo", "territory").order_by("id")
    )
    context = {
        "workshop": workshop,
        "data": ranking_data(workshop),
        "qr_svg": qr_svg(vote_url(request, workshop)),
        "vote_url": vote_url(request, workshop),
        "paper_form": paper_form or BallotForm(proposals=proposals, criteria=criteria, paper=True, prefix="paper"),
        "paper_ballots": workshop.ballots.filter(from_paper=True).count(),
        "criteria": criteria,
        "top_form": top_form or TopProposalsForm(proposal_count=len(proposals), prefix="top"),
        "duo": Duo.objects.for_city(workshop.city).first(),
        "actions": [(action, _action_admin_url(action)) for action in actions],
    }
    return render(request, "workshops/voting/facilitate.html", context, status=status)


@login_required
@never_cache
def facilitate(request, slug):
    """The facilitator's console: code and QR, open/close, live ranking, paper sheets, top proposals to actions."""
    workshop = workshop_to_facilitate_for(request.user, slug)
    return _console(request, workshop)


@login_required
@require_POST
def facilitate_vote(request, slug):
    workshop = workshop_to_facilitate_for(request.user, slug)
    try:
        if request.POST.get("vote") == "open":
            services.vote_open(workshop=workshop)
            messages.success(request, _("The vote is open: participants can score now."))
        elif request.POST.get("vote") == "close":
            services.vote_close(workshop=workshop)
            messages.success(request, _("The vote is closed and its ranking frozen."))
    except services.WorkshopError as error:
        messages.error(request, str(error))
    return redirect("voting:facilitate", slug=workshop.slug)


@login_required
@require_POST
def facilitate_paper(request, slug):
    """Type in one paper sheet: a ballot like the others, marked as from paper, under the token paper-<n>."""
    workshop = workshop_to_facilitate_for(request.user, slug)
    criteria, proposals = criteria_and_proposals(workshop)
    form = BallotForm(request.POST, proposals=proposals, criteria=criteria, paper=True, prefix="paper")
    if not form.is_valid():
        return _console(request, workshop, paper_form=form, status=400)
    number = workshop.ballots.filter(from_paper=True).count() + 1
    while Ballot.objects.filter(workshop=workshop, token=f"paper-{number}").exists():
        number += 1
    try:
        services.ballot_cast(workshop=workshop, token=f"paper-{number}", scores=form.scores(), from_paper=True)
    except services.WorkshopError as error:
        messages.error(request, str(error))
        return _console(request, workshop, paper_form=form, status=409)
    messages.success(request, _("Paper sheet %(number)s recorded.") % {"number": number})
    return redirect("voting:facilitate", slug=workshop.slug)


@login_required
@require_POST
def facilitate_actions(request, slug):
    """Turn the top proposals of the frozen ranking into actions of the duo's plan (or the territory's own plan)."""
    workshop = workshop_to_facilitate_for(request.user, slug)
    form = TopProposalsForm(request.POST, proposal_count=workshop.proposals.count(), prefix="top")
    duo = Duo.objects.for_city(workshop.city).first()
    # A territory outside the duos (a regional park's simulation) keeps its own local action plan.
    plan = {"duo": duo} if duo is not None else {"territory": workshop.city}
    if workshop.vote != Workshop.Vote.CLOSED:
        messages.error(request, _("Close the vote first: actions come from the frozen ranking."))
    elif not form.is_valid():
        return _console(request, workshop, top_form=form, status=400)
    else:
        created, skipped = [], []
        for item in services.ranking_current(workshop=workshop)[: form.cleaned_data["count"]]:
            try:
                created.append(services.proposal_to_action(proposal=item.proposal, by=request.user, **plan))
            except services.WorkshopError:
                skipped.append(item.proposal.title)
        if created:
            messages.success(
                request,
                _("%(count)s actions added to the plan of %(duo)s: give them owners and milestones.")
                % {"count": len(created), "duo": duo or workshop.city},
            )
        if skipped:
            messages.info(request, _("Already actions of the plan: %(titles)s.") % {"titles": ", ".join(skipped)})
    return redirect("voting:facilitate", slug=workshop.slug)
