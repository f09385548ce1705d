"""Content not yet written in the reader's language is shown in a fallback language, marked, never silently."""

import pickle

import pytest
from django.utils import translation

from core.fallbacks import FallbackText, mark_untranslated, strip_untranslated
from tests.factories import CityFactory


@pytest.fixture
def lyon(db):
    return CityFactory(
        slug="lyon-test",
        name_en="Lyon",
        name_fr="Lyon",
        name_es="Lyon",
        description_en="A city on two rivers.",
        description_fr="Une ville sur deux fleuves.",
    )


def test_a_spanish_page_shows_french_content_in_french_with_the_not_yet_translated_mark(client, lyon):
    page = client.get("/es/cities/lyon-test/").content.decode()

    assert '<span class="untranslated" lang="fr">Une ville sur deux fleuves.</span>' in page
    assert '<small class="untranslated-mark">(aún no traducido)</small>' in page


def test_a_vietnamese_page_falls_back_to_english_first(client, lyon):
    page = client.get("/vi/cities/lyon-test/").content.decode()

    assert '<span class="untranslated" lang="en">A city on two rivers.</span>' in page
    assert "(chưa được dịch)" in page


def test_content_written_in_the_readers_language_carries_no_mark(client, lyon):
    page = client.get("/fr/cities/lyon-test/").content.decode()

    assert "Une ville sur deux fleuves." in page
    assert "untranslated" not in page


def test_a_city_without_a_name_of_its_own_keeps_its_name_unmarked(client, lyon):
    lyon.name_es = ""
    lyon.save()

    page = client.get("/es/cities/lyon-test/").content.decode()

    assert "<title>Lyon · Let's Food Cities</title>" in page and "<h1>Lyon</h1>" in page
    assert "\ufdd0" not in page and "\ufdd2" not in page


def test_the_mark_never_lands_in_a_title_a_script_or_an_attribute():
    text = FallbackText("Une ville", "fr").__html__()

    html = mark_untranslated(f'<title>{text}</title><script>"{text}"</script><img alt="{text}"><p>{text}</p>')

    assert html.startswith('<title>Une ville</title><script>"Une ville"</script><img alt="Une ville">')
    mark = '<small class="untranslated-mark">(not yet translated)</small>'
    assert html.endswith(f'<p><span class="untranslated" lang="fr">Une ville</span> {mark}</p>')


def test_a_fallback_value_is_a_plain_string_outside_html(lyon):
    with translation.override("ar"):
        description = lyon.description

    assert isinstance(description, FallbackText) and description.language == "fr"
    assert description == "Une ville sur deux fleuves." and str(description) == "Une ville sur deux fleuves."
    assert pickle.loads(pickle.dumps(description)).language == "fr"  # noqa: S301 (our own bytes): a cached page keeps it
    assert strip_untranslated(description.__html__()) == "Une ville sur deux fleuves."


def test_a_value_in_the_readers_language_is_not_a_fallback(lyon):
    with translation.override("fr"):
        assert not isinstance(lyon.description, FallbackText)


def test_marked_text_is_escaped_and_its_language_kept():
    html = mark_untranslated(
        f'<p title="{FallbackText("a", "fr").__html__()}">{FallbackText("<b>", "en").__html__()}</p>'
    )

    assert html.startswith('<p title="a">')
    assert '<span class="untranslated" lang="en">&lt;b&gt;</span>' in html


def test_values_list_of_a_translated_field_reads_in_any_language(lyon):
    from cities.models import City

    with translation.override("vi"):
        rows = dict(City.objects.filter(pk=lyon.pk).values_list("slug", "description"))

    assert rows == {"lyon-test": "A city on two rivers."}
