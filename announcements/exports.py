"""Open data: the rows of a filtered list as CSV, XLSX or JSON, safe to open in a spreadsheet."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

from core.spreadsheets import csv_bytes, xlsx_bytes

from .choices import ActivityStatus, CommitmentKind, Light
from .models import Commitment

LANG_SUFFIXES = [code.replace("-", "_") for code, _name in settings.LANGUAGES]


COLUMNS = [
    "reference", "summit", "title", "summary", "kind", "status", "lead_organisation", "organisation_kind",
    "coalition", "themes", "countries", "primary_target", "secondary_targets", "amount", "currency", "amount_usd",
    "new_money", "announced_on", "start_date", "end_date", "latitude", "longitude",
    "area_hectares", "place_name", "lifecycle", "verification", "verifier",
    "reannouncement_of", "follow_up", "last_reported_on", "percent_complete", "disbursed_usd", "url",
]


def row(commitment: Commitment, site_url=""):
    """One commitment as a flat dict, in the active language (translated fields fall back to English)."""
    return {
        "reference": commitment.reference,
        "summit": commitment.summit.slug,
        "title": commitment.title,
        "summary": commitment.summary,
        "kind": CommitmentKind(commitment.kind).label if commitment.kind else "",
        "status": ActivityStatus(commitment.status).label,
        "lead_organisation": commitment.lead_organisation.name,
        "organisation_kind": commitment.lead_organisation.get_kind_display(),
        "coalition": commitment.coalition.name if commitment.coalition_id else "",
        "themes": "; ".join(t.title for t in commitment.themes.all()),
        "countries": "; ".join(str(c.code) for c in commitment.countries),
        "primary_target": commitment.primary_target.code if commitment.primary_target_id else "",
        "secondary_targets": "; ".join(t.code for t in commitment.secondary_targets.all()),
        "amount": commitment.amount,
        "currency": commitment.currency,
        "amount_usd": commitment.amount_usd,
        "new_money": commitment.is_new_money,
        "announced_on": commitment.announced_on,
        "start_date": commitment.start_date,
        "end_date": commitment.end_date,
        "latitude": commitment.latitude,
        "longitude": commitment.longitude,
        "area_hectares": commitment.area_hectares,
        "place_name": commitment.place_name,
        "lifecycle": commitment.get_lifecycle_display(),
        "verification": commitment.get_verification_display(),
        "verifier": commitment.verifier,
        "reannouncement_of": commitment.reannouncement_of.reference if commitment.reannouncement_of_id else "",
        "follow_up": Light(getattr(commitment, "light", None) or commitment.light()).label,
        "last_reported_on": commitment.last_reported_on,
        "percent_complete": commitment.percent_complete,
        "disbursed_usd": commitment.disbursed_usd,
        "url": site_url + commitment.get_absolute_url(),
    }


def _flat(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _rows(commitments, site_url):
    yield COLUMNS
    for commitment in commitments:
        data = row(commitment, site_url)
        yield [_flat(data[c]) for c in COLUMNS]


def to_csv(commitments, site_url=""):
    return csv_bytes(_rows(commitments, site_url))


def to_xlsx(commitments, site_url=""):
    return xlsx_bytes(_rows(commitments, site_url), sheet_title="commitments")


def to_json(commitments, site_url=""):
    return json.dumps([row(c, site_url) for c in commitments], cls=DjangoJSONEncoder, ensure_ascii=False,
                      indent=1).encode("utf-8")
