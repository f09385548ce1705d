"""Every admin list, add and change page opens for a superuser in a real browser, with no error and no CSP violation."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_superuser_opens_every_admin_page_without_errors(reference_data, live_server, offline_context, watch):
    get_user_model().objects.create_superuser("admin", "admin@example.org", "a-long-test-password")
    page = offline_context().new_page()
    watcher = watch(page)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()

    failures = []
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        urls = [reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + "?q=a"]
        if model_admin.has_add_permission(_Request()):
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk]))
        for url in urls:
            response = page.goto(live_server.url + url)
            if response.status != 200:
                failures.append(f"{url}: HTTP {response.status}")
        watcher_errors = watcher.errors + watcher.csp_violations()
        if watcher_errors:
            failures.append(f"{opts.label}: {watcher_errors}")
            watcher.errors.clear()
    assert not failures, "\n".join(failures)


class _Request:
    """Just enough of a request for has_add_permission: a superuser."""

    class user:  # noqa: N801
        is_active = is_staff = is_superuser = True

        @staticmethod
        def has_perm(perm, obj=None):
            return True
