"""The Wagtail admin's doors that Wagtail itself leaves open, closed by one policy (core.permissions).

Plenary's own views ask :mod:`core.permissions`; Wagtail's views ask Wagtail's permission
policies (groups, page and collection permissions, kept in step by :mod:`core.teams`). Where
Wagtail or wagtail-localize answer without asking about the object (a page's "move" confirmation,
a translation of any page, the site-wide reports, filter drop-downs listing every user…), this
module makes them ask, in one place:

- :class:`AdminGuardMiddleware` runs before every admin view: secretariat-only screens refuse
  everyone else; check-in staff reach the check-in screens and their own account only; a URL naming
  a page (or a translation of one) refuses a user without permissions on that page.
- :func:`visible_users` limits every drop-down of users (history, reports, page filters) to the
  people of the user's own summits.
- :func:`scope_log_entries` limits the site history of summit records to the user's summits.
- :func:`chooser_pages` hides other teams' unpublished pages from the page chooser.
- The admin API lists the images and documents of the user's collections only.
"""

from __future__ import annotations

import fnmatch
import logging

from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.shortcuts import redirect

from . import permissions

logger = logging.getLogger(__name__)

# Screens of the whole site (users, groups, sites, locales, workflows, collections, redirects,
# settings, menus, Wagtail's test pages, site-wide page reports): superusers only.
SECRETARIAT_ONLY = (
    "wagtailusers_users:*", "wagtailusers_groups:*", "wagtailsites:*", "wagtaillocales:*",
    "wagtailadmin_workflows:*", "wagtailadmin_collections:*", "wagtailredirects:*", "wagtailsettings:*",
    "wagtailsnippets:index", "wagtailsnippets_cms_menu:*", "wagtailsnippetchoosers_cms_menu:*",
    "wagtailadmin_error_test", "wagtailadmin_reports:page_types_usage*",
    "wagtail_localize:snippets_api_*", "wagtail_localize:submit_snippet_translation",
    "wagtail_localize:translations_report*", "simple_translation:submit_snippet_translation",
)

# What check-in staff may open: the check-in screens, the badge photo they compare with the person in
# front of them, their own account and the admin's assets. The admin home sends them to check-in.
CHECKIN_DOORS = (
    "registrations_checkin_choose", "registrations_checkin", "registrations_participant_photo",
    "wagtailadmin_account", "wagtailadmin_logout", "wagtailadmin_login", "wagtailadmin_password_reset*",
    "wagtailadmin_javascript_catalog", "wagtailadmin_sprite", "wagtail_localize:javascript_catalog",
)

# Path parameters naming a page, and what the user needs on it. Wagtail's explorer and the page
# chooser may browse other teams' live pages (to link to them); they filter what they list instead.
PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "page_pk")
PAGE_BROWSERS = ("wagtailadmin_explore", "wagtailadmin_explore_results", "wagtailadmin_choose_page_child")


def _matches(name: str, patterns) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def may_touch_page(user, page) -> bool:
    """Any Wagtail permission on the page (edit, add below it, publish, lock): the page is the user's team's."""
    perms = page.permissions_for_user(user)
    return perms.can_edit() or perms.can_add_subpage() or perms.can_publish() or perms.can_lock()


def _page(page_id):
    from wagtail.models import Page

    return Page.objects.filter(pk=page_id).first()


def _translation_object(view_kwargs):
    """The object a wagtail-localize URL is about (through its translation or translation source)."""
    from wagtail_localize.models import Translation, TranslationSource

    source = None
    if "translation_id" in view_kwargs:
        translation = Translation.objects.filter(pk=view_kwargs["translation_id"]).select_related("source").first()
        source = translation.source if translation else None
    elif "translation_source_id" in view_kwargs:
        source = TranslationSource.objects.filter(pk=view_kwargs["translation_source_id"]).first()
    if source is None:
        return None
    try:
        return source.get_source_instance()
    except Exception:  # the source object is gone
        return None


