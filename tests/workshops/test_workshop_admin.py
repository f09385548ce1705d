"""The admin where the team prepares a workshop: the default criteria to weigh, and the way to the vote's console."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import ProposalFactory
from tests.workshops.plan_data import action_for
from workshops import services
from workshops.models import Criterion, Proposal, Workshop

INLINES = ("criteria", "participants", "proposals", "vulnerabilities", "photos")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def management_forms(**totals) -> dict:
    data = {}
    for prefix in INLINES:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(totals.get(prefix, 0)),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data


def workshop_form(city, title: str, slug: str, code: str) -> dict:
    """The fields of a new workshop on 14 December 2026 at 09:00, as the admin's form posts them."""
    return {
        "city": city.pk,
        "format": Workshop.Format.ACTION_PLANNING,
        "title_en": title,
        "slug": slug,
        "starts_at_0": "2026-12-14",
        "starts_at_1": "09:00:00",
        "code": code,
    }


def test_a_workshop_added_in_the_admin_gets_the_default_criteria_to_weigh(client, superuser, duo_b):
    client.force_login(superuser)
    data = {
        **workshop_form(duo_b.partner_city, "Fez priorities", "fez-priorities", "FEZ234"),
        **management_forms(),
    }

    response = client.post(reverse("admin:workshops_workshop_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    workshop = Workshop.objects.get(slug="fez-priorities")
    assert list(workshop.criteria.order_by("order").values_list("code", flat=True)) == [
        "impact",
        "feasibility",
        "cost",
        "urgency",
    ]


def test_criteria_typed_in_the_admin_are_kept_without_defaults_added(client, superuser, duo_b):
    client.force_login(superuser)
    data = {
        **workshop_form(duo_b.partner_city, "Fez priorities", "fez-priorities", "FEZ234"),
        **management_forms(criteria=1),
        "criteria-0-order": "0",
        "criteria-0-code": "reach",
        "criteria-0-name_en": "People reached",
        "criteria-0-weight": "1",
        "criteria-0-scale_min": "1",
        "criteria-0-scale_max": "5",
    }

    response = client.post(reverse("admin:workshops_workshop_add"), data)

    assert response.status_code == 302
    assert list(Criterion.objects.values_list("code", flat=True)) == ["reach"]


def test_the_workshop_admin_leads_to_the_facilitator_console_and_the_projector(client, superuser, duo_b):
    workshop = services.workshop_create(city=duo_b.partner_city, title_en="Fez priorities", starts_at=timezone.now())
    client.force_login(superuser)

    response = client.get(reverse("admin:workshops_workshop_change", args=[workshop.pk]))

    assert response.status_code == 200
    assert reverse("voting:facilitate", kwargs={"slug": workshop.slug}) in response.text
    assert reverse("voting:ranking", kwargs={"code": workshop.code}) in response.text
    assert workshop.get_absolute_url() == reverse("workshops:workshop-detail", kwargs={"slug": workshop.slug})


def test_the_criteria_cannot_be_changed_in_the_admin_once_the_vote_has_opened(client, superuser, duo_b):
    workshop = services.workshop_create(city=duo_b.partner_city, title_en="Fez priorities", starts_at=timezone.now())
    ProposalFactory(workshop=workshop, title_en="School canteens")
    services.vote_open(workshop=workshop)
    impact = workshop.criteria.get(code="impact")
    client.force_login(superuser)
    url = reverse("admin:workshops_workshop_change", args=[workshop.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update(
        {
            "city": workshop.city_id,
            "starts_at_0": "2026-12-14",
            "starts_at_1": "09:00:00",
            "facilitators": [],
            **management_forms(proposals=1),
            "proposals-INITIAL_FORMS": "1",
            "proposals-0-id": workshop.proposals.get().pk,
            "proposals-0-workshop": workshop.pk,
            "proposals-0-title_en": "School canteens",
            "proposals-0-order": "0",
            "proposals-0-source": "live",
            "criteria-TOTAL_FORMS": "1",
            "criteria-INITIAL_FORMS": "1",
            "criteria-0-id": impact.pk,
            "criteria-0-workshop": workshop.pk,
            "criteria-0-order": "0",
            "criteria-0-code": "impact",
            "criteria-0-name_en": "Impact",
            "criteria-0-weight": "9",
            "criteria-0-scale_min": "1",
            "criteria-0-scale_max": "5",
            "criteria-0-DELETE": "on",
        }
    )
    data = {key: value for key, value in data.items() if key not in ("vote", "vote_closed_at")}

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert 'name="criteria-0-weight"' not in page.text
    impact.refresh_from_db()
    assert impact.weight == 2
    assert workshop.criteria.count() == 4


def test_a_workshop_abroad_is_typed_shown_and_exported_in_its_citys_local_time(client, superuser, duo_a):
    hcmc = duo_a.partner_city
    hcmc.timezone = "Asia/Ho_Chi_Minh"  # UTC+7 all year, five or six hours ahead of Paris
    hcmc.save(update_fields=["timezone"])
    client.force_login(superuser)
    data = {
        **workshop_form(hcmc, "Saigon market stakeholders", "saigon-market", "HCM234"),
        "ends_at_0": "2026-12-14",
        "ends_at_1": "12:30:00",
        "is_published": "on",
        **management_forms(),
    }

    response = client.post(reverse("admin:workshops_workshop_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    workshop = Workshop.objects.get(slug="saigon-market")
    assert workshop.starts_at == datetime(2026, 12, 14, 2, 0, tzinfo=UTC)  # 09:00 in Ho Chi Minh City
    assert workshop.ends_at == datetime(2026, 12, 14, 5, 30, tzinfo=UTC)
    change = client.get(reverse("admin:workshops_workshop_change", args=[workshop.pk])).content.decode()
    assert 'name="starts_at_1" value="09:00:00"' in change
    page = client.get(reverse("workshops:workshop-detail", args=[workshop.slug])).content.decode()
    assert "Dec. 14, 2026, 9 a.m. – 12:30 p.m." in page and "local time, Asia/Ho_Chi_Minh" in page
    ics = client.get(reverse("workshops:workshop-ics", args=[workshop.slug])).content.decode()
    assert "DTSTART:20261214T020000Z" in ics

    # Saving the form again without touching the times keeps them.
    data.update({"_continue": "1"})
    again = client.post(reverse("admin:workshops_workshop_change", args=[workshop.pk]), {**data, **_existing(workshop)})
    assert again.status_code == 302, list(again.context["errors"]) if again.context else ""
    workshop.refresh_from_db()
    assert workshop.starts_at == datetime(2026, 12, 14, 2, 0, tzinfo=UTC)


def _existing(workshop) -> dict:
    """The management forms of a saved workshop: its default criteria are now initial forms."""
    criteria = list(workshop.criteria.order_by("order"))
    data = {"criteria-TOTAL_FORMS": str(len(criteria)), "criteria-INITIAL_FORMS": str(len(criteria))}
    for index, criterion in enumerate(criteria):
        data.update(
            {
                f"criteria-{index}-id": str(criterion.pk),
                f"criteria-{index}-workshop": str(workshop.pk),
                f"criteria-{index}-code": criterion.code,
                f"criteria-{index}-name_en": criterion.name_en,
                f"criteria-{index}-name_fr": criterion.name_fr or "",
                f"criteria-{index}-scale_min": str(criterion.scale_min),
                f"criteria-{index}-scale_max": str(criterion.scale_max),
                f"criteria-{index}-weight": str(criterion.weight),
                f"criteria-{index}-order": str(criterion.order),
            }
        )
    return data


def test_the_proposals_of_a_vote_that_has_opened_can_be_reworded_but_not_added_nor_deleted(client, superuser, duo_b):
    workshop = services.workshop_create(city=duo_b.partner_city, title_en="Fez priorities", starts_at=timezone.now())
    proposal = ProposalFactory(workshop=workshop, title_en="School canteens")
    services.vote_open(workshop=workshop)
    client.force_login(superuser)

    page = client.get(reverse("admin:workshops_workshop_change", args=[workshop.pk]))
    proposals = next(f for f in page.context["inline_admin_formsets"] if f.formset.prefix == "proposals")
    assert not proposals.has_add_permission and not proposals.has_delete_permission
    assert proposals.has_change_permission  # a typo can still be fixed
    delete = client.post(reverse("admin:workshops_proposal_delete", args=[proposal.pk]), {"post": "yes"})
    assert delete.status_code == 403 and Proposal.objects.filter(pk=proposal.pk).exists()
    late = Proposal(workshop=workshop, title_en="Added during the vote")
    with pytest.raises(ValidationError, match="can no longer be added"):
        late.full_clean()


def test_a_status_update_typed_in_the_admin_moves_the_action_and_is_signed(client, superuser, duo_a):
    action = action_for(duo_a, title="Local sourcing of school canteens")
    client.force_login(superuser)
    url = reverse("admin:workshops_action_change", args=[action.pk])
    form = client.get(url).context["adminform"].form
    data = {
        name: value for name, value in form.initial.items() if value not in (None, "") and not isinstance(value, list)
    }
    data.update(
        {
            "duo": duo_a.pk,
            "milestones-TOTAL_FORMS": "0",
            "milestones-INITIAL_FORMS": "0",
            "updates-TOTAL_FORMS": "1",
            "updates-INITIAL_FORMS": "0",
            "updates-0-date": "2026-11-02",
            "updates-0-status": "in_progress",
            "updates-0-note": "The first canteen buys from two farms.",
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302, list(response.context["errors"]) if response.context else ""
    action.refresh_from_db()
    assert action.status == "in_progress"
    assert action.updates.get().author == superuser
