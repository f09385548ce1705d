from .views import ExperimentViewSet


def register(router):
    router.register("experiments", ExperimentViewSet, basename="experiment")
