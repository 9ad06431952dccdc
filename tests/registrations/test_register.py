"""The public registration form: validation, capacity, duplicates and abuse."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from registrations.models import Registration
from core.signing import read_token

from .factories import CategoryFactory, InvitationFactory, RegistrationFactory, form_data, image_file, open_summit

pytestmark = pytest.mark.django_db


def url(summit, lang="en"):
    with translation.override(lang):
        return reverse("registrations:register", kwargs={"summit_slug": summit.slug})


@pytest.fixture
def category():
    return CategoryFactory(summit=open_summit(), quota=10)


def test_url_matches_the_agreed_interface(category):
    assert url(category.summit, "fr") == f"/fr/summits/{category.summit.slug}/register/"


def test_valid_registration_is_approved_and_answers_check_your_inbox(client, category):
    response = client.post(url(category.summit), form_data(category))
    registration = Registration.objects.get()
    assert registration.status == "approved"
    assert response.status_code == 302
    assert response["Location"] == f"/en/summits/{category.summit.slug}/register/sent/"
    assert "Check your inbox" in client.get(response["Location"]).content.decode()
    token = re.search(r"/fr/registration/([^/\s]+)/", mail.outbox[0].body).group(1)
    assert read_token("manage", token) == {"id": registration.pk}
    assert re.fullmatch(r"S-[2-9A-HJKMNP-Z]{6}", registration.reference)


def test_confirmation_email_is_in_the_preferred_language(client, category):
    client.post(url(category.summit), form_data(category, preferred_language="fr"))
    registration = Registration.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina.diallo@example.org"]
    assert registration.reference in message.subject
    assert "/fr/registration/" in message.body


def test_category_needing_approval_gives_pending(client, category):
    category.needs_approval = True
    category.save()
    client.post(url(category.summit), form_data(category))
    assert Registration.objects.get().status == "pending"


def test_full_category_waitlists_with_position(client, category):
    category.quota = 1
    category.save()
    RegistrationFactory(summit=category.summit, category=category)
    client.post(url(category.summit), form_data(category))
    registration = Registration.objects.get(email="amina.diallo@example.org")
    assert registration.status == "waitlisted"
    assert registration.waitlist_position() == 1


def test_summit_capacity_waitlists_even_when_category_has_room(client, category):
    category.summit.capacity = 1
    category.summit.save()
    RegistrationFactory(summit=category.summit, category=CategoryFactory(summit=category.summit))
    client.post(url(category.summit), form_data(category))
    assert Registration.objects.get(email="amina.diallo@example.org").status == "waitlisted"


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "amina@@example.org", "amina example@org.com"])
def test_malformed_email_is_refused_next_to_the_field(client, category, email):
    response = client.post(url(category.summit), form_data(category, email=email))
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("field", ["given_name", "family_name", "email", "nationality", "consent_privacy", "preferred_language"])
def test_missing_required_field_is_refused(client, category, field):
    response = client.post(url(category.summit), form_data(category, **{field: None}))
    assert field in response.context["form"].errors
    assert Registration.objects.count() == 0


def test_category_requiring_organisation_refuses_without_it(client, category):
    category.requires_organisation = True
    category.save()
    response = client.post(url(category.summit), form_data(category, organisation_name=""))
    assert "organisation_name" in response.context["form"].errors


def test_category_requiring_position_refuses_without_it(client, category):
    category.requires_position = True
    category.save()
    response = client.post(url(category.summit), form_data(category, position=""))
    assert response.context["form"].errors["position"] == ["This category requires your position."]


def test_category_requiring_photo_refuses_without_it(client, category):
    category.requires_photo = True
    category.save()
    response = client.post(url(category.summit), form_data(category))
    assert response.context["form"].errors["photo_upload"] == ["This category requires a badge photo."]


def test_letter_needs_passport_details(client, category):
    response = client.post(url(category.summit), form_data(category, needs_letter="on"))
    errors = response.context["form"].errors
    assert set(errors) == {"passport_number", "passport_expiry", "date_of_birth"}


def test_letter_with_expired_passport_is_refused(client, category):
    response = client.post(url(category.summit), form_data(
        category, needs_letter="on", passport_number="A123", passport_expiry="2020-01-01", date_of_birth="1980-05-01"))
    assert response.context["form"].errors["passport_expiry"] == ["This passport has expired."]


def test_passport_details_are_dropped_when_no_letter_is_needed(client, category):
    client.post(url(category.summit), form_data(category, passport_number="A123", passport_expiry="2031-01-01"))
    registration = Registration.objects.get()
    assert (registration.passport_number, registration.passport_expiry) == ("", None)


def test_photo_is_reencoded_as_jpeg(client, category):
    client.post(url(category.summit), {**form_data(category), "photo_upload": image_file("PNG", (3000, 2000))})
    registration = Registration.objects.get()
    from PIL import Image

    with Image.open(registration.photo.path) as image:
        assert image.format == "JPEG"
        assert max(image.size) == 800


def test_non_image_photo_is_refused(client, category):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = client.post(url(category.summit), {**form_data(category), "photo_upload": fake})
    assert response.context["form"].errors["photo_upload"] == ["This file is not an image. Upload a JPEG or PNG photo."]


def test_gif_photo_is_refused(client, category):
    response = client.post(url(category.summit), {**form_data(category), "photo_upload": image_file("GIF")})
    assert response.context["form"].errors["photo_upload"] == ["Upload a JPEG or PNG photo."]


def test_tiny_photo_is_refused(client, category):
    response = client.post(url(category.summit), {**form_data(category), "photo_upload": image_file("JPEG", (100, 120))})
    assert response.context["form"].errors["photo_upload"] == ["The photo is too small: at least 200 × 200 pixels."]


def test_oversized_photo_file_is_refused(client, category):
    from django.core.files.uploadedfile import SimpleUploadedFile

    big = SimpleUploadedFile("photo.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 10), content_type="image/jpeg")
    response = client.post(url(category.summit), {**form_data(category), "photo_upload": big})
    assert response.context["form"].errors["photo_upload"] == ["The photo is too large: at most 5 MB."]


def test_registration_before_the_window_is_refused(client):
    category = CategoryFactory(summit=open_summit(registration_opens=timezone.now() + dt.timedelta(days=2)))
    response = client.post(url(category.summit), form_data(category))
    assert response.status_code == 403
    assert "not open yet" in response.content.decode()
    assert Registration.objects.count() == 0


def test_registration_after_the_window_is_refused(client):
    category = CategoryFactory(summit=open_summit(
        registration_opens=timezone.now() - dt.timedelta(days=20), registration_closes=timezone.now() - dt.timedelta(days=1)))
    response = client.get(url(category.summit))
    assert "Registration for this summit is closed." in response.content.decode()


def test_draft_summit_has_no_form(client):
    category = CategoryFactory(summit=open_summit(status="draft"))
    assert client.get(url(category.summit)).status_code == 404


def test_unknown_category_is_refused(client, category):
    response = client.post(url(category.summit), form_data(category, category="999999"))
    assert "category" in response.context["form"].errors


def test_category_of_another_summit_is_refused(client, category):
    other = CategoryFactory(summit=open_summit())
    response = client.post(url(category.summit), form_data(other))
    assert "category" in response.context["form"].errors
    assert Registration.objects.count() == 0


def test_invitation_only_category_needs_a_code(client, category):
    invited = CategoryFactory(summit=category.summit, invitation_only=True, invitation_code="BIODIV21")
    response = client.post(url(category.summit), form_data(invited))
    assert response.context["form"].errors["invitation_code"] == [
        "This category is by invitation only: enter your invitation code."]


def test_wrong_invitation_code_is_refused(client, category):
    invited = CategoryFactory(summit=category.summit, invitation_only=True, invitation_code="BIODIV21")
    response = client.post(url(category.summit), form_data(invited, invitation_code="GUESS"))
    assert response.context["form"].errors["invitation_code"] == ["This invitation code is not valid for this category."]


def test_right_invitation_code_is_accepted_case_insensitively(client, category):
    invited = CategoryFactory(summit=category.summit, invitation_only=True, invitation_code="BIODIV21")
    client.post(url(category.summit), form_data(invited, invitation_code="biodiv21"))
    assert Registration.objects.get().category == invited


def test_personal_invitation_link_registers_the_invited_email(client, category):
    invitation = InvitationFactory(category__summit=category.summit, email="minister@example.gov")
    target = f"{url(category.summit)}?invitation={invitation.token()}"
    client.post(target, form_data(invitation.category, email="minister@example.gov"))
    registration = Registration.objects.get()
    assert (registration.category, registration.invitation) == (invitation.category, invitation)


def test_personal_invitation_refuses_another_email(client, category):
    invitation = InvitationFactory(category__summit=category.summit, email="minister@example.gov")
    target = f"{url(category.summit)}?invitation={invitation.token()}"
    response = client.post(target, form_data(invitation.category, email="someone@else.org"))
    assert response.context["form"].errors["email"] == ["This invitation is for another email address."]


def test_tampered_invitation_link_gets_a_clear_page(client, category):
    response = client.get(f"{url(category.summit)}?invitation=abc:def")
    assert response.status_code == 400
    assert "This invitation link is damaged or has expired." in response.content.decode()


def test_second_registration_with_same_email_resends_the_link(client, category):
    first = client.post(url(category.summit), form_data(category))
    mail.outbox.clear()
    response = client.post(url(category.summit), form_data(category, email="AMINA.DIALLO@example.org", given_name="Other"))
    assert Registration.objects.count() == 1
    assert response["Location"] == first["Location"]  # answered exactly as a new registration
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina.diallo@example.org"]
    assert "le lien pour gérer votre inscription" in mail.outbox[0].subject  # in her language (French)


def test_duplicate_answer_reveals_nothing_about_the_registration(client, category):
    RegistrationFactory(summit=category.summit, category=category, email="amina.diallo@example.org",
                        given_name="Secret", family_name="Person")
    new = client.post(url(category.summit), form_data(category, email="someone.new@example.org"), follow=True)
    duplicate = client.post(url(category.summit), form_data(category), follow=True)
    body = duplicate.content.decode()
    assert "Secret" not in body and "Person" not in body and "/registration/" not in body
    assert duplicate.redirect_chain == new.redirect_chain
    strip = lambda html: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)  # noqa: E731
    assert strip(body) == strip(new.content.decode())


def test_same_email_may_register_for_another_summit(client, category):
    client.post(url(category.summit), form_data(category))
    other = CategoryFactory(summit=open_summit())
    client.post(url(other.summit), form_data(other))
    assert Registration.objects.count() == 2


def test_honeypot_filled_is_refused(client, category):
    response = client.post(url(category.summit), form_data(category, website="http://spam.example"))
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_rate_limit_per_client_address_keeps_the_typed_form(client, category, settings):
    settings.PLENARY_REGISTRATION_RATE = "2/3600"
    for i in range(2):
        client.post(url(category.summit), form_data(category, email=f"p{i}@example.org"))
    response = client.post(url(category.summit), form_data(category, email="p3@example.org", given_name="Ngozi"))
    assert response.status_code == 429
    assert Registration.objects.count() == 2
    body = response.content.decode()
    assert 'id="rate-limited"' in body
    assert 'value="Ngozi"' in body and 'value="p3@example.org"' in body  # nothing typed is lost


def test_form_in_arabic_is_right_to_left(client, category):
    response = client.get(url(category.summit, "ar"))
    assert 'dir="rtl"' in response.content.decode()
    assert 'lang="ar"' in response.content.decode()


def test_double_submit_gives_one_registration(client, category):
    first = client.post(url(category.summit), form_data(category))
    second = client.post(url(category.summit), form_data(category))
    assert first.status_code == 302 and second.status_code == 302
    assert Registration.objects.count() == 1


def test_rate_limit_behind_a_proxy_counts_each_client_apart(client, category, settings):
    settings.PLENARY_REGISTRATION_RATE = "1/3600"
    settings.PLENARY_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    client.post(url(category.summit), form_data(category, email="a@example.org"), HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.1")
    second = client.post(url(category.summit), form_data(category, email="b@example.org"), HTTP_X_FORWARDED_FOR="203.0.113.2")
    third = client.post(url(category.summit), form_data(category, email="c@example.org"), HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.2")
    assert (second.status_code, third.status_code) == (302, 429)
    assert Registration.objects.count() == 2
