"""Organisers' back office for registrations: participants list, check-in, categories,
invitations and email templates (scoped to the summits each organiser is given)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.views import generic

from core.permissions import can
from core.viewsets import ScopedForm, ScopedViewSet
from summits.admin_forms import translated_tabs

from . import admin_views, message_views, services
from .models import EmailTemplate, Invitation, Registration, RegistrationCategory


class SummitLimitedForm(ScopedForm):
    """The summit (or category) choices are limited to the summits the user may act on."""


class CategoryForm(SummitLimitedForm):
    def clean_quota(self):
        """A quota below the places already held is refused: those participants keep their places."""
        quota = self.cleaned_data.get("quota")
        if quota is None or not self.instance.pk:
            return quota
        held = services.category_places(self.instance.pk)
        if quota < held["approved"] + held["pending"]:
            raise ValidationError(
                _("%(approved)d approved and %(pending)d pending registrations already hold places in this "
                  "category: the quota cannot be lower than %(held)d. Move registrations to the waiting list or "
                  "reject them first.")
                % {**held, "held": held["approved"] + held["pending"]})
        return quota


class CategoryEditView(generic.EditView):
    def save_instance(self):
        instance = super().save_instance()
        # A raised quota (or a removed one) frees places: promote from the waiting list, and say so.
        promoted = services.promote_waitlist(instance.summit_id, actor=self.request.user)
        if promoted:
            messages.success(self.request, ngettext(
                "%(count)d registration was promoted from the waiting list; the participant is told by email.",
                "%(count)d registrations were promoted from the waiting list; each participant is told by email.",
                len(promoted)) % {"count": len(promoted)})
        else:
            waiting = services.waiting_count(instance.summit_id)
            if waiting:
                messages.info(self.request, ngettext(
                    "Nobody was promoted: %(count)d registration is still on the waiting list.",
                    "Nobody was promoted: %(count)d registrations are still on the waiting list.",
                    waiting) % {"count": waiting})
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
        base_form_class=CategoryForm,
    )


class InvitationViewSet(ScopedViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Invitations")
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


class RegistrationEditForm(SummitLimitedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "category" in self.fields and self.instance.summit_id:
            self.fields["category"].queryset = self.fields["category"].queryset.filter(summit_id=self.instance.summit_id)
            full = services.full_category_ids(self.instance.summit)
            current = self.instance.category_id
            self.fields["category"].label_from_instance = lambda c: (
                _("%(name)s — full: waiting list") % {"name": c.name} if c.pk in full and c.pk != current else c.name)


class RegistrationEditView(generic.EditView):
    """The edit goes through the service: a move into a full category is refused next to the field."""

    def save_instance(self):
        changes = {name: self.form.cleaned_data[name] for name in self.form.changed_data if name in self.form.cleaned_data}
        return services.edit_by_organiser(self.object.pk, changes, actor=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.RegistrationError as exc:
            form.add_error("category" if "category" in form.fields else None, str(exc))
            self.produced_error_code = "invalid"
            self.produced_error_message = str(exc)
            return self.form_invalid(form)


class RegistrationViewSet(ScopedViewSet):
    """Organisers correct a participant's details here; status changes go through the participants list."""

    add_view_enabled = False  # created by the public form or an import (references, capacity, emails), never here
    copy_view_enabled = False
    model = Registration
    icon = "user"
    add_to_admin_menu = False
    list_display = ["reference", "given_name", "family_name", "category", "status"]
    list_filter = ["summit", "category", "status"]
    search_fields = ["reference", "given_name", "family_name", "email"]
    ordering = ["-created_at"]
    edit_view_class = RegistrationEditView
    panels = [
        FieldPanel("category"),
        FieldRowPanel([FieldPanel("honorific"), FieldPanel("given_name"), FieldPanel("family_name")]),
        FieldPanel("name_order"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone"), FieldPanel("preferred_language")]),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("organisation_name"), FieldPanel("position")]),
        FieldPanel("nationality"),
        FieldRowPanel([FieldPanel("accessibility_needs"), FieldPanel("dietary_needs")]),
        MultiFieldPanel([
            FieldPanel("needs_letter"),
            FieldRowPanel([FieldPanel("passport_number"), FieldPanel("passport_expiry"), FieldPanel("date_of_birth")]),
        ], heading=_("Invitation or visa letter")),
        FieldRowPanel([FieldPanel("list_publicly"), FieldPanel("accepts_updates")]),
    ]

    def get_edit_handler(self):
        from wagtail.admin.panels import ObjectList

        return ObjectList(self.panels, base_form_class=RegistrationEditForm).bind_to_model(self.model)


@hooks.register("register_admin_viewset")
def register_registration_edit_viewset():
    return RegistrationViewSet("registrations_registration", url_prefix="registrations/registration")


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
        *message_views.admin_urls(),
    ]


class PermissionMenuItem(MenuItem):
    """Shown to users who may do ``action`` on at least one summit."""

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action

    def is_shown(self, request):
        return can(request.user, self.action)


@hooks.register("register_admin_menu_item")
def register_participants_menu_item():
    return PermissionMenuItem(_("Participants"), reverse("registrations_participants"), icon_name="group",
                              order=300, action="registrations.view")


@hooks.register("register_admin_menu_item")
def register_checkin_menu_item():
    return PermissionMenuItem(_("Check-in"), reverse("registrations_checkin_choose"), icon_name="tick",
                              order=305, action="registrations.checkin")


# Badges and letters (PDF batches, single documents): admin URLs and menu item.
from . import pdf_hooks  # noqa: E402,F401
