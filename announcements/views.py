"""Public pages of the registry (thin: queries and services do the work)."""

import json

from csp.decorators import csp_replace
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET
from django_countries import countries as all_countries

from summits.choices import OrganisationKind
from summits.models import Organisation, Summit, Theme
from core.ratelimits import limit
from core.signing import BadToken

from . import emails, exports, geo, history, queries, services, sharing
from .choices import ActivityStatus, CommitmentKind, Lifecycle, Light, ReviewState, Verification
from .forms import DeliverableFormSet, FilterForm, ReportForm, ResubmissionForm, SubmissionForm
from .models import Coalition, Commitment, FrameworkTarget

PAGE_SIZE = 20


def _facets(values, counts):
    """Facet groups for the template: (name, label, [(value, label, count, selected)])."""
    summits = {s.slug: s.title for s in Summit.objects.filter(slug__in=list(counts["summit"]))}
    theme_objs = Theme.objects.filter(pk__in=list(counts["theme"])).select_related("summit")
    # The goals (and the GBF's targets) make the facet's top level; an SDG goal's targets show once the
    # goal or one of them is chosen, right under it (169 targets would drown the list).
    selected = (FrameworkTarget.objects.filter(code=values["target"]).select_related("parent").first()
                if values.get("target") else None)
    open_goal = (selected.parent or selected).code if selected and selected.framework == "sdg" else None
    target_objs = [t for t in FrameworkTarget.objects.filter(code__in=list(counts["target"])).select_related("parent")
                   .order_by("sort_order") if t.parent_id is None or t.parent.code == open_goal]
    target_order = {t.code: i for i, t in enumerate(target_objs)}
    themes = {t.pk: f"{t.title} — {t.summit.title}" for t in theme_objs}
    labels = {
        "summit": summits,
        "theme": themes,
        "target": {t.code: str(t) for t in target_objs},
        "kind": dict(CommitmentKind.choices),
        "org_kind": dict(OrganisationKind.choices),
        "status": dict(ActivityStatus.choices),
        "light": dict(Light.choices),
        "lifecycle": dict(Lifecycle.choices),
        "verification": dict(Verification.choices),
        "country": dict(all_countries),
    }
    titles = {
        "summit": _("Summit"), "theme": _("Theme"), "target": _("Global goal or target"), "kind": _("Kind"),
        "country": _("Country"),
        "org_kind": _("Organisation kind"), "status": _("Status"), "light": _("Follow-up"),
        "lifecycle": _("Stage"), "verification": _("Verification"),
    }
    groups = []
    for facet in FilterForm.FACETS:
        options = []
        for value, count in counts[facet].items():
            if facet == "target" and value not in target_order:
                continue
            label = labels[facet].get(value, value)
            options.append((str(value), str(label), count, str(values.get(facet, "")) == str(value)))
        if facet == "target":
            options.sort(key=lambda o: target_order.get(o[0], 0))
        else:
            options.sort(key=lambda o: (-o[2], o[1]) if facet in ("country", "theme") else o[1])
        groups.append((facet, titles[facet], options[:30] if facet == "country" else options))
    return groups


