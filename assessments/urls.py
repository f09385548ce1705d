"""Public pages of assessments: the good-practice library. (The city page, which shows a city's assessment, is
routed by the project's urls as `city-detail`.)"""

from django.urls import path

from . import views

app_name = "assessments"
urlpatterns = [
    path("framework/", views.framework, name="framework"),
    path("library/", views.library, name="library"),
    path("library/<slug:ref>/", views.initiative_detail, name="initiative-detail"),
]
