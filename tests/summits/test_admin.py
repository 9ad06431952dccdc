"""The organisers' back office: permissions, forms in several languages, clear errors."""

import pytest
from core.permissions import Role, roles_of
from summits.models import Session, SessionSpeaker, Summit
from tests.summits.factories import (
    RoomFactory, SessionFactory, SessionSpeakerFactory, SpeakerFactory, SummitFactory, UserFactory, local, organiser,
)

pytestmark = pytest.mark.django_db

LANGS = ["en", "fr", "es", "ar", "zh_hans", "ru"]


def session_form(summit, **overrides):
    data = {
        "summit": summit.pk, "kind": "plenary", "theme": "", "room": "", "start": "2030-01-11 09:00",
        "end": "2030-01-11 10:00", "capacity": "", "is_published": "on", "slug": "",
        "speaker_roles-TOTAL_FORMS": "0", "speaker_roles-INITIAL_FORMS": "0",
        "speaker_roles-MIN_NUM_FORMS": "0", "speaker_roles-MAX_NUM_FORMS": "1000",
    }
    for code in LANGS:
        data[f"title_{code}"] = ""
        data[f"description_{code}"] = ""
    data.update(overrides)
    return data


def test_summit_manager_has_summit_permissions_but_not_user_management():
    user = organiser(summits=[SummitFactory()])
    granted = {perm for perm in ("wagtailadmin.access_admin", "summits.add_session", "summits.change_summit",
                                 "summits.delete_room", "summits.view_speaker") if user.has_perm(perm)}
    assert len(granted) == 5
    assert not any(user.has_perm(perm) for perm in ("auth.add_user", "auth.change_user", "auth.change_group",
                                                     "auth.add_permission"))


def test_user_without_a_team_has_no_admin_access():
    assert not UserFactory().has_perm("wagtailadmin.access_admin")


