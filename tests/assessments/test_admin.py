"""The assessments admin: who sees what, the workflow buttons, read-only publications, spreadsheet imports, history."""

import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from assessments.models import Assessment, Framework, IndicatorValue, Transition
from assessments.services import MUFPP_SLUG, assessment_categories_ensure
from cities.models import City
from tests.factories import AssessmentFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mufpp(reference_data):
    return Framework.objects.get(slug=MUFPP_SLUG)


@pytest.fixture
def sfax_draft(mufpp, student):
    assessment = AssessmentFactory(city=City.objects.get(slug="sfax"), framework=mufpp, year=2019)
    assessment_categories_ensure(assessment=assessment)
    return assessment


@pytest.fixture
def fez_draft(mufpp):
    return AssessmentFactory(city=City.objects.get(slug="fez"), framework=mufpp, year=2019)


@pytest.fixture
def team_client(client, team_member):
    client.force_login(team_member)
    return client


@pytest.fixture
def student_client(client, student):
    student.is_staff = True
    student.save()
    client.force_login(student)
    return client


def change_url(assessment):
    return reverse("admin:assessments_assessment_change", args=[assessment.pk])


def workflow_url(assessment, verb):
    return reverse("admin:assessments_assessment_workflow", args=[assessment.pk, verb])


