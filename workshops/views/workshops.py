"""Public pages of missions and workshops, their private notes for the duo, and their iCalendar export."""

from collections import Counter
from datetime import UTC, datetime

from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext

from cities.models import City
from core.predicates import is_team

from .. import ics
from ..models import Action, Mission, Participant, Photo, Workshop
from ..services import action_progress, ranking_current

FEED_LIMIT = 200  # the feed covers the programme's published workshops, newest first


def person_name(user) -> str:
    return user.get_full_name() or user.get_username()


def mission_list(request):
    missions = Mission.objects.published().select_related("city")
    return render(request, "workshops/mission_list.html", {"missions": missions})


def mission_detail(request, slug):
    mission = get_object_or_404(
        Mission.objects.published()
        .select_related("city")
        .prefetch_related(
            "team_members",
            "universities",
            Prefetch("photos", queryset=Photo.objects.order_by("id")),
            Prefetch("workshops", queryset=Workshop.objects.published().order_by("starts_at")),
        ),
        slug=slug,
    )
    team = [person_name(user) for user in mission.team_members.all()]
    team += [name.strip() for name in mission.team_member_names.split(",") if name.strip()]
    return render(request, "workshops/mission_detail.html", {"mission": mission, "team": team})


def workshop_for_user(request, slug: str) -> Workshop:
    """Return the workshop if the user may see it: published, or private to the team and the duo's partners (404)."""
    workshop = get_object_or_404(Workshop.objects.select_related("city", "mission", "scenario"), slug=slug)
    if not workshop.is_published and not request.user.has_perm("workshops.view_workshop_private", workshop):
        raise Http404
    return workshop


def workshop_list(request):
    workshops = Workshop.objects.published().select_related("city", "mission").order_by("-starts_at")
    cities = City.objects.filter(workshops__is_published=True).distinct().order_by("name")
    city = request.GET.get("city", "")
    format_ = request.GET.get("format", "")
    if city:
        workshops = workshops.filter(city__slug=city)
    if format_ in Workshop.Format.values:
        workshops = workshops.filter(format=format_)
    context = {
        "workshops": workshops,
        "cities": cities,
        "formats": Workshop.Format.choices,
        "selected_city": city,
        "selected_format": format_,
    }
    return render(request, "workshops/workshop_list.html", context)


def participants_public(workshop: Workshop) -> dict:
    """Return what may be said in public of a workshop's participants: the consenting names, the others only counted,
    and the count by stakeholder kind."""
    participants = list(workshop.participants.select_related("organisation").order_by("name"))
    named = [participant for participant in participants if participant.consents_to_be_named]
    kinds = Counter(participant.kind for participant in participants)
    return {
        "total": len(participants),
        "named": named,
        "unnamed": len(participants) - len(named),
        "by_kind": [(Participant.Kind(kind).label, count) for kind, count in kinds.most_common()],
    }


def workshop_outcomes(workshop: Workshop, user) -> list[dict]:
    """Return the actions of the duos' plans born from the workshop's proposals, as far as the user may read them,
    in the order of the ranking, each with its progress."""
    actions = (
        Action.objects.visible_to(user)
        .filter(proposal__workshop=workshop)
        .select_related("duo", "territory", "proposal__ranking")
        .prefetch_related("milestones")
        .order_by("proposal__ranking__rank", "proposal__order", "id")
    )
    return [{"action": action, "progress": action_progress(action)} for action in actions]


def workshop_detail(request, slug):
    workshop = workshop_for_user(request, slug)
    proposals = workshop.proposals.select_related("category").prefetch_related("challenges", "actions")
    facilitators = list(workshop.facilitators.all())
    context = {
        "workshop": workshop,
        "facilitators": [person_name(user) for user in facilitators],
        "can_facilitate": is_team(request.user) or request.user in facilitators,
        "outcomes": workshop_outcomes(workshop, request.user),
        "participants": participants_public(workshop),
        "photos": workshop.photos.order_by("id"),
        "proposals": proposals,
        "ranking": ranking_current(workshop=workshop) if workshop.vote == Workshop.Vote.CLOSED else None,
        "can_view_private": request.user.has_perm("workshops.view_workshop_private", workshop),
    }
    return render(request, "workshops/workshop_detail.html", context)


def workshop_notes(request, slug):
    """The workshop's private notes: "not found" for anyone but the team and the duo's partners, as if absent."""
    workshop = get_object_or_404(Workshop.objects.select_related("city", "mission"), slug=slug)
    if not request.user.has_perm("workshops.view_workshop_private", workshop):
        raise Http404
    return render(request, "workshops/workshop_notes.html", {"workshop": workshop})


def _event(request, workshop: Workshop) -> ics.Event:
    url = request.build_absolute_uri(reverse("workshops:workshop-detail", kwargs={"slug": workshop.slug}))
    place = ", ".join(part for part in (workshop.venue, workshop.city.name, str(workshop.city.country.name)) if part)
    description = [f"{workshop.get_format_display()} · {workshop.city.name}"]
    if workshop.mission_id:
        description.append(gettext("Mission: %(title)s") % {"title": workshop.mission.title})
    if workshop.agenda:
        description += ["", workshop.agenda]
    description += ["", url]
    return ics.Event(
        uid=ics.workshop_uid(workshop),
        start=workshop.starts_at,
        end=workshop.ends_at,
        summary=workshop.title,
        location=place,
        description="\n".join(description),
        url=url,
    )


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def workshop_ics(request, slug):
    workshop = workshop_for_user(request, slug)
    body = ics.calendar([_event(request, workshop)], name=workshop.title, stamp=datetime.now(UTC))
    return _calendar_response(body, f"{workshop.slug}.ics")


def workshops_ics(request):
    workshops = Workshop.objects.published().select_related("city", "mission").order_by("-starts_at")[:FEED_LIMIT]
    events = [_event(request, workshop) for workshop in workshops]
    body = ics.calendar(events, name=gettext("Let's Food Cities workshops"), stamp=datetime.now(UTC))
    return _calendar_response(body, "letsfood-workshops.ics")
