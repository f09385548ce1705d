"""Production settings refuse to start without their secrets, and pass Django's deployment checklist with them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
SECRET_KEY = "kq3v9-production-like-secret-key-for-the-test-only-7Zr2LmXw8pTt4sYb"
SETUP = ["-c", "import django; django.setup()"]


def run_django(args: list[str], **variables: str) -> subprocess.CompletedProcess:
    """Run Python in a fresh process with only the given variables (plus PATH) in its environment."""
    env = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "letsfood.settings", "IGNORE_DOTENV": "true"}
    env.update(variables)
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django(SETUP, DJANGO_DEBUG="false", ALLOWED_HOSTS="letsfood.example")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_django(SETUP, DJANGO_DEBUG="false", ALLOWED_HOSTS="letsfood.example", SECRET_KEY="short")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_django(SETUP, DJANGO_DEBUG="false", SECRET_KEY=SECRET_KEY)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_a_secret_key_is_read_from_a_file(tmp_path):
    secret = tmp_path / "secret_key"
    secret.write_text(SECRET_KEY + "\n")

    result = run_django(
        ["-c", "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"],
        DJANGO_DEBUG="false",
        ALLOWED_HOSTS="letsfood.example",
        SECRET_KEY_FILE=str(secret),
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == SECRET_KEY


@pytest.mark.parametrize(
    ("name", "value"),
    [("DJANGO_DEBUG", "maybe"), ("EMAIL_USE_TLS", "sometimes"), ("EMAIL_PORT", "twenty-five")],
)
def test_a_malformed_variable_is_a_clear_error_naming_it(name, value):
    result = run_django(SETUP, **{name: value})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert name in result.stderr
    assert value in result.stderr


def test_a_misspelt_database_url_is_a_clear_error_that_does_not_print_its_password():
    result = run_django(SETUP, DATABASE_URL="postgress://letsfood:s3cret-pw@127.0.0.1/letsfood")

    assert result.returncode != 0
    assert "ImproperlyConfigured: DATABASE_URL is not a database address" in result.stderr
    assert "postgress" in result.stderr
    assert "s3cret-pw" not in result.stderr


def test_an_empty_database_url_means_the_default_sqlite_database():
    result = run_django(
        ["-c", "import django; django.setup(); from django.conf import settings; print(settings.DATABASES)"],
        DATABASE_URL="",
    )

    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout and "db.sqlite3" in result.stdout


def test_production_settings_pass_the_deployment_checklist():
    result = run_django(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_DEBUG="false",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="letsfood.example",
    )

    assert result.returncode == 0, result.stdout + result.stderr
