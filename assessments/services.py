"""Side-effecting operations on frameworks and assessments."""

from collections import Counter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.tasks import email_send_task

from .models import (
    Assessment,
    Category,
    CategoryAssessment,
    Framework,
    Indicator,
    Pillar,
    RecommendedAction,
    Transition,
)


class AssessmentError(Exception):
    """An assessment or framework operation could not be carried out."""


MUFPP_SLUG = "mufpp-2019"


def action_source(item: dict) -> str:
    """Return the sources of a recommended action as one text: the English wording's, then the French one's."""
    source = item.get("source") or ""
    if item.get("source_fr"):
        source = f"{source} ; French wording: {item['source_fr']}" if source else f"French wording: {item['source_fr']}"
    return source


# The framework's name in each language (the reference file gives the categories', indicators' and pillars' own).
FRAMEWORK_NAMES = {
    "en": "MUFPP Monitoring Framework",
    "fr": "Cadre de suivi du Pacte de Milan",
    "es": "Marco de seguimiento del Pacto de Milán",
    "ar": "إطار رصد ميثاق ميلانو",
    "vi": "Khung giám sát Hiệp ước Milan",
    "fa": "چارچوب پایش پیمان میلان",
}


# Its description, the Pact's name and signing date, in the languages beyond English and French.
FRAMEWORK_DESCRIPTIONS = {
    "es": "Pacto de Política Alimentaria Urbana de Milán, firmado el {signed_on}.",
    "ar": "ميثاق ميلانو للسياسات الغذائية الحضرية، الموقّع في {signed_on}.",
    "vi": "Hiệp ước Chính sách Lương thực Đô thị Milan, ký ngày {signed_on}.",
    "fa": "پیمان سیاست غذایی شهری میلان، امضاشده در {signed_on}.",
}


def reference_translations(item: dict, *fields: str) -> dict:
    """Return the item's texts in the languages beyond English and French (name_es, name_fa…) that it gives."""
    return {
        f"{field}_{code}": item[f"{field}_{code}"]
        for field in fields
        for code, _name in settings.LANGUAGES
        if code not in ("en", "fr") and item.get(f"{field}_{code}")
    }


@transaction.atomic
def framework_load_mufpp(*, data: dict) -> Counter:
    """Create the MUFPP framework records missing from the database; existing records keep the team's edits."""
    created: Counter = Counter()
    framework = _mufpp_framework(data, created)
    categories = _mufpp_categories(framework, data["categories"], created)
    actions = _mufpp_actions(framework, data["actions"], categories, created)
    _mufpp_indicators(framework, data["indicators"], categories, actions, created)
    _letsfood_pillars(data["letsfood_pillars"], created)
    return created


def _mufpp_framework(data: dict, created: Counter) -> Framework:
    pact = data["pact"]
    framework, was_created = Framework.objects.get_or_create(
        slug=MUFPP_SLUG,
        defaults={
            **{f"name_{code}": name for code, name in FRAMEWORK_NAMES.items()},
            "version": "2019",
            "description_en": f"{pact['name_en']}, signed on {pact['signed_on']}.",
            "description_fr": f"{pact['name_fr']}, signé le {pact['signed_on']}.",
            **{
                f"description_{code}": text.format(signed_on=pact["signed_on"])
                for code, text in FRAMEWORK_DESCRIPTIONS.items()
            },
            "source": data["citation"],  # "about" describes the file for the team; the public reads the citation
        },
    )
    created["frameworks"] += was_created
    return framework


def _mufpp_categories(framework: Framework, items: list[dict], created: Counter) -> dict[str, Category]:
    """Return the framework's categories by code, creating the missing ones."""
    categories = {}
    for order, item in enumerate(items, start=1):
        category, was_created = Category.objects.get_or_create(
            framework=framework,
            code=item["code"],
            defaults={
                "order": order,
                "name_en": item["name_en"],
                "name_fr": item["name_fr"],
                "short_name_en": item.get("short_name_en", ""),
                "short_name_fr": item.get("short_name_fr", ""),
                **reference_translations(item, "name", "short_name"),
                "source": item.get("source", ""),
            },
        )
        categories[item["code"]] = category
        created["categories"] += was_created
    return categories


def _mufpp_actions(
    framework: Framework, items: list[dict], categories: dict[str, Category], created: Counter
) -> dict[int, RecommendedAction]:
    """Return the framework's recommended actions by number, creating the missing ones."""
    actions = {}
    for item in items:
        if item["category"] not in categories:
            raise AssessmentError(f"Action {item['number']}: unknown category {item['category']!r}.")
        action, was_created = RecommendedAction.objects.get_or_create(
            framework=framework,
            number=item["number"],
            defaults={
                "category": categories[item["category"]],
                "title_en": item["title_en"],
                "title_fr": item.get("title_fr", ""),
                "short_title_en": item.get("short_title_en", ""),
                "short_title_fr": item.get("short_title_fr", ""),
                **reference_translations(item, "short_title"),
                "verified": bool(item.get("verified")),
                "note": item.get("note") or "",
                "source": action_source(item),
            },
        )
        actions[item["number"]] = action
        created["actions"] += was_created
    return actions


