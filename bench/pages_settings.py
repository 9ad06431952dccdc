"""Settings for bench/pages.py: the project's settings plus a bare baseline view."""

from config.settings import *  # noqa: F401,F403

ROOT_URLCONF = "bench.pages_urls"
DEBUG = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
