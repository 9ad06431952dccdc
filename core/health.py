"""Health of the parts a web machine depends on: database, cache and Celery broker, each on its own.

``/healthz`` answers 200 while the database answers (the site can serve and take registrations:
emails wait in the outbox while the broker is down), 503 otherwise. Each check has a short
timeout so a load balancer's probe never hangs.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection


def _timed(check):
    started = time.monotonic()
    try:
        detail = check() or {}
        ok = True
        error = ""
    except Exception as exc:  # any failure of the service is reported, never raised
        detail, ok, error = {}, False, f"{type(exc).__name__}: {exc}"[:300]
    result = {"ok": ok, "ms": round((time.monotonic() - started) * 1000, 1), **detail}
    if error:
        result["error"] = error
    return result


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"vendor": connection.vendor}


def check_cache():
    key = "plenary:healthz"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was stored")
    return {"backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]}


def check_broker():
    url = getattr(settings, "CELERY_BROKER_URL", "")
    if not url:
        return {"configured": False, "mode": "tasks run in the web process"}
    from celery import current_app

    # A fresh connection to the configured URL: the app's pool may hold a connection opened earlier.
    with current_app.connection_for_write(url, connect_timeout=2) as conn:
        conn.ensure_connection(max_retries=0, timeout=2)
    return {"configured": True}


def report():
    checks = {"database": _timed(check_database), "cache": _timed(check_cache), "broker": _timed(check_broker)}
    if not checks["database"]["ok"]:
        status = "down"
    elif all(check["ok"] for check in checks.values()):
        status = "ok"
    else:
        status = "degraded"
    return status, checks
