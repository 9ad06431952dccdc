"""Spreadsheet imports: preview, all-or-nothing, errors naming row and column, round trip."""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from core import importing
from summits.models import Organisation, Room, Session, Theme
from tests.summits.factories import RoomFactory, SessionFactory, SummitFactory, ThemeFactory, local

pytestmark = pytest.mark.django_db

SESSION_HEADER = "summit,slug,title_en,title_fr,kind,theme,room,start,end,capacity\n"


def run(kind, text, filename="data.csv", dry_run=False):
    dataset = importing.read_dataset(text.encode("utf-8"), filename)
    return importing.run_import(importing.registry()[kind], dataset, dry_run=dry_run)


@pytest.fixture
def summit():
    summit = SummitFactory(slug="ops", timezone="Europe/Paris")
    ThemeFactory(summit=summit, slug="finance", title="Finance")
    RoomFactory(summit=summit, name="Seine Room")
    return summit


def test_sessions_import_with_local_times(summit):
    report = run("sessions", SESSION_HEADER + "ops,opening,Opening,Ouverture,opening,finance,Seine Room,"
                 "2030-01-11 09:00,2030-01-11 09:45,\n")
    assert report.ok, [str(e) for e in report.errors]
    session = Session.objects.get(slug="opening")
    assert (session.title_en, session.title_fr, session.theme.slug, session.room.name) == (
        "Opening", "Ouverture", "finance", "Seine Room")
    assert session.local_start.strftime("%Y-%m-%d %H:%M") == "2030-01-11 09:00"
    assert report.totals == {"new": 1, "update": 0, "skip": 0}


def test_dry_run_writes_nothing(summit):
    report = run("sessions", SESSION_HEADER + "ops,opening,Opening,,plenary,,,2030-01-11 09:00,2030-01-11 10:00,\n",
                 dry_run=True)
    assert report.ok and report.totals["new"] == 1
    assert Session.objects.count() == 0


def test_one_bad_row_means_nothing_is_written(summit):
    text = SESSION_HEADER + (
        "ops,a,First,,plenary,,,2030-01-11 09:00,2030-01-11 10:00,\n"
        "ops,b,Second,,plenary,,,2030-01-11 11:00,2030-01-11 10:00,\n"
        "ops,c,Third,,plenary,,,2030-01-11 12:00,2030-01-11 13:00,\n"
    )
    report = run("sessions", text)
    assert [str(e) for e in report.errors] == ["Row 3, column “end”: A session must end after it starts."]
    assert Session.objects.count() == 0


def test_clash_between_two_rows_of_the_same_file_is_caught(summit):
    text = SESSION_HEADER + (
        "ops,a,First,,plenary,,Seine Room,2030-01-11 09:00,2030-01-11 10:00,\n"
        "ops,b,Second,,plenary,,Seine Room,2030-01-11 09:30,2030-01-11 10:30,\n"
    )
    report = run("sessions", text)
    assert len(report.errors) == 1
    assert report.errors[0].line == 3 and report.errors[0].field == "room"
    assert report.errors[0].message.startswith("This room already hosts “First”")
    assert Session.objects.count() == 0


def test_errors_name_row_and_column_for_each_bad_value(summit):
    text = SESSION_HEADER + (
        "nope,a,First,,plenary,,,2030-01-11 09:00,2030-01-11 10:00,\n"
        "ops,b,Second,,dance,,,2030-01-11 09:00,2030-01-11 10:00,\n"
        "ops,c,Third,,plenary,unknown-theme,,2030-01-11 09:00,2030-01-11 10:00,\n"
        "ops,d,Fourth,,plenary,,,tomorrow,2030-01-11 10:00,\n"
        "ops,e,Fifth,,plenary,,,2030-01-11 09:00,2030-01-11 10:00,many\n"
    )
    report = run("sessions", text)
    found = {(e.line, e.field) for e in report.errors}
    assert {(2, "summit"), (3, "kind"), (4, "theme"), (5, "start"), (6, "capacity")} <= found
    messages = {e.field: e.message for e in report.errors}
    assert messages["summit"] == "No summit has the slug “nope”."
    assert messages["kind"].startswith("“dance” is not a valid choice.")
    assert messages["theme"] == "“unknown-theme” is not a theme of the summit “ops”."
    assert Session.objects.count() == 0


