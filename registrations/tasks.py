"""Celery tasks of the registrations app: ids in, a service or email function does the work."""

from celery import shared_task


@shared_task
def anonymise_expired_registrations():
    from .services import anonymise_expired

    return anonymise_expired()


# A badge or letter batch in chunks (registrations.documents.dispatch_chunks): acks_late and
# reject_on_worker_lost, so a chunk whose worker dies is given to another one; a chunk that raises
# is retried by the task itself (documents.CHUNK_RETRIES).
@shared_task(name="registrations.render_batch_chunk", bind=True, acks_late=True, reject_on_worker_lost=True)
def render_batch_chunk(self, job_id, attempt, index, count, ids):
    from .documents import run_chunk_task

    return run_chunk_task(self, job_id, attempt, index, count, ids)


@shared_task(name="registrations.merge_batch_chunks", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def merge_batch_chunks(chunks, job_id, attempt):
    from .documents import run_merge_task

    return run_merge_task(chunks, job_id, attempt)
