"""Settings of the Let's Food Cities platform, read from the environment (see .env.example)."""

import os
from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    """Return a variable from the environment, or from the file named by <NAME>_FILE (secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={file_name!r} cannot be read: {exc}") from exc
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """Return a boolean variable; anything but a clear yes or no is a configuration error."""
    raw = env(name, "").strip().lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use true or false).")


def env_int(name: str, default: int) -> int:
    """Return an integer variable; a non-integer is a configuration error."""
    raw = env(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer.") from exc


def env_rate(name: str, default: str) -> str:
    """Return a rate such as "300/minute"; anything else is a configuration error."""
    raw = env(name, "").strip() or default
    count, _slash, period = raw.partition("/")
    if not (count.isdigit() and period in {"second", "minute", "hour", "day"}):
        raise ImproperlyConfigured(f"{name}={raw!r} is not a rate (e.g. 300/minute; second, minute, hour or day).")
    return raw


def env_list(name: str, default: str = "") -> list[str]:
    """Return a comma-separated variable as a list of non-empty items."""
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_float(name: str, default: float, *, low: float, high: float) -> float:
    """Return a number variable between low and high; anything else is a configuration error."""
    raw = env(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a number from {low} to {high}.")
    return value


def env_addresses(name: str) -> list[tuple[str, str]]:
    """Return a list of "Name <address>" (comma-separated) as (name, address) pairs; a bad address is an error."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    raw = env(name, "").strip()
    pairs = getaddresses([raw]) if raw else []
    for display_name, address in pairs:
        try:
            validate_email(address)
        except ValidationError:
            raise ImproperlyConfigured(
                f"{name}={raw!r}: {display_name or address!r} has no valid email address "
                '(write "Name <name@example.org>, Other <other@example.org>").'
            ) from None
    return pairs


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

if DEBUG:
    SECRET_KEY = SECRET_KEY or "django-insecure-development-only-key"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be set (50+ random characters) when DJANGO_DEBUG=false.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DJANGO_DEBUG=false.")

SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Demo data (illustrative assessments, demo accounts) is only ever loaded where this is true.
DEMO_MODE = env_bool("DEMO_MODE", DEBUG)

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "corsheaders",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI files served from our own static files
    "django_countries",
    "simple_history",
    "import_export",
    "django_ratelimit",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",  # failed-login throttling (site and admin logins)
    "core",  # shared helpers; installed so that Celery discovers core.tasks and Django its templates
    "accounts",
    "cities",
    "assessments",
    "workshops",
    "newsletter",
    "opendata",
    "dashboards",
    "network",
    "reports",
    "demo",
    "experiments",
    "translations",  # after the apps whose admins it extends
    "letsfood",
]

MIDDLEWARE = [
    "core.request_id.RequestIdMiddleware",  # first: every response, redirects too, carries the request's id
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RejectNulBytesMiddleware",  # early: a NUL byte never reaches a view nor the database
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # before CommonMiddleware, so that its redirects carry the headers too
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is chosen: marks content shown in another one, writes digits as the language does.
    "core.reader_html.ReaderHtmlMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
]

ROOT_URLCONF = "letsfood.urls"
WSGI_APPLICATION = "letsfood.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
# Object-level permissions come from one set of rules (django-rules), for pages, admin and API alike.
# django-axes checks a login against its failure records before any backend accepts it.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.LoginThrottleBackend",  # django-axes, skipping calls without a request
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # accounts.services.home_for picks each persona's landing page
LOGOUT_REDIRECT_URL = "home"
# Invitation and password-reset links stay valid for three days.
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3 * 24 * 3600)

# --- Failed logins (django-axes): 5 failures for a username from one IP lock that pair out for 15 minutes.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"  # our page, status 429
AXES_USERNAME_CALLABLE = "accounts.views.lockout_username"  # a username longer than any account's is cut
AXES_CLIENT_IP_CALLABLE = "core.clientip.client_ip"  # the visitor's address behind the proxy, as the rate limits