def test_organiser_can_create_a_summit_in_two_languages_and_manages_it(client):
    user = organiser(summits=[SummitFactory()])
    client.force_login(user)
    data = {
        "slug": "landscapes-forum", "start_date": "2030-06-02", "end_date": "2030-06-04", "timezone": "Africa/Nairobi",
        "country": "KE", "status": "draft", "languages": ["en", "fr"], "registration_opens": "",
        "registration_closes": "", "capacity": "", "retention_days": "365", "colour": "#123456",
        "signatory_name": "", "signatory_title": "",
    }
    for field in ("title", "tagline", "description", "city", "venue"):
        for code in LANGS:
            data[f"{field}_{code}"] = ""
    data.update(title_en="Landscapes Forum", title_fr="Forum des paysages", city_en="Nairobi", city_fr="Nairobi")
    response = client.post("/admin/summits/summits/new/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    summit = Summit.objects.get(slug="landscapes-forum")
    assert (summit.title_en, summit.title_fr, summit.languages) == ("Landscapes Forum", "Forum des paysages", ["en", "fr"])
    assert roles_of(user, summit) == [Role.MANAGER]
    assert summit.collection is not None


def test_clashing_session_shows_the_error_next_to_the_room(client):
    summit = SummitFactory(slug="ops")
    room = RoomFactory(summit=summit, name="Seine Room")
    SessionFactory(summit=summit, room=room, title="Finance panel", start=local(summit, 0, 9), end=local(summit, 0, 10))
    client.force_login(organiser(summits=[summit]))
    response = client.post(
        "/admin/summits/sessions/new/",
        session_form(summit, room=room.pk, title_en="Clash", title_fr="Conflit", start="2030-01-11 09:30",
                     end="2030-01-11 10:30"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["room"][0].startswith("This room already hosts “Finance panel” from")
    assert not Session.objects.filter(title_en="Clash").exists()


def test_session_times_are_typed_in_the_summit_time_zone(client):
    summit = SummitFactory(timezone="America/Toronto", start_date="2030-01-13", end_date="2030-01-15")
    client.force_login(organiser(summits=[summit]))
    response = client.post(
        "/admin/summits/sessions/new/",
        session_form(summit, title_en="Welcome", start="2030-01-13 09:00", end="2030-01-13 09:45"),
    )
    assert response.status_code == 302, response.context["form"].errors
    session = Session.objects.get(title_en="Welcome")
    assert session.local_start.strftime("%H:%M") == "09:00"
    assert session.start.isoformat() == "2030-01-13T14:00:00+00:00"


def test_speaker_in_two_sessions_at_once_is_refused_on_the_speaker_row(client):
    summit = SummitFactory()
    speaker = SpeakerFactory(given_name="Karim", family_name="Benali")
    SessionSpeakerFactory(
        speaker=speaker,
        session=SessionFactory(summit=summit, title="Great Green Wall", start=local(summit, 0, 9), end=local(summit, 0, 10)),
    )
    client.force_login(organiser(summits=[summit]))
    data = session_form(summit, title_en="Overlap", start="2030-01-11 09:30", end="2030-01-11 10:30")
    data.update({"speaker_roles-TOTAL_FORMS": "1", "speaker_roles-0-speaker": speaker.pk,
                 "speaker_roles-0-role": "speaker", "speaker_roles-0-ORDER": "1", "speaker_roles-0-id": "",
                 "speaker_roles-0-DELETE": ""})
    response = client.post("/admin/summits/sessions/new/", data)
    assert response.status_code == 200
    row = response.context["form"].formsets["speaker_roles"].forms[0]
    assert row.errors["speaker"][0].startswith("Karim Benali is already in “Great Green Wall” from")
    assert not SessionSpeaker.objects.filter(session__title_en="Overlap").exists()


def test_organiser_sees_only_the_summits_they_are_given(client):
    mine, theirs = SummitFactory(title="Mine"), SummitFactory(title="Theirs")
    SessionFactory(summit=mine, title="My session")
    other = SessionFactory(summit=theirs, title="Their session")
    client.force_login(organiser(summits=[mine]))
    listing = client.get("/admin/summits/sessions/")
    titles = [s.title for s in listing.context["object_list"]]
    assert titles == ["My session"]
    refused = client.get(f"/admin/summits/sessions/edit/{other.pk}/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's "permission denied"
    summits = [s.title for s in client.get("/admin/summits/summits/").context["object_list"]]
    assert summits == ["Mine"]


def test_django_admin_is_for_superusers_only(client):
    client.force_login(organiser())
    response = client.get("/django-admin/")
    assert response.status_code == 302 and "/django-admin/login/" in response["Location"]
    client.force_login(UserFactory(is_staff=True))  # staff, but not a superuser
    assert client.get("/django-admin/").status_code == 302
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/django-admin/").status_code == 200


def test_anonymous_visitors_cannot_reach_the_back_office(client):
    response = client.get("/admin/summits/sessions/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_import_preview_then_confirm_in_the_admin(client):
    summit = SummitFactory(slug="ops")
    client.force_login(organiser(summits=[summit]))
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("themes.csv", b"summit,slug,title_en,title_fr\nops,oceans,Oceans,Oc\xc3\xa9ans\n")
    preview = client.post("/admin/plenary/import/themes/", {"file": upload})
    assert preview.status_code == 200
    assert preview.context["report"].totals == {"new": 1, "update": 0, "skip": 0}
    assert not summit.themes.exists()
    token = preview.context["token"]
    done = client.post("/admin/plenary/import/themes/confirm/", {"token": token})
    assert done.status_code == 302
    assert list(summit.themes.values_list("title_fr", flat=True)) == ["Océans"]
    again = client.post("/admin/plenary/import/themes/confirm/", {"token": token}, follow=True)
    assert "expired or was already applied" in again.content.decode()


def test_import_preview_shows_row_errors_and_offers_no_confirm(client):
    client.force_login(organiser(summits=[SummitFactory(slug="ops")]))
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("themes.csv", b"summit,slug,title_en\nops,a,A\nnope,b,B\n")
    response = client.post("/admin/plenary/import/themes/", {"file": upload})
    assert response.context["token"] is None
    assert "Row 3, column “summit”: No summit has the slug “nope”." in response.content.decode()


def test_session_form_offers_only_the_organiser_summits_themes_and_rooms(client):
    from tests.summits.factories import ThemeFactory

    mine, theirs = SummitFactory(title="Mine"), SummitFactory(title="Theirs")
    ThemeFactory(summit=mine, title="Oceans"), ThemeFactory(summit=theirs, title="Forests")
    RoomFactory(summit=mine, name="Seine"), RoomFactory(summit=theirs, name="Hall")
    client.force_login(organiser(summits=[mine]))
    form = client.get("/admin/summits/sessions/new/").context["form"]
    assert [str(s) for s in form.fields["summit"].queryset] == ["Mine"]
    assert [str(t) for t in form.fields["theme"].queryset] == ["Oceans"]
    assert [str(r) for r in form.fields["room"].queryset] == ["Seine"]
