"""Shared fixtures: fast settings and the personas every test speaks of."""

import os
from importlib import import_module
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.cache import cache
from django.utils import translation

from tests.factories import DuoFactory, PartnerCityFactory, StudentFactory, UserFactory

# A developer's .env (read by manage.py, for make run) must not change what is tested: neither this process, whose
# settings read the environment only, nor the processes the tests start (manage.py, workers) read it.
os.environ["IGNORE_DOTENV"] = "true"


@pytest.fixture(autouse=True)
def _fast_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def duo_a(db):
    return DuoFactory(french_city__name_en="Lyon", partner_city__name_en="Ho Chi Minh City", partner_city__country="VN")


@pytest.fixture
def duo_b(db):
    return DuoFactory(french_city__name_en="Montpellier", partner_city__name_en="Fez")


@pytest.fixture
def team_member(db):
    return UserFactory(username="team", role="team", is_staff=True)


@pytest.fixture
def partner_a(duo_a):
    """A partner user of duo A (the French city of the Lyon–Ho Chi Minh City duo)."""
    return UserFactory(username="lyon", role="partner", city=duo_a.french_city)


@pytest.fixture
def partner_b(duo_b):
    """A partner user of duo B (the partner city of the Montpellier–Fez duo)."""
    return UserFactory(username="fez", role="partner", city=duo_b.partner_city)


@pytest.fixture
def anonymous(client):
    """An anonymous visitor: Django's test client, logged in as nobody."""
    return client


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups to send each group to one process
def pytest_collection_modifyitems(config, items):
    """Skip the tests that need the real PostgreSQL and Redis when DATABASE_URL or REDIS_URL is unset.

    When they run, they run one after the other on the same test process (pytest-xdist's loadgroup): each starts
    Celery workers that listen to the same broker queue.
    """
    missing = [name for name in ("DATABASE_URL", "REDIS_URL") if not os.environ.get(name)]
    skip = pytest.mark.skip(reason=f"needs the real services: {', '.join(missing)} unset") if missing else None
    for item in items:
        if "services" in item.keywords:
            item.add_marker(skip or pytest.mark.xdist_group("services"))


@pytest.fixture(scope="session")
def _media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def _private_media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("private")


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, _media_root, _private_media_root):
    """Uploaded and generated files go to a temporary folder; with Redis, each test process has its own cache.

    A cache clear on Redis empties its whole database: the cache must not share the broker's database, nor another
    test process's, when the suite runs on several processes (make test).
    """
    settings.MEDIA_ROOT = _media_root
    settings.PRIVATE_MEDIA_ROOT = _private_media_root
    # A request through the test client leaves its language active in the thread: every test starts in English.
    translation.activate(settings.LANGUAGE_CODE)
    redis_url = os.environ.get("REDIS_URL")
    if redis_url:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "")  # gw0, gw1… under pytest-xdist
        index = 1 + (int(worker[2:]) if worker.startswith("gw") else 0)
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": urlsplit(redis_url)._replace(path=f"/{index}").geturl(),
                "KEY_PREFIX": f"test{index}",
            }
        }
    # Nothing cached by one test (the footer's consent text, rate-limit counters…) reaches the next.
    cache.clear()


@pytest.fixture(scope="session")
def _reference_snapshot(django_db_setup, django_db_blocker):
    """The tables load_reference fills, with a copy of what it writes (tests/reference.py); dropped at the end."""
    from tests.reference import snapshot_drop, snapshot_take

    with django_db_blocker.unblock():
        tables = snapshot_take()
    yield tables
    with django_db_blocker.unblock():
        snapshot_drop(tables)


@pytest.fixture
def reference_data(db, _reference_snapshot):
    """The programme's reference data, as the command every deployment runs writes it (run once per session)."""
    from tests.reference import reference_load

    reference_load(_reference_snapshot)


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", role="team", is_staff=True, is_superuser=True)


@pytest.fixture
def sfax(db):
    """Sfax (the reference city when the reference data is loaded first)."""
    return PartnerCityFactory(name_en="Sfax", name_fr="Sfax", country="TN")


@pytest.fixture
def student(sfax):
    """A student contributor assigned to Sfax."""
    return StudentFactory(username="student", assigned_cities=[sfax])


@pytest.fixture
def tasks_in_process(settings, monkeypatch):
    """Run Celery tasks in the test process even when REDIS_URL makes them real (the services run)."""
    from letsfood.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = True
    monkeypatch.setattr(app.conf, "task_always_eager", True)
    monkeypatch.setattr(app.conf, "task_eager_propagates", True)


@pytest.fixture(autouse=True)
def _tasks_in_process_unless_a_worker_runs(request):
    """With REDIS_URL set, a test that starts no Celery worker runs its tasks in-process too, as on SQLite.

    A task queued to the real broker by such a test would wait there for the next test that starts a worker, which
    would then run a task of a database that no longer exists (or send its emails into that test's outbox).
    """
    if os.environ.get("REDIS_URL") and "services" not in request.keywords:
        request.getfixturevalue("tasks_in_process")


@pytest.fixture
def consent_text(db):
    """The first consent text, written by the migration that seeds it (newsletter 0002).

    Never assume that data seeded by a migration is in the test database: a transactional test (live server, workers)
    empties every table when it ends, and with --reuse-db the next run starts from that emptied database.
    """
    from newsletter.models import ConsentText

    import_module("newsletter.migrations.0002_consent_text_v1").create(apps, None)
    return ConsentText.objects.get(version=1)


@pytest.fixture
def _back_to_the_latest_migrations():
    """Leave the database at the latest migrations after a test that moved it (tests/migrating.py)."""
    from tests.migrating import migrate_to_latest

    yield
    migrate_to_latest()
