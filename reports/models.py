"""Models of the project package: what composes every app, i.e. the PDF reports."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .files import report_storage, report_upload_to


class Report(models.Model):
    """A PDF report rendered in the background: one city, one duo, or the programme's compilation."""

    class Kind(models.TextChoices):
        CITY = "city", _("City assessment report")
        DUO = "duo", _("Duo report")
        COMPILATION = "compilation", _("Compilation report")
        EXPERIMENT = "experiment", _("Experiment capitalisation report")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RENDERING = "rendering", _("Rendering")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    subject = models.SlugField(
        _("subject"),
        max_length=140,
        blank=True,
        help_text=_("The city, duo or experiment slug; empty for the compilation."),
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("file"), upload_to=report_upload_to, storage=report_storage, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), null=True, blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    data_hash = models.CharField(_("data hash"), max_length=64, help_text=_("Hash of the data the report shows."))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        _("last sign of life"),
        null=True,
        blank=True,
        help_text=_("Renewed every few seconds while a worker renders; a rendering silent for a minute is taken over."),
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-requested_at"]
        constraints = [
            # One report per document version: a second request for unchanged data reuses the first.
            models.UniqueConstraint(
                fields=["kind", "subject", "language", "data_hash"],
                condition=~Q(status="failed"),
                name="report_one_per_data_version",
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_progress_max_100"),
        ]

    def __str__(self):
        subject = f" {self.subject}" if self.subject else ""
        return f"{self.get_kind_display()}{subject} ({self.language})"

    # A duo's report is for its partners and the team: its file is kept private and served after a permission check.
    PRIVATE_KINDS = frozenset({Kind.DUO})

    @property
    def is_private(self) -> bool:
        """Return whether the report's file is private (read only through the permission-checking view)."""
        return self.kind in self.PRIVATE_KINDS

    def download_url(self) -> str:
        """Return the address of the report's file: /media/… if public, the view that checks permission if private."""
        if not self.file:
            return ""
        if self.is_private:
            return reverse("report-download", kwargs={"pk": self.pk})
        return self.file.url
