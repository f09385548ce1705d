"""Each report kind is an accessible PDF: every chart and map is a Figure whose alternative text gives its data in
words, every table has header cells with a scope, headings nest, no element is a needless NonStruct, and the
document declares its language and title."""

from itertools import pairwise

import pytest
from django.db import transaction

from reports.pdf import svg_figure
from tests.assessments.follow_up import baseline, fez_follow_up
from tests.factories import DuoFactory, UserFactory
from tests.pdf import pdf_info, structure_tree

from .data import render

KINDS = ["city", "duo", "compilation"]
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def reports(django_db_setup, django_db_blocker):
    """The city report of Fez, the duo report of Montpellier–Fez and the compilation, from two editions of Fez."""
    with django_db_blocker.unblock(), transaction.atomic():
        duo = DuoFactory(french_city__name_en="Montpellier", partner_city__name_en="Fez")
        _framework, indicators, editions = baseline(duo)
        team = UserFactory(username="team", role="team", is_staff=True)
        fez_follow_up(fez_2019=editions[duo.partner_city.slug], indicators=indicators, team=team)
        duo.partner_city.is_published = True
        duo.partner_city.save()
        subjects = {"city": duo.partner_city.slug, "duo": duo.slug, "compilation": ""}
        rendered = {kind: render(kind, subject, "en") for kind, subject in subjects.items()}
        transaction.set_rollback(True)
    return rendered


@pytest.mark.parametrize("kind", KINDS)
def test_every_chart_and_map_is_a_figure_with_alternative_text(reports, kind):
    figures = [tag for tag in structure_tree(reports[kind]).walk() if tag.name == "Figure"]

    assert figures, "the charts and maps are tagged as figures"
    assert all(figure.alt and len(figure.alt) > 20 for figure in figures), [figure.alt for figure in figures]


def test_a_chart_s_alternative_text_gives_its_data_in_words(reports):
    alts = [tag.alt for tag in structure_tree(reports["duo"]).walk() if tag.name == "Figure"]

    assert any("Fez" in alt and "Montpellier" in alt and "/10" not in alt and "(0 to 10)" in alt for alt in alts), alts
    assert any("Fez 2026:" in alt and "Fez 2019:" in alt for alt in alts), alts  # the radar of both editions


@pytest.mark.parametrize("kind", KINDS)
def test_every_table_has_header_cells_and_each_header_its_scope(reports, kind):
    tables = [tag for tag in structure_tree(reports[kind]).walk() if tag.name == "Table"]
    headers = [tag for table in tables for tag in table.walk() if tag.name == "TH"]

    assert tables
    assert all(any(tag.name == "TH" for tag in table.walk()) for table in tables)
    assert {header.scope for header in headers} == {"Column", "Row"}


@pytest.mark.parametrize("kind", KINDS)
def test_headings_start_at_one_and_never_skip_a_level(reports, kind):
    levels = [int(tag.name[1]) for tag in structure_tree(reports[kind]).walk() if tag.name in {"H1", "H2", "H3", "H4"}]

    assert levels[0] == 1 and levels.count(1) == 1
    skips = [(before, after) for before, after in pairwise(levels) if after > before + 1]
    assert not skips, levels


@pytest.mark.parametrize("kind", KINDS)
def test_no_element_is_a_needless_non_struct(reports, kind):
    names = [tag.name for tag in structure_tree(reports[kind]).walk()]

    assert "NonStruct" not in names
    assert {"Document", "H1", "P", "Table", "Figure", "L", "Link"} <= set(names)


@pytest.mark.parametrize("kind", KINDS)
def test_each_report_declares_its_language_and_title(reports, kind):
    info = pdf_info(reports[kind])

    assert info["tagged"] and info["language"] == "en"
    assert info["title"] and "Fez" in info["title"] or kind == "compilation" and "compilation" in info["title"]


def test_a_figure_s_alternative_text_is_its_svg_s_title_and_description():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Ratings of “Fez”</title>'
        "<desc>Governance 7,\n  Food waste not rated</desc><circle r='1'/></svg>"
    )

    image = svg_figure(svg)

    assert image.startswith('<img src="data:image/svg+xml;base64,')
    assert 'alt="Ratings of “Fez”. Governance 7, Food waste not rated."' in image
    assert svg_figure("") == ""
