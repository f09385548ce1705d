"""The programme's compilation: every duo and city, the good-practice library, the plans and the coverage."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from assessments.models import Assessment, Category, Initiative
from cities.models import City, Duo

from .common import (
    MAP_SOURCE,
    Sources,
    framework_sources,
    initiative_data,
    locator_map,
)
from .duo import duo_data, plan_data


def _library() -> list[dict]:
    """Return every published initiative once, under its first category (in the framework's order)."""
    initiatives = list(
        Initiative.objects.published()
        .select_related("organisation", "assessment__city")
        .prefetch_related("categories")
        .order_by("title", "pk")
    )
    groups: dict[str, dict] = {}
    for category in Category.objects.filter(initiatives__in=initiatives).distinct().order_by("framework_id", "order"):
        groups.setdefault(str(category), {"code": category.code, "name": str(category), "initiatives": []})
    other = {"code": "other", "name": str(_("Not classified")), "initiatives": []}
    for initiative in initiatives:
        categories = sorted(initiative.categories.all(), key=lambda c: (c.framework_id, c.order))
        item = initiative_data(initiative) | {
            "city": initiative.assessment.city.name,
            "is_demo": initiative.assessment.is_demo,
        }
        (groups[str(categories[0])] if categories else other)["initiatives"].append(item)
    return [group for group in [*groups.values(), other] if group["initiatives"]]


def _coverage() -> dict:
    from network.selectors import network_coverage

    coverage = network_coverage(user=AnonymousUser())
    return {
        "total": coverage.total.as_dict() | {"all": coverage.total.total},
        "actions": len(coverage.rows),
        "actions_covered": sum(1 for row in coverage.rows if row.total.total),
        "categories": [
            {
                "name": str(group.category),
                "actions": len(group.rows),
                "covered": sum(1 for row in group.rows if row.total.total),
                "total": sum((row.total for row in group.rows), start=type(coverage.total)()).as_dict(),
            }
            for group in coverage.categories
        ],
        "cities": [
            {
                "name": column.city.name,
                "duo": column.duo.name,
                "assessed": column.assessment is not None,
                **column.total.as_dict(),
            }
            for column in coverage.columns
        ],
    }


def compilation_document(subject: str = "") -> dict:
    """Return the data of the programme's compilation: every duo and city, the library, the plans, the coverage."""
    duos = list(
        Duo.objects.published()
        .with_cities()
        .filter(french_city__is_published=True, partner_city__is_published=True)
        .order_by("french_city__name")
    )
    sources = Sources()
    items = []
    for duo in duos:
        item = duo_data(duo, sources, details=False)
        item["plan"] = plan_data(duo)
        items.append(item)
    cities = [city for item in items for city in item["cities"]]
    framework_sources(sources)
    library = _library()
    world = locator_map(
        cities=cities,
        duos=[(2 * n, 2 * n + 1) for n in range(len(items))],
        title=_("The cities of the programme and their duos"),
        world=True,
        element_id="map-world",
        unlabelled={City.Role.FRENCH},  # too close together on a world map: the inset names them
    )
    french = [city for city in cities if city["role_code"] == City.Role.FRENCH]
    inset = locator_map(
        cities=french,
        duos=[],
        title=_("The French cities of the programme"),
        element_id="map-france",
        padding=1.5,
        min_span=10.0,
        width=300,
    )
    sources.add(**MAP_SOURCE, used_for=_("Locator map"))
    published = Assessment.objects.published().filter(city__is_published=True)
    return {
        "kind": "compilation",
        "title": str(_("Let's Food Cities: programme compilation")),
        "subtitle": str(
            _("%(duos)s city duos, %(cities)s cities")
            % {"duos": len(items), "cities": len({c["slug"] for c in cities})}
        ),
        "is_demo": published.filter(is_demo=True).exists() or any(item["is_demo"] for item in items),
        "map": world,
        "inset_map": inset,
        "duos": items,
        "library": library,
        "library_count": sum(len(group["initiatives"]) for group in library),
        "library_demo": any(i["is_demo"] for group in library for i in group["initiatives"]),
        "coverage": _coverage(),
        "sources": sources.as_list(),
    }
