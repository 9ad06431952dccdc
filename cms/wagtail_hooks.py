"""Admin: navigation menus (main, footer) as translatable snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Menu


class MenuViewSet(SnippetViewSet):
    model = Menu
    icon = "list-ul"
    menu_label = _("Menus")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["handle", "locale"]
    list_filter = ["handle"]


register_snippet(MenuViewSet)
