"""The organiser's summit workspace: the summit they work in, remembered, and the sections offered.

An organiser chooses a summit once (the switcher in the admin); the choice is kept per user
(:class:`core.models.WorkspaceChoice`), so every add form, list and dashboard already knows the
summit. Visiting any workspace page of a summit makes it the current one.

The sections of the workspace (overview, programme, participants…) are registered by the apps
that provide them (:func:`register_section`); each names the ``core.permissions`` action it needs,
and a section the user's role does not allow is not offered.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse

from . import permissions


def _summit_model():
    return apps.get_model("summits", "Summit")


def member_summit_ids(user) -> set[int] | None:
    """Summits where ``user`` holds any role (``None``: every summit, for the secretariat)."""
    if permissions.is_secretariat(user):
        return None
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    return set(permissions._grants(user))


def available_summits(user):
    """The summits the switcher offers: those where the user holds a role (all for the secretariat)."""
    ids = member_summit_ids(user)
    qs = _summit_model().objects.all()
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.order_by("-start_date", "title")


def may_enter(user, summit) -> bool:
    ids = member_summit_ids(user)
    summit_id = permissions._summit_id(summit)
    return summit_id is not None and (ids is None or summit_id in ids)


def current_summit(request):
    """The summit this organiser works in: the one chosen last (still allowed), or their only summit."""
    if hasattr(request, "_plenary_summit"):
        return request._plenary_summit
    user = request.user
    summit = None
    if getattr(user, "is_authenticated", False):
        from .models import WorkspaceChoice

        choice = WorkspaceChoice.objects.filter(user=user).select_related("summit").first()
        if choice is not None and may_enter(user, choice.summit_id):
            summit = choice.summit
        elif not permissions.is_secretariat(user):
            mine = list(available_summits(user)[:2])
            summit = mine[0] if len(mine) == 1 else None
    request._plenary_summit = summit
    return summit


def choose(request, summit):
    """Make ``summit`` the user's current summit (refused if they hold no role on it)."""
    from .models import WorkspaceChoice

    if not may_enter(request.user, summit):
        raise PermissionDenied
    WorkspaceChoice.objects.update_or_create(user=request.user, defaults={"summit": summit})
    request._plenary_summit = summit
    return summit


def summit_from_request(request, action: str):
    """The summit a page is about: ``?summit=<id>`` when allowed, else the current summit when allowed."""
    raw = request.GET.get("summit", "") if request is not None else ""
    if raw.isdigit() and permissions.can(request.user, action, int(raw)):
        return _summit_model().objects.filter(pk=int(raw)).first()
    summit = current_summit(request) if request is not None else None
    if summit is not None and permissions.can(request.user, action, summit):
        return summit
    return None


# --- Sections ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Section:
    name: str
    label: str
    url_name: str  # reversed with the summit's id: reverse(url_name, args=[summit.pk])
    action: str  # core.permissions action needed on the summit
    order: int = 100
    icon: str = "folder-open-inverse"

    def url(self, summit) -> str:
        try:
            return reverse(self.url_name, args=[permissions._summit_id(summit)])
        except NoReverseMatch:
            return ""


_SECTIONS: dict[str, Section] = {}


def register_section(section: Section) -> Section:
    permissions._check_action(section.action)
    _SECTIONS[section.name] = section
    return section


def sections() -> list[Section]:
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.name))


def sections_for(user, summit) -> list[Section]:
    """The sections of ``summit`` this user's roles allow, in menu order."""
    return [s for s in sections() if permissions.can(user, s.action, summit)]


def section(name) -> Section | None:
    return _SECTIONS.get(name)
