"""Background jobs backed by the database (after pretix's CachedFile and async tasks).

An app registers a kind of job with the function that does the work::

    jobs.register("registrations.badges", run_badge_batch, label=_("Badges and letters"),
                  action="registrations.documents")

and starts one with ``jobs.start("registrations.badges", owner=user, summit=summit, params={...})``.
The function receives a :class:`JobContext`: ``ctx.job``, ``ctx.params``, ``ctx.progress(done, total)``
and ``ctx.save_file(name, content)``; what it returns (a JSON-ready dict) becomes ``job.result``.

Guarantees:
- The worker task runs with ``acks_late`` and ``reject_on_worker_lost``; a thread writes a heartbeat
  every few seconds while the job runs, so a job whose worker died is noticed by :func:`reap` (celery
  beat) within ``PLENARY_JOB_STALE_SECONDS``: queued again while it has attempts left, else marked failed.
- A job is claimed atomically (queued → running), so a message delivered twice runs it once.
- A job may hand its work to other tasks (chunks of a PDF batch rendered by several workers): its
  function returns :data:`DEFERRED`, the job stays running, the tasks keep its heartbeat with
  :func:`keep_alive` and the last one ends it with :func:`complete` or :func:`fail`.
- Who may see, download, retry or cancel a job is decided by :func:`can_access`: its owner, or a team
  member allowed the kind's action on the job's summit.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import traceback
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import close_old_connections, transaction
from django.db.models import F
from django.utils import timezone

from . import permissions
from .models import Job

logger = logging.getLogger(__name__)

S = Job.State


def heartbeat_seconds() -> float:
    """How often a running job writes its heartbeat (PLENARY_JOB_HEARTBEAT_SECONDS, default 5)."""
    return float(getattr(settings, "PLENARY_JOB_HEARTBEAT_SECONDS", 5))


def stale_after() -> dt.timedelta:
    """A running job silent this long lost its worker (PLENARY_JOB_STALE_SECONDS, default 30)."""
    return dt.timedelta(seconds=float(getattr(settings, "PLENARY_JOB_STALE_SECONDS", 30)))


DEFERRED = object()  # returned by a kind's function: other tasks carry on and end the job (complete/fail)


class JobCancelled(Exception):
    """The job's owner asked to stop it."""


@dataclass
class JobKind:
    name: str
    run: callable
    label: str
    action: str  # core.permissions action needed on the job's summit to see it
    max_attempts: int = 1
    keep_hours: int | None = None  # results deleted this long after the job finished (None: setting)
    result_url: callable = None  # job -> (url, label) of what the finished job made, for the progress page


_KINDS: dict[str, JobKind] = {}


def register(name, run, *, label, action, max_attempts=1, keep_hours=None, result_url=None) -> JobKind:
    permissions._check_action(action)
    kind = JobKind(name, run, label, action, max_attempts, keep_hours, result_url)
    _KINDS[name] = kind
    return kind


def kinds() -> dict[str, JobKind]:
    return dict(_KINDS)


def get_kind(name) -> JobKind:
    try:
        return _KINDS[name]
    except KeyError:
        raise LookupError(f"unknown job kind {name!r}") from None


def start(kind: str, *, owner=None, summit=None, params: dict | None = None, total: int = 0) -> Job:
    """Record a job and queue it once the current transaction commits."""
    get_kind(kind)
    job = Job.objects.create(
        kind=kind, owner=owner if getattr(owner, "pk", None) else None, summit_id=getattr(summit, "pk", summit),
        params=params or {}, total=total,
    )
    transaction.on_commit(lambda: publish(job.pk))
    logger.info("job %s queued kind=%s summit=%s owner=%s", job.uuid, kind, job.summit_id, job.owner_id)
    return job


def publish(job_id: int) -> bool:
    """Ask a worker to run one job; never raises (the reaper queues again what could not be queued)."""
    from . import broker
    from .tasks import run_job

    return broker.publish(run_job, (job_id,), what=f"job {job_id}")


