"""Every public and partner page in French shows its content in French: no content field falls back to English.

The crawl walks the authorisation matrix (tests/test_authorization_matrix.py), so a page added there is crawled
here too: every page under the language prefix that opens for an anonymous visitor, or else for Lyon's partner, is
read in French on the demo data. A content field (a django-modeltranslation field) whose French value is empty
falls back to English; the test fails when such an English text shows on a page, and lists each one with its page.
Texts that are not translatable fields but are content all the same (source labels, units) are listed in
ENGLISH_LABELS.
"""

import html
import re

import pytest
from django.apps import apps
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from modeltranslation.translator import translator

from tests.test_authorization_matrix import (
    MATRIX,
    OK,
    build_path,
    clients,  # noqa: F401 -- fixture
    demo,  # noqa: F401 -- fixture
    is_admin,
    is_format_variant,
    project_routes,
)

# Shorter texts are often proper names or codes that read the same in both languages ("Lyon", "%").
MIN_LENGTH = 4
# Content that is not a translatable field: the demo's source label and the framework's units.
ENGLISH_LABELS = (
    "Illustrative value (demonstration data)",
    "households",
    "local currency",
    "g/person/day",
    "per person per day",
)


# Beyond the matrix's one object per page: every city, duo, indicator, mission, workshop, simulation and action,
# as (URL name, persona, model, filters, URL kwargs of an object). Fez's partner reads the Montpellier–Fez dashboard.
EVERY_OBJECT = [
    ("city-detail", "anonymous", "cities.City", {"role__in": ["french", "partner"]}, lambda o: {"slug": o.slug}),
    ("cities:duo-detail", "anonymous", "cities.Duo", {}, lambda o: {"slug": o.slug}),
    ("duo-dashboard", "anonymous", "cities.Duo", {}, lambda o: {"slug": o.slug}),
    ("duo-dashboard", "fez", "cities.Duo", {"slug": "montpellier-fez"}, lambda o: {"slug": o.slug}),
    ("plans:duo-plan", "anonymous", "cities.Duo", {}, lambda o: {"slug": o.slug}),
    ("plans:duo-plan", "fez", "cities.Duo", {"slug": "montpellier-fez"}, lambda o: {"slug": o.slug}),
    ("assessments:indicator-detail", "anonymous", "assessments.Indicator", {}, lambda o: {"code": o.code}),
    ("workshops:mission-detail", "anonymous", "workshops.Mission", {"is_published": True}, lambda o: {"slug": o.slug}),
    (
        "workshops:workshop-detail",
        "anonymous",
        "workshops.Workshop",
        {"is_published": True},
        lambda o: {"slug": o.slug},
    ),
    (
        "plans:simulation-detail",
        "anonymous",
        "workshops.Workshop",
        {"scenario__isnull": False},
        lambda o: {"slug": o.slug},
    ),
    ("plans:action-detail", "anonymous", "workshops.Action", {}, lambda o: {"pk": o.pk}),
]


def every_object_paths() -> list[tuple[str, str]]:
    """Return (persona, path) for each page of EVERY_OBJECT, in French."""
    with translation.override("fr"):
        return [
            (persona, reverse(name, kwargs=kwargs(obj)))
            for name, persona, label, filters, kwargs in EVERY_OBJECT
            for obj in apps.get_model(label)._default_manager.filter(**filters)
        ]


def french_pages(ctx, clients) -> dict[str, str]:  # noqa: F811
    """Return the text of every French page that opens for an anonymous visitor or a partner, by path."""
    pages = {}
    for persona, path in every_object_paths():
        response = clients[persona].get(path)
        assert response.status_code == 200, f"{path} as {persona}: {response.status_code}"
        pages[f"{path} ({persona})" if persona != "anonymous" else path] = html.unescape(response.content.decode())
    for route in project_routes("fr"):
        if not route.i18n or is_admin(route) or is_format_variant(route) or route.key not in MATRIX:
            continue
        cases = MATRIX[route.key]
        for case in cases if isinstance(cases, list) else [cases]:
            if case.method != "get":
                continue
            persona = next((p for p in ("anonymous", "lyon") if case.outcomes.get(p) == OK), None)
            if persona is None:
                continue
            path = build_path(route.route, case.kwargs(ctx) if case.kwargs else {})
            response = clients[persona].get(path)
            if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                pages[path] = html.unescape(response.content.decode())
    return pages


def untranslated_texts() -> dict[str, str]:
    """Return the English texts of content fields without a French value, each with the field it comes from."""
    texts = {}
    for model in translator.get_registered_models(abstract=False):
        if model._meta.proxy or model.__name__.startswith("Historical"):
            continue
        for field in translator.get_options_for_model(model).get_field_names():
            # Translation columns are nullable: an empty French value is NULL or "".
            empty_fr = Q(**{f"{field}_fr": ""}) | Q(**{f"{field}_fr__isnull": True})
            rows = (
                model._default_manager.filter(empty_fr)
                .exclude(**{f"{field}_en": ""})
                .exclude(**{f"{field}_en__isnull": True})
            )
            for pk, text in rows.values_list("pk", f"{field}_en"):
                text = text.strip()
                if len(text) >= MIN_LENGTH:
                    texts[text] = f"{model._meta.label}.{field} #{pk}"
    texts.update(dict.fromkeys(ENGLISH_LABELS, "label"))
    return texts


def english_on_pages(pages: dict[str, str], texts: dict[str, str]) -> list[str]:
    """Return one line per English text found on a French page: where it comes from, the text and the pages."""
    found = {}
    for path, page in pages.items():
        page = re.sub(r"\s+", " ", page)
        for text, origin in texts.items():
            if re.sub(r"\s+", " ", text) in page:
                found.setdefault((origin, text), []).append(path)
    return [f"{origin}: {text[:80]!r} on {', '.join(sorted(paths)[:3])}" for (origin, text), paths in found.items()]


def test_english_on_pages_names_the_field_and_page_of_an_untranslated_text():
    pages = {"/fr/": "<p>Cantine scolaire</p><p>Food bank collecting unsold food</p>"}
    texts = {"Food bank collecting unsold food": "assessments.Initiative.title #3", "Cantine": "label"}

    assert english_on_pages(pages, texts) == [
        "assessments.Initiative.title #3: 'Food bank collecting unsold food' on /fr/",
        "label: 'Cantine' on /fr/",
    ]


@pytest.mark.django_db
def test_french_pages_show_no_english_content(demo, clients):  # noqa: F811
    pages = french_pages(demo, clients)
    assert len(pages) > 20, f"The crawl read too few pages: {sorted(pages)}"
    missing = english_on_pages(pages, untranslated_texts())
    assert not missing, f"{len(missing)} English content texts on French pages:\n  " + "\n  ".join(sorted(missing))
