"""A page that fails, for the tests of what a server error leaves behind (email, log line)."""

from django.urls import path


def fail(request):
    raise RuntimeError("The sky fell on the server.\nA second line of the message.")


urlpatterns = [path("fail/", fail)]
