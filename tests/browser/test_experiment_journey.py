"""The park's project officer runs a food-resilience experiment without the admin: starts it with two communes,
records an awareness and a training session whose participants answer on their phones, marks the shared orchard done
in one commune with an observation and a photo, and downloads the capitalisation report; the public sees only what
is published, and the park's page shows its communes on the map with what each is trying."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from experiments.models import Experiment, Feedback, Tool, ToolPhoto
from reports.models import Report
from tests.factories import CommuneFactory, ExperimentFactory, ParkFactory, SessionFactory, UserFactory
from tests.pdf import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("tasks_in_process")]
PASSWORD = "perche-resilience-26"
SQUARE = {"type": "Polygon", "coordinates": [[[0.51, 48.5], [0.59, 48.5], [0.59, 48.54], [0.51, 48.54], [0.51, 48.5]]]}


@pytest.fixture
def perche(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    park = ParkFactory(slug="perche", name_en="Perche regional natural park", name_fr="Parc naturel régional du Perche")
    CommuneFactory(
        parent=park,
        slug="mortagne-au-perche",
        name_en="Mortagne-au-Perche",
        name_fr="Mortagne-au-Perche",
        outline=SQUARE,
        location={"type": "Point", "coordinates": [0.55, 48.52]},
    )
    CommuneFactory(
        parent=park,
        slug="belleme",
        name_en="Bellême",
        name_fr="Bellême",
        location={"type": "Point", "coordinates": [0.56, 48.37]},
    )
    UserFactory(username="perche", role="partner", city=park, first_name="Project officer", password=PASSWORD)
    # Not for the public: another park's draft experiment.
    ExperimentFactory(title="Hidden draft", is_published=False)
    return park


def orchard_photo() -> bytes:
    image = Image.new("RGB", (640, 400), (120, 170, 90))
    draw = ImageDraw.Draw(image)
    for x in range(40, 640, 110):
        draw.ellipse((x, 150, x + 70, 220), fill=(40, 110, 40))
        draw.rectangle((x + 30, 220, x + 40, 290), fill=(100, 70, 40))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG")
    return buffer.getvalue()


def serve_media(context):
    """Serve uploaded files to the browser as the web server would (the test server does not serve /media/)."""

    def fulfil(route):
        name = route.request.url.split("/media/", 1)[1]
        route.fulfill(path=str(Path(django_settings.MEDIA_ROOT) / name))

    context.route(re.compile(r".*/media/.*"), fulfil)


def shoot(page, artifacts, name):
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(artifacts / f"experiment-{name}-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name} scrolls sideways at {width}"
    page.set_viewport_size({"width": 1280, "height": 900})


def give_feedback(browser_context, live_server, code, rating, comment):
    """A participant's phone: types the code, rates, says a word, sends."""
    phone = browser_context.new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.goto(f"{live_server.url}/en/feedback/")
    phone.get_by_label("Session code").fill(code.lower())
    phone.get_by_role("button", name="Continue").click()
    phone.locator("label.scale-option", has_text=str(rating)).click()
    phone.get_by_label("I intend to act on it").check()
    phone.get_by_label("A word for the organisers").fill(comment)
    phone.get_by_role("button", name="Send my feedback").click()
    expect(phone.get_by_role("status")).to_contain_text("is recorded")
    return phone


def record_session(page, *, commune, kind, title, date, audience, attendance):
    page.get_by_role("button", name="Record a session").click()
    page.get_by_label("Commune").select_option(label=commune)
    page.get_by_label("Kind").select_option(value=kind)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Date").fill(date)
    page.get_by_label("Audience").fill(audience)
    page.get_by_label("Attendance").fill(str(attendance))
    page.get_by_label("Material used").fill("The snowstorm scenario's map")
    page.get_by_label("Published").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("h1")).to_have_text(title)
    page.get_by_role("button", name="Open the feedback").click()
    expect(page.get_by_text("Feedback is open.")).to_be_visible()
    return page.locator(".session-code").inner_text().strip()