# --- The visitor's address: the number of reverse proxies in front of the site that append the address they
# received a request from to X-Forwarded-For (Caddy in the Docker Compose set-up: 1). 0: the connection's address.
# Login lockouts, rate limits and the newsletter's consent records all take the address from core.clientip.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_COUNT={TRUSTED_PROXY_COUNT} must be 0 or more.")
RATELIMIT_IP_META_KEY = "core.clientip.client_ip"  # key="ip" of every rate limit

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "letsfood.context_processors.platform",
            ],
            # Loaded after Django's own: its `date` filter writes Persian dates in the Solar Hijri calendar.
            "builtins": ["core.templatetags.local_dates"],
        },
    },
]

# --- Database: SQLite by default, anything dj-database-url understands via DATABASE_URL.
try:
    DATABASES = {
        "default": dj_database_url.parse(
            env("DATABASE_URL").strip() or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",  # set but empty: the default
            conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
except ValueError:  # dj_database_url.UnknownSchemeError is one; its message would print the password
    scheme = env("DATABASE_URL").partition("://")[0]
    raise ImproperlyConfigured(
        f"DATABASE_URL is not a database address (scheme {scheme!r}; e.g. postgres://user@host:5432/name)."
    ) from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several threads write at once (runserver, the test server: a room of phones voting). Writers queue for the
    # lock instead of failing on "database is locked", and readers never wait for them (write-ahead log).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
    # Tests on a file, not in memory: an in-memory database is one connection that Django shares between the test
    # and every thread of the live server, which then trip over each other's table locks.
    DATABASES["default"].setdefault("TEST", {}).setdefault("NAME", str(BASE_DIR / "test-db.sqlite3"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: the Celery broker and the cache when set; otherwise in-process tasks and local memory.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    # The cache fails safe (core/cache.py): with Redis down, pages are served from the database. Short timeouts, so
    # that no request waits long on a Redis that does not answer.
    CACHES = {
        "default": {
            "BACKEND": "core.cache.FailSafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "letsfood"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    # django-ratelimit names only django-redis among Redis caches; Django's own, which this one extends, is as shared
    # and its increments as atomic.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # One development process: its local-memory cache is shared enough for the rate limits.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# --- Celery (letsfood/celery.py reads every CELERY_* setting).
CELERY_TASK_LONGEST_SECONDS = env_int("CELERY_TASK_TIME_LIMIT", 600)
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL or env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = CELERY_TASK_LONGEST_SECONDS
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_LONGEST_SECONDS - 30
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_RESULT_EXPIRES = 3600
# A task not acknowledged within the visibility timeout is redelivered: keep it above the longest task.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_TASK_LONGEST_SECONDS * 2,
    "socket_connect_timeout": 1,  # a web process queuing a task, or the health check, never waits long on Redis
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/Paris"
OPENDATA_REBUILD_DELAY = env_int("OPENDATA_REBUILD_DELAY", 60)  # seconds: one package build per burst of edits

# --- Newsletter: sending throttle and batches, bounce webhook secret.
NEWSLETTER_SEND_RATE = env_int("NEWSLETTER_SEND_RATE", 20)  # messages per second, at most
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 200)  # messages claimed by one task run
NEWSLETTER_WEBHOOK_SECRET = env("NEWSLETTER_WEBHOOK_SECRET")  # HMAC key of the bounce webhook; unset: disabled
# A header carrying each message's idempotency key, for a provider that de-duplicates by one (e.g. Resend's SMTP
# Resend-Idempotency-Key); every message also has a Message-ID of its own that is the same at each attempt.
NEWSLETTER_IDEMPOTENCY_HEADER = env("NEWSLETTER_IDEMPOTENCY_HEADER")
# The bounce webhook refuses events this far from the server's time, and remembers ids this long to refuse replays.
NEWSLETTER_WEBHOOK_WINDOW_SECONDS = env_int("NEWSLETTER_WEBHOOK_WINDOW_SECONDS", 300)
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)

# --- Spreadsheet imports (admin): refused above these sizes before being read; a file longer than the preview
# limit is imported by a worker, without a preview, and followed on a status page.
IMPORT_MAX_UPLOAD_MB = env_int("IMPORT_MAX_UPLOAD_MB", 5)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 5000)
IMPORT_PREVIEW_MAX_ROWS = env_int("IMPORT_PREVIEW_MAX_ROWS", 200)
if min(IMPORT_MAX_UPLOAD_MB, IMPORT_MAX_ROWS, IMPORT_PREVIEW_MAX_ROWS) < 1:
    raise ImproperlyConfigured("IMPORT_MAX_UPLOAD_MB, IMPORT_MAX_ROWS and IMPORT_PREVIEW_MAX_ROWS must be 1 or more.")

CELERY_BEAT_SCHEDULE = {
    # Each duo's partners get the digest of their milestones on the first of the month (safe to run twice).
    "workshops-action-digest": {
        "task": "workshops.tasks.action_digest_send_all",
        "schedule": crontab(minute=0, hour=7, day_of_month=1),
    },
    "newsletter-send-scheduled-campaigns": {"task": "newsletter.tasks.campaigns_send_due", "schedule": 60.0},
    "newsletter-expire-unconfirmed": {"task": "newsletter.tasks.subscriptions_expire_task", "schedule": 3600.0},
    # Reports whose rendering stopped its heartbeat (worker lost), or 'queued' with a lost message, run again.
    "reports-recover-stale": {"task": "reports.tasks.reports_recover_task", "schedule": 30.0},
    # The phone feedback of a session closes two weeks after it was held.
    "experiments-feedback-close": {
        "task": "experiments.tasks.sessions_feedback_close_task",
        "schedule": crontab(minute=30, hour=3),
    },
}

# --- Email: console in development; SMTP (or any backend, e.g. django-anymail) in production.
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Let's Food Cities <contact@letsfood.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation: French and English everywhere, and the partner cities' languages (Spanish, Arabic,
# Vietnamese, Persian). Content not yet written in a language falls back to the one its readers most likely read.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("vi", _("Vietnamese")),
    ("fa", _("Persian")),
]
# Numbers as each language writes them: Persian with its own digits and separators (core/reader_html.py rewrites the
# digits of the text, core/formats the separators). Arabic keeps Latin digits, as in Morocco and Tunisia.
LANGUAGE_DIGITS = {"fa": "۰۱۲۳۴۵۶۷۸۹"}
# Dates in the calendar each language's readers use: Persian in the Solar Hijri calendar (core/dates.py).
LANGUAGE_CALENDARS = {"fa": "persian"}
FORMAT_MODULE_PATH = ["core.formats"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en", "fr"),
    "fr": ("en",),
    "en": ("fr",),
    "es": ("fr", "en"),  # Guanajuato and Valparaíso are twinned with French cities
    "ar": ("fr", "en"),  # French is read in Fez and Sfax
    "vi": ("en", "fr"),
    "fa": ("en", "fr"),
}
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media files; WhiteNoise serves static files, media go through the storage API.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Files of private documents (duo reports): outside MEDIA_ROOT, which the proxy serves to anyone; they are read only
# through a view that checks permission.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "reports.files.PrivateFileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Uploaded and generated files (the PDF reports) on S3-compatible object storage when a bucket is named; the code
# reaches them through the storage API only, so nothing else changes.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL") or None  # unset: Amazon S3 itself
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME") or None
    AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID") or None  # unset: the instance's role or boto3's own lookup
    AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY") or None
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", True)  # signed, expiring URLs for a private bucket
    AWS_QUERYSTRING_EXPIRE = env_int("AWS_QUERYSTRING_EXPIRE", 3600)
    AWS_DEFAULT_ACL = None  # the bucket's policy decides
    AWS_S3_FILE_OVERWRITE = True
    # Private files under their own prefix, never at a public address: keep private/ out of any public bucket policy.
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"location": "private", "default_acl": "private", "querystring_auth": True, "custom_domain": None},
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Security headers, on in every mode; the HTTPS-only ones in production.
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Map tiles are the only third-party resource a page loads; every script and style is ours.
MAP_TILE_URL = env("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ORIGIN = env("MAP_TILE_ORIGIN", "https://tile.openstreetmap.org")
MAP_ATTRIBUTION = env("MAP_ATTRIBUTION", "&copy; OpenStreetMap contributors")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # A nonce appears only on responses that ask for one (none of ours: every script is a file); pages stay 'self'.
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:", MAP_TILE_ORIGIN],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# An initiative, a piece of infrastructure or an organisation placed farther than this from its territory is refused.
LOCATION_MAX_DISTANCE_KM = env_int("LOCATION_MAX_DISTANCE_KM", 150)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "core.schema.ApiAutoSchema",
    "DEFAULT_PAGINATION_CLASS": "core.pagination.StrictPageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "core.filters.StrictFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # Over the limit: 429 with Retry-After. Rates are read at each request from the two settings below.
    "DEFAULT_THROTTLE_CLASSES": ["core.throttling.AnonymousApiThrottle", "core.throttling.UserApiThrottle"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    # DRF's own parsers, the JSON one answering a body nested too deeply with 400 instead of a recursion error.
    "DEFAULT_PARSER_CLASSES": [
        "core.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
}
# Requests a minute (or "/hour", "/day") to the API, per address for anonymous callers, per account otherwise.
API_ANON_THROTTLE_RATE = env_rate("API_ANON_THROTTLE_RATE", "300/minute")
API_USER_THROTTLE_RATE = env_rate("API_USER_THROTTLE_RATE", "1200/minute")
# Any web page may read the API and the open data from the browser (GET only, never with the visitor's cookies).
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/(?!docs/).*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
SPECTACULAR_SETTINGS = {
    "TITLE": "Let's Food Cities API",
    "DESCRIPTION": (
        "Cities, duos, assessments and programme data of the Let's Food Cities platform.\n\n"
        "**Errors.** Every error answer is JSON of one shape (`Error`): a request refused as a whole carries "
        '`detail` (`{"detail": "Not found."}`); a request with invalid parameters or fields names each '
        'one with its reasons (`{"role": ["Select a valid choice. …"]}`). 400: an invalid parameter or field '
        "(a filter value outside its choices, a page that is no whole number from 1, a NUL byte); 401: wrong HTTP "
        "Basic credentials; 403: a signed-in browser session without its CSRF token (report requests); 404: no "
        "such object visible to the caller, or no such page; 429: too many requests, with `Retry-After` in seconds. "
        "An empty text filter (`?city=`) filters nothing; an empty choice, number or yes/no filter is refused."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Deep links put a link inside each operation's button (nested interactive controls for screen readers).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    # Several models have a "status" with different choices: name each enum (check --deploy warns otherwise).
    "ENUM_NAME_OVERRIDES": {
        "AssessmentStatusEnum": "assessments.models.Assessment.Status",
        "InitiativeStatusEnum": "assessments.models.Initiative.Status",
        "ReportKindEnum": "reports.models.Report.Kind",
        "ReportStatusEnum": "reports.models.Report.Status",
        "CityRoleEnum": "cities.models.City.Role",
        "DuoPhaseEnum": "cities.models.Duo.Phase",
        "WorkshopFormatEnum": "workshops.models.Workshop.Format",
        "WorkshopVoteEnum": "workshops.models.Workshop.Vote",
        "ExperimentStatusEnum": "experiments.models.Experiment.Status",
        "FundingStatusEnum": "experiments.models.Funding.Status",
        "ToolStatusEnum": "experiments.models.Tool.Status",
    },
}

# --- Errors and logs: the ADMINS get an email for each server error (DEBUG off); every line names its request.
ADMINS = env_addresses("ADMINS")  # "Name <name@example.org>, Other <other@example.org>"
LOG_LEVEL = env("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "core.log.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "line": {
            "()": "core.log.OneLineFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s request_id=%(request_id)s %(message)s",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "line"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django": {"handlers": ["console", "mail_admins"], "level": LOG_LEVEL, "propagate": False}},
}

# --- Sentry: errors of the site and the tasks, and a sample of traces to find slow tasks and pages; only with a DSN.
SENTRY_DSN = env("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        environment=env("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.05, low=0.0, high=1.0),
        send_default_pii=False,  # no user emails, cookies or IPs leave the platform
    )

# --- Backups (manage.py backup / restore): dated archives of the database and the media files.
BACKUP_DIR = Path(env("BACKUP_DIR", str(BASE_DIR / "backups")))
BACKUP_KEEP = env_int("BACKUP_KEEP", 14)  # the newest archives kept; older ones are deleted after each backup
