"""The summit workspace's sections and dashboards (Wagtail admin).

Every view names the section it belongs to; :func:`section_view` asks ``core.permissions`` for the
section's action on the summit before anything is read, and remembers the summit as the user's
current one.
"""

from __future__ import annotations

import functools

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core import permissions, spreadsheets, workspace
from summits.models import Summit

from . import figures, queues


def section_view(name):
    """The view of workspace section ``name``: permission-checked, the summit remembered."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, summit_id, *args, **kwargs):
            summit = get_object_or_404(Summit, pk=summit_id)
            section = workspace.section(name)
            if section is None or not permissions.can(request.user, section.action, summit):
                raise PermissionDenied
            workspace.choose(request, summit)
            return view(request, summit, *args, **kwargs)

        return never_cache(wrapper)

    return decorate


def _render(request, template, summit, section, title, **context):
    return render(request, template, {"summit": summit, "section": section, "page_title": title, **context})


def add_url(url_name, summit):
    return f"{reverse(url_name)}?summit={summit.pk}"


def index_url(url_name, summit):
    return f"{reverse(url_name)}?summit={summit.pk}"


# --- Overview: the dashboard ------------------------------------------------------------------

@section_view("overview")
def overview(request, summit):
    can = functools.partial(permissions.can, request.user, summit=summit)
    return _render(request, "cockpit/overview.html", summit, "overview", _("Overview"),
                   key=figures.key_figures(summit) if can("registrations.view") else None,
                   figures=figures.build(request.user, summit),
                   queue=queues.for_summit(request.user, summit),
                   can_participants=can("registrations.view"), can_commitments=can("commitments.view"))


def _figure_for(request, summit, name):
    if name not in figures.BUILDERS:
        raise Http404
    if not permissions.can(request.user, figures.FIGURE_ACTIONS[name], summit):
        raise PermissionDenied
    return figures.BUILDERS[name](summit)


@section_view("overview")
def figure_export(request, summit, name, fmt):
    """One figure's table as CSV or XLSX (formula-safe, core.spreadsheets)."""
    figure = _figure_for(request, summit, name)
    rows = [figure.headers, *figure.rows]
    filename = f"{slugify(summit.slug)}-{name}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(spreadsheets.csv_bytes(rows), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            spreadsheets.xlsx_bytes(rows, sheet_title=str(figure.title)),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@section_view("overview")
def figure_fragment(request, summit, name):
    """One figure's panel, re-fetched by the page while the summit runs (check-ins per hour)."""
    figure = _figure_for(request, summit, name)
    return render(request, "cockpit/_figure_body.html", {"figure": figure, "summit": summit})


# --- Programme --------------------------------------------------------------------------------

@section_view("programme")
def programme(request, summit):
    from summits.models import Room, Session, Speaker, Theme
    from summits.queries import programme_days

    themes = Theme.objects.filter(summit=summit).annotate(n=Count("sessions")).order_by("sort_order", "title")
    rooms = Room.objects.filter(summit=summit).annotate(n=Count("sessions")).order_by("name")
    sessions = list(Session.objects.filter(summit=summit).select_related("summit", "theme", "room")
                    .order_by("start", "room__name", "pk"))
    speakers = Speaker.objects.filter(session_roles__session__summit=summit).distinct().count()
    can_change = permissions.can(request.user, "programme.change", summit)
    return _render(request, "cockpit/programme.html", summit, "programme", _("Programme"),
                   themes=themes, rooms=rooms, days=programme_days(sessions), session_count=len(sessions),
                   speaker_count=speakers, can_change=can_change,
                   add_theme=add_url("summits_theme:add", summit), add_room=add_url("summits_room:add", summit),
                   add_session=add_url("summits_session:add", summit),
                   sessions_index=index_url("summits_session:index", summit))


# --- Participants -----------------------------------------------------------------------------

@section_view("participants")
def participants(request, summit):
    from registrations import stats

    can = functools.partial(permissions.can, request.user, summit=summit)
    return _render(request, "cockpit/participants.html", summit, "participants", _("Participants"),
                   statuses=stats.by_status(summit), categories=stats.by_category(summit),
                   list_url=f"{reverse('registrations_participants')}?summit={summit.pk}",
                   can_setup=can("registrations.setup"), can_message=can("registrations.message"),
                   can_checkin=can("registrations.checkin"),
                   add_category=add_url("registrationcategory:add", summit) if can("registrations.setup") else "",
                   add_invitation=reverse("invitation:add") if can("registrations.setup") else "",
                   templates_url=index_url("emailtemplate:index", summit) if can("registrations.setup") else "")


# --- Documents --------------------------------------------------------------------------------

