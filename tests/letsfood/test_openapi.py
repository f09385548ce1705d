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
