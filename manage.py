#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys
from pathlib import Path

DOTENV = Path(__file__).resolve().parent / ".env"


def read_dotenv(path: Path = DOTENV) -> None:
    """Read the variables of a development .env file when there is one; those already in the environment win.

    IGNORE_DOTENV=true skips it: the test suite sets it, so that a stray .env never changes what is tested.
    """
    if os.environ.get("IGNORE_DOTENV", "").strip().lower() in {"1", "true", "yes", "on"} or not path.is_file():
        return
    from dotenv import load_dotenv

    load_dotenv(path, override=False)


def main():
    read_dotenv()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "letsfood.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
