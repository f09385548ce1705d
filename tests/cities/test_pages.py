"""Public pages of the network in English and French: home, cities, duos, the language switcher and headers."""

import json
import re
from html.parser import HTMLParser

import pytest

from cities.models import City, Duo

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr"]


class _PageReader(HTMLParser):
    """Collect the html lang attribute and the text of the JSON script elements of a page."""

    def __init__(self):
        super().__init__()
        self.lang, self.scripts, self._script_id = None, {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "script" and attrs.get("type") == "application/json" and attrs.get("id"):
            self._script_id = attrs["id"]
            self.scripts[self._script_id] = ""

    def handle_data(self, data):
        if self._script_id:
            self.scripts[self._script_id] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._script_id = None


def read_page(response) -> _PageReader:
    reader = _PageReader()
    reader.feed(response.content.decode())
    return reader


def json_data(response, element_id: str):
    scripts = read_page(response).scripts
    assert element_id in scripts, f"no <script type=application/json id={element_id}> in the page"
    return json.loads(scripts[element_id])


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_lists_the_seven_duos(anonymous, reference_data, language):
    response = anonymous.get(f"/{language}/")

    assert response.status_code == 200
    assert read_page(response).lang == language
    assert {duo.slug for duo in response.context["duos"]} == set(Duo.objects.values_list("slug", flat=True))
    assert len(response.context["duos"]) == 7
    for duo in Duo.objects.all():
        assert duo.get_absolute_url() in response.content.decode()


def test_home_map_data_has_the_fourteen_cities_and_seven_duo_lines(anonymous, reference_data):
    response = anonymous.get("/en/")

    data = json_data(response, "network")
    assert len(data["cities"]) == 14
    assert len(data["duos"]) == 7
    fez = next(city for city in data["cities"] if city["slug"] == "fez")
    assert (fez["lat"], fez["lon"]) == pytest.approx((34.0433, -5.0033))
    lyon_line = next(line for line in data["duos"] if line["url"].endswith("/duos/lyon-ho-chi-minh-city/"))
    assert lyon_line["from"] == pytest.approx([45.76, 4.84])
    assert lyon_line["to"] == pytest.approx([10.77556, 106.70194])


def test_home_map_data_is_in_french_on_the_french_page(anonymous, reference_data):
    data = json_data(anonymous.get("/fr/"), "network")

    names = {city["slug"]: city["name"] for city in data["cities"]}
    assert names["fez"] == "Fès"
    assert names["tehran"] == "Téhéran"


@pytest.mark.parametrize("language", LANGUAGES)
def test_city_list_shows_every_published_city(anonymous, reference_data, language):
    response = anonymous.get(f"/{language}/cities/")

    assert response.status_code == 200
    assert read_page(response).lang == language
    assert len(response.context["cities"]) == 14


@pytest.mark.parametrize(("language", "name"), [("en", "Fez"), ("fr", "Fès")])
def test_city_detail_shows_the_city_name_in_the_page_language(anonymous, reference_data, language, name):
    response = anonymous.get(f"/{language}/cities/fez/")

    assert response.status_code == 200
    assert read_page(response).lang == language
    assert response.context["city"].slug == "fez"
    assert f"<h1>{name}</h1>" in response.content.decode()
    assert response.context["duo"].slug == "montpellier-fez"


def test_city_detail_map_data_has_the_city(anonymous, reference_data):
    data = json_data(anonymous.get("/en/cities/lyon/"), "city")

    assert [city["slug"] for city in data["cities"]] == ["lyon"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_duo_list_shows_the_seven_duos(anonymous, reference_data, language):
    response = anonymous.get(f"/{language}/duos/")

    assert response.status_code == 200
    assert read_page(response).lang == language
    assert len(response.context["duos"]) == 7


@pytest.mark.parametrize("language", LANGUAGES)
def test_duo_detail_shows_both_cities(anonymous, reference_data, language):
    response = anonymous.get(f"/{language}/duos/montpellier-fez/")

    assert response.status_code == 200
    assert read_page(response).lang == language
    duo = response.context["duo"]
    assert (duo.french_city.slug, duo.partner_city.slug) == ("montpellier", "fez")
    assert "/cities/fez/" in response.content.decode()


def test_french_duo_detail_shows_french_city_names(anonymous, reference_data):
    response = anonymous.get("/fr/duos/montpellier-fez/")

    assert "Fès" in response.content.decode()


def test_unknown_city_and_duo_are_not_found(anonymous, reference_data):
    assert anonymous.get("/en/cities/atlantis/").status_code == 404
    assert anonymous.get("/fr/duos/lyon-atlantis/").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unpublished_city_has_no_page(anonymous, reference_data, language):
    City.objects.filter(slug="fez").update(is_published=False)

    assert anonymous.get(f"/{language}/cities/fez/").status_code == 404
    assert anonymous.get(f"/{language}/cities/sfax/").status_code == 200


def test_an_unpublished_city_is_left_out_of_the_city_list(anonymous, reference_data):
    City.objects.filter(slug="fez").update(is_published=False)

    response = anonymous.get("/en/cities/")

    assert "fez" not in {city.slug for city in response.context["cities"]}
    assert len(response.context["cities"]) == 13


def test_an_unpublished_duo_has_no_page_and_is_left_out_of_the_home_page(anonymous, reference_data):
    Duo.objects.filter(slug="montpellier-fez").update(is_published=False)

    assert anonymous.get("/en/duos/montpellier-fez/").status_code == 404
    home = anonymous.get("/en/")
    assert "montpellier-fez" not in {duo.slug for duo in home.context["duos"]}
    assert len(json_data(home, "network")["duos"]) == 6


def test_language_switcher_redirects_to_the_same_page_in_french(anonymous, reference_data):
    response = anonymous.post("/i18n/setlang/", {"language": "fr", "next": "/en/"})

    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_language_switcher_keeps_the_page(anonymous, reference_data):
    response = anonymous.post("/i18n/setlang/", {"language": "fr", "next": "/en/cities/fez/"})

    assert response.status_code == 302
    assert response["Location"] == "/fr/cities/fez/"


@pytest.mark.parametrize(
    ("accept_language", "page", "language", "expected"),
    [("en", "/fr/cities/fez/", "en", "/en/cities/fez/"), ("fr", "/en/", "fr", "/fr/")],
)
def test_language_switcher_keeps_the_page_whatever_the_browser_language(
    anonymous, reference_data, accept_language, page, language, expected
):
    html = anonymous.get(page, headers={"accept-language": accept_language}).content.decode()
    forms = re.findall(r'name="next" value="([^"]+)">\s*<button type="submit" name="language" value="(\w+)"', html)
    next_url = {code: url for url, code in forms}[language]

    response = anonymous.post(
        "/i18n/setlang/", {"language": language, "next": next_url}, headers={"accept-language": accept_language}
    )

    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_redirects_to_a_language_prefix(anonymous, reference_data):
    response = anonymous.get("/", headers={"accept-language": "fr"})

    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def _directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in filter(None, (item.strip() for item in header.split(";"))):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_pages_send_the_security_headers(anonymous, reference_data):
    response = anonymous.get("/en/")

    csp = _directives(response["Content-Security-Policy"])
    script_src = csp.get("script-src", csp.get("default-src"))
    assert script_src
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    assert csp["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_show_no_template_markup(anonymous, reference_data, language):
    for path in ("/", "/cities/", "/cities/fez/", "/duos/", "/duos/lyon-ho-chi-minh-city/"):
        html = anonymous.get(f"/{language}{path}").content.decode()
        for marker in ("{#", "#}", "{%", "%}", "{{", "}}"):
            assert marker not in html, f"{marker!r} leaked into /{language}{path}"


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("en", ["Workshops", "Report", "Missions", "Food-disruption scenarios", "Newsletter archive"]),
        ("fr", ["Ateliers", "Rapport", "Missions", "Scénarios de crise alimentaire", "Archives de la lettre"]),
    ],
)
def test_every_public_section_is_reachable_from_the_header_or_footer(anonymous, reference_data, language, labels):
    page = anonymous.get(f"/{language}/").content.decode()

    for path in ["workshops/", "reports/compilation/", "missions/", "scenarios/", "newsletter/archive/"]:
        assert f'href="/{language}/{path}"' in page, f"/{language}/{path} is not linked from the home page"
    for label in labels:
        assert label in page
    for path in ["workshops/", "missions/", "scenarios/", "newsletter/archive/", "reports/compilation/"]:
        assert anonymous.get(f"/{language}/{path}").status_code == 200


def test_duo_page_leads_to_its_dashboard_action_plan_and_workshops(anonymous, reference_data):
    page = anonymous.get("/fr/duos/montpellier-fez/").content.decode()

    assert 'href="/fr/duos/montpellier-fez/dashboard/"' in page
    assert 'href="/fr/duos/montpellier-fez/plan/"' in page and "Le plan d'action du duo" in page
    assert 'href="/fr/workshops/?city=fez"' in page and "Ateliers à Fès" in page


def test_home_shows_a_bounded_number_of_duos_and_links_to_them_all(anonymous, reference_data, monkeypatch):
    from letsfood import views as home_views

    monkeypatch.setattr(home_views, "HOME_DUOS", 3)
    response = anonymous.get("/en/")

    page = response.content.decode()
    assert len(response.context["duos"]) == 3
    assert "See all 7 duos" in page and 'href="/en/duos/"' in page
    assert "7 duos of cities" in page  # the programme is counted whole
    data = json_data(response, "network")
    assert len(data["duos"]) == 3 and len(data["cities"]) == 6


@pytest.mark.parametrize(("url", "shown", "total"), [("/en/cities/", "cities", 14), ("/en/duos/", "duos", 7)])
def test_the_city_and_duo_lists_come_by_pages_once_they_are_long(
    anonymous, reference_data, monkeypatch, url, shown, total
):
    from cities import views as city_views

    monkeypatch.setattr(city_views, "LIST_PAGE_SIZE", 5)
    first = anonymous.get(url)
    last = anonymous.get(url, {"page": (total + 4) // 5})

    assert len(first.context[shown]) == 5
    assert 'rel="next"' in first.content.decode() and 'rel="prev"' not in first.content.decode()
    assert len(last.context[shown]) == total - 5 * ((total - 1) // 5)
    assert 'rel="prev"' in last.content.decode() and 'rel="next"' not in last.content.decode()
