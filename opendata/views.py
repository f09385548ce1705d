"""The open-data page: what each dataset holds, its licence, how to cite it, and the latest package to download."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from .dictionary import LICENCE, RESOURCES
from .models import OpenDataRelease
from .services import citation


def index(request):
    language = (get_language() or "en")[:2]
    release = OpenDataRelease.objects.latest_first().first()
    resources = [
        {
            "name": resource.name,
            "title": resource.title(language),
            "description": resource.description(language),
            "path": resource.path,
            "primary_key": resource.primary_key,
            "columns": [
                {
                    "name": column.name,
                    "type": column.type,
                    "unit": column.unit,
                    "constraints": column.constraint_text(language),
                    "description": column.description(language),
                }
                for column in resource.columns
            ],
        }
        for resource in RESOURCES
    ]
    context = {
        "release": release,
        "downloads": release.downloads() if release else [],
        "citation": citation(stamp=release.created_at.strftime("%Y-%m-%dT%H%M%SZ")) if release else "",
        "licence": LICENCE,
        "resources": resources,
    }
    return render(request, "opendata/index.html", context)


def latest(request, kind):
    """Redirect to the dated file of the latest release (zip, xlsx or geojson)."""
    release = OpenDataRelease.objects.latest_first().first()
    if release is None or kind not in release.files:
        raise Http404("No open-data package of this kind has been built yet.")
    return redirect(release.url(kind))
