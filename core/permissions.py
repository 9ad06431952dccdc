"""Who may do what on which summit: the one place that decides.

Plenary hosts several summits, each run by its own team. A team is a set of
:class:`core.models.Membership` rows (user, summit, role). A role grants *actions* such as
``"registrations.change"``; every door of the application (views, Wagtail viewsets, reports,
imports, exports, PDFs, tasks, commands, the API) asks :func:`can` or one of the query helpers
below, and no other code decides.

- Superusers are the secretariat: they may do everything, on every summit.
- ``can(user, action, summit)`` answers for one summit (an instance or its id).
- ``can(user, action)`` without a summit answers "on at least one summit" (menus, model-level
  checks such as "may this user open the sessions list at all").
- ``summits_for(user, action)`` is the queryset of summits where the user may do ``action``;
  ``scope(queryset, user, action, lookup)`` filters any queryset of summit records with it.

Django's own ``user.has_perm("app.codename")`` is answered from the same roles by
:class:`TeamBackend` (the apps map their model permissions to actions in
``AppConfig.permission_actions``), so Wagtail's model-level checks agree with :func:`can`.

Wagtail decides page and image/document permissions from groups; :mod:`core.teams` keeps one
group per summit and role in step with the memberships.
"""

from __future__ import annotations

import logging

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class Role(models.TextChoices):
    MANAGER = "manager", _("Summit manager")
    CONTENT_EDITOR = "content_editor", _("Content editor")
    REGISTRATION_DESK = "registration_desk", _("Registration desk")
    CHECKIN = "checkin", _("Check-in staff")
    COMMITMENTS_REVIEWER = "commitments_reviewer", _("Commitments reviewer")


ROLE_DESCRIPTIONS = {
    Role.MANAGER: _("Everything for this summit, including its team."),
    Role.CONTENT_EDITOR: _("The summit's pages, images, documents and programme."),
    Role.REGISTRATION_DESK: _("Participants, letters and badges."),
    Role.CHECKIN: _("The check-in page only."),
    Role.COMMITMENTS_REVIEWER: _("Review and publish commitments and progress reports."),
}

# Every action a role can grant, with what it lets the user do.
ACTIONS = {
    "summit.view": _("See the summit in the admin"),
    "summit.change": _("Change the summit's settings"),
    "summit.create": _("Create new summits"),
    "team.manage": _("Manage the summit's team"),
    "programme.view": _("See themes, rooms, sessions and speakers"),
    "programme.change": _("Change themes, rooms, sessions and speakers"),
    "directory.view": _("See organisations and speakers"),
    "directory.change": _("Add and change organisations and speakers"),
    "pages.change": _("Edit and publish the summit's pages, images and documents"),
    "registrations.view": _("See participants and their personal data"),
    "registrations.change": _("Change participants and decide on registrations"),
    "registrations.setup": _("Set up registration categories, invitations and email templates"),
    "registrations.documents": _("Print badges and letters"),
    "registrations.checkin": _("Check participants in"),
    "registrations.message": _("Write to participants"),
    "commitments.view": _("See commitments, including unpublished ones"),
    "commitments.change": _("Change commitments and progress reports"),
    "commitments.review": _("Review and publish commitments and progress reports"),
}

ALL = frozenset(ACTIONS)

ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.MANAGER: ALL,
    Role.CONTENT_EDITOR: frozenset({
        "summit.view", "programme.view", "programme.change", "directory.view", "directory.change", "pages.change",
    }),
    Role.REGISTRATION_DESK: frozenset({
        "summit.view", "programme.view", "directory.view", "registrations.view", "registrations.change",
        "registrations.setup", "registrations.documents", "registrations.checkin", "registrations.message",
    }),
    Role.CHECKIN: frozenset({"registrations.checkin"}),
    Role.COMMITMENTS_REVIEWER: frozenset({
        "summit.view", "programme.view", "directory.view", "commitments.view", "commitments.change",
        "commitments.review",
    }),
}

# Actions that are not about one summit: granted when the user holds them on any summit.
GLOBAL_ACTIONS = frozenset({"summit.create", "directory.view", "directory.change"})


def _summit_model():
    return apps.get_model("summits", "Summit")


def _membership_model():
    return apps.get_model("core", "Membership")


def _summit_id(summit):
    if summit is None:
        return None
    if isinstance(summit, int):
        return summit
    if isinstance(summit, str) and summit.isdigit():
        return int(summit)
    return getattr(summit, "pk", None)


def is_secretariat(user) -> bool:
    return bool(user is not None and getattr(user, "is_active", False) and getattr(user, "is_superuser", False))


def _grants(user) -> dict[int, frozenset[str]]:
    """{summit_id: actions} of an active user, read once per user object (i.e. per request)."""
    cached = getattr(user, "_plenary_grants", None)
    if cached is not None:
        return cached
    grants: dict[int, set[str]] = {}
    if getattr(user, "is_authenticated", False) and user.is_active and user.pk:
        for summit_id, role in _membership_model().objects.filter(user_id=user.pk).values_list("summit_id", "role"):
            grants.setdefault(summit_id, set()).update(ROLE_ACTIONS.get(role, ()))
    frozen = {summit_id: frozenset(actions) for summit_id, actions in grants.items()}
    try:
        user._plenary_grants = frozen
    except AttributeError:  # pragma: no cover - AnonymousUser accepts attributes; be safe anyway
        pass
    return frozen


def forget(user) -> None:
    """Drop the cached grants of a user object (after its memberships changed)."""
    if hasattr(user, "_plenary_grants"):
        del user._plenary_grants


