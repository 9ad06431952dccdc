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
def dict_get(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def cell(value):
    """A table cell of a dashboard figure in the active language: numbers grouped, dates written out."""
    import datetime as dt

    from core import formatting

    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return formatting.number(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return formatting.short_date(value)
    return value
