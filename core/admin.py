"""Admin building blocks shared by the apps: a map widget that runs under the platform's Content Security Policy."""

from leaflet.admin import LeafletGeoAdminMixin


class MapAdminMixin(LeafletGeoAdminMixin):
    """Edit GeoJSON fields on a Leaflet map whose inline scripts carry the response's CSP nonce.

    django-leaflet's widget writes inline <script> elements, which our policy (script-src 'self' plus a nonce)
    only runs when they carry the nonce of the response. Reading request.csp_nonce is also what makes django-csp
    add the nonce to this response's header, so pages that never read it keep the plain 'self' policy.
    """

    def formfield_for_dbfield(self, db_field, request=None, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        nonce = getattr(request, "csp_nonce", None)
        if formfield is not None and nonce is not None and hasattr(formfield.widget, "csp_nonce"):
            formfield.widget.csp_nonce = nonce
        return formfield
