"""Issue #9, "done when": a content editor of summit A uploads an image into A's collection, puts it on
A's page and publishes it, and cannot open or publish B's pages; check-in staff can only check in."""

import io

import pytest
from PIL import Image as PILImage
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.models import Image
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from core import teams
from core.permissions import Role
from summits import services as summit_services
from tests.cms import factories as cms
from tests.registrations.factories import RegistrationFactory, open_summit
from tests.summits.factories import member

pytestmark = pytest.mark.django_db


def png(name="forest.png"):
    out = io.BytesIO()
    PILImage.new("RGB", (64, 48), (20, 120, 40)).save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def edit_form(client, url, **streams):
    """The page's edit form as the browser would post it (StreamFields, drawn by JavaScript, given here)."""
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    for name in ("body", "practical"):
        for key, value in nested_form_data({name: streams.get(name, streamfield([]))}).items():
            data[key] = value
    return data


@pytest.fixture
def summits():
    a, b = open_summit(title="Alpha Summit", slug="alpha"), open_summit(title="Bravo Summit", slug="bravo")
    for summit in (a, b):
        summit_services.ensure_collection(summit)
    home = cms.home_page()
    pages = {"a": cms.summit_page(home, a, title="Alpha"), "b": cms.summit_page(home, b, title="Bravo")}
    teams.sync(a)
    teams.sync(b)
    return a, b, pages


def test_a_content_editor_illustrates_and_publishes_their_summit_page_only(client, summits):
    a, b, pages = summits
    editor = member(a, role=Role.CONTENT_EDITOR)
    teams.sync(a)
    client.force_login(editor)

    # Upload an image: A's collection is the only one the editor may add to (Wagtail then shows no
    # collection field at all), and the image lands there, even when the form names B's collection.
    form = client.get("/admin/images/add/").context["form"]
    assert "collection" not in form.fields
    response = client.post("/admin/images/add/", {"title": "Restored forest", "file": png(), "tags": ""})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    image = Image.objects.get(title="Restored forest")
    assert image.collection_id == a.collection_id
    client.post("/admin/images/add/", {"title": "Elsewhere", "file": png("b.png"), "collection": b.collection_id,
                                       "tags": ""})
    assert Image.objects.get(title="Elsewhere").collection_id == a.collection_id
    assert not Image.objects.filter(collection=b.collection).exists()

    # Put it on A's page (its sharing image) and publish, through the page's own edit form.
    edit_url = f"/admin/pages/{pages['a'].pk}/edit/"
    data = edit_form(client, edit_url, body=streamfield([
        ("image", {"image": str(image.pk), "alt": "Restored forest in the Sahel", "caption": "", "credit": ""})]))
    data["social_image"] = str(image.pk)
    data["action-publish"] = "action-publish"
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = pages["a"].specific
    page.refresh_from_db()
    assert (page.social_image_id, page.body[0].value["image"].pk, page.live, page.has_unpublished_changes) == (
        image.pk, image.pk, True, False)
    public = client.get(page.url)
    assert public.status_code == 200 and "Restored forest in the Sahel" in public.content.decode()

    # B's page: neither its edit form nor a publication.
    b_edit = f"/admin/pages/{pages['b'].pk}/edit/"
    assert client.get(b_edit).status_code in (302, 403)
    stolen = edit_form(client, edit_url)
    stolen["title"] = "Taken over"
    stolen["slug"] = "bravo"
    stolen["summit"] = str(b.pk)
    stolen["action-publish"] = "action-publish"
    response = client.post(b_edit, stolen)
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    pages["b"].refresh_from_db()
    assert (pages["b"].title, pages["b"].latest_revision.content["title"]) == ("Bravo", "Bravo")


def test_check_in_staff_can_only_check_in(client, summits):
    from core.signing import checkin_token

    a, _b, pages = summits
    staff = member(a, role=Role.CHECKIN)
    participant = RegistrationFactory(summit=a, given_name="Amina", family_name="Diallo")
    client.force_login(staff)
    home = client.get("/admin/")
    assert (home.status_code, home["Location"]) == (302, "/admin/registrations/checkin/")
    screen = client.get("/admin/registrations/checkin/", follow=True)
    assert screen.status_code == 200 and screen.request["PATH_INFO"] == f"/admin/registrations/checkin/{a.pk}/"
    done = client.post(f"/admin/registrations/checkin/{a.pk}/", {"code": checkin_token(participant.reference, a.pk)})
    assert done.status_code == 200 and done.context["result"].ok
    participant.refresh_from_db()
    assert participant.checked_in_at is not None
    for elsewhere in ("/admin/registrations/participants/", f"/admin/pages/{pages['a'].pk}/edit/",
                      "/admin/images/", "/admin/summits/summits/", "/admin/reports/site-history/",
                      "/admin/choose-page/", "/admin/plenary/documents/"):
        assert client.get(elsewhere).status_code == 403, elsewhere
