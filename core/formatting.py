"""Locale-aware formatting from CLDR (Babel): numbers, money, dates, ranges, times, time zones, lists,
collation and personal names. One set of functions for pages, emails and PDFs; the template filters
in ``core/templatetags/formatting.py`` call them.

Every function formats for the *active* Django language unless ``lang`` is given, so an email or a PDF
rendered under ``translation.override(participant_language)`` comes out in the participant's
conventions without passing the language around.

Rules kept here, in one place:

- English is written the international (UN, en-GB) way: "11 January 2021", "US$14,300,000,000", 24-hour
  times. Every language uses Western digits (the numbering system of UN Arabic documents).
- An aware datetime is always converted explicitly to the zone it is shown in (the summit's), never
  left for Django to turn back into UTC. A naive datetime is refused: it has no meaning on its own.
- A currency is written one way per language (CLDR's symbol: "US$", "$US", "€"), with grouping; whole
  amounts drop the ",00".
- Lists are joined with the language's own separators ("A, B et C", "A、B和C", "A وB وC"); bare
  enumerations (speakers of a session) use the language's comma: ", ", "، ", "、".
- Names follow the person's name order (family name first for Chinese, or when the person says so);
  honorifics are never printed (they are English words in every language, and gendered).
"""

import datetime as dt
import re
import unicodedata
import zoneinfo
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale, dates, lists, numbers
from django.utils import translation
from django.utils.translation import pgettext

# Django language code → CLDR locale.
BABEL_LOCALES = {"en": "en_GB", "fr": "fr", "es": "es", "ar": "ar", "zh-hans": "zh_Hans_CN", "ru": "ru"}
# The comma of a bare enumeration and the semicolon between groups, per script.
ENUMERATION_COMMA = {"ar": "، ", "zh-hans": "、"}
GROUP_SEPARATOR = {"ar": "؛ ", "zh-hans": "；"}


def language(lang=None):
    """The Django language code to format for (the active one by default), normalised."""
    code = (lang or translation.get_language() or "en").lower().replace("_", "-")
    if code in BABEL_LOCALES:
        return code
    base = code.split("-")[0]
    if base == "zh":
        return "zh-hans"
    return base if base in BABEL_LOCALES else "en"


@lru_cache(maxsize=32)
def _locale(code):
    return Locale.parse(BABEL_LOCALES[code])


def babel_locale(lang=None):
    return _locale(language(lang))


# --- numbers and money ---------------------------------------------------------------------------

def _decimal(value):
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None


def _unformatted(value):
    return "" if value is None else str(value)


def number(value, lang=None, decimals=None):
    """1234567.5 → "1,234,567.5" (en), "1 234 567,5" (fr), "1.234.567,5" (es)… ``decimals`` fixes the digits."""
    amount = _decimal(value)
    if amount is None:
        return _unformatted(value)
    locale = babel_locale(lang)
    if decimals is None:
        return numbers.format_decimal(amount, locale=locale, decimal_quantization=False)
    pattern = "#,##0" + ("." + "0" * int(decimals) if int(decimals) > 0 else "")
    return numbers.format_decimal(amount, format=pattern, locale=locale)


def percent(value, lang=None):
    """A share between 0 and 100 → "42 %" (fr), "42%" (en), "٪42"-free Western digits in Arabic."""
    amount = _decimal(value)
    if amount is None:
        return _unformatted(value)
    return numbers.format_percent(amount / 100, locale=babel_locale(lang), decimal_quantization=False)


def _whole_pattern(locale):
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    return re.sub(r"\.0+", "", pattern)


def money(value, currency, lang=None):
    """14300000000, "USD" → "US$14,300,000,000" (en), "14 300 000 000 $US" (fr), "US$14,300,000,000" (zh).

    Whole amounts are written without decimals; others with the currency's own digits.
    """
    amount = _decimal(value)
    if amount is None:
        return _unformatted(value)
    currency = (currency or "").upper()
    if not currency:
        return number(amount, lang)
    locale = babel_locale(lang)
    if amount == amount.to_integral_value():
        return numbers.format_currency(amount, currency, format=_whole_pattern(locale), locale=locale,
                                       currency_digits=False)
    return numbers.format_currency(amount, currency, locale=locale)


