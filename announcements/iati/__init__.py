"""Published commitments as an IATI 2.03 activity file (https://iatistandard.org/en/iati-standard/203/).

One ``<iati-activity>`` per published commitment. The mapping:

- reporting-org: the registry's publisher (settings ``IATI_REPORTING_ORG_*``), which is who reports;
  the lead organisation is the *accountable* participating-org, partners take their roles
  (funding → 1, implementing → 4, supporting → 3 "extending").
- activity-status from the commitment's status (the IATI ActivityStatus codes 1–6),
  activity-date: planned/actual start, planned/actual end.
- budget: the pledged amount over the commitment's period (when it has an amount and an end date),
  transactions: one *outgoing pledge* (type 12) of the amount on the announcement date, and one
  *disbursement* (type 3) per published progress report that raised the cumulative disbursed amount.
  A re-announcement (the same commitment announced again at a later summit) carries no budget nor
  pledge: its money is in the first announcement's activity, so it is not counted twice.
- recipient-country: the commitment's countries, percentages split evenly (summing to 100).
- location: the commitment's point, if it has one (WGS 84, ``<pos>latitude longitude</pos>``, exactness
  "approximate"), its place name in every language and its area in hectares.
- sector: the SDG goals and targets of the commitment's alignment (IATI sector vocabulary 7, "SDG Goal",
  code "14"; vocabulary 8, "SDG Target", code "14.5" or "14.a"), percentages summing to 100 per vocabulary;
  tag: the same SDG goals and targets (tag vocabulary 2, "SDG Goal", and 3, "SDG Target": the way IATI
  recommends for SDGs, read by d-portal), and its GBF goals and targets (vocabulary 99, "reporting
  organisation", with the GBF's address as vocabulary-uri; IATI 2.03 has no GBF vocabulary).
- result/indicator: one output result per deliverable that has an indicator (unit, baseline or
  target), with its baseline, target and the values reached in published progress reports (actual).
- organisations carry a publisher-local ref (``<reporting-org ref>-ORG-<id>``): Plenary does not record
  their IATI organisation identifiers yet.

The schema files in ``schemas/2.03/`` are the official ones (CC BY 4.0, see their LICENCE.md);
``tests/announcements/test_iati.py`` validates the export against them.
"""

import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from ..choices import ActivityStatus, PartnerRole, ReportState

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas" / "2.03"
ACTIVITY_SCHEMA = SCHEMA_DIR / "iati-activities-schema.xsd"
VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

STATUS_CODES = {
    ActivityStatus.PIPELINE: "1", ActivityStatus.IMPLEMENTATION: "2", ActivityStatus.FINALISATION: "3",
    ActivityStatus.CLOSED: "4", ActivityStatus.CANCELLED: "5", ActivityStatus.SUSPENDED: "6",
}
ROLE_CODES = {PartnerRole.FUNDING: "1", PartnerRole.IMPLEMENTING: "4", PartnerRole.SUPPORTING: "3"}
ACCOUNTABLE = "2"
# Plenary's organisation kinds → the IATI OrganisationType code list.
ORGANISATION_TYPES = {
    "government": "10", "un": "40", "igo": "40", "finance": "40", "business": "70", "ngo": "21",
    "foundation": "60", "academia": "80", "iplc": "90", "youth": "90", "media": "90",
}
SECTOR_SDG_GOAL, SECTOR_SDG_TARGET, TAG_REPORTING_ORG = "7", "8", "99"
TAG_SDG = {"sdg_goal": "2", "sdg_target": "3"}
GBF_URI = "https://www.cbd.int/gbf/targets/"
TRANSACTION_OUTGOING_PLEDGE, TRANSACTION_DISBURSEMENT = "12", "3"
POINT_SRS = "http://www.opengis.net/def/crs/EPSG/0/4326"


def reporting_org():
    """(ref, type, name) of the organisation publishing the registry."""
    return (getattr(settings, "IATI_REPORTING_ORG_REF", "XI-PLENARY"),
            getattr(settings, "IATI_REPORTING_ORG_TYPE", "90"),
            getattr(settings, "IATI_REPORTING_ORG_NAME", "") or settings.WAGTAIL_SITE_NAME)


