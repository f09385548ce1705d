"""URL configuration: public pages under a language prefix; admin, API and health checks outside it."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from assessments.urls import city_urls
from cities.urls import duo_private_urls
from newsletter import webhooks as newsletter_webhooks
from reports.urls import download_urls as report_download_urls
from workshops import urls as workshop_urls

from . import views

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
    path("", include(report_download_urls)),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include(city_urls)),
    path("", include("network.urls")),
    path("", include("assessments.urls")),
    path("", include("cities.urls")),
    path("", include((workshop_urls.voting_urls, "voting"))),  # vote/…, and workshops/<slug>/facilitate/… first
    path("", include((workshop_urls.plan_urls, "plans"))),
    path("", include((workshop_urls.workshop_urls, "workshops"))),
    path("", include("dashboards.urls")),
    path("", include(duo_private_urls)),
    path("", include("reports.urls")),
    path("accounts/", include("accounts.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("open-data/", include("opendata.urls")),
    path("", include("experiments.urls")),
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler404 = "core.errors.not_found"
