"""Plenary settings. Everything that differs between machines comes from environment variables.

Defaults are safe for a developer laptop (SQLite, eager Celery, console email); production sets
DATABASE_URL, CELERY_BROKER_URL, SECRET_KEY, ALLOWED_HOSTS and DEBUG=0 (see README).
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
_INSECURE_DEV_KEY = "plenary-insecure-development-key-change-me-in-production-0123456789"
# The development key is public (it is in this file): anyone could sign a participant's self-service
# link with it. It is accepted only with DEBUG=1 or inside the test suite; DEBUG=0 without a real
# SECRET_KEY refuses to start.
TESTING = "pytest" in sys.modules or sys.argv[1:2] == ["test"]
# The test suite runs in parallel (pytest-xdist): each worker gets its own Redis databases for the cache
# and the broker (gw0 the configured ones, gw1 two below), as pytest-django gives each its own database.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "") if TESTING else ""


def _per_worker(url):
    import re

    if not _XDIST_WORKER or not url or not url.startswith("redis"):
        return url
    number = int(re.sub(r"\D", "", _XDIST_WORKER) or 0)
    match = re.match(r"^(redis://[^/]+)/(\d+)$", url)
    if not match:
        return url
    return f"{match.group(1)}/{(int(match.group(2)) - 2 * number) % 16}"


SECRET_KEY = env("SECRET_KEY") or _INSECURE_DEV_KEY
# Commands that neither serve nor sign anything (building a release, checking migrations) need no key.
_OFFLINE_COMMAND = sys.argv[1:2] in (["makemigrations"], ["compile_translations"], ["compilemessages"],
                                      ["makemessages"], ["collectstatic"], ["help"], ["--version"])
if not DEBUG and not TESTING and not _OFFLINE_COMMAND and (SECRET_KEY == _INSECURE_DEV_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured(
        "SECRET_KEY is not set (or shorter than 32 characters) while DEBUG=0. Set SECRET_KEY to a long "
        "random value (for example: python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
        "or run with DEBUG=1 on a development machine."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # modeltranslation patches model admin and must come before django.contrib.admin
    "modeltranslation",
    "core",
    "summits",
    "registrations",
    "announcements",
    "cms",
    "cockpit",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "import_export",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A path with a NUL or another control character: 400 before anything queries the database with it.
    "core.middleware.ControlCharactersMiddleware",
    # A Content-Security-Policy header on every response, cached pages and the admin included.
    "core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before every admin view: the doors Wagtail leaves open, closed by core.permissions.
    "core.admin_guard.AdminGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Answers repeated anonymous page views from the cache before Wagtail routes them (cms/cache.py).
    "cms.cache.PageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/plenary; default: a SQLite file.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'plenary.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections are kept between requests (DATABASE_CONN_MAX_AGE, 60 s) on SQLite too: closing the
    # last connection of a WAL database checkpoints the log and deletes it, and every new one sets the
    # pragmas again and registers Django's SQL functions; a page served from the cache (one read of the
    # database cache) took ~25 ms instead of ~3 ms under gunicorn when each request opened its own.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    # Write-ahead log: readers never wait for a writer, and a commit appends to the log instead of
    # syncing the whole file (30 ms -> well under 1 ms per write). The default cache lives in this
    # database (page versions, rate-limit counters), so every process writes to it often.
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# The cache holds rendered pages, their versions, rate-limit counters and facet counts, so every
# process and machine must see the same one. CACHE_URL (or REDIS_CACHE_URL) = Redis; without it,
# Django's database cache in the application's database (its table is created by every `migrate`,
# see core/apps.py). Never a per-process memory cache: with gunicorn -w 2 an edit seen by one worker
# would leave the other serving stale pages.
_cache_url = _per_worker(env("CACHE_URL") or env("REDIS_CACHE_URL"))
if _cache_url:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}}
else:
    CACHES = {"default": {
        "BACKEND": "core.cache_backends.DatabaseCache", "LOCATION": "plenary_cache",
        "OPTIONS": {"MAX_ENTRIES": int(env("PLENARY_CACHE_MAX_ENTRIES", "20000")), "CULL_FREQUENCY": 4},
    }}

# --- Authentication -------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Superusers and Wagtail's page/collection groups (ModelBackend); summit teams (TeamBackend).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "core.permissions.TeamBackend",
]

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("zh-hans", _("Simplified Chinese")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
# A page submitted for translation becomes a draft in the new language, published once translated
# (wagtail-localize's default makes it live at once with the source language's text). Until then
# visitors of that language get the default-language page with a "not yet translated" notice.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT") or BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not DEBUG and bool(env("SECRET_KEY")))
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Email ----------------------------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# With EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend, each email is a file here.
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH") or str(BASE_DIR / "var" / "mail")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Plenary <no-reply@plenary.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery ---------------------------------------------------------------------------------
# Without CELERY_BROKER_URL, tasks run eagerly in the web process (embedded default).
CELERY_BROKER_URL = _per_worker(env("CELERY_BROKER_URL", ""))
CELERY_RESULT_BACKEND = _per_worker(env("CELERY_RESULT_BACKEND", "")) or CELERY_BROKER_URL or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
# A request that queues a task never waits long for a broker that is down: the outbox and the
# jobs table keep the work, and beat queues it again (core.outbox.flush, core.jobs.reap).
CELERY_BROKER_CONNECTION_TIMEOUT = float(env("CELERY_BROKER_CONNECTION_TIMEOUT", "2"))
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5, "max_retries": 0}
CELERY_TASK_PUBLISH_RETRY = False
# After a failed publish a process stops trying for this long (core.broker): one request pays the
# timeout, the next ones answer at once, and beat queues what waited in the outbox or jobs table.
PLENARY_BROKER_RETRY_SECONDS = float(env("PLENARY_BROKER_RETRY_SECONDS", "15"))
# A running job writes a heartbeat every PLENARY_JOB_HEARTBEAT_SECONDS; one silent for
# PLENARY_JOB_STALE_SECONDS lost its worker (killed, machine gone) and beat's reaper, every
# PLENARY_JOB_REAP_SECONDS, queues it again or marks it failed (with a retry button).
PLENARY_JOB_HEARTBEAT_SECONDS = float(env("PLENARY_JOB_HEARTBEAT_SECONDS", "5"))
PLENARY_JOB_STALE_SECONDS = float(env("PLENARY_JOB_STALE_SECONDS", "30"))
PLENARY_JOB_REAP_SECONDS = float(env("PLENARY_JOB_REAP_SECONDS", "15"))
# Outbox rows younger than this are left to the request that is publishing them (beat's flush).
PLENARY_OUTBOX_GRACE_SECONDS = float(env("PLENARY_OUTBOX_GRACE_SECONDS", "5"))
PLENARY_OUTBOX_FLUSH_SECONDS = float(env("PLENARY_OUTBOX_FLUSH_SECONDS", "60"))
# Spreadsheet imports above this many rows are previewed and applied by background jobs.
PLENARY_IMPORT_INLINE_ROWS = int(env("PLENARY_IMPORT_INLINE_ROWS", "300"))
CELERY_BEAT_SCHEDULE = {
    "core-flush-outbox": {"task": "core.flush_outbox", "schedule": PLENARY_OUTBOX_FLUSH_SECONDS},
    "core-reap-jobs": {"task": "core.reap_jobs", "schedule": PLENARY_JOB_REAP_SECONDS},
    "core-purge-jobs": {"task": "core.purge_jobs", "schedule": 60 * 60},
}
# Files made by jobs (badge sheets, letters with passport numbers, import reports) are deleted
# this many hours after the job finished.
PLENARY_JOB_RESULT_HOURS = int(env("PLENARY_JOB_RESULT_HOURS", env("PLENARY_PDF_BATCH_HOURS", "48")))
# Registrations: anonymise participants of summits past their retention period, nightly.
CELERY_BEAT_SCHEDULE["registrations-anonymise-expired"] = {
    "task": "registrations.tasks.anonymise_expired_registrations",
    "schedule": 60 * 60 * 24,
}
# announcements: report reminders every day, the overdue list for organisers every week.
CELERY_BEAT_SCHEDULE["announcements-report-reminders"] = {
    "task": "announcements.send_reminders", "schedule": 60 * 60 * 24,
}
from celery.schedules import crontab  # noqa: E402

# cockpit: what waits for each reviewer's decision, every morning at 06:00 UTC.
CELERY_BEAT_SCHEDULE["cockpit-review-digests"] = {
    "task": "cockpit.send_review_digests", "schedule": crontab(hour=6, minute=0),
}
CELERY_BEAT_SCHEDULE["announcements-refresh-lifecycles"] = {
    "task": "announcements.refresh_lifecycles", "schedule": crontab(hour=4, minute=30),
}
CELERY_BEAT_SCHEDULE["announcements-overdue-digest"] = {
    "task": "announcements.send_overdue_digest", "schedule": 60 * 60 * 24 * 7,
}

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Plenary"
# No avatars from gravatar.com: it would send a hash of every organiser's email to a third party
# (and the Content-Security-Policy allows no outside images).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env("SITE_URL", "http://127.0.0.1:8000")
SITE_URL = WAGTAILADMIN_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- import-export --------------------------------------------------------------------------
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True

# --- Security (production) ------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],  # style attributes (charts, badges, colours of themes)
        "img-src": ["'self'", "data:", "blob:"] + env_list("CSP_IMG_SRC", ""),
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"] + env_list("CSP_FRAME_SRC", ""),
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its preview views SAMEORIGIN itself
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# HTTPS=1 in production (behind a TLS-terminating proxy that sets X-Forwarded-Proto).
HTTPS = env_bool("HTTPS", False)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint logs every layout step at INFO; keep its warnings (refused URLs, missing fonts).
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Plenary --------------------------------------------------------------------------------
# The publisher named as reporting-org in the registry's IATI activity file: its IATI organisation
# identifier (https://org-id.guide), IATI OrganisationType code and name.
IATI_REPORTING_ORG_REF = env("IATI_REPORTING_ORG_REF", "XI-PLENARY")
IATI_REPORTING_ORG_TYPE = env("IATI_REPORTING_ORG_TYPE", "90")
IATI_REPORTING_ORG_NAME = env("IATI_REPORTING_ORG_NAME", "")
# How long a participant's signed self-service link stays valid (seconds).
PLENARY_LINK_MAX_AGE = int(env("PLENARY_LINK_MAX_AGE", str(60 * 60 * 24 * 30)))
# Registrations accepted per client address: "count/seconds" ("0/0" disables, e.g. for benchmarks). Only
# accepted submissions count (a new registration, or the link sent again to a registered address): refused
# forms never do, so a ministry behind one NAT or an on-site desk is not locked out by typing mistakes.
# Per email address: PLENARY_RATE_REGISTER_EMAIL below (each accepted submission sends an email to it).
PLENARY_REGISTRATION_RATE = env("PLENARY_REGISTRATION_RATE", "200/3600")
# Rate limits of the public doors (core/ratelimits.py, django-ratelimit on the shared cache):
# "count/seconds" per client address; PLENARY_RATE_<GROUP> in the environment, "0/0" turns one off.
PLENARY_RATES = {
    **{group: env(f"PLENARY_RATE_{group.upper().replace('-', '_')}", default)
       for group, default in {"register-email": "5/3600", "link": "10/3600", "submit": "10/3600",
                              "report": "20/3600", "verify": "60/3600", "pdf": "30/60",
                              "pdf-render": "20/600"}.items()},
}
# Whom participants write to when a summit has no contact email of its own.
PLENARY_CONTACT_EMAIL = env("PLENARY_CONTACT_EMAIL", "")
# Behind a reverse proxy, the request header holding the client address (e.g. HTTP_X_FORWARDED_FOR; the
# proxy's own last entry is used, so clients cannot forge it). Empty: REMOTE_ADDR.
PLENARY_CLIENT_IP_HEADER = env("PLENARY_CLIENT_IP_HEADER", "")

# Public site: how long a rendered page is kept for anonymous visitors (0 disables the page cache).
# A change invalidates only the pages made from it: its summit, its page (see cms/cache.py).
PLENARY_PAGE_CACHE_SECONDS = int(env("PLENARY_PAGE_CACHE_SECONDS", "600"))
# Heavy parts of a page (the programme's list, the home page's content, the language links) rendered
# once per version of what they show and shared by anonymous visitors, also when the page itself is
# not cached (a query string, a page cache turned off); 0 disables them (cms_tags.cached_fragment).
PLENARY_FRAGMENT_CACHE_SECONDS = int(env("PLENARY_FRAGMENT_CACHE_SECONDS", "600"))
# Stampede guard: while one process re-renders a stale page, the others serve the previous copy
# for at most this long.
PLENARY_PAGE_CACHE_GRACE_SECONDS = int(env("PLENARY_PAGE_CACHE_GRACE_SECONDS", "10"))
# With a CDN in front: how long it may keep a public page (Cache-Control s-maxage; 0 = revalidate).
PLENARY_CDN_CACHE_SECONDS = int(env("PLENARY_CDN_CACHE_SECONDS", "0"))
# ...and how it is told to forget a page when its content changes (cms/frontend_cache.py: the pages of
# every bumped scope, e.g. a summit's programme and sessions after a room change). Wagtail's
# frontend-cache backends: an HTTP purger (Varnish, nginx proxy_cache_purge: a PURGE per address) or
# Cloudflare (zone id + an API token allowed to purge). Unset: nothing is purged.
WAGTAILFRONTENDCACHE = {}
if env("PLENARY_FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("PLENARY_FRONTEND_CACHE_URL"),
    }
if env("PLENARY_CLOUDFLARE_ZONE_ID") and env("PLENARY_CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env("PLENARY_CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env("PLENARY_CLOUDFLARE_API_TOKEN"),
    }
if WAGTAILFRONTENDCACHE:
    # Wagtail's own handlers purge a page when it is published; cms.frontend_cache adds its sub-pages
    # and everything else the per-summit invalidation covers.
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
