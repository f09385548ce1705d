"""django-axes' lockout check, for the logins that come with a request (pages, admin, API)."""

from axes.backends import AxesStandaloneBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuse a locked-out login; let through the calls without a request (shell, management commands, tests).

    Every login over HTTP passes its request (Django's login form, the admin's, DRF's authentication), so the throttle
    still covers all of them; a call without a request has nothing to throttle by (no address).
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
