"""Starting a background import: the spreadsheet stored, the import remembered, a worker asked to run it once the
request's transaction commits (assessments.tasks runs it through assessments.imports)."""

import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from . import imports
from .imports import Spreadsheet
from .tasks import import_run_task


def import_job_start(*, spreadsheet: Spreadsheet, resource: str, user) -> str:
    """Store the spreadsheet, remember the import and queue it for a worker; return the import's id."""
    if resource not in imports.RESOURCES:
        raise ValueError(f"Unknown import resource {resource!r}.")
    job_id = uuid.uuid4().hex
    path = default_storage.save(f"imports/{job_id}.{spreadsheet.format}", ContentFile(spreadsheet.content))
    imports.import_job_save(
        job_id,
        {
            "user_id": user.pk,
            "resource": resource,
            "path": path,
            "format": spreadsheet.format,
            "file_name": spreadsheet.name,
            "state": "queued",
            "done": 0,
            "total": spreadsheet.rows,
            "totals": {},
            "problems": [],
            "problem_count": 0,
            "error": "",
        },
    )
    transaction.on_commit(lambda: import_run_task.delay(job_id))
    return job_id
