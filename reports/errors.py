"""The reports' domain error, in a module of its own: the documents raise it and the services import the documents."""


class ReportError(Exception):
    """A report could not be requested or rendered; the message says why."""
