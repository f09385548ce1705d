from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "email", "role", "city", "is_staff", "is_active")
    list_filter = ("role", "is_staff", "is_active", "city")
    autocomplete_fields = ("city", "organisation", "assigned_cities")
    list_select_related = ("city",)
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Programme"), {"fields": ("role", "city", "assigned_cities", "organisation", "preferred_language")}),
    )