def iati_language(code):
    """IATI narratives use ISO 639-1 codes: zh-hans → zh."""
    return (code or "en").split("-")[0].split("_")[0].lower()


def _languages():
    return [code for code, _name in settings.LANGUAGES]


def _narratives(parent, obj, field, fallback=""):
    """One <narrative xml:lang=…> per language that has text (at least one, in English)."""
    written = 0
    for code in _languages():
        text = getattr(obj, f"{field}_{code.replace('-', '_')}", "") or ""
        if text.strip():
            ET.SubElement(parent, "narrative", {XML_LANG: iati_language(code)}).text = text.strip()
            written += 1
    if not written:
        ET.SubElement(parent, "narrative", {XML_LANG: "en"}).text = fallback or str(getattr(obj, field, "") or "-")
    return parent


def _plain_narrative(parent, text, language="en"):
    ET.SubElement(parent, "narrative", {XML_LANG: iati_language(language)}).text = text
    return parent


def _amount(value):
    return format(Decimal(value).quantize(Decimal("0.01")), "f")


def _organisation_ref(organisation):
    """IATI identifiers of organisations are not recorded yet: a stable publisher-local one."""
    ref, _type, _name = reporting_org()
    return f"{ref}-ORG-{organisation.pk}"


def _participating(activity, organisation, role):
    element = ET.SubElement(activity, "participating-org", {
        "role": role, "type": ORGANISATION_TYPES.get(organisation.kind, "90"),
        "ref": _organisation_ref(organisation),
    })
    _narratives(element, organisation, "name", organisation.name)


def _percentages(count):
    """``count`` shares of 100 with two decimals, summing to exactly 100."""
    if not count:
        return []
    share = (Decimal(100) / count).quantize(Decimal("0.01"))
    shares = [share] * count
    shares[-1] = Decimal(100) - share * (count - 1)
    return [format(s, "f") for s in shares]


def _dates(activity, commitment, today):
    started = commitment.status not in (ActivityStatus.PIPELINE,)
    start = commitment.start_date or commitment.announced_on
    ET.SubElement(activity, "activity-date", {
        "type": "2" if started and start <= today else "1", "iso-date": start.isoformat()})
    if commitment.end_date:
        ended = commitment.status == ActivityStatus.CLOSED and commitment.end_date <= today
        ET.SubElement(activity, "activity-date", {"type": "4" if ended else "3",
                                                  "iso-date": commitment.end_date.isoformat()})


def _value(parent, amount, currency, on):
    element = ET.SubElement(parent, "value", {"currency": currency, "value-date": on.isoformat()})
    element.text = _amount(amount)
    return element


def _transaction(activity, code, on, amount, currency, provider=None, description=None):
    transaction = ET.SubElement(activity, "transaction")
    ET.SubElement(transaction, "transaction-type", {"code": code})
    ET.SubElement(transaction, "transaction-date", {"iso-date": on.isoformat()})
    _value(transaction, amount, currency, on)
    if description:
        _plain_narrative(ET.SubElement(transaction, "description"), description)
    if provider is not None:
        element = ET.SubElement(transaction, "provider-org", {"ref": _organisation_ref(provider)})
        _narratives(element, provider, "name", provider.name)


def _disbursements(commitment):
    """(date, increment) of each published report that raised the cumulative amount disbursed."""
    reports = sorted(
        (r for r in commitment.reports.all() if r.state == ReportState.PUBLISHED and r.disbursed is not None),
        key=lambda r: (r.period_end, r.pk))
    previous = Decimal(0)
    rows = []
    for report in reports:
        if report.disbursed > previous:
            rows.append((report.period_end, report.disbursed - previous))
            previous = report.disbursed
    return rows


def _alignments(commitment):
    """The commitment's framework goals and targets, primary first."""
    primary = [commitment.primary_target] if commitment.primary_target_id else []
    return primary + sorted(commitment.secondary_targets.all(), key=lambda t: t.sort_order)


