"""What changes an experiment: starting it with its communes, the tools tried and what was seen of them, the
sessions and their anonymous feedback, and the follow-up actions that enter the proposal → plan pipeline."""

from datetime import date, datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cities.models import City
from workshops import services as workshop_services
from workshops.models import Action, Proposal, Workshop

from .models import Experiment, Feedback, Funding, Observation, Partner, Session, Tool, ToolPhoto, two_years_after

MIN_COMMUNES = 2


class ExperimentError(Exception):
    """An experiment's change was refused; the message says why (and `field`, when one field is at fault)."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


def _unique_slug(model, text: str) -> str:
    base = slugify(text)[:120] or "item"
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _check_communes(territory: City, communes) -> list[City]:
    communes = list(communes)
    if len({commune.pk for commune in communes}) < MIN_COMMUNES:
        raise ExperimentError(
            _("An experiment brings together at least %(count)s communes.") % {"count": MIN_COMMUNES},
            field="communes",
        )
    strangers = [commune.name for commune in communes if commune.parent_id != territory.pk]
    if strangers:
        raise ExperimentError(
            _("Not communes of %(territory)s: %(names)s.")
            % {"territory": territory.name, "names": ", ".join(strangers)},
            field="communes",
        )
    return communes


def _check_commune(experiment: Experiment, commune: City) -> None:
    if not experiment.communes.filter(pk=commune.pk).exists():
        raise ExperimentError(
            _("%(name)s is not a partner commune of this experiment.") % {"name": commune.name}, field="commune"
        )


@transaction.atomic
def experiment_start(
    *,
    territory: City,
    communes,
    title: str,
    objectives: str,
    start: date,
    end: date | None = None,
    summary: str = "",
    is_published: bool = False,
    by=None,
) -> Experiment:
    """Start an experiment of the territory with its partner communes (two years unless another end is given)."""
    communes = _check_communes(territory, communes)
    if not title.strip():
        raise ExperimentError(_("Give the experiment a title."), field="title")
    if not objectives.strip():
        raise ExperimentError(_("Say what the experiment aims at."), field="objectives")
    end = end or two_years_after(start)
    if end <= start:
        raise ExperimentError(_("The experiment must end after it starts."), field="end")
    experiment = Experiment.objects.create(
        territory=territory,
        title=title.strip(),
        slug=_unique_slug(Experiment, title),
        objectives=objectives.strip(),
        summary=summary.strip(),
        start=start,
        end=end,
        status=Experiment.Status.RUNNING if start <= timezone.localdate() else Experiment.Status.PREPARING,
        is_published=is_published,
        created_by=by,
    )
    experiment.communes.set(communes)
    return experiment


def funding_add(*, experiment: Experiment, source: str, amount, status: str = Funding.Status.SOUGHT) -> Funding:
    """Record a source of money for the experiment."""
    funding = Funding(experiment=experiment, source=source.strip(), amount=amount, status=status)
    _validated(funding)
    funding.save()
    return funding


def partner_add(*, experiment: Experiment, organisation: str, role: str, kind: str = Partner.Kind.PARTNER) -> Partner:
    """Record a partner or an expert of the experiment, by organisation and role."""
    partner = Partner(experiment=experiment, organisation=organisation.strip(), role=role.strip(), kind=kind)
    _validated(partner)
    partner.save()
    return partner


def _validated(instance) -> None:
    try:
        instance.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ExperimentError(" ".join(messages), field=field) from error


@transaction.atomic
def tool_add(*, experiment: Experiment, commune: City, kind: str, title: str, description: str = "", cost=None) -> Tool:
    """Add a tool or action one of the experiment's communes will try."""
    _check_commune(experiment, commune)
    tool = Tool(
        experiment=experiment, commune=commune, kind=kind, title=title.strip(), description=description, cost=cost
    )
    _validated(tool)
    tool.save()
    return tool


@transaction.atomic
def tool_record(
    *,
    tool: Tool,
    status: str,
    outcome: str,
    note: str,
    lessons: str | None = None,
    cost=None,
    on: date | None = None,
    photo=None,
    caption: str = "",
    credit: str = "",
    by=None,
) -> Observation:
    """Record what was seen of a tool on a day (a note, and a photo if given) and where the tool now stands.

    All of it is saved, or none: a photo refused leaves the status and the note as they were.
    """
    if status not in Tool.Status.values:
        raise ExperimentError(_("Unknown status: %(status)s") % {"status": status}, field="status")
    if outcome not in Tool.Outcome.values:
        raise ExperimentError(_("Unknown outcome: %(outcome)s") % {"outcome": outcome}, field="outcome")
    if not note.strip():
        raise ExperimentError(_("Say what was seen: an observation needs a note."), field="note")
    if photo is not None and not credit.strip():
        raise ExperimentError(_("Give the photo's credit."), field="credit")
    tool.status, tool.outcome = status, outcome
    if lessons is not None:
        tool.lessons = lessons
    if cost is not None:
        tool.cost = cost
    _validated(tool)
    tool.save()
    observation = Observation.objects.create(tool=tool, note=note.strip(), date=on or timezone.localdate(), author=by)
    if photo is not None:
        picture = ToolPhoto(
            tool=tool, observation=observation, image=photo, caption=caption.strip(), credit=credit.strip()
        )
        _validated(picture)
        picture.save()
    return observation