def _mufpp_indicators(
    framework: Framework, items: list[dict], categories: dict, actions: dict, created: Counter
) -> None:
    """Create the missing indicators, each linked to the actions it follows."""
    for item in items:
        indicator, was_created = Indicator.objects.get_or_create(
            framework=framework,
            code=f"mufpp-{item['number']:02d}",
            defaults={
                "number": item["number"],
                "category": categories[item["category"]],
                "name_en": item["name_en"],
                "name_fr": item.get("name_fr", ""),
                **reference_translations(item, "name"),
                "unit": item.get("unit") or "",
                "value_type": item.get("value_type", Indicator.ValueType.NUMBER),
                "direction": item.get("direction", Indicator.Direction.NEUTRAL),
                "per_capita": bool(item.get("per_capita")),
                "verified": bool(item.get("verified")),
                "note": "; ".join(filter(None, [item.get("note"), item.get("unit_note")])),
                "source": item.get("source") or "",
            },
        )
        if was_created:
            indicator.actions.set([actions[number] for number in item.get("actions", [])])
        created["indicators"] += was_created


def _letsfood_pillars(items: list[dict], created: Counter) -> None:
    for order, item in enumerate(items, start=1):
        _, was_created = Pillar.objects.get_or_create(
            code=slugify(item["name_en"]),
            defaults={
                "order": order,
                "name_en": item["name_en"],
                "name_fr": item["name_fr"],
                **reference_translations(item, "name"),
            },
        )
        created["pillars"] += was_created