class JobContext:
    def __init__(self, job: Job):
        self.job = job
        self.params = job.params
        self._last_write = 0.0
        self.pending = False  # progress recorded inside a transaction, for the heartbeat thread to write
        self.heartbeat_writes = False  # set when a heartbeat thread (its own connection) runs beside the work
        from django.db import connection

        self._outer_blocks = len(connection.atomic_blocks)

    def progress(self, done: int, total: int | None = None, message: str | None = None, *, force=False):
        """Record progress (throttled to a few writes a second); raises JobCancelled if asked to stop."""
        import time

        self.job.done = done
        if total is not None:
            self.job.total = total
        if message is not None:
            self.job.message = str(message)[:300]
        now = time.monotonic()
        if force or now - self._last_write >= 0.3 or (self.job.total and done >= self.job.total):
            self._last_write = now
            from django.db import connection

            if self.heartbeat_writes and len(connection.atomic_blocks) > self._outer_blocks:
                # Inside the work's transaction (an import, all or nothing) a write here would be
                # invisible until the end and rolled back with it: the heartbeat thread, on its own
                # connection, writes it instead.
                self.pending = True
                if Job.objects.filter(pk=self.job.pk, cancel_requested=True).exists():
                    raise JobCancelled
                return
            Job.objects.filter(pk=self.job.pk).update(
                done=self.job.done, total=self.job.total, message=self.job.message, heartbeat_at=timezone.now()
            )
            if Job.objects.filter(pk=self.job.pk, cancel_requested=True).exists():
                raise JobCancelled

    def save_file(self, name: str, content: bytes):
        self.job.result_name = name
        self.job.result_file.save(name, ContentFile(content), save=False)
        Job.objects.filter(pk=self.job.pk).update(result_file=self.job.result_file.name, result_name=name)


def _claim(job_id: int) -> Job | None:
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, state=S.QUEUED).update(
        state=S.RUNNING, started_at=now, heartbeat_at=now, attempts=F("attempts") + 1, error=""
    )
    return Job.objects.select_related("summit", "owner").get(pk=job_id) if claimed else None


class _Heartbeat(threading.Thread):
    """Touches the job's heartbeat while the work runs (WeasyPrint may lay out for a minute)."""

    def __init__(self, job_id, ctx=None):
        super().__init__(daemon=True, name=f"job-heartbeat-{job_id}")
        self.job_id = job_id
        self.ctx = ctx
        self.stopped = threading.Event()

    def run(self):
        import time

        last = time.monotonic()
        try:
            while not self.stopped.wait(min(heartbeat_seconds(), 1.0)):
                ctx = self.ctx
                try:
                    if ctx is not None and ctx.pending:
                        ctx.pending = False
                        job = ctx.job
                        Job.objects.filter(pk=self.job_id, state=S.RUNNING).update(
                            heartbeat_at=timezone.now(), done=job.done, total=job.total, message=job.message)
                        last = time.monotonic()
                    elif time.monotonic() - last >= heartbeat_seconds():
                        Job.objects.filter(pk=self.job_id, state=S.RUNNING).update(heartbeat_at=timezone.now())
                        last = time.monotonic()
                except Exception as exc:  # a locked SQLite file, a database restart: try again next tick
                    logger.warning("job %s: heartbeat not written (%s: %s)", self.job_id, type(exc).__name__, exc)
                    close_old_connections()
        finally:
            close_old_connections()
            from django.db import connection

            connection.close()


def run(job_id: int) -> str:
    """Run a queued job to the end (the Celery task's body); returns the final state."""
    job = _claim(job_id)
    if job is None:
        return "skipped"
    kind = get_kind(job.kind)
    # A thread's own database connection cannot see an in-memory SQLite test database.
    ctx = JobContext(job)
    heartbeat = _Heartbeat(job.pk, ctx) if not _in_memory_sqlite() else None
    if heartbeat:
        ctx.heartbeat_writes = True
        heartbeat.start()
    try:
        result = kind.run(ctx)
        if result is DEFERRED:  # the job's tasks end it; its state may already be final (eager mode)
            return Job.objects.filter(pk=job.pk).values_list("state", flat=True).first() or job.state
        result = result or {}
    except JobCancelled:
        _finish(job, S.CANCELLED, error="")
    except Exception as exc:
        logger.exception("job %s (%s) failed", job.uuid, job.kind)
        _finish(job, S.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000],
                detail=traceback.format_exc(limit=5)[-4000:])
    else:
        job.result = result
        _finish(job, S.SUCCEEDED)
    finally:
        if heartbeat:
            heartbeat.stopped.set()
    return job.state


class keep_alive:
    """``with keep_alive(job_id):`` writes the job's heartbeat while a task works for a deferred job."""

    def __init__(self, job_id: int):
        self.thread = _Heartbeat(job_id) if not _in_memory_sqlite() else None

    def __enter__(self):
        if self.thread:
            Job.objects.filter(pk=self.thread.job_id, state=S.RUNNING).update(heartbeat_at=timezone.now())
            self.thread.start()
        return self

    def __exit__(self, *exc):
        if self.thread:
            self.thread.stopped.set()
        return False


def complete(job_id: int, *, attempt: int, result: dict) -> bool:
    """End a deferred job as succeeded, if it is still running this attempt; False if not."""
    job = Job.objects.filter(pk=job_id, state=S.RUNNING, attempts=attempt).first()
    if job is None:
        return False
    job.result = result
    _finish(job, S.SUCCEEDED)
    return True


