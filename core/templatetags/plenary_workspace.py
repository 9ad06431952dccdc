"""``{% workspace_header summit "section" title %}``: the summit switcher and the sections of the workspace."""

from django import template

from .. import permissions, workspace

register = template.Library()


@register.inclusion_tag("core/admin/workspace_header.html", takes_context=True)
def workspace_header(context, summit, active="", title=""):
    request = context["request"]
    user = request.user
    return {
        "request": request,
        "summit": summit,
        "title": title,
        "active": active,
        "sections": [(s, s.url(summit)) for s in workspace.sections_for(user, summit)],
        "summits": workspace.available_summits(user),
        "roles": [permissions.Role(role).label for role in permissions.roles_of(user, summit)
                  if role in permissions.Role.values],
        "secretariat": permissions.is_secretariat(user),
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def in_zone(value, summit):
    """An aware datetime as the summit's local wall-clock time (naive, so ``|time`` and ``|date`` keep it)."""
    from django.utils import timezone

    if value is None:
        return None
    tz = getattr(summit, "tz", None) or summit
    return timezone.make_naive(value, tz) if timezone.is_aware(value) else value


@register.filter
def dict_get(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
