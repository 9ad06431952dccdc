import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_each_part(client, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/healthz")
    body = response.json()
    assert (response.status_code, body["status"]) == (200, "ok")
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True, "cache": True, "broker": True}
    assert body["checks"]["broker"]["configured"] is False


def test_healthz_says_degraded_when_the_broker_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    from celery import current_app

    previous = current_app.conf.broker_url
    current_app.conf.broker_url = settings.CELERY_BROKER_URL
    try:
        response = client.get("/healthz")
    finally:
        current_app.conf.broker_url = previous
    body = response.json()
    assert (response.status_code, body["status"]) == (200, "degraded")
    assert body["checks"]["database"]["ok"] and not body["checks"]["broker"]["ok"]
    assert body["checks"]["broker"]["ms"] < 5000
