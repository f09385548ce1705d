"""Pages of the action plans: a duo's plan, an action with where it came from and what it should move, a territory's
food infrastructure, and a partner's "my duo" page with the forms that change the plan without the admin."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments.trends import indicator_chart
from cities.models import City
from cities.selectors import duo_for
from core.predicates import is_team

from .. import action_plans
from .. import selectors as plans
from ..action_plans import action_update_record
from ..closed_loop import action_markers, indicator_outcome
from ..models import Action, Milestone
from ..plans_forms import ActionOwnersForm, ActionUpdateForm, MilestoneForm, MilestonePostponeForm
from ..services import WorkshopError

EDIT_PERM = "workshops.edit_action_plan"


def duo_plan(request, slug):
    duo = duo_for(request.user, slug)
    cards = plans.duo_plan(duo=duo, user=request.user)
    context = {
        "duo": duo,
        "cards": cards,
        "summary": plans.plan_summary(cards),
        "can_update": request.user.has_perm("cities.view_duo_private", duo),
        "form": ActionUpdateForm(),
    }
    return render(request, "workshops/plans/duo_plan.html", context)


def territory_plan(request, slug):
    """The local action plan of a territory outside the duos, born from its workshops and disruption simulations."""
    territory = get_object_or_404(City.objects.published(), slug=slug)
    cards = plans.territory_plan(territory=territory, user=request.user)
    context = {
        "territory": territory,
        "cards": cards,
        "summary": plans.plan_summary(cards),
        "can_update": is_team(request.user),
        "form": ActionUpdateForm(),
    }
    return render(request, "workshops/plans/territory_plan.html", context)


def _visible_action(request, pk):
    queryset = plans.actions_with_plan_data(Action.objects.visible_to(request.user))
    return get_object_or_404(queryset, pk=pk)


def action_detail(request, pk):
    action = _visible_action(request, pk)
    trails = plans.action_indicator_trails(action=action, user=request.user)
    cities = action.plan_cities()
    for trail in trails:
        # The indicator's values over time with this action's start marked, and whether it moved since.
        trail.chart = indicator_chart(
            indicator=trail.indicator,
            values=trail.values,
            markers=action_markers([action]),
            element_id=f"trail-{trail.indicator.pk}",
        )
        trail.outcomes = [
            indicator_outcome(
                indicator=trail.indicator,
                city=city.name,
                values=[v for v in trail.values if v.assessment.city_id == city.pk],
                start=action.start,
            )
            for city in cities
        ]
    context = {
        "duo": action.duo,
        "territory": action.territory,
        "card": plans.action_card(action, user=request.user),
        "origin": plans.action_origin(action=action, user=request.user),
        "trails": trails,
        "can_update": request.user.has_perm(plans.PRIVATE_PERM, action),
        "form": ActionUpdateForm(initial={"status": action.status}),
    }
    return render(request, "workshops/plans/action_detail.html", context)


def _back(request, action):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("plans:action-detail", pk=action.pk)


@login_required
@require_POST
def action_update(request, pk):
    action = _visible_action(request, pk)
    if not request.user.has_perm(plans.PRIVATE_PERM, action):
        raise PermissionDenied
    form = ActionUpdateForm(request.POST)
    if form.is_valid():
        try:
            action_update_record(
                action=action, status=form.cleaned_data["status"], note=form.cleaned_data["note"], by=request.user
            )
        except WorkshopError as error:
            form.add_error("note", str(error))
        else:
            messages.success(request, _("Status update recorded."))
            return _back(request, action)
    # The form again with what was wrong, field by field, and nothing recorded.
    return _plan_form_page(request, "action_update.html", {"form": form, "action": action}, status=400)


@login_required
@require_POST
def milestone_done(request, pk):
    milestone = get_object_or_404(Milestone.objects.select_related("action__duo"), pk=pk)
    action = _visible_action(request, milestone.action_id)
    if not request.user.has_perm(plans.PRIVATE_PERM, action):
        raise PermissionDenied
    try:
        action_plans.milestone_mark_done(milestone=milestone, by=request.user)
    except WorkshopError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Milestone “%(title)s” marked done.") % {"title": milestone.title})
    return _back(request, action)


def infrastructure(request, slug):
    cities = City.objects.all() if is_team(request.user) else City.objects.published()
    city = get_object_or_404(cities, slug=slug)
    return render(
        request, "workshops/plans/infrastructure.html", {"city": city, **plans.infrastructure_inventory(city=city)}
    )


# --- "My duo": what is due for a partner's city, and the plan's changes partners make without the admin


@login_required
def mine(request):
    """The page a partner lands on: what is due and overdue in their duo's plan, with the forms to act on it."""
    if not request.user.city_id or request.user.role != "partner":
        raise Http404
    due = plans.partner_due(user=request.user)
    if not due.duos:
        raise Http404
    context = {
        "due": due,
        "today": timezone.localdate(),
        "editable": {action.pk for action in due.actions if request.user.has_perm(EDIT_PERM, action)},
        "postpone_form": MilestonePostponeForm(),
        "update_form": ActionUpdateForm(),
    }
    return render(request, "workshops/plans/mine.html", context)


