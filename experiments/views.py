"""Pages of the experiments: the public's (published experiments and sessions, a territory's communes) and the
territory officer's (start an experiment, its tools and what was seen, its sessions and follow-ups)."""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cities.models import City

from . import selectors, services
from .forms import (
    ExperimentForm,
    FollowUpForm,
    FundingForm,
    PartnerForm,
    SessionForm,
    ToolForm,
    ToolRecordForm,
)
from .models import Experiment, Session, Tool

RUN_PERM = "experiments.run_experiment"
START_PERM = "experiments.start_experiment"


# --- Access helpers -------------------------------------------------------------------------------------------


def experiment_for_user(request, slug: str) -> Experiment:
    """Return the experiment the user may read; 404 otherwise (an unpublished one is not revealed)."""
    return get_object_or_404(selectors.experiments_visible(request.user), slug=slug)


def experiment_to_run(request, slug: str) -> Experiment:
    """Return the experiment the user may change (its territory's officers, the team); 404 or 403 otherwise."""
    experiment = experiment_for_user(request, slug)
    if not request.user.has_perm(RUN_PERM, experiment):
        raise PermissionDenied
    return experiment


def session_for_user(request, pk: int) -> Session:
    sessions = Session.objects.visible_to(request.user).select_related("experiment__territory", "commune", "workshop")
    return get_object_or_404(sessions, pk=pk)


def session_to_run(request, pk: int) -> Session:
    session = session_for_user(request, pk)
    if not request.user.has_perm(RUN_PERM, session.experiment):
        raise PermissionDenied
    return session


def _form_errors(form, error: services.ExperimentError) -> None:
    form.add_error(error.field if error.field in form.fields else None, str(error))


# --- Public pages -----------------------------------------------------------------------------------------------


def experiment_list(request):
    return render(request, "experiments/experiment_list.html", {"experiments": selectors.experiment_list(request.user)})


def experiment_detail(request, slug):
    experiment = experiment_for_user(request, slug)
    can_run = request.user.has_perm(RUN_PERM, experiment)
    record = selectors.experiment_record(experiment=experiment, published_sessions_only=not can_run)
    context = {"record": record, "experiment": experiment, "can_run": can_run}
    if can_run:
        context.update(funding_form=FundingForm(prefix="funding"), partner_form=PartnerForm(prefix="partner"))
    return render(request, "experiments/experiment_detail.html", context)


def territory_communes(request, slug):
    """A territory's communes on its map with what each is trying, and the totals of the territory and its communes."""
    territory = get_object_or_404(City.objects.published(), slug=slug)
    data = selectors.territory_communes(territory=territory, user=request.user)
    can_start = bool(data["communes"]) and request.user.has_perm(START_PERM, territory)
    return render(
        request, "experiments/territory_communes.html", {"territory": territory, "can_start": can_start, **data}
    )


def session_detail(request, pk):
    session = session_for_user(request, pk)
    can_run = request.user.has_perm(RUN_PERM, session.experiment)
    context = {"session": session, "can_run": can_run}
    feedback = session.feedback.all()
    context["feedback_count"] = feedback.count()
    proposals = (
        list(session.workshop.proposals.prefetch_related("plan_actions").order_by("order", "id"))
        if session.workshop_id
        else []
    )
    context["proposals"] = proposals
    if can_run:
        url = request.build_absolute_uri(reverse("experiments:feedback", args=[session.code]))
        context.update(
            feedback_url=url,
            qr_svg=segno.make(url, error="m").svg_inline(scale=1, border=2, dark="#000", light="#fff", omitsize=True),
            comments=list(feedback.exclude(comment="").order_by("-created")[:50]),
            follow_up_form=FollowUpForm(),
        )
    return render(request, "experiments/session_detail.html", context)


# --- The territory officer's forms --------------------------------------------------------------------------------


@login_required
def experiment_start(request, slug):
    territory = get_object_or_404(City.objects.all(), slug=slug)
    if not request.user.has_perm(START_PERM, territory):
        raise PermissionDenied
    form = ExperimentForm(request.POST or None, territory=territory, initial={"start": timezone.localdate()})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                experiment = services.experiment_start(
                    territory=territory,
                    communes=data["communes"],
                    title=data["title"],
                    objectives=data["objectives"],
                    summary=data["summary"],
                    start=data["start"],
                    end=data["end"],
                    is_published=data["is_published"],
                    by=request.user,
                )
            except services.ExperimentError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("The experiment is started: add the tools each commune will try."))
                return redirect(experiment)
        status = 400
    return render(request, "experiments/experiment_form.html", {"territory": territory, "form": form}, status=status)


