"""Shared test setup.

- Celery runs tasks eagerly in tests unless a test starts a real worker (see tests/test_celery_worker.py).
- ``postgres`` / ``redis`` markers skip without the service, except in CI
  (PLENARY_REQUIRE_SERVICES=1) where a missing service is a failure.
"""

import os

import pytest
from django.conf import settings
from django.test import Client, TestCase

from config.celery import app as celery_app

REQUIRE_SERVICES = os.environ.get("PLENARY_REQUIRE_SERVICES") == "1"


def pytest_configure(config):
    # A fast hasher: the suite creates hundreds of users; PBKDF2 would spend minutes on them.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Without CACHE_URL the default cache is the database's: in-process tests use a memory cache
    # instead (cleared before each test; query counts stay those of the code under test). The
    # database cache is exercised across real processes in tests/cms/test_shared_cache.py; with
    # CACHE_URL (CI) the tests use that Redis.
    if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True


def is_postgres():
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def redis_url():
    return os.environ.get("CELERY_BROKER_URL", "")


def skip_or_fail(reason):
    """Skip on a developer's machine that lacks a tool; in CI (PLENARY_REQUIRE_SERVICES=1) fail instead."""
    if REQUIRE_SERVICES:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


def has_chromium():
    import shutil

    return os.path.exists("/usr/bin/chromium") or shutil.which("chromium") is not None


def pytest_collection_modifyitems(config, items):
    chromium = has_chromium()
    for item in items:
        if "browser" in item.keywords and not chromium:
            if REQUIRE_SERVICES:
                raise pytest.UsageError("PLENARY_REQUIRE_SERVICES=1 but Debian's chromium is not installed")
            item.add_marker(pytest.mark.skip(reason="needs Debian's chromium (apt-get install chromium)"))
        if "postgres" in item.keywords and not is_postgres():
            if REQUIRE_SERVICES:
                raise pytest.UsageError("PLENARY_REQUIRE_SERVICES=1 but DATABASE_URL is not PostgreSQL")
            else:
                item.add_marker(pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)"))
        if "redis" in item.keywords and not redis_url().startswith("redis"):
            if REQUIRE_SERVICES:
                raise pytest.UsageError("PLENARY_REQUIRE_SERVICES=1 but CELERY_BROKER_URL is not Redis")
            else:
                item.add_marker(pytest.mark.skip(reason="needs Redis (set CELERY_BROKER_URL)"))


class CommittingClient(Client):
    """A test client that runs on-commit callbacks (outbox emails, jobs) at the end of each request,
    as a real request's transaction would."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


@pytest.fixture
def client():
    return CommittingClient()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Use as ``with committed(): service(...)`` to run what the service queues on commit (emails, jobs)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def worker():
    """A real Celery worker (solo pool) consuming the Redis broker, for tests marked ``redis``."""
    from celery.contrib.testing.worker import start_worker

    celery_app.conf.task_always_eager = False
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield
    finally:
        celery_app.conf.task_always_eager = True


@pytest.fixture(autouse=True)
def _media_and_mail(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _english_first():
    """Requests leave their language active in the thread; start every test in English
    (modeltranslation writes ``title=`` into the active language's column)."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _wagtail_tree(request):
    """Wagtail's root page, default site and English locale come from its migrations; a transactional
    test (browser, live server) empties every table at its end. With the suite split between processes,
    a later test of the same process may not find them: make them again when they are missing."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None and "db" not in request.fixturenames and "transactional_db" not in request.fixturenames:
        yield
        return
    from wagtail.models import Locale, Page, Site

    try:
        root = Page.objects.filter(depth=1).first()
    except RuntimeError:  # the test reaches the database later, its own way (Schemathesis' WSGI calls)
        yield
        return
    if root is None:
        locale, _created = Locale.objects.get_or_create(language_code="en")
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True, site_name="Plenary")
    from wagtail.models import Collection

    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    yield


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium through Playwright, one per test module (tests marked ``browser``)."""
    import shutil

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    from playwright.sync_api import sync_playwright

    executable = "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else shutil.which("chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()
