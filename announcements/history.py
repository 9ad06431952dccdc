"""The public history of a commitment in words: the stored snapshot values (codes, ISO dates, slugs)
as a reader of the page's language reads them.

Versions keep plain values so that comparing two versions is exact (``services.snapshot``); this
module only turns them into text at display time, so a history written in 2021 reads in the visitor's
language today: "Planning → Implementation", not ``planned → in_progress``.
"""

import datetime as dt

from django.conf import settings
from django.utils.translation import gettext as _
from django_countries import countries

from core import formatting

from .choices import ActivityStatus, CommitmentKind, DeliverableStatus
from .models import Commitment, FrameworkTarget

CHOICES = {"kind": dict(CommitmentKind.choices), "status": dict(ActivityStatus.choices)}
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def field_labels():
    labels = {}
    for field in Commitment._meta.get_fields():
        if hasattr(field, "verbose_name"):
            labels[field.name] = str(field.verbose_name)
    labels.update({"deliverables": _("Deliverables"), "partners": _("Partners"), "countries": _("Countries"),
                   "lead_organisation": _("Lead organisation"), "themes": _("Themes"),
                   "primary_target": _("Primary target"), "secondary_targets": _("Secondary targets")})
    for base in ("title", "summary"):
        for code, name in settings.LANGUAGES:
            labels[f"{base}_{code.replace('-', '_')}"] = f"{labels.get(base, base)} ({name})"
    return labels


def _date(text):
    try:
        return formatting.date(dt.date.fromisoformat(text))
    except ValueError:
        return text


def _items(text):
    return [item.strip() for item in text.split(";") if item.strip()]


def readable(name, text, *, themes=None, targets=None):
    """``text`` (a stored value of field ``name``) in words."""
    if text in ("", None):
        return ""
    if name in CHOICES:
        return str(CHOICES[name].get(text, text))
    if name == "is_new_money":
        return _("Yes") if text in ("yes", "True") else _("No")
    if name in ("start_date", "end_date"):
        return _date(text)
    if name in ("amount", "amount_usd"):
        try:
            return formatting.number(text)
        except (ValueError, ArithmeticError):
            return text
    if name == "countries":
        return formatting.join([countries.name(code) or code for code in _items(text)])
    if name == "themes":
        return formatting.join([(themes or {}).get(slug, slug) for slug in _items(text)])
    if name in ("primary_target", "secondary_targets"):
        return formatting.join([(targets or {}).get(code, code) for code in _items(text)])
    if name == "deliverables":
        statuses = dict(DeliverableStatus.choices)
        rows = []
        for item in _items(text):
            parts = [part.strip() for part in item.split("|")]
            if len(parts) == 3:
                title, due, status = parts
                detail = formatting.join([p for p in (_date(due) if due else "", str(statuses.get(status, status))) if p])
                rows.append(f"{title} ({detail})" if detail else title)
            else:
                rows.append(item)
        return "; ".join(rows)
    return text


def changes_in_words(commitment, versions):
    """[(version, [{"label", "old", "new"}])] for the detail page."""
    labels = field_labels()
    themes = {theme.slug: theme.title for theme in commitment.summit.themes.all()}
    targets = {target.code: target.short_label for target in FrameworkTarget.objects.all()}
    result = []
    for version in versions:
        rows = []
        for change in version.changes:
            name = change["field"]
            rows.append({"field": name, "label": labels.get(name, name),
                         "old": readable(name, change["old"], themes=themes, targets=targets),
                         "new": readable(name, change["new"], themes=themes, targets=targets)})
        result.append((version, rows))
    return result