def change_form_data(assessment, **changes):
    """Return the POST data of the assessment's change page as it stands, with some changes."""
    data = {
        "edition": assessment.edition,
        "slug": assessment.slug,
        "summary_en": assessment.summary_en,
        "summary_fr": assessment.summary_fr or "",
        "_save": "Save",
    }
    for prefix in ("category_assessments", "indicator_values", "challenges", "initiatives", "transitions"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.update(changes)
    return data


# Pages and visibility


@pytest.mark.parametrize(
    "name",
    [
        "admin:assessments_assessment_changelist",
        "admin:assessments_assessment_add",
        "admin:assessments_indicatorvalue_changelist",
        "admin:assessments_indicatorvalue_import",
        "admin:assessments_initiative_changelist",
        "admin:assessments_initiative_add",
    ],
)
def test_team_and_student_open_the_assessment_admin_pages(name, sfax_draft, team_member, student, client):
    student.is_staff = True
    student.save()
    for user in (team_member, student):
        client.force_login(user)
        assert client.get(reverse(name)).status_code == 200


def test_team_and_student_open_the_change_page_of_the_sfax_draft(sfax_draft, team_member, student, client):
    student.is_staff = True
    student.save()
    for user in (team_member, student):
        client.force_login(user)
        response = client.get(change_url(sfax_draft))
        assert response.status_code == 200
        assert 'name="_save"' in response.text
        assert "Submit for review" in response.text


def test_a_student_sees_only_the_assessments_of_their_city(sfax_draft, fez_draft, student_client):
    response = student_client.get(reverse("admin:assessments_assessment_changelist"))
    assert list(response.context["cl"].result_list) == [sfax_draft]


def test_a_student_cannot_open_another_citys_assessment(sfax_draft, fez_draft, student_client):
    response = student_client.get(change_url(fez_draft))
    assert response.status_code in {302, 403, 404}
    assert response.status_code != 302 or response["Location"] == reverse("admin:index")


def test_a_student_may_only_create_assessments_for_their_cities(sfax_draft, student_client):
    response = student_client.get(reverse("admin:assessments_assessment_add"))
    cities = response.context["adminform"].form.fields["city"].queryset
    assert [city.slug for city in cities] == ["sfax"]


def test_the_team_sees_every_assessment(sfax_draft, fez_draft, team_client):
    response = team_client.get(reverse("admin:assessments_assessment_changelist"))
    assert set(response.context["cl"].result_list) == {sfax_draft, fez_draft}


def test_adding_an_assessment_creates_the_six_category_readings(mufpp, student_client, student):
    sfax = City.objects.get(slug="sfax")
    response = student_client.post(
        reverse("admin:assessments_assessment_add"),
        {"city": sfax.pk, "framework": mufpp.pk, "year": 2024, "edition": "follow_up", "summary_en": "", "_save": "1"},
    )
    assessment = Assessment.objects.get(city=sfax, year=2024)
    assert response.status_code == 302 and response["Location"] == change_url(assessment)
    assert assessment.category_assessments.count() == mufpp.categories.count() == 6
    assert list(assessment.authors.all()) == [student]


# Workflow


def test_the_workflow_buttons_move_the_assessment_and_record_each_step(sfax_draft, student_client, team_member, client):
    response = student_client.post(workflow_url(sfax_draft, "submit"))
    assert response.status_code == 302
    sfax_draft.refresh_from_db()
    assert sfax_draft.status == Assessment.Status.IN_REVIEW

    client.force_login(team_member)
    page = client.get(change_url(sfax_draft)).text
    assert "Send back" in page and "Publish" in page and "Submit for review" not in page
    client.post(workflow_url(sfax_draft, "send_back"), {"comment": "Cite the sources of the diet indicators."})
    sfax_draft.refresh_from_db()
    assert sfax_draft.status == Assessment.Status.DRAFT

    client.post(workflow_url(sfax_draft, "submit"))
    client.post(workflow_url(sfax_draft, "publish"))
    sfax_draft.refresh_from_db()
    assert sfax_draft.status == Assessment.Status.PUBLISHED
    steps = list(Transition.objects.filter(assessment=sfax_draft).values_list("from_status", "to_status", "comment"))
    assert steps == [
        ("draft", "in_review", ""),
        ("in_review", "draft", "Cite the sources of the diet indicators."),
        ("draft", "in_review", ""),
        ("in_review", "published", ""),
    ]
    page = client.get(change_url(sfax_draft)).text
    assert "Cite the sources of the diet indicators." in page  # the recorded steps, shown on the page


def test_sending_back_without_a_comment_changes_nothing(sfax_draft, team_client):
    team_client.post(workflow_url(sfax_draft, "submit"))
    response = team_client.post(workflow_url(sfax_draft, "send_back"), {"comment": "  "}, follow=True)
    sfax_draft.refresh_from_db()
    assert sfax_draft.status == Assessment.Status.IN_REVIEW
    assert "sending back needs a comment" in response.text
    assert Transition.objects.filter(assessment=sfax_draft).count() == 1


def test_a_student_cannot_publish(sfax_draft, student_client):
    student_client.post(workflow_url(sfax_draft, "submit"))
    response = student_client.post(workflow_url(sfax_draft, "publish"), follow=True)
    sfax_draft.refresh_from_db()
    assert sfax_draft.status == Assessment.Status.IN_REVIEW
    assert "Only a reviewer can publish" in response.text


def test_the_workflow_view_refuses_get(sfax_draft, team_client):
    assert team_client.get(workflow_url(sfax_draft, "submit")).status_code == 405


# Read-only publications


@pytest.mark.parametrize("who", ["team_member", "superuser"])
def test_a_published_assessment_is_read_only_even_for_a_superuser(who, sfax_draft, client, request):
    sfax_draft.status = Assessment.Status.PUBLISHED
    sfax_draft.save()
    client.force_login(request.getfixturevalue(who))

    page = client.get(change_url(sfax_draft))
    assert page.status_code == 200
    assert 'name="_save"' not in page.text and 'name="_continue"' not in page.text
    assert "Reopen" in page.text and "read-only until the team reopens it" in page.text

    response = client.post(change_url(sfax_draft), change_form_data(sfax_draft, summary_en="Rewritten"))
    assert response.status_code == 403
    sfax_draft.refresh_from_db()
    assert sfax_draft.summary_en == "A summary."


def test_reopening_makes_a_published_assessment_editable_again(sfax_draft, team_client):
    sfax_draft.status = Assessment.Status.PUBLISHED
    sfax_draft.save()
    team_client.post(workflow_url(sfax_draft, "reopen"))
    assert 'name="_save"' in team_client.get(change_url(sfax_draft)).text


# Spreadsheet import through the admin


def upload(client, csv: str):
    """Upload a CSV of indicator values and return the preview page."""
    url = reverse("admin:assessments_indicatorvalue_import")
    form = client.get(url).context["form"]
    csv_format = next(value for value, label in form.fields["format"].choices if label == "csv")
    file = SimpleUploadedFile("values.csv", csv.encode(), content_type="text/csv")
    return client.post(url, {"import_file": file, "format": csv_format})


def confirm(client, preview):
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', preview.text))
    hidden.pop("csrfmiddlewaretoken", None)
    return client.post(reverse("admin:assessments_indicatorvalue_process_import"), hidden)


GOOD_CSV = "assessment,indicator,value,no_data,reference_year,source_title\n" + (
    'sfax-2019,mufpp-07,"35,5",,2019,National survey\nsfax-2019,mufpp-01,yes,,2020,Council minutes\n'
)


def test_a_student_imports_values_with_a_preview_then_a_confirmation(sfax_draft, student_client, student):
    preview = upload(student_client, GOOD_CSV)
    assert preview.status_code == 200
    assert "Preview" in preview.text and "National survey" in preview.text
    assert not IndicatorValue.objects.exists()  # the preview saves nothing

    response = confirm(student_client, preview)
    assert response.status_code == 302
    values = {value.indicator.code: value for value in IndicatorValue.objects.filter(assessment=sfax_draft)}
    assert values["mufpp-07"].display_value == "35.5 %"
    assert values["mufpp-01"].value_boolean is True
    assert values["mufpp-07"].history.first().history_user == student  # the request user reached the resource


def test_a_bad_row_is_listed_with_its_number_column_and_reason_and_nothing_is_saved(sfax_draft, student_client):
    csv = GOOD_CSV + "sfax-2019,mufpp-12,140,,2019,Survey\n"
    response = upload(student_client, csv)
    assert response.status_code == 200
    problems = re.findall(
        r"<tr class=\"import-problem\"><td>(\d+)</td><td>(\w+)</td><td>([^<]+)</td></tr>", response.text
    )
    # The third row of data is row 4 of the spreadsheet, under its header.
    assert problems == [("4", "value", "A percentage must be between 0 and 100 (got 140).")]
    assert 'name="import_file_name"' not in response.text  # no confirmation offered
    assert not IndicatorValue.objects.exists()


def test_a_student_cannot_import_into_another_citys_draft(sfax_draft, fez_draft, student_client):
    response = upload(student_client, GOOD_CSV.replace("sfax-2019", "fez-2019"))
    assert "You may not change fez-2019" in response.text
    assert not IndicatorValue.objects.exists()


def test_only_the_team_imports_indicators(sfax_draft, student_client):
    assert student_client.get(reverse("admin:assessments_indicator_import")).status_code == 403


def test_the_change_page_links_to_the_indicator_value_import(sfax_draft, student_client):
    page = student_client.get(change_url(sfax_draft)).text
    assert reverse("admin:assessments_indicatorvalue_import") in page


# The map of an initiative


def point_widgets(page: str) -> list[dict]:
    """Return the data-attributes of each point picker on the page, in order (the inline's template row last)."""
    widgets = re.findall(r'<div class="point-widget" data-point-widget ([^>]*)>', page)
    return [dict(re.findall(r'data-([a-z-]+)="([^"]*)"', attributes)) for attributes in widgets]


def initiative_row(assessment, **fields) -> dict:
    """Return the POST data of the assessment's change page with one initiative added in its inline."""
    row = {"title_en": "Sfax farmers' market", "actor_type": "association", "status": "active", **fields}
    return change_form_data(
        assessment,
        **{"initiatives-TOTAL_FORMS": 1, **{f"initiatives-0-{name}": value for name, value in row.items()}},
    )


def test_an_initiative_not_yet_placed_opens_its_map_on_its_city(sfax_draft, student_client):
    initiative = InitiativeFactory(assessment=sfax_draft, location=None)
    sfax = sfax_draft.city

    page = student_client.get(reverse("admin:assessments_initiative_change", args=[initiative.pk])).text

    [widget] = point_widgets(page)
    assert (float(widget["centre-latitude"]), float(widget["centre-longitude"])) == (sfax.latitude, sfax.longitude)
    assert int(widget["zoom"]) >= 10
    assert 'name="location_latitude" id="id_location_latitude" value=""' in page


def test_a_placed_initiative_shows_its_coordinates_beside_the_map(sfax_draft, student_client):
    point = {"type": "Point", "coordinates": [10.7603, 34.7406]}
    initiative = InitiativeFactory(assessment=sfax_draft, location=point)

    page = student_client.get(reverse("admin:assessments_initiative_change", args=[initiative.pk])).text

    assert 'name="location_latitude" id="id_location_latitude" value="34.7406"' in page
    assert 'name="location_longitude" id="id_location_longitude" value="10.7603"' in page


def test_every_initiative_row_of_the_assessment_has_a_map_on_its_city_even_the_add_another_template(
    sfax_draft, student_client
):
    InitiativeFactory(assessment=sfax_draft, location=None)
    sfax = sfax_draft.city

    page = student_client.get(change_url(sfax_draft)).text

    widgets = point_widgets(page)
    assert len(widgets) == 2  # the saved initiative and the empty row that "Add another" clones
    for widget in widgets:
        assert (float(widget["centre-latitude"]), float(widget["centre-longitude"])) == (sfax.latitude, sfax.longitude)
    assert 'name="initiatives-__prefix__-location_latitude"' in page


def test_a_new_initiative_opens_its_map_on_the_assessment_it_is_added_to(sfax_draft, student_client):
    fez = City.objects.get(slug="fez")
    fez_assessment = AssessmentFactory(city=fez, framework=sfax_draft.framework, year=2020)

    page = student_client.get(reverse("admin:assessments_initiative_add") + f"?assessment={fez_assessment.pk}").text

    [widget] = point_widgets(page)
    assert (float(widget["centre-latitude"]), float(widget["centre-longitude"])) == (fez.latitude, fez.longitude)


def test_a_new_initiative_without_an_assessment_opens_its_map_on_the_students_city(sfax_draft, student_client):
    sfax = sfax_draft.city

    page = student_client.get(reverse("admin:assessments_initiative_add")).text

    [widget] = point_widgets(page)
    assert (float(widget["centre-latitude"]), float(widget["centre-longitude"])) == (sfax.latitude, sfax.longitude)


def test_a_student_adds_an_initiative_with_typed_coordinates_in_the_assessment(sfax_draft, student_client):
    data = initiative_row(sfax_draft, location_latitude="34.7406", location_longitude="10,7603")

    response = student_client.post(change_url(sfax_draft), data)

    assert response.status_code == 302, response.context["inline_admin_formsets"][3].formset.errors
    initiative = sfax_draft.initiatives.get()
    assert initiative.location == {"type": "Point", "coordinates": [10.7603, 34.7406]}


def test_an_initiative_in_libya_is_refused_with_its_distance_from_sfax(sfax_draft, student_client):
    data = initiative_row(sfax_draft, location_latitude="32.89", location_longitude="13.19")

    response = student_client.post(change_url(sfax_draft), data)

    assert response.status_code == 200
    assert not sfax_draft.initiatives.exists()
    message = re.search(
        r"13\.19 E, 32\.89 N is (\d+) km from Sfax; a location must be within 150 km of it\.", response.text
    )
    assert message, "the refusal does not name the point, its distance and the city"
    assert 250 < int(message.group(1)) < 350


def test_the_largest_distance_allowed_is_a_setting(sfax_draft, student_client, settings):
    settings.LOCATION_MAX_DISTANCE_KM = 400
    data = initiative_row(sfax_draft, location_latitude="32.89", location_longitude="13.19")

    response = student_client.post(change_url(sfax_draft), data)

    assert response.status_code == 302
    assert sfax_draft.initiatives.get().location == {"type": "Point", "coordinates": [13.19, 32.89]}


@pytest.mark.parametrize(
    ("latitude", "longitude", "reason"),
    [
        ("95", "10.76", "The latitude must be between -90 and 90."),
        ("34.74", "-181", "The longitude must be between -180 and 180."),
        ("north", "10.76", "The latitude must be a number in decimal degrees"),
        ("34.74", "1e400", "The longitude must be between -180 and 180."),
        ("34.74", "NaN", "The longitude must be a number in decimal degrees"),
        ("34.74", "", "Give both the latitude and the longitude, or neither."),
    ],
)
def test_malformed_or_out_of_range_coordinates_are_a_field_error(
    sfax_draft, student_client, latitude, longitude, reason
):
    data = initiative_row(sfax_draft, location_latitude=latitude, location_longitude=longitude)

    response = student_client.post(change_url(sfax_draft), data)

    assert response.status_code == 200
    assert not sfax_draft.initiatives.exists()
    [formset] = [
        inline.formset for inline in response.context["inline_admin_formsets"] if inline.formset.prefix == "initiatives"
    ]
    assert any(reason in error for error in formset.forms[0].errors["location"])


def test_clearing_both_coordinates_removes_the_point(sfax_draft, student_client):
    initiative = InitiativeFactory(assessment=sfax_draft, location={"type": "Point", "coordinates": [10.76, 34.74]})
    data = change_form_data(
        sfax_draft,
        **{
            "initiatives-TOTAL_FORMS": 1,
            "initiatives-INITIAL_FORMS": 1,
            "initiatives-0-id": initiative.pk,
            "initiatives-0-assessment": sfax_draft.pk,
            "initiatives-0-title_en": initiative.title_en,
            "initiatives-0-actor_type": initiative.actor_type,
            "initiatives-0-status": initiative.status,
            "initiatives-0-location_latitude": "",
            "initiatives-0-location_longitude": "",
        },
    )

    response = student_client.post(change_url(sfax_draft), data)

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.location is None


# History


def test_the_history_page_lists_the_changes_with_their_user(sfax_draft, team_client, team_member):
    data = change_form_data(sfax_draft, summary_en="Sfax's food system in 2019.")
    readings = list(sfax_draft.category_assessments.order_by("category__order"))
    data.update({"category_assessments-TOTAL_FORMS": 6, "category_assessments-INITIAL_FORMS": 6})
    for index, reading in enumerate(readings):
        data[f"category_assessments-{index}-id"] = reading.pk
        data[f"category_assessments-{index}-assessment"] = sfax_draft.pk
    data["category_assessments-0-rating"] = 6
    data["category_assessments-0-rating_rationale_en"] = "A food council meets every quarter."
    response = team_client.post(change_url(sfax_draft), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response

    readings[0].refresh_from_db()
    assert readings[0].rating == 6
    assert readings[0].history.first().history_user == team_member  # a change made through an inline

    page = team_client.get(reverse("admin:assessments_assessment_history", args=[sfax_draft.pk])).text
    assert "team" in page and "Sfax&#x27;s food system in 2019." in page


def test_the_assessment_history_also_shows_who_changed_its_ratings_and_imported_values(
    sfax_draft, student_client, student, team_member
):
    preview = upload(student_client, GOOD_CSV)
    confirm(student_client, preview)
    upload_changed = upload(student_client, GOOD_CSV.replace('"35,5"', "36"))
    confirm(student_client, upload_changed)
    reading = sfax_draft.category_assessments.order_by("category__order").first()
    reading.rating, reading.rating_rationale_en = 6, "A food council meets every quarter."
    reading._history_user = student
    reading.save()

    team_client = Client()
    team_client.force_login(team_member)
    response = team_client.get(reverse("admin:assessments_assessment_history", args=[sfax_draft.pk]))

    rows = [
        re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", row))).strip()
        for row in re.findall(r"<tr>(.*?)</tr>", response.content.decode().split('id="content-history"')[1], re.S)
    ]
    assert any(
        row.startswith("Category assessment: Sfax 2019 · Governance") and "student" in row and "6" in row
        for row in rows
    ), "\n".join(rows)
    assert any(
        row.startswith("Indicator value: mufpp-07") and "student" in row and "35.5000 → 36.0000" in row for row in rows
    ), "\n".join(rows)
    assert any(row.startswith("Indicator value: mufpp-01") and "Created" in row for row in rows), rows
