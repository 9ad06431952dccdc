"""The organisers' back office for the summit domain (Wagtail viewsets)."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button

from core.permissions import can
from core.viewsets import PlenaryViewSet, ScopedViewSet

from . import services
from .admin_forms import SessionAdminForm, SummitScopedForm, translated_tabs
from .copy_views import SummitCopyView
from .models import Organisation, Room, Session, Speaker, Summit, Theme
from .resources import translated_columns


def export_headings(columns, **renamed):
    """Export headings equal to the import columns, so an exported sheet can be imported back."""
    return {column: renamed.get(column, column) for column in columns}


class OrganisationViewSet(PlenaryViewSet):
    url_prefix = "summits/organisations"
    url_namespace = "summits_organisation"
    model = Organisation
    icon = "group"
    menu_order = 500
    add_to_admin_menu = False
    list_display = ["name", "acronym", "kind", "country", "accepted"]
    list_filter = ["accepted", "kind", "country"]
    # The import's columns, every language included: an exported sheet goes to translators and back.
    list_export = [*translated_columns("name"), "acronym", "kind", "country", "website"]
    export_headings = export_headings(list_export, name_en="name")
    export_filename = "organisations"
    search_fields = ["name", "name_fr", "acronym"]
    ordering = ["name"]
    inspect_view_enabled = True
    edit_handler = translated_tabs(
        [FieldPanel("name"), FieldPanel("acronym"), FieldPanel("kind"), FieldPanel("country"),
         FieldPanel("website"), FieldPanel("logo")],
        ["name"],
    )


class SummitCreateView(generic.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        services.summit_created(instance, by=self.request.user)
        return instance


class SummitEditView(generic.EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if can(self.request.user, "team.manage", self.object):
            buttons.append(Button(_("Team"), url=reverse("plenary_team", args=[self.object.pk]), icon_name="group",
                                  priority=5))
        return buttons


class SummitViewSet(ScopedViewSet):
    add_view_class = SummitCreateView
    edit_view_class = SummitEditView
    copy_view_class = SummitCopyView
    url_prefix = "summits/summits"
    url_namespace = "summits_summit"
    model = Summit
    icon = "date"
    list_display = ["title", "start_date", "end_date", "city", "status"]
    list_filter = ["status", "country"]
    list_export = ["slug", "title_en", "title_fr", "start_date", "end_date", "timezone", "city_en", "country", "status"]
    export_headings = export_headings(list_export)
    export_filename = "summits"
    search_fields = ["title", "title_fr", "city", "slug"]
    ordering = ["-start_date"]
    inspect_view_enabled = True
    edit_handler = translated_tabs(
        [
            FieldPanel("slug"),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("timezone")]),
            FieldRowPanel([FieldPanel("country"), FieldPanel("status")]),
            FieldPanel("co_organisers"),
            FieldPanel("languages"),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
                 FieldRowPanel([FieldPanel("capacity"), FieldPanel("retention_days")]),
                 FieldPanel("contact_email")],
                heading=_("Registration and personal data"),
            ),
            MultiFieldPanel(
                [FieldPanel("colour"), FieldPanel("logo"), FieldPanel("hero_image")], heading=_("Visual identity")
            ),
            MultiFieldPanel([FieldPanel("signatory_name"), FieldPanel("signatory_title")], heading=_("Letters")),
            FieldPanel("badge_format"),
        ],
        ["title", "tagline", "description", "city", "venue"],
    )


class ThemeViewSet(ScopedViewSet):
    url_prefix = "summits/themes"
    url_namespace = "summits_theme"
    model = Theme
    icon = "tag"
    list_display = ["title", "summit", "sort_order"]
    list_filter = ["summit"]
    list_export = ["summit_slug", "slug", *translated_columns("title", "description"), "colour", "sort_order"]
    export_headings = export_headings(list_export, summit_slug="summit")
    export_filename = "themes"
    search_fields = ["title", "title_fr", "slug"]
    ordering = ["summit", "sort_order"]
    edit_handler = translated_tabs(
        [FieldPanel("summit"), FieldPanel("slug"), FieldPanel("colour"), FieldPanel("sort_order")],
        ["title", "description"],
        base_form_class=SummitScopedForm,
    )


class RoomViewSet(ScopedViewSet):
    url_prefix = "summits/rooms"
    url_namespace = "summits_room"
    model = Room
    icon = "home"
    list_display = ["name", "summit", "capacity", "accessible"]
    list_filter = ["summit", "accessible"]
    list_export = ["summit_slug", *translated_columns("name", "location"), "capacity", "accessible"]
    export_headings = export_headings(list_export, summit_slug="summit", name_en="name")
    export_filename = "rooms"
    search_fields = ["name", "name_fr"]
    ordering = ["summit", "name"]
    edit_handler = translated_tabs(
        [FieldPanel("summit"), FieldPanel("capacity"), FieldPanel("accessible")],
        ["name", "location"],
        base_form_class=SummitScopedForm,
    )


class SpeakerViewSet(PlenaryViewSet):
    url_prefix = "summits/speakers"
    url_namespace = "summits_speaker"
    model = Speaker
    icon = "user"
    list_display = ["family_name", "given_name", "organisation", "position"]
    list_filter = ["organisation__kind", "country"]
    list_export = ["honorific", "given_name", "family_name", "position_en", "organisation", "country"]
    export_headings = export_headings(list_export)
    export_filename = "speakers"
    search_fields = ["given_name", "family_name", "position"]
    ordering = ["family_name"]
    edit_handler = translated_tabs(
        [FieldPanel("honorific"), FieldRowPanel([FieldPanel("given_name"), FieldPanel("family_name")]), FieldPanel("name_order"),
         FieldPanel("organisation"), FieldPanel("country"), FieldPanel("photo")],
        ["position", "bio"],
    )


class SessionViewSet(ScopedViewSet):
    url_prefix = "summits/sessions"
    url_namespace = "summits_session"
    model = Session
    icon = "time"
    list_display = ["title", "summit", "kind", "theme", "room", "local_start_display"]
    list_filter = ["summit", "kind", "theme", "room", "is_published"]
    list_export = [
        "summit_slug", "slug", *translated_columns("title", "description"), "kind", "theme_slug", "room_name",
        "local_start_text", "local_end_text", "capacity", "languages_text", "is_published",
    ]
    export_headings = export_headings(
        list_export, summit_slug="summit", theme_slug="theme", room_name="room",
        local_start_text="start", local_end_text="end", languages_text="languages",
    )
    export_filename = "sessions"
    search_fields = ["title", "title_fr", "slug"]
    ordering = ["summit", "start"]
    edit_handler = translated_tabs(
        [
            FieldPanel("summit"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("theme"), FieldPanel("room")]),
            FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
            FieldRowPanel([FieldPanel("capacity"), FieldPanel("is_published")]),
            FieldPanel("slug"),
            FieldPanel("languages"),
            FieldPanel("interpretation"),
            InlinePanel("speaker_roles", heading=_("Speakers"), label=_("Speaker"),
                        panels=[FieldPanel("speaker"), FieldPanel("role")]),
        ],
        ["title", "description"],
        base_form_class=SessionAdminForm,
    )


class SummitsGroup(ViewSetGroup):
    menu_label = _("Summits")
    menu_icon = "globe"
    menu_order = 200
    items = (SummitViewSet, ThemeViewSet, RoomViewSet, SessionViewSet, SpeakerViewSet, OrganisationViewSet)


@hooks.register("register_admin_viewset")
def register_summits_viewsets():
    return SummitsGroup()


@hooks.register("register_admin_urls")
def register_timetable_urls():
    from django.urls import path

    from . import admin_views

    return [
        path("summits/timetable/<int:summit_id>/", admin_views.timetable_view, name="summits_timetable"),
        path("summits/timetable/<int:summit_id>/move/<int:session_id>/", admin_views.move_session,
             name="summits_timetable_move"),
    ]