@section_view("documents")
def documents(request, summit):
    from core.models import Job
    from registrations.documents import JOB_KIND

    jobs = Job.objects.filter(summit=summit, kind=JOB_KIND).select_related("owner").order_by("-created_at")[:20]
    return _render(request, "cockpit/documents.html", summit, "documents", _("Documents"),
                   figure=figures.documents(summit), jobs=jobs,
                   batch_url=f"{reverse('plenary_pdf_batch_start')}?summit={summit.pk}",
                   participants_pdf=reverse("plenary_pdf_participants", args=[summit.pk]))


# --- Commitments ------------------------------------------------------------------------------

@section_view("commitments")
def commitments(request, summit):
    from announcements.choices import ReportState, ReviewState
    from announcements.models import Commitment, ProgressReport

    waiting = (Commitment.objects.filter(summit=summit, review_state__in=[ReviewState.SUBMITTED,
                                                                           ReviewState.CHANGES_REQUESTED])
               .select_related("lead_organisation").order_by("created_at", "pk")[:50])
    reports = (ProgressReport.objects.filter(commitment__summit=summit, state=ReportState.SUBMITTED)
               .select_related("commitment").order_by("submitted_at", "pk")[:50])
    return _render(request, "cockpit/commitments.html", summit, "commitments", _("Commitments"),
                   figure=figures.commitments(summit), waiting=waiting, reports=reports,
                   list_url=f"{reverse('announcements_commitment:index')}?summit={summit.pk}")


# --- Pages ------------------------------------------------------------------------------------

@section_view("pages")
def pages(request, summit):
    from django.conf import settings
    from wagtail.models import Locale

    from cms.models import SummitPage

    summit_pages = {p.locale.language_code: p for p in SummitPage.objects.filter(summit=summit)
                    .select_related("locale").order_by("locale__language_code")}
    rows = []
    names = dict(settings.LANGUAGES)
    for locale in Locale.objects.order_by("pk"):
        page = summit_pages.get(locale.language_code)
        rows.append({
            "language": names.get(locale.language_code, locale.language_code), "code": locale.language_code,
            "page": page, "children": page.get_children().count() if page else 0,
        })
    source = summit_pages.get(settings.LANGUAGE_CODE) or next(iter(summit_pages.values()), None)
    return _render(request, "cockpit/pages.html", summit, "pages", _("Pages"), rows=rows, source=source)


# --- Team -------------------------------------------------------------------------------------

@section_view("team")
def team(request, summit):
    from core.models import Membership

    members = {}
    for membership in Membership.objects.filter(summit=summit).select_related("user").order_by(
            "user__last_name", "user__username"):
        members.setdefault(membership.user, []).append(permissions.Role(membership.role).label)
    manage_url = ""
    try:
        manage_url = reverse("plenary_team", args=[summit.pk])
    except Exception:  # the team management screen belongs to another part of the admin
        manage_url = ""
    return _render(request, "cockpit/team.html", summit, "team", _("Team"),
                   members=sorted(members.items(), key=lambda item: item[0].get_username()),
                   roles=[(role.label, permissions.ROLE_DESCRIPTIONS[role]) for role in permissions.Role],
                   manage_url=manage_url)


# --- Settings ---------------------------------------------------------------------------------

@section_view("settings")
def settings_view(request, summit):
    return _render(request, "cockpit/settings.html", summit, "settings", _("Settings"),
                   edit_url=reverse("summits_summit:edit", args=[summit.pk]),
                   copy_url=reverse("summits_summit:copy", args=[summit.pk])
                   if permissions.can(request.user, "summit.create") else "",
                   registration_open=summit.registration_is_open())


# --- Across summits: the secretariat ----------------------------------------------------------