def test_a_theme_of_another_summit_is_not_found(summit):
    other = SummitFactory(slug="other")
    ThemeFactory(summit=other, slug="health")
    report = run("sessions", SESSION_HEADER + "ops,a,First,,plenary,health,,2030-01-11 09:00,2030-01-11 10:00,\n")
    assert [(e.field, e.message) for e in report.errors] == [("theme", "“health” is not a theme of the summit “ops”.")]


def test_unknown_columns_are_refused_before_any_row(summit):
    report = run("themes", "summit,slug,title_en,colour_of_sky\nops,x,X,blue\n")
    assert report.errors[0].message.startswith("Unknown columns: colour_of_sky.")
    assert Theme.objects.filter(slug="x").count() == 0


def test_importing_an_existing_row_updates_it(summit):
    run("themes", "summit,slug,title_en,title_fr\nops,finance,Financing,Financer\n")
    theme = Theme.objects.get(summit=summit, slug="finance")
    assert (theme.title_en, theme.title_fr) == ("Financing", "Financer")
    assert Theme.objects.filter(summit=summit).count() == 1


def test_organisations_and_rooms_import(summit):
    report = run("organisations", "name,name_fr,acronym,kind,country\nWorld Bank,Banque mondiale,WB,finance,US\n"
                 "Sahara and Sahel Observatory,,OSS,Intergovernmental organisation,Tunisia\n")
    assert report.ok, [str(e) for e in report.errors]
    oss = Organisation.objects.get(acronym="OSS")
    assert (oss.kind, oss.country.code) == ("igo", "TN")
    report = run("rooms", "summit,name,name_fr,capacity\nops,Plenary Hall,Salle plénière,300\n")
    assert report.ok
    assert Room.objects.get(name_en="Plenary Hall").capacity == 300


def test_bad_country_is_reported(summit):
    report = run("organisations", "name,kind,country\nSomeone,ngo,Atlantis\n")
    assert [(e.line, e.field) for e in report.errors] == [(2, "country")]


def test_unreadable_files_get_a_clear_message():
    with pytest.raises(importing.ImportFileError, match="not UTF-8"):
        importing.read_dataset("summit,slug\nops,é\n".encode("latin-1"), "x.csv")
    with pytest.raises(importing.ImportFileError, match="could not be read"):
        importing.read_dataset(b"not a zip", "x.xlsx")
    with pytest.raises(importing.ImportFileError, match="no data rows"):
        importing.read_dataset(b"summit,slug\n", "x.csv")
    with pytest.raises(importing.ImportFileError, match="Unsupported file type"):
        importing.read_dataset(b"x", "x.pdf")


def test_xlsx_export_of_sessions_imports_back_unchanged(summit, admin_client):
    room = Room.objects.get(summit=summit)
    SessionFactory(summit=summit, slug="opening", title_en="Opening", title_fr="Ouverture", room=room,
                   start=local(summit, 0, 9), end=local(summit, 0, 10), capacity=50)
    response = admin_client.get("/admin/summits/sessions/?export=xlsx")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    languages = ["en", "fr", "es", "ar", "zh_hans", "ru"]
    assert rows[0] == ["summit", "slug", *[f"title_{code}" for code in languages],
                       *[f"description_{code}" for code in languages], "kind", "theme", "room", "start", "end",
                       "capacity", "languages", "is_published"]
    assert rows[1][:4] == ["ops", "opening", "Opening", "Ouverture"]
    # Edit the French title in the "spreadsheet" and import it back.
    sheet.cell(row=2, column=4).value = "Séance d'ouverture"
    buffer = io.BytesIO()
    sheet.parent.save(buffer)
    report = importing.run_import(
        importing.registry()["sessions"], importing.read_dataset(buffer.getvalue(), "sessions.xlsx"), dry_run=False
    )
    assert report.ok, [str(e) for e in report.errors]
    assert report.totals == {"new": 0, "update": 1, "skip": 0}
    session = Session.objects.get(slug="opening")
    assert session.title_fr == "Séance d'ouverture"
    assert session.local_start.strftime("%H:%M") == "09:00" and session.capacity == 50


def test_management_command_imports_and_fails_loudly(summit, tmp_path, capsys):
    good = tmp_path / "themes.csv"
    good.write_text("summit,slug,title_en\nops,oceans,Oceans\n", encoding="utf-8")
    call_command("import_records", "themes", str(good))
    assert "Imported: 1 new" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("summit,slug,title_en\nops,a,A\nmissing,b,B\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing was imported: 1 error"):
        call_command("import_records", "themes", str(bad))
    assert not Theme.objects.filter(slug="a").exists()
