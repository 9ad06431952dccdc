"""Issue #11: the admin in French reads French — yes/no columns as words (not Python's True/False), the
registration history in words (not codes), every column labelled; exports write yes/no in the
organiser's language and the imports read them back."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from wagtail.users.models import UserProfile

from registrations import services
from tests.registrations.factories import CategoryFactory, InvitationFactory, RegistrationFactory, open_summit
from tests.summits.factories import RoomFactory, organiser

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_organiser(client):
    summit = open_summit(slug="one-planet-biodiversity")
    user = organiser(summits=[summit])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(user)
    return user, summit


def visible_text(response):
    soup = BeautifulSoup(response.content, "html.parser")
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    return (soup.select_one("main") or soup).get_text(" ", strip=True)


def test_yes_no_columns_read_in_french(client, french_organiser):
    _user, summit = french_organiser
    RoomFactory(summit=summit, name="Salle Bleue", accessible=True)
    RoomFactory(summit=summit, name="Salle Verte", accessible=False)
    response = client.get("/admin/summits/rooms/")
    assert response.status_code == 200
    text = visible_text(response)
    assert "Salle Bleue" in text
    assert "True" not in text.split() and "False" not in text.split()
    assert "Oui" in text and "Non" in text


def test_room_export_writes_oui_non_and_the_import_reads_them_back(client, french_organiser):
    from core import importing

    user, summit = french_organiser
    RoomFactory(summit=summit, name="Salle Bleue", accessible=True)
    response = client.get("/admin/summits/rooms/?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [row["accessible"] for row in rows] == ["Oui"]
    widget = importing.WordedBooleanWidget()
    assert (widget.clean("Oui"), widget.clean("non"), widget.clean("是"), widget.clean("нет")) == (True, False, True, False)
    with pytest.raises(ValueError, match="yes or no"):
        widget.clean("peut-être")


def test_registration_history_in_words(client, french_organiser):
    user, summit = french_organiser
    registration = RegistrationFactory(summit=summit, category=CategoryFactory(summit=summit), status="pending")
    services.change_status(registration.pk, "approve", actor=user)
    response = client.get(f"/admin/registrations/participants/{registration.pk}/")
    assert response.status_code == 200
    rows = [[td.get_text(strip=True) for td in tr.select("td")]
            for tr in BeautifulSoup(response.content, "html.parser").select("table tbody tr") if tr.select("td")]
    approval = next(row for row in rows if "approbation" in row)
    assert approval[2:5] == ["approbation", "En attente d’examen", "Approuvée"], approval
    text = visible_text(response)
    for code in (" approve ", " pending ", " approved "):
        assert code not in f" {text} "


def test_invitation_link_column_is_labelled_in_french(client, french_organiser):
    _user, summit = french_organiser
    InvitationFactory(category=CategoryFactory(summit=summit, invitation_only=True))
    response = client.get("/admin/invitation/")
    headers = [th.get_text(strip=True) for th in BeautifulSoup(response.content, "html.parser").select("thead th")]
    assert "Lien personnel" in headers, headers
    assert "Link" not in headers
