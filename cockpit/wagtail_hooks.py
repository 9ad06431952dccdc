"""The cockpit in the Wagtail admin: workspace sections, dashboard panels, the review queue in the menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from core import permissions, workspace

from . import figures, queues, views


@hooks.register("register_admin_urls")
def register_cockpit_urls():
    summit = "workspace/<int:summit_id>"
    return [
        path(f"{summit}/", views.overview, name="cockpit_overview"),
        path(f"{summit}/figures/<slug:name>.<str:fmt>", views.figure_export, name="cockpit_figure_export"),
        path(f"{summit}/figures/<slug:name>/", views.figure_fragment, name="cockpit_figure_fragment"),
        path(f"{summit}/programme/", views.programme, name="cockpit_programme"),
        path(f"{summit}/participants/", views.participants, name="cockpit_participants"),
        path(f"{summit}/documents/", views.documents, name="cockpit_documents"),
        path(f"{summit}/commitments/", views.commitments, name="cockpit_commitments"),
        path(f"{summit}/pages/", views.pages, name="cockpit_pages"),
        path(f"{summit}/team/", views.team, name="cockpit_team"),
        path(f"{summit}/settings/", views.settings_view, name="cockpit_settings"),
        path(f"{summit}/translations/", views.translations, name="cockpit_translations"),
        path(f"{summit}/translations/export.xlsx", views.translations_export, name="cockpit_translations_export"),
        path(f"{summit}/translations/import/", views.translations_import, name="cockpit_translations_import"),
        path("workspace/secretariat/", views.secretariat, name="cockpit_secretariat"),
        path("workspace/queue/", views.queue, name="cockpit_queue"),
    ]


class QueueMenuItem(MenuItem):
    """"To review (7)": the decisions waiting for this user, counted on every admin page."""

    def is_shown(self, request):
        return any(permissions.can(request.user, action) for action in ("registrations.change", "commitments.review"))

    def render_component(self, request):
        from wagtail.admin.ui.sidebar import LinkMenuItem

        total = queues.total_for_user(request.user)
        label = _("To review (%(count)d)") % {"count": total} if total else _("To review")
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, classname=self.classname,
                            attrs=self.attrs)


class SecretariatMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.is_secretariat(request.user)


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return QueueMenuItem(_("To review"), reverse("cockpit_queue"), name="review-queue", icon_name="tasks", order=60)


@hooks.register("register_admin_menu_item")
def register_secretariat_menu_item():
    return SecretariatMenuItem(_("All summits"), reverse("cockpit_secretariat"), name="all-summits",
                               icon_name="site", order=55)


class SummitPanel(Component):
    """The dashboard's panel of the summit the organiser works in: headline figures, a way in."""

    name = "plenary_summit"
    template_name = "cockpit/panels/summit.html"
    order = 10

    class Media:
        css = {"all": ["core/workspace.css"]}

    def __init__(self, summit, user):
        self.summit = summit
        self.user = user

    def get_context_data(self, parent_context=None):
        can_view = permissions.can(self.user, "registrations.view", self.summit)
        return {
            "summit": self.summit, "key": figures.key_figures(self.summit) if can_view else None,
            "overview_url": reverse("cockpit_overview", args=[self.summit.pk]),
            "sections": [(s, s.url(self.summit)) for s in workspace.sections_for(self.user, self.summit)],
        }


class QueuePanel(Component):
    """What waits for this user's decision, oldest first."""

    name = "plenary_queue"
    template_name = "cockpit/panels/queue.html"
    order = 20

    class Media:
        css = {"all": ["core/workspace.css"]}

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        items = queues.for_user(self.user)
        return {"queues": items, "total": sum(q.count for q in items), "queue_url": reverse("cockpit_queue")}

    def render_html(self, parent_context=None):
        if not queues.for_user(self.user):
            return ""
        return super().render_html(parent_context)


class ChooseSummitPanel(Component):
    """For an organiser of several summits who has not chosen one yet."""

    name = "plenary_choose_summit"
    template_name = "cockpit/panels/choose.html"
    order = 10

    def get_context_data(self, parent_context=None):
        return {"workspace_url": reverse("plenary_workspace")}


@hooks.register("construct_homepage_panels")
def add_cockpit_panels(request, panels):
    summit = workspace.current_summit(request)
    if summit is not None and permissions.can(request.user, "summit.view", summit):
        panels.append(SummitPanel(summit, request.user))
    elif summit is None and workspace.available_summits(request.user).exists():
        panels.append(ChooseSummitPanel())
    if any(permissions.can(request.user, action) for action in ("registrations.change", "commitments.review")):
        panels.append(QueuePanel(request.user))