def _require(user, perm: str, obj, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise AssessmentError(message)


@transaction.atomic
def assessment_create(*, city, year: int, by, framework: Framework | None = None, **fields) -> Assessment:
    """Create the assessment of a city for an edition, with one empty reading per category of the framework."""
    framework = framework or Framework.objects.get(slug=MUFPP_SLUG)
    if not by.has_perm("assessments.add_assessment") or (
        by.role == "student" and not by.assigned_cities.filter(pk=city.pk).exists()
    ):
        raise AssessmentError(_("You may not create an assessment for %(city)s.") % {"city": city})
    if Assessment.objects.filter(city=city, framework=framework, year=year).exists():
        raise AssessmentError(_("%(city)s already has an assessment for %(year)s.") % {"city": city, "year": year})
    assessment = Assessment(city=city, framework=framework, year=year, **fields)
    assessment._history_user = by  # also outside a request (shell, task), where no middleware names the user
    assessment.save()
    assessment_categories_ensure(assessment=assessment)
    if by.role == "student":
        assessment.authors.add(by)
    return assessment


def assessment_categories_ensure(*, assessment: Assessment) -> int:
    """Create the missing per-category readings of an assessment; return how many were created."""
    existing = set(assessment.category_assessments.values_list("category_id", flat=True))
    missing = [
        CategoryAssessment(assessment=assessment, category=category)
        for category in assessment.framework.categories.all()
        if category.pk not in existing
    ]
    bulk_create_with_history(missing, CategoryAssessment)
    return len(missing)


def _transition(*, assessment: Assessment, to_status: str, by, comment: str = "") -> Assessment:
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if locked.status != assessment.status:
        raise AssessmentError(_("The assessment was changed by someone else meanwhile; reload it and try again."))
    from_status = locked.status
    locked.status = to_status
    now = timezone.now()
    update = ["status", "updated"]
    if to_status == Assessment.Status.IN_REVIEW:
        locked.submitted_at = now
        update.append("submitted_at")
    if to_status == Assessment.Status.PUBLISHED:
        locked.published_at = now
        update.append("published_at")
    locked._change_reason = comment or f"{from_status} → {to_status}"
    locked._history_user = by
    locked.save(update_fields=update)
    Transition.objects.create(assessment=locked, from_status=from_status, to_status=to_status, by=by, comment=comment)
    if to_status == Assessment.Status.PUBLISHED and by.pk:
        locked.reviewers.add(by)
    assessment.refresh_from_db()
    return assessment


@transaction.atomic
def assessment_submit(*, assessment: Assessment, by, comment: str = "") -> Assessment:
    """Send a draft for review; the reviewers are told by email."""
    _require(by, "assessments.submit_assessment", assessment, _("Only a draft you may edit can be submitted."))
    assessment = _transition(assessment=assessment, to_status=Assessment.Status.IN_REVIEW, by=by, comment=comment)
    workflow_emails_queue(name="assessment-submitted", assessment=assessment, by=by, comment=comment)
    return assessment


@transaction.atomic
def assessment_publish(*, assessment: Assessment, by, comment: str = "") -> Assessment:
    """Publish an assessment under review: from now on the public sees it and it is read-only.

    Its contributors and the partner users of its city are told by email.
    """
    _require(by, "assessments.publish_assessment", assessment, _("Only a reviewer can publish an assessment."))
    assessment = _transition(assessment=assessment, to_status=Assessment.Status.PUBLISHED, by=by, comment=comment)
    workflow_emails_queue(name="assessment-published", assessment=assessment, by=by, comment=comment)
    return assessment


@transaction.atomic
def assessment_send_back(*, assessment: Assessment, by, comment: str) -> Assessment:
    """Return an assessment under review to its authors, with the reviewer's comment (emailed to them)."""
    _require(by, "assessments.send_back_assessment", assessment, _("Only a reviewer can send an assessment back."))
    if not comment or not comment.strip():
        raise AssessmentError(_("Say what needs changing: sending back needs a comment."))
    assessment = _transition(assessment=assessment, to_status=Assessment.Status.DRAFT, by=by, comment=comment.strip())
    workflow_emails_queue(name="assessment-sent-back", assessment=assessment, by=by, comment=comment.strip())
    return assessment


@transaction.atomic
def assessment_reopen(*, assessment: Assessment, by, comment: str = "") -> Assessment:
    """Reopen a published or archived assessment as a draft so that it can be corrected."""
    _require(by, "assessments.reopen_assessment", assessment, _("Only the team can reopen a published assessment."))
    return _transition(assessment=assessment, to_status=Assessment.Status.DRAFT, by=by, comment=comment)


@transaction.atomic
def assessment_archive(*, assessment: Assessment, by, comment: str = "") -> Assessment:
    """Archive a published assessment (a later edition replaces it)."""
    _require(by, "assessments.archive_assessment", assessment, _("Only the team can archive a published assessment."))
    return _transition(assessment=assessment, to_status=Assessment.Status.ARCHIVED, by=by, comment=comment)


# --- Who is told of a workflow step, and what they read ---------------------------------------------------------


def assessment_contributors(assessment: Assessment) -> Q:
    """Return the condition of an assessment's contributors: its authors and whoever submitted it."""
    submitters = Transition.objects.filter(assessment=assessment, to_status=Assessment.Status.IN_REVIEW)
    return Q(authored_assessments=assessment) | Q(pk__in=submitters.values("by_id"))


def workflow_recipients(*, name: str, assessment: Assessment, by) -> list:
    """Return the active users with an email address to tell of a workflow step (never the one who took it).

    Submitted: the reviewers named on the assessment, or else every reviewer and team member. Sent back: the
    contributors. Published: the contributors and the partner users of the assessment's city.
    """
    users = get_user_model().objects.filter(is_active=True).exclude(email="").exclude(pk=by.pk)
    if name == "assessment-submitted":
        named = users.filter(reviewed_assessments=assessment)
        wanted = named if named.exists() else users.filter(Q(role__in=["team", "reviewer"]) | Q(is_superuser=True))
    elif name == "assessment-sent-back":
        wanted = users.filter(assessment_contributors(assessment))
    elif name == "assessment-published":
        wanted = users.filter(assessment_contributors(assessment) | Q(role="partner", city_id=assessment.city_id))
    else:
        raise ValueError(f"Unknown workflow email: {name}")
    return list(wanted.distinct().order_by("pk"))


def workflow_email_context(*, assessment: Assessment, by, comment: str) -> dict:
    """Return the context of a workflow email in the active language (plain strings: it travels as JSON)."""
    admin_path = reverse("admin:assessments_assessment_change", args=[assessment.pk])
    return {
        "assessment": f"{assessment.city.name} {assessment.year}",
        "city": assessment.city.name,
        "year": assessment.year,
        "by": by.get_full_name() or by.get_username(),
        "comment": comment,
        "admin_url": settings.SITE_URL + admin_path,
        "public_url": settings.SITE_URL + assessment.get_absolute_url(),
    }


def workflow_emails_queue(*, name: str, assessment: Assessment, by, comment: str = "") -> int:
    """Queue the email of a workflow step to each recipient, in their language, once the step is committed."""
    recipients = workflow_recipients(name=name, assessment=assessment, by=by)
    contexts: dict[str, dict] = {}
    for user in recipients:
        language = user.email_language
        if language not in contexts:
            with translation.override(language):
                contexts[language] = workflow_email_context(assessment=assessment, by=by, comment=comment)
        context = {**contexts[language], "name": user.get_full_name() or user.get_username()}
        transaction.on_commit(
            lambda to=[user.email], context=context, language=language: email_send_task.delay(
                name=name, to=to, context=context, language=language
            )
        )
    return len(recipients)
