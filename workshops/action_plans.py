"""Side-effecting operations on an action plan after it is drawn up: status updates, milestones, owners, history."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Action, ActionUpdate, Milestone
from .services import WorkshopError


@transaction.atomic
def action_update_record(*, action: Action, status: str, note: str, by, date=None) -> ActionUpdate:
    """Record a dated status update of an action and move the action to that status."""
    if status not in Action.Status.values:
        raise WorkshopError(_("Unknown status: %(status)s") % {"status": status})
    if not note.strip():
        raise WorkshopError(_("Say what happened: a status update needs a note."))
    update = ActionUpdate.objects.create(
        action=action, status=status, note=note.strip(), author=by, date=date or timezone.localdate()
    )
    if action.status != status:
        action.status = status
        action.save(update_fields=["status"])
    return update


def milestones_due(*, duo, today=None, horizon_days: int = 30) -> tuple[list[Milestone], list[Milestone]]:
    """Return the duo's open milestones that are overdue, and those due within the horizon."""
    today = today or timezone.localdate()
    open_milestones = list(
        Milestone.objects.filter(action__duo=duo, done_on__isnull=True)
        .exclude(action__status__in=[Action.Status.DONE, Action.Status.DROPPED])
        .select_related("action")
        .order_by("due")
    )
    overdue = [m for m in open_milestones if m.due < today]
    upcoming = [m for m in open_milestones if today <= m.due <= today + timedelta(days=horizon_days)]
    return overdue, upcoming


# --- A partner's own edits of the plan (the "my duo" page): each recorded in the action's history -----------------


def action_history_record(*, action: Action, by, note: str) -> ActionUpdate:
    """Record a change of the plan in the action's dated updates and in its history (who, when, why)."""
    update = ActionUpdate.objects.create(
        action=action, status=action.status, note=note, author=by, date=timezone.localdate()
    )
    action._change_reason = note[:100]
    action._history_user = by
    action.save(update_fields=["status"])  # a historical record of the action, with the reason and its author
    return update


@transaction.atomic
def milestone_postpone(*, milestone: Milestone, due, reason: str, by) -> Milestone:
    """Move an open milestone to a later due date, saying why; the reason goes to the action's history."""
    milestone = Milestone.objects.select_for_update().select_related("action").get(pk=milestone.pk)
    reason = (reason or "").strip()
    if milestone.done_on is not None:
        raise WorkshopError(_("This milestone is done: it cannot be postponed."))
    if not reason:
        raise WorkshopError(_("Say why the milestone is postponed."))
    if due <= milestone.due:
        raise WorkshopError(_("Postponing moves the milestone to a later date than its current one."))
    previous = milestone.due
    milestone.due = due
    milestone.save(update_fields=["due"])
    note = _("Milestone “%(title)s” postponed from %(old)s to %(new)s: %(reason)s") % {
        "title": milestone.title,
        "old": previous.isoformat(),
        "new": due.isoformat(),
        "reason": reason,
    }
    action_history_record(action=milestone.action, by=by, note=note)
    return milestone


@transaction.atomic
def milestone_edit(*, milestone: Milestone, title: str, due, by) -> Milestone:
    """Rename a milestone or change its due date; the change goes to the action's history."""
    milestone = Milestone.objects.select_for_update().select_related("action").get(pk=milestone.pk)
    title = (title or "").strip()
    if not title:
        raise WorkshopError(_("A milestone needs a title."))
    changes = []
    if title != milestone.title:
        changes.append(_("title “%(old)s” → “%(new)s”") % {"old": milestone.title, "new": title})
    if due != milestone.due:
        changes.append(_("due %(old)s → %(new)s") % {"old": milestone.due.isoformat(), "new": due.isoformat()})
    if not changes:
        return milestone
    milestone.title, milestone.due = title, due
    milestone.save(update_fields=["title", "due"])
    note = _("Milestone edited: %(changes)s") % {"changes": "; ".join(changes)}
    action_history_record(action=milestone.action, by=by, note=note)
    return milestone


@transaction.atomic
def milestone_add(*, action: Action, title: str, due, by) -> Milestone:
    """Add a milestone to an action; recorded in the action's history."""
    title = (title or "").strip()
    if not title:
        raise WorkshopError(_("A milestone needs a title."))
    milestone = Milestone.objects.create(action=action, title=title, due=due)
    note = _("Milestone added: “%(title)s”, due %(due)s") % {"title": title, "due": due.isoformat()}
    action_history_record(action=action, by=by, note=note)
    return milestone


@transaction.atomic
def action_owners_set(*, action: Action, owners, by) -> Action:
    """Set who carries an action (organisations of the duo's cities); the change goes to the action's history."""
    owners = list(owners)
    allowed = {city.pk for city in action.plan_cities()}
    foreign = [owner for owner in owners if owner.city_id not in allowed]
    if foreign:
        raise WorkshopError(
            _("%(name)s is not an organisation of the plan's cities.") % {"name": ", ".join(map(str, foreign))}
        )
    before = sorted(str(owner) for owner in action.owners.all())
    after = sorted(str(owner) for owner in owners)
    if before == after:
        return action
    action.owners.set(owners)
    note = _("Owners changed: %(old)s → %(new)s") % {
        "old": ", ".join(before) or _("none"),
        "new": ", ".join(after) or _("none"),
    }
    action_history_record(action=action, by=by, note=note)
    return action


@transaction.atomic
def milestone_mark_done(*, milestone: Milestone, by, on: date | None = None) -> Milestone:
    """Tick a milestone done (on a given day, today by default); the action's progress follows from it."""
    if milestone.done_on is not None:
        raise WorkshopError(_("This milestone is already done."))
    milestone.done_on = on or timezone.localdate()
    milestone.save(update_fields=["done_on"])
    day = milestone.done_on.isoformat()
    note = _("Milestone “%(title)s” done on %(day)s.") % {"title": milestone.title, "day": day}
    action_history_record(action=milestone.action, by=by, note=note)
    return milestone