@transaction.atomic
def session_record(
    *,
    experiment: Experiment,
    commune: City,
    kind: str,
    title: str,
    on: date,
    audience: str,
    attendance: int,
    material: str = "",
    is_published: bool = False,
) -> Session:
    """Record an awareness or a training session held in one of the experiment's communes."""
    _check_commune(experiment, commune)
    session = Session(
        experiment=experiment,
        commune=commune,
        kind=kind,
        title=title.strip(),
        date=on,
        audience=audience.strip(),
        attendance=attendance,
        material=material,
        is_published=is_published,
    )
    _validated(session)
    session.save()
    return session


def session_feedback_set(*, session: Session, is_open: bool) -> Session:
    """Open or close the phone feedback of a session."""
    session.feedback_open = is_open
    session.save(update_fields=["feedback_open"])
    return session


def feedback_give(*, session: Session, token: str, rating: int, will_act: bool = False, comment: str = "") -> Feedback:
    """Record one participant's anonymous feedback: one per phone token, only while the feedback is open."""
    if not session.feedback_open:
        raise ExperimentError(_("The feedback of this session is closed."))
    if not 1 <= int(rating) <= 5:
        raise ExperimentError(_("Rate from 1 to 5."), field="rating")
    try:
        with transaction.atomic():
            return Feedback.objects.create(
                session=session, token=token, rating=rating, will_act=will_act, comment=comment.strip()[:1000]
            )
    except IntegrityError:
        raise ExperimentError(_("This phone has already given its feedback on this session.")) from None


def _follow_up_titles(session: Session) -> dict[str, str]:
    """Return the follow-up workshop's title in every language of the site (a translatable field)."""
    titles = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            titles[f"title_{code}"] = _("Follow-up of %(session)s") % {"session": session.title}
    return titles


def _follow_up_workshop(session: Session, by) -> Workshop:
    """Return the workshop that holds the session's follow-up proposals, created on first use (its vote, its plan)."""
    if session.workshop_id:
        return session.workshop
    starts_at = timezone.make_aware(datetime.combine(session.date, time(18, 0)), session.commune.zone)
    workshop = Workshop.objects.create(
        city=session.commune,
        format=Workshop.Format.OTHER,
        **_follow_up_titles(session),
        slug=_unique_slug(Workshop, f"{session.title} {session.date:%Y-%m-%d} follow-up"),
        starts_at=starts_at,
        is_published=session.is_published,
        is_demo=session.experiment.is_demo,
    )
    if by is not None and by.is_authenticated:
        workshop.facilitators.add(by)
    session.workshop = workshop
    session.save(update_fields=["workshop"])
    return workshop


@transaction.atomic
def session_follow_up(*, session: Session, title: str, description: str = "", by=None) -> Proposal:
    """Record a follow-up action a session proposed, as a proposal of its follow-up workshop (to vote on, to plan)."""
    if not title.strip():
        raise ExperimentError(_("Every follow-up action needs a title."), field="title")
    workshop = _follow_up_workshop(session, by)
    if workshop.vote != Workshop.Vote.NOT_OPEN:
        raise ExperimentError(_("The vote on the follow-up actions has started: no more can be added."))
    order = (workshop.proposals.aggregate(last=Max("order"))["last"] or 0) + 1
    return Proposal.objects.create(workshop=workshop, title=title.strip(), description=description.strip(), order=order)


def follow_up_to_plan(*, session: Session, proposal: Proposal, by=None) -> Action:
    """Put a session's follow-up action into the local plan of the session's commune."""
    if proposal.workshop_id is None or proposal.workshop_id != session.workshop_id:
        raise ExperimentError(_("This proposal is not a follow-up of this session."))
    try:
        return workshop_services.proposal_to_action(proposal=proposal, territory=session.commune, by=by)
    except workshop_services.WorkshopError as error:
        raise ExperimentError(str(error)) from error


FEEDBACK_OPEN_DAYS = 14  # participants answer on the day or soon after; an open form left for months invites spam


def sessions_feedback_close_stale(*, today: date | None = None) -> int:
    """Close the feedback of sessions held more than FEEDBACK_OPEN_DAYS ago; return how many were closed."""
    from datetime import timedelta

    limit = (today or timezone.localdate()) - timedelta(days=FEEDBACK_OPEN_DAYS)
    return Session.objects.filter(feedback_open=True, date__lt=limit).update(feedback_open=False)
