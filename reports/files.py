"""Where report files live, and who may read them.

Public reports (a city, the compilation: published data) are files of the default storage, under MEDIA_ROOT, which
the proxy serves at /media/. A private report (a duo's report, for its partners and the team) is kept in the
private storage, outside MEDIA_ROOT: it has no public address, and is read only through the view that checks
permission (reports.views.report_download).
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.functional import cached_property

PRIVATE_PREFIX = "private/"


class PrivateFileSystemStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT: never served by the proxy, so they have no URL."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("A private file has no public address: it is served by a view that checks permission.")


class ReportStorage(Storage):
    """Report files in two places: names under private/ in the private storage, the others in the default one.

    One file field holds both kinds, and a file stays readable whichever place it was written to (a report made
    before private storage existed is found where it is).
    """

    def _route(self, name: str) -> tuple[Storage, str]:
        if name.startswith(PRIVATE_PREFIX):
            return storages["private"], name.removeprefix(PRIVATE_PREFIX)
        return storages["default"], name

    def _name(self, original: str, inner: str) -> str:
        return PRIVATE_PREFIX + inner if original.startswith(PRIVATE_PREFIX) else inner

    def _open(self, name, mode="rb"):
        storage, inner = self._route(name)
        return storage.open(inner, mode)

    def save(self, name, content, max_length=None):
        storage, inner = self._route(name)
        return self._name(name, storage.save(inner, content, max_length=max_length))

    def get_available_name(self, name, max_length=None):
        storage, inner = self._route(name)
        return self._name(name, storage.get_available_name(inner, max_length=max_length))

    def delete(self, name):
        storage, inner = self._route(name)
        storage.delete(inner)

    def exists(self, name):
        storage, inner = self._route(name)
        return storage.exists(inner)

    def size(self, name):
        storage, inner = self._route(name)
        return storage.size(inner)

    def path(self, name):
        storage, inner = self._route(name)
        return storage.path(inner)

    def url(self, name):
        storage, inner = self._route(name)
        return storage.url(inner)

    def get_modified_time(self, name):
        storage, inner = self._route(name)
        return storage.get_modified_time(inner)


def report_storage() -> ReportStorage:
    """Return the storage of report files (a callable, so that migrations do not depend on the settings)."""
    return ReportStorage()


def report_upload_to(report, filename: str) -> str:
    """Return where a report's file is written: private/reports/ for a private report, reports/ otherwise."""
    return f"{PRIVATE_PREFIX if report.is_private else ''}reports/{filename}"


def report_may_download(*, user, report) -> bool:
    """Return whether the user may read the report's file: anyone a public report; a duo report, the team and the
    duo's partners (those who see the duo's private content)."""
    if not report.is_private:
        return True
    from cities.models import Duo

    duo = Duo.objects.filter(slug=report.subject).first()
    return user.has_perm("cities.view_duo_private", duo)
