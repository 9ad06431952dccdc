import pytest
from django.utils import translation

from tests.summits.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def test_translated_title_is_shown_in_the_active_language():
    theme = ThemeFactory(title_en="Financing for biodiversity", title_fr="Financer la biodiversité")
    with translation.override("fr"):
        assert theme.title == "Financer la biodiversité"


def test_missing_translation_falls_back_to_english():
    theme = ThemeFactory(title_en="Financing for biodiversity", title_ar=None)
    with translation.override("ar"):
        assert theme.title == "Financing for biodiversity"


def test_chinese_uses_its_own_column():
    theme = ThemeFactory(title_en="Health", title_zh_hans="健康")
    with translation.override("zh-hans"):
        assert theme.title == "健康"
