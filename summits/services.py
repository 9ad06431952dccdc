"""Operations and rules of the summit domain.

The scheduling rules are plain functions returning translated messages so that model
``clean()``, the admin's inline speaker forms and the spreadsheet importer share them.
"""

import logging
from datetime import datetime, time

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import Session, SessionSpeaker, Summit

logger = logging.getLogger(__name__)


def _local(dt, summit):
    return formats.date_format(timezone.localtime(dt, summit.tz), "DATETIME_FORMAT")


def summit_bounds(summit):
    """Aware datetimes of the summit's first midnight and last midnight, in its time zone."""
    start = datetime.combine(summit.start_date, time.min, tzinfo=summit.tz)
    end = datetime.combine(summit.end_date, time.max, tzinfo=summit.tz)
    return start, end


def room_clash(room_id, start, end, exclude_session=None):
    """Message naming the session already in the room at that time, or None."""
    qs = Session.objects.filter(room_id=room_id, start__lt=end, end__gt=start).select_related("summit")
    if exclude_session:
        qs = qs.exclude(pk=exclude_session)
    other = qs.order_by("start").first()
    if other is None:
        return None
    return _("This room already hosts “%(title)s” from %(start)s to %(end)s.") % {
        "title": other.title,
        "start": _local(other.start, other.summit),
        "end": _local(other.end, other.summit),
    }


def speaker_clash(speaker_id, start, end, exclude_session=None):
    """Message naming the other session the speaker is in at that time, or None."""
    qs = SessionSpeaker.objects.filter(
        speaker_id=speaker_id, session__start__lt=end, session__end__gt=start
    ).select_related("session__summit", "speaker")
    if exclude_session:
        qs = qs.exclude(session_id=exclude_session)
    other = qs.order_by("session__start").first()
    if other is None:
        return None
    return _("%(speaker)s is already in “%(title)s” from %(start)s to %(end)s.") % {
        "speaker": other.speaker.full_name,
        "title": other.session.title,
        "start": _local(other.session.start, other.session.summit),
        "end": _local(other.session.end, other.session.summit),
    }


def session_errors(session, speaker_ids=None):
    """All rule violations of a session, as {field: message}. Empty when the session is valid.

    ``speaker_ids`` are the speakers about to be attached (the admin form passes them before they
    are saved); by default the speakers already attached are checked.
    """
    errors = {}
    summit = session.summit if session.summit_id else None
    start, end = session.start, session.end
    if start and end and end <= start:
        errors["end"] = _("A session must end after it starts.")
    if summit and start and end and "end" not in errors:
        first, last = summit_bounds(summit)
        if start < first or start > last:
            errors["start"] = _("The session must start within the summit’s dates (%(first)s – %(last)s).") % {
                "first": formats.date_format(summit.start_date), "last": formats.date_format(summit.end_date)
            }
        elif end > last:
            errors["end"] = _("The session must end within the summit’s dates (%(first)s – %(last)s).") % {
                "first": formats.date_format(summit.start_date), "last": formats.date_format(summit.end_date)
            }
    if summit and session.theme_id and session.theme.summit_id != summit.pk:
        errors["theme"] = _("This theme belongs to another summit (%(summit)s).") % {"summit": session.theme.summit}
    if summit and session.room_id and session.room.summit_id != summit.pk:
        errors["room"] = _("This room belongs to another summit (%(summit)s).") % {"summit": session.room.summit}
    if errors or not (start and end):
        return errors
    if session.room_id:
        clash = room_clash(session.room_id, start, end, exclude_session=session.pk)
        if clash:
            errors["room"] = clash
    if speaker_ids is None:
        speaker_ids = list(session.speaker_roles.values_list("speaker_id", flat=True)) if session.pk else []
    for speaker_id in speaker_ids:
        clash = speaker_clash(speaker_id, start, end, exclude_session=session.pk)
        if clash:
            errors["start"] = clash
            break
    return errors


@transaction.atomic
def assign_speaker(session, speaker, role, sort_order=0):
    """Put a speaker on a session (or change their role), refusing a clash."""
    from django.core.exceptions import ValidationError

    clash = speaker_clash(speaker.pk, session.start, session.end, exclude_session=session.pk)
    if clash:
        raise ValidationError({"speaker": clash})
    link, _created = SessionSpeaker.objects.update_or_create(
        session=session, speaker=speaker, defaults={"role": role, "sort_order": sort_order}
    )
    logger.info("speaker %s is %s of session %s", speaker.pk, role, session.pk)
    return link


@transaction.atomic
def ensure_collection(summit):
    """The summit's own image/document collection (created under the root collection on first use)."""
    from wagtail.models import Collection

    if summit.collection_id:
        return summit.collection
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    collection = root.add_child(name=f"{summit.title_en or summit.title} ({summit.slug})"[:255])
    Summit.objects.filter(pk=summit.pk).update(collection=collection)
    summit.collection = collection
    return collection


_CREATED_HOOKS: list = []  # callables (summit, by) run when a summit is created (e.g. cms: its draft page)


def on_summit_created(function):
    """Register ``function(summit, by)`` to run, in the same transaction, whenever a summit is created."""
    _CREATED_HOOKS.append(function)
    return function


@transaction.atomic
def summit_created(summit, *, by=None):
    """A new summit: its creator manages it, its team gets a collection for images and documents, and
    the apps above add what a summit needs (the public site: its summit page, as a draft)."""
    from core import teams
    from core.permissions import Role

    ensure_collection(summit)
    if by is not None and getattr(by, "pk", None):
        teams.add_member(summit, by, Role.MANAGER, by=by)
    for hook in _CREATED_HOOKS:
        hook(summit, by)
    transaction.on_commit(lambda: teams.sync(summit.pk))
    logger.info("summit %s created by %s", summit.slug, getattr(by, "pk", None))
    return summit


def move_session(session, *, start, end, room, actor=None):
    """Move a session to new times and/or another room, under the same rules as every other door.

    Raises ValidationError({field: message}) naming the clash; nothing is saved then.
    """
    from django.core.exceptions import ValidationError

    with transaction.atomic():
        locked = Session.objects.select_for_update().select_related("summit").get(pk=session.pk)
        before = (locked.start, locked.end, locked.room_id)
        locked.start, locked.end, locked.room = start, end, room
        errors = session_errors(locked)
        if errors:
            raise ValidationError(errors)
        locked.save(update_fields=["start", "end", "room"])
    logger.info("session %s moved from %s to %s by %s", session.pk, before, (start, end, getattr(room, "pk", None)),
                getattr(actor, "pk", None))
    return locked
