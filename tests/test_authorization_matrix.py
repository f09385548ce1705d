"""The authorisation matrix: every URL of the project, for every persona, answers as this table says.

The table below names each URL pattern (by its name, namespaced) and what each persona gets. A URL added without an
entry fails `test_every_url_has_an_entry_in_the_matrix`, so no page, API endpoint or download can dodge the matrix.
Admin pages are checked by rule (nothing under /admin/ opens for anonymous visitors or partners) and, for the team and
students, by model in ADMIN_MODELS, which must list every model registered in the admin.

To add a page: add its name to MATRIX with one outcome per persona (helpers below: public(), duo_private(), …) and,
if its URL has parameters, the kwargs to reverse it with (a function of the demo data, see `Ctx`).
"""

import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

PERSONAS = ("anonymous", "lyon", "fez", "student", "team")
LANGUAGES = ("en", "fr")

# Outcomes: an HTTP status, or a redirect to the site's login ("login") or the admin's login ("admin-login").
OK, LOGIN, ADMIN_LOGIN, NOT_FOUND, FORBIDDEN, NOT_ALLOWED, REDIRECT, BAD_REQUEST = (
    "200",
    "login",
    "admin-login",
    "404",
    "403",
    "405",
    "302",
    "400",
)
# For a POST: the request got through the permission check (whatever the form then said: 200, 302 or 400).
ALLOWED = "allowed"
ALLOWED_STATUSES = {OK, REDIRECT, BAD_REQUEST}


@dataclass
class Ctx:
    """The demo objects URLs are reversed with: duo A (Lyon–Ho Chi Minh City), duo B (Montpellier–Fez), Sfax."""

    duo_a: object
    duo_b: object
    objects: dict = field(default_factory=dict)

    def first(self, label: str, **filters):
        """Return the first object of the model `label` ("app.Model") matching `filters`; fail clearly if none."""
        model = apps.get_model(label)
        obj = model._default_manager.filter(**filters).order_by("pk").first()
        if obj is None:
            pytest.fail(f"The matrix needs a {label} matching {filters} in the demo data (load_demo).")
        return obj


@dataclass
class Case:
    outcomes: dict[str, str]
    kwargs: Callable[[Ctx], dict] | None = None
    method: str = "get"  # a POST is sent empty: it shows who gets past the permission check, not a valid form


def outcomes(anonymous, lyon, fez, student, team) -> dict[str, str]:
    return {"anonymous": anonymous, "lyon": lyon, "fez": fez, "student": student, "team": team}


def public(kwargs=None) -> Case:
    return Case(outcomes(OK, OK, OK, OK, OK), kwargs)


def everyone(outcome, kwargs=None) -> Case:
    return Case(outcomes(outcome, outcome, outcome, outcome, outcome), kwargs)


def logged_in(kwargs=None) -> Case:
    """Any logged-in user: anonymous visitors are sent to log in."""
    return Case(outcomes(LOGIN, OK, OK, OK, OK), kwargs)


def duo_private(kwargs) -> Case:
    """Private content of duo A: its partner (lyon) and the team; "not found" for another duo and for students."""
    return Case(outcomes(LOGIN, OK, NOT_FOUND, NOT_FOUND, OK), kwargs)


def duo_private_post(kwargs) -> Case:
    """A POST-only action on duo A's private content: its partner and the team get through, nobody else."""
    return Case(outcomes(LOGIN, ALLOWED, NOT_FOUND, NOT_FOUND, ALLOWED), kwargs, method="post")


def public_object_post(kwargs) -> Case:
    """A POST on a public object of duo A (an action of its public plan): 403 for others reveals nothing private."""
    return Case(outcomes(LOGIN, ALLOWED, FORBIDDEN, FORBIDDEN, ALLOWED), kwargs, method="post")


def team_post(kwargs) -> Case:
    """A POST-only action of the team."""
    return Case(outcomes(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, ALLOWED), kwargs, method="post")


def duo_a_slug(ctx):
    return {"slug": ctx.duo_a.slug}


