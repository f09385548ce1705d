"""The API root: every app's router registered in one place."""

from rest_framework.routers import DefaultRouter

from cities.api.urls import register as register_cities

router = DefaultRouter()
register_cities(router)

urlpatterns = router.urls
