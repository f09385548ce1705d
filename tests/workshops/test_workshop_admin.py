"""The admin where the team prepares a workshop: the default criteria to weigh, and the way to the vote's console."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

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


def test_a_workshop_added_in_the_admin_gets_the_default_criteria_to_weigh(client, superuser, duo_b):
    client.force_login(superuser)
    data = {
        "city": duo_b.partner_city.pk,
        "format": Workshop.Format.ACTION_PLANNING,
        "title_en": "Fez priorities",
        "slug": "fez-priorities",
        "starts_at_0": "2026-12-14",
        "starts_at_1": "09:00:00",
        "code": "FEZ234",
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
        "city": duo_b.partner_city.pk,
        "format": Workshop.Format.ACTION_PLANNING,
        "title_en": "Fez priorities",
        "slug": "fez-priorities",
        "starts_at_0": "2026-12-14",
        "starts_at_1": "09:00:00",
        "code": "FEZ234",
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
    Proposal.objects.create(workshop=workshop, title_en="School canteens")
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
