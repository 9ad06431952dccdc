"""core.formatting and its template filters, in each of the six languages (values from CLDR)."""

import datetime as dt
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import translation

from core import formatting

LANGS = ["en", "fr", "es", "ar", "zh-hans", "ru"]
PARIS = zoneinfo.ZoneInfo("Europe/Paris")
NINE_IN_PARIS = dt.datetime(2021, 1, 11, 8, 0, tzinfo=dt.timezone.utc)  # 09:00 in Paris


def render(source, lang, **context):
    with translation.override(lang):
        return Template("{% load formatting %}" + source).render(Context(context))


@pytest.mark.parametrize("lang, expected", [
    ("en", "14,300,000,000"),
    ("fr", "14\u202f300\u202f000\u202f000"),
    ("es", "14.300.000.000"),
    ("ar", "14,300,000,000"),
    ("zh-hans", "14,300,000,000"),
    ("ru", "14\xa0300\xa0000\xa0000"),
])
def test_numbers_are_grouped_in_every_language(lang, expected):
    assert formatting.number(14300000000, lang) == expected
    assert render("{{ value|number }}", lang, value=14300000000) == expected


@pytest.mark.parametrize("lang, expected", [
    ("en", "1,234.50"), ("fr", "1\u202f234,50"), ("es", "1.234,50"), ("ar", "1,234.50"), ("zh-hans", "1,234.50"),
    ("ru", "1\xa0234,50"),
])
def test_fixed_decimals_use_the_language_decimal_sign(lang, expected):
    assert formatting.number("1234.5", lang, decimals=2) == expected


@pytest.mark.parametrize("lang, dollars, euros", [
    ("en", "US$14,300,000,000", "€12.50"),
    ("fr", "14\u202f300\u202f000\u202f000\xa0$US", "12,50\xa0€"),
    ("es", "14.300.000.000\xa0US$", "12,50\xa0€"),
    ("ar", "\u200f14,300,000,000\xa0US$", "\u200f12.50\xa0€"),
    ("zh-hans", "US$14,300,000,000", "€12.50"),
    ("ru", "14\xa0300\xa0000\xa0000\xa0$", "12,50\xa0€"),
])
def test_money_has_grouping_one_symbol_per_currency_and_no_decimals_when_whole(lang, dollars, euros):
    assert formatting.money(14300000000, "usd", lang) == dollars
    assert formatting.money("12.5", "EUR", lang) == euros
    assert render('{{ value|money:"USD" }}', lang, value=14300000000) == dollars


@pytest.mark.parametrize("lang, expected", [
    ("en", "US$14.3bn"), ("fr", "14,3\xa0Md\xa0$US"), ("es", "14,3\xa0mil\xa0M\xa0US$"),
    ("ar", "\u200f14.3\xa0مليار\xa0US$"), ("zh-hans", "US$143亿"), ("ru", "14,3\xa0млрд\xa0$"),
])
def test_short_money_for_key_figures(lang, expected):
    assert formatting.money_short(14300000000, "USD", lang) == expected


@pytest.mark.parametrize("lang, long, full", [
    ("en", "11 January 2021", "Monday, 11 January 2021"),
    ("fr", "11 janvier 2021", "lundi 11 janvier 2021"),
    ("es", "11 de enero de 2021", "lunes, 11 de enero de 2021"),
    ("ar", "11 يناير 2021", "الاثنين، 11 يناير 2021"),
    ("zh-hans", "2021年1月11日", "2021年1月11日星期一"),
    ("ru", "11 января 2021\u202fг.", "понедельник, 11 января 2021\u202fг."),
])
def test_dates_in_words(lang, long, full):
    day = dt.date(2021, 1, 11)
    assert formatting.date(day, lang) == long
    assert formatting.full_date(day, lang) == full
    assert render("{{ day|long_date }}|{{ day|full_date }}", lang, day=day) == f"{long}|{full}"


