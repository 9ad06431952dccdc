"""Any background job's progress in the admin: a page with a progress bar, and its status as JSON.

Only people :func:`core.jobs.can_access` allows see a job (its owner, or a team member allowed the
kind's action on the job's summit); anybody else gets a 404, whatever the id.
"""

import uuid

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from . import jobs
from .models import Job


def _job(request, job_id):
    try:
        key = uuid.UUID(hex=str(job_id))
    except ValueError:
        raise Http404 from None
    job = Job.objects.filter(uuid=key).select_related("summit", "owner").first()
    if job is None or not jobs.can_access(request.user, job):
        raise Http404
    return job


def payload(job) -> dict:
    kind = jobs.kinds().get(job.kind)
    url, label = ("", "")
    if job.state == Job.State.SUCCEEDED and kind is not None and kind.result_url is not None:
        url, label = kind.result_url(job)
    return {"state": job.state, "done": job.done, "total": job.total, "percent": job.percent,
            "message": job.message, "error": job.error, "result_url": url, "result_label": str(label),
            "finished": job.is_finished}


@never_cache
def job_progress(request, job_id):
    job = _job(request, job_id)
    kind = jobs.kinds().get(job.kind)
    return render(request, "core/admin/job_progress.html", {
        "job": job, "status": payload(job), "label": kind.label if kind else job.kind,
    })


@never_cache
def job_status(request, job_id):
    return JsonResponse(payload(_job(request, job_id)))
