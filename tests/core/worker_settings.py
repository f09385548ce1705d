"""Settings of the Celery worker started by the worker tests: the platform's settings plus a file email backend.

The platform reads EMAIL_BACKEND from the environment but not EMAIL_FILE_PATH, so the test names the directory
through TEST_EMAIL_FILE_PATH here instead of changing the platform's settings.
"""

import os

from letsfood import settings as _platform

globals().update({name: value for name, value in vars(_platform).items() if name.isupper()})

EMAIL_FILE_PATH = os.environ["TEST_EMAIL_FILE_PATH"]
