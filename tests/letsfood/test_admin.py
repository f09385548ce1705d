"""Admin smoke test: every model's list and edit pages open for a superuser; cities are edited on a map."""

import re

import pytest
from django.urls import reverse

from tests.factories import (
    DuoFactory,
    IndicatorFactory,
    OrganisationFactory,
    PillarFactory,
    RecommendedActionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def one_of_each(superuser):
    duo = DuoFactory()
    action = RecommendedActionFactory()
    indicator = IndicatorFactory(category=action.category, framework=action.framework)
    indicator.actions.add(action)
    return {
        "cities.city": duo.french_city,
        "cities.duo": duo,
        "cities.organisation": OrganisationFactory(city=duo.partner_city),
        "assessments.framework": action.framework,
        "assessments.category": action.category,
        "assessments.recommendedaction": action,
        "assessments.indicator": indicator,
        "assessments.pillar": PillarFactory(code="governance", order=1, name_en="Governance"),
        "accounts.user": superuser,
    }


MODELS = [
    "cities.city",
    "cities.duo",
    "cities.organisation",
    "assessments.framework",
    "assessments.category",
    "assessments.recommendedaction",
    "assessments.indicator",
    "assessments.pillar",
    "accounts.user",
]


@pytest.mark.parametrize("model", MODELS)
def test_admin_changelist_opens(admin_client, one_of_each, model):
    app_label, model_name = model.split(".")

    response = admin_client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))

    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1


@pytest.mark.parametrize("model", MODELS)
def test_admin_change_page_opens(admin_client, one_of_each, model):
    obj = one_of_each[model]
    app_label, model_name = model.split(".")

    response = admin_client.get(reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk]))

    assert response.status_code == 200
    assert response.context["original"] == obj


@pytest.mark.parametrize("model", MODELS)
def test_admin_add_page_opens(admin_client, model):
    app_label, model_name = model.split(".")

    assert admin_client.get(reverse(f"admin:{app_label}_{model_name}_add")).status_code == 200


def test_city_change_page_edits_the_location_on_a_map_with_its_coordinates(admin_client, one_of_each):
    city = one_of_each["cities.city"]

    response = admin_client.get(reverse("admin:cities_city_change", args=[city.pk]))

    html = response.content.decode()
    assert 'id="id_location_map"' in html
    assert f'name="location_latitude" id="id_location_latitude" value="{city.latitude:g}"' in html
    assert f'name="location_longitude" id="id_location_longitude" value="{city.longitude:g}"' in html
    assert re.search(r'<script[^>]+src="[^"]*/vendor/leaflet/leaflet\.js"', html)
    assert re.search(r'<script[^>]+src="[^"]*/js/point-widget\.js"', html)


def test_city_map_widget_runs_no_inline_script(admin_client, one_of_each):
    city = one_of_each["cities.city"]

    response = admin_client.get(reverse("admin:cities_city_change", args=[city.pk]))

    html = response.content.decode()
    assert "'unsafe-inline'" not in response["Content-Security-Policy"].split("script-src")[1].split(";")[0]
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    for attributes in inline_scripts:
        assert 'type="application/json"' in attributes, attributes


def test_a_partner_cannot_open_the_admin(client, partner_a):
    client.force_login(partner_a)

    response = client.get(reverse("admin:cities_city_changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
