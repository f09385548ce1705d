"""Public pages of assessments: a city's page with its food-system assessment, and the good-practice library."""

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from cities.models import City
from cities.selectors import duo_for_city, initiative_marker, network_map_data, territory_map_data
from core.charts import Series, radar_description, radar_svg
from core.predicates import is_team
from core.public_cache import public_page

from .editions import CURRENT_COLOUR, NoSuchEdition, change_radar, city_edition_change
from .filters import InitiativeFilter
from .indicator_page import indicator_sections
from .models import Assessment, Initiative
from .selectors import assessment_overview, framework_for_page, indicator_for_code, indicator_values_across_editions
from .trends import indicator_chart

LIBRARY_PAGE_SIZE = 20


def prefetch_related_objects_list(objects, *lookups) -> list:
    """Return the objects as a list with the lookups prefetched: one query per lookup for the list given."""
    objects = list(objects)
    prefetch_related_objects(objects, *lookups)
    return objects


def initiative_markers(initiatives) -> list[dict]:
    """Return the initiatives that have a location as map markers, each linking to its library entry."""
    return [
        initiative_marker(
            title=initiative.title,
            city=initiative.assessment.city.name,
            lat=initiative.latitude,
            lon=initiative.longitude,
            url=reverse("assessments:initiative-detail", kwargs={"ref": initiative.ref}),
        )
        for initiative in initiatives
        if initiative.location
    ]


def _chosen_edition(editions: list[Assessment], requested: str | None) -> Assessment | None:
    if requested:
        chosen = next((a for a in editions if str(a.year) == requested), None)
        if chosen is None:
            raise Http404("No such edition.")
        return chosen
    return next((a for a in editions if a.status == Assessment.Status.PUBLISHED), None)


def _radar(overview, city) -> str:
    axes = [str(item.category) for item in overview.categories]
    name = f"{city.name} {overview.assessment.year}"
    not_rated = _("not rated")
    series = [Series(name=name, values=overview.ratings, color=CURRENT_COLOUR)]
    return radar_svg(
        axes=axes,
        series=series,
        title=_("Ratings of the categories, %(name)s (0 to 10)") % {"name": name},
        description=radar_description(axes=axes, series=series, not_rated=not_rated),
        not_rated_label=not_rated,
        element_id="ratings-chart",
    )


@public_page("city")
def city_detail(request, slug):
    """The page of a city: its facts, its duo, and its latest published food-system assessment."""
    city = get_object_or_404(City.objects.published().select_related("parent"), slug=slug)
    editions = list(
        Assessment.objects.visible_to(request.user).for_city(city).select_related("framework").latest_first()
    )
    assessment = _chosen_edition(editions, request.GET.get("edition"))
    communes = list(City.objects.published().within(city).order_by("name"))
    map_data = territory_map_data(city, communes)
    context = {
        "city": city,
        "communes": communes,
        "duo": duo_for_city(city),
        "map_data": map_data,
        "assessment": assessment,
        # A territory outside the duos (a park, a commune) without a published assessment: its report would be empty.
        "city_report": city.role != City.Role.TERRITORY
        or any(edition.status == Assessment.Status.PUBLISHED for edition in editions),
    }
    if assessment is not None:
        overview = assessment_overview(assessment=assessment)
        for item in overview.categories:
            # The values entered, an explicit 'no data' included; indicators never filled in are only counted.
            item.entered = [(indicator, value) for indicator, value in item.rows if value is not None]
            item.missing = len(item.rows) - len(item.entered)
        try:
            change, tracks = city_edition_change(
                current=assessment,
                readable=editions,
                categories=[item.category for item in overview.categories],
                indicators=[indicator for item in overview.categories for indicator, _value in item.rows],
                current_initiatives=overview.initiatives,
                compare_year=request.GET.get("compare"),
            )
        except NoSuchEdition:
            raise Http404("No earlier published edition of that year to compare with.") from None
        # Every initiative of the editions read, once, as last reported: a follow-up never hides the earlier ones.
        map_data["initiatives"] = initiative_markers([track.initiative for track in tracks])
        if change is not None:
            radar = change_radar(city.name, change, element_id="ratings-chart")
        else:
            radar = _radar(overview, city) if len(overview.categories) >= 3 else ""
        context.update(
            overview=overview,
            change=change,
            tracks=tracks,
            radar=radar,
            other_editions=[a for a in editions if a.pk != assessment.pk],
        )
    else:
        context["other_editions"] = editions
    return render(request, "cities/city_detail.html", context)