def duo_a_workshop(ctx):
    return ctx.first("workshops.Workshop", city__in=[ctx.duo_a.french_city, ctx.duo_a.partner_city], is_published=True)


def duo_a_action(ctx):
    return ctx.first("workshops.Action", duo=ctx.duo_a)


def duo_a_milestone(ctx):
    return {"pk": ctx.first("workshops.Milestone", action__duo=ctx.duo_a).pk}


def perche_experiment(ctx):
    return {"slug": ctx.first("experiments.Experiment", territory__slug="perche").slug}


def perche_session_object(ctx):
    return ctx.first("experiments.Session", kind="awareness", experiment__territory__slug="perche")


def perche_session(ctx):
    return {"pk": perche_session_object(ctx).pk}


# The Perche's experiments are run by the park's officers (none among the personas) and the team: others see 403.
PARK_OFFICERS = outcomes(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)


def park_officers_post(kwargs) -> Case:
    """A POST-only change of the Perche's experiment: the team gets through; any other persona is refused."""
    return Case(outcomes(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, ALLOWED), kwargs, method="post")


# Sfax's draft assessment (demo content) is not shared with partners: the team and the student assigned to Sfax.
SFAX_DRAFT = outcomes(NOT_FOUND, NOT_FOUND, NOT_FOUND, OK, OK)
# The team only (a page of the project team outside the admin).
TEAM_ONLY = outcomes(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK)


def lyon_2019(label: str, attribute: str = "pk", **filters):
    """Kwargs for an object of the published Lyon assessment."""
    name = "ref" if attribute == "ref" else attribute
    return lambda ctx: {name: getattr(ctx.first(label, assessment__slug="lyon-2019", **filters), attribute)}


def sfax_draft(label: str, attribute: str = "pk"):
    """Kwargs for an object of Sfax's draft assessment."""
    return lambda ctx: {attribute: getattr(ctx.first(label, assessment__slug="sfax-2019"), attribute)}


def a_report(ctx):
    """A queued report of Lyon (reports are public: anyone may follow one)."""
    report, _ = apps.get_model("reports.Report").objects.get_or_create(
        kind="city", subject="lyon", language="en", data_hash="matrix"
    )
    return {"pk": report.pk}


def a_duo_report(ctx):
    """A rendered report of duo A: its file is private (its partners and the team download it)."""
    from django.core.files.base import ContentFile

    report, _ = apps.get_model("reports.Report").objects.get_or_create(
        kind="duo", subject=ctx.duo_a.slug, language="en", data_hash="matrix", defaults={"status": "done"}
    )
    if not report.file:
        report.file.save("duo-matrix.pdf", ContentFile(b"%PDF-1.7 matrix"))
    return {"pk": report.pk}


def a_city_report_file(ctx):
    """A rendered report of Lyon: its download address sends anyone to the public file under /media/."""
    from django.core.files.base import ContentFile

    report, _ = apps.get_model("reports.Report").objects.get_or_create(
        kind="city", subject="lyon", language="fr", data_hash="matrix", defaults={"status": "done"}
    )
    if not report.file:
        report.file.save("city-matrix.pdf", ContentFile(b"%PDF-1.7 matrix"))
    return {"pk": report.pk}


# Anyone may ask for a report (public data, rate-limited): an empty POST is a 400 for everyone, a GET a 405.
REPORT_REQUEST = [everyone(NOT_ALLOWED), Case(outcomes(*[ALLOWED] * 5), method="post")]

BAD_TOKEN = {"uidb64": "MQ", "token": "bad-token"}

