"""Log lines for production: one line per event, each with the id of the request it belongs to."""

import logging
import time

from core.request_id import current_request_id


class RequestIdFilter(logging.Filter):
    """Put the current request's id on the record (`-` outside a request: tasks, commands)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


class OneLineFormatter(logging.Formatter):
    """Format a record, traceback included, as a single line: a log collector reads one event per line."""

    converter = time.gmtime  # UTC, whatever TIME_ZONE says
    default_time_format = "%Y-%m-%dT%H:%M:%S"
    default_msec_format = "%s.%03dZ"

    def format(self, record: logging.LogRecord) -> str:
        if not hasattr(record, "request_id"):  # a handler configured without the filter
            record.request_id = current_request_id.get()
        return super().format(record).replace("\r", "\\r").replace("\n", "\\n")
