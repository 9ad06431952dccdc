"""Admin screens of the ground floor: spreadsheet imports (every registered kind)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import import_views


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("plenary/import/", import_views.import_choose, name="plenary_import"),
        path("plenary/import/<str:kind>/", import_views.import_upload, name="plenary_import_upload"),
        path("plenary/import/<str:kind>/confirm/", import_views.import_confirm, name="plenary_import_confirm"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return import_views.importable_kinds(request.user) != []


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import spreadsheets"), reverse("plenary_import"), icon_name="upload", order=900)
