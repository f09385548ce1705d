"""Pages of a duo's private content, for its partner users and the team: anyone else gets "not found"."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .models import Duo


def duo_for_private_view(request, slug: str) -> Duo:
    """Return the duo whose private content the user may see; 404 otherwise, so that private pages are not revealed."""
    duo = get_object_or_404(Duo.objects.with_cities(), slug=slug)
    if not request.user.has_perm("cities.view_duo_private", duo):
        raise Http404
    return duo


@login_required
def duo_contacts(request, slug):
    duo = duo_for_private_view(request, slug)
    contacts = duo.contacts.select_related("city", "organisation").order_by("city__slug", "name")
    sides = [(city, [contact for contact in contacts if contact.city_id == city.pk]) for city in duo.cities]
    return render(request, "cities/duo_contacts.html", {"duo": duo, "sides": sides})
