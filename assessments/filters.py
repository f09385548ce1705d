"""The good-practice library's search and filters: a GET form that works without JavaScript."""

import django_filters
from django import forms
from django.db import connections
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cities.models import City

from .models import Category, Initiative, Pillar

SEARCHED_FIELDS = ("title_en", "title_fr", "description_en", "description_fr")


def initiatives_matching(queryset, text: str):
    """Return the initiatives whose title or description, in either language, match the words of `text`.

    PostgreSQL ranks a full-text search with English and French stemming ("canteen" finds "canteens", "cantine"
    finds "cantines"); other databases fall back to every word appearing somewhere in the same four fields.
    """
    text = " ".join(text.split())
    if not text:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        document = SearchVector("title_en", weight="A", config="english") + SearchVector(
            "description_en", weight="B", config="english"
        )
        document += SearchVector("title_fr", weight="A", config="french") + SearchVector(
            "description_fr", weight="B", config="french"
        )
        query = SearchQuery(text, config="english", search_type="websearch") | SearchQuery(
            text, config="french", search_type="websearch"
        )
        return (
            queryset.annotate(document=document, rank=SearchRank(document, query))
            .filter(document=query)
            .order_by("-rank", "title")
        )
    condition = Q()
    for word in text.split():
        condition &= Q.create([(f"{name}__icontains", word) for name in SEARCHED_FIELDS], connector=Q.OR)
    return queryset.filter(condition)


def library_countries() -> list[tuple[str, str]]:
    """Return the countries that have initiatives in the library, as (code, name) choices sorted by name."""
    codes = set(
        City.objects.filter(assessments__in=Initiative.objects.published().values("assessment")).values_list(
            "country", flat=True
        )
    )
    return sorted(((code, countries.name(code)) for code in codes), key=lambda choice: choice[1])


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    category = django_filters.ModelChoiceFilter(
        field_name="categories",
        label=_("Category"),
        empty_label=_("All categories"),
        queryset=Category.objects.filter(framework__is_active=True).order_by("framework__name", "order"),
    )
    pillar = django_filters.ModelChoiceFilter(
        field_name="pillars", label=_("Pillar"), empty_label=_("All pillars"), queryset=Pillar.objects.all()
    )
    actor_type = django_filters.ChoiceFilter(
        label=_("Actor type"), choices=Initiative.ActorType.choices, empty_label=_("All actor types")
    )
    country = django_filters.ChoiceFilter(
        field_name="assessment__city__country", label=_("Country"), empty_label=_("All countries"), choices=[]
    )
    # One city's initiatives, as a page that lists only some of them links to (the duo dashboard): a hidden field,
    # the page names the city and offers to leave it.
    city = django_filters.CharFilter(field_name="assessment__city__slug", label=_("City"), widget=forms.HiddenInput)

    class Meta:
        model = Initiative
        fields = ["q", "category", "pillar", "actor_type", "country", "city"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["country"].extra["choices"] = library_countries

    def search(self, queryset, name, value):
        return initiatives_matching(queryset, value)
