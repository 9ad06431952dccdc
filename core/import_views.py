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
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import importing


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