def _editable_action(request, pk):
    """Return the action if the user may change its plan: 404 if they may not read it, 403 if they may not edit it."""
    action = _visible_action(request, pk)
    if not request.user.has_perm(EDIT_PERM, action):
        raise PermissionDenied
    return action


def _editable_milestone(request, pk):
    milestone = get_object_or_404(Milestone, pk=pk)
    action = _editable_action(request, milestone.action_id)
    milestone.action = action
    return milestone, action


def _plan_form_page(request, template, context, *, status=200):
    return render(request, f"workshops/plans/{template}", {"next": _next_of(request), **context}, status=status)


def _next_of(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


def _done(request, action, message):
    messages.success(request, message)
    target = _next_of(request)
    return redirect(target) if target else redirect("plans:action-detail", pk=action.pk)


@login_required
def milestone_postpone(request, pk):
    """Move a milestone to a later date with the reason (a 400 with the fields' errors when either is missing)."""
    milestone, action = _editable_milestone(request, pk)
    form = MilestonePostponeForm(request.POST or None, milestone=milestone)
    if request.method == "POST":
        if form.is_valid():
            try:
                action_plans.milestone_postpone(
                    milestone=milestone,
                    due=form.cleaned_data["due"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
            except WorkshopError as error:
                form.add_error(None, str(error))
            else:
                return _done(request, action, _("Milestone “%(title)s” postponed.") % {"title": milestone.title})
        return _plan_form_page(
            request, "milestone_postpone.html", {"form": form, "milestone": milestone, "action": action}, status=400
        )
    return _plan_form_page(request, "milestone_postpone.html", {"form": form, "milestone": milestone, "action": action})


@login_required
def milestone_edit(request, pk):
    """Rename a milestone or change its due date."""
    milestone, action = _editable_milestone(request, pk)
    initial = {"title": milestone.title, "due": milestone.due}
    form = MilestoneForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                action_plans.milestone_edit(milestone=milestone, by=request.user, **form.cleaned_data)
            except WorkshopError as error:
                form.add_error(None, str(error))
            else:
                return _done(request, action, _("Milestone saved."))
        context = {"form": form, "milestone": milestone, "action": action}
        return _plan_form_page(request, "milestone_form.html", context, status=400)
    return _plan_form_page(request, "milestone_form.html", {"form": form, "milestone": milestone, "action": action})


@login_required
def milestone_add(request, pk):
    """Add a milestone to an action."""
    action = _editable_action(request, pk)
    form = MilestoneForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                action_plans.milestone_add(action=action, by=request.user, **form.cleaned_data)
            except WorkshopError as error:
                form.add_error(None, str(error))
            else:
                return _done(request, action, _("Milestone added."))
        return _plan_form_page(request, "milestone_form.html", {"form": form, "action": action}, status=400)
    return _plan_form_page(request, "milestone_form.html", {"form": form, "action": action})


@login_required
def action_owners(request, pk):
    """Choose the organisations that carry an action, among those of the plan's cities."""
    action = _editable_action(request, pk)
    organisations = plans.plan_organisations(action)
    initial = {"owners": list(action.owners.all())}
    form = ActionOwnersForm(request.POST or None, initial=initial, organisations=organisations)
    if request.method == "POST":
        if form.is_valid():
            try:
                action_plans.action_owners_set(action=action, owners=form.cleaned_data["owners"], by=request.user)
            except WorkshopError as error:
                form.add_error("owners", str(error))
            else:
                return _done(request, action, _("Owners saved."))
        return _plan_form_page(request, "action_owners.html", {"form": form, "action": action}, status=400)
    return _plan_form_page(request, "action_owners.html", {"form": form, "action": action})
