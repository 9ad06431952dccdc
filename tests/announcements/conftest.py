import pytest

from tests.summits.factories import SummitFactory, organiser


@pytest.fixture
def summit(db):
    return SummitFactory(slug="one-planet-biodiversity", title="One Planet Summit")


@pytest.fixture
def reviewer(summit):
    return organiser(summits=[summit])


@pytest.fixture(autouse=True)
def _english():
    """The test client's LocaleMiddleware leaves the last language active in the thread."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
