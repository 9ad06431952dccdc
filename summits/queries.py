"""Reusable querysets of the summit domain, with the joins the pages and exports need."""

import datetime as dt
from typing import NamedTuple

from django.db.models import Prefetch

from .models import Session, SessionSpeaker, Summit, Theme


def programme(summit, published_only=True):
    """Sessions of a summit in time order, with theme, room and speakers (constant query count)."""
    qs = Session.objects.filter(summit=summit)
    if published_only:
        qs = qs.filter(is_published=True)
    return qs.select_related("summit", "theme", "room").prefetch_related(
        Prefetch(
            "speaker_roles",
            queryset=SessionSpeaker.objects.select_related("speaker__organisation").order_by("sort_order", "pk"),
        )
    ).order_by("start", "room__name", "pk")


def themes(summit):
    return Theme.objects.filter(summit=summit).order_by("sort_order", "title")


def public_summits():
    return Summit.objects.exclude(status="draft").order_by("-start_date")


class ProgrammeDay(NamedTuple):
    """One local day of a programme: ``for day, sessions in days`` or ``day.day`` / ``day.sessions``."""

    day: dt.date
    sessions: list


def programme_days(sessions) -> list[ProgrammeDay]:
    """Sessions (in time order) grouped by the summit's local day."""
    days: dict[dt.date, list] = {}
    for session in sessions:
        days.setdefault(session.local_day, []).append(session)
    return [ProgrammeDay(day, items) for day, items in days.items()]
