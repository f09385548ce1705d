"""Admin building blocks shared by the apps: the point picker, opened on the territory of the object being edited."""

from core.geo import PointWidget, point_coordinates


def territory_of_request(request, model, field_name):
    """Return the object named by `?<field_name>=<id>` on an add page (the admin prefills the form from it), or None."""
    value = request.GET.get(field_name, "") if request is not None else ""
    if not value.isdigit():
        return None
    return model.objects.filter(pk=value).first()


class MapAdminMixin:
    """Edit the point fields of a model admin or an inline with our own map widget (core.geo.PointWidget).

    The map opens on the point when there is one, else on `map_territory()` (the city of the object), else on the
    first of the user's own cities, never on the whole world.
    """

    def map_territory(self, request, obj):
        """Return the city or territory whose centre the map opens on for `obj` (None: not known yet)."""
        return None

    def _map_centre(self, request, obj):
        territory = self.map_territory(request, obj)
        centre = point_coordinates(getattr(territory, "location", None))
        if centre is not None:
            return centre
        user = getattr(request, "user", None)
        cities = []
        if user is not None and user.is_authenticated:
            cities = [*user.assigned_cities.filter(location__isnull=False)[:1]]
            if not cities and user.city_id and user.city.location:
                cities = [user.city]
        return point_coordinates(cities[0].location) if cities else None

    def _set_up_point_widgets(self, form_class, request, obj):
        centre = self._map_centre(request, obj)
        for field in form_class.base_fields.values():
            if isinstance(field.widget, PointWidget):
                field.widget.centre = centre

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        self._set_up_point_widgets(form, request, obj)
        return form

    def get_formset(self, request, obj=None, **kwargs):
        # Inlines: `obj` is the parent object (the assessment of the initiatives).
        formset = super().get_formset(request, obj, **kwargs)
        self._set_up_point_widgets(formset.form, request, obj)
        return formset
