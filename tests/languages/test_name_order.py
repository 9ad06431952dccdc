"""Issue #11: a participant (or speaker) says how their name is written — given name first or family
name first — and that choice is used on badges, pages and emails; without a choice, names in Chinese,
Japanese or Korean characters and Chinese-speaking participants get the family name first."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from registrations import documents
from registrations.models import Registration
from tests.pdf.helpers import text
from tests.registrations.factories import CategoryFactory, RegistrationFactory, form_data, open_summit

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    return CategoryFactory(summit=open_summit(), quota=10)


def register(client, category, **fields):
    with translation.override("en"):
        url = reverse("registrations:register", kwargs={"summit_slug": category.summit.slug})
    response = client.post(url, form_data(category, **fields))
    assert response.status_code == 302, response.content.decode()[:3000]
    return Registration.objects.get(email=fields.get("email", "amina.diallo@example.org"))


@pytest.mark.parametrize("order, language, expected", [
    ("family_first", "en", "Zhang Wei"),      # the participant says so, in a Latin script
    ("", "en", "Wei Zhang"),                  # no choice, English speaker: given name first
    ("", "zh-hans", "Zhang Wei"),             # no choice, Chinese speaker: family name first
    ("given_first", "zh-hans", "Wei Zhang"),  # the participant's choice wins over the language's habit
])
def test_the_choice_reaches_the_email_and_the_badge(client, category, order, language, expected):
    registration = register(client, category, honorific="", given_name="Wei", family_name="Zhang", name_order=order,
                            preferred_language=language)
    assert registration.name_order == order
    with translation.override(language):
        assert registration.full_name == expected
    assert expected in mail.outbox[-1].body
    badge = text(documents.render_badge(documents.badge_data_for(registration)))
    assert expected in re.sub(r"\s+", " ", badge), badge


def test_chinese_characters_print_family_name_first_without_a_space(category):
    registration = RegistrationFactory(category=category, summit=category.summit, given_name="小明", family_name="王")
    badge = text(documents.render_badge(documents.badge_data_for(registration, "zh-hans")))
    assert "王小明" in badge.replace("\n", "")


def test_a_bad_choice_is_refused_in_the_participants_language(client, category):
    with translation.override("fr"):
        url = reverse("registrations:register", kwargs={"summit_slug": category.summit.slug})
    response = client.post(url, form_data(category, name_order="middle_first"))
    assert response.status_code == 200
    assert not Registration.objects.exists()
    assert "Sélectionnez un choix valide" in response.content.decode()


def test_the_form_offers_the_choice_in_six_languages(client, category):
    for code in ("en", "fr", "es", "ar", "zh-hans", "ru"):
        with translation.override(code):
            url = reverse("registrations:register", kwargs={"summit_slug": category.summit.slug})
        page = client.get(url).content.decode()
        assert 'name="name_order"' in page, code
        if code != "en":
            assert "Given name first (Amélie Durand)" not in page, code


def test_a_speaker_who_writes_family_name_first_is_shown_so_on_the_programme(client):
    from summits.models import Speaker

    speaker = Speaker(given_name="Wei", family_name="Zhang", name_order="family_first")
    with translation.override("fr"):
        assert speaker.full_name == "Zhang Wei"
    speaker.name_order = ""
    with translation.override("fr"):
        assert speaker.full_name == "Wei Zhang"
