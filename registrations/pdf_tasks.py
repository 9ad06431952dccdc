"""Celery tasks for PDF batches (thin: an id in, the service in registrations.documents does the work)."""

from celery import shared_task

from . import documents


@shared_task(name="registrations.render_pdf_batch", acks_late=True)
def render_pdf_batch(job_id: str):
    status = documents.run_batch(job_id)
    return {"id": job_id, "state": status["state"], "total": status.get("total", 0)}
