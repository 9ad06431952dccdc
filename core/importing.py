"""Import spreadsheets through django-import-export resources, all or nothing.

Used by the admin import screens and the ``import_records`` management command alike. Each app
registers its kinds with :func:`register` (in its ``AppConfig.ready``). Every import is
authorised twice: the kind's action on some summit to start it (:meth:`ImportKind.allowed`), and
each row against the summit it touches (:class:`RowPermissionsMixin`).
"""

import io
import json
import re
from dataclasses import dataclass, field
from pathlib import PurePath

import tablib
from import_export import widgets
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import permissions

TOKEN_RE = re.compile(r"[0-9a-f]{32}\.(csv|xlsx|json)")
MAX_ROWS = 20_000


class ImportFileError(Exception):
    """The file cannot be read as a spreadsheet."""


@dataclass
class ImportKind:
    name: str
    label: str
    resource_class: type
    action: str  # core.permissions action needed on the summit of every row
    index_url_name: str
    order: int = 50

    def allowed(self, user):
        return permissions.can(user, self.action)

    def resource(self, user=None):
        return self.resource_class(user=user, action=self.action)

    @property
    def columns(self):
        resource = self.resource()
        return [f.column_name for f in resource.get_import_fields()]


_REGISTRY: dict[str, ImportKind] = {}


def register(kind: ImportKind):
    permissions._check_action(kind.action)
    if not issubclass(kind.resource_class, RowPermissionsMixin):
        raise TypeError(f"import kind {kind.name!r}: its resource must authorise each row (RowPermissionsMixin)")
    _REGISTRY[kind.name] = kind
    from . import import_jobs

    import_jobs.register_job_kind(kind)
    return kind


def registry():
    """Every importable kind, in the order the apps gave (the summit domain's first)."""
    return dict(sorted(_REGISTRY.items(), key=lambda item: (item[1].order, item[0])))


class WordedBooleanWidget(widgets.BooleanWidget):
    """A yes/no column: 1/0, true/false, and "yes"/"no" in Plenary's six languages (what the admin's
    exports write). Anything else is an error on its row: import-export's own widget reads every
    unknown word, "Oui" included, as "no"."""

    WORDS_TRUE = {"1", "true", "yes", "y", "x", "oui", "vrai", "sí", "si", "verdadero", "نعم", "是", "да"}
    WORDS_FALSE = {"0", "false", "no", "n", "non", "faux", "falso", "لا", "否", "нет"}

    def clean(self, value, row=None, **kwargs):
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, (int, float)) and value in (0, 1):
            return bool(value)
        word = str(value).strip().casefold()
        if word in ("", "none", "null"):
            return None
        if word in self.WORDS_TRUE:
            return True
        if word in self.WORDS_FALSE:
            return False
        raise ValueError(_("“%(value)s” is not yes or no (write yes or no, 1 or 0).") % {"value": value})


class RowPermissionsMixin:
    """Authorises every row of an import against the summit it touches.

    The record's current summit (for an update) and its summit after the row is applied must both
    allow the import's action for the importing user, and a row may not move a record to another
    summit. A refused row is an error on the summit column; nothing of the file is written.
    ``user=None`` (the command line) is the secretariat.
    """

    summit_column = "summit"
    # Columns that need more than the import's action, as (attribute, action, needs, message):
    # ``needs(instance, original)`` says whether this row's value needs ``action`` on the row's summit
    # (``original`` is {attribute: value} before the row, or None for a new record).
    guarded_fields: tuple = ()

    def __init__(self, *, user=None, action=None, **kwargs):
        super().__init__(**kwargs)
        self.plenary_user = user
        self.plenary_action = action

    def _may(self, action, summit_id):
        if self.plenary_user is None or action is None:
            return True  # the command line is the secretariat
        return permissions.can(self.plenary_user, action, summit_id)

    def _allowed(self, summit_id):
        return self._may(self.plenary_action, summit_id)

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        instance._plenary_original_summit = None if new else permissions.summit_id_of(instance)
        instance._plenary_original = None if new else {
            attribute: getattr(instance, attribute) for attribute, *_rest in self.guarded_fields}
        if not new and permissions.summit_lookup(type(instance)) is not None:
            if not self._allowed(instance._plenary_original_summit):
                raise ValidationError({self.summit_column: _("You may not change records of this summit.")})

    def _guarded_errors(self, instance, errors):
        summit_id = permissions.summit_id_of(instance)
        original = getattr(instance, "_plenary_original", None)
        for attribute, action, needs, message in self.guarded_fields:
            if attribute not in errors and needs(instance, original) and not self._may(action, summit_id):
                errors[attribute] = [str(message)]

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        self._guarded_errors(instance, errors)
        if permissions.summit_lookup(type(instance)) is not None and self.summit_column not in errors:
            summit_id = permissions.summit_id_of(instance)
            original = getattr(instance, "_plenary_original_summit", None)
            if original is not None and summit_id != original:
                errors[self.summit_column] = [_("A row cannot move a record to another summit.")]
            elif summit_id is not None and not self._allowed(summit_id):
                errors[self.summit_column] = [_("You may not add or change records of this summit.")]
        super().validate_instance(instance, errors, validate_unique)


def extension(filename):
    suffix = PurePath(filename).suffix.lower()
    return suffix if suffix in (".csv", ".xlsx", ".json") else ".csv"


