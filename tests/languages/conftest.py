import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import translation

from .crawl import LOCALES, crawl


@pytest.fixture(scope="module")
def demo_crawl(django_db_setup, django_db_blocker):
    """The demo loaded once, every locale's site crawled from its home; rolled back afterwards."""
    import io

    results = {}
    with django_db_blocker.unblock():
        with transaction.atomic():
            cache.clear()
            call_command("load_demo", stdout=io.StringIO())
            client = Client()
            for code in LOCALES:
                results[code] = crawl(client, f"/{code}/", code)
            transaction.set_rollback(True)
    cache.clear()
    translation.activate("en")
    return results
