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

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _

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


class TeamError(ValidationError):
    """A team change that would break a rule (the message says which, in the user's language)."""


def _audit(summit, action, user, role, by):
    """One entry in the summit's history (Wagtail's site history and the summit's own history tab)."""
    from wagtail.log_actions import log

    if by is None or not getattr(by, "pk", None):
        return
    log(instance=summit, action=action, user=by,
        data={"member": user.get_username(), "member_id": user.pk, "role": str(role)})


def add_member(summit, user, role, *, by=None):
    """Give ``user`` a role in the summit's team (idempotent). Returns the membership."""
    from .models import Membership

    if role not in Role.values:
        raise TeamError(_("Choose one of the roles."))
    membership, created = Membership.objects.get_or_create(
        summit=summit, user=user, role=role, defaults={"added_by": by if getattr(by, "pk", None) else None}
    )
    if created:
        logger.info("user %s is now %s of summit %s (by %s)", user.pk, role, summit.pk, getattr(by, "pk", None))
        _audit(summit, "plenary.team.add", user, role, by)
    return membership


def _managers_left(summit, without_pk):
    """Managers of the summit other than membership ``without_pk``, rows locked until the transaction ends."""
    from .models import Membership

    return Membership.objects.select_for_update().filter(summit=summit, role=Role.MANAGER).exclude(pk=without_pk)


def _keep_a_manager(membership):
    if membership.role == Role.MANAGER and not _managers_left(membership.summit, membership.pk).exists():
        raise TeamError(_("A summit keeps at least one manager: make someone else manager first."))


@transaction.atomic
def change_role(membership, role, *, by=None):
    """Give a member another role instead of this one (the last manager stays manager)."""
    from .models import Membership

    if role not in Role.values:
        raise TeamError(_("Choose one of the roles."))
    membership = Membership.objects.select_for_update().select_related("summit", "user").get(pk=membership.pk)
    if membership.role == role:
        return membership
    _keep_a_manager(membership)
    existing = Membership.objects.filter(summit=membership.summit, user=membership.user, role=role).first()
    old_role = membership.role
    if existing is not None:  # they already hold the new role: this one simply goes
        membership.delete()
        membership = existing
    else:
        membership.role = role
        membership.save(update_fields=["role"])
    logger.info("user %s: %s -> %s in summit %s (by %s)", membership.user_id, old_role, role,
                membership.summit_id, getattr(by, "pk", None))
    if by is not None and getattr(by, "pk", None):
        from wagtail.log_actions import log

        log(instance=membership.summit, action="plenary.team.change", user=by,
            data={"member": membership.user.get_username(), "member_id": membership.user_id,
                  "role": str(role), "previous_role": str(old_role)})
    return membership


@transaction.atomic
def remove_membership(membership, *, by=None):
    """Take one role away from a member (never the summit's last manager)."""
    from .models import Membership

    membership = Membership.objects.select_for_update().select_related("summit", "user").get(pk=membership.pk)
    _keep_a_manager(membership)
    membership.delete()
    logger.info("user %s is no longer %s of summit %s (by %s)", membership.user_id, membership.role,
                membership.summit_id, getattr(by, "pk", None))
    _audit(membership.summit, "plenary.team.remove", membership.user, membership.role, by)


def remove_member(summit, user, role=None):
    from .models import Membership

    qs = Membership.objects.filter(summit=summit, user=user)
    if role:
        qs = qs.filter(role=role)
    for membership in qs:
        membership.delete()


def find_user(text):
    """The active user whose username or email is ``text`` (case-insensitive), or a TeamError saying why not."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    text = (text or "").strip()
    if not text:
        raise TeamError(_("Give the person's username or email address."))
    by_name = User.objects.filter(is_active=True, **{f"{User.USERNAME_FIELD}__iexact": text})
    if by_name.count() == 1:
        return by_name.get()
    by_email = User.objects.filter(is_active=True, email__iexact=text)
    count = by_email.count()
    if count == 1:
        return by_email.get()
    if count > 1:
        raise TeamError(_("Several accounts use this email address: give the username instead."))
    raise TeamError(_("No account has this username or email address. The secretariat creates accounts; "
                      "ask them, then add the person here."))