MATRIX: dict[str, Case | list[Case]] = {
    # --- Outside the language prefix.
    "healthz": public(),
    "favicon": everyone(REDIRECT),
    "set_language": everyone(REDIRECT),  # a GET changes nothing and sends the visitor back
    "newsletter-webhook-bounces": everyone(NOT_ALLOWED),  # POST only, signed
    "report-download": [duo_private(a_duo_report), everyone(REDIRECT, a_city_report_file)],
    "(unnamed) media/<path:path>": everyone(NOT_FOUND, lambda ctx: {"path": "nothing-here.png"}),
    # --- API: read-only; drafts and private content only for those allowed to read them.
    "api-root": public(),
    "api-schema": public(),
    "api-docs": public(),
    "api:city-list": public(),
    "api:city-geojson": public(),
    "api:city-detail": public(lambda ctx: {"slug": "lyon"}),
    "api:duo-list": public(),
    "api:duo-detail": public(duo_a_slug),
    "api:duo-dashboard": public(duo_a_slug),
    "api:network-coverage": public(),
    "api:report-list": REPORT_REQUEST,
    "api:report-detail": public(a_report),
    "api:framework-list": public(),
    "api:framework-detail": public(lambda ctx: {"slug": ctx.first("assessments.Framework").slug}),
    "api:category-list": public(),
    "api:category-detail": public(lambda ctx: {"pk": ctx.first("assessments.Category").pk}),
    "api:recommended-action-list": public(),
    "api:recommended-action-detail": public(lambda ctx: {"pk": ctx.first("assessments.RecommendedAction").pk}),
    "api:indicator-list": public(),
    "api:indicator-detail": public(lambda ctx: {"code": ctx.first("assessments.Indicator").code}),
    "api:assessment-list": public(),
    "api:assessment-detail": [
        public(lambda ctx: {"slug": "lyon-2019"}),
        Case(SFAX_DRAFT, lambda ctx: {"slug": "sfax-2019"}),
    ],
    "api:indicator-value-list": public(),
    "api:indicator-value-detail": [
        public(lyon_2019("assessments.IndicatorValue")),
        Case(SFAX_DRAFT, sfax_draft("assessments.IndicatorValue")),
    ],
    "api:initiative-list": public(),
    "api:initiative-geojson": public(),
    "api:initiative-detail": [
        public(lyon_2019("assessments.Initiative", "ref")),
        Case(SFAX_DRAFT, sfax_draft("assessments.Initiative", "ref")),
    ],
    "api:mission-list": public(),
    "api:mission-detail": public(lambda ctx: {"slug": ctx.first("workshops.Mission", is_published=True).slug}),
    "api:workshop-list": public(),
    "api:workshop-detail": public(lambda ctx: {"slug": duo_a_workshop(ctx).slug}),
    "api:action-list": public(),
    "api:action-detail": public(lambda ctx: {"pk": duo_a_action(ctx).pk}),
    "api:scenario-list": public(),
    "api:scenario-detail": public(lambda ctx: {"slug": ctx.first("workshops.Scenario").slug}),
    "api:infrastructure-list": public(),
    "api:infrastructure-geojson": public(),
    "api:infrastructure-detail": public(lambda ctx: {"pk": ctx.first("workshops.Infrastructure").pk}),
    # --- Public pages (/en/…, /fr/…).
    "home": public(),
    "network-overview": public(),
    "city-detail": public(lambda ctx: {"slug": "lyon"}),
    "cities:city-list": public(),
    "cities:duo-list": public(),
    "cities:duo-detail": public(duo_a_slug),
    "assessments:framework": public(),
    "assessments:library": public(),
    "assessments:initiative-detail": [
        public(lyon_2019("assessments.Initiative", "ref")),
        everyone(NOT_FOUND, sfax_draft("assessments.Initiative", "ref")),  # the library shows published work only
    ],
    "workshops:mission-list": public(),
    "workshops:mission-detail": public(lambda ctx: {"slug": ctx.first("workshops.Mission", is_published=True).slug}),
    "workshops:workshop-list": public(),
    "workshops:workshop-feed": public(),
    "workshops:workshop-detail": public(lambda ctx: {"slug": duo_a_workshop(ctx).slug}),
    "workshops:workshop-ics": public(lambda ctx: {"slug": duo_a_workshop(ctx).slug}),
    "assessments:indicator-detail": public(lambda ctx: {"code": ctx.first("assessments.Indicator").code}),
    "plans:infrastructure": public(lambda ctx: {"slug": ctx.first("workshops.Infrastructure").city.slug}),
    "plans:territory-plan": public(lambda ctx: {"slug": ctx.first("cities.City", role="territory").slug}),
    "plans:scenario-list": public(),
    "plans:simulation-detail": public(
        lambda ctx: {"slug": ctx.first("workshops.Workshop", scenario__isnull=False).slug}
    ),
    "plans:action-detail": public(lambda ctx: {"pk": duo_a_action(ctx).pk}),
    "voting:enter": public(),
    "voting:service-worker": public(),  # the vote pages' offline cache, same for everyone
    "voting:ballot": public(lambda ctx: {"code": duo_a_workshop(ctx).code}),
    "voting:ranking": public(lambda ctx: {"code": duo_a_workshop(ctx).code}),
    "voting:ranking-json": public(lambda ctx: {"code": duo_a_workshop(ctx).code}),
    "newsletter:subscribe": public(),
    "newsletter:subscribe-done": public(),
    # Signed links: a forged token is refused whoever asks.
    "newsletter:confirm": everyone(BAD_REQUEST, lambda ctx: {"token": "bad-token"}),
    "newsletter:manage": everyone(BAD_REQUEST, lambda ctx: {"token": "bad-token"}),
    "newsletter:data": everyone(BAD_REQUEST, lambda ctx: {"token": "bad-token"}),
    "newsletter:erase": everyone(BAD_REQUEST, lambda ctx: {"token": "bad-token"}),
    "newsletter:unsubscribe": everyone(BAD_REQUEST, lambda ctx: {"token": "bad-token"}),
    "newsletter:archive": public(),
    "newsletter:archive-detail": everyone(NOT_FOUND, lambda ctx: {"pk": 999999}),
    "opendata:index": public(),
    "opendata:latest": everyone(NOT_FOUND, lambda ctx: {"kind": "zip"}),  # the demo data builds no package
    "translations:missing": Case(TEAM_ONLY),
    "translations:export": Case(TEAM_ONLY),
    "translations:import": Case(TEAM_ONLY),
    # Public pages of a duo whose private parts (shared drafts, action-plan internals) only its partners and the
    # team see: their own tests check what each part shows.
    "duo-dashboard": public(duo_a_slug),
    "duo-comparison-csv": public(duo_a_slug),
    "report-request": REPORT_REQUEST,
    "report-compilation": public(),
    "report-status": public(a_report),
    "plans:duo-plan": public(duo_a_slug),
    # --- Private content of a duo (duo A: Lyon–Ho Chi Minh City).
    "duo-contacts": duo_private(duo_a_slug),
    "workshops:workshop-notes": Case(
        outcomes(NOT_FOUND, OK, NOT_FOUND, NOT_FOUND, OK), lambda ctx: {"slug": duo_a_workshop(ctx).slug}
    ),
    "plans:action-update": [
        Case(
            outcomes(LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
            lambda ctx: {"pk": duo_a_action(ctx).pk},
        ),
        public_object_post(lambda ctx: {"pk": duo_a_action(ctx).pk}),
    ],
    "plans:milestone-done": [
        Case(outcomes(LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED), duo_a_milestone),
        public_object_post(duo_a_milestone),
    ],
    # Changing duo A's plan without the admin: its partner (lyon) and the team; 403 for a public action of another duo.
    "plans:milestone-postpone": [
        Case(outcomes(LOGIN, OK, FORBIDDEN, FORBIDDEN, OK), duo_a_milestone),
        public_object_post(duo_a_milestone),
    ],
    "plans:milestone-edit": [
        Case(outcomes(LOGIN, OK, FORBIDDEN, FORBIDDEN, OK), duo_a_milestone),
        public_object_post(duo_a_milestone),
    ],
    "plans:milestone-add": [
        Case(outcomes(LOGIN, OK, FORBIDDEN, FORBIDDEN, OK), lambda ctx: {"pk": duo_a_action(ctx).pk}),
        public_object_post(lambda ctx: {"pk": duo_a_action(ctx).pk}),
    ],
    "plans:action-owners": [
        Case(outcomes(LOGIN, OK, FORBIDDEN, FORBIDDEN, OK), lambda ctx: {"pk": duo_a_action(ctx).pk}),
        public_object_post(lambda ctx: {"pk": duo_a_action(ctx).pk}),
    ],
    # A partner's own page: what is due for their city (nothing to show to those without a duo).
    "plans:mine": Case(outcomes(LOGIN, OK, OK, NOT_FOUND, NOT_FOUND)),
    # --- The team's workshop console.
    "voting:facilitate": Case(TEAM_ONLY, lambda ctx: {"slug": duo_a_workshop(ctx).slug}),
    "voting:facilitate-vote": team_post(lambda ctx: {"slug": duo_a_workshop(ctx).slug}),
    "voting:facilitate-paper": team_post(lambda ctx: {"slug": duo_a_workshop(ctx).slug}),
    "voting:facilitate-actions": team_post(lambda ctx: {"slug": duo_a_workshop(ctx).slug}),
    # --- Food-resilience experiments (the Perche's, in the demo data): the park's officers and the team run them.
    "experiments:experiment-list": public(),
    "experiments:experiment-detail": public(perche_experiment),
    "experiments:territory-communes": public(lambda ctx: {"slug": "perche"}),
    "experiments:session-detail": public(perche_session),
    "experiments:feedback-enter": public(),
    "experiments:feedback": public(lambda ctx: {"code": perche_session_object(ctx).code}),
    "experiments:experiment-start": Case(PARK_OFFICERS, lambda ctx: {"slug": "perche"}),
    "experiments:tool-add": Case(PARK_OFFICERS, perche_experiment),
    "experiments:session-add": Case(PARK_OFFICERS, perche_experiment),
    "experiments:tool-record": Case(PARK_OFFICERS, lambda ctx: {"pk": ctx.first("experiments.Tool").pk}),
    "experiments:funding-add": park_officers_post(perche_experiment),
    "experiments:partner-add": park_officers_post(perche_experiment),
    "experiments:session-feedback-toggle": park_officers_post(perche_session),
    "experiments:session-follow-up": park_officers_post(perche_session),
    "experiments:session-follow-up-plan": park_officers_post(
        lambda ctx: {
            "pk": perche_session_object(ctx).pk,
            "proposal_pk": perche_session_object(ctx).workshop.proposals.get().pk,
        }
    ),
    "api:experiment-list": public(),
    "api:experiment-detail": public(perche_experiment),
    # --- Accounts.
    "login": public(),
    "logout": everyone(NOT_ALLOWED),  # POST only
    "password_change": logged_in(),
    "password_change_done": logged_in(),
    "password_reset": public(),
    "password_reset_done": public(),
    "password_reset_confirm": public(lambda ctx: BAD_TOKEN),  # a page that says the link no longer works
    "password_reset_complete": public(),
    "password-set": public(lambda ctx: BAD_TOKEN),
    "profile": logged_in(),
}

# Admin changelists, for (students, the team): the team sees the programme's models, superusers alone Django's own
# and django-axes' records; students what their rules allow.
ADMIN_MODELS: dict[str, tuple[str, str]] = {
    "auth.group": (FORBIDDEN, FORBIDDEN),
    "axes.accessattempt": (FORBIDDEN, FORBIDDEN),
    "axes.accesslog": (FORBIDDEN, FORBIDDEN),
    "axes.accessfailurelog": (FORBIDDEN, FORBIDDEN),
    "accounts.user": (FORBIDDEN, OK),
    "cities.city": (OK, OK),
    "cities.duo": (OK, OK),
    "cities.organisation": (OK, OK),
    "cities.duocontact": (FORBIDDEN, OK),
    "assessments.assessment": (OK, OK),
    "assessments.indicatorvalue": (OK, OK),
    "assessments.initiative": (OK, OK),
    "assessments.challenge": (OK, OK),
    "assessments.categoryassessment": (OK, OK),
    "assessments.framework": (OK, OK),
    "assessments.category": (OK, OK),
    "assessments.recommendedaction": (OK, OK),
    "assessments.indicator": (OK, OK),
    "assessments.pillar": (OK, OK),
    "workshops.mission": (FORBIDDEN, OK),
    "workshops.workshop": (FORBIDDEN, OK),
    "workshops.participant": (FORBIDDEN, OK),
    "workshops.proposal": (FORBIDDEN, OK),
    "workshops.ballot": (FORBIDDEN, OK),
    "workshops.scenario": (FORBIDDEN, OK),
    "workshops.simulationgroup": (FORBIDDEN, OK),
    "workshops.vulnerability": (FORBIDDEN, OK),
    "workshops.infrastructure": (FORBIDDEN, OK),
    "workshops.action": (FORBIDDEN, OK),
    "newsletter.topic": (FORBIDDEN, OK),
    "newsletter.consenttext": (FORBIDDEN, OK),
    "newsletter.subscriber": (FORBIDDEN, OK),
    "newsletter.consentevent": (FORBIDDEN, OK),
    "newsletter.bounceevent": (FORBIDDEN, OK),
    "newsletter.delivery": (FORBIDDEN, OK),
    "newsletter.campaign": (FORBIDDEN, OK),
    "reports.report": (FORBIDDEN, OK),
    "experiments.experiment": (FORBIDDEN, OK),
    "experiments.tool": (FORBIDDEN, OK),
    "experiments.session": (FORBIDDEN, OK),
    "experiments.feedback": (FORBIDDEN, OK),
}
# Other admin pages, for (students, the team). Every admin URL is also checked against anonymous visitors and partners.
ADMIN_PAGES: dict[str, tuple[str, str]] = {
    "admin:index": (OK, OK),
    "admin:accounts_user_invite": (FORBIDDEN, OK),
    "admin:reports_report_request": (FORBIDDEN, OK),
}
# Admin URLs outside the rule "anonymous visitors and partners are sent to the admin's login".
ADMIN_OPEN = {"admin:login", "admin:logout"}


# --- Walking the URL configuration.


@dataclass
class Route:
    key: str  # the entry of MATRIX: the URL's name, "api:"-prefixed under /api/ (the API's names are not namespaced)
    route: str  # the full pattern, language prefix included
    i18n: bool


def walk(patterns, prefix="", namespace=None, i18n=False):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            is_i18n = i18n or isinstance(pattern.pattern, LocalePrefixPattern)
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns, is_i18n)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            if name and route.startswith("api/") and not name.startswith("api-"):
                name = f"api:{name}"
            yield Route(name or f"(unnamed) {route}", route, i18n)