@login_required
@require_POST
def funding_add(request, slug):
    experiment = experiment_to_run(request, slug)
    form = FundingForm(request.POST, prefix="funding")
    if form.is_valid():
        services.funding_add(experiment=experiment, **form.cleaned_data)
        messages.success(request, _("Funding recorded."))
        return redirect(experiment)
    return _detail_with_errors(request, experiment, funding_form=form)


@login_required
@require_POST
def partner_add(request, slug):
    experiment = experiment_to_run(request, slug)
    form = PartnerForm(request.POST, prefix="partner")
    if form.is_valid():
        services.partner_add(experiment=experiment, **form.cleaned_data)
        messages.success(request, _("Partner recorded."))
        return redirect(experiment)
    return _detail_with_errors(request, experiment, partner_form=form)


def _detail_with_errors(request, experiment, **forms):
    context = {
        "record": selectors.experiment_record(experiment=experiment),
        "experiment": experiment,
        "can_run": True,
        "funding_form": FundingForm(prefix="funding"),
        "partner_form": PartnerForm(prefix="partner"),
        **forms,
    }
    return render(request, "experiments/experiment_detail.html", context, status=400)


@login_required
def tool_add(request, slug):
    experiment = experiment_to_run(request, slug)
    form = ToolForm(request.POST or None, experiment=experiment)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.tool_add(experiment=experiment, **form.cleaned_data)
            except services.ExperimentError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("Tool added."))
                return redirect(experiment)
        status = 400
    return render(request, "experiments/tool_form.html", {"experiment": experiment, "form": form}, status=status)


@login_required
def tool_record(request, pk):
    tool = get_object_or_404(Tool.objects.select_related("experiment__territory", "commune"), pk=pk)
    experiment = experiment_to_run(request, tool.experiment.slug)
    initial = {
        "status": tool.status,
        "outcome": tool.outcome,
        "cost": tool.cost,
        "lessons": tool.lessons,
        "date": timezone.localdate(),
    }
    form = ToolRecordForm(request.POST or None, request.FILES or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.tool_record(
                    tool=tool,
                    status=data["status"],
                    outcome=data["outcome"],
                    cost=data["cost"],
                    lessons=data["lessons"],
                    on=data["date"],
                    note=data["note"],
                    photo=data["photo"] or None,
                    caption=data["caption"],
                    credit=data["credit"],
                    by=request.user,
                )
            except services.ExperimentError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("Observation recorded."))
                return redirect(f"{experiment.get_absolute_url()}#tool-{tool.pk}")
        status = 400
    return render(
        request,
        "experiments/tool_record.html",
        {"experiment": experiment, "tool": tool, "form": form},
        status=status,
    )


@login_required
def session_add(request, slug):
    experiment = experiment_to_run(request, slug)
    form = SessionForm(request.POST or None, experiment=experiment, initial={"date": timezone.localdate()})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                session = services.session_record(
                    experiment=experiment,
                    commune=data["commune"],
                    kind=data["kind"],
                    title=data["title"],
                    on=data["date"],
                    audience=data["audience"],
                    attendance=data["attendance"],
                    material=data["material"],
                    is_published=data["is_published"],
                )
            except services.ExperimentError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("Session recorded: open its feedback for the participants' phones."))
                return redirect(session)
        status = 400
    return render(request, "experiments/session_form.html", {"experiment": experiment, "form": form}, status=status)


@login_required
@require_POST
def session_feedback_toggle(request, pk):
    session = session_to_run(request, pk)
    is_open = request.POST.get("feedback") == "open"
    services.session_feedback_set(session=session, is_open=is_open)
    messages.success(request, _("Feedback is open.") if is_open else _("Feedback is closed."))
    return redirect(session)


@login_required
@require_POST
def session_follow_up(request, pk):
    session = session_to_run(request, pk)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            services.session_follow_up(session=session, by=request.user, **form.cleaned_data)
        except services.ExperimentError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Follow-up action recorded."))
    else:
        messages.error(request, _("A follow-up action needs a title."))
        return redirect(session)
    return redirect(session)


@login_required
@require_POST
def session_follow_up_plan(request, pk, proposal_pk):
    session = session_to_run(request, pk)
    if not session.workshop_id:
        raise Http404
    proposal = get_object_or_404(session.workshop.proposals, pk=proposal_pk)
    try:
        action = services.follow_up_to_plan(session=session, proposal=proposal, by=request.user)
    except services.ExperimentError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("“%(title)s” is now in the plan of %(commune)s.") % {"title": action.title, "commune": session.commune},
        )
    return redirect(session)
