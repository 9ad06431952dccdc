"""Every admin listing that offers CSV/XLSX downloads produces a complete file, for every user who may see it.

The theme and room exports named a column (``summit_slug``) their records did not have: the CSV
stopped after its header row (a "complete" download cut off mid-file) and the XLSX answered 500.
"""

import csv
import io

import pytest
from openpyxl import load_workbook
from wagtail.admin.viewsets import viewsets as admin_viewsets

from tests.registrations.factories import CategoryFactory, RegistrationFactory
from tests.summits.factories import (
    OrganisationFactory, RoomFactory, SessionFactory, SpeakerFactory, SummitFactory, ThemeFactory, organiser,
)

pytestmark = pytest.mark.django_db


def exporting_viewsets():
    from django.urls import get_resolver

    get_resolver().url_patterns  # the admin's viewsets register themselves when the URLs load
    found = []
    for viewset in admin_viewsets.viewsets:
        items = getattr(viewset, "viewsets", None) or [viewset]
        for item in items:
            if isinstance(getattr(item, "list_export", None), (list, tuple)) and item.list_export:
                found.append(item)
    return found


@pytest.fixture
def data():
    summit = SummitFactory(slug="ops", title="Post-2020 Summit: l'avenir")
    theme = ThemeFactory(summit=summit, slug="oceans", title="=Oceans")  # formula-like on purpose
    room = RoomFactory(summit=summit, name="Salle Jade")
    SessionFactory(summit=summit, theme=theme, room=room, slug="opening", title="Opening")
    SpeakerFactory(given_name="Amina", family_name="Diallo")
    OrganisationFactory(name="Réseau Sahel Nature")
    category = CategoryFactory(summit=summit)
    RegistrationFactory(summit=summit, category=category)
    return summit


def download(client, url, fmt):
    response = client.get(url, {"export": fmt})
    assert response.status_code == 200, (url, fmt, response.status_code)
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_summit_listings_are_found():
    names = {v.model._meta.model_name for v in exporting_viewsets()}
    assert {"theme", "room", "session", "summit", "speaker", "organisation"} <= names


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_export_is_complete_for_the_secretariat(client, admin_user, data, fmt):
    client.force_login(admin_user)
    for viewset in exporting_viewsets():
        body = download(client, _index_url(viewset), fmt)
        rows = _rows(body, fmt)
        count = viewset.model._default_manager.count()
        assert len(rows) == count + 1, (viewset.model, rows)
        assert len(rows[0]) == len(viewset.list_export)


def test_theme_and_room_exports_can_be_imported_back(client, admin_user, data):
    client.force_login(admin_user)
    themes = _rows(download(client, "/admin/summits/themes/", "csv"), "csv")
    rooms = _rows(download(client, "/admin/summits/rooms/", "xlsx"), "xlsx")
    assert themes[0][:2] == ["summit", "slug"] and themes[1][:2] == ["ops", "oceans"]
    assert themes[1][2] == "'=Oceans"  # formula-safe
    assert rooms[0][:2] == ["summit", "name"] and rooms[1][:2] == ["ops", "Salle Jade"]


def test_a_team_member_exports_only_their_summit(client, data):
    other = SummitFactory(slug="other")
    ThemeFactory(summit=other, slug="hidden")
    client.force_login(organiser(summits=[data]))
    themes = _rows(download(client, "/admin/summits/themes/", "csv"), "csv")
    assert [row[1] for row in themes[1:]] == ["oceans"]


def _index_url(viewset):
    from django.urls import reverse

    return reverse(viewset.get_url_name("index"))


def _rows(body, fmt):
    if fmt == "csv":
        return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(body), read_only=True).active
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("url, kind", [
    ("/admin/summits/sessions/", "sessions"), ("/admin/summits/themes/", "themes"), ("/admin/summits/rooms/", "rooms"),
])
def test_an_export_has_every_language_and_imports_back(client, admin_user, data, url, kind):
    """Translators get every language's column from the admin's export, and the filled sheet imports back."""
    from core import importing
    from core.spreadsheets import xlsx_bytes

    client.force_login(admin_user)
    rows = list(load_workbook(io.BytesIO(download(client, url, "xlsx"))).active.iter_rows(values_only=True))
    header = [str(cell) for cell in rows[0]]
    base = {"sessions": "title", "themes": "title", "rooms": "name"}[kind]
    assert {f"{base}_{suffix}" for suffix in ("fr", "es", "ar", "zh_hans", "ru")} <= set(header), header
    # Arabic filled in by a translator, then imported back: the rows are updates, nothing else changes.
    ar = header.index(f"{base}_ar")
    filled = [list(rows[0])] + [[*row[:ar], "نص عربي", *row[ar + 1:]] for row in rows[1:]]
    # (saved as a spreadsheet program keeps text cells: "=Oceans" stays text, never a formula)
    report = importing.run_import(importing.registry()[kind], importing.read_dataset(xlsx_bytes(filled), "x.xlsx"),
                                  dry_run=False)
    assert report.ok, [vars(e) for e in report.errors]
    assert report.totals["new"] == 0 and report.totals["update"] == len(rows) - 1