@never_cache
def secretariat(request):
    """Every summit side by side (superusers: the secretariat), exportable."""
    if not permissions.is_secretariat(request.user):
        raise PermissionDenied
    rows = secretariat_rows()
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        table = [secretariat_headers(), *[[r["summit"].title, r["summit"].start_date, *[r[k] for k in SECRETARIAT_KEYS]]
                                           for r in rows]]
        if fmt == "csv":
            response = HttpResponse(spreadsheets.csv_bytes(table), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(spreadsheets.xlsx_bytes(table, sheet_title="Summits"),
                                    content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="summits.{fmt}"'
        return response
    totals = {key: sum(r[key] for r in rows) for key in SECRETARIAT_KEYS}
    return render(request, "cockpit/secretariat.html", {"rows": rows, "totals": totals,
                                                        "headers": secretariat_headers()[2:]})


SECRETARIAT_KEYS = ["total", "approved", "pending", "waitlisted", "checked_in", "sessions", "commitments_waiting",
                    "reports_waiting", "emails_failed"]


def secretariat_headers():
    return [_("Summit"), _("First day"), _("Registrations"), _("Approved"), _("Pending"), _("Waiting list"),
            _("Checked in"), _("Sessions"), _("Commitments awaiting review"), _("Reports awaiting review"),
            _("Emails failed")]


def secretariat_rows():
    """One row per summit, each figure counted by the database in a few grouped queries."""
    from announcements.choices import ReportState, ReviewState
    from announcements.models import Commitment, ProgressReport
    from core.models import OutboxEmail
    from registrations.choices import RegistrationStatus as S
    from registrations.models import Registration
    from summits.models import Session

    def grouped(queryset, key="summit_id", **aggregates):
        return {row[key]: row for row in queryset.order_by().values(key).annotate(**aggregates)}

    regs = grouped(Registration.objects.all(), total=Count("pk"),
                   approved=Count("pk", filter=Q(status=S.APPROVED)),
                   pending=Count("pk", filter=Q(status=S.PENDING)),
                   waitlisted=Count("pk", filter=Q(status=S.WAITLISTED)),
                   checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)))
    sessions = grouped(Session.objects.all(), n=Count("pk"))
    commitments = grouped(Commitment.objects.filter(review_state=ReviewState.SUBMITTED), n=Count("pk"))
    reports = grouped(ProgressReport.objects.filter(state=ReportState.SUBMITTED), key="commitment__summit_id",
                      n=Count("pk"))
    failed = grouped(OutboxEmail.objects.filter(status=OutboxEmail.Status.FAILED), n=Count("pk"))
    rows = []
    for summit in Summit.objects.order_by("-start_date", "title"):
        r = regs.get(summit.pk, {})
        rows.append({
            "summit": summit, "total": r.get("total", 0), "approved": r.get("approved", 0),
            "pending": r.get("pending", 0), "waitlisted": r.get("waitlisted", 0), "checked_in": r.get("checked_in", 0),
            "sessions": sessions.get(summit.pk, {}).get("n", 0),
            "commitments_waiting": commitments.get(summit.pk, {}).get("n", 0),
            "reports_waiting": reports.get(summit.pk, {}).get("n", 0),
            "emails_failed": failed.get(summit.pk, {}).get("n", 0),
        })
    return rows


# --- Review queue -----------------------------------------------------------------------------

@never_cache
def queue(request):
    """Everything waiting for this user's decision, on every summit they review."""
    items = queues.for_user(request.user)
    if not permissions.has_any_membership(request.user):
        raise PermissionDenied
    return render(request, "cockpit/queue.html", {"queues": items, "total": sum(q.count for q in items),
                                                  "now": timezone.now()})


# --- Translations: what is missing, and the spreadsheet round trip for translators ----------------

TRANSLATION_UPLOADS = "translations"


def _upload_name(request, summit, token):
    return f"{TRANSLATION_UPLOADS}/{summit.pk}-{request.user.pk}-{token}.xlsx"


@section_view("translations")
def translations(request, summit):
    from . import translations as work

    return _render(request, "cockpit/translations.html", summit, "translations", _("Translations"),
                   rows=work.missing(request.user, summit), pages=work.page_states(summit),
                   languages=[code for code, _suffix in work.languages() if code != work.SOURCE])


@section_view("translations")
def translations_export(request, summit):
    from . import translations as work

    response = HttpResponse(work.export(request.user, summit),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{slugify(summit.slug)}-translations.xlsx"'
    return response


@section_view("translations")
def translations_import(request, summit):
    """POST a sheet: preview what would change (nothing written); POST ``confirm``: write it, all or nothing."""
    import re
    import uuid

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.shortcuts import redirect
    from django.contrib import messages

    from . import translations as work

    if request.method != "POST":
        return redirect("cockpit_translations", summit.pk)
    token = request.POST.get("token", "")
    if token:
        if not re.fullmatch(r"[0-9a-f]{32}", token) or not default_storage.exists(_upload_name(request, summit, token)):
            messages.error(request, _("This preview has expired: upload the spreadsheet again."))
            return redirect("cockpit_translations", summit.pk)
        name = _upload_name(request, summit, token)
        with default_storage.open(name, "rb") as handle:
            content = handle.read()
        outcome = work.apply(request.user, summit, content, dry_run=False)
        default_storage.delete(name)
        if outcome.applied:
            messages.success(request, _("%(count)s translations saved.") % {"count": len(outcome.changes)})
            return redirect("cockpit_translations", summit.pk)
        return _render(request, "cockpit/translations_preview.html", summit, "translations", _("Translations"),
                       outcome=outcome, token="")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose the spreadsheet to import."))
        return redirect("cockpit_translations", summit.pk)
    if upload.size > 20 * 1024 * 1024:
        messages.error(request, _("The spreadsheet is larger than 20 MB."))
        return redirect("cockpit_translations", summit.pk)
    content = upload.read()
    outcome = work.apply(request.user, summit, content, dry_run=True)
    token = ""
    if outcome.ok and outcome.changes:
        token = uuid.uuid4().hex
        default_storage.save(_upload_name(request, summit, token), ContentFile(content))
    return _render(request, "cockpit/translations_preview.html", summit, "translations", _("Translations"),
                   outcome=outcome, token=token)