def _check_action(action: str) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}; declare it in core.permissions.ACTIONS")


def can(user, action: str, summit=None) -> bool:
    """May ``user`` do ``action`` on ``summit`` (an instance or id)? Without a summit: on any summit."""
    _check_action(action)
    if user is None or not getattr(user, "is_active", False) or not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    grants = _grants(user)
    summit_id = _summit_id(summit)
    if summit_id is None or action in GLOBAL_ACTIONS:
        return any(action in actions for actions in grants.values())
    return action in grants.get(summit_id, ())


def require(user, action: str, summit=None) -> None:
    """Raise PermissionDenied unless :func:`can` says yes."""
    if not can(user, action, summit):
        raise PermissionDenied


def has_any_membership(user) -> bool:
    return is_secretariat(user) or bool(_grants(user))


CHECKIN_ONLY = frozenset({"registrations.checkin"})


def checkin_only(user) -> bool:
    """A team member whose roles, on every summit, grant nothing but checking participants in."""
    if is_secretariat(user) or not getattr(user, "is_authenticated", False):
        return False
    grants = _grants(user)
    return bool(grants) and all(actions <= CHECKIN_ONLY for actions in grants.values())


def summit_ids_for(user, action: str) -> set[int] | None:
    """Ids of the summits where ``user`` may do ``action``; ``None`` means every summit (secretariat)."""
    _check_action(action)
    if is_secretariat(user):
        return None
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    return {summit_id for summit_id, actions in _grants(user).items() if action in actions}


def summits_for(user, action: str = "summit.view"):
    """Queryset of the summits where ``user`` may do ``action``."""
    Summit = _summit_model()
    ids = summit_ids_for(user, action)
    if ids is None:
        return Summit.objects.all()
    return Summit.objects.filter(pk__in=ids)


def scope(queryset, user, action: str, lookup: str = "summit"):
    """``queryset`` limited to records whose summit (reached through ``lookup``) allows ``action``."""
    ids = summit_ids_for(user, action)
    if ids is None:
        return queryset
    field = "pk" if lookup in ("pk", "id", "") else lookup
    return queryset.filter(**{f"{field}__in": ids})


def roles_granting(action: str) -> list[str]:
    _check_action(action)
    return [role for role, actions in ROLE_ACTIONS.items() if action in actions]


def team_members(summit, action: str):
    """Active users of the summit's team whose role grants ``action`` (who to tell, e.g. reviewers)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        is_active=True, summit_memberships__summit_id=_summit_id(summit),
        summit_memberships__role__in=roles_granting(action),
    ).distinct()


def roles_of(user, summit) -> list[str]:
    """The roles ``user`` holds on ``summit`` (for display)."""
    summit_id = _summit_id(summit)
    if not getattr(user, "is_authenticated", False) or summit_id is None:
        return []
    return list(
        _membership_model().objects.filter(user_id=user.pk, summit_id=summit_id).values_list("role", flat=True)
    )


# --- Where a record's summit is ---------------------------------------------------------------
# Apps register how to reach the summit of each of their scoped models, e.g.
# ``register_scoped(Invitation, "category__summit")``. The Wagtail viewsets, the auth backend and
# the generated permission tests use it.

_SCOPED: dict[type, str] = {}


def register_scoped(model, lookup: str = "summit"):
    _SCOPED[model] = lookup
    return model


def scoped_models() -> dict[type, str]:
    return dict(_SCOPED)


def summit_lookup(model) -> str | None:
    for klass in getattr(model, "__mro__", (model,)):
        if klass in _SCOPED:
            return _SCOPED[klass]
    return None


def summit_id_of(obj) -> int | None:
    """The id of the summit a scoped record belongs to (None for unsaved or unscoped records)."""
    lookup = summit_lookup(type(obj))
    if lookup is None:
        return None
    if lookup == "pk":
        return obj.pk
    value = obj
    parts = lookup.split("__")
    for part in parts[:-1]:
        value = getattr(value, part, None)
        if value is None:
            return None
    return getattr(value, f"{parts[-1]}_id", None)


def can_on(user, action: str, obj) -> bool:
    """:func:`can` for the summit of a record (refused for a scoped record without a summit)."""
    summit_id = summit_id_of(obj)
    if summit_id is None and summit_lookup(type(obj)) is not None:
        return is_secretariat(user)
    return can(user, action, summit_id)


# --- Django permissions answered from the roles -------------------------------------------------

def permission_actions() -> dict[str, str]:
    """{"app_label.codename": action}: how each app's model permissions map to actions."""
    mapping = {"wagtailadmin.access_admin": "*"}
    for config in apps.get_app_configs():
        mapping.update(getattr(config, "permission_actions", {}))
    return mapping


class TeamBackend:
    """Answers ``user.has_perm()`` from the user's summit teams.

    ``wagtailadmin.access_admin`` is granted to every team member; a model permission is granted
    when the user may do its action on some summit (or, given an object, on that object's summit).
    Page and collection permissions stay with Wagtail's groups (see core.teams).
    """

    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        if not getattr(user_obj, "is_active", False) or not getattr(user_obj, "is_authenticated", False):
            return False
        action = permission_actions().get(perm)
        if action is None:
            return False
        if action == "*":
            return has_any_membership(user_obj)
        if obj is not None and summit_lookup(type(obj)) is not None:
            return can_on(user_obj, action, obj)
        return can(user_obj, action)

    def has_module_perms(self, user_obj, app_label):
        prefix = f"{app_label}."
        return any(
            perm.startswith(prefix) and self.has_perm(user_obj, perm) for perm in permission_actions()
        )
