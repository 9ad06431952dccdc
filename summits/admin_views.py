"""The organisers' timetable in the Wagtail admin: a day's rooms × time grid, and moving a session."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from core import permissions, workspace

from . import services, timetable
from .models import Room, Session, Summit


def _summit_for(request, summit_id, action):
    summit = get_object_or_404(Summit, pk=summit_id)
    if not permissions.can(request.user, action, summit):
        raise PermissionDenied
    workspace.choose(request, summit)
    return summit


def _day(summit, raw):
    try:
        day = dt.date.fromisoformat(raw or "")
    except ValueError:
        day = None
    if day in summit.days:
        return day
    today = timezone.localtime(timezone.now(), summit.tz).date()
    return today if today in summit.days else summit.start_date


@never_cache
def timetable_view(request, summit_id):
    summit = _summit_for(request, summit_id, "programme.view")
    day = _day(summit, request.GET.get("day"))
    sessions = list(Session.objects.filter(summit=summit).select_related("summit", "room", "theme")
                    .prefetch_related("speaker_roles__speaker"))
    clashes = timetable.summit_clashes(summit, sessions)
    grid = timetable.day_grid(summit, day, sessions, clashes)
    days = []
    for d in summit.days:
        count = sum(1 for s in sessions if s.local_day == d)
        days.append({"day": d, "count": count, "clashes": sum(1 for s in sessions if s.local_day == d and s.pk in clashes)})
    return render(request, "summits/admin/timetable.html", {
        "summit": summit, "section": "timetable", "page_title": _("Timetable"), "grid": grid, "days": days,
        "day": day, "can_change": permissions.can(request.user, "programme.change", summit),
        "clash_total": len(clashes),
        "add_session": f"{reverse('summits_session:add')}?summit={summit.pk}",
    })


class MoveForm(forms.Form):
    day = forms.ChoiceField(label=gettext_lazy("Day"))
    start = forms.TimeField(label=gettext_lazy("Starts"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end = forms.TimeField(label=gettext_lazy("Ends"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    room = forms.ModelChoiceField(label=gettext_lazy("Room"), queryset=Room.objects.none(), required=False,
                                  empty_label=gettext_lazy("No room"))

    def __init__(self, *args, summit, **kwargs):
        super().__init__(*args, **kwargs)
        self.summit = summit
        self.fields["day"].choices = [(d.isoformat(), formats.date_format(d, "l j F Y")) for d in summit.days]
        self.fields["room"].queryset = Room.objects.filter(summit=summit).order_by("name")
        for name in ("start", "end"):
            self.fields[name].help_text = _("Local time of the summit (%(zone)s).") % {"zone": summit.timezone}

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("day"), cleaned.get("start"), cleaned.get("end")
        if day and start and end:
            date = dt.date.fromisoformat(day)
            cleaned["start_at"] = dt.datetime.combine(date, start, tzinfo=self.summit.tz)
            end_date = date if end > start else date + dt.timedelta(days=1) if end == dt.time(0, 0) else date
            cleaned["end_at"] = dt.datetime.combine(end_date, end, tzinfo=self.summit.tz)
        return cleaned


@never_cache
def move_session(request, summit_id, session_id):
    """Change a session's day, times or room from the timetable; the rules of summits.services decide."""
    summit = _summit_for(request, summit_id, "programme.change")
    session = get_object_or_404(Session.objects.select_related("summit", "room"), pk=session_id, summit=summit)
    local_start, local_end = session.local_start, session.local_end
    initial = {"day": local_start.date().isoformat(), "start": local_start.time(), "end": local_end.time(),
               "room": session.room_id}
    form = MoveForm(request.POST or None, summit=summit, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.move_session(session, start=form.cleaned_data["start_at"], end=form.cleaned_data["end_at"],
                                  room=form.cleaned_data["room"], actor=request.user)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                target = {"start": "start", "end": "end", "room": "room"}.get(field)
                for error in errors:
                    form.add_error(target, error)
        else:
            messages.success(request, _("“%(title)s” moved.") % {"title": session.title})
            return redirect(f"{reverse('summits_timetable', args=[summit.pk])}?day={form.cleaned_data['day']}"
                            f"#session-{session.pk}")
    return render(request, "summits/admin/move_session.html", {
        "summit": summit, "section": "timetable", "page_title": _("Move a session"), "session": session,
        "form": form, "back": f"{reverse('summits_timetable', args=[summit.pk])}?day={local_start.date().isoformat()}",
    })
