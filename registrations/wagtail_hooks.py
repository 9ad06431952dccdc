"""Organisers' back office for registrations: participants list, check-in, categories,
invitations and email templates (scoped to the summits each organiser is given)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.views import generic

from summits.admin_forms import translated_tabs
from summits.services import summits_for_user
from summits.wagtail_hooks import ScopedViewSet, scoped

from . import admin_views, services
from .models import EmailTemplate, Invitation, RegistrationCategory


class SummitLimitedForm(WagtailAdminModelForm):
    """The summit (or category) choices are limited to the summits the user is given."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = summits_for_user(self.for_user) if self.for_user else None
        if allowed is None:
            return
        if "summit" in self.fields:
            self.fields["summit"].queryset = allowed
        if "category" in self.fields:
            self.fields["category"].queryset = RegistrationCategory.objects.filter(summit__in=allowed)


class CategoryEditView(scoped(generic.EditView, "summit")):
    def save_instance(self):
        instance = super().save_instance()
        # A raised quota (or a removed one) frees places: promote from the waiting list.
        services.promote_waitlist(instance.summit_id, actor=self.request.user)
        return instance


class CategoryViewSet(ScopedViewSet):
    model = RegistrationCategory
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name", "summit", "quota", "needs_approval", "invitation_only"]
    list_filter = ["summit", "needs_approval", "invitation_only"]
    search_fields = ["name", "slug"]
    ordering = ["summit", "sort_order"]
    edit_view_class = CategoryEditView
    edit_handler = translated_tabs(
        [
            FieldPanel("summit"), FieldPanel("slug"),
            FieldRowPanel([FieldPanel("quota"), FieldPanel("badge_colour"), FieldPanel("sort_order")]),
            MultiFieldPanel([
                FieldPanel("needs_approval"), FieldPanel("invitation_only"), FieldPanel("invitation_code"),
            ], heading=_("Admission")),
            MultiFieldPanel([
                FieldPanel("requires_organisation"), FieldPanel("requires_position"), FieldPanel("requires_photo"),
            ], heading=_("Required fields")),
        ],
        ["name"],
        base_form_class=SummitLimitedForm,
    )


class InvitationViewSet(ScopedViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Invitations")
    summit_lookup = "category__summit"
    list_display = ["email", "category", "link", "created_at"]
    list_filter = ["category__summit", "category"]
    search_fields = ["email"]
    ordering = ["-created_at"]
    panels = [FieldPanel("category"), FieldPanel("email")]

    def get_edit_handler(self):
        from wagtail.admin.panels import ObjectList

        return ObjectList(self.panels, base_form_class=SummitLimitedForm).bind_to_model(self.model)


class EmailTemplateViewSet(ScopedViewSet):
    model = EmailTemplate
    icon = "mail"
    menu_label = _("Email templates")
    list_display = ["kind", "language", "summit", "subject"]
    list_filter = ["summit", "kind", "language"]
    search_fields = ["subject", "body"]
    ordering = ["summit", "kind", "language"]
    panels = [
        FieldPanel("summit"), FieldRowPanel([FieldPanel("kind"), FieldPanel("language")]),
        FieldPanel("subject"), FieldPanel("body"),
    ]

    def get_edit_handler(self):
        from wagtail.admin.panels import ObjectList

        return ObjectList(self.panels, base_form_class=SummitLimitedForm).bind_to_model(self.model)


class RegistrationSetupGroup(ViewSetGroup):
    menu_label = _("Registration setup")
    menu_icon = "form"
    menu_order = 310
    items = (CategoryViewSet, InvitationViewSet, EmailTemplateViewSet)


@hooks.register("register_admin_viewset")
def register_registration_viewsets():
    return RegistrationSetupGroup()


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [
        path("registrations/participants/", admin_views.participants, name="registrations_participants"),
        path("registrations/participants/<int:pk>/", admin_views.registration_detail, name="registrations_participant"),
        path("registrations/participants/<int:pk>/photo/", admin_views.registration_photo, name="registrations_participant_photo"),
        path("registrations/checkin/", admin_views.checkin_choose, name="registrations_checkin_choose"),
        path("registrations/checkin/<int:summit_id>/", admin_views.checkin, name="registrations_checkin"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_participants_menu_item():
    return PermissionMenuItem(_("Participants"), reverse("registrations_participants"), icon_name="group",
                              order=300, permission="registrations.view_registration")


@hooks.register("register_admin_menu_item")
def register_checkin_menu_item():
    return PermissionMenuItem(_("Check-in"), reverse("registrations_checkin_choose"), icon_name="tick",
                              order=305, permission="registrations.checkin_registration")
