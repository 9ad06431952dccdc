"""Review screens of the Wagtail admin: a commitment and its progress reports, with the allowed actions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.permissions import can, can_on, summits_for

from . import emails, services
from .choices import Lifecycle, ReportState, ReviewState
from .models import Commitment, ProgressReport

COMMITMENT_ACTIONS = [
    ("approve", gettext_lazy("Approve")),
    ("publish", gettext_lazy("Publish")),
    ("request_changes", gettext_lazy("Request changes")),
    ("reject", gettext_lazy("Reject")),
    ("unpublish", gettext_lazy("Unpublish")),
]
REANNOUNCEMENT_ACTIONS = [
    ("reannouncement", gettext_lazy("Mark as a re-announcement")),
    ("not_reannouncement", gettext_lazy("Not a re-announcement")),
]
LIFECYCLE_ACTIONS = [
    ("add_evidence", gettext_lazy("Attach evidence")),
    ("confirm_completion", gettext_lazy("Confirm completion")),
    ("verify", gettext_lazy("Record independent verification")),
    ("withdraw", gettext_lazy("Withdraw")),
    ("close", gettext_lazy("Close")),
]
REPORT_ACTIONS = [("approve", gettext_lazy("Approve")), ("publish", gettext_lazy("Publish")), ("return", gettext_lazy("Return with comments"))]


def _commitment_for(request, pk):
    commitment = get_object_or_404(
        Commitment.objects.select_related("summit", "lead_organisation", "coalition", "session"), pk=pk
    )
    if not can_on(request.user, "commitments.view", commitment):
        raise PermissionDenied
    return commitment


def review_commitment(request, pk):
    commitment = _commitment_for(request, pk)
    if request.method == "POST":
        action = request.POST.get("action", "")
        comment = request.POST.get("comment", "")
        report_id = request.POST.get("report")
        try:
            if action in ("reannouncement", "not_reannouncement"):
                _reannouncement_action(request, commitment, action)
            elif action in dict(LIFECYCLE_ACTIONS):
                _lifecycle_action(request, commitment, action, comment)
            elif report_id:
                report = get_object_or_404(ProgressReport, pk=report_id, commitment=commitment)
                if action not in services.REPORT_ALLOWED:
                    raise ValidationError(_("Unknown action."))
                with transaction.atomic():
                    services.review_report(report, action, request.user, comment)
                    if action == "return":
                        emails.send_report_returned(ProgressReport.objects.select_related("commitment").get(
                            pk=report.pk))
            else:
                if action not in services.ALLOWED:
                    raise ValidationError(_("Unknown action."))
                with transaction.atomic():
                    reviewed = services.review(commitment, action, request.user, comment)
                    if action in ("publish", "request_changes", "reject"):
                        emails.send_review_notice(reviewed, action, comment)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Done: %(action)s.") % {
                "action": dict(COMMITMENT_ACTIONS + REPORT_ACTIONS + LIFECYCLE_ACTIONS + REANNOUNCEMENT_ACTIONS).get(action, action)})
        return redirect("announcements_review", pk=commitment.pk)
    can_review = services.can_review(request.user, commitment)
    actions = [(name, label) for name, label in COMMITMENT_ACTIONS
               if commitment.review_state in services.ALLOWED[name]] if can_review else []
    reports = []
    for report in commitment.reports.order_by("-period_end", "-pk"):
        allowed = [(name, label) for name, label in REPORT_ACTIONS
                   if report.state in services.REPORT_ALLOWED[name][0]] if can_review else []
        reports.append((report, allowed))
    return TemplateResponse(request, "announcements/admin/review.html", {
        "commitment": commitment, "actions": actions, "reports": reports,
        "events": commitment.events.select_related("user", "report")[:50],
        "duplicates": commitment.possible_duplicates.select_related("lead_organisation"),
        "report_url": services.report_url(commitment) if commitment.review_state == ReviewState.PUBLISHED else "",
        "deliverables": commitment.deliverables.all(),
        "themes": commitment.themes.order_by("sort_order", "title"),
        "ReportState": ReportState,
        "evidence": commitment.evidence.select_related("added_by", "confirmed_by"),
        "lifecycle_actions": _lifecycle_actions(commitment) if can_review else [],
        "reannouncement_candidates": services.reannouncement_candidates(commitment),
        "can_review": can_review,
    })


def _reannouncement_action(request, commitment, action):
    if action == "not_reannouncement":
        services.unmark_reannouncement(commitment, request.user)
        return
    original = Commitment.objects.filter(pk=request.POST.get("original") or 0,
                                         review_state=ReviewState.PUBLISHED).first()
    if original is None:
        raise ValidationError(_("Choose the first announcement among the published commitments."))
    services.mark_reannouncement(commitment, original, request.user, request.POST.get("comment", ""))


def _lifecycle_action(request, commitment, action, comment):
    if action == "add_evidence":
        services.add_evidence(commitment, request.user, request.POST.get("description", ""),
                              url=request.POST.get("url", ""), file=request.FILES.get("file"))
    elif action == "confirm_completion":
        services.confirm_completion(commitment, request.user, comment)
    elif action == "verify":
        services.verify_independently(commitment, request.user, request.POST.get("verifier", ""), comment)
    else:
        services.set_lifecycle(commitment, action, request.user, comment)


def _lifecycle_actions(commitment):
    """The lifecycle actions the commitment's state allows (published commitments only)."""
    if commitment.review_state != ReviewState.PUBLISHED:
        return []
    names = ["add_evidence", "verify"]
    if commitment.lifecycle not in (Lifecycle.COMPLETED, Lifecycle.CLOSED, Lifecycle.WITHDRAWN):
        names.insert(1, "confirm_completion")
    names += [name for name, (allowed, _t, _s) in services.LIFECYCLE_ACTIONS.items() if commitment.lifecycle in allowed]
    return [(name, label) for name, label in LIFECYCLE_ACTIONS if name in names]