@pytest.mark.parametrize("lang, same_month, across_years", [
    ("en", "13\u2009–\u200915 January 2026", "30 December 2025\u2009–\u20092 January 2026"),
    ("fr", "13–15 janvier 2026", "30 décembre 2025\u2009–\u20092 janvier 2026"),
    ("es", "13–15 de enero de 2026", "30 de diciembre de 2025\u2009–\u20092 de enero de 2026"),
    ("ar", "13–15 يناير 2026", "30 ديسمبر 2025 – 2 يناير 2026"),
    ("zh-hans", "2026年1月13日\u2009–\u200915日", "2025年12月30日\u2009–\u20092026年1月2日"),
    ("ru", "13—15 января 2026\u202fг.", "30 декабря 2025\u202fг. — 2 января 2026\u202fг."),
])
def test_date_ranges(lang, same_month, across_years):
    assert formatting.date_range(dt.date(2026, 1, 13), dt.date(2026, 1, 15), lang) == same_month
    assert formatting.date_range(dt.date(2025, 12, 30), dt.date(2026, 1, 2), lang) == across_years


@pytest.mark.parametrize("lang", LANGS)
def test_a_one_day_range_is_one_date(lang):
    day = dt.date(2021, 1, 11)
    assert formatting.date_range(day, day, lang) == formatting.date(day, lang)


def test_summit_dates_filter_collapses_a_one_day_summit():
    from types import SimpleNamespace

    summit = SimpleNamespace(start_date=dt.date(2021, 1, 11), end_date=dt.date(2021, 1, 11))
    assert render("{{ summit|summit_dates }}", "fr", summit=summit) == "11 janvier 2021"


@pytest.mark.parametrize("lang, start, span", [
    ("en", "09:00", "09:00–09:45"), ("fr", "09:00", "09:00\u2009–\u200909:45"), ("es", "9:00", "9:00–9:45"),
    ("ar", "9:00\u00a0ص", "9:00–9:45\u00a0ص"), ("zh-hans", "09:00", "09:00–09:45"), ("ru", "09:00", "09:00—09:45"),
])
def test_times_are_shown_in_the_summit_zone(lang, start, span):
    end = NINE_IN_PARIS + dt.timedelta(minutes=45)
    assert formatting.time(NINE_IN_PARIS, "Europe/Paris", lang).replace(" ", "\u00a0") == start.replace(" ", "\u00a0")
    assert formatting.time_range(NINE_IN_PARIS, end, PARIS, lang).replace(" ", "\u00a0") == span.replace(" ", "\u00a0")


def test_an_aware_datetime_late_in_utc_is_the_next_day_in_the_summit_zone():
    late = dt.datetime(2021, 1, 10, 23, 30, tzinfo=dt.timezone.utc)  # 00:30 on 11 January in Paris
    assert render("{{ moment|local_date:tz }} {{ moment|local_time:tz }}", "en", moment=late, tz="Europe/Paris") == (
        "11 January 2021 00:30")


def test_a_naive_datetime_is_refused():
    with pytest.raises(ValueError):
        formatting.local(dt.datetime(2021, 1, 11, 9, 0), PARIS)


def test_an_aware_datetime_without_a_zone_is_refused_as_a_date():
    with pytest.raises(ValueError):
        formatting.date(NINE_IN_PARIS, "en")


@pytest.mark.parametrize("lang, expected", [
    ("en", "Paris time (GMT+01:00)"), ("fr", "heure de Paris (UTC+01:00)"), ("es", "hora de París (GMT+01:00)"),
    ("ar", "توقيت باريس (غرينتش+01:00)"), ("zh-hans", "巴黎时间 (GMT+01:00)"),
    ("ru", "время города Париж (GMT+01:00)"),
])
def test_the_time_zone_is_named_in_words(lang, expected):
    assert formatting.time_zone_name("Europe/Paris", lang, at=NINE_IN_PARIS) == expected


def test_the_time_zone_follows_summer_time():
    july = dt.datetime(2021, 7, 1, 12, 0, tzinfo=dt.timezone.utc)
    assert formatting.time_zone_name("Europe/Paris", "fr", at=july) == "heure de Paris (UTC+02:00)"