def _querystring(values, **changes):
    from urllib.parse import urlencode

    merged = {**{k: v for k, v in values.items()}, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


@require_GET
def commitment_list(request):
    form = FilterForm(request.GET)
    values = form.values()
    qs = queries.for_list(queries.sorted_list(queries.filtered(values), values.get("sort")))
    paginator = Paginator(qs, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    counts = queries.facet_counts(values)
    facets = _facets(values, counts)
    filters = {k: v for k, v in values.items() if k != "sort"}
    world = geo.world_map(counts["country"], caption=_("Where these commitments apply (number of commitments per country)"),
                          points=queries.map_points(queries.filtered(values, needs_light=False))
                          if page.number == 1 else [])
    return render(request, "announcements/commitment_list.html", {
        "form": form, "page_obj": page, "facets": facets, "values": values, "world": world,
        "target_error": form.target_error(),
        "query": _querystring(values), "filter_query": _querystring(filters),
        "export_query": _querystring(values),
        "summit": Summit.objects.filter(slug=values.get("summit")).first() if values.get("summit") else None,
    })


EXPORTERS = {
    "csv": (exports.to_csv, "text/csv; charset=utf-8"),
    "xlsx": (exports.to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "json": (exports.to_json, "application/json"),
}


def _bad_target(form):
    """A 400 naming what is wrong with the ``target`` filter of an export (instead of exporting every
    commitment, as dropping the filter would), or None."""
    message = form.target_error()
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8") if message else None


@require_GET
def commitment_export(request, fmt):
    if fmt not in EXPORTERS:
        raise Http404
    form = FilterForm(request.GET)
    if refused := _bad_target(form):
        return refused
    values = form.values()
    qs = queries.for_list(queries.sorted_list(queries.filtered(values), values.get("sort")))
    render_rows, content_type = EXPORTERS[fmt]
    response = HttpResponse(render_rows(qs, settings.SITE_URL.rstrip("/")), content_type=content_type)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="commitments-{translation.get_language()}-{stamp}.{fmt}"'
    from core import http_cache

    return http_cache.conditional(request, response)


IATI_CACHE_SECONDS = 3600


@require_GET
@limit("open-data", methods=("GET",))
def iati_activities(request):
    """The published commitments (optionally filtered like the list) as an IATI 2.03 activity file.

    Built once per filter set and registry state (any saved commitment changes the key), kept compressed
    in the shared cache: at 10,000 commitments a build takes seconds, a cached copy milliseconds.
    """
    import hashlib
    import zlib

    from django.core.cache import cache

    from . import iati

    form = FilterForm(request.GET)
    if refused := _bad_target(form):
        return refused
    values = form.values()
    key_values = {k: str(v) for k, v in sorted(values.items()) if k != "sort"}
    key = "announcements:iati:" + hashlib.sha256(json.dumps(
        [key_values, timezone.localdate().isoformat(), translation.get_language(), queries.registry_stamp()]
    ).encode()).hexdigest()
    packed = cache.get(key)
    if packed is None:
        commitments = list(queries.for_iati(queries.filtered(values, needs_light=False)))
        packed = zlib.compress(iati.activities_xml(commitments), 6) if commitments else b""
        cache.set(key, packed, IATI_CACHE_SECONDS)
    if not packed:
        # An IATI file holds at least one activity: say so rather than serve an invalid file.
        return HttpResponse(_("No published commitment matches these filters."), status=404,
                            content_type="text/plain; charset=utf-8")
    response = HttpResponse(zlib.decompress(packed), content_type="application/xml; charset=utf-8")
    scope = values.get("summit") or "all"
    response["Content-Disposition"] = f'inline; filename="plenary-iati-activities-{scope}.xml"'
    return response


@require_GET
@limit("pdf", methods=("GET",))
def report_pdf(request):
    """PDF of the filtered list (usually ?summit=, ?coalition= or ?theme=) in the page's language."""
    from core import public_pdf

    from .documents import commitments_report_html, report_fingerprint

    values = FilterForm(request.GET).values()
    if not any(values.get(key) for key in ("summit", "coalition", "theme")):
        raise Http404  # a report covers a summit, a coalition or a theme, not the whole registry
    language = translation.get_language()
    scope = values.get("summit") or values.get("coalition") or "commitments"
    # Laid out once per content and served from storage, rate-limited (core.public_pdf).
    return public_pdf.serve(
        request, kind=f"commitments-report-{language}", fingerprint=report_fingerprint(values, language),
        build_html=lambda: commitments_report_html(values, language), language=language,
        filename=f"commitments-{scope}-{language}.pdf", inline=False,
    )


def json_ld(request, commitment):
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "identifier": commitment.reference,
        "name": commitment.title,
        "description": commitment.summary,
        "url": request.build_absolute_uri(commitment.get_absolute_url()),
        "inLanguage": translation.get_language(),
        "dateCreated": commitment.announced_on.isoformat(),
        "sponsor": {"@type": "Organization", "name": commitment.lead_organisation.name,
                    **({"url": commitment.lead_organisation.website} if commitment.lead_organisation.website else {})},
        "areaServed": [{"@type": "Country", "name": c.name} for c in commitment.countries],
        "subjectOf": {"@type": "Event", "name": commitment.summit.title,
                      "startDate": commitment.summit.start_date.isoformat()},
    }
    if commitment.coalition_id:
        data["memberOf"] = {"@type": "Organization", "name": commitment.coalition.name}
    if commitment.amount is not None:
        data["funding"] = {"@type": "MonetaryGrant", "amount": {
            "@type": "MonetaryAmount", "value": str(commitment.amount), "currency": commitment.currency}}
    # </script> cannot close the block: escape the characters HTML cares about
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@require_GET
def commitment_detail(request, reference):
    commitment = get_object_or_404(queries.for_detail(queries.public().with_light()), reference=reference)
    versions = history.changes_in_words(commitment, commitment.versions.all())
    from .charts import indicator_chart

    start = commitment.start_date or commitment.announced_on
    rtl = translation.get_language_bidi()
    indicators = [(d, chart) for d in commitment.deliverables.all() if d.has_indicator
                  for chart in [indicator_chart(d, start, rtl)] if chart]
    return render(request, "announcements/commitment_detail.html", {
        "commitment": commitment,
        "coordinates": geo.coordinates(commitment.latitude, commitment.longitude) if commitment.has_point else "", "reports": list(commitment.reports.all()), "versions": versions,
        "indicators": indicators,
        "json_ld": json_ld(request, commitment), "light": Light(commitment.light),
        "next_due": commitment.next_report_due(), "embed_code": sharing.embed_code(request, commitment),
    })


@require_GET
def coalition_detail(request, slug):
    coalition = get_object_or_404(Coalition.objects.prefetch_related("leads", "members"), slug=slug)
    commitments = queries.for_list(queries.filtered({"coalition": slug}).order_by("-announced_on", "-pk"))
    page = Paginator(commitments, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "announcements/coalition_detail.html", {"coalition": coalition, "page_obj": page})


@require_GET
def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk, accepted=True)
    commitments = queries.for_list(queries.filtered({"organisation": pk}).order_by("-announced_on", "-pk"))
    page = Paginator(commitments, PAGE_SIZE).get_page(request.GET.get("page"))
    if not page.paginator.count:
        raise Http404
    return render(request, "announcements/organisation_detail.html", {"organisation": organisation, "page_obj": page})


CHART_WIDTH = 600
BAR_MAX = 580


def _chart(rows, series, rtl):
    """Lay out a horizontal bar chart: a label line then one bar per series for each row.

    ``series`` is a list of (key, colour); widths are relative to the largest value of all series.
    In right-to-left languages the bars grow from the right edge.
    """
    largest = max([float(r[key] or 0) for r in rows for key, _c in series] + [0])
    y = 0
    for r in rows:
        r["label_y"] = y + 16
        y += 22
        r["bars"] = []
        for key, colour in series:
            width = round(BAR_MAX * float(r[key] or 0) / largest, 1) if largest else 0
            x = CHART_WIDTH - 10 - width if rtl else 10
            r["bars"].append({"x": x, "y": y, "width": width, "colour": colour or r.get("colour") or "#1b6e3a",
                              "key": key})
            y += 18
        y += 10
    return {"rows": rows, "height": y, "label_x": CHART_WIDTH - 10 if rtl else 10}


@require_GET
def dashboard(request, summit_slug):
    summit = get_object_or_404(Summit.objects.exclude(status="draft"), slug=summit_slug)
    figures = queries.dashboard_figures(summit)
    published = queries.filtered({"summit": summit.slug})
    rtl = translation.get_language_bidi()
    themes = [{
        "pk": r["themes__pk"], "title": r["themes__title"], "label": r["themes__title"], "colour": r["themes__colour"], "count": r["count"],
        "pledged": r["pledged"] or 0, "disbursed": r["disbursed"] or 0,
    } for r in figures["by_theme"]]
    light_colours = {"green": "#1b6e3a", "amber": "#b07400", "red": "#b00020", "ended": "#6b6b6b"}
    status = [{"value": v, "label": label, "count": n} for v, label, n in figures["by_status"]]
    lights = [{"value": v, "label": label, "count": n, "colour": light_colours[v]} for v, label, n in figures["by_light"]]
    from core import charts

    from core import formatting

    rates = queries.reporting_rates(summit)
    rate_sections = []
    for key, heading, column in (("by_summit", _("Per summit"), _("Summit")),
                                 ("by_coalition", _("Per coalition (this summit)"), _("Coalition")),
                                 ("by_org_kind", _("Per kind of lead organisation (this summit)"),
                                  _("Organisation kind"))):
        rows = [{**row, "percent": round(100 * row["rate"])} for row in rates[key]]
        chart = charts.fill_bars([{**row, "label": f"{row['label']} · {formatting.percent(row['percent'])}"}
                                  for row in rows], "reported", "due", rtl=rtl,
                                 over_colour="#1b6e3a")
        rate_sections.append({"key": key, "heading": heading, "column": column, "rows": rows, "chart": chart})
    years = queries.money_by_year(summit)
    millions = [{"label": row["label"], "pledged": round(float(row["pledged"]) / 1e6, 1),
                 "disbursed": round(float(row["disbursed"]) / 1e6, 1)} for row in years]
    return render(request, "announcements/dashboard.html", {
        "summit": summit, "figures": figures, "rate_sections": rate_sections,
        "years": years, "year_chart": charts.bars(millions, [("pledged", "#1b6e3a"), ("disbursed", "#7fb08f")],
                                                 rtl=rtl),
        "money_chart": _chart(themes, [("pledged", "#1b6e3a"), ("disbursed", "#7fb08f")], rtl),
        "status_chart": _chart(status, [("count", "#2d5e8a")], rtl),
        "light_chart": _chart(lights, [("count", None)], rtl),
        "target_chart": _chart([{"label": str(r["target"]), "code": r["target"].code, "pledged": r["pledged"],
                                 "disbursed": r["disbursed"], "count": r["count"]} for r in figures["by_target"]],
                               [("pledged", "#1b6e3a"), ("disbursed", "#7fb08f")], rtl),
        "chart_width": CHART_WIDTH, "rtl": rtl,
        "on_time_percent": round(100 * figures["on_time_share"]) if figures["on_time_share"] is not None else None,
        "count_map": geo.world_map(queries.country_counts(published),
                                   caption=_("Commitments per country where they apply"),
                                   points=queries.map_points(published)),
        "amount_map": geo.world_map(queries.country_amounts(published), unit="amount",
                                    caption=_("US$ pledged per country (a commitment naming several countries is "
                                              "shared equally between them)")),
    })


@limit("submit")
def submit(request):
    form = SubmissionForm(request.POST or None)
    formset = DeliverableFormSet(request.POST or None, prefix="deliverables")
    warnings = []
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        commitment, organisation = form.build()
        deliverables = [d for d in (f.build() for f in formset.forms) if d is not None]
        warnings = services.smart_warnings(commitment, deliverables)
        if warnings and not request.POST.get("confirm"):
            messages.warning(request, _("Your commitment is not yet SMART. Complete it, or submit it as it is."))
        else:
            with transaction.atomic():
                if organisation.pk is None:
                    organisation.save()
                commitment.lead_organisation = organisation
                services.submit_commitment(commitment, deliverables)
                themes = form.cleaned_data.get("themes") or []
                commitment.themes.set(themes)
                primary = form.cleaned_data.get("primary_target")
                secondary = list(form.cleaned_data.get("secondary_targets") or [])
                if primary is None:
                    # Themes map to framework targets: a submitter who names none gets those of its themes.
                    suggested = services.suggested_targets(themes)
                    primary, secondary = (suggested[0], suggested[1:4]) if suggested else (None, [])
                services.set_alignment(commitment, primary, secondary)
                emails.send_received(commitment)  # in the same transaction: the outbox sends it after commit
            return redirect(reverse("announcements:submit_thanks") + f"?ref={commitment.reference}")
    return render(request, "announcements/submit.html", {"form": form, "formset": formset, "warnings": warnings})


@require_GET
def submit_thanks(request):
    return render(request, "announcements/submit_thanks.html", {"reference": request.GET.get("ref", "")[:40]})


@limit("report")
def report(request, token):
    try:
        commitment = services.commitment_from_token(token)
    except BadToken as exc:
        return render(request, "announcements/report_link_invalid.html", {"expired": exc.expired}, status=403)
    except Commitment.DoesNotExist:
        raise Http404 from None
    form = ReportForm(request.POST or None, commitment=commitment)
    if request.method == "POST" and form.is_valid():
        services.submit_report(commitment, form.build(), form.statuses(), form.values())
        return render(request, "announcements/report_thanks.html", {"commitment": commitment})
    previous = commitment.reports.order_by("-period_end")[:5]
    return render(request, "announcements/report_form.html", {
        "commitment": commitment, "form": form, "previous": previous, "next_due": commitment.next_report_due(),
    })


# --- Pages people share (announcements/sharing.py) -------------------------------------------------

def _published(reference):
    return get_object_or_404(queries.for_detail(queries.public()), reference=reference)


@require_GET
@limit("pdf", methods=("GET",))
def commitment_card(request, reference):
    """The commitment's Open Graph image (1200 × 630 PNG) in the page's language."""
    return sharing.card_response(request, _published(reference), translation.get_language())


@require_GET
@limit("pdf", methods=("GET",))
def commitment_print(request, reference):
    """A printable one-page PDF of the commitment in the reader's language."""
    from core import public_pdf

    from .documents import REGISTRY_SCOPE

    commitment = _published(reference)
    language = translation.get_language()
    return public_pdf.serve(
        request, kind="commitment", language=language, filename=f"{commitment.reference}-{language}.pdf",
        fingerprint=(commitment.pk, language, public_pdf.versions(REGISTRY_SCOPE)),
        build_html=lambda: sharing.print_html(commitment, language),
    )


@require_GET
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def commitment_widget(request, reference):
    """A script-free card other sites may put in an iframe (the only page of Plenary that may be framed)."""
    commitment = _published(reference)
    return render(request, "announcements/share/widget.html", {
        "commitment": commitment, "url": request.build_absolute_uri(commitment.get_absolute_url())})


@limit("submit")
def edit(request, token):
    """The submitter's signed link to change a commitment the reviewers sent back; it returns to review."""
    try:
        commitment = services.commitment_for_edit(token)
    except (BadToken, Commitment.DoesNotExist):
        return render(request, "announcements/report_link_invalid.html", status=404)
    waiting = commitment.review_state == ReviewState.CHANGES_REQUESTED
    form = ResubmissionForm(request.POST if waiting and request.method == "POST" else None, commitment=commitment)
    if waiting and request.method == "POST" and form.is_valid():
        try:
            services.resubmit_by_submitter(commitment, form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you: your changes are sent to the organisers for review."))
            return redirect(reverse("announcements:submit_thanks") + f"?ref={commitment.reference}")
    last_request = commitment.events.filter(action="request_changes").order_by("-pk").first() if waiting else None
    return render(request, "announcements/edit.html", {
        "commitment": commitment, "form": form, "waiting": waiting,
        "request_comment": last_request.comment if last_request else ""})

