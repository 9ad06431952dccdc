"""Template filters over ``core.formatting`` (CLDR through Babel), for pages, emails and PDFs alike.

    {% load formatting %}
    {{ 14300000000|number }}                 14,300,000,000 · 14 300 000 000 · 14.300.000.000
    {{ amount|money:"USD" }}                 US$14,300,000,000 · 14 300 000 000 $US
    {{ amount|money_short:"USD" }}           US$14.3bn · 14,3 Md $US · US$143亿
    {{ summit.start_date|long_date }}        11 January 2021 · 11 janvier 2021 · 2021年1月11日
    {{ day|full_date }}                      Monday, 11 January 2021 · lundi 11 janvier 2021
    {{ summit|summit_dates }}                13–15 January 2026 (one-day summits: one date)
    {{ start|date_range:end }}               dates (not datetimes) only
    {{ session.start|local_time:summit }}    09:00, in the summit's zone
    {{ session.start|local_date:summit }}    the summit's day of an aware datetime
    {{ value|local_datetime:summit }}        11 January 2021, 09:00 (summit's zone)
    {% time_range session.start session.end summit %}   09:00–09:45
    {{ summit|summit_time_zone }}            Paris time (GMT+01:00) · heure de Paris (UTC+01:00)
    {{ names|join_list }}                    A, B and C · A、B和C · A وB وC
    {{ names|enumeration }}                  A, B, C · A، B، C · A、B、C
    {{ registration|person_name }}           Amélie Durand · 王小明

Aware datetimes are converted to the zone given as the argument (a summit or a zone name); Django's
``|date`` would show them in the active zone, which is UTC outside a ``{% timezone %}`` block.
"""

import functools

from django import template

from core import formatting

register = template.Library()


def _safe(function):
    """Filters never break a page: a value they cannot format is shown as it is."""

    @functools.wraps(function)
    def wrapper(value, *args):
        if value is None or value == "":
            return ""
        try:
            return function(value, *args)
        except (TypeError, ValueError, ArithmeticError):
            return value

    return wrapper


@register.filter
@_safe
def number(value, decimals=None):
    return formatting.number(value, decimals=decimals)


@register.filter
@_safe
def percent(value):
    return formatting.percent(value)


@register.filter
@_safe
def money(value, currency):
    return formatting.money(value, currency)


@register.filter
@_safe
def money_short(value, currency):
    return formatting.money_short(value, currency)


@register.filter
@_safe
def currency_name(value):
    return formatting.currency_name(value)


@register.filter
@_safe
def long_date(value, tz=None):
    return formatting.date(value, tz=tz)


@register.filter
@_safe
def full_date(value, tz=None):
    return formatting.full_date(value, tz=tz)


@register.filter
@_safe
def short_date(value, tz=None):
    return formatting.short_date(value, tz=tz)


@register.filter
@_safe
def date_range(start, end):
    return formatting.date_range(start, end)


@register.filter
@_safe
def summit_dates(summit):
    return formatting.date_range(summit.start_date, summit.end_date)


@register.filter
@_safe
def local_time(value, tz):
    return formatting.time(value, tz)


@register.filter
@_safe
def local_date(value, tz):
    return formatting.date(value, tz=tz)


@register.filter
@_safe
def local_full_date(value, tz):
    return formatting.full_date(value, tz=tz)


@register.filter
@_safe
def local_datetime(value, tz):
    return formatting.datetime(value, tz)


@register.simple_tag
def time_range(start, end, tz):
    try:
        return formatting.time_range(start, end, tz)
    except (TypeError, ValueError):
        return ""


@register.filter
@_safe
def summit_time_zone(summit, at=None):
    """The summit's zone in words, named after its city in the active language."""
    return formatting.time_zone_name(summit.tz, city=summit.city, at=at or _first_moment(summit))


def _first_moment(summit):
    import datetime as dt

    if getattr(summit, "start_date", None):
        return dt.datetime.combine(summit.start_date, dt.time(12)).replace(tzinfo=summit.tz)
    return None


@register.filter
@_safe
def time_zone_name(tz):
    return formatting.time_zone_name(tz)


@register.filter
def join_list(items, style="standard"):
    return formatting.join(list(items or []), style=style)


@register.filter
def enumeration(items):
    return formatting.enumeration(list(items or []))


@register.simple_tag
def group_separator():
    return formatting.group_separator()


@register.filter
def person_name(person):
    return formatting.person_name(person)


@register.filter
def salutation(person):
    return formatting.salutation(person)


@register.simple_tag
def lang_of(obj, field):
    """` lang="en" dir="ltr"` when ``obj.<field>`` has no text in the active language, so what is shown
    is django-modeltranslation's fallback (WCAG 3.1.2): ``<bdi{% lang_of session "title" %}>``."""
    from django.conf import settings
    from django.utils import translation
    from django.utils.html import format_html
    from django.utils.translation import get_language_info

    active = translation.get_language() or settings.LANGUAGE_CODE
    if obj is None or not hasattr(obj, f"{field}_{active.replace('-', '_')}"):
        return ""
    if getattr(obj, f"{field}_{active.replace('-', '_')}", None):
        return ""
    fallbacks = getattr(settings, "MODELTRANSLATION_FALLBACK_LANGUAGES", ("en",))
    for code in (fallbacks.get("default", ()) if isinstance(fallbacks, dict) else fallbacks):
        if code != active and getattr(obj, f"{field}_{code.replace('-', '_')}", None):
            return format_html(' lang="{}" dir="{}"', code, "rtl" if get_language_info(code)["bidi"] else "ltr")
    return ""
