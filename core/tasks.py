"""Celery tasks of the ground floor: thin wrappers around core.outbox and core.jobs."""

from celery import shared_task


@shared_task(name="core.send_outbox_email", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def send_outbox_email(email_id):
    from . import outbox

    return outbox.deliver(email_id)


@shared_task(name="core.flush_outbox", ignore_result=True)
def flush_outbox():
    from . import outbox

    return outbox.flush()


@shared_task(name="core.run_job", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def run_job(job_id):
    from . import jobs

    return jobs.run(job_id)


@shared_task(name="core.reap_jobs", ignore_result=True)
def reap_jobs():
    from . import jobs

    return jobs.reap()


@shared_task(name="core.purge_jobs", ignore_result=True)
def purge_jobs():
    from . import jobs

    return jobs.purge()
