"""URL configuration: public pages under a language prefix; admin, API and health checks outside it."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from assessments import views as assessment_views
from cities import private_views as duo_private_views
from newsletter import webhooks as newsletter_webhooks

from . import dashboard_views, network_views, reports_views, views

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("letsfood.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/docs.html"),
        name="api-docs",
    ),
    path("admin/", admin.site.urls),
    path("newsletter/webhooks/bounces/", newsletter_webhooks.bounces, name="newsletter-webhook-bounces"),
    path("reports/<int:pk>/file/", reports_views.report_download, name="report-download"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("cities/<slug:slug>/", assessment_views.city_detail, name="city-detail"),
    path("network/", network_views.network_overview, name="network-overview"),
    path("", include("assessments.urls")),
    path("", include("cities.urls")),
    path("", include("workshops.voting_urls")),  # vote/… for participants, workshops/<slug>/facilitate/…
    path("", include("workshops.plans_urls")),
    path("", include("workshops.urls")),
    path("duos/<slug:slug>/dashboard/", dashboard_views.duo_dashboard, name="duo-dashboard"),
    path("duos/<slug:slug>/dashboard/comparison.csv", dashboard_views.duo_comparison_csv, name="duo-comparison-csv"),
    path("duos/<slug:slug>/contacts/", duo_private_views.duo_contacts, name="duo-contacts"),
    path("reports/request/", reports_views.report_request_view, name="report-request"),
    path("reports/compilation/", reports_views.compilation, name="report-compilation"),
    path("reports/<int:pk>/", reports_views.report_status, name="report-status"),
    path("accounts/", include("accounts.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("open-data/", include("opendata.urls")),
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler404 = "core.errors.not_found"
