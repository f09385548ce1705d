"""The platform runs without GDAL: no module of ours loads django.contrib.gis, nor the map packages that did."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Imports every module of the project's own apps (the folders beside manage.py: models, admin, API, migrations,
# management commands…) after Django's setup, then prints which of the forbidden packages got loaded.
SCRIPT = """
import importlib, json, pkgutil, sys
from pathlib import Path
import django
from django.apps import apps
from django.conf import settings

django.setup()
root = settings.BASE_DIR.resolve()
configs = apps.get_app_configs()
packages = {config.name.split(".")[0] for config in configs if Path(config.path).resolve().parent == root}
packages.add("letsfood")
imported = []
for name in sorted(packages):
    package = importlib.import_module(name)
    imported.append(name)
    for module in pkgutil.walk_packages(package.__path__, prefix=name + "."):
        importlib.import_module(module.name)
        imported.append(module.name)
forbidden = ("django.contrib.gis", "leaflet", "djgeojson")
loaded = sorted(m for m in sys.modules if any(m == f or m.startswith(f + ".") for f in forbidden))
print(json.dumps({"imported": imported, "loaded": loaded}))
"""


def test_importing_every_module_of_the_project_loads_no_gis_library():
    # Were GDAL asked for, Django would fail at once on this path instead of finding the library of the machine.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "letsfood.settings", "GDAL_LIBRARY_PATH": "/nonexistent"}

    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )

    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"cities.models", "assessments.admin", "workshops.models", "core.geo", "letsfood.urls"} <= set(
        report["imported"]
    )
    assert any(name.startswith("cities.migrations.") for name in report["imported"])
    assert report["loaded"] == []
