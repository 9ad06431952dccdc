"""The workspace's own admin screens: choose a summit (the switcher), then land on its first section."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import permissions, workspace


def _first_section_url(user, summit):
    for section in workspace.sections_for(user, summit):
        url = section.url(summit)
        if url:
            return url
    return ""


def choose(request):
    """Where the workspace starts: the current summit's first section, or the list of summits to choose from."""
    summits = list(workspace.available_summits(request.user))
    if not summits and not permissions.is_secretariat(request.user):
        raise PermissionDenied
    raw = request.GET.get("summit", "")
    if raw.isdigit() and workspace.may_enter(request.user, int(raw)):
        summit = next((s for s in summits if s.pk == int(raw)), None)
        if summit is not None:
            workspace.choose(request, summit)
    current = workspace.current_summit(request)
    if current is not None and "choose" not in request.GET:
        url = _first_section_url(request.user, current)
        if url:
            return redirect(url)
    rows = [(summit, _first_section_url(request.user, summit), permissions.roles_of(request.user, summit))
            for summit in summits]
    return render(request, "core/admin/workspace_choose.html", {
        "rows": [(s, url, roles) for s, url, roles in rows if url], "current": current,
    })


@require_POST
def switch(request):
    """The switcher: remember the summit, then show the same section of it (or its first one)."""
    raw = request.POST.get("summit", "")
    if not raw.isdigit():
        return redirect("plenary_workspace")
    Summit = permissions._summit_model()
    summit = get_object_or_404(Summit, pk=int(raw))
    workspace.choose(request, summit)
    section = workspace.section(request.POST.get("section", ""))
    if section is not None and permissions.can(request.user, section.action, summit) and section.url(summit):
        return redirect(section.url(summit))
    following = request.POST.get("next", "")
    if following and url_has_allowed_host_and_scheme(following, {request.get_host()}, request.is_secure()):
        return redirect(following)
    url = _first_section_url(request.user, summit)
    return redirect(url or "plenary_workspace")