def _results(activity, commitment):
    start = commitment.start_date or commitment.announced_on
    for deliverable in commitment.deliverables.all():
        if not deliverable.has_indicator:
            continue
        result = ET.SubElement(activity, "result", {"type": "1", "aggregation-status": "0"})
        _narratives(ET.SubElement(result, "title"), deliverable, "title", deliverable.title)
        measure = "2" if deliverable.unit.strip() == "%" else "1"
        indicator = ET.SubElement(result, "indicator", {"measure": measure, "ascending": "1"})
        title = deliverable.title + (f" ({deliverable.unit})" if deliverable.unit and measure == "1" else "")
        _plain_narrative(ET.SubElement(indicator, "title"), title)
        if deliverable.baseline is not None:
            ET.SubElement(indicator, "baseline", {
                "year": str(start.year), "iso-date": start.isoformat(), "value": _amount(deliverable.baseline)})
        end = deliverable.due_date or commitment.end_date
        if deliverable.target is not None and end and end >= start:
            period = ET.SubElement(indicator, "period")
            ET.SubElement(period, "period-start", {"iso-date": start.isoformat()})
            ET.SubElement(period, "period-end", {"iso-date": end.isoformat()})
            ET.SubElement(period, "target", {"value": _amount(deliverable.target)})
        for update in _indicator_values(deliverable):
            period = ET.SubElement(indicator, "period")
            ET.SubElement(period, "period-start", {"iso-date": update.report.period_start.isoformat()})
            ET.SubElement(period, "period-end", {"iso-date": update.report.period_end.isoformat()})
            ET.SubElement(period, "actual", {"value": _amount(update.value)})


def _indicator_values(deliverable):
    """The values reached, from published reports (prefetched by queries.deliverables_with_values())."""
    values = getattr(deliverable, "public_values", None)
    if values is None:
        values = deliverable.updates.filter(report__state=ReportState.PUBLISHED, value__isnull=False).select_related(
            "report").order_by("report__period_end", "pk")
    return list(values)


def _detail_url(commitment, template=None):
    """The commitment's public address; ``template`` (from _url_template) saves a reverse() per activity."""
    if template is None:
        return settings.SITE_URL.rstrip("/") + commitment.get_absolute_url()
    return template.replace(_REF, commitment.reference)


_REF = "__reference__"


def _url_template():
    from django.urls import reverse

    return settings.SITE_URL.rstrip("/") + reverse("announcements:commitment_detail", kwargs={"reference": _REF})


def _location(activity, commitment):
    """The commitment's point (WGS 84, "latitude longitude" as GML wants), place name and area, if it has them."""
    if not commitment.has_point and not commitment.place_name_en:
        return
    location = ET.SubElement(activity, "location", {"ref": f"{commitment.reference}-1"})
    ET.SubElement(location, "location-reach", {"code": "1"})  # the activity happens there
    if commitment.place_name_en:
        _narratives(ET.SubElement(location, "name"), commitment, "place_name", commitment.place_name_en)
    if commitment.area_hectares is not None:
        _plain_narrative(ET.SubElement(location, "description"),
                         f"Area covered: {_amount(commitment.area_hectares)} hectares")
    if commitment.has_point:
        point = ET.SubElement(location, "point", {"srsName": POINT_SRS})
        ET.SubElement(point, "pos").text = f"{commitment.latitude.normalize():f} {commitment.longitude.normalize():f}"
        ET.SubElement(location, "exactness", {"code": "2"})  # approximate: a point that stands for the place


