from .views import CityViewSet, DuoViewSet


def register(router):
    router.register("cities", CityViewSet, basename="city")
    router.register("duos", DuoViewSet, basename="duo")
