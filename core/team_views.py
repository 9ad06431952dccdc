"""A summit's team in the admin: who holds which role; add, change and remove (managers only).

The rules (a summit keeps a manager, the audit entry, Wagtail's groups kept in step) live in
:mod:`core.teams`; this view only asks :mod:`core.permissions` whether the user may manage the
team of this summit ("team.manage"), then calls them.
"""

from django import forms
from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import permissions, teams
from .models import Membership
from .permissions import ROLE_DESCRIPTIONS, Role


class AddMemberForm(forms.Form):
    who = forms.CharField(label=gettext_lazy("Username or email address"), max_length=254)
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=Role.choices)


def _summit(request, summit_id):
    summit = get_object_or_404(apps.get_model("summits", "Summit"), pk=summit_id)
    if not permissions.can(request.user, "team.manage", summit):
        raise PermissionDenied
    return summit


def team(request, summit_id):
    summit = _summit(request, summit_id)
    form = AddMemberForm(request.POST if request.POST.get("action") == "add" else None)
    if request.method == "POST":
        try:
            done = _apply(request, summit, form)
        except teams.TeamError as exc:
            for message in exc.messages:
                messages.error(request, message)
            done = False
        if done:
            return redirect("plenary_team", summit_id=summit.pk)
    memberships = (Membership.objects.filter(summit=summit).select_related("user", "added_by")
                   .order_by("user__username", "role"))
    members = {}
    for membership in memberships:
        members.setdefault(membership.user, []).append(membership)
    return TemplateResponse(request, "core/admin/team.html", {
        "summit": summit, "members": members, "form": form, "roles": Role.choices,
        "role_descriptions": [(Role(value).label, ROLE_DESCRIPTIONS[value]) for value in Role.values],
    }, status=200 if request.method == "GET" or not form.errors else 400)


def _apply(request, summit, form):
    action = request.POST.get("action")
    if action == "add":
        if not form.is_valid():
            return False
        user = teams.find_user(form.cleaned_data["who"])
        role = form.cleaned_data["role"]
        if Membership.objects.filter(summit=summit, user=user, role=role).exists():
            messages.info(request, _("%(user)s is already %(role)s.") % {"user": user.get_username(),
                                                                         "role": Role(role).label})
            return True
        teams.add_member(summit, user, role, by=request.user)
        messages.success(request, _("%(user)s is now %(role)s of %(summit)s.")
                         % {"user": user.get_username(), "role": Role(role).label, "summit": summit})
        return True
    membership = get_object_or_404(Membership, pk=request.POST.get("membership") or 0, summit=summit)
    if action == "change":
        role = request.POST.get("role", "")
        changed = teams.change_role(membership, role, by=request.user)
        messages.success(request, _("%(user)s is now %(role)s.") % {"user": changed.user.get_username(),
                                                                    "role": Role(role).label})
        return True
    if action == "remove":
        teams.remove_membership(membership, by=request.user)
        messages.success(request, _("%(user)s is no longer %(role)s.")
                         % {"user": membership.user.get_username(), "role": membership.get_role_display()})
        return True
    messages.error(request, _("Choose an action."))
    return False
