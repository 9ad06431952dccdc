"""Wagtail admin doors that ask core.permissions: a permission policy and a viewset for summit records.

Register each summit-scoped model once, in its app's ``ready()``::

    scoped_model(Theme, lookup="summit", view="programme.view", change="programme.change")

That records where the record's summit is (``core.permissions.register_scoped``) and registers a
Wagtail permission policy answering from the summit teams. :class:`ScopedViewSet` then wraps
*every* view it builds (index, add, edit, delete, copy, history, usage, inspect, and any view a
subclass adds) so that:

- listings and filter drop-downs only hold records of summits the user may see;
- an object view refuses (PermissionDenied) a record of a summit the user may not act on;
- foreign-key choices in its forms are limited the same way (:class:`ScopedForm`);
- an add form starts in the organiser's current summit (``?summit=<id>`` or the workspace's choice,
  :mod:`core.workspace`), and once a form's summit is known (that, or the record's own summit) the
  summit is fixed and every other choice (themes, rooms, sessions, categories…) is limited to it.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.db.models.constants import LOOKUP_SEP
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from . import permissions
from .spreadsheets import SafeExportMixin

_POLICIES: dict[type, "SummitPolicy"] = {}


class SummitPolicy(BasePermissionPolicy):
    """Wagtail's questions ("may this user change this theme?") answered by core.permissions."""

    def __init__(self, model, *, lookup="summit", view, change, add=None, delete=None):
        super().__init__(model)
        self.lookup = lookup
        self.actions = {"view": view, "change": change, "add": add or change, "delete": delete or change,
                        "choose": view, "export": view}

    def action_for(self, action):
        return self.actions.get(action)

    def user_has_permission(self, user, action):
        act = self.action_for(action)
        return bool(act) and permissions.can(user, act)

    def user_has_permission_for_instance(self, user, action, instance):
        act = self.action_for(action)
        return bool(act) and permissions.can_on(user, act, instance)

    def instances_user_has_permission_for(self, user, action):
        act = self.action_for(action)
        if not act:
            return self.model._default_manager.none()
        return permissions.scope(self.model._default_manager.all(), user, act, self.lookup)

    def instances_user_has_any_permission_for(self, user, actions):
        ids = set()
        for action in actions:
            ids.update(self.instances_user_has_permission_for(user, action).values_list("pk", flat=True))
        return self.model._default_manager.filter(pk__in=ids)

    def users_with_any_permission(self, actions):
        from .models import Membership

        User = get_user_model()
        acts = {self.action_for(a) for a in actions} - {None}
        roles = [role for role, granted in permissions.ROLE_ACTIONS.items() if granted & acts]
        member_ids = Membership.objects.filter(role__in=roles).values_list("user_id", flat=True)
        return User.objects.filter(is_active=True).filter(pk__in=member_ids) | User.objects.filter(
            is_active=True, is_superuser=True)

    def users_with_any_permission_for_instance(self, actions, instance):
        from .models import Membership

        User = get_user_model()
        acts = {self.action_for(a) for a in actions} - {None}
        roles = [role for role, granted in permissions.ROLE_ACTIONS.items() if granted & acts]
        member_ids = Membership.objects.filter(
            role__in=roles, summit_id=permissions.summit_id_of(instance)).values_list("user_id", flat=True)
        return User.objects.filter(is_active=True).filter(pk__in=member_ids) | User.objects.filter(
            is_active=True, is_superuser=True)


def scoped_model(model, *, lookup="summit", view, change, add=None, delete=None) -> SummitPolicy:
    """Declare a summit-scoped model: where its summit is and which actions its views need."""
    permissions.register_scoped(model, lookup)
    policy = SummitPolicy(model, lookup=lookup, view=view, change=change, add=add, delete=delete)
    _POLICIES[model] = policy
    register_permission_policy(model, policy)
    return policy


def policy_for(model) -> SummitPolicy | None:
    for klass in getattr(model, "__mro__", ()):
        if klass in _POLICIES:
            return _POLICIES[klass]
    return None


def visible(queryset, user, action="view"):
    """A queryset of any model limited to what ``user`` may see (unscoped models are returned as they are)."""
    policy = policy_for(queryset.model)
    if policy is None:
        return queryset
    act = policy.action_for(action)
    if not act:
        return queryset.none()
    return permissions.scope(queryset, user, act, policy.lookup)


def summit_choices(user, model):
    """The summits a user may add or change records of ``model`` in (the summit drop-down of its forms)."""
    policy = policy_for(model)
    action = policy.action_for("add") if policy else "summit.change"
    return permissions.summits_for(user, action)


