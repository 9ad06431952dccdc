"""Publishing to the Celery broker without letting a broken broker hold a request.

The outbox and the jobs table keep the work, so a message that cannot be published is never lost:
beat queues it again (``core.outbox.flush``, ``core.jobs.reap``). What must not happen is every
request waiting for a broker that is down or frozen. After one failed publish, this process stops
trying for ``PLENARY_BROKER_RETRY_SECONDS`` (a circuit breaker): the first request pays at most the
connection or socket timeout, the next ones answer at once.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_open_until = 0.0  # monotonic time before which publishing is not tried


def retry_seconds() -> float:
    return float(getattr(settings, "PLENARY_BROKER_RETRY_SECONDS", 15))


def available() -> bool:
    """False while the breaker is open (a publish failed a moment ago in this process)."""
    return time.monotonic() >= _open_until


def reset():
    global _open_until
    with _lock:
        _open_until = 0.0


def publish(task, args, *, what: str) -> bool:
    """``task.apply_async(args)`` unless the broker failed a moment ago; never raises."""
    global _open_until
    if task.app.conf.task_always_eager:  # no broker: the task runs here and now (development, tests)
        try:
            task.apply_async(args, retry=False)
            return True
        except Exception as exc:
            logger.warning("%s failed when run in-process (%s: %s); beat will retry", what, type(exc).__name__, exc)
            return False
    if not available():
        logger.info("broker: %s not queued (broker failed less than %ss ago); beat will retry", what,
                    retry_seconds())
        return False
    try:
        task.apply_async(args, retry=False)
        return True
    except Exception as exc:  # broker down, unreachable or frozen
        with _lock:
            _open_until = time.monotonic() + retry_seconds()
        logger.warning("broker: could not queue %s (%s: %s); not trying again for %ss, beat will retry", what,
                       type(exc).__name__, exc, retry_seconds())
        return False
