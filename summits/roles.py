"""The "Organisers" group: the permissions organisers need, and no more.

Each app lists what its organisers may do in ``AppConfig.organiser_permissions``; this module
gathers them after every migration so new apps and models are picked up automatically.
"""

import logging

from django.apps import apps
from django.contrib.auth.models import Group, Permission

logger = logging.getLogger(__name__)

ORGANISERS_GROUP = "Organisers"

# Wagtail: reach the admin, manage images/documents of the site.
BASE_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]


def organiser_permission_names():
    names = list(BASE_PERMISSIONS)
    for config in apps.get_app_configs():
        names.extend(getattr(config, "organiser_permissions", []))
    return names


def ensure_organiser_group():
    group, _created = Group.objects.get_or_create(name=ORGANISERS_GROUP)
    wanted = []
    for name in organiser_permission_names():
        app_label, codename = name.split(".", 1)
        perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if perm is None:
            logger.debug("permission %s does not exist (yet)", name)
            continue
        wanted.append(perm)
    group.permissions.set(wanted)
    return group


def ensure_organiser_group_after_migrate(sender, **kwargs):
    """post_migrate runs once per app; act after the last one, when every permission exists."""
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if with_models and sender is with_models[-1]:
        ensure_organiser_group()