def money_short(value, currency, lang=None):
    """14300000000, "USD" → "US$14.3bn" (en), "14,3 Md $US" (fr), "US$143亿" (zh), "14,3 млрд $" (ru)."""
    amount = _decimal(value)
    if amount is None:
        return _unformatted(value)
    if not currency:
        return numbers.format_compact_decimal(amount, locale=babel_locale(lang), fraction_digits=1)
    return numbers.format_compact_currency(amount, currency.upper(), locale=babel_locale(lang), fraction_digits=1)


def currency_name(currency, lang=None):
    return numbers.get_currency_name(currency.upper(), locale=babel_locale(lang)) if currency else ""


# --- dates and times -----------------------------------------------------------------------------

def zone(tz):
    """A ZoneInfo from a ZoneInfo, a zone name or anything with a ``tz`` (a Summit)."""
    if tz is None:
        return zoneinfo.ZoneInfo("UTC")
    if isinstance(tz, dt.tzinfo):
        return tz
    if hasattr(tz, "tz"):
        return tz.tz
    try:
        return zoneinfo.ZoneInfo(str(tz))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def local(value, tz):
    """An aware datetime shown in ``tz`` (a summit, a zone or its name). Naive datetimes are refused."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        raise TypeError("local() takes a datetime")
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValueError("a naive datetime has no place in time: make it aware first")
    return value.astimezone(zone(tz))


def _as_date(value, tz=None):
    if isinstance(value, dt.datetime):
        if tz is None and value.tzinfo is not None:
            raise ValueError("an aware datetime needs the zone it is shown in (pass the summit)")
        return (local(value, tz) if value.tzinfo is not None else value).date()
    return value


def date(value, lang=None, tz=None):
    """11 January 2021 · 11 janvier 2021 · 11 de enero de 2021 · 11 يناير 2021 · 2021年1月11日 · 11 января 2021 г."""
    if value is None or value == "":
        return ""
    return dates.format_date(_as_date(value, tz), "long", locale=babel_locale(lang))


def full_date(value, lang=None, tz=None):
    """The date with its weekday: "Monday, 11 January 2021", "lundi 11 janvier 2021", "2021年1月11日星期一"."""
    if value is None or value == "":
        return ""
    return dates.format_date(_as_date(value, tz), "full", locale=babel_locale(lang))


def short_date(value, lang=None, tz=None):
    """A compact date for tables: "11 Jan 2021", "11 janv. 2021", "2021年1月11日"."""
    if value is None or value == "":
        return ""
    return dates.format_date(_as_date(value, tz), "medium", locale=babel_locale(lang))


def weekday(value, lang=None, tz=None):
    return dates.format_date(_as_date(value, tz), "EEEE", locale=babel_locale(lang))


def _long_months(locale, pattern):
    """Write interval patterns with the month as the language's long date writes it (janvier, not janv.)."""
    long = locale.date_formats["long"].pattern
    if "MMMM" not in long or "MMMM" in pattern:
        return pattern
    if "'de' MMMM" in long:  # Spanish: "13–15 de enero de 2026"
        pattern = pattern.replace("MMM y", "'de' MMMM 'de' y")
        return re.sub(r"(?<!M)MMM(?!M)", "'de' MMMM", pattern)
    return re.sub(r"(?<!M)MMM(?!M)", "MMMM", pattern)


def date_range(start, end, lang=None, tz=None):
    """"13–15 January 2026", "13–15 janvier 2026", "2026年1月13日至15日"…; one day gives one date."""
    start, end = _as_date(start, tz), _as_date(end, tz)
    if start is None:
        return ""
    if end is None or end == start:
        return date(start, lang)
    if end < start:
        start, end = end, start
    locale = babel_locale(lang)
    formats = locale.interval_formats.get("yMMMd")
    if not formats:
        return f"{date(start, lang)} – {date(end, lang)}"
    if start.year != end.year:
        field = "y"
    elif start.month != end.month:
        field = "M"
    else:
        field = "d"
    pieces = formats.get(field) or formats.get("y")
    return "".join(
        dates.parse_pattern(_long_months(locale, piece)).apply(day, locale) for piece, day in zip(pieces, (start, end))
    )


