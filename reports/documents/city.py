"""The city report: a published city's facts, its latest assessment, its change since the previous edition."""

from django.utils.translation import gettext as _

from cities.models import City

from .common import (
    MAP_SOURCE,
    Sources,
    city_data,
    locator_map,
    report_error,
)


def city_document(subject: str) -> dict:
    """Return the data of the assessment report of the published city `subject`."""
    city = City.objects.published().filter(slug=subject).first()
    if city is None:
        raise report_error(_("No published city %(slug)s.") % {"slug": subject})
    sources = Sources()
    data = city_data(city, sources)
    if data["assessment"] is None and city.role == City.Role.TERRITORY:
        # A park or a commune outside the duos without an assessment: its report would be empty.
        raise report_error(
            _("%(name)s has no published assessment: there is no city report to make.") % {"name": city.name}
        )
    title = _("Food system assessment: %(name)s") % {"name": city.name}
    data["map"] = locator_map(
        cities=[data], duos=[], title=_("Location of %(name)s") % {"name": city.name}, world=False, element_id="map"
    )
    sources.add(**MAP_SOURCE, used_for=_("Locator map"))
    assessment = data["assessment"]
    return {
        "kind": "city",
        "title": str(title),
        "subtitle": str(
            _("%(role)s · %(country)s · assessment %(year)s")
            % {"role": data["role"], "country": data["country"], "year": assessment["year"]}
            if assessment
            else _("%(role)s · %(country)s") % {"role": data["role"], "country": data["country"]}
        ),
        "is_demo": bool(assessment and assessment["is_demo"]),
        "city": data,
        "sources": sources.as_list(),
    }
