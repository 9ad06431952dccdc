"""Spreadsheet files that are safe to open: the one formula escaper every export uses.

A cell whose text starts with ``= + - @`` (or a tab / carriage return) would be run as a formula
by Excel or LibreOffice ("CSV injection"). In CSV such text gets a leading apostrophe, which
spreadsheets show as text and hide; in XLSX the cell is typed as text instead, so the value is
kept exactly (a phone number ``+221 …`` stays ``+221 …``). Numbers, dates and booleans are left
as they are.
"""

import csv
import datetime as dt
import io
from decimal import Decimal

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def safe_cell(value):
    """A CSV cell value a spreadsheet will not run as a formula (text gets a leading ')."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal, dt.date, bool)):
        return value
    text = str(value)
    return "'" + text if is_formula_like(text) else text


def csv_bytes(rows, *, bom=True) -> bytes:
    """UTF-8 CSV (with the BOM Excel needs to read UTF-8) of rows of values, every cell escaped."""
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return out.getvalue().encode("utf-8")


def xlsx_bytes(rows, *, sheet_title="Sheet1") -> bytes:
    """An XLSX workbook of rows of values; text cells are typed as text (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title[:31] or "Sheet1")
    for row in rows:
        cells = []
        for value in row:
            if value is None:
                value = ""
            if isinstance(value, (int, float, Decimal, dt.date, bool)):
                cell = WriteOnlyCell(sheet, value)
            else:
                cell = WriteOnlyCell(sheet, str(value))
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class SafeExportMixin:
    """For Wagtail IndexViews with ``list_export``: CSV cells escaped, XLSX text typed as text."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # CSV is streamed after the view returns, when the admin's language is no longer active.
        from django.utils import translation

        self._export_language = translation.get_language()
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, bool):  # words of the organiser's language, not Python's True/False
            from django.utils import translation

            with translation.override(getattr(self, "_export_language", None) or translation.get_language()):
                value = translation.gettext("Yes") if value else translation.gettext("No")
        if export_format == "csv":
            return safe_cell(value)
        return value
