from .views import ActionViewSet, InfrastructureViewSet, MissionViewSet, ScenarioViewSet, WorkshopViewSet


def register(router):
    router.register("missions", MissionViewSet, basename="mission")
    router.register("workshops", WorkshopViewSet, basename="workshop")
    router.register("actions", ActionViewSet, basename="action")
    router.register("scenarios", ScenarioViewSet, basename="scenario")
    router.register("infrastructure", InfrastructureViewSet, basename="infrastructure")
