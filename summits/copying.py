"""Copy a summit to a new edition: its programme and set-up, shifted in time, never its people.

:func:`copy_summit` copies the summit record (a draft, titled and dated for the new edition), its
themes, rooms and sessions (every date moved by the same number of days, local wall-clock times
kept across daylight-saving changes) with their speakers' roles, then asks each registered copier
for its part: registrations copy categories with quotas and email templates, cms copies the summit
page subtree in every language. Registrations, bookings, invitations and commitments (with their
contacts) are personal or belong to one edition: they are not copied.

It runs as a job (``summits.copy``) with progress; each step is its own transaction so progress is
visible, and if any step fails everything made so far is removed again (nothing half-copied stays).
The person who copies becomes manager of the copy.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Room, Session, SessionSpeaker, Summit, Theme

logger = logging.getLogger(__name__)

JOB_KIND = "summits.copy"


@dataclass
class CopyContext:
    source: Summit
    target: Summit
    delta: dt.timedelta
    user: object = None
    maps: dict = field(default_factory=dict)  # model label -> {old pk: new instance}

    def shift(self, value):
        """A datetime moved by ``delta`` days at the same local time of the summit (None stays None)."""
        if value is None:
            return None
        tz = self.source.tz
        local = timezone.make_naive(value, tz) if timezone.is_aware(value) else value
        return timezone.make_aware(local + self.delta, tz)


@dataclass
class Copier:
    name: str
    label: str
    run: callable  # (CopyContext) -> {label: count}
    undo: callable | None = None  # (target summit) -> None, to remove what run made
    order: int = 100


_COPIERS: dict[str, Copier] = {}


def register_copier(name, label, run, *, undo=None, order=100) -> Copier:
    copier = Copier(name, label, run, undo, order)
    _COPIERS[name] = copier
    return copier


def copiers() -> list[Copier]:
    return sorted(_COPIERS.values(), key=lambda c: (c.order, c.name))


def clone(obj, **overrides):
    """A saved copy of ``obj``: every concrete field (all languages) except the primary key, then ``overrides``
    (by attribute name, e.g. ``summit_id``)."""
    data = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key}
    data.update(overrides)
    copy = type(obj)(**data)
    copy.save()
    return copy


def _languages():
    return [code.replace("-", "_") for code, _name in settings.LANGUAGES]


def _copy_summit_record(source, *, titles, slug, start_date, user):
    delta = start_date - source.start_date
    overrides = {
        "slug": slug, "start_date": start_date, "end_date": source.end_date + delta, "status": "draft",
        "collection_id": None,
    }
    for suffix in _languages():
        code = suffix.replace("_", "-")
        if titles.get(code):
            overrides[f"title_{suffix}"] = titles[code]
    overrides["title"] = titles.get(settings.LANGUAGE_CODE) or source.title
    ctx = CopyContext(source, None, dt.timedelta(days=delta.days), user)
    overrides["registration_opens"] = ctx.shift(source.registration_opens)
    overrides["registration_closes"] = ctx.shift(source.registration_closes)
    target = clone(source, **overrides)
    target.co_organisers.set(source.co_organisers.all())
    from .services import summit_created

    summit_created(target, by=user)
    ctx.target = target
    return ctx


def _copy_programme(ctx: CopyContext) -> dict:
    themes = {t.pk: clone(t, summit_id=ctx.target.pk) for t in Theme.objects.filter(summit=ctx.source)}
    rooms = {r.pk: clone(r, summit_id=ctx.target.pk) for r in Room.objects.filter(summit=ctx.source)}
    sessions = {}
    roles = 0
    for session in Session.objects.filter(summit=ctx.source).order_by("start", "pk"):
        copy = clone(
            session, summit_id=ctx.target.pk, start=ctx.shift(session.start), end=ctx.shift(session.end),
            theme_id=themes[session.theme_id].pk if session.theme_id else None,
            room_id=rooms[session.room_id].pk if session.room_id else None,
        )
        sessions[session.pk] = copy
        for link in SessionSpeaker.objects.filter(session=session):
            clone(link, session_id=copy.pk)
            roles += 1
    ctx.maps.update({"summits.theme": themes, "summits.room": rooms, "summits.session": sessions})
    return {str(_("themes")): len(themes), str(_("rooms")): len(rooms), str(_("sessions")): len(sessions),
            str(_("speakers' roles")): roles}


def undo(target_id):
    """Remove a half-made copy: every copier's part, then the summit (themes, rooms, sessions follow)."""
    target = Summit.objects.filter(pk=target_id).first()
    if target is None:
        return
    for copier in reversed(copiers()):
        if copier.undo:
            try:
                copier.undo(target)
            except Exception:  # keep removing the rest
                logger.exception("copy of summit: could not undo %s for summit %s", copier.name, target_id)
    collection = target.collection
    with transaction.atomic():
        target.delete()
        if collection is not None:
            collection.delete()
    logger.info("copy of summit: half-made copy %s removed", target_id)


def copy_summit(source, *, titles: dict, slug: str, start_date: dt.date, user=None, progress=None):
    """Copy ``source`` to a new edition starting on ``start_date``; returns (new summit, {what: count})."""
    steps = 2 + len(copiers())
    report = progress or (lambda done, total, message=None: None)
    report(0, steps, _("Copying the summit"))
    with transaction.atomic():
        ctx = _copy_summit_record(source, titles=titles, slug=slug, start_date=start_date, user=user)
    summary = {}
    try:
        report(1, steps, _("Copying themes, rooms and sessions"))
        with transaction.atomic():
            summary.update(_copy_programme(ctx))
        for index, copier in enumerate(copiers(), start=2):
            report(index, steps, copier.label)
            with transaction.atomic():
                summary.update(copier.run(ctx) or {})
    except Exception:
        undo(ctx.target.pk)
        raise
    report(steps, steps, _("Done"))
    logger.info("summit %s copied to %s by %s: %s", source.slug, ctx.target.slug, getattr(user, "pk", None), summary)
    return ctx.target, summary


def start(source, *, titles, slug, start_date, user):
    from core import jobs

    return jobs.start(JOB_KIND, owner=user, params={
        "source": source.pk, "titles": titles, "slug": slug, "start_date": start_date.isoformat(),
    })


def run_copy_job(ctx) -> dict:
    from core import permissions

    params = ctx.params
    source = Summit.objects.get(pk=params["source"])
    user = ctx.job.owner
    if user is not None and not (permissions.can(user, "summit.view", source) and permissions.can(user, "summit.create")):
        raise PermissionError("the user may no longer copy this summit")
    if Summit.objects.filter(slug=params["slug"]).exists():
        raise ValueError(_("Another summit already uses the address “%(slug)s”.") % {"slug": params["slug"]})

    def progress(done, total, message=None):
        ctx.progress(done, total, message, force=True)

    target, summary = copy_summit(source, titles=params["titles"], slug=params["slug"],
                                  start_date=dt.date.fromisoformat(params["start_date"]), user=user, progress=progress)
    return {"summit": target.pk, "slug": target.slug, "title": target.title, "summary": summary}


def result_url(job):
    """Where the finished copy is: the new edition's workspace."""
    from django.urls import reverse

    summit_id = (job.result or {}).get("summit")
    if not summit_id or not Summit.objects.filter(pk=summit_id).exists():
        return "", ""
    return f"{reverse('plenary_workspace')}?summit={summit_id}", gettext_lazy("Open the new edition")
