"""A summit's translations for organisers and translators: what is missing, and a spreadsheet round trip.

Every text a visitor reads of a summit (the summit itself, its themes, rooms, sessions, the speakers
of its sessions, registration categories, commitments, deliverables and progress reports) is a
django-modeltranslation field with one column per language. This module

- counts, per kind of record and language, the texts written in English and still empty in that
  language (``missing``), with the summit's pages beside them (``page_states``);
- writes every translatable field of the summit to one XLSX sheet (``export``): one row per record
  and field, one column per language, the English source first;
- reads such a sheet back (``apply``): every row is checked (known kind, a record of this summit, a
  translatable field, the user's permission for that kind of record), a refused row is an error
  naming its row and column, and nothing is written unless every row is right. An empty cell leaves
  the text as it is; the English column is the source and is never changed from the sheet.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.translator import translator

from core import permissions, spreadsheets

SOURCE = "en"


def languages():
    """(code, column suffix) of every language, English first: ("zh-hans", "zh_hans")."""
    return [(code, code.replace("-", "_")) for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Kind:
    name: str
    label: object
    model: str  # app_label.Model
    summit_path: str  # the lookup from the record to its summit's pk
    action: str  # core.permissions action needed to change it

    def model_class(self):
        return apps.get_model(self.model)

    def fields(self):
        return sorted(translator.get_options_for_model(self.model_class()).get_field_names())

    def records(self, summit):
        return self.model_class().objects.filter(**{self.summit_path: summit.pk}).distinct().order_by("pk")


KINDS = [
    Kind("summit", gettext_lazy("Summit"), "summits.Summit", "pk", "summit.change"),
    Kind("theme", gettext_lazy("Themes"), "summits.Theme", "summit_id", "programme.change"),
    Kind("room", gettext_lazy("Rooms"), "summits.Room", "summit_id", "programme.change"),
    Kind("session", gettext_lazy("Sessions"), "summits.Session", "summit_id", "programme.change"),
    Kind("speaker", gettext_lazy("Speakers"), "summits.Speaker", "session_roles__session__summit_id", "programme.change"),
    Kind("category", gettext_lazy("Registration categories"), "registrations.RegistrationCategory", "summit_id",
         "registrations.setup"),
    Kind("commitment", gettext_lazy("Commitments"), "announcements.Commitment", "summit_id", "commitments.change"),
    Kind("deliverable", gettext_lazy("Deliverables"), "announcements.Deliverable", "commitment__summit_id",
         "commitments.change"),
    Kind("report", gettext_lazy("Progress reports"), "announcements.ProgressReport", "commitment__summit_id",
         "commitments.change"),
]
BY_NAME = {kind.name: kind for kind in KINDS}


def kinds_for(user, summit):
    return [kind for kind in KINDS if permissions.can(user, kind.action, summit)]


def missing(user, summit):
    """Rows of the "what is missing" table: per kind, the number of texts and, per language, how many
    are written in English but still empty there."""
    rows = []
    for kind in kinds_for(user, summit):
        texts, gaps = 0, {code: 0 for code, _suffix in languages() if code != SOURCE}
        for record in kind.records(summit):
            for name in kind.fields():
                if not (getattr(record, f"{name}_{SOURCE}", "") or "").strip():
                    continue
                texts += 1
                for code, suffix in languages():
                    if code != SOURCE and not (getattr(record, f"{name}_{suffix}", "") or "").strip():
                        gaps[code] += 1
        rows.append({"kind": kind, "texts": texts, "missing": [gaps[code] for code in gaps]})
    return rows


def page_states(summit):
    """For each language: the summit page in that language, live or not, and how many pages under it."""
    from wagtail.models import Locale

    from cms.models import SummitPage

    pages = {p.locale.language_code: p for p in SummitPage.objects.filter(summit=summit).select_related("locale")}
    states = []
    for code, _suffix in languages():
        page = pages.get(code)
        if page is None and not Locale.objects.filter(language_code=code).exists():
            continue
        states.append({"code": code, "page": page, "children": page.get_descendants().count() if page else 0,
                       "untranslated_children": _untranslated_children(pages.get(SOURCE), page)})
    return states


def _untranslated_children(source, page):
    if source is None or page is None or source.pk == page.pk:
        return 0
    translated = set(page.get_descendants().values_list("translation_key", flat=True))
    return source.get_descendants().exclude(translation_key__in=translated).count()


HEADERS = ["kind", "id", "field"] + [f"text_{suffix}" for _code, suffix in languages()]


def export(user, summit) -> bytes:
    """Every translatable field of the summit that the user may change, as XLSX."""
    rows = [HEADERS]
    for kind in kinds_for(user, summit):
        for record in kind.records(summit):
            for name in kind.fields():
                texts = [getattr(record, f"{name}_{suffix}", "") or "" for _code, suffix in languages()]
                if any(text.strip() for text in texts):
                    rows.append([kind.name, record.pk, name, *texts])
    return spreadsheets.xlsx_bytes(rows, sheet_title=_("Translations"))


@dataclass
class Outcome:
    changes: list = field(default_factory=list)  # (row, kind, record, field, language, old, new)
    errors: list = field(default_factory=list)  # (row, column, message)
    applied: bool = False

    @property
    def ok(self):
        return not self.errors


def _read(content: bytes):
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:  # a file that is not a spreadsheet
        raise ValueError(_("This file is not an XLSX spreadsheet (%(error)s).") % {"error": type(exc).__name__}) from exc


def apply(user, summit, content: bytes, *, dry_run: bool) -> Outcome:
    """Check every row of the sheet and, unless ``dry_run`` or an error, write the translations."""
    outcome = Outcome()
    try:
        rows = _read(content)
    except ValueError as exc:
        outcome.errors.append((1, "", str(exc)))
        return outcome
    if not rows:
        outcome.errors.append((1, "", _("The spreadsheet is empty.")))
        return outcome
    header = [str(cell or "").strip() for cell in rows[0]]
    missing_columns = [name for name in HEADERS[:3] if name not in header]
    if missing_columns:
        outcome.errors.append((1, ", ".join(missing_columns), _("Columns missing: export the sheet again from this page.")))
        return outcome
    at = {name: header.index(name) for name in header if name}
    allowed = {kind.name: kind for kind in kinds_for(user, summit)}
    records = {}
    pending = {}
    for number, row in enumerate(rows[1:], start=2):
        cells = row + [None] * (len(header) - len(row))
        if not any(cell not in (None, "") for cell in cells):
            continue
        kind_name = str(cells[at["kind"]] or "").strip()
        kind = BY_NAME.get(kind_name)
        if kind is None:
            outcome.errors.append((number, "kind", _("Unknown kind “%(kind)s”.") % {"kind": kind_name}))
            continue
        if kind.name not in allowed:
            outcome.errors.append((number, "kind", _("You may not change %(kind)s of this summit.") % {"kind": kind.label}))
            continue
        try:
            pk = int(str(cells[at["id"]]).strip())
        except (TypeError, ValueError):
            outcome.errors.append((number, "id", _("The id must be a whole number.")))
            continue
        if (kind.name, pk) not in records:
            records[(kind.name, pk)] = kind.records(summit).filter(pk=pk).first()
        record = records[(kind.name, pk)]
        if record is None:
            outcome.errors.append((number, "id", _("No record %(id)s among this summit's %(kind)s.") % {
                "id": pk, "kind": kind.label}))
            continue
        name = str(cells[at["field"]] or "").strip()
        if name not in kind.fields():
            outcome.errors.append((number, "field", _("“%(field)s” is not a translatable field of %(kind)s.") % {
                "field": name, "kind": kind.label}))
            continue
        limit = record._meta.get_field(f"{name}_{SOURCE}").max_length
        for code, suffix in languages():
            column = f"text_{suffix}"
            if code == SOURCE or column not in at:
                continue
            value = cells[at[column]]
            new = str(value).strip() if value is not None else ""
            if not new:
                continue  # an empty cell leaves the text as it is
            if limit and len(new) > limit:
                outcome.errors.append((number, column, _("At most %(limit)s characters (this text has %(length)s).") % {
                    "limit": limit, "length": len(new)}))
                continue
            old = getattr(record, f"{name}_{suffix}", "") or ""
            if new != old:
                outcome.changes.append((number, kind, record, name, code, old, new))
                pending.setdefault((kind.name, pk), (record, set()))[1].add(f"{name}_{suffix}")
                setattr(record, f"{name}_{suffix}", new)
    if outcome.errors or dry_run:
        return outcome
    with transaction.atomic():
        for record, names in pending.values():
            record.save(update_fields=sorted(names))
    outcome.applied = True
    return outcome
