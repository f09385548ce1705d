"""HTML finished for its reader: fallback content marked on cached pages too, Persian written with Persian digits."""

import gzip

import pytest

from core.emails import email_render
from core.reader_html import html_for_reader, html_with_digits
from tests.factories import CityFactory

PERSIAN = "۰۱۲۳۴۵۶۷۸۹"


def test_the_digits_of_the_text_are_rewritten_and_nothing_else():
    html = (
        '<p data-count="12">Page 3 of 7 &#39;quoted&#39; &#x27;</p>'
        '<a href="/fa/cities/?page=2">2019 – https://example.org/report-2019.pdf</a>'
        "<script>var year = 2019;</script><style>.a{width:10px}</style>"
        "<pre>mufpp-08</pre><textarea>42</textarea><!-- 2026 -->"
        '<p>contact2@example.org</p><svg><text x="10">5/10</text></svg>'
    )

    assert html_with_digits(html, PERSIAN) == (
        '<p data-count="12">Page ۳ of ۷ &#39;quoted&#39; &#x27;</p>'
        '<a href="/fa/cities/?page=2">۲۰۱۹ – https://example.org/report-2019.pdf</a>'
        "<script>var year = 2019;</script><style>.a{width:10px}</style>"
        "<pre>mufpp-08</pre><textarea>42</textarea><!-- 2026 -->"
        '<p>contact2@example.org</p><svg><text x="10">۵/۱۰</text></svg>'
    )


@pytest.mark.parametrize(("language", "written"), [("fa", "۲۰۲۶"), ("ar", "2026"), ("fr", "2026"), ("vi", "2026")])
def test_only_persian_changes_its_digits(language, written):
    assert html_for_reader("<p>2026</p>", language) == f"<p>{written}</p>"


@pytest.fixture
def tehran(db):
    return CityFactory(
        slug="tehran-test",
        name_en="Tehran",
        name_fa="تهران",
        population=9039000,
        population_year=2016,
        description_en="A city at the foot of the Alborz.",
    )


def test_a_persian_page_writes_its_numbers_with_persian_digits_and_separators(client, tehran):
    page = client.get("/fa/cities/tehran-test/").content.decode()

    assert "۹٬۰۳۹٬۰۰۰" in page  # the population, grouped as Persian groups thousands
    assert "9,039,000" not in page and "9039000" not in page
    assert 'href="/fa/cities/tehran-test/' in page or 'href="/en/cities/tehran-test/' in page  # links keep theirs


def test_an_english_page_keeps_latin_digits(client, tehran):
    page = client.get("/en/cities/tehran-test/").content.decode()

    assert "9,039,000" in page
    assert "۹" not in page


@pytest.mark.parametrize("accept_encoding", ["gzip", ""])
def test_a_cached_public_page_carries_the_mark_and_the_digits_compressed_or_not(client, tehran, accept_encoding):
    for _ in range(2):  # rendered and stored, then served from the cache
        response = client.get("/fa/cities/tehran-test/", HTTP_ACCEPT_ENCODING=accept_encoding)
        body = response.content
        if response.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        page = body.decode()
        assert '<span class="untranslated" lang="en">A city at the foot of the Alborz.</span>' in page
        assert "\ufdd0" not in page and "\ufdd2" not in page
        assert "۹٬۰۳۹٬۰۰۰" in page
    assert (response.get("Content-Encoding") == "gzip") == (accept_encoding == "gzip")


def test_a_persian_email_writes_its_numbers_with_persian_digits_in_html_and_keeps_its_links():
    url = "https://letsfood.example/reports/12/download/"
    subject, text, html = email_render(
        "report-ready", {"name": "Tehran", "title": "Tehran 2026", "pages": 7, "url": url}, language="fa"
    )

    assert "۲۰۲۶" in html and "۷" in html
    assert f'href="{url}"' in html and f"{url}</p>" in html  # the link, and the address written out, unchanged
    assert "7" in text  # the plain text keeps Latin digits: it carries links and a reader's mail client shows it as is


@pytest.mark.parametrize(("language", "grouped"), [("ar", "9.039.000"), ("vi", "9.039.000"), ("en", "9,039,000")])
def test_every_language_groups_the_thousands_of_a_population(client, tehran, language, grouped):
    assert grouped in client.get(f"/{language}/cities/tehran-test/").content.decode()
