"""The API answers what its OpenAPI schema promises: schemathesis, with every check, against the live schema.

Requests generated from the schema are sent in-process (WSGI) to the platform holding the demo data, as an anonymous
caller, a partner of a duo and a team member. Any failure of any check fails the test: an answer the schema does
not document (status, content type, header or body), a schema-valid request refused, a schema-invalid one accepted.
"""

import base64
import io
import itertools

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings

from cities.models import City
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"  # tests.factories.UserFactory's
# Few examples per operation, always the same ones: the whole API in about a minute, and a failure that reproduces.
EXAMPLES = 8

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("api-contract")]


def _basic(username: str) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{PASSWORD}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@pytest.fixture
def callers(db, settings):
    """The demo data, and the headers of the callers in turn: anonymous, a partner of Lyon's duo, a team member."""
    call_command("load_reference", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    # The limits answer 429, documented; set high, every generated request reaches the operation it tests.
    settings.API_ANON_THROTTLE_RATE = settings.API_USER_THROTTLE_RATE = "1000000/minute"
    UserFactory(username="contract-partner", role="partner", city=City.objects.get(slug="lyon"))
    UserFactory(username="contract-team", role="team", is_staff=True)
    # Each generated request is sent by the next caller in turn: every operation is tried by all three.
    return itertools.cycle([{}, _basic("contract-partner"), _basic("contract-team")])


@pytest.fixture
def api_schema(callers):
    """The live schema, read from the WSGI application that then answers the generated requests."""
    # As Django's test client does: a request must not close the test's connection (its transaction holds the data).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_every_api_answer_is_the_one_its_schema_documents(case, callers):
    # A server gives each request the caller's address (report requests are counted per address).
    # Called straight through WSGI, no HTTP client undoes a gzip encoding: the body is asked for as it is
    # (tests/core/test_public_cache.py checks that the gzipped copy is the same document).
    headers = {"Accept-Encoding": "identity", **next(callers)}
    case.call_and_validate(headers=headers, environ_base={"REMOTE_ADDR": "203.0.113.7"})
