"""Summit teams kept in step with Wagtail's page and collection permissions.

Wagtail decides who may edit a page or use an image from *groups* (``GroupPagePermission``,
``GroupCollectionPermission``). For each summit Plenary keeps one group, "<summit>: pages and
media", whose members are the summit's managers and content editors, with permissions on the
summit's page roots (its summit page in every language, registered by the cms app) and on its
image/document collection (registered by the summits app). :func:`sync` rebuilds that group
from the memberships; it runs after every membership change and whenever a page root or a
collection appears. Nobody edits these groups by hand.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .permissions import Role

logger = logging.getLogger(__name__)

EDITING_ROLES = (Role.MANAGER, Role.CONTENT_EDITOR)
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"), ("wagtailimages", "change_image"), ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document"),
)
GROUP_PREFIX = "plenary-summit-"

_PAGE_ROOTS: list = []  # callables: summit -> iterable of Page
_COLLECTIONS: list = []  # callables: summit -> iterable of Collection
_SYNC_HOOKS: list = []  # callables: summit, group -> None (apps adding their own Wagtail permissions)


def register_page_roots(function):
    _PAGE_ROOTS.append(function)
    return function


def register_collections(function):
    _COLLECTIONS.append(function)
    return function


def register_sync_hook(function):
    _SYNC_HOOKS.append(function)
    return function


def group_name(summit) -> str:
    return f"{GROUP_PREFIX}{summit.pk}-editors"


def editors_group(summit):
    from django.contrib.auth.models import Group

    group, _created = Group.objects.get_or_create(name=group_name(summit))
    return group


def sync(summit) -> None:
    """Rebuild the summit's editing group: members, page permissions, collection permissions."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    Summit = apps.get_model("summits", "Summit")
    if not isinstance(summit, Summit):
        summit = Summit.objects.filter(pk=summit).first()
        if summit is None:
            return
    Membership = apps.get_model("core", "Membership")
    with transaction.atomic():
        group = editors_group(summit)
        editors = set(
            Membership.objects.filter(summit=summit, role__in=EDITING_ROLES).values_list("user_id", flat=True)
        )
        User = get_user_model()
        current = set(group.user_set.values_list("pk", flat=True))
        for user in User.objects.filter(pk__in=editors - current):
            user.groups.add(group)
        for user in User.objects.filter(pk__in=current - editors):
            user.groups.remove(group)

        page_perms = list(Permission.objects.filter(content_type__app_label="wagtailcore",
                                                    codename__in=PAGE_PERMISSIONS))
        wanted_pages = {page.pk for roots in _PAGE_ROOTS for page in roots(summit)}
        GroupPagePermission.objects.filter(group=group).exclude(page_id__in=wanted_pages).delete()
        for page_id in wanted_pages:
            for perm in page_perms:
                GroupPagePermission.objects.get_or_create(group=group, page_id=page_id, permission=perm)

        collection_perms = [
            Permission.objects.filter(content_type__app_label=app, codename=codename).first()
            for app, codename in COLLECTION_PERMISSIONS
        ]
        wanted_collections = {c.pk for finder in _COLLECTIONS for c in finder(summit)}
        GroupCollectionPermission.objects.filter(group=group).exclude(collection_id__in=wanted_collections).delete()
        for collection_id in wanted_collections:
            for perm in filter(None, collection_perms):
                GroupCollectionPermission.objects.get_or_create(group=group, collection_id=collection_id,
                                                                permission=perm)
        for hook in _SYNC_HOOKS:
            hook(summit, group)
    logger.info("team of summit %s synced: %d editor(s), %d page root(s), %d collection(s)", summit.pk,
                len(editors), len(wanted_pages), len(wanted_collections))


def sync_all() -> None:
    from django.apps import apps

    for summit in apps.get_model("summits", "Summit").objects.all():
        sync(summit)


def _membership_changed(sender, instance, **kwargs):
    from .permissions import forget

    forget(instance.user)
    summit_id = instance.summit_id
    transaction.on_commit(lambda: sync(summit_id))


def connect():
    from .models import Membership

    post_save.connect(_membership_changed, sender=Membership, dispatch_uid="plenary_team_saved")
    post_delete.connect(_membership_changed, sender=Membership, dispatch_uid="plenary_team_deleted")


def after_migrate(sender, **kwargs):
    """Once every app is migrated (the last post_migrate), make sure every summit's group is right."""
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if with_models and sender is with_models[-1]:
        try:
            sync_all()
        except Exception:  # a partial migration (tests migrating to an old state) must not break
            logger.exception("could not sync summit teams after migrate")


def add_member(summit, user, role, *, by=None):
    """Give ``user`` a role in the summit's team (idempotent). Returns the membership."""
    from .models import Membership

    membership, created = Membership.objects.get_or_create(
        summit=summit, user=user, role=role, defaults={"added_by": by if getattr(by, "pk", None) else None}
    )
    if created:
        logger.info("user %s is now %s of summit %s (by %s)", user.pk, role, summit.pk, getattr(by, "pk", None))
    return membership


def remove_member(summit, user, role=None):
    from .models import Membership

    qs = Membership.objects.filter(summit=summit, user=user)
    if role:
        qs = qs.filter(role=role)
    for membership in qs:
        membership.delete()
