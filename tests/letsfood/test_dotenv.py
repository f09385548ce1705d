"""manage.py (make run) reads a development .env file when there is one, never over the environment; the tests never
read it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PRINT_SETTINGS = "from django.conf import settings; print(settings.SITE_URL, settings.CSRF_TRUSTED_ORIGINS[0])"


def run_manage_py_beside(dotenv: str, directory: Path, **variables: str) -> list[str]:
    """Run a copy of manage.py from a folder holding the given .env, with only the given variables; return what the
    settings say."""
    shutil.copy(Path(settings.BASE_DIR, "manage.py"), directory / "manage.py")
    (directory / ".env").write_text(dotenv)
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(settings.BASE_DIR), **variables}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", PRINT_SETTINGS],
        cwd=directory,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


DOTENV = """# a developer's settings
SITE_URL=http://dotenv.example:8000
CSRF_TRUSTED_ORIGINS=http://dotenv.example:8000
"""


def test_manage_py_reads_the_dotenv_file_but_the_environment_wins(tmp_path):
    site_url, origin = run_manage_py_beside(DOTENV, tmp_path, CSRF_TRUSTED_ORIGINS="https://environment.example")

    assert site_url == "http://dotenv.example:8000"
    assert origin == "https://environment.example"


def test_ignore_dotenv_leaves_the_file_unread(tmp_path):
    site_url, origin = run_manage_py_beside(
        DOTENV, tmp_path, CSRF_TRUSTED_ORIGINS="https://environment.example", IGNORE_DOTENV="true"
    )

    assert site_url == "http://127.0.0.1:8000"  # the default
    assert origin == "https://environment.example"


def test_the_test_suite_and_the_processes_it_starts_never_read_a_dotenv_file():
    assert os.environ["IGNORE_DOTENV"] == "true"  # inherited by manage.py and workers started by tests
    assert "dotenv" not in sys.modules  # the settings read the environment only
