from django.urls import path

from . import views

app_name = "workshops"
urlpatterns = [
    path("missions/", views.mission_list, name="mission-list"),
    path("missions/<slug:slug>/", views.mission_detail, name="mission-detail"),
    path("workshops/", views.workshop_list, name="workshop-list"),
    path("workshops/calendar.ics", views.workshops_ics, name="workshop-feed"),
    path("workshops/<slug:slug>/", views.workshop_detail, name="workshop-detail"),
    path("workshops/<slug:slug>/notes/", views.workshop_notes, name="workshop-notes"),
    path("workshops/<slug:slug>/calendar.ics", views.workshop_ics, name="workshop-ics"),
]