def overdue_list(request):
    """Published commitments of the organiser's summits whose progress report is overdue."""
    from django.utils import timezone

    from . import queries

    if not can(request.user, "commitments.view"):
        raise PermissionDenied
    today = timezone.localdate()
    commitments = list(
        queries.overdue(today).filter(summit__in=summits_for(request.user, "commitments.view"))
        .select_related("summit", "lead_organisation")
    )
    rows = [(c, c.next_report_due(), (today - c.next_report_due()).days, c.light(today)) for c in commitments]
    return TemplateResponse(request, "announcements/admin/overdue.html", {"rows": rows, "today": today})


def theme_targets_choose(request):
    """The summits whose themes the user may map to global goals and targets."""
    from summits.models import Summit

    if not can(request.user, "commitments.change"):
        raise PermissionDenied
    summits = summits_for(request.user, "commitments.change")
    summits = Summit.objects.all() if summits is None else summits
    return TemplateResponse(request, "announcements/admin/theme_targets_choose.html",
                            {"summits": summits.order_by("-start_date")})


def theme_targets(request, summit_id):
    """Map a summit's themes to GBF/SDG goals and targets (used to align submissions that name none)."""
    from summits.models import Summit, Theme

    from .models import FrameworkTarget
    from .widgets import target_groups

    summit = get_object_or_404(Summit, pk=summit_id)
    if not can(request.user, "commitments.change", summit):
        raise PermissionDenied
    themes = list(Theme.objects.filter(summit=summit).prefetch_related("framework_targets").order_by("sort_order", "pk"))
    targets = list(FrameworkTarget.objects.select_related("parent").order_by("sort_order"))
    if request.method == "POST":
        by_pk = {str(t.pk): t for t in targets}
        mapping = {theme.pk: [by_pk[v] for v in request.POST.getlist(f"theme-{theme.pk}") if v in by_pk]
                   for theme in themes}
        services.set_theme_targets(summit, mapping, request.user)
        messages.success(request, _("The themes' global goals and targets are saved."))
        return redirect("announcements_theme_targets", summit_id=summit.pk)
    rows = [(theme, {t.pk for t in theme.framework_targets.all()}) for theme in themes]
    return TemplateResponse(request, "announcements/admin/theme_targets.html",
                            {"summit": summit, "rows": rows, "target_groups": target_groups(targets)})
