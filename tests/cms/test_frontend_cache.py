"""A CDN in front: the per-summit invalidation purges the CDN's copies of the same pages (cms.frontend_cache),
through Wagtail's frontend-cache backends; here a backend that records what it is asked to purge."""

import pytest
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from tests.summits.factories import RoomFactory, SessionFactory, SummitFactory

from . import factories

pytestmark = pytest.mark.django_db


class Recorder(BaseBackend):
    purged = []

    def purge(self, url):
        Recorder.purged.append(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"fake": {"BACKEND": "tests.cms.test_frontend_cache.Recorder"}}
    Recorder.purged.clear()
    return Recorder.purged


def paths(urls):
    from urllib.parse import urlsplit

    return {urlsplit(url).path for url in urls}


def test_a_session_change_purges_its_summit_pages_in_every_language_and_no_other_summit(
    cdn, home, summit_page, summit, django_capture_on_commit_callbacks
):
    other = SummitFactory(title="Blue Ocean Summit", slug="blue")
    factories.summit_page(home, other, title="Blue Ocean Summit")
    session = SessionFactory(summit=summit, slug="opening", title="Opening", is_published=True)
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        session.title = "Opening plenary"
        session.save()
    purged = paths(cdn)
    for path in ("/en/ops/", "/en/ops/programme/", "/en/ops/sessions/opening/", "/en/ops/speakers/",
                 "/en/ops/themes/", "/fr/ops/programme/", "/ar/ops/sessions/opening/"):
        assert path in purged, (path, sorted(purged))
    assert not any(path.startswith(("/en/blue/", "/fr/blue/")) for path in purged), sorted(purged)


def test_a_room_change_purges_after_the_commit_only(cdn, summit_page, summit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        RoomFactory(summit=summit, name="Hall A")
    assert cdn == []  # nothing sent before the change is committed
    for callback in callbacks:
        callback()
    assert "/en/ops/programme/" in paths(cdn)


def test_without_a_configured_cdn_nothing_is_purged(settings, summit_page, summit, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    Recorder.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        SessionFactory(summit=summit, slug="x", is_published=True)
    assert Recorder.purged == []


def test_settings_wire_an_http_purger_and_cloudflare_from_the_environment():
    from tests.test_settings import run_manage

    code = ("from django.conf import settings; print(sorted((k, v['BACKEND'].rsplit('.', 1)[1]) for k, v in "
            "settings.WAGTAILFRONTENDCACHE.items()), 'wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS)")
    none = run_manage("shell", "-c", code, DEBUG="1")
    assert none.stdout.strip().splitlines()[-1] == "[] False", none.stderr[-2000:]
    both = run_manage("shell", "-c", code, DEBUG="1", PLENARY_FRONTEND_CACHE_URL="http://127.0.0.1:6081/",
                      PLENARY_CLOUDFLARE_ZONE_ID="zone", PLENARY_CLOUDFLARE_API_TOKEN="token")
    assert both.stdout.strip().splitlines()[-1] == "[('cloudflare', 'CloudflareBackend'), ('http', 'HTTPBackend')] True", both.stderr[-2000:]
