"""PDF reports: one function per document builds its data, a template lays it out, WeasyPrint prints it."""
