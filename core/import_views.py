"""Spreadsheet import in the Wagtail admin: upload, preview (a dry run), then confirm.

The uploaded file is kept in the default storage between preview and confirm under a random
name; confirming re-runs the import for real, all or nothing.
"""

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect, render
from types import SimpleNamespace

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import import_jobs, importing
from .models import Job


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy("CSV, XLSX or JSON. The first row holds the column names."),
    )


def importable_kinds(user):
    return [kind for kind in importing.registry().values() if kind.allowed(user)]


def _kind_or_404(request, kind_name):
    kind = importing.registry().get(kind_name)
    if kind is None:
        raise Http404
    if not kind.allowed(request.user):
        raise PermissionDenied
    return kind


def import_choose(request):
    kinds = importable_kinds(request.user)
    if not kinds:
        raise PermissionDenied
    return render(request, "core/admin/import_choose.html", {"kinds": kinds})


def import_upload(request, kind):
    kind = _kind_or_404(request, kind)
    report = None
    token = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read()
            rows = importing.estimate_rows(content, upload.name)
            if rows > import_jobs.inline_rows():
                # Too long for a web request: preview it in a job, with a progress bar.
                token = f"{uuid.uuid4().hex}{importing.extension(upload.name)}"
                default_storage.save(import_jobs.stored_path(token), ContentFile(content))
                job = import_jobs.start(kind, token=token, dry_run=True, user=request.user,
                                        language=translation.get_language(), rows=rows)
                return redirect("plenary_job", job_id=job.uuid.hex)
            try:
                dataset = importing.read_dataset(content, upload.name)
            except importing.ImportFileError as exc:
                form.add_error("file", str(exc))
            else:
                report = importing.run_import(kind, dataset, dry_run=True, user=request.user)
                if report.ok:
                    token = f"{uuid.uuid4().hex}{importing.extension(upload.name)}"
                    default_storage.save(f"imports/{token}", ContentFile(content))
    else:
        form = ImportForm()
    return render(
        request,
        "core/admin/import_upload.html",
        {"kind": kind, "form": form, "report": report, "token": token},
    )


def import_confirm(request, kind):
    kind = _kind_or_404(request, kind)
    if request.method != "POST":
        return redirect("plenary_import_upload", kind=kind.name)
    token = request.POST.get("token", "")
    if not importing.TOKEN_RE.fullmatch(token) or not default_storage.exists(f"imports/{token}"):
        messages.error(request, _("This import has expired or was already applied. Upload the file again."))
        return redirect("plenary_import_upload", kind=kind.name)
    with default_storage.open(f"imports/{token}", "rb") as handle:
        content = handle.read()
    rows = importing.estimate_rows(content, token)
    if rows > import_jobs.inline_rows():
        job = import_jobs.start(kind, token=token, dry_run=False, user=request.user,
                                language=translation.get_language(), rows=rows)
        return redirect("plenary_job", job_id=job.uuid.hex)
    default_storage.delete(f"imports/{token}")
    dataset = importing.read_dataset(content, token)
    report = importing.run_import(kind, dataset, dry_run=False, user=request.user)
    if report.ok:
        messages.success(
            request,
            _("Import done: %(new)d created, %(updated)d updated, %(skipped)d unchanged.")
            % {"new": report.totals["new"], "updated": report.totals["update"], "skipped": report.totals["skip"]},
        )
        return redirect(kind.index_url_name)
    messages.error(request, _("Nothing was imported: the file has errors."))
    return render(
        request, "core/admin/import_upload.html", {"kind": kind, "form": ImportForm(), "report": report}
    )


def import_preview(request, kind, job_id):
    """The preview (or the errors) a background import job found; only its owner may confirm it."""
    kind = _kind_or_404(request, kind)
    try:
        key = uuid.UUID(hex=str(job_id))
    except ValueError:
        raise Http404 from None
    job = Job.objects.filter(uuid=key, kind=import_jobs.job_kind_name(kind.name), owner=request.user,
                             state=Job.State.SUCCEEDED).first()
    if job is None or not job.result:
        raise Http404
    result = job.result
    report = SimpleNamespace(
        errors=result["errors"], totals=result["totals"], headers=result["headers"],
        rows=[tuple(row) for row in result["preview"]],
    )
    token = None
    if result["ok"] and result["dry_run"] and default_storage.exists(import_jobs.stored_path(result.get("token", ""))):
        token = result["token"]
    return render(request, "core/admin/import_upload.html", {
        "kind": kind, "form": ImportForm(), "report": report, "token": token, "job": job,
        "shown_rows": len(report.rows), "total_rows": result["rows"],
        "more_errors": max(result["error_count"] - len(report.errors), 0),
    })
