"""ADMINS is read from the environment and checked; Sentry is set up when, and only when, SENTRY_DSN is set."""

import json

from tests.letsfood.test_production_settings import run_django

PRINT_ADMINS = "import django, json; django.setup(); from django.conf import settings as s; print(json.dumps(s.ADMINS))"
# Sentry's init is replaced by a mock before the settings are read: nothing is sent anywhere.
PRINT_SENTRY = """
import json, sys
from unittest import mock
with mock.patch("sentry_sdk.init") as init:
    import django
    django.setup()
call = init.call_args
print(json.dumps(None if call is None else {
    "calls": init.call_count,
    "dsn": call.kwargs["dsn"],
    "integrations": sorted(type(i).__name__ for i in call.kwargs["integrations"]),
    "traces_sample_rate": call.kwargs["traces_sample_rate"],
    "send_default_pii": call.kwargs["send_default_pii"],
}))
"""
CHECK_NO_SENTRY = "import django, sys; django.setup(); print('sentry_sdk' in sys.modules)"
DSN = "https://public-key@o0.ingest.sentry.example/42"


def test_admins_are_read_from_a_list_of_named_addresses():
    result = run_django(["-c", PRINT_ADMINS], ADMINS="Platform team <team@letsfood.example>, ops@letsfood.example")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [["Platform team", "team@letsfood.example"], ["", "ops@letsfood.example"]]


def test_no_admins_by_default():
    result = run_django(["-c", PRINT_ADMINS])

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_an_admin_without_a_valid_address_is_a_clear_error():
    result = run_django(["-c", PRINT_ADMINS], ADMINS="Platform team <team@letsfood.example>, Ops <ops-at-letsfood>")

    assert result.returncode != 0
    assert "ImproperlyConfigured: ADMINS=" in result.stderr
    assert "'Ops' has no valid email address" in result.stderr


def test_sentry_is_initialised_with_the_django_and_celery_integrations_when_a_dsn_is_set():
    result = run_django(["-c", PRINT_SENTRY], SENTRY_DSN=DSN)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "calls": 1,
        "dsn": DSN,
        "integrations": ["CeleryIntegration", "DjangoIntegration"],
        "traces_sample_rate": 0.05,
        "send_default_pii": False,
    }


def test_the_sentry_traces_sample_rate_is_read_from_the_environment():
    result = run_django(["-c", PRINT_SENTRY], SENTRY_DSN=DSN, SENTRY_TRACES_SAMPLE_RATE="0.5")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["traces_sample_rate"] == 0.5


def test_a_sample_rate_out_of_range_is_a_clear_error():
    result = run_django(["-c", PRINT_SENTRY], SENTRY_DSN=DSN, SENTRY_TRACES_SAMPLE_RATE="5")

    assert result.returncode != 0
    assert "SENTRY_TRACES_SAMPLE_RATE='5' is not a number from 0.0 to 1.0" in result.stderr


def test_without_a_dsn_sentry_is_neither_initialised_nor_imported():
    mocked = run_django(["-c", PRINT_SENTRY])
    plain = run_django(["-c", CHECK_NO_SENTRY])

    assert mocked.returncode == 0, mocked.stderr
    assert json.loads(mocked.stdout) is None
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.strip() == "False"
