"""The API root: every app's router registered in one place."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from assessments.api.urls import register as register_assessments
from cities.api.urls import register as register_cities
from experiments.api.urls import register as register_experiments
from workshops.api.urls import register as register_workshops

router = DefaultRouter()
register_cities(router)
register_assessments(router)
register_workshops(router)
register_experiments(router)

urlpatterns = [
    path("", include("dashboards.api.urls")),
    *router.urls,
    path("", include("network.api.urls")),
    path("", include("reports.api.urls")),
]