def check(request, view_name: str, view_kwargs: dict):
    """Raise PermissionDenied (or return a redirect) when ``request.user`` may not open this admin view."""
    from wagtail.models import Page

    user = request.user
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return None
    if _matches(view_name, SECRETARIAT_ONLY):
        raise PermissionDenied
    if permissions.checkin_only(user) and not _matches(view_name, CHECKIN_DOORS):
        if view_name == "wagtailadmin_home":
            return redirect("registrations_checkin_choose")
        raise PermissionDenied
    if view_name == "wagtailadmin_choose_page_chosen_multiple":
        chosen = Page.objects.filter(pk__in=[pk for pk in request.GET.getlist("id") if pk.isdigit()])
        if chooser_pages(chosen, request).count() != chosen.count():
            raise PermissionDenied
    if view_name not in PAGE_BROWSERS:
        for kwarg in PAGE_KWARGS:
            if kwarg in view_kwargs:
                page = _page(view_kwargs[kwarg])
                if page is not None and not may_touch_page(user, page):
                    raise PermissionDenied
        if "destination_id" in view_kwargs:
            destination = _page(view_kwargs["destination_id"])
            if destination is not None and not destination.permissions_for_user(user).can_add_subpage():
                raise PermissionDenied
    if view_name.startswith("wagtail_localize:") and ("translation_id" in view_kwargs
                                                      or "translation_source_id" in view_kwargs):
        obj = _translation_object(view_kwargs)
        if obj is None or not isinstance(obj, Page) or not may_touch_page(user, obj):
            raise PermissionDenied
    return None


class AdminGuardMiddleware:
    """Asks :func:`check` before every view under /admin/ (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith("/admin/") or request.resolver_match is None:
            return None
        return check(request, request.resolver_match.view_name or "", view_kwargs)


# --- What Wagtail lists ---------------------------------------------------------------------------

def visible_users(user):
    """The users ``user`` may see named in the admin: the teams of their summits (and themselves)."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if permissions.is_secretariat(user):
        return User.objects.all()
    summit_ids = permissions.summit_ids_for(user, "summit.view") or set()
    return User.objects.filter(Q(pk=getattr(user, "pk", None)) | Q(summit_memberships__summit_id__in=summit_ids)
                               ).distinct()


def scope_log_entries(queryset, user):
    """Log entries (site history) of summit records limited to the records ``user`` may see."""
    from django.contrib.contenttypes.models import ContentType

    from .viewsets import _POLICIES, visible

    if permissions.is_secretariat(user):
        return queryset
    hidden = Q()
    for model in _POLICIES:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        seen = visible(model._default_manager.all(), user).annotate(_plenary_id=Cast("pk", CharField()))
        hidden |= Q(content_type=content_type) & ~Q(object_id__in=seen.values("_plenary_id"))
    return queryset.exclude(hidden)


def chooser_pages(pages, request):
    """Pages offered by the page chooser: live pages (to link to) and the pages of the user's team."""
    from wagtail.models import Page
    from wagtail.permission_policies.pages import PagePermissionPolicy

    user = request.user
    if permissions.is_secretariat(user):
        return pages
    mine = PagePermissionPolicy(Page).explorable_instances(user).values("pk")
    return pages.filter(Q(live=True) | Q(pk__in=mine))


def collection_scoped(viewset_class, model):
    """An admin API endpoint listing only the images/documents the user may choose."""
    from wagtail.permissions import policy_registry

    class Scoped(viewset_class):
        def get_queryset(self):
            queryset = super().get_queryset()
            user = self.request.user
            if permissions.is_secretariat(user):
                return queryset
            allowed = policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, ["choose"])
            return queryset.filter(pk__in=allowed.values("pk"))

    Scoped.__name__ = f"Scoped{viewset_class.__name__}"
    return Scoped


def install():
    """Patch the two places Wagtail (and django-filter) list records without asking about the summit:
    the site history of every model, and every filter drop-down of users."""
    from django_filters.filters import QuerySetRequestMixin
    from django.contrib.auth import get_user_model
    from wagtail.models.audit_log import ModelLogEntryManager

    if getattr(ModelLogEntryManager, "_plenary_scoped", False):
        return
    original_viewable = ModelLogEntryManager.viewable_by_user

    def viewable_by_user(self, user):
        return scope_log_entries(original_viewable(self, user), user)

    ModelLogEntryManager.viewable_by_user = viewable_by_user
    ModelLogEntryManager._plenary_scoped = True

    original_field = QuerySetRequestMixin.field

    @property
    def field(self):
        """A filter's form field; when it offers users, only those :func:`visible_users` allows."""
        form_field = original_field.fget(self)
        request = self.get_request()
        queryset = getattr(form_field, "queryset", None)
        if (request is not None and queryset is not None and queryset.model is get_user_model()
                and not getattr(form_field, "_plenary_scoped", False)):
            form_field.queryset = queryset.filter(pk__in=visible_users(request.user).values("pk"))
            form_field._plenary_scoped = True
        return form_field

    QuerySetRequestMixin.field = field
