"""The project catalogue (locale/) is complete in the six UN languages and safe to compile."""

import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w+)\}")


def catalogue(lang):
    return polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("lang", ["fr", "es", "ar", "zh_Hans", "ru"])
def test_every_string_is_translated_and_none_is_fuzzy(lang):
    po = catalogue(lang)
    assert len(po) > 800  # every app's strings live in this one catalogue
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("lang", ["fr", "es", "ar", "zh_Hans", "ru"])
def test_translations_keep_every_placeholder(lang):
    wrong = []
    for entry in catalogue(lang).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            # Plural forms may drop the number placeholder (e.g. "one error"), never a named one.
            found = sorted(PLACEHOLDER.findall(text))
            if [p for p in expected if p not in found and p[0] not in ("count", "counter", "n")]:
                wrong.append((entry.msgid, text))
    assert wrong == []


@pytest.mark.parametrize("lang", ["fr", "es", "ar", "zh_Hans", "ru"])
def test_plural_entries_have_as_many_forms_as_the_language(lang):
    po = catalogue(lang)
    forms = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    assert [e.msgid for e in po if e.msgid_plural and len(e.msgstr_plural) != forms] == []


def test_there_is_one_catalogue_per_language_and_no_app_catalogues():
    root = LOCALE.parent
    assert sorted(p.name for p in LOCALE.iterdir() if p.is_dir()) == ["ar", "en", "es", "fr", "ru", "zh_Hans"]
    assert sorted(str(p.relative_to(root)) for p in root.glob("*/locale")) == []


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar", "zh_Hans", "ru"])
def test_catalogue_passes_msgfmt_check(lang):
    """GNU msgfmt --check: every plural form keeps the placeholders its msgid_plural uses."""
    import shutil
    import subprocess
    from pathlib import Path

    if shutil.which("msgfmt") is None:
        pytest.skip("gettext's msgfmt is not installed")
    po = Path(__file__).resolve().parent.parent / "locale" / lang / "LC_MESSAGES" / "django.po"
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
