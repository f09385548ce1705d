"""The data of each report, as plain values (so that its hash says whether the document changed).

Reports show what the public may read: published cities, duos and assessments, published workshops and the
public part of the action plans (read as an anonymous visitor). Nothing here depends on the day of the rendering.
Each report builds its data in its own module (city, duo, compilation; the experiments app builds its own); what they
share is in common.
"""

from ..errors import ReportError
from .city import city_document
from .compilation import compilation_document
from .duo import duo_document

__all__ = ["BUILDERS", "TEMPLATES", "city_document", "compilation_document", "duo_document", "experiment_document"]


def experiment_document(subject: str) -> dict:
    """Return the data of the capitalisation report of a published experiment (built by the experiments app)."""
    from experiments.documents import ExperimentDocumentError
    from experiments.documents import experiment_document as build

    try:
        return build(subject)
    except ExperimentDocumentError as exc:
        raise ReportError(str(exc)) from exc


BUILDERS = {
    "city": city_document,
    "duo": duo_document,
    "compilation": compilation_document,
    "experiment": experiment_document,
}
TEMPLATES = {
    "city": "pdf/city_report.html",
    "duo": "pdf/duo_report.html",
    "compilation": "pdf/compilation_report.html",
    "experiment": "pdf/experiment_report.html",
}
