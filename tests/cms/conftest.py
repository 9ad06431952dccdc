import pytest

from tests.summits.factories import SummitFactory

from . import factories


@pytest.fixture
def home(db):
    return factories.home_page(title="Summits for the planet", intro="Six languages, one site.")


@pytest.fixture
def summit(db):
    return SummitFactory(title="One Planet Summit", title_fr="One Planet Summit (FR)", slug="ops",
                         timezone="Europe/Paris", languages=["en", "fr", "ar"])


@pytest.fixture
def summit_page(home, summit):
    return factories.summit_page(home, summit, title="One Planet Summit")


@pytest.fixture
def trees(home, summit_page):
    """Home and summit page in English, French and Arabic."""
    pages = {"en": {"home": home, "summit": summit_page}}
    for code, title in (("fr", "Accueil"), ("ar", "الرئيسية")):
        pages[code] = {"home": factories.translate(home, code, title=title)}
        pages[code]["summit"] = factories.translate(summit_page, code, title=f"{title} summit")
    return pages


@pytest.fixture(autouse=True)
def _english_first():
    """Requests leave their language active in the thread; start every test in English
    (modeltranslation writes ``title=`` into the active language's column)."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
