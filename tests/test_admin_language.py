"""The admin speaks the organiser's language where the packages' own catalogues lag behind (issue #11).

Plenary's catalogues (locale/, consulted first) translate the strings Wagtail, wagtail-localize and
django-import-export leave in English; core/admin_strings.py lists them for extraction. These tests
ask Django's merged catalogues, as the admin does, so a catalogue regression fails them.
"""

import ast
import re
import sys
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

from core.management.commands.admin_strings import IDENTICAL

LANGUAGES = {"fr": "fr", "es": "es", "ar": "ar", "zh-hans": "zh_Hans", "ru": "ru"}
MODULE = Path(__file__).resolve().parent.parent / "core" / "admin_strings.py"

# A sample across the admin, users, images, documents, forms, wagtail-localize and import-export.
SAMPLE = [
    "Keyboard shortcuts",  # wagtail.admin
    "Privacy and access",
    "Schedule to publish",
    "%(user_name)s has unsaved changes",
    "A network error occurred",
    "Meta description is empty",
    "Toggle all change permissions",  # wagtail.users
    "Create API token",
    "admin theme",
    "Grid layout",  # wagtail.images
    "The document could not be created due to errors.",  # wagtail.documents
    "Can submit translations",  # wagtail.contrib.simple_translation
    "Use machine translation",  # wagtail_localize
    "Add a locale",  # wagtail_localize.locales
    "Value could not be parsed.",  # import_export
    "Some rows failed to validate",
]
PLURAL_SAMPLE = [
    ("Export %(len)s selected item.", "Export %(len)s selected items."),  # import_export
    ("Delete 1 user", "Delete %(counter)s users"),  # wagtail.users
    ("%(count)s image", "%(count)s images"),  # wagtail.images
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("msgid", SAMPLE)
def test_sample_admin_strings_are_translated(lang, msgid):
    with translation.override(lang):
        text = gettext(msgid)
    assert text != msgid
    assert ("%(user_name)s" in text) == ("%(user_name)s" in msgid)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("singular,plural", PLURAL_SAMPLE)
def test_sample_plural_admin_strings_are_translated(lang, singular, plural):
    if singular in IDENTICAL.get(LANGUAGES[lang], ()):
        pytest.skip("the same words in this language")
    with translation.override(lang):
        for n in (1, 2, 5, 11, 100):
            text = ngettext(singular, plural, n)
            assert text not in (singular, plural), (n, text)


def declared_strings():
    """(function, msgid, plural) of every call in the generated module, read without importing it."""
    found = []
    for node in ast.walk(ast.parse(MODULE.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if node.func.id == "gettext_noop":
                found.append((None, args[0], None))
            elif node.func.id == "ngettext_lazy":
                found.append((None, args[0], args[1]))
            elif node.func.id == "pgettext_lazy":
                found.append((args[0], args[1], None))
            elif node.func.id == "npgettext_lazy":
                found.append((args[0], args[1], args[2]))
    return found


def test_the_generated_module_lists_the_admin_strings():
    strings = declared_strings()
    assert len(strings) > 400
    assert (None, "Privacy and access", None) in strings


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_declared_admin_string_is_translated(lang):
    same_ok = IDENTICAL.get(LANGUAGES[lang], set())
    untranslated = []
    with translation.override(lang):
        for context, msgid, plural in declared_strings():
            if msgid in same_ok:
                continue
            if plural:
                texts = [
                    translation.npgettext(context, msgid, plural, n) if context else ngettext(msgid, plural, n)
                    for n in (1, 2, 5)
                ]
            else:
                texts = [translation.pgettext(context, msgid) if context else gettext(msgid)]
            if any(t in (msgid, plural) for t in texts):
                untranslated.append(msgid)
    assert untranslated == []


def test_the_generated_module_is_not_imported_at_run_time():
    # Its only reader is makemessages; the app (settings, URLconf, admin hooks) never loads it.
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - loads every URLconf and the admin's hooks
    assert "core.admin_strings" not in sys.modules


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("fr", ["Traduction", "Traduction simple", "Région"]),
        ("es", ["Traducción", "Traducción simple", "Región"]),
        ("ar", ["ترجمة", "ترجمة بسيطة", "لغة"]),
        ("zh-hans", ["翻译", "简单翻译", "区域"]),
        ("ru", ["Перевод", "Простой перевод", "Локаль"]),
    ],
)
def test_unnamed_third_party_models_have_translated_names(lang, expected):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.coreutils import get_content_type_label

    content_types = [
        ContentType(app_label="wagtail_localize", model="translation"),
        ContentType(app_label="simple_translation", model="simpletranslation"),
        ContentType(app_label="wagtailcore", model="locale"),
    ]
    with translation.override(lang):
        assert [get_content_type_label(c) for c in content_types] == expected
    with translation.override("en"):
        assert [c.name for c in content_types] == ["translation", "simple translation", "locale"]


def test_model_names_leave_migrations_alone():
    from wagtail.contrib.simple_translation.models import SimpleTranslation
    from wagtail.models import Locale
    from wagtail_localize.models import Translation

    for model in (Translation, SimpleTranslation, Locale):
        assert "verbose_name" not in model._meta.original_attrs


@pytest.mark.django_db
def test_group_permission_screen_names_the_models_in_the_language(admin_client):
    response = admin_client.get("/admin/groups/new/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    headings = re.findall(r"<h3>([^<]*)</h3>", response.content.decode())
    assert {"Traduction", "Traduction simple", "Région"} <= set(headings)
    assert not {"Translation", "Simple translation", "Locale"} & set(headings)