class ScopedForm(WagtailAdminModelForm):
    """Every foreign-key and many-to-many choice limited to records of summits the user may act on.

    When the form's summit is known (the record's own, the one posted, or the initial one an add
    view gives), the summit field offers only that summit and every other scoped choice is limited
    to records of that summit: a session's themes and rooms are its summit's themes and rooms.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        self.form_summit_id = None
        if user is None:
            return
        Summit = permissions._summit_model()
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None:
                continue
            if queryset.model is Summit:
                field.queryset = queryset & summit_choices(user, self._meta.model)
            elif policy_for(queryset.model) is not None:
                field.queryset = visible(queryset, user)
        self._fix_summit(Summit)

    def _known_summit_id(self):
        field = self.fields.get("summit")
        if field is None:
            return permissions.summit_id_of(self.instance) if self.instance.pk else None
        if self.is_bound:
            raw = self.data.get(self.add_prefix("summit"), "")
        elif getattr(self.instance, "summit_id", None):
            raw = self.instance.summit_id
        else:
            raw = self.initial.get("summit", "")
        raw = getattr(raw, "pk", raw)
        return int(raw) if str(raw).isdigit() else None

    def _fix_summit(self, Summit):
        summit_id = self._known_summit_id()
        if summit_id is None:
            return
        field = self.fields.get("summit")
        if field is not None and getattr(field, "queryset", None) is not None and field.queryset.model is Summit:
            if not field.queryset.filter(pk=summit_id).exists():
                return  # not a summit this user may use: the field's own validation refuses it
            field.queryset = field.queryset.filter(pk=summit_id)
            field.empty_label = None
            field.help_text = _("Records are added to the summit you work in; switch summits in the workspace.")
        self.form_summit_id = summit_id
        for name, other in self.fields.items():
            queryset = getattr(other, "queryset", None)
            if name == "summit" or queryset is None or queryset.model is Summit:
                continue
            lookup = permissions.summit_lookup(queryset.model)
            if lookup and lookup != "pk":
                other.queryset = queryset.filter(**{lookup: summit_id})


# Which policy action each generic view needs on its object.
VIEW_ACTIONS = {
    "EditView": "change",
    "DeleteView": "delete",
    "CopyView": "add",
    "UnpublishView": "change",
    "RevisionsUnscheduleView": "change",
}


def _object_action(view_class) -> str:
    for klass in view_class.__mro__:
        if klass.__name__ in VIEW_ACTIONS:
            return VIEW_ACTIONS[klass.__name__]
    return "view"


class ScopedViewMixin:
    """Limits a Wagtail generic view to the records of summits the user may act on."""

    scoped_policy: SummitPolicy | None = None

    def _policy(self):
        return self.scoped_policy or policy_for(self.model)

    def get_initial(self):
        initial = super().get_initial()
        policy = self._policy()
        record = getattr(self, "object", None)
        if (policy is not None and policy.lookup == "summit" and "summit" not in initial
                and getattr(record, "summit_id", None) is None):
            from .workspace import summit_from_request

            summit = summit_from_request(self.request, policy.action_for("add"))
            if summit is not None:
                initial["summit"] = summit.pk
        return initial

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        policy = self._policy()
        if policy is None:
            return queryset
        return visible(queryset, self.request.user)

    def get_base_object_queryset(self):
        queryset = super().get_base_object_queryset()
        return visible(queryset, self.request.user) if self._policy() else queryset

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        policy = self._policy()
        if policy is not None and not (
            policy.user_has_permission_for_instance(self.request.user, "view", obj)
            and policy.user_has_permission_for_instance(self.request.user, _object_action(type(self)), obj)
        ):
            raise PermissionDenied  # Wagtail: "Sorry, you do not have permission…", back to the dashboard
        return obj

    @cached_property
    def filterset_class(self):
        base = super().filterset_class
        if base is None:
            return None
        request = self.request

        class ScopedFilterSet(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                Summit = permissions._summit_model()
                for filter_ in self.filters.values():
                    queryset = getattr(filter_, "queryset", None)
                    if queryset is None or callable(queryset):
                        continue
                    if queryset.model is Summit:
                        filter_.queryset = queryset & permissions.summits_for(request.user, "summit.view")
                    elif policy_for(queryset.model) is not None:
                        filter_.queryset = visible(queryset, request.user)

        ScopedFilterSet.__name__ = f"Scoped{base.__name__}"
        return ScopedFilterSet


class BooleanColumnsMixin:
    """Listing columns of yes/no fields drawn as a tick or a cross read out in the admin's language
    (Wagtail's generic column prints the Python words "True" and "False")."""

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        if column_class is Column and LOOKUP_SEP not in field_name:
            try:
                field = self.model._meta.get_field(field_name)
            except FieldDoesNotExist:
                field = None
            if isinstance(field, models.BooleanField):
                column_class = BooleanColumn
        return super()._get_custom_column(field_name, column_class, **kwargs)


class PlenaryViewSet(ModelViewSet):
    """A ModelViewSet whose spreadsheet exports are formula-safe (core.spreadsheets) and whose yes/no
    columns and cells read in the admin's language."""

    def construct_view(self, view_class, **kwargs):
        if issubclass(view_class, SpreadsheetExportMixin) and not issubclass(view_class, SafeExportMixin):
            view_class = type(f"Safe{view_class.__name__}", (SafeExportMixin, view_class), {})
        if issubclass(view_class, IndexView) and not issubclass(view_class, BooleanColumnsMixin):
            view_class = type(f"Worded{view_class.__name__}", (BooleanColumnsMixin, view_class), {})
        return super().construct_view(view_class, **kwargs)


class NoAddView(CreateView):
    """For records made only by their own service (a public form, an import): the admin never adds one."""

    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class ScopedViewSet(PlenaryViewSet):
    """A ModelViewSet whose every view asks core.permissions (see the module docstring).

    ``add_view_enabled = False`` for records the admin never creates (registrations come from the
    public form or an import, progress reports from their signed link): no "Add" button, and the
    add URL refuses.
    """

    add_view_enabled = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.add_view_enabled:
            self.add_view_class = NoAddView

    def get_index_view_kwargs(self, **kwargs):
        view_kwargs = super().get_index_view_kwargs(**kwargs)
        if not self.add_view_enabled:
            view_kwargs["add_url_name"] = None
        return view_kwargs

    def construct_view(self, view_class, **kwargs):
        if not issubclass(view_class, ScopedViewMixin):
            view_class = type(f"Scoped{view_class.__name__}", (ScopedViewMixin, view_class), {})
        return super().construct_view(view_class, **kwargs)

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        if not issubclass(form_class, ScopedForm):
            form_class = type(f"Scoped{form_class.__name__}", (ScopedForm, form_class), {})
        return form_class