def fail(job_id: int, *, attempt: int | None = None, error: str, cancelled: bool = False) -> bool:
    """End a deferred job as failed (or cancelled), if it is still running (this attempt, when given)."""
    jobs = Job.objects.filter(pk=job_id, state=S.RUNNING)
    if attempt is not None:
        jobs = jobs.filter(attempts=attempt)
    job = jobs.first()
    if job is None:
        return False
    _finish(job, S.CANCELLED if cancelled else S.FAILED, error="" if cancelled else str(error)[:2000])
    return True


def _in_memory_sqlite() -> bool:
    from django.db import connection

    return connection.vendor == "sqlite" and connection.is_in_memory_db()


def _keep_hours(job: Job) -> int:
    kind = _KINDS.get(job.kind)
    if kind and kind.keep_hours is not None:
        return kind.keep_hours
    return getattr(settings, "PLENARY_JOB_RESULT_HOURS", 48)


def _finish(job: Job, state: str, error: str = "", detail: str = ""):
    now = timezone.now()
    job.state = state
    job.error = error
    job.finished_at = now
    job.expires_at = now + dt.timedelta(hours=_keep_hours(job))
    if state == S.SUCCEEDED and job.total and job.done < job.total:
        job.done = job.total
    Job.objects.filter(pk=job.pk).update(
        state=state, error=error, finished_at=now, expires_at=job.expires_at, result=job.result, done=job.done,
        total=job.total, heartbeat_at=now,
    )
    if detail:
        logger.info("job %s traceback:\n%s", job.uuid, detail)
    logger.info("job %s %s kind=%s done=%d/%d", job.uuid, state, job.kind, job.done, job.total)


def reap(now=None) -> dict:
    """Notice jobs whose worker died (no heartbeat for PLENARY_JOB_STALE_SECONDS): queue them again or fail them.

    Also queues again jobs that never reached a worker (broker down when they were started).
    """
    now = now or timezone.now()
    stale = stale_after()
    requeued = failed = republished = 0
    for job in Job.objects.filter(state=S.RUNNING, heartbeat_at__lt=now - stale):
        kind = _KINDS.get(job.kind)
        if kind and job.attempts < kind.max_attempts:
            if Job.objects.filter(pk=job.pk, state=S.RUNNING).update(state=S.QUEUED, heartbeat_at=None):
                requeued += 1
                transaction.on_commit(lambda pk=job.pk: publish(pk))
        else:
            if Job.objects.filter(pk=job.pk, state=S.RUNNING).update(
                state=S.FAILED, finished_at=now, expires_at=now + dt.timedelta(hours=_keep_hours(job)),
                error="The worker running this job stopped before it finished.",
            ):
                failed += 1
                logger.error("job %s (%s): its worker stopped; marked failed", job.uuid, job.kind)
    for job_id in Job.objects.filter(state=S.QUEUED, created_at__lt=now - stale,
                                     started_at__isnull=True).values_list("pk", flat=True)[:200]:
        if publish(job_id):
            republished += 1
    return {"requeued": requeued, "failed": failed, "republished": republished}


def retry(job: Job, *, by=None) -> Job:
    """Start a failed or cancelled job again, as a new job with the same parameters."""
    if job.state not in (S.FAILED, S.CANCELLED):
        raise ValueError("only a failed or cancelled job can be retried")
    return start(job.kind, owner=by or job.owner, summit=job.summit_id, params=job.params, total=job.total)


def cancel(job: Job) -> None:
    if job.state == S.QUEUED:
        Job.objects.filter(pk=job.pk, state=S.QUEUED).update(
            state=S.CANCELLED, finished_at=timezone.now(), cancel_requested=True)
    elif job.state == S.RUNNING:
        Job.objects.filter(pk=job.pk).update(cancel_requested=True)


def purge(now=None) -> int:
    """Delete finished jobs past their expiry date, and their files (they may hold personal data)."""
    now = now or timezone.now()
    count = 0
    for job in Job.objects.filter(expires_at__lt=now).exclude(state__in=[S.QUEUED, S.RUNNING]):
        if job.result_file:
            job.result_file.delete(save=False)
        job.delete()
        count += 1
    if count:
        logger.info("jobs purged count=%d", count)
    return count


def can_access(user, job: Job) -> bool:
    """The owner, or a team member allowed the kind's action on the job's summit (secretariat: all)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if permissions.is_secretariat(user):
        return True
    kind = _KINDS.get(job.kind)
    if kind is None:
        return False
    if job.summit_id is None:
        return job.owner_id == user.pk and permissions.can(user, kind.action)
    return permissions.can(user, kind.action, job.summit_id)
