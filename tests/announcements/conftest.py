import pytest

from tests.summits.factories import SummitFactory, organiser


@pytest.fixture
def summit(db):
    return SummitFactory(slug="one-planet-biodiversity", title="One Planet Summit")


@pytest.fixture
def reviewer(summit):
    return organiser(summits=[summit])
