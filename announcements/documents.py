"""The PDF report of a summit's, a coalition's or a theme's commitments and their progress."""

from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from summits.models import Summit, Theme
from core.pdf import render_pdf

from . import queries
from .choices import ReportState
from .models import Coalition, ProgressReport

MAX_COMMITMENTS = 400


def report_scope(values):
    """(heading, summit) of a report from the filters: the summit, coalition or theme it covers."""
    summit = Summit.objects.filter(slug=values["summit"]).first() if values.get("summit") else None
    parts = []
    if summit:
        parts.append(summit.title)
    if values.get("coalition"):
        coalition = Coalition.objects.filter(slug=values["coalition"]).first()
        if coalition:
            parts.append(coalition.name)
    if values.get("theme"):
        theme = Theme.objects.filter(pk=values["theme"]).first()
        if theme:
            parts.append(theme.title)
    return " — ".join(parts) or _("All summits"), summit


def commitments_report_pdf(values, language):
    with translation.override(language):
        heading, summit = report_scope(values)
        qs = queries.sorted_list(queries.filtered(values), values.get("sort")).select_related(
            "summit", "lead_organisation", "coalition"
        ).prefetch_related(
            "themes", "deliverables",
            Prefetch("reports", queryset=ProgressReport.objects.filter(state=ReportState.PUBLISHED)
                     .order_by("-period_end"), to_attr="published_reports"),
        )
        total = qs.count()
        commitments = list(qs[:MAX_COMMITMENTS])
        figures = queries.dashboard_figures(summit) if summit else None
        context = {
            "heading": heading, "summit": summit, "commitments": commitments, "total": total,
            "truncated": total > len(commitments), "figures": figures, "generated": timezone.now(),
        }
        return render_pdf("announcements/pdf/report.html", context, language=language)
