"""`make run` and `make test` check WeasyPrint's system libraries first: a missing one stops make with one line that
names the Debian package to install, not a traceback."""

import os
import shutil
import subprocess

import pytest
from django.conf import settings

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make_system_libraries(**variables: str) -> subprocess.CompletedProcess:
    arguments = [f"{name}={value}" for name, value in variables.items()]
    # Not the flags nor the variables of a `make test` this suite may run under.
    env = {name: value for name, value in os.environ.items() if name not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    return subprocess.run(
        ["make", "--no-print-directory", "system-libraries", *arguments],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_missing_pango_stops_make_with_one_line_naming_the_debian_packages():
    absent = "letsfood-absent-pango-1.0:libpango-1.0-0 letsfood-absent-pangoft2-1.0:libpangoft2-1.0-0"

    result = make_system_libraries(WEASYPRINT_LIBRARIES=f"gobject-2.0:libglib2.0-0 {absent}")

    assert result.returncode != 0
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "Pango is missing" in line
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0." in line  # the packages of the missing libraries only
    assert "Traceback" not in result.stderr


def test_the_check_passes_where_weasyprint_can_load_its_libraries():
    from weasyprint import HTML  # loads Pango: the suite runs only where it is installed

    assert HTML(string="<p>PDF</p>").write_pdf().startswith(b"%PDF")
    result = make_system_libraries()

    assert (result.returncode, result.stderr) == (0, "")
