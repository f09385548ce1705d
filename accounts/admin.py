"""Users in the admin: the team manages accounts and invites partner users; only superusers grant admin rights or
set other people's passwords."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .forms import PartnerInviteForm
from .models import User
from .services import AccountError, partner_invite

PROGRAMME_FIELDSET = (
    _("Programme"),
    {"fields": ("role", "city", "assigned_cities", "organisation", "language")},
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "email", "role", "city", "is_staff", "is_active")
    list_filter = ("role", "is_staff", "is_active", "city")
    autocomplete_fields = ("city", "organisation", "assigned_cities")
    list_select_related = ("city",)
    fieldsets = BaseUserAdmin.fieldsets + (PROGRAMME_FIELDSET,)
    # What a team member who is not a superuser may edit: no password, no admin rights, no Django permissions.
    limited_fieldsets = (
        (None, {"fields": ("username",)}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser")}),
        PROGRAMME_FIELDSET,
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    change_list_template = "accounts/admin_user_change_list.html"
    actions = ["resend_invitation"]

    def get_fieldsets(self, request, obj=None):
        if obj is None or request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return self.limited_fieldsets

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ("is_staff", "is_superuser", "last_login", "date_joined")

    def has_add_permission(self, request):
        # The add form sets a password: team members who are not superusers invite partners instead.
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        # A superuser account is changed by superusers only: its email would otherwise be a way into it.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        if not request.user.is_superuser and str(request.user.pk) != str(id):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)

    def get_urls(self):
        invite = path("invite/", self.admin_site.admin_view(self.invite_view), name="accounts_user_invite")
        return [invite, *super().get_urls()]

    def invite_view(self, request):
        """Invite a partner user: the account is created without a password and the person gets a link to set one."""
        if not request.user.has_perm("accounts.invite_user"):
            raise PermissionDenied
        form = PartnerInviteForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                user = partner_invite(**form.cleaned_data, by=request.user)
            except AccountError as exc:
                form.add_error("email", str(exc))
            else:
                self.message_user(
                    request, gettext("Invitation sent to %(email)s.") % {"email": user.email}, messages.SUCCESS
                )
                return redirect(reverse("admin:accounts_user_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Invite a partner user"),
            "form": form,
        }
        return TemplateResponse(request, "accounts/admin_invite.html", context)

    @admin.action(description=_("Resend the invitation to the selected partner users"), permissions=["invite"])
    def resend_invitation(self, request, queryset):
        sent = 0
        for user in queryset.filter(role=User.Role.PARTNER, city__isnull=False).select_related("city"):
            if user.has_usable_password() or not user.email:
                continue
            partner_invite(email=user.email, city=user.city, by=request.user)
            sent += 1
        self.message_user(
            request, gettext("%(count)d invitation(s) sent (partners who have not set a password).") % {"count": sent}
        )

    def has_invite_permission(self, request):
        return request.user.has_perm("accounts.invite_user")
