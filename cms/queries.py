"""Reusable querysets of the public site, with the joins its pages need (constant query counts)."""

from django.db.models import Count, Prefetch, Q
from django.utils.functional import cached_property
from django.utils import translation
from wagtail.models import Locale

from core.text import clean_text, parse_id
from summits.choices import SessionKind
from summits.models import Room, Session, SessionSpeaker, Speaker, Theme
from summits.queries import programme, programme_days


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def summit_pages(home):
    from .models import SummitPage

    return (
        SummitPage.objects.live().public().child_of(home).select_related("summit", "summit__hero_image", "summit__logo")
        .order_by("-summit__start_date")
    )


def latest_news(locale, limit=None, summit=None):
    from .models import NewsPage

    qs = NewsPage.objects.live().public().filter(locale=locale).order_by("-date", "-pk")
    if summit is not None:
        qs = qs.filter(summit=summit)
    return qs[:limit] if limit else qs


def news_for_index(index_page):
    from .models import NewsPage

    return NewsPage.objects.live().public().child_of(index_page).order_by("-date", "-pk").prefetch_related("tags")


def public_programme(summit):
    return programme(summit, published_only=True)


def themes_with_counts(summit):
    return Theme.objects.filter(summit=summit).annotate(
        session_count=Count("sessions", filter=Q(sessions__is_published=True))
    ).order_by("sort_order", "title")


def summit_overview(summit):
    highlights = public_programme(summit).filter(
        kind__in=[SessionKind.OPENING, SessionKind.HIGH_LEVEL_PANEL, SessionKind.CLOSING]
    )[:6]
    return {
        "themes": themes_with_counts(summit),
        "highlights": highlights,
        "co_organisers": summit.co_organisers.select_related("logo").all(),
        # Lazy (read by the cached fragment only): a callable is called by the template.
        "session_count": Session.objects.filter(summit=summit, is_published=True).count,
    }


PROGRAMME_FILTERS = ("theme", "room", "kind", "language")


def programme_page(summit, params):
    """Sessions grouped by day after the visitor's filters, with the filter choices."""
    sessions = public_programme(summit)
    selected = {name: clean_text(params.get(name), 100) for name in PROGRAMME_FILTERS}
    if selected["theme"]:
        sessions = sessions.filter(theme__slug=selected["theme"])
    if selected["room"]:
        room_id = parse_id(selected["room"])
        sessions = sessions.filter(room_id=room_id) if room_id else sessions.none()
    if selected["kind"]:
        sessions = sessions.filter(kind=selected["kind"])
    from django.conf import settings

    return {
        # Lazy: the programme's list is a cached fragment (cms_tags.cached_fragment); a stored one
        # reads none of these.
        "listing": ProgrammeListing(sessions, selected["language"]),
        "selected": selected,
        "filtered": any(selected.values()),
        "theme_choices": Theme.objects.filter(summit=summit).order_by("sort_order", "title"),
        "room_choices": Room.objects.filter(summit=summit).order_by("name"),
        "kind_choices": SessionKind.choices,
        "language_choices": [(code, name) for code, name in settings.LANGUAGES if code in (summit.languages or [])]
        or list(settings.LANGUAGES),
    }


class ProgrammeListing:
    """The sessions after the filters, grouped by day, read when a template first asks for them."""

    def __init__(self, sessions, language=""):
        self._sessions, self._language = sessions, language

    @cached_property
    def sessions(self):
        sessions = list(self._sessions)
        if self._language:
            code = self._language
            sessions = [s for s in sessions if code in (s.languages or []) or code in (s.interpretation or [])]
        return sessions

    @cached_property
    def days(self):
        return programme_days(self.sessions)

    @property
    def result_count(self):
        return len(self.sessions)


def summit_speakers(summit):
    """Speakers of the summit's published sessions, each with their sessions (two queries)."""
    roles = Prefetch(
        "session_roles",
        queryset=SessionSpeaker.objects.filter(session__summit=summit, session__is_published=True)
        .select_related("session").order_by("session__start"),
        to_attr="summit_roles",
    )
    return (
        Speaker.objects.filter(session_roles__session__summit=summit, session_roles__session__is_published=True)
        .distinct().select_related("organisation", "photo").prefetch_related(roles)
        .order_by("family_name", "given_name")
    )


def search_sessions(query, limit=50):
    """Published sessions of public summits whose title or description matches, in this language or English."""
    from summits.queries import public_summits

    lang = (translation.get_language() or "en").replace("-", "_")
    condition = Q(title_en__icontains=query) | Q(description_en__icontains=query)
    if lang != "en" and hasattr(Session, f"title_{lang}"):
        condition |= Q(**{f"title_{lang}__icontains": query}) | Q(**{f"description_{lang}__icontains": query})
    return (
        Session.objects.filter(condition, is_published=True, summit__in=public_summits())
        .select_related("summit", "theme", "room").order_by("start")[:limit]
    )
