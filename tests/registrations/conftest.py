import pytest
from django.test import Client, TestCase


class CommittingClient(Client):
    """A test client that runs on-commit callbacks (queued emails) at the end of each request, as
    a real request's transaction would."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


@pytest.fixture
def client():
    return CommittingClient()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Use as ``with committed(): service(...)`` to run the emails the service queues."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
