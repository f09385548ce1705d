"""The student contributor and project team journeys in the admin, in headless chromium."""

import pytest
from playwright.sync_api import expect

from assessments.models import Assessment, Framework, IndicatorValue, Transition
from assessments.services import MUFPP_SLUG, assessment_categories_ensure
from cities.models import City
from tests.factories import AssessmentFactory, StudentFactory, UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery"
HEADER = "assessment,indicator,value,no_data,reference_year,source_title\n"
ROWS = [
    "sfax-2019,mufpp-01,yes,,2020,Municipal council minutes",
    "sfax-2019,mufpp-07,35.5,,2019,National nutrition survey",
    "sfax-2019,mufpp-12,140,,2019,School canteen survey",
]


@pytest.fixture
def sfax_draft(reference_data):
    sfax = City.objects.get(slug="sfax")
    framework = Framework.objects.get(slug=MUFPP_SLUG)
    assessment = AssessmentFactory(city=sfax, framework=framework, year=2019, summary_en="Baseline.")
    assessment_categories_ensure(assessment=assessment)
    StudentFactory(username="student", is_staff=True, assigned_cities=[sfax])
    UserFactory(username="team", role="team", is_staff=True)
    return assessment


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


def upload(page, path):
    page.set_input_files("#id_import_file", str(path))
    page.select_option("#id_format", label="csv")
    page.click("input[type=submit][value=Submit]")


def test_student_imports_rates_and_submits_then_team_sends_back_and_publishes(
    sfax_draft, live_server, offline_context, watch, artifacts, tmp_path
):
    base = live_server.url
    page = offline_context().new_page()
    watcher = watch(page)
    log_in(page, base, "student")

    # The student's list holds the Sfax draft only.
    page.goto(f"{base}/admin/assessments/assessment/")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    page.click("text=Sfax 2019")
    expect(page.locator("#workflow")).to_contain_text("Draft")
    page.screenshot(path=artifacts / "admin-student-assessment.png", full_page=False)

    # A percentage of 140: refused with its row, nothing saved.
    page.click("text=Import indicator values")
    bad = tmp_path / "values.csv"
    bad.write_text(HEADER + "\n".join(ROWS) + "\n")
    upload(page, bad)
    problems = page.locator("#import-problems tbody tr")
    expect(problems).to_have_count(1)
    expect(problems.first.locator("td").first).to_have_text("4")  # as the spreadsheet numbers it, header = 1
    expect(problems.first).to_contain_text("value")
    expect(problems.first).to_contain_text("A percentage must be between 0 and 100 (got 140).")
    page.screenshot(path=artifacts / "admin-import-error.png", full_page=True)
    assert not IndicatorValue.objects.exists()

    # Fixed, previewed, confirmed.
    good = tmp_path / "values-fixed.csv"
    good.write_text(HEADER + "\n".join(ROWS).replace(",140,", ",40,") + "\n")
    upload(page, good)
    expect(page.locator("table.import-preview")).to_be_visible()
    page.screenshot(path=artifacts / "admin-import-preview.png", full_page=True)
    page.click("input[type=submit][name=confirm]")
    expect(page.locator(".messagelist")).to_contain_text("3 new")
    assert IndicatorValue.objects.filter(assessment=sfax_draft).count() == 3

    # Rate the first category with a rationale, add a challenge, save.
    page.goto(f"{base}/admin/assessments/assessment/{sfax_draft.pk}/change/")
    page.fill("#id_category_assessments-0-rating", "6")
    page.fill("#id_category_assessments-0-rating_rationale_en", "A food council meets every quarter.")
    page.click("#challenges-group .add-row a")
    page.select_option("#id_challenges-0-category", index=1)
    page.fill("#id_challenges-0-title_en", "Food waste in the central market")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    reading = sfax_draft.category_assessments.order_by("category__order").first()
    assert reading.rating == 6 and sfax_draft.challenges.count() == 1
    page.screenshot(path=artifacts / "admin-student-rated.png", full_page=True)

    # The preview's diff markup (diff-match-patch) carries style attributes, which our policy blocks; the import
    # page's own stylesheet colours those <ins>/<del> anyway, so nothing is lost.
    watcher.errors = [error for error in watcher.errors if not ("inline style" in error and "/import/" in error)]

    page.click("input[value='Submit for review']")
    expect(page.locator(".messagelist")).to_contain_text("submitted for review")
    expect(page.locator("input[name=_save]")).to_have_count(0)  # a student no longer edits it under review
    watcher.assert_clean()

    # The team sends it back with a comment, then it comes back and is published.
    context = offline_context()
    page = context.new_page()
    watcher = watch(page)
    log_in(page, base, "team")
    page.goto(f"{base}/admin/assessments/assessment/{sfax_draft.pk}/change/")
    page.fill("#id_workflow_comment", "Give the source of the school canteen figure.")
    page.screenshot(path=artifacts / "admin-team-review.png", full_page=False)
    page.click("input[value='Send back']")
    expect(page.locator(".messagelist")).to_contain_text("sent back")
    expect(page.locator("#transitions-group")).to_contain_text("Give the source of the school canteen figure.")
    page.click("input[value='Submit for review']")
    page.click("input[value='Publish']")
    expect(page.locator(".messagelist")).to_contain_text("published")
    expect(page.locator("input[name=_save]")).to_have_count(0)
    expect(page.locator("#workflow")).to_contain_text("read-only until the team reopens it")
    page.screenshot(path=artifacts / "admin-published.png", full_page=True)
    sfax_draft.refresh_from_db()
    assert sfax_draft.status == Assessment.Status.PUBLISHED
    assert Transition.objects.filter(assessment=sfax_draft).count() == 4

    # Who changed what, and when.
    page.click("text=History")
    rows = page.locator("#change-history tbody tr")
    expect(rows.first).to_be_visible()
    expect(page.locator("#change-history")).to_contain_text("student")
    expect(page.locator("#change-history")).to_contain_text("team")
    page.screenshot(path=artifacts / "admin-history.png", full_page=True)
    watcher.assert_clean()
