"""Pages of the action plans: a duo's plan, an action with where it came from and what it should move, an indicator
with its values and the actions meant to move it, and a territory's food infrastructure."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cities.models import City, Duo
from core.predicates import is_team

from . import plans
from .closed_loop import indicator_chart, indicator_outcome
from .models import Milestone
from .plans_forms import ActionUpdateForm
from .services import WorkshopError, action_update_record


def duo_plan(request, slug):
    duo = get_object_or_404(Duo.objects.with_cities(), slug=slug)
    if not plans.duo_plan_visible(request.user, duo):
        raise Http404
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
    queryset = plans.actions_with_plan_data(plans.actions_visible(request.user))
    return get_object_or_404(queryset, pk=pk)


def action_detail(request, pk):
    action = _visible_action(request, pk)
    trails = plans.action_indicator_trails(action=action, user=request.user)
    cities = action.plan_cities()
    for trail in trails:
        # The indicator's values over time with this action's start marked, and whether it moved since.
        trail.chart = indicator_chart(
            indicator=trail.indicator, values=trail.values, actions=[action], element_id=f"trail-{trail.indicator.pk}"
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
            messages.error(request, str(error))
        else:
            messages.success(request, _("Status update recorded."))
    else:
        messages.error(request, _("The update was not recorded: choose a status and say what happened."))
    return _back(request, action)


@login_required
@require_POST
def milestone_done(request, pk):
    milestone = get_object_or_404(Milestone.objects.select_related("action__duo"), pk=pk)
    action = _visible_action(request, milestone.action_id)
    if not request.user.has_perm(plans.PRIVATE_PERM, action):
        raise PermissionDenied
    try:
        plans.milestone_mark_done(milestone=milestone, by=request.user)
    except WorkshopError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Milestone “%(title)s” marked done.") % {"title": milestone.title})
    return _back(request, action)


def indicator_detail(request, code):
    indicator = plans.indicator_for_code(code)
    if indicator is None:
        raise Http404
    city = None
    if request.GET.get("city"):
        cities = City.objects.all() if is_team(request.user) else City.objects.published()
        city = get_object_or_404(cities, slug=request.GET["city"])
    values = plans.indicator_values_across_editions(
        indicators=[indicator], user=request.user, cities=[city] if city else None
    ).get(indicator.pk, [])
    cards = plans.indicator_actions(indicator=indicator, user=request.user, city=city)
    dated = sorted((card.action for card in cards if card.action.start), key=lambda action: (action.start, action.pk))
    for number, action in enumerate(dated, start=1):
        action.marker = f"A{number}"  # its label on the chart
    context = {
        "indicator": indicator,
        "city": city,
        "values": values,
        "chart": indicator_chart(indicator=indicator, values=values, actions=dated, element_id="indicator-chart"),
        "cards": cards,
    }
    return render(request, "workshops/plans/indicator_detail.html", context)


def infrastructure(request, slug):
    cities = City.objects.all() if is_team(request.user) else City.objects.published()
    city = get_object_or_404(cities, slug=slug)
    return render(
        request, "workshops/plans/infrastructure.html", {"city": city, **plans.infrastructure_inventory(city=city)}
    )
