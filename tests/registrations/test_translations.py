"""Registration emails go out in the participant's language (the catalogue itself: tests/test_translations.py)."""

import pytest
from django.core import mail

from registrations import emails

from .factories import RegistrationFactory

@pytest.mark.parametrize("lang, expected", [
    ("ar", "تم استلام التسجيل"), ("fr", "inscription reçue"), ("zh-hans", "已收到注册"), ("ru", "регистрация получена"),
    ("es", "inscripción recibida"),
])
@pytest.mark.django_db
def test_confirmation_email_subject_in_the_participant_language(lang, expected, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(preferred_language=lang, status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        emails.queue(registration, "received")
    assert expected in mail.outbox[0].subject