def activity_element(commitment, today=None, url_template=None):
    today = today or timezone.localdate()
    ref, org_type, name = reporting_org()
    attributes = {
        "default-currency": commitment.currency or "USD", XML_LANG: iati_language(commitment.original_language),
        "hierarchy": "1",
    }
    if commitment.updated_at:
        attributes["last-updated-datetime"] = commitment.updated_at.replace(microsecond=0).isoformat()
    activity = ET.Element("iati-activity", attributes)
    ET.SubElement(activity, "iati-identifier").text = f"{ref}-{commitment.reference}"
    _plain_narrative(ET.SubElement(activity, "reporting-org", {"ref": ref, "type": org_type}), name)
    _narratives(ET.SubElement(activity, "title"), commitment, "title", commitment.title)
    _narratives(ET.SubElement(activity, "description", {"type": "1"}), commitment, "summary", commitment.title)

    _participating(activity, commitment.lead_organisation, ACCOUNTABLE)
    for partner in commitment.partners.all():
        _participating(activity, partner.organisation, ROLE_CODES.get(partner.role, "4"))
    ET.SubElement(activity, "other-identifier", {"ref": commitment.reference, "type": "A1"})
    ET.SubElement(activity, "activity-status", {"code": STATUS_CODES.get(commitment.status, "2")})
    _dates(activity, commitment, today)

    # the stored ISO code (row.country would build a django-countries object per row: slow at 10,000)
    countries = [row.__dict__["country"] for row in commitment.country_rows.all()]
    for code, share in zip(countries, _percentages(len(countries))):
        ET.SubElement(activity, "recipient-country", {"code": code, "percentage": share})
    _location(activity, commitment)

    alignments = _alignments(commitment)
    for vocabulary, kind in ((SECTOR_SDG_GOAL, "sdg_goal"), (SECTOR_SDG_TARGET, "sdg_target")):
        rows = [t for t in alignments if t.framework_kind == kind]
        for target, share in zip(rows, _percentages(len(rows))):
            sector = ET.SubElement(activity, "sector", {
                "vocabulary": vocabulary, "code": target.iati_code, "percentage": share})
            _narratives(sector, target, "label", target.code)
    for target in alignments:
        if target.framework == "gbf":
            tag = ET.SubElement(activity, "tag", {
                "vocabulary": TAG_REPORTING_ORG, "vocabulary-uri": GBF_URI, "code": target.code})
        else:
            tag = ET.SubElement(activity, "tag", {
                "vocabulary": TAG_SDG[target.framework_kind], "code": target.iati_code})
        _narratives(tag, target, "label", target.code)

    # A re-announcement's money is reported once, in the first announcement's activity.
    if commitment.amount is not None and commitment.currency and not commitment.reannouncement_of_id:
        start = commitment.start_date or commitment.announced_on
        if commitment.end_date and commitment.end_date >= start:
            budget = ET.SubElement(activity, "budget", {"type": "1", "status": "1"})
            ET.SubElement(budget, "period-start", {"iso-date": start.isoformat()})
            ET.SubElement(budget, "period-end", {"iso-date": commitment.end_date.isoformat()})
            _value(budget, commitment.amount, commitment.currency, commitment.announced_on)
        _transaction(activity, TRANSACTION_OUTGOING_PLEDGE, commitment.announced_on, commitment.amount,
                     commitment.currency, provider=commitment.lead_organisation,
                     description=f"Pledge announced at {commitment.summit.title_en or commitment.summit.title}")
        for on, increment in _disbursements(commitment):
            _transaction(activity, TRANSACTION_DISBURSEMENT, on, increment, commitment.currency,
                         provider=commitment.lead_organisation)

    link = ET.SubElement(activity, "document-link", {
        "format": "text/html", "url": _detail_url(commitment, url_template)})
    _plain_narrative(ET.SubElement(link, "title"), commitment.title_en or commitment.title)
    ET.SubElement(link, "category", {"code": "A01"})
    _results(activity, commitment)
    return activity


def activities_xml(commitments, today=None, generated=None):
    """The IATI 2.03 activity file of the given (published) commitments, as UTF-8 bytes."""
    generated = generated or timezone.now()
    root = ET.Element("iati-activities", {
        "version": VERSION, "generated-datetime": generated.replace(microsecond=0).isoformat()})
    template = _url_template()
    for commitment in commitments:
        root.append(activity_element(commitment, today, template))
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


__all__ = ["ACTIVITY_SCHEMA", "activities_xml", "activity_element", "iati_language"]
