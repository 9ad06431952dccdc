"""Celery tasks for PDF batches (thin: an id in, the service in registrations.documents does the work)."""

from celery import shared_task

from . import documents


@shared_task(name="registrations.render_pdf_batch", acks_late=True)
def render_pdf_batch(job_id: str):
    status = documents.run_batch(job_id)
    return {"id": job_id, "state": status["state"], "total": status.get("total", 0)}


@shared_task(name="registrations.purge_pdf_batches")
def purge_pdf_batches():
    return documents.purge_batches()
