"""Settings for bench/pages.py: the project's settings plus a bare baseline view."""

from config.settings import *  # noqa: F401,F403

ROOT_URLCONF = "bench.pages_urls"
DEBUG = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# No collectstatic step here: static URLs without the manifest (the page's HTML is the same size).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
