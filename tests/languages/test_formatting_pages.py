"""Issue #11: numbers, money, dates, zones and names on pages, badges and emails, in each language."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from registrations.choices import EmailKind
from registrations.documents import badge_data_for, badge_html
from registrations.emails import render_email
from tests.announcements.factories import PublishedCommitmentFactory
from tests.cms import factories
from tests.registrations.factories import RegistrationFactory
from tests.summits.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory, SummitFactory, local

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es", "ar", "zh-hans", "ru")
CITY = {"en": "Paris", "fr": "Paris", "es": "París", "ar": "باريس", "zh-hans": "巴黎", "ru": "Париж"}

ONE_DAY = {"en": "11 January 2021", "fr": "11 janvier 2021", "es": "11 de enero de 2021", "ar": "11 يناير 2021",
           "zh-hans": "2021年1月11日", "ru": "11 января 2021\u202fг."}
MONEY = {"en": "US$14,300,000,000", "fr": "14\u202f300\u202f000\u202f000\xa0$US", "es": "14.300.000.000\xa0US$",
         "ar": "\u200f14,300,000,000\xa0US$", "zh-hans": "US$14,300,000,000", "ru": "14\xa0300\xa0000\xa0000\xa0$"}
ZONE = {"en": "Paris time (GMT+01:00)", "fr": "heure de Paris (UTC+01:00)", "es": "hora de París (GMT+01:00)",
        "ar": "توقيت باريس (غرينتش+01:00)", "zh-hans": "巴黎时间 (GMT+01:00)", "ru": "время города Париж (GMT+01:00)"}
GREETING = {"en": "Dear Amélie Durand,", "fr": "Bonjour Amélie Durand,", "es": "Buenos días, Amélie Durand:",
            "ar": "مرحبًا Amélie Durand،", "ru": "Здравствуйте, Amélie Durand!"}


@pytest.fixture
def site(db):
    summit = SummitFactory(title="One Planet Summit", slug="ops", start_date=dt.date(2021, 1, 11),
                           end_date=dt.date(2021, 1, 11), timezone="Europe/Paris", languages=list(LANGUAGES),
                           **{f"city_{code.replace('-', '_')}": city for code, city in CITY.items()})
    home = factories.home_page(title="Home")
    page = factories.summit_page(home, summit, title="One Planet Summit")
    for code in LANGUAGES[1:]:
        factories.translate(home, code, title=f"Home {code}")
        factories.translate(page, code, title=f"One Planet Summit {code}")
    session = SessionFactory(summit=summit, title="Opening", slug="opening", is_published=True,
                             start=local(summit, 0, 9), end=local(summit, 0, 10))
    SessionSpeakerFactory(session=session, speaker=SpeakerFactory(given_name="小明", family_name="王"))
    SessionSpeakerFactory(session=session, speaker=SpeakerFactory(honorific="H.E.", given_name="Claire",
                                                                  family_name="Moreau"))
    return summit


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def fact(soup, label_position):
    return soup.select("dl.facts dd")[label_position].get_text(" ", strip=True)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_one_day_summit_shows_one_date_in_the_language(client, site, code):
    soup = get(client, f"/{code}/ops/")
    assert fact(soup, 0) == ONE_DAY[code]
    assert soup.select_one(".hero__meta li").get_text(strip=True) == ONE_DAY[code]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_programme_names_the_time_zone_in_words(client, site, code):
    soup = get(client, f"/{code}/ops/programme/")
    assert ZONE[code] in soup.select_one("main").get_text()
    assert "Europe/Paris" not in soup.select_one("main").get_text()


@pytest.mark.parametrize("code", LANGUAGES)
def test_amounts_are_grouped_with_the_languages_currency_sign(client, site, code):
    commitment = PublishedCommitmentFactory(summit=site, amount=14300000000, currency="USD")
    soup = get(client, commitment_url(commitment, code))
    from django.utils import translation

    with translation.override(code):
        label = translation.gettext("Amount")
    amount = next(row.td.get_text() for row in soup.select("tr") if row.th and row.th.get_text() == label)
    assert amount.startswith(MONEY[code])


def commitment_url(commitment, code):
    from django.utils import translation

    with translation.override(code):
        return commitment.get_absolute_url()


@pytest.mark.parametrize("code", LANGUAGES)
def test_chinese_names_family_first_and_honorifics_only_in_english(client, site, code):
    soup = get(client, f"/{code}/ops/speakers/")
    names = [h.get_text(strip=True) for h in soup.select(".speaker h2")]
    assert "王小明" in names
    assert ("H.E. Claire Moreau" if code == "en" else "Claire Moreau") in names


def test_a_chinese_participants_badge_puts_the_family_name_first(site):
    badge = badge_data_for(RegistrationFactory(summit=site, given_name="小明", family_name="王",
                                               preferred_language="zh-hans"))
    lines = [div.get_text() for div in BeautifulSoup(badge_html(badge), "html.parser").select(".names div")]
    assert lines == ["王小明"]
    latin = badge_data_for(RegistrationFactory(summit=site, given_name="Wei", family_name="Zhang",
                                               preferred_language="zh-hans"))
    assert [div.get_text() for div in BeautifulSoup(badge_html(latin), "html.parser").select(".names div")] == [
        "Zhang", "Wei"]
    french = badge_data_for(RegistrationFactory(summit=site, given_name="Amélie", family_name="Durand",
                                                preferred_language="fr"))
    assert [div.get_text() for div in BeautifulSoup(badge_html(french), "html.parser").select(".names div")] == [
        "Amélie", "Durand"]


def test_badge_dates_follow_the_holders_language(site):
    for code in LANGUAGES:
        badge = badge_data_for(RegistrationFactory(summit=site, preferred_language=code))
        assert badge.summit_dates == ONE_DAY[code]


@pytest.mark.parametrize("code", sorted(GREETING))
def test_emails_greet_without_honorific_in_the_participants_language(site, code):
    registration = RegistrationFactory(summit=site, honorific="Ms", given_name="Amélie", family_name="Durand",
                                       preferred_language=code)
    _subject, body, _note = render_email(registration, EmailKind.APPROVED)
    assert body.splitlines()[0] == GREETING[code]


def test_chinese_emails_greet_family_name_first(site):
    registration = RegistrationFactory(summit=site, honorific="Mr", given_name="小明", family_name="王",
                                       preferred_language="zh-hans")
    _subject, body, _note = render_email(registration, EmailKind.APPROVED)
    assert body.splitlines()[0] == "尊敬的王小明："


@pytest.mark.parametrize("code, separator, conjunction", [
    ("en", ", ", " and "), ("fr", ", ", " et "), ("ar", "", " و"), ("zh-hans", "、", "和"), ("ru", ", ", " и ")])
def test_lists_are_joined_the_languages_way(client, site, code, separator, conjunction):
    languages = fact(get(client, f"/{code}/ops/"), 2)
    assert conjunction in languages and separator in languages
    if code in ("ar", "zh-hans"):
        assert "," not in languages
