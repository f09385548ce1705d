"""Dates as each language writes them: Persian in the Solar Hijri calendar, in its own digits; the other languages in
the Gregorian calendar; the machine formats (form values, datetime attributes) Gregorian in every language."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from core.dates import date_format
from core.reader_html import html_for_reader

DAY = datetime.date(2026, 12, 7)  # 16 Azar 1405


@pytest.mark.parametrize(
    ("language", "named", "written"),
    [
        ("fa", "DATE_FORMAT", "16 آذر 1405"),
        ("fa", "SHORT_DATE_FORMAT", "1405/9/16"),
        ("fa", "YEAR_MONTH_FORMAT", "آذر 1405"),
        ("fr", "DATE_FORMAT", "7 décembre 2026"),
        ("ar", "SHORT_DATE_FORMAT", "07\u200f/12\u200f/2026"),  # Django's Arabic format, right-to-left marks included
        ("en", "DATE_FORMAT", "Dec. 7, 2026"),
    ],
)
def test_a_named_format_is_written_in_the_languages_calendar(language, named, written):
    with translation.override(language):
        assert date_format(DAY, named) == written


def test_a_persian_datetime_keeps_its_time_and_the_new_year_starts_in_march():
    with translation.override("fa"):
        assert date_format(datetime.datetime(2026, 3, 21, 9, 5), "DATETIME_FORMAT") == "1 فروردین 1405، ساعت 9:05"
        assert date_format(datetime.date(2026, 3, 20), "DATE_FORMAT") == "29 اسفند 1404"


def test_templates_write_named_formats_in_the_calendar_and_machine_formats_in_iso():
    template = Template(
        '<time datetime="{{ day|date:"Y-m-d" }}">{{ day|date:"DATE_FORMAT" }}</time> {{ day|date }} {{ missing|date }}'
    )
    with translation.override("fa"):
        html = html_for_reader(template.render(Context({"day": DAY})))
    assert html == '<time datetime="2026-12-07">۱۶ آذر ۱۴۰۵</time> ۱۶ آذر ۱۴۰۵ '
    with translation.override("fr"):
        assert (
            template.render(Context({"day": DAY}))
            == '<time datetime="2026-12-07">7 décembre 2026</time> 7 décembre 2026 '
        )


def test_a_value_that_is_not_a_date_renders_empty_as_django_does():
    with translation.override("fa"):
        assert Template('{{ word|date:"DATE_FORMAT" }}').render(Context({"word": "soon"})) == ""