def test_the_park_officer_runs_an_experiment_and_downloads_its_capitalisation_report(
    perche, live_server, offline_context, watch, artifacts
):
    context = offline_context()
    serve_media(context)
    page = context.new_page()
    watcher = watch(page)

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.locator("input[name=username]").fill("perche")
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()

    # Start the experiment with the park's two communes.
    page.goto(f"{live_server.url}/en/territories/perche/communes/")
    page.get_by_role("button", name="Start an experiment").click()
    page.get_by_label("Title").fill("Food resilience in the communes of the Perche")
    page.get_by_label("Mortagne-au-Perche").check()
    page.get_by_label("Bellême").check()
    page.get_by_label("Objectives").fill("Awareness, training, and shared orchards and gardens tried for two years.")
    page.get_by_label("Start", exact=True).fill("2025-09-01")
    page.get_by_label("Published").check()
    shoot(page, artifacts, "start-form")
    page.get_by_role("button", name="Start the experiment").click()
    expect(page.locator("h1")).to_have_text("Food resilience in the communes of the Perche")
    experiment = Experiment.objects.get(title="Food resilience in the communes of the Perche")
    assert experiment.communes.count() == 2 and experiment.end.isoformat() == "2027-09-01"

    # The tools each commune tries.
    for commune, kind, title in (
        ("Mortagne-au-Perche", "shared_orchard", "Shared orchard of old varieties"),
        ("Bellême", "shared_garden", "Shared garden behind the hall"),
    ):
        page.get_by_role("button", name="Add a tool or action").click()
        page.get_by_label("Commune").select_option(label=commune)
        page.get_by_label("Kind").select_option(value=kind)
        page.get_by_label("Title").fill(title)
        page.get_by_role("button", name="Add").click()
        expect(page.get_by_text("Tool added.")).to_be_visible()

    # An awareness session for inhabitants, answered on two phones.
    code = record_session(
        page,
        commune="Mortagne-au-Perche",
        kind="awareness",
        title="Evening on food disruptions",
        date="2025-10-09",
        audience="Inhabitants",
        attendance=42,
    )
    shoot(page, artifacts, "session-console")
    phone = give_feedback(context.browser.new_context(), live_server, code, 5, "Eye-opening")
    phone.screenshot(path=str(artifacts / "experiment-phone-feedback-390.png"), full_page=True)
    give_feedback(context.browser.new_context(), live_server, code, 4, "More on the orchard, please")
    page.get_by_role("textbox", name="Follow-up action").fill("Map the village wells")
    page.get_by_role("button", name="Add a follow-up action").click()
    page.get_by_role("button", name="Add to the plan of Mortagne-au-Perche").click()
    expect(page.get_by_text("is now in the plan of Mortagne-au-Perche")).to_be_visible()
    page.reload()
    expect(page.locator(".session-feedback")).to_contain_text("2 answers")
    expect(page.get_by_text("More on the orchard, please")).to_be_visible()

    # A training session for the elected officials, answered on one phone.
    page.get_by_role("link", name="Food resilience in the communes of the Perche").click()
    code = record_session(
        page,
        commune="Bellême",
        kind="training",
        title="Training of the elected officials",
        date="2025-11-14",
        audience="Mayors and councillors",
        attendance=14,
    )
    give_feedback(context.browser.new_context(), live_server, code, 4, "Useful grid")
    assert sorted(Feedback.objects.values_list("session__kind", "rating")) == [
        ("awareness", 4),
        ("awareness", 5),
        ("training", 4),
    ]

    # The orchard is done in Mortagne: an observation and a photo.
    page.get_by_role("link", name="Food resilience in the communes of the Perche").click()
    orchard = Tool.objects.get(kind="shared_orchard")
    page.locator(f"#tool-{orchard.pk}").get_by_role("link", name="Record an observation").click()
    page.get_by_label("Status").select_option(value="done")
    page.get_by_label("Did it work?").select_option(value="worked")
    page.get_by_label("Cost so far (EUR)").fill("6200")
    page.get_by_label("What worked or did not").fill("Plant in November with the school; a watering rota of 8 homes.")
    page.get_by_label("Date of the observation").fill("2026-03-10")
    page.get_by_label("Observation", exact=True).fill("All 40 trees took; the first blossom.")
    page.locator("input[name=photo]").set_input_files(
        files=[{"name": "orchard.jpg", "mimeType": "image/jpeg", "buffer": orchard_photo()}]
    )
    page.get_by_label("Caption").fill("The shared orchard in March")
    page.get_by_label("Photo credit").fill("Perche regional natural park")
    page.get_by_role("button", name="Save").click()
    card = page.locator(f"#tool-{orchard.pk}")
    expect(card.locator(".tool-status")).to_have_text("Done")
    expect(card.get_by_text("All 40 trees took; the first blossom.")).to_be_visible()
    expect(card.locator("img")).to_have_attribute("alt", "The shared orchard in March")
    assert card.locator("img").evaluate("image => image.naturalWidth") == 640
    assert ToolPhoto.objects.get().observation.note == "All 40 trees took; the first blossom."
    shoot(page, artifacts, "detail-officer")
    watcher.assert_clean()

    # The capitalisation report.
    page.get_by_role("button", name="Download the capitalisation report (PDF)").click()
    expect(page).to_have_url(re.compile(r"/en/reports/\d+/$"))
    expect(page.locator("#report-progress-bar")).to_have_attribute("value", "100")
    expect(page.locator("a[data-role=download]")).to_be_visible()
    report = Report.objects.get(kind="experiment")
    assert (report.subject, report.status) == (experiment.slug, "done")
    with report.file.open("rb") as file:
        content = file.read()
    (artifacts / "experiment-report-en.pdf").write_bytes(content)
    text = " ".join(pdf_text(content).split())
    for words in (
        "Capitalisation report: Food resilience in the communes of the Perche",
        "How to reproduce it in your commune",
        "Shared orchard of old varieties (Mortagne-au-Perche, worked, cost 6,200 EUR)",
        "Training of the elected officials",
        "3 participants gave feedback on their phones",
    ):
        assert words in text, words
    assert "More on the orchard" not in text  # comments stay with the organisers
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                str(artifacts / "experiment-report-en.pdf"),
                str(artifacts / "experiment-report-en"),
            ],
            check=True,
        )

    # The public: the published experiment and the park's communes with what each tries; never a draft.
    SessionFactory(
        experiment=experiment,
        commune=orchard.commune,
        kind="training",
        title="Closed rehearsal",
        date=orchard.experiment.start,
        audience="Staff",
        attendance=3,
        is_published=False,
    )
    public_context = offline_context()
    serve_media(public_context)
    public = public_context.new_page()
    public_watcher = watch(public)
    public.goto(f"{live_server.url}/en/experiments/")
    expect(public.get_by_role("link", name="Food resilience in the communes of the Perche")).to_be_visible()
    expect(public.get_by_text("Hidden draft")).to_have_count(0)
    public.get_by_role("link", name="Food resilience in the communes of the Perche").click()
    expect(public.get_by_text("Training of the elected officials")).to_be_visible()
    expect(public.get_by_text("Closed rehearsal")).to_have_count(0)
    expect(public.get_by_role("link", name="Record an observation")).to_have_count(0)
    shoot(public, artifacts, "detail-public")
    public.goto(f"{live_server.url}/en/territories/perche/communes/")
    expect(public.locator("#communes-map[data-ready=true]")).to_be_visible()
    expect(public.locator(".territory-outline")).to_have_count(1)
    mortagne = public.locator(".commune-summary", has_text="Mortagne-au-Perche")
    expect(mortagne).to_contain_text("Shared orchard of old varieties")
    expect(public.get_by_role("button", name="Start an experiment")).to_have_count(0)
    shoot(public, artifacts, "communes")
    public.goto(f"{live_server.url}/en/cities/perche/")
    expect(public.get_by_role("button", name="Download the city report (PDF)")).to_have_count(0)
    expect(public.get_by_role("link", name="What the communes are trying")).to_be_visible()
    shoot(public, artifacts, "park")
    public_watcher.assert_clean()
