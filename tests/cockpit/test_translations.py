"""The summit's translations (#11): what is missing per language, and the spreadsheet round trip an
organiser runs with translators: export, fill Arabic, import with a preview, see the Arabic programme."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from summits.models import Session
from tests.cms.factories import home_page, summit_page, translate
from tests.summits.factories import SessionFactory, ThemeFactory, member

from .conftest import denied

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(summit):
    theme = ThemeFactory(summit=summit, title="Oceans", title_fr="Océans", title_ar="")
    session = SessionFactory(summit=summit, title="Protected areas for 30% of the planet", title_ar="",
                             description="Why 30% and how.", theme=theme)
    return theme, session


def sheet(response):
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    return rows[0], rows[1:]


def xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "translations.xlsx"
    return out


def test_the_page_counts_what_is_missing_in_each_language(client, manager, summit, programme):
    response = client.get(f"/admin/workspace/{summit.pk}/translations/")
    assert response.status_code == 200
    rows = {row["kind"].name: row for row in response.context["rows"]}
    languages = response.context["languages"]
    # sessions: title and description in English, neither in Arabic
    assert rows["session"]["texts"] == 2
    assert rows["session"]["missing"][languages.index("ar")] == 2
    assert rows["theme"]["missing"][languages.index("fr")] == 0 and rows["theme"]["missing"][languages.index("ar")] == 1


def test_an_organiser_fills_arabic_in_the_spreadsheet_and_sees_the_arabic_programme(client, manager, summit, programme):
    _theme, session = programme
    home = home_page()
    page = summit_page(home, summit)
    translate(home, "ar")
    translate(page, "ar", title="قمة كوكب واحد")

    header, rows = sheet(client.get(f"/admin/workspace/{summit.pk}/translations/export.xlsx"))
    assert header[:4] == ("kind", "id", "field", "text_en")
    ar = header.index("text_ar")
    filled = []
    for row in rows:
        row = list(row)
        if row[:3] == ["session", session.pk, "title"]:
            row[ar] = "مناطق محمية لـ30% من الكوكب"
        filled.append(row)

    preview = client.post(f"/admin/workspace/{summit.pk}/translations/import/", {"file": xlsx([header, *filled])})
    outcome = preview.context["outcome"]
    assert outcome.ok and [(c[1].name, c[3], c[4], c[6]) for c in outcome.changes] == [
        ("session", "title", "ar", "مناطق محمية لـ30% من الكوكب")]
    session.refresh_from_db()
    assert session.title_ar == ""  # a preview writes nothing

    done = client.post(f"/admin/workspace/{summit.pk}/translations/import/", {"token": preview.context["token"]})
    assert done.status_code == 302
    session.refresh_from_db()
    assert session.title_ar == "مناطق محمية لـ30% من الكوكب"
    programme_page = client.get(f"/ar/{page.slug}/programme/")
    assert "مناطق محمية لـ30% من الكوكب" in programme_page.content.decode()


def test_a_row_of_another_summit_refuses_the_whole_sheet(client, manager, summit, other_summit, programme):
    _theme, session = programme
    foreign = SessionFactory(summit=other_summit, title="Kunming opening")
    header = ["kind", "id", "field", "text_en", "text_fr", "text_es", "text_ar", "text_zh_hans", "text_ru"]
    rows = [header,
            ["session", session.pk, "title", session.title, "", "", "عنوان", "", ""],
            ["session", foreign.pk, "title", foreign.title, "", "", "مخترق", "", ""],
            ["session", session.pk, "slug", "", "x", "", "", "", ""],
            ["nonsense", 1, "title", "", "x", "", "", "", ""]]
    response = client.post(f"/admin/workspace/{summit.pk}/translations/import/", {"file": xlsx(rows)})
    errors = [(row, column) for row, column, _message in response.context["outcome"].errors]
    assert errors == [(3, "id"), (4, "field"), (5, "kind")]
    assert response.context["token"] == ""
    session.refresh_from_db()
    foreign.refresh_from_db()
    assert not session.title_ar and not foreign.title_ar


def test_a_reviewer_may_translate_commitments_but_not_the_programme(client, summit, programme):
    _theme, session = programme
    client.force_login(member(summit, role="commitments_reviewer"))
    header, rows = sheet(client.get(f"/admin/workspace/{summit.pk}/translations/export.xlsx"))
    assert all(row[0] not in ("session", "theme", "summit") for row in rows)
    sheet_rows = [list(header), ["session", session.pk, "title", "", "", "", "عنوان", "", ""]]
    response = client.post(f"/admin/workspace/{summit.pk}/translations/import/", {"file": xlsx(sheet_rows)})
    assert [(row, column) for row, column, _m in response.context["outcome"].errors] == [(2, "kind")]


def test_another_summits_team_is_refused(client, summit, other_summit, programme):
    client.force_login(member(other_summit, role="manager"))
    for url in (f"/admin/workspace/{summit.pk}/translations/", f"/admin/workspace/{summit.pk}/translations/export.xlsx"):
        assert denied(client.get(url)), url
    assert denied(client.post(f"/admin/workspace/{summit.pk}/translations/import/",
                              {"file": xlsx([["kind", "id", "field"]])}))


def test_a_file_that_is_not_a_spreadsheet_gets_a_clear_error(client, manager, summit):
    upload = io.BytesIO(b"not a spreadsheet")
    upload.name = "x.xlsx"
    response = client.post(f"/admin/workspace/{summit.pk}/translations/import/", {"file": upload})
    assert response.context["outcome"].errors[0][0] == 1 and "XLSX" in response.context["outcome"].errors[0][2]