def project_routes(language: str = "en") -> list[Route]:
    with translation.override(language):
        return list(walk(get_resolver().url_patterns))


def is_admin(route: Route) -> bool:
    return route.route.startswith("admin/")


def is_format_variant(route: Route) -> bool:
    """The DRF routes with a format suffix (.json, .api) serve the same views as the routes without one."""
    return "(?P<format>" in route.route or "<drf_format_suffix:format>" in route.route


def build_path(route: str, kwargs: dict, default: str | None = None) -> str:
    """Return the path of `route` with its parameters (path converters or regex groups) taken from `kwargs`."""

    def value(name):
        if name in kwargs:
            return str(kwargs[name])
        if default is None:
            raise KeyError(f"no value for <{name}> in {route}")
        return default

    path = re.sub(r"\(\?P<app_label>[^)]*\)", "cities", route)
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: value(m.group(1)), path)
    path = re.sub(r"\([^)]*\)", default or "1", path)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: value(m.group(1)), path)
    return "/" + path.replace("^", "").replace("$", "").replace("\\", "").replace("/?", "/")


def outcome_of(response, language: str) -> str:
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith("/admin/login/"):
            return ADMIN_LOGIN
        if re.match(r"^/\w\w/accounts/login/", location):
            return LOGIN
        return REDIRECT
    return str(response.status_code)


