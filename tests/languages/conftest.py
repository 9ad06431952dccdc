import io

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import translation

from .crawl import LOCALES, crawl
from .english import english_found, english_strings, page_text


@pytest.fixture(scope="module")
def demo_crawl(django_db_setup, django_db_blocker):
    """The demo loaded once and every locale's site crawled from its home, rolled back afterwards.

    For each locale: (pages, links, English strings found per page). ``control`` is the same check on a
    page whose Arabic title was removed on purpose: it must find the English fallback."""
    results = {}
    with django_db_blocker.unblock():
        with transaction.atomic():
            cache.clear()
            call_command("load_demo", stdout=io.StringIO())
            client = Client()
            for code in LOCALES:
                seen, links = crawl(client, f"/{code}/", code)
                english = english_strings(code) if code != "en" else set()
                found = {path: english_found(english, page_text(soup)) for path, (status, soup) in seen.items()
                         if soup is not None}
                results[code] = (seen, links, {path: hits for path, hits in found.items() if hits}, len(english))
            from summits.models import Session

            session = Session.objects.get(slug="closing")
            session.title_ar = ""
            session.save()
            cache.clear()
            response = client.get("/ar/one-planet-biodiversity/sessions/closing/")
            results["control"] = english_found(english_strings("ar"),
                                               page_text(BeautifulSoup(response.content, "html.parser")))
            transaction.set_rollback(True)
    cache.clear()
    translation.activate("en")
    return results
