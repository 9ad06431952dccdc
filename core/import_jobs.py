"""Large spreadsheet imports run as background jobs, with a progress bar.

Above ``PLENARY_IMPORT_INLINE_ROWS`` rows (a few hundred) neither the preview nor the import runs in
the web request: the uploaded file is kept under a random token, a job ``core.import.<kind>``
previews it (a dry run, all rows, every error) and, once the organiser confirms, a second job applies
it, all or nothing. Each job runs as its owner (each row authorised as in the request) and in the
owner's language, so the errors read as they would on the page.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PREVIEW_ROWS = 100  # rows of a large preview shown on the page (every error is shown)
MAX_ERRORS = 500


def inline_rows() -> int:
    return int(getattr(settings, "PLENARY_IMPORT_INLINE_ROWS", 300))


def job_kind_name(import_kind_name: str) -> str:
    return f"core.import.{import_kind_name}"


def register_job_kind(kind):
    from . import jobs

    jobs.register(job_kind_name(kind.name), run_import_job, label=gettext_lazy("Spreadsheet import"),
                  action=kind.action, result_url=result_url, keep_hours=24)


def start(kind, *, token: str, dry_run: bool, user, language: str, rows: int):
    from . import jobs

    return jobs.start(job_kind_name(kind.name), owner=user, params={
        "import": kind.name, "token": token, "dry_run": dry_run, "language": language}, total=rows)


def stored_path(token: str) -> str:
    return f"imports/{token}"


def run_import_job(ctx) -> dict:
    from . import importing

    params = ctx.params
    kind = importing.registry()[params["import"]]
    user = ctx.job.owner
    if user is None or not user.is_active:
        raise PermissionError("the organiser who started this import no longer exists or is inactive")
    token = params["token"]
    with translation.override(params.get("language") or settings.LANGUAGE_CODE):
        if not importing.TOKEN_RE.fullmatch(token) or not default_storage.exists(stored_path(token)):
            raise FileNotFoundError(_("This import has expired or was already applied. Upload the file again."))
        with default_storage.open(stored_path(token), "rb") as handle:
            content = handle.read()
        try:
            dataset = importing.read_dataset(content, token)
        except importing.ImportFileError as exc:
            default_storage.delete(stored_path(token))
            return {"import": kind.name, "dry_run": params["dry_run"], "ok": False, "totals": {}, "rows": 0,
                    "headers": [], "errors": [str(exc)], "error_count": 1, "preview": []}
        ctx.progress(0, len(dataset), force=True)
        report = importing.run_import(kind, dataset, dry_run=params["dry_run"], user=user, progress=ctx.progress)
        if not params["dry_run"] or not report.ok:
            default_storage.delete(stored_path(token))
        result = {
            "import": kind.name, "token": token, "dry_run": params["dry_run"], "ok": report.ok,
            "totals": report.totals,
            "rows": len(dataset), "headers": report.headers,
            "errors": [str(error) for error in report.errors[:MAX_ERRORS]], "error_count": len(report.errors),
            "preview": [[line, action, [None if v is None else str(v) for v in values]]
                        for line, action, values in report.rows[:PREVIEW_ROWS]],
        }
        if report.ok and not params["dry_run"]:
            result["summary"] = {
                _("created"): report.totals["new"], _("updated"): report.totals["update"],
                _("unchanged"): report.totals["skip"],
            }
        ctx.progress(len(dataset), len(dataset), force=True)
    return result


def result_url(job):
    from . import importing

    result = job.result or {}
    kind = importing.registry().get(result.get("import", ""))
    if kind is None:
        return "", ""
    if result.get("dry_run"):
        url = reverse("plenary_import_preview", kwargs={"kind": kind.name, "job_id": job.uuid.hex})
        return url, (_("See the preview and confirm") if result.get("ok") else _("See the errors"))
    if not result.get("ok"):
        url = reverse("plenary_import_preview", kwargs={"kind": kind.name, "job_id": job.uuid.hex})
        return url, _("See the errors")
    return reverse(kind.index_url_name), _("Open the list")
