"""The default configuration is right for several processes: two servers and an edit in a third.

Two ``runserver`` processes share one SQLite file database and, with no ``CACHE_URL``, the default
cache (Django's database cache). A session renamed through the ORM in a third process shows on
both servers at the very next request; before, each process had its own memory cache and kept
the old title for up to ten minutes.
"""

import http.client
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SETUP = r"""
import django; django.setup()
from django.core.management import call_command
call_command("createcachetable")
from django.conf import settings
assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"), settings.CACHES
# The copied test database may come from a process whose transactional tests emptied Wagtail's tree.
from wagtail.models import Collection, Locale, Page, Site
root = Page.get_first_root_node() or Page.add_root(
    instance=Page(title="Root", slug="root", locale=Locale.objects.get_or_create(language_code="en")[0]))
if not Site.objects.filter(is_default_site=True).exists():
    Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True, site_name="Plenary")
if Collection.get_first_root_node() is None:
    Collection.add_root(name="Root")
from tests.cms import factories
from tests.summits.factories import SessionFactory, SummitFactory
home = factories.home_page(title="Home")
summit = SummitFactory(title="Shared Summit", slug="shared", languages=["en"])
factories.summit_page(home, summit, title="Shared Summit")
SessionFactory(summit=summit, slug="opening", title="Opening before")
"""

RENAME = r"""
import django; django.setup()
from summits.models import Session
session = Session.objects.get(slug="opening")
session.title = "Opening after"
session.save()
"""


def environment(db):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DATABASE_URL", "CACHE_URL", "REDIS_CACHE_URL", "CELERY_", "DJANGO_SETTINGS_MODULE",
                                "PLENARY_PAGE_CACHE"))}
    env.update({"DEBUG": "1", "DATABASE_URL": f"sqlite:///{db}", "PYTHONPATH": str(ROOT),
                "DJANGO_SETTINGS_MODULE": "config.settings", "ALLOWED_HOSTS": "127.0.0.1,localhost"})
    return env


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        return response.status, response.getheader("X-Plenary-Cache"), response.read().decode()
    finally:
        conn.close()


def wait_ready(port, process):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server on {port} exited: {process.stderr.read().decode()[-2000:]}")
        try:
            get(port, "/healthz")
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"server on {port} did not start")


@pytest.fixture(scope="session")
def file_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """A SQLite file with the migrated schema, copied from the test database (migrating a new file
    would take half a minute)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the two-server test runs on a SQLite file database")
    path = tmp_path_factory.mktemp("shared-cache") / "db.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
    return path


@pytest.mark.django_db  # so that pytest-django sets the test database up (copied by file_database)
def test_two_server_processes_show_an_edit_made_in_a_third_at_once(file_database):
    env = environment(file_database)
    done = subprocess.run([sys.executable, "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-3000:]
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen([sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
                         cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for port in ports
    ]
    try:
        for port, server in zip(ports, servers):
            wait_ready(port, server)
        path = "/en/shared/programme/"
        first, second = ports
        status, state, body = get(first, path)
        assert (status, state) == (200, "miss") and "Opening before" in body
        assert get(first, path)[1] == "hit"
        # The other process finds the copy the first one stored: one cache for both.
        status, state, body = get(second, path)
        assert (status, state) == (200, "hit") and "Opening before" in body

        renamed = subprocess.run([sys.executable, "-c", RENAME], cwd=ROOT, env=env, capture_output=True, text=True,
                                 timeout=60)
        assert renamed.returncode == 0, renamed.stderr[-3000:]

        for port in (second, first):
            status, _state, body = get(port, path)
            assert status == 200
            assert "Opening after" in body and "Opening before" not in body, port
        assert [get(port, path)[1] for port in ports] == ["hit", "hit"]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()


def test_without_cache_url_the_default_cache_is_the_database_and_with_it_redis():
    from tests.test_settings import run_manage

    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    assert run_manage("shell", "-c", code, DEBUG="1").stdout.strip().endswith("DatabaseCache")
    redis = run_manage("shell", "-c", code, DEBUG="1", CACHE_URL="redis://127.0.0.1:6379/6")
    assert redis.stdout.strip().endswith("RedisCache")


@pytest.mark.django_db(transaction=True)
def test_every_migrate_creates_the_cache_table(settings):
    from django.db import connection
    from django.db.models.signals import post_migrate

    from core.apps import create_cache_table

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                                   "LOCATION": "plenary_cache_check"}}
    from django.apps import apps

    sync_receivers, _async_receivers = post_migrate._live_receivers(apps.get_app_config("core"))
    assert create_cache_table in sync_receivers
    create_cache_table(using="default", verbosity=0)
    try:
        assert "plenary_cache_check" in connection.introspection.table_names()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE plenary_cache_check")
