"""The registrations catalogue is complete in the six languages and used for emails."""

import re
from pathlib import Path

import pytest
from django.core import mail

from registrations.emails import send_registration_email

from .factories import RegistrationFactory

LOCALE = Path(__file__).resolve().parents[2] / "registrations" / "locale"


def entries(po):
    text = po.read_text(encoding="utf-8")
    for block in text.split("\n\n")[1:]:
        msgid = "".join(re.findall(r'"(.*)"', block.split("msgstr")[0]))
        msgstr = "".join(re.findall(r'"(.*)"', block.split("msgstr", 1)[1]))
        yield msgid, msgstr, "#, fuzzy" in block


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar", "zh_Hans", "ru"])
def test_catalogue_is_complete(lang):
    po = LOCALE / lang / "LC_MESSAGES" / "django.po"
    items = list(entries(po))
    assert len(items) > 250
    assert [m for m, s, _f in items if not s] == []
    assert [m for m, _s, fuzzy in items if fuzzy] == []


@pytest.mark.parametrize("lang, expected", [
    ("ar", "تم استلام التسجيل"), ("fr", "inscription reçue"), ("zh-hans", "已收到注册"), ("ru", "регистрация получена"),
    ("es", "inscripción recibida"),
])
@pytest.mark.django_db
def test_confirmation_email_subject_in_the_participant_language(lang, expected):
    registration = RegistrationFactory(preferred_language=lang, status="pending")
    send_registration_email(registration.pk, "received")
    assert expected in mail.outbox[0].subject
