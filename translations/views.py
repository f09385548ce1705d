"""The team's translation pages: what is missing per language, and the spreadsheet export and import."""

import uuid

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from assessments.imports import SpreadsheetError, spreadsheet_check_size
from core.predicates import is_team

from . import services

PREVIEW_TIMEOUT = 3600  # an upload waits an hour for its confirmation
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _team_only(view):
    """Let the programme team in; to anyone else logged in the pages do not exist (visitors are sent to log in)."""

    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_team(request.user):
            raise Http404("No such page.")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _context(request, **extra):
    return {**admin.site.each_context(request), **extra}


@_team_only
def missing(request):
    """List, per model, the objects and fields with no text in the chosen language."""
    codes = services.language_codes()
    language = request.GET.get("language") or ("fr" if "fr" in codes else codes[0])
    if language not in codes:
        return HttpResponse(_("Unknown language “%(code)s”.") % {"code": language[:10]}, status=400)
    models = services.missing_by_model(language)
    return render(
        request,
        "translations/missing.html",
        _context(
            request,
            title=_("Missing translations"),
            languages=settings.LANGUAGES,
            language=language,
            models=models,
            missing_count=sum(len(entry.objects) for entry in models),
        ),
    )


@_team_only
def export(request):
    """Download every translatable text as an XLSX workbook, one column per language."""
    response = HttpResponse(services.translations_export(), content_type=XLSX_TYPE)
    name = f"translations-{timezone.localdate():%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Spreadsheet (XLSX)"))


def _preview_key(request, token: str) -> str:
    return f"translations:import:{request.user.pk}:{token}"


@_team_only
@require_http_methods(["GET", "POST"])
def import_spreadsheet(request):
    """Check an uploaded spreadsheet and show its changes; save them, all or none, once confirmed."""
    form = ImportForm()
    problems, changes, token, error = [], None, "", ""
    if request.method == "POST" and request.POST.get("token"):
        token = request.POST["token"]
        stored = cache.get(_preview_key(request, token))
        if stored is None:
            error = _("This preview has expired; upload the file again.")
        else:
            try:
                changes = services.translations_import(
                    content=stored["content"], name=stored["name"], user=request.user
                )
            except services.TranslationImportError as exc:
                error, problems = str(exc), exc.problems
            else:
                cache.delete(_preview_key(request, token))
                messages.success(request, _("%(count)s translations were saved.") % {"count": len(changes)})
                return redirect("translations:missing")
        changes = None
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                spreadsheet_check_size(upload.size)
                content = upload.read()
                changes = services.translations_import_check(content=content, name=upload.name, user=request.user)
            except (services.TranslationImportError, SpreadsheetError) as exc:
                error, problems = str(exc), getattr(exc, "problems", [])
                changes = None
            else:
                token = uuid.uuid4().hex
                cache.set(_preview_key(request, token), {"content": content, "name": upload.name}, PREVIEW_TIMEOUT)
    status = 400 if error else 200
    return render(
        request,
        "translations/import.html",
        _context(
            request,
            title=_("Import translations"),
            form=form,
            changes=changes,
            token=token,
            error=error,
            problems=problems,
        ),
        status=status,
    )
