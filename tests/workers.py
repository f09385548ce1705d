"""Real Celery processes for the worker tests: started as in production against the test database, always stopped.

A worker or beat runs `celery -A letsfood …` in its own process group (so a SIGKILL reaches its children too), logs
into the test's tmp_path, and reads the settings module it is given: the platform's settings plus what the test
needs (tests/core/worker_settings.py, tests/reports/worker_settings.py).
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

BASE_DIR = Path(__file__).resolve().parents[1]
CELERY = str(Path(sys.executable).with_name("celery"))


def requires_postgresql() -> None:
    """Skip the test unless it runs on PostgreSQL: the worker shares the test database, which SQLite cannot."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database: PostgreSQL only")


def worker_environment(settings_module: str, **environment: str) -> dict:
    """Return the environment of a Celery process that uses the test database and runs its tasks for real."""
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "PYTHONPATH": str(BASE_DIR),
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    if connection.vendor == "postgresql":
        env["DATABASE_URL"] = (
            f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST']}:"
            f"{database['PORT']}/{database['NAME']}"
        )
    return {**env, **environment}


def start_celery(
    tmp_path: Path, name: str, command: list[str], *, settings_module: str, **environment: str
) -> subprocess.Popen:
    """Start `celery -A letsfood <command>` in its own process group, logging into tmp_path/<name>.log."""
    log = (tmp_path / f"{name}.log").open("w")
    return subprocess.Popen(
        [CELERY, "-A", "letsfood", *command],
        cwd=BASE_DIR,
        env=worker_environment(settings_module, **environment),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def start_worker(tmp_path: Path, name: str, *, settings_module: str, **environment: str) -> subprocess.Popen:
    """Start a solo-pool worker named `name` (its log: tmp_path/<name>.log)."""
    command = ["worker", "--pool=solo", "--loglevel=INFO", "--without-gossip", "-n", f"{name}@%h"]
    return start_celery(tmp_path, name, command, settings_module=settings_module, **environment)


def start_beat(tmp_path: Path, *, settings_module: str, **environment: str) -> subprocess.Popen:
    """Start the beat with the platform's schedule (its log: tmp_path/beat.log)."""
    command = ["beat", "--loglevel=INFO", "-s", str(tmp_path / "beat-schedule")]
    return start_celery(tmp_path, "beat", command, settings_module=settings_module, **environment)


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    """Stop the process group of a Celery process (SIGKILL: as if its machine died) and wait for it."""
    if process.poll() is None:
        os.killpg(process.pid, sig)
        process.wait(timeout=30)


def wait_until(condition, *, seconds: float, what: str, tmp_path: Path) -> None:
    """Return once condition() is true; fail with the processes' logs if it is not within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    fail_with_logs(f"{what} not within {seconds} s", tmp_path)


def fail_with_logs(reason: str, tmp_path: Path) -> None:
    """Fail the test, showing the end of each Celery process's log."""
    logs = "\n".join(path.read_text(errors="replace")[-3000:] for path in tmp_path.glob("*.log"))
    pytest.fail(f"{reason}; worker logs:\n{logs}")
