"""The builds of the open-data package: each one dated, the most recent being the one the page offers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OpenDataReleaseQuerySet(models.QuerySet):
    def latest_first(self):
        return self.order_by("-created_at", "-id")


class OpenDataRelease(models.Model):
    """One build of the package: its files (paths under MEDIA_ROOT by kind), their sizes and the zip's checksum."""

    created_at = models.DateTimeField(_("built at"), db_index=True)
    files = models.JSONField(_("files"), default=dict, help_text=_("Path under the media folder, by kind."))
    sizes = models.JSONField(_("sizes in bytes"), default=dict)
    checksum = models.CharField(_("SHA-256 of the zip"), max_length=64)

    objects = OpenDataReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("open-data release")
        verbose_name_plural = _("open-data releases")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.created_at.isoformat()

    def url(self, kind: str) -> str:
        """Return the media address of one of the release's files (zip, xlsx or geojson)."""
        return f"{settings.MEDIA_URL}{self.files[kind]}"

    def downloads(self) -> list[dict]:
        """Return the release's files with their address and size, in the page's order."""
        return [
            {
                "kind": kind,
                "url": self.url(kind),
                "size": self.sizes.get(kind, 0),
                "name": self.files[kind].rsplit("/", 1)[-1],
            }
            for kind in ("zip", "xlsx", "geojson")
            if kind in self.files
        ]
