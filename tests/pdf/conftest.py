import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_between_tests():
    """Start each test in English: a request to /fr/… leaves French active in the test thread, and
    modeltranslation writes ``title=`` into the active language's column."""
    translation.activate("en")
    yield
    translation.activate("en")