def test_the_time_zone_takes_the_summit_city_when_given():
    toronto = zoneinfo.ZoneInfo("America/Toronto")
    january = dt.datetime(2026, 1, 13, 15, 0, tzinfo=dt.timezone.utc)
    assert formatting.time_zone_name(toronto, "fr", city="Montréal", at=january) == "heure de Montréal (UTC-05:00)"


@pytest.mark.parametrize("lang, joined, enumerated", [
    ("en", "Paris, Rome and Nairobi", "Paris, Rome, Nairobi"),
    ("fr", "Paris, Rome et Nairobi", "Paris, Rome, Nairobi"),
    ("es", "Paris, Rome y Nairobi", "Paris, Rome, Nairobi"),
    ("ar", "Paris وRome وNairobi", "Paris، Rome، Nairobi"),
    ("zh-hans", "Paris、Rome和Nairobi", "Paris、Rome、Nairobi"),
    ("ru", "Paris, Rome и Nairobi", "Paris, Rome, Nairobi"),
])
def test_lists_use_the_language_separators(lang, joined, enumerated):
    items = ["Paris", "Rome", "Nairobi"]
    assert formatting.join(items, lang) == joined
    assert formatting.enumeration(items, lang) == enumerated
    assert render("{{ items|join_list }}", lang, items=items) == joined


@pytest.mark.parametrize("lang, expected", [
    ("en", ["China", "Egypt", "France", "Japan", "Spain"]),
    ("fr", ["Chine", "Égypte", "Espagne", "France", "Japon"]),
    ("es", ["China", "Egipto", "España", "Francia", "Japón"]),
    ("ar", ["أسبانيا", "الصين", "اليابان", "فرنسا", "مصر"]),
    ("zh-hans", ["埃及", "法国", "日本", "西班牙", "中国"]),  # pinyin: Aiji, Faguo, Riben, Xibanya, Zhongguo
    ("ru", ["Египет", "Испания", "Китай", "Франция", "Япония"]),
])
def test_country_names_are_ordered_in_the_language(lang, expected):
    names = dict(formatting.countries(lang))
    assert [names[code] for code in formatting.collated(["CN", "EG", "ES", "FR", "JP"], lang, key=names.get)] == (
        expected)


@pytest.mark.parametrize("given, family, order, language, expected", [
    ("小明", "王", "", "en", "王小明"),
    ("Wei", "Zhang", "", "zh-hans", "Zhang Wei"),
    ("Wei", "Zhang", "given_first", "zh-hans", "Wei Zhang"),
    ("Amélie", "Durand", "", "fr", "Amélie Durand"),
    ("Viktor", "Orbán", "family_first", "en", "Orbán Viktor"),
    ("Salma", "Haddad", "", "ar", "Salma Haddad"),
    ("María", "García", "", "es", "María García"),
    ("Wei", "Zhang", "family_first", "es", "Zhang Wei"),
    ("Анна", "Иванова", "", "ru", "Анна Иванова"),
    ("Wei", "Zhang", "family_first", "ru", "Zhang Wei"),
    ("Xiaoming", "Wang", "family_first", "fr", "Wang Xiaoming"),
    ("小明", "王", "given_first", "zh-hans", "小明王"),
])
def test_name_order(given, family, order, language, expected):
    assert formatting.name(given, family, order, language) == expected


@pytest.mark.parametrize("lang, expected", [
    ("en", "Dear Amélie Durand,"),
    ("fr", "Bonjour Amélie Durand,"),
    ("es", "Buenos días, Amélie Durand:"),
    ("ar", "مرحبًا Amélie Durand،"),
    ("zh-hans", "尊敬的Amélie Durand："),
    ("ru", "Здравствуйте, Amélie Durand!"),
])
def test_salutations_guess_no_gender_and_print_no_honorific(lang, expected):
    from types import SimpleNamespace

    person = SimpleNamespace(honorific="Ms", given_name="Amélie", family_name="Durand", name_order="",
                             preferred_language="fr")
    assert formatting.salutation(person, lang) == expected


def test_filters_show_what_they_cannot_format_unchanged():
    assert render("{{ value|number }}|{{ value|money:'USD' }}", "en", value="n/a") == "n/a|n/a"
