import pytest

from tests.registrations.factories import open_summit
from tests.summits.factories import member


def denied(response):
    """Wagtail turns PermissionDenied into a redirect to the dashboard with an error message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


@pytest.fixture
def summit():
    return open_summit(slug="one-planet-biodiversity", title="One Planet Summit for Biodiversity",
                       languages=["en", "fr", "ar"])


@pytest.fixture
def other_summit():
    return open_summit(slug="kunming-2021", title="Kunming")


@pytest.fixture
def manager(client, summit):
    user = member(summit, role="manager")
    client.force_login(user)
    return user
