"""Who may read, edit and move assessments along their workflow (django-rules; used by pages, admin and API)."""

import rules

from cities.predicates import assigned_city_ids, duo_city_ids
from core.predicates import is_partner, is_reviewer, is_student, is_team


def _assessment_of(obj):
    """Return the assessment an object belongs to (the object itself for an assessment)."""
    return getattr(obj, "assessment", obj)


@rules.predicate
def is_archived(user, obj) -> bool:
    return obj is not None and _assessment_of(obj).status == "archived"


@rules.predicate
def is_published(user, obj) -> bool:
    return obj is not None and _assessment_of(obj).status == "published"


@rules.predicate
def is_draft(user, obj) -> bool:
    return obj is not None and _assessment_of(obj).status == "draft"


@rules.predicate
def is_in_review(user, obj) -> bool:
    return obj is not None and _assessment_of(obj).status == "in_review"


@rules.predicate
def is_editable(user, obj) -> bool:
    return obj is None or _assessment_of(obj).is_editable


@rules.predicate
def is_assigned_to_city(user, obj) -> bool:
    """The student is assigned to the assessment's city (any of their cities when no object is given)."""
    if obj is None:
        return bool(assigned_city_ids(user))
    return _assessment_of(obj).city_id in assigned_city_ids(user)


@rules.predicate
def is_shared_with_partner(user, obj) -> bool:
    assessment = _assessment_of(obj) if obj is not None else None
    return bool(assessment and assessment.shared_with_partners and assessment.city_id in duo_city_ids(user))


@rules.predicate
def is_draft_or_new(user, obj) -> bool:
    return obj is None or _assessment_of(obj).status == "draft"


# Reading: the public reads published assessments; drafts are for the team, the assigned students and, when the
# team shares them, the partners of the duo.
can_view = (
    is_published | is_team | is_reviewer | (is_student & is_assigned_to_city) | (is_partner & is_shared_with_partner)
)
# Reviewing (sending back, publishing): the team, and reviewers, who have no other right of the team's.
can_review = (is_team | is_reviewer) & is_in_review
# Editing content (the assessment, its ratings, values, challenges, initiatives): the team until publication,
# students on the drafts of their cities. A published assessment is read-only until reopened.
can_edit = (is_team & is_editable) | (is_student & is_assigned_to_city & is_draft_or_new)

rules.add_perm("assessments.view_assessment", can_view)
rules.add_perm("assessments.add_assessment", is_team | (is_student & is_assigned_to_city))
rules.add_perm("assessments.change_assessment", can_edit)
rules.add_perm("assessments.delete_assessment", is_team & is_draft_or_new)
rules.add_perm("assessments.submit_assessment", can_edit & is_draft)
rules.add_perm("assessments.publish_assessment", can_review)
rules.add_perm("assessments.send_back_assessment", can_review)
rules.add_perm("assessments.reopen_assessment", is_team & (is_published | is_archived))
rules.add_perm("assessments.archive_assessment", is_team & is_published)

for model in ("categoryassessment", "indicatorvalue", "challenge", "initiative"):
    rules.add_perm(f"assessments.view_{model}", can_view)
    rules.add_perm(f"assessments.add_{model}", can_edit)
    rules.add_perm(f"assessments.change_{model}", can_edit)
    rules.add_perm(f"assessments.delete_{model}", can_edit)

# The framework is reference data: the team edits it, everyone reads it.
for model in ("framework", "category", "recommendedaction", "indicator", "pillar"):
    rules.add_perm(f"assessments.view_{model}", rules.always_allow)
    for action in ("add", "change", "delete"):
        rules.add_perm(f"assessments.{action}_{model}", is_team)
rules.add_perm("assessments.view_transition", is_team | is_reviewer | is_student)
# Who sees the app in the admin at all.
rules.add_perm("assessments", is_team | is_reviewer | is_student)
