"""The PDF report of a summit's, a coalition's or a theme's commitments and their progress."""

from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from summits.models import Summit, Theme

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


REGISTRY_SCOPE = "registry"


def connect_public_pdf_cache():
    """Any change to what a report shows (commitments, their reports, deliverables, partners,
    countries, coalitions, themes, summits, organisations, exchange rates) changes the reports'
    fingerprint (core.public_pdf); the content hash then re-lays out only what really changed."""
    from django.db.models.signals import post_delete, post_save

    from core import public_pdf
    from summits.models import Organisation

    from .models import Commitment, CommitmentCountry, CommitmentPartner, Deliverable, DeliverableUpdate, ExchangeRate

    def changed(sender, **kwargs):
        public_pdf.bump(REGISTRY_SCOPE)

    for model in (Commitment, CommitmentCountry, CommitmentPartner, Deliverable, DeliverableUpdate, ProgressReport,
                  Coalition, ExchangeRate, Summit, Theme, Organisation):
        for signal in (post_save, post_delete):
            signal.connect(changed, sender=model, weak=False,
                           dispatch_uid=f"public-pdf-registry-{signal is post_save}-{model.__name__}")


def report_fingerprint(values, language):
    from core import public_pdf

    return (sorted((k, str(v)) for k, v in values.items() if v not in (None, "", [])), language,
            timezone.localdate().isoformat(), public_pdf.versions(REGISTRY_SCOPE))


def commitments_report_pdf(values, language):
    from core.pdf import html_to_pdf

    return html_to_pdf(commitments_report_html(values, language), language=language)


def commitments_report_html(values, language):
    from core.pdf import render_html

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
        return render_html("announcements/pdf/report.html", context, language=language)
