"""Issue #11: mixed-direction fragments are isolated and fallback text carries its real language."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests.announcements.factories import PublishedCommitmentFactory
from tests.cms import factories
from tests.summits.factories import (OrganisationFactory, RoomFactory, SessionFactory, SessionSpeakerFactory,
                                     SpeakerFactory, SummitFactory, ThemeFactory)

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_programme(db):
    summit = SummitFactory(title="One Planet Summit", title_ar="قمة كوكب واحد", slug="ops", timezone="Europe/Paris",
                           languages=["en", "ar"], city="Paris", city_ar="باريس")
    home = factories.home_page(title="Home")
    page = factories.summit_page(home, summit, title="One Planet Summit")
    factories.translate(home, "ar", title="الرئيسية")
    factories.translate(page, "ar", title="قمة كوكب واحد")
    theme = ThemeFactory(summit=summit, title="Finance", title_ar="التمويل", slug="finance")
    room = RoomFactory(summit=summit, name="Grand Hall", name_ar="القاعة الكبرى")
    translated = SessionFactory(summit=summit, theme=theme, room=room, title="Opening", title_ar="الافتتاح",
                                slug="opening", is_published=True)
    english_only = SessionFactory(summit=summit, room=room, title="Press briefing", slug="press", is_published=True)
    organisation = OrganisationFactory(name="Observatoire du Sahara et du Sahel", acronym="OSS")
    speaker = SpeakerFactory(honorific="Mr", given_name="Karim", family_name="Benali", organisation=organisation)
    SessionSpeakerFactory(session=translated, speaker=speaker)
    SessionSpeakerFactory(session=english_only, speaker=SpeakerFactory(given_name="小明", family_name="王"))
    return {"summit": summit, "translated": translated, "english_only": english_only}


def arabic(client, path):
    response = client.get(path)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    return soup


def test_arabic_programme_isolates_names_and_marks_english_fallback(client, arabic_programme):
    soup = arabic(client, "/ar/ops/programme/")
    titles = {a.get_text(strip=True): a for a in soup.select(".session__title a")}
    assert set(titles) == {"الافتتاح", "Press briefing"}
    # The untranslated title is shown in English and says so; the translated one inherits Arabic.
    assert titles["Press briefing"].get("lang") == "en" and titles["Press briefing"].get("dir") == "ltr"
    assert titles["الافتتاح"].get("lang") is None and titles["الافتتاح"].get("dir") == "auto"
    speakers = [b.get_text() for b in soup.select(".session__speakers bdi")]
    # Names (without the English "Mr"), Chinese family name first, acronyms: each in its own <bdi>.
    assert "Karim Benali" in speakers and "王小明" in speakers and "OSS" in speakers
    assert "Mr" not in soup.select_one(".session__speakers").get_text()
    assert [b.get_text() for b in soup.select(".session__meta bdi")][:2] == ["القاعة الكبرى", "التمويل"]


def test_the_english_programme_has_no_fallback_marking(client, arabic_programme):
    response = client.get("/en/ops/programme/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["dir"] == "ltr"
    assert not soup.select(".session__title a[lang]")
    assert "Mr Karim Benali" in soup.select_one(".session__speakers").get_text()


def test_arabic_session_page_marks_its_english_description(client, arabic_programme):
    session = arabic_programme["english_only"]
    session.description = "Journalists meet the organisers."
    session.save()
    soup = arabic(client, "/ar/ops/sessions/press/")
    assert soup.h1.get("lang") == "en"
    lead = soup.select_one("p.lead")
    assert lead.get_text(strip=True) == "Journalists meet the organisers." and lead["lang"] == "en"
    assert soup.select_one("h3 bdi").get_text() == "王小明"


def test_arabic_commitment_isolates_its_reference_and_organisation(client, arabic_programme):
    organisation = OrganisationFactory(name="African Development Bank", name_ar="مصرف التنمية الأفريقي")
    commitment = PublishedCommitmentFactory(summit=arabic_programme["summit"], lead_organisation=organisation,
                                            title="Great Green Wall accelerator", title_ar="مسرّع السور الأخضر العظيم",
                                            summary="Restore land.", amount=14300000000, currency="USD")
    commitment.refresh_from_db()
    with translation.override("ar"):
        url = commitment.get_absolute_url()
    soup = arabic(client, url)
    assert soup.select_one("bdi.reference").get_text() == commitment.reference
    assert soup.h1.get_text(strip=True) == "مسرّع السور الأخضر العظيم" and soup.h1.get("lang") is None
    summary = soup.find("p", string="Restore land.")
    assert summary["lang"] == "en"
    lead = soup.find("bdi", string="مصرف التنمية الأفريقي")
    assert lead is not None and lead.get("lang") is None
    assert "14,300,000,000" in soup.get_text()
