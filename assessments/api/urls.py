from .views import (
    AssessmentViewSet,
    CategoryViewSet,
    FrameworkViewSet,
    IndicatorValueViewSet,
    IndicatorViewSet,
    InitiativeViewSet,
    RecommendedActionViewSet,
)


def register(router):
    router.register("frameworks", FrameworkViewSet, basename="framework")
    router.register("categories", CategoryViewSet, basename="category")
    router.register("recommended-actions", RecommendedActionViewSet, basename="recommended-action")
    router.register("indicators", IndicatorViewSet, basename="indicator")
    router.register("assessments", AssessmentViewSet, basename="assessment")
    router.register("indicator-values", IndicatorValueViewSet, basename="indicator-value")
    router.register("initiatives", InitiativeViewSet, basename="initiative")
