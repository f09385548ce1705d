"""Routes of the action plans, the indicators' closed loop, food infrastructure and simulations."""

from django.urls import path

from . import plans_views, simulation_views

app_name = "plans"
urlpatterns = [
    path("duos/<slug:slug>/plan/", plans_views.duo_plan, name="duo-plan"),
    path("plan/actions/<int:pk>/", plans_views.action_detail, name="action-detail"),
    path("plan/actions/<int:pk>/update/", plans_views.action_update, name="action-update"),
    path("plan/milestones/<int:pk>/done/", plans_views.milestone_done, name="milestone-done"),
    path("plan/mine/", plans_views.mine, name="mine"),
    path("plan/milestones/<int:pk>/postpone/", plans_views.milestone_postpone, name="milestone-postpone"),
    path("plan/milestones/<int:pk>/edit/", plans_views.milestone_edit, name="milestone-edit"),
    path("plan/actions/<int:pk>/milestones/add/", plans_views.milestone_add, name="milestone-add"),
    path("plan/actions/<int:pk>/owners/", plans_views.action_owners, name="action-owners"),
    path("indicators/<slug:code>/", plans_views.indicator_detail, name="indicator-detail"),
    path("territories/<slug:slug>/plan/", plans_views.territory_plan, name="territory-plan"),
    path("territories/<slug:slug>/infrastructure/", plans_views.infrastructure, name="infrastructure"),
    path("scenarios/", simulation_views.scenario_list, name="scenario-list"),
    path("simulations/<slug:slug>/", simulation_views.simulation_detail, name="simulation-detail"),
]
