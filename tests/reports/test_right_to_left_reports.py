"""The reports in the partner cities' languages: the Fez city report in Arabic, right to left, in Arabic letters shaped
by a bundled font; the Lyon–Ho Chi Minh City duo report in Vietnamese, with its diacritics."""

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from assessments.models import Assessment, Framework, Initiative
from assessments.services import MUFPP_SLUG
from cities.models import City, Duo
from tests.factories import AssessmentFactory, CategoryAssessmentFactory, InitiativeFactory
from tests.pdf import pdf_info, pdf_text

from .data import build_programme, render


def publish_fez():
    framework = Framework.objects.get(slug=MUFPP_SLUG)
    assessment = AssessmentFactory(
        city=City.objects.get(slug="fez"),
        framework=framework,
        year=2024,
        status=Assessment.Status.PUBLISHED,
        summary_en="Fez feeds its medina from the surrounding farms.",
        summary_ar="تغذي فاس مدينتها العتيقة من المزارع المحيطة بها.",
    )
    for category, rating in zip(framework.categories.order_by("order"), [6, 5, 7, 4, 3, 8], strict=True):
        CategoryAssessmentFactory(assessment=assessment, category=category, rating=rating)
    initiative = InitiativeFactory(
        assessment=assessment,
        title_en="Medina bread ovens",
        title_ar="أفران الخبز في المدينة العتيقة",
        actor_type=Initiative.ActorType.ASSOCIATION,
        location=None,
    )
    initiative.categories.add(framework.categories.order_by("order").first())


@pytest.fixture
def programme(db):
    build_programme()
    publish_fez()


def fonts(content: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_the_fez_report_in_arabic_reads_right_to_left_in_arabic_words(programme):
    content = render("city", "fez", "ar")
    text = unicodedata.normalize("NFKC", pdf_text(content))

    assert pdf_info(content)["language"] == "ar"
    # Interface and content, each in the order it is read: the words are not reversed letter by letter.
    assert "تقييم النظام الغذائي" in text
    assert "تغذي فاس مدينتها العتيقة من المزارع المحيطة بها" in text
    assert "أفران الخبز في المدينة العتيقة" in text
    assert "ئيئاذغلا" not in text  # "الغذائي" backwards
    assert any(name.startswith("Vazirmatn") for name in fonts(content))


def test_the_lyon_ho_chi_minh_city_duo_report_is_in_vietnamese(programme):
    duo = Duo.objects.get(french_city__slug="lyon", partner_city__slug="ho-chi-minh-city")
    content = render("duo", duo.slug, "vi")
    text = unicodedata.normalize("NFC", pdf_text(content))

    assert pdf_info(content)["language"] == "vi"
    assert "Báo cáo cặp đôi thành phố" in text
    assert "Hai thành phố" in text
    assert "Lyon feeds its schools from regional farms." in text  # no Vietnamese summary: the English one, marked
    assert "chưa được dịch" in text


def test_the_fez_report_in_persian_writes_its_ratings_and_year_with_persian_digits(programme):
    content = render("city", "fez", "fa")
    text = unicodedata.normalize("NFKC", pdf_text(content))

    assert pdf_info(content)["language"] == "fa"
    assert "۲۰۲۴" in text  # the assessment's year, in the text and the charts' labels
    assert "2024" not in text
    pages = len(PdfReader(io.BytesIO(content)).pages)
    assert "۱" in text and f"{pages}".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in text  # "page x of y"
    # Latin digits only in the sources' addresses (wrapped over lines: each piece has a / ? = or @).
    assert not re.search(r"[0-9]", re.sub(r"\S*[/?=@]\S*", "", text))
