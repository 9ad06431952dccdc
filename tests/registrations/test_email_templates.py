"""An organiser's broken email wording is refused when saved; one that still fails at send time is noted
on the outbox row and the default wording goes out instead (the registration itself never fails)."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from core import email_templates
from core.models import OutboxEmail
from registrations.models import EmailTemplate, Registration
from tests.summits.factories import organiser

from .factories import CategoryFactory, form_data, open_summit

pytestmark = pytest.mark.django_db
PLACEHOLDERS = EmailTemplate.PLACEHOLDERS


@pytest.mark.parametrize("text", [
    "Dear {{ name }}, your reference is {{ reference }}.",
    "{% if position %}You are number {{ position }}.{% else %}Welcome.{% endif %} {{ manage_url }}",
    "{{ name|upper }} {% firstof session summit %} {% comment %}note{% endcomment %}",
    "Plain text with a 100 % discount and a {brace}.",
])
def test_good_wordings_pass(text):
    assert email_templates.errors(text, PLACEHOLDERS) == []


@pytest.mark.parametrize("text, expected", [
    ("Dear {{ name ", "A placeholder or tag is not closed"),
    ("Dear {% if name", "A placeholder or tag is not closed"),
    ("{% if name %}unclosed", "This wording cannot be read"),
    ("{{ name|add }}", "This wording cannot be read"),
    ("{% load static %}{% static 'x' %}", "This wording cannot be read"),
    ('{% include "base.html" %}', "The tag {% include %} cannot be used in an email."),
    ("{% debug %}", "The tag {% debug %} cannot be used in an email."),
    ("{% now 'Y' %}", "The tag {% now %} cannot be used in an email."),
    ("Dear {{ nmae }}", "Unknown placeholder {{ nmae }}. Use: {{ name }}, {{ reference }}"),
    ("{% if pasition %}x{% endif %}", "Unknown placeholder {{ pasition }}."),
    ("{{ settings.SECRET_KEY }}", "Unknown placeholder {{ settings }}."),
])
def test_broken_wordings_are_refused_with_a_reason(text, expected):
    found = email_templates.errors(text, PLACEHOLDERS)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_the_admin_refuses_a_broken_template_next_to_its_field_in_french(client):
    from wagtail.users.models import UserProfile

    summit = open_summit()
    manager = organiser(summits=[summit])
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(manager)
    response = client.post(reverse("emailtemplate:add"), {
        "summit": summit.pk, "kind": "approved", "language": "fr",
        "subject": "Accréditation {{ reference }}", "body": "Bonjour {{ nom }},",
    })
    assert response.status_code == 200
    assert not EmailTemplate.objects.exists()
    soup = BeautifulSoup(response.content, "html.parser")
    errors = " ".join(e.get_text(" ", strip=True) for e in soup.select(".error-message, .w-field__errors"))
    assert "Espace réservé inconnu {{ nom }}" in errors, errors


def test_a_template_that_fails_at_send_time_is_noted_and_the_default_wording_sent(client, settings):
    settings.PLENARY_REGISTRATION_RATE = "1000/3600"
    category = CategoryFactory(summit=open_summit(), quota=10)
    # Saved before validation existed (or straight into the database): it cannot render.
    EmailTemplate.objects.create(summit=category.summit, kind="received", language="fr",
                                 subject="Inscription {{ reference", body='{% include "base.html" %}')
    response = client.post(reverse("registrations:register", kwargs={"summit_slug": category.summit.slug}),
                           form_data(category, preferred_language="fr"))
    assert response.status_code == 302
    registration = Registration.objects.get()
    row = OutboxEmail.objects.get()
    assert row.status == OutboxEmail.Status.SENT
    assert row.last_error.startswith("custom template failed (TemplateDoesNotExist")
    assert len(mail.outbox) == 1 and registration.reference in mail.outbox[0].subject
    assert "Inscription" not in mail.outbox[0].subject  # the default French wording