def _hour_skeleton(locale):
    return "Hm" if "H" in locale.time_formats["short"].pattern else "hm"


def time(value, tz, lang=None):
    """09:00 (en, fr, zh, ru), 9:00 (es), 9:00 ص (ar), in the zone given (the summit's)."""
    if value is None:
        return ""
    moment = local(value, tz)
    return dates.format_time(moment, "short", tzinfo=moment.tzinfo, locale=babel_locale(lang))


def time_range(start, end, tz, lang=None):
    """09:00–09:45 in the summit's zone (the language's own dash and hour cycle)."""
    start, end = local(start, tz), local(end, tz)
    if end is None or end == start:
        return time(start, tz, lang)
    locale = babel_locale(lang)
    if start.date() != end.date():
        return f"{datetime(start, tz, lang)} – {datetime(end, tz, lang)}"
    return dates.format_interval(start, end, _hour_skeleton(locale), tzinfo=start.tzinfo, locale=locale)


def datetime(value, tz, lang=None):
    """"11 January 2021, 09:00" in the zone given, the language's own way of joining date and time."""
    if value is None:
        return ""
    moment = local(value, tz)
    locale = babel_locale(lang)
    return locale.datetime_formats["medium"].format(
        dates.format_time(moment, "short", tzinfo=moment.tzinfo, locale=locale),
        dates.format_date(moment.date(), "long", locale=locale),
    ).replace("'", "")


def utc_offset(tz, at=None, lang=None):
    """CLDR's GMT format of the zone's offset at ``at`` (default: now): "GMT+01:00", "UTC+01:00"."""
    tzinfo = zone(tz)
    moment = (at if isinstance(at, dt.datetime) and at.tzinfo else dt.datetime.now(dt.timezone.utc)).astimezone(tzinfo)
    return dates.get_timezone_gmt(moment, "long", locale=babel_locale(lang))


def time_zone_name(tz, lang=None, city=None, at=None):
    """The zone in words: "Paris time (GMT+01:00)", "heure de Paris (UTC+01:00)", "巴黎时间 (GMT+01:00)".

    ``city`` (the summit's city in the language) names the zone when given; otherwise CLDR's exemplar
    city of the zone does ("Paris", "باريس", "巴黎"). ``at`` picks the offset (summer time).
    """
    tzinfo = zone(tz)
    code = language(lang)
    if not city:
        name = getattr(tzinfo, "key", "UTC")
        city = "UTC" if name == "UTC" else dates.get_timezone_location(tzinfo, locale=_locale(code), return_city=True)
    with translation.override(code):
        words = pgettext("time zone", "%(city)s time") % {"city": city}
    return f"{words} ({utc_offset(tzinfo, at, code)})"


# --- lists, collation ----------------------------------------------------------------------------

def join(items, lang=None, style="standard"):
    """"A, B and C", "A, B et C", "A、B和C", "A وB وC", "A, B и C"; ``style="or"`` for alternatives."""
    items = [str(item) for item in items if item not in (None, "")]
    if not items:
        return ""
    return lists.format_list(items, style=style, locale=babel_locale(lang))


def enumeration(items, lang=None):
    """Items separated by the language's comma, no conjunction: "A, B, C", "A، B، C", "A、B、C"."""
    code = language(lang)
    return ENUMERATION_COMMA.get(code, ", ").join(str(item) for item in items if item not in (None, ""))


def group_separator(lang=None):
    """The separator between groups that contain commas ("; ", "؛ ", "；")."""
    return GROUP_SEPARATOR.get(language(lang), "; ")


