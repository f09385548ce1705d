"""Settings of the Celery workers of the report worker test: the platform's settings, a short broker visibility
timeout and, for the worker that is to be killed, a slow rendering.

Visibility timeout: Redis hands an unacknowledged task (acks_late) to another worker only once it has stayed
unacknowledged this long. Production keeps it above the longest task (settings.py) so that a slow rendering is never
delivered twice; here 5 seconds let the second worker pick up the killed worker's task within the test's patience.

TEST_REPORT_PROGRESS_SLEEP (seconds) makes every progress step of a rendering wait, so the test can kill the worker
in the middle of one: it patches the service from a Celery signal, in the worker only; production code is unchanged.
"""

import os
import time

from celery.signals import worker_process_init, worker_ready

from letsfood import settings as _platform

globals().update({name: value for name, value in vars(_platform).items() if name.isupper()})

CELERY_BROKER_TRANSPORT_OPTIONS = {
    **_platform.CELERY_BROKER_TRANSPORT_OPTIONS,
    # TEST_PRODUCTION_VISIBILITY keeps production's timeout: the takeover then comes from the heartbeat's sweep.
    **({} if os.environ.get("TEST_PRODUCTION_VISIBILITY") else {"visibility_timeout": 5}),
}

_SLEEP = float(os.environ.get("TEST_REPORT_PROGRESS_SLEEP", "0"))


def _slow_progress(**kwargs):
    from reports import services

    if not _SLEEP or getattr(services, "_slowed_for_test", False):
        return
    progress = services._progress

    def slow(report_id: int, percent: int) -> None:
        progress(report_id, percent)
        time.sleep(_SLEEP)

    services._progress = slow
    services._slowed_for_test = True


worker_ready.connect(_slow_progress, weak=False)  # the solo pool renders in the worker's own process
worker_process_init.connect(_slow_progress, weak=False)  # a prefork pool, in each child
