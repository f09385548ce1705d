"""The API documents itself: a valid OpenAPI 3 schema and Swagger UI served from our own static files."""

import re

import pytest
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "headers"),
    [({"format": "json"}, {}), ({}, {"accept": "application/vnd.oai.openapi+json"})],
)
def test_schema_is_a_valid_openapi_3_document(anonymous, query, headers):
    response = anonymous.get("/api/schema/", query, headers=headers)

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)  # raises jsonschema.ValidationError on an invalid document


def test_schema_documents_the_cities_and_duos_endpoints(anonymous):
    paths = anonymous.get("/api/schema/", {"format": "json"}).json()["paths"]

    for path in ["/api/cities/", "/api/cities/{slug}/", "/api/cities/geojson/", "/api/duos/", "/api/duos/{slug}/"]:
        assert "get" in paths[path], path
    assert "post" not in paths["/api/cities/"]
    parameters = {parameter["name"] for parameter in paths["/api/cities/"]["get"]["parameters"]}
    assert {"country", "role", "search", "page"} <= parameters


def test_api_docs_page_loads_swagger_ui_from_our_own_static_files(anonymous):
    response = anonymous.get("/api/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any("swagger-ui" in source for source in sources)
    external = [source for source in sources if re.match(r"(https?:)?//", source)]
    assert external == []
    assert "cdn.jsdelivr.net" not in html
    assert "unpkg.com" not in html


@pytest.fixture
def schema(anonymous):
    return anonymous.get("/api/schema/", {"format": "json"}).json()


def test_fields_that_answer_null_or_empty_are_declared_so(schema):
    components = schema["components"]["schemas"]

    assert components["Action"]["properties"]["duo"]["nullable"] is True
    assert components["Workshop"]["properties"]["mission"]["nullable"] is True
    assert components["City"]["properties"]["photo"]["nullable"] is True
    assert components["Report"]["properties"]["subject"]["pattern"] == "^(?:[-a-zA-Z0-9_]+)?$"  # the compilation: ""
    website = components["Initiative"]["properties"]["website"]["anyOf"]
    assert {"type": "string", "maxLength": 0} in website


def test_every_operation_documents_its_errors_with_the_one_error_shape(schema):
    error = {"$ref": "#/components/schemas/Error"}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert {"400", "401", "429"} <= set(responses), (method, path)
            assert responses["400"]["content"]["application/json"]["schema"] == error, (method, path)
            assert "Retry-After" in responses["429"]["headers"], (method, path)
    assert "404" in schema["paths"]["/api/cities/{slug}/"]["get"]["responses"]
    assert "404" in schema["paths"]["/api/cities/"]["get"]["responses"]  # no such page
    assert "403" in schema["paths"]["/api/reports/"]["post"]["responses"]
    assert schema["components"]["schemas"]["Error"]["additionalProperties"]["type"] == "array"


def test_a_report_request_needs_a_subject_except_for_the_compilation(schema):
    request = schema["components"]["schemas"]["ReportRequest"]
    by_kind = request["discriminator"]["mapping"]
    subject = schema["components"]["schemas"][by_kind["city"].rsplit("/", 1)[-1]]
    compilation = schema["components"]["schemas"][by_kind["compilation"].rsplit("/", 1)[-1]]

    assert "subject" in subject["required"]
    assert "subject" not in compilation.get("required", [])
    assert subject["additionalProperties"] is False


def test_enums_are_named_after_what_they_choose_and_main_operations_have_examples(schema):
    components = schema["components"]["schemas"]

    assert {"CityRoleEnum", "DuoPhaseEnum", "WorkshopFormatEnum", "ReportKindEnum"} <= set(components)
    city = schema["paths"]["/api/cities/{slug}/"]["get"]["responses"]["200"]["content"]["application/json"]
    assert city["examples"]["Lyon"]["value"]["slug"] == "lyon"
    assert "Error" in schema["info"]["description"]
