"""The organisers' back office for commitments: review, edit (with versions), reports, coalitions, rates."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.views import generic

from core.permissions import can
from core.viewsets import PlenaryViewSet, ScopedForm, ScopedViewSet
from summits.admin_forms import translated_tabs

from . import admin_views, services
from .widgets import CountriesField, GroupedCheckboxes, group_target_choices
from .models import Coalition, Commitment, ExchangeRate, ProgressReport

LANG_SUFFIXES = ["en", "fr", "es", "ar", "zh_hans", "ru"]


class CommitmentAdminForm(ScopedForm):
    """The commitment's countries are rows (CommitmentCountry): edited here with the country picker."""

    countries = CountriesField(label=_("Countries where it applies"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["countries"] = [str(c.code) for c in self.instance.countries]
        for name in ("primary_target", "secondary_targets"):
            if name in self.fields:
                group_target_choices(self.fields[name])

    def clean(self):
        cleaned = super().clean()
        self.instance.countries = cleaned.get("countries") or []
        if "primary_target" in self.fields:
            for field, message in services.alignment_errors(cleaned.get("primary_target"),
                                                            cleaned.get("secondary_targets")).items():
                self.add_error(field, message)
        return cleaned


class CommitmentEditView(generic.EditView):
    def save_instance(self):
        instance = super().save_instance()
        services.record_version(instance, self.request.user)
        return instance


class CommitmentViewSet(ScopedViewSet):
    url_namespace = "announcements_commitment"
    url_prefix = "announcements/commitment"
    model = Commitment
    icon = "tick-inverse"
    menu_label = _("Commitments")
    list_display = [
        TitleColumn("reference", label=_("Reference"), url_name="announcements_review"),
        "title", "summit", "lead_organisation", "review_state", "status",
    ]
    list_filter = ["summit", "review_state", "kind", "status"]
    list_export = ["reference", "title", "summit", "lead_organisation", "kind", "status", "review_state",
                   "amount", "currency", "amount_usd"]
    export_filename = "commitments"
    search_fields = ["reference", "title", "title_fr", "title_es"]
    ordering = ["-created_at"]

    edit_view_class = CommitmentEditView

    edit_handler = translated_tabs(
        [
            FieldRowPanel([FieldPanel("summit"), FieldPanel("session")]),
            FieldRowPanel([FieldPanel("lead_organisation"), FieldPanel("coalition")]),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("status"), FieldPanel("original_language")]),
            FieldPanel("themes"),
            MultiFieldPanel([FieldPanel("primary_target"), FieldPanel("secondary_targets", widget=GroupedCheckboxes)],
                            heading=_("Global goals and targets")),
            FieldPanel("countries"),
            MultiFieldPanel([
                FieldRowPanel([FieldPanel("amount"), FieldPanel("currency"), FieldPanel("is_new_money")]),
            ], heading=_("Money")),
            FieldRowPanel([FieldPanel("announced_on"), FieldPanel("start_date"), FieldPanel("end_date")]),
            MultiFieldPanel([
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude"), FieldPanel("area_hectares")]),
            ], heading=_("Where on the ground (optional)")),
            MultiFieldPanel([
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email"),
                               FieldPanel("contact_language")]),
            ], heading=_("Lead contact (never published)")),
            InlinePanel("partners", heading=_("Partners"), label=_("Partner"),
                        panels=[FieldPanel("organisation"), FieldPanel("role")]),
            InlinePanel("deliverables", heading=_("Deliverables"), label=_("Deliverable"), panels=[
                *[FieldPanel(f"title_{s}") for s in LANG_SUFFIXES],
                FieldRowPanel([FieldPanel("due_date"), FieldPanel("status"), FieldPanel("evidence_url")]),
                FieldRowPanel([FieldPanel("baseline"), FieldPanel("target")]),
                *[FieldPanel(f"unit_{s}") for s in LANG_SUFFIXES],
            ]),
        ],
        ["title", "summary", "place_name"],
        base_form_class=CommitmentAdminForm,
    )


class ProgressReportViewSet(ScopedViewSet):
    url_namespace = "announcements_progressreport"
    url_prefix = "announcements/progressreport"
    model = ProgressReport
    icon = "doc-full"
    menu_label = _("Progress reports")
    add_view_enabled = False
    list_display = ["commitment", "period_start", "period_end", "percent_complete", "state"]
    list_filter = ["state", "commitment__summit"]
    ordering = ["-created_at"]
    edit_handler = translated_tabs(
        [FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
         FieldRowPanel([FieldPanel("percent_complete"), FieldPanel("disbursed")]),
         FieldPanel("evidence_links"), FieldPanel("reviewer_comment")],
        ["narrative"],
    )


class CoalitionViewSet(PlenaryViewSet):
    url_namespace = "announcements_coalition"
    url_prefix = "announcements/coalition"
    model = Coalition
    icon = "group"
    list_display = ["name", "website"]
    search_fields = ["name", "name_fr"]
    ordering = ["name"]
    edit_handler = translated_tabs(
        [FieldPanel("slug"), FieldPanel("website"), FieldPanel("leads"), FieldPanel("members"),
         FieldPanel("member_countries"),
         FieldRowPanel([FieldPanel("lead_contact_email"), FieldPanel("lead_contact_language")])],
        ["name", "description"],
    )


class ExchangeRateViewSet(PlenaryViewSet):
    url_namespace = "announcements_exchangerate"
    url_prefix = "announcements/exchangerate"
    model = ExchangeRate
    icon = "cogs"
    list_display = ["currency", "valid_from", "usd_per_unit"]
    list_filter = ["currency"]
    ordering = ["currency", "-valid_from"]
    form_fields = ["currency", "valid_from", "usd_per_unit"]


class CommitmentsGroup(ViewSetGroup):
    menu_label = _("Commitments")
    menu_icon = "tick-inverse"
    menu_order = 300
    items = (CommitmentViewSet, ProgressReportViewSet, CoalitionViewSet, ExchangeRateViewSet)


@hooks.register("register_admin_viewset")
def register_commitment_viewsets():
    return CommitmentsGroup()


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path("commitments/review/<int:pk>/", admin_views.review_commitment, name="announcements_review"),
        path("commitments/overdue/", admin_views.overdue_list, name="announcements_overdue"),
        path("commitments/targets/", admin_views.theme_targets_choose, name="announcements_theme_targets_choose"),
        path("commitments/targets/<int:summit_id>/", admin_views.theme_targets, name="announcements_theme_targets"),
    ]


class OverdueMenuItem(MenuItem):
    def is_shown(self, request):
        return can(request.user, "commitments.view")


class ThemeTargetsMenuItem(MenuItem):
    def is_shown(self, request):
        return can(request.user, "commitments.change")


@hooks.register("register_admin_menu_item")
def register_theme_targets_menu_item():
    return ThemeTargetsMenuItem(_("Themes and global targets"), reverse("announcements_theme_targets_choose"),
                                icon_name="tag", order=311)


@hooks.register("register_admin_menu_item")
def register_overdue_menu_item():
    return OverdueMenuItem(_("Overdue commitments"), reverse("announcements_overdue"), icon_name="warning",
                           order=310)


