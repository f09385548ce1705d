"""Pages of a duo's private content, for its partner users and the team: anyone else gets "not found"."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .selectors import duo_private_for


@login_required
def duo_contacts(request, slug):
    duo = duo_private_for(request.user, slug)
    contacts = duo.contacts.select_related("city", "organisation").order_by("city__slug", "name")
    sides = [(city, [contact for contact in contacts if contact.city_id == city.pk]) for city in duo.cities]
    return render(request, "cities/duo_contacts.html", {"duo": duo, "sides": sides})