def _library_queryset():
    # An initiative followed into a later published edition is listed once, as last reported.
    return (
        Initiative.objects.published()
        .exclude(carried_into__in=Initiative.objects.published())
        .select_related("organisation", "assessment__city")
        .order_by("title", "pk")
    )


@public_page("library")
def library(request):
    """The good-practice library: the initiatives of every published assessment, searched and filtered."""
    filterset = InitiativeFilter(request.GET or None, queryset=_library_queryset())
    initiatives = filterset.qs if filterset.is_bound and filterset.is_valid() else _library_queryset()
    page = Paginator(initiatives, LIBRARY_PAGE_SIZE).get_page(request.GET.get("page"))
    # Tags and markers of the page shown only: the cost of a page stays that of its twenty entries.
    page.object_list = prefetch_related_objects_list(page.object_list, "categories", "pillars")
    map_data = {"cities": [], "duos": [], "initiatives": initiative_markers(page.object_list)}
    slug = filterset.form.cleaned_data.get("city") if filterset.is_bound and filterset.is_valid() else ""
    city = City.objects.filter(slug=slug).first() if slug else None
    return render(
        request,
        "assessments/library.html",
        {"filter": filterset, "page": page, "initiatives": page.object_list, "map_data": map_data, "city": city},
    )


def initiative_detail(request, ref):
    """One entry of the good-practice library."""
    initiative = get_object_or_404(
        Initiative.objects.published()
        .select_related("organisation", "assessment__city")
        .prefetch_related("categories", "pillars", "actions"),
        ref=ref,
    )
    city = initiative.assessment.city
    map_data = network_map_data(cities=[city], duos=[])
    map_data["initiatives"] = initiative_markers([initiative])
    return render(
        request, "assessments/initiative_detail.html", {"initiative": initiative, "city": city, "map_data": map_data}
    )


def framework(request):
    """The assessment framework: its actions and indicators, which are official wordings and which paraphrases."""
    item = framework_for_page()
    if item is None:
        raise Http404(_("No framework has been loaded yet."))
    categories = list(item.categories.all())
    actions = [action for category in categories for action in category.actions.all()]
    indicators = [indicator for category in categories for indicator in category.indicators.all()]
    context = {
        "framework": item,
        "categories": categories,
        "counts": {
            "actions": len(actions),
            "actions_verified": sum(action.verified for action in actions),
            "indicators": len(indicators),
            "indicators_verified": sum(indicator.verified for indicator in indicators),
        },
    }
    return render(request, "assessments/framework.html", context)


def indicator_detail(request, code):
    """An indicator across editions, in every city the reader may read or in one (?city=), with what other apps add:
    the actions meant to move it (assessments.indicator_page)."""
    indicator = indicator_for_code(code)
    if indicator is None:
        raise Http404
    city = None
    if request.GET.get("city"):
        cities = City.objects.all() if is_team(request.user) else City.objects.published()
        city = get_object_or_404(cities, slug=request.GET["city"])
    values = indicator_values_across_editions(
        indicators=[indicator], user=request.user, cities=[city] if city else None
    ).get(indicator.pk, [])
    sections = indicator_sections(indicator=indicator, user=request.user, city=city)
    markers = [marker for section in sections for marker in section.markers]
    context = {
        "indicator": indicator,
        "city": city,
        "values": values,
        "chart": indicator_chart(indicator=indicator, values=values, markers=markers, element_id="indicator-chart"),
        "sections": sections,
    }
    return render(request, "assessments/indicator_detail.html", context)
