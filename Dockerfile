# The platform's production image: gunicorn serving letsfood.wsgi; the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

# Pango and HarfBuzz for WeasyPrint, fonts for the PDFs, gettext for compilemessages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation gettext \
    && rm -rf /var/lib/apt/lists/*

# pg_dump and pg_restore for `manage.py backup` and `restore` (postgresql-client), of the database service's major
# version (postgres:16): Debian 12's own client is 15, and pg_dump refuses a newer server. From the PostgreSQL
# project's APT repository, its key checked by apt.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && install -d /usr/share/postgresql-common/pgdg \
    && curl -fsSL -o /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc \
        https://www.postgresql.org/media/keys/ACCC4CF8.asc \
    && echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc]" \
        "https://apt.postgresql.org/pub/repos/apt bookworm-pgdg main" > /etc/apt/sources.list.d/pgdg.list \
    && apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client-16 \
    && apt-get purge -y curl && apt-get autoremove -y \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Runtime dependencies only (no dev extra), every version pinned by requirements.lock. This layer is rebuilt
# only when the dependencies change, not the code.
COPY pyproject.toml requirements.lock ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt -c requirements.lock \
    && rm /tmp/requirements.txt

COPY . .

# Static files are collected into the image with production storage (hashed, compressed names); the secret
# here exists only for this build step and is not kept in the image.
RUN export DJANGO_DEBUG=false ALLOWED_HOSTS=build.invalid \
        SECRET_KEY=build-only-secret-key-never-used-at-run-time-0123456789abcdefghij \
    && python manage.py collectstatic --noinput \
    && if find . -name '*.po' -path '*/locale/*' | grep -q .; then python manage.py compilemessages; fi

RUN groupadd --system --gid 1000 letsfood \
    && useradd --system --uid 1000 --gid letsfood --home-dir /app --no-create-home letsfood \
    && mkdir -p /app/media /app/private /app/backups \
    && chown letsfood:letsfood /app/media /app/private /app/backups
USER letsfood

ENV DJANGO_DEBUG=false
EXPOSE 8000
CMD ["gunicorn", "letsfood.wsgi"]