def matches(expected: str, actual: str) -> bool:
    return actual in ALLOWED_STATUSES if expected == ALLOWED else actual == expected


@pytest.fixture
def demo(db, settings):
    settings.DEMO_MODE = True
    settings.AXES_ENABLED = False
    settings.RATELIMIT_ENABLE = False
    call_command("load_reference", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    Duo = apps.get_model("cities.Duo")
    return Ctx(duo_a=Duo.objects.get(slug="lyon-ho-chi-minh-city"), duo_b=Duo.objects.get(slug="montpellier-fez"))


@pytest.fixture
def clients(demo):
    User = get_user_model()
    result = {"anonymous": Client()}
    for persona in PERSONAS[1:]:
        client = Client()
        client.force_login(User.objects.get(username=persona))
        result[persona] = client
    return result


def test_every_url_has_an_entry_in_the_matrix():
    missing = {
        f"{route.key}  ({route.route})"
        for route in project_routes()
        if not is_admin(route) and not is_format_variant(route) and route.key not in MATRIX
    }
    assert not missing, "URLs without an entry in the authorisation matrix:\n  " + "\n  ".join(sorted(missing))


def test_every_model_in_the_admin_has_an_entry_in_the_matrix():
    registered = {model._meta.label_lower for model in admin.site._registry}
    missing = registered - set(ADMIN_MODELS)
    assert not missing, f"Admin models without an entry in ADMIN_MODELS: {sorted(missing)}"


def check_pages(ctx, clients) -> list[str]:
    """Return the mismatches between the pages' answers and MATRIX, for every persona and language."""
    failures, printed = [], []
    for language in LANGUAGES:
        for route in project_routes(language):
            if is_admin(route) or is_format_variant(route) or route.key not in MATRIX:
                continue
            if language != "en" and not route.i18n:
                continue
            cases = MATRIX[route.key]
            for case in cases if isinstance(cases, list) else [cases]:
                path = build_path(route.route, case.kwargs(ctx) if case.kwargs else {})
                actual = {
                    persona: outcome_of(getattr(clients[persona], case.method)(path), language) for persona in PERSONAS
                }
                printed.append(f"{case.method.upper()} {path}: {actual}")
                failures += [
                    f"{case.method.upper()} {path} as {persona}: expected {expected}, got {actual[persona]}"
                    for persona, expected in case.outcomes.items()
                    if not matches(expected, actual[persona])
                ]
    if os.environ.get("MATRIX_PRINT"):
        print("\n".join(printed))
    return failures


def check_admin(ctx, clients) -> list[str]:
    """Return the admin pages that open for non-staff, and the mismatches with ADMIN_MODELS and ADMIN_PAGES."""
    failures = []
    for route in project_routes():
        if not is_admin(route) or route.key in ADMIN_OPEN:
            continue
        path = build_path(route.route, {}, default="1")
        for persona in ("anonymous", "lyon", "fez"):
            actual = outcome_of(clients[persona].get(path), "en")
            if actual != ADMIN_LOGIN:
                failures.append(f"{path} ({route.key}) as {persona}: expected {ADMIN_LOGIN}, got {actual}")
    registered = {model._meta.label_lower for model in admin.site._registry}
    checks = [
        (reverse(f"admin:{label.replace('.', '_')}_changelist"), expected)
        for label, expected in ADMIN_MODELS.items()
        if label in registered  # an entry may precede its model's admin (colleagues' work in progress)
    ]
    checks += [(reverse(name), expected) for name, expected in ADMIN_PAGES.items()]
    for url, (student_expected, team_expected) in checks:
        for persona, expected in (("student", student_expected), ("team", team_expected)):
            actual = outcome_of(clients[persona].get(url), "en")
            if actual != expected:
                failures.append(f"{url} as {persona}: expected {expected}, got {actual}")
    return failures


@pytest.mark.django_db
def test_every_url_answers_each_persona_as_the_matrix_says(demo, clients):
    # One test for the whole matrix: the demo data is loaded once, and every mismatch is listed at once.
    failures = check_pages(demo, clients) + check_admin(demo, clients)
    assert not failures, "Authorisation matrix mismatches:\n  " + "\n  ".join(failures)
