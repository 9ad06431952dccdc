"""Schemathesis drives /api/v1/ from its own OpenAPI description: no generated request is a server error.

The schema is the one the API serves (``announcements.api.openapi_document``); requests go through
Django's WSGI application in this process, on the test database, with published commitments in it.
``PLENARY_FUZZ_EXAMPLES`` scales the examples per operation (a tenth of it, at least 20).
"""

import os

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from announcements.api import openapi_document
from tests.announcements.factories import DeliverableFactory, PublishedCommitmentFactory, ProgressReportFactory
from tests.summits.factories import SummitFactory, ThemeFactory

PER_OPERATION = max(20, int(os.environ.get("PLENARY_FUZZ_EXAMPLES", "250")) // 10)

schema = schemathesis.openapi.from_dict(openapi_document())
schema.app = get_wsgi_application()
CASES = {"count": 0}


@pytest.fixture(scope="module", autouse=True)
def _report_cases(request):
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None and CASES["count"]:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"schemathesis: {CASES['count']} requests to /api/v1/ generated from its OpenAPI "
                                "description")


@pytest.fixture
def wsgi_in_the_test_transaction():
    """Django's WSGI handler closes the database connection after each request (``request_finished``),
    which would close the test's own; the test client disconnects it the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def registry(db, settings, wsgi_in_the_test_transaction):
    settings.ALLOWED_HOSTS = ["*"]
    summit = SummitFactory(slug="ops")
    theme = ThemeFactory(summit=summit, slug="water")
    for i in range(3):
        commitment = PublishedCommitmentFactory(summit=summit, reference=f"OPS-{i:04d}", amount=1000 * i,
                                                currency="EUR")
        commitment.themes.set([theme])
        DeliverableFactory(commitment=commitment)
        ProgressReportFactory(commitment=commitment, state="published")
    return summit


@schema.parametrize()
@settings(max_examples=PER_OPERATION, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_the_api_never_answers_a_server_error(case, registry):
    response = case.call()
    CASES["count"] += 1
    case.validate_response(response, checks=[not_a_server_error])