def read_dataset(content: bytes, filename: str) -> tablib.Dataset:
    """Read CSV (UTF-8, with or without BOM), XLSX or JSON into a Dataset, or raise ImportFileError."""
    suffix = PurePath(filename).suffix.lower()
    try:
        if suffix == ".xlsx":
            dataset = tablib.Dataset().load(io.BytesIO(content), format="xlsx")
        elif suffix == ".json":
            rows = json.loads(content.decode("utf-8-sig"))
            if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                raise ImportFileError(_("A JSON import must be a list of objects."))
            dataset = tablib.Dataset().load(json.dumps(rows), format="json")
        elif suffix in (".csv", ".txt", ""):
            text = content.decode("utf-8-sig")
            dataset = tablib.Dataset().load(text, format="csv")
        else:
            raise ImportFileError(_("Unsupported file type “%(suffix)s”: use CSV, XLSX or JSON.") % {"suffix": suffix})
    except ImportFileError:
        raise
    except UnicodeDecodeError:
        raise ImportFileError(_("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")) from None
    except Exception as exc:  # tablib/openpyxl raise many kinds of errors on broken files
        raise ImportFileError(_("The file could not be read as a spreadsheet (%(error)s).") % {"error": exc}) from None
    if not dataset.headers:
        raise ImportFileError(_("The file has no header row."))
    if len(dataset) == 0:
        raise ImportFileError(_("The file has a header row but no data rows."))
    if len(dataset) > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)d rows; split it.") % {"max": MAX_ROWS})
    # Normalise headers: trimmed, lower case, so "Title_FR " matches "title_fr".
    dataset.headers = [str(h or "").strip().lower() for h in dataset.headers]
    return dataset


@dataclass
class RowError:
    line: int  # spreadsheet line: the header is line 1, the first data row line 2
    field: str
    message: str

    def __str__(self):
        if self.field:
            return _("Row %(line)d, column “%(field)s”: %(message)s") % {
                "line": self.line, "field": self.field, "message": self.message
            }
        return _("Row %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ImportReport:
    kind: ImportKind
    dry_run: bool
    rows: list = field(default_factory=list)  # (line, action, [values in header order])
    errors: list = field(default_factory=list)  # RowError
    totals: dict = field(default_factory=lambda: {"new": 0, "update": 0, "skip": 0})
    headers: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


class _Rollback(Exception):
    pass


def _column_for(resource, attribute):
    for f in resource.get_import_fields():
        if f.attribute == attribute or f.column_name == attribute:
            return f.column_name
    return attribute


def estimate_rows(content: bytes, filename: str) -> int:
    """About how many data rows a file holds, without importing it (to choose between the request
    and a background job); never raises (an unreadable file counts as small and fails its preview)."""
    suffix = PurePath(filename).suffix.lower()
    try:
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            workbook = load_workbook(io.BytesIO(content), read_only=True)
            try:
                return max((workbook.active.max_row or 1) - 1, 0)
            finally:
                workbook.close()
        if suffix == ".json":
            rows = json.loads(content.decode("utf-8-sig"))
            return len(rows) if isinstance(rows, list) else 0
        return max(content.strip().count(b"\n"), 0)  # a quoted cell with line breaks only over-counts
    except Exception:
        return 0


def _chunks(dataset: tablib.Dataset, size: int):
    for start in range(0, len(dataset), size):
        part = tablib.Dataset(headers=dataset.headers)
        for row in dataset[start:start + size]:
            part.append(row)
        yield start, part


def _collect(report, resource, result, part, offset):
    for invalid in result.invalid_rows:
        for attr, messages_ in invalid.error_dict.items():
            column = "" if attr == NON_FIELD_ERRORS else _column_for(resource, attr)
            for message in messages_:
                report.errors.append(RowError(offset + invalid.number + 1, column, message))
    for number, errors in result.row_errors():
        for error in errors:
            report.errors.append(RowError(offset + number + 1, "", str(error.error)))
    for error in result.base_errors:
        report.errors.append(RowError(1, "", str(error.error)))
    for index, row_result in enumerate(result.rows):
        action = row_result.import_type
        if action in report.totals:
            report.totals[action] += 1
        report.rows.append((offset + index + 2, action, list(part[index])))


def run_import(kind: ImportKind, dataset: tablib.Dataset, *, dry_run: bool, user=None, progress=None,
               chunk_size: int = 250) -> ImportReport:
    """Import every row or none. Returns a report with per-row actions or errors.

    With ``progress`` (a job's ``ctx.progress(done, total)``) the rows go through the resource in
    chunks, each followed by a progress call, all inside one transaction that is rolled back on any
    error or for a preview: the same all-or-nothing, with a progress bar.
    """
    resource = kind.resource(user)
    report = ImportReport(kind=kind, dry_run=dry_run, headers=list(dataset.headers))
    expected = set(kind.columns)
    unknown = [h for h in dataset.headers if h and h not in expected]
    if unknown:
        report.errors.append(
            RowError(1, "", _("Unknown columns: %(unknown)s. Expected columns: %(expected)s.")
                     % {"unknown": ", ".join(unknown), "expected": ", ".join(kind.columns)})
        )
        return report
    parts = [(0, dataset)] if progress is None else list(_chunks(dataset, chunk_size))
    try:
        with transaction.atomic():
            for offset, part in parts:
                # In chunks, each one is written (inside the outer transaction) so the next sees it.
                result = resource.import_data(
                    part, dry_run=dry_run if progress is None else False, raise_errors=False,
                    use_transactions=True, rollback_on_validation_errors=True, collect_failed_rows=True, user=user,
                )
                _collect(report, resource, result, part, offset)
                if progress is not None:
                    progress(offset + len(part), len(dataset))
            if report.errors or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    report.errors.sort(key=lambda e: e.line)
    return report
