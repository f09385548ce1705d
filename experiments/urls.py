"""Addresses of the experiments, under the language prefix."""

from django.urls import path

from . import feedback_views, views

app_name = "experiments"
urlpatterns = [
    path("experiments/", views.experiment_list, name="experiment-list"),
    path("experiments/<slug:slug>/", views.experiment_detail, name="experiment-detail"),
    path("experiments/<slug:slug>/funding/", views.funding_add, name="funding-add"),
    path("experiments/<slug:slug>/partners/", views.partner_add, name="partner-add"),
    path("experiments/<slug:slug>/tools/new/", views.tool_add, name="tool-add"),
    path("experiments/<slug:slug>/sessions/new/", views.session_add, name="session-add"),
    path("experiments/tools/<int:pk>/record/", views.tool_record, name="tool-record"),
    path("experiments/sessions/<int:pk>/", views.session_detail, name="session-detail"),
    path("experiments/sessions/<int:pk>/feedback/", views.session_feedback_toggle, name="session-feedback-toggle"),
    path("experiments/sessions/<int:pk>/follow-ups/", views.session_follow_up, name="session-follow-up"),
    path(
        "experiments/sessions/<int:pk>/follow-ups/<int:proposal_pk>/plan/",
        views.session_follow_up_plan,
        name="session-follow-up-plan",
    ),
    path("territories/<slug:slug>/communes/", views.territory_communes, name="territory-communes"),
    path("territories/<slug:slug>/experiments/new/", views.experiment_start, name="experiment-start"),
    path("feedback/", feedback_views.feedback_enter, name="feedback-enter"),
    path("feedback/<str:code>/", feedback_views.feedback, name="feedback"),
]