@lru_cache(maxsize=16)
def _collator(code):
    try:
        import icu
    except ImportError:  # pragma: no cover - PyICU is a dependency; this only keeps a broken install usable
        return None
    collator = icu.Collator.createInstance(icu.Locale(BABEL_LOCALES[code]))
    return collator


def sort_key(text, lang=None):
    """A key that orders text as the language's dictionaries do (CLDR collation through ICU):
    pinyin order in Chinese, Arabic alphabet order in Arabic, "Égypte" next to "Espagne" in French."""
    collator = _collator(language(lang))
    text = str(text or "")
    if collator is None:
        return unicodedata.normalize("NFKD", text).casefold()
    return collator.getSortKey(text)


def collated(items, lang=None, key=None):
    """``items`` sorted in the language's order (``key`` extracts the text to compare)."""
    key = key or (lambda item: item)
    return sorted(items, key=lambda item: sort_key(key(item), lang))


def countries(lang=None):
    """(code, name) of every country, named and ordered in the language."""
    from django_countries import countries as all_countries

    code = language(lang)
    with translation.override(code):
        pairs = [(country.code, str(country.name).strip()) for country in all_countries]
    return collated(pairs, code, key=lambda pair: pair[1])


# --- personal names ------------------------------------------------------------------------------

GIVEN_FIRST = "given_first"
FAMILY_FIRST = "family_first"
_EAST_ASIAN = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def family_first(given, family, order="", lang_of_person=""):
    """Whether the family name comes first: as the person said, else for names written in Chinese,
    Japanese or Korean characters, and for people whose language is Chinese."""
    if order == FAMILY_FIRST:
        return True
    if order == GIVEN_FIRST:
        return False
    if _EAST_ASIAN.search(f"{given}{family}"):
        return True
    return language(lang_of_person) == "zh-hans" if lang_of_person else False


def name(given, family, order="", lang_of_person=""):
    """"Amélie Durand", "王小明" (no space between Chinese characters), "Zhang Wei" (family first)."""
    given, family = (given or "").strip(), (family or "").strip()
    if family_first(given, family, order, lang_of_person):
        parts = [family, given]
    else:
        parts = [given, family]
    parts = [part for part in parts if part]
    if len(parts) == 2 and _EAST_ASIAN.search(parts[0][-1:]) and _EAST_ASIAN.search(parts[1][:1]):
        return "".join(parts)
    return " ".join(parts)


def person_name(person):
    """The display name of anything with ``given_name``, ``family_name`` (and ``name_order``,
    ``preferred_language``): registrations, speakers."""
    if person is None:
        return ""
    return name(getattr(person, "given_name", ""), getattr(person, "family_name", ""),
                getattr(person, "name_order", "") or "", getattr(person, "preferred_language", "") or "")


def sort_name(person, lang=None):
    """Key to order people by family name, then given name, in the language's collation."""
    return (sort_key(getattr(person, "family_name", ""), lang), sort_key(getattr(person, "given_name", ""), lang))


def salutation(person, lang=None):
    """The opening line of a letter or email, without guessing a gender and without English honorifics:
    "Dear Amélie Durand,", "Bonjour Amélie Durand,", "尊敬的王小明：", "Здравствуйте, Амели Дюран!"."""
    code = language(lang)
    with translation.override(code):
        return pgettext("salutation", "Dear %(name)s,") % {"name": person_name(person)}


def install_country_collation():
    """Every list of countries django-countries gives (form selects, admin filters, facets) in the
    active language's dictionary order (ICU), instead of its language-blind UCA/ASCII order: pinyin in
    Chinese, the Arabic alphabet in Arabic, Cyrillic order in Russian. django-countries sorts with its
    module function ``sort_key(item)`` and caches the result per language; this replaces that function."""
    import django_countries

    def country_sort_key(item):
        return sort_key(str(item[1]).strip(), translation.get_language())

    django_countries.sort_key = country_sort_key
    if hasattr(django_countries.countries, "_iter_cache"):  # sorted before this ran
        del django_countries.countries._iter_cache
