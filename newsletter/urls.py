"""Public pages of the newsletter, under the language prefix: /en/newsletter/… and /fr/newsletter/…"""

from django.urls import path

from . import archive_views, views

app_name = "newsletter"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("check-your-inbox/", views.subscribe_done, name="subscribe-done"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("manage/<str:token>/data/", views.data, name="data"),
    path("manage/<str:token>/erase/", views.erase, name="erase"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("archive/", archive_views.archive, name="archive"),
    path("archive/<int:pk>/", archive_views.archive_detail, name="archive-detail"),
]
