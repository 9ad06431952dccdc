"""Admin screens of the ground floor: spreadsheet imports (every registered kind), the summit workspace's
switcher, and the admin's own stylesheet."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_guard, import_views, job_views, team_views, workspace, workspace_views


@hooks.register("register_admin_urls")
def register_team_urls():
    return [path("plenary/summits/<int:summit_id>/team/", team_views.team, name="plenary_team")]


@hooks.register("register_log_actions")
def register_team_log_actions(actions):
    from wagtail.log_actions import LogFormatter

    from .permissions import Role

    def role_label(value):
        return Role(value).label if value in Role.values else value

    @actions.register_action("plenary.team.add")
    class AddMember(LogFormatter):
        label = _("Team: member added")

        def format_message(self, log_entry):
            return _("%(member)s added to the team as %(role)s") % {
                "member": log_entry.data.get("member", "?"), "role": role_label(log_entry.data.get("role"))}

    @actions.register_action("plenary.team.change")
    class ChangeRole(LogFormatter):
        label = _("Team: role changed")

        def format_message(self, log_entry):
            return _("%(member)s: %(previous)s → %(role)s") % {
                "member": log_entry.data.get("member", "?"), "role": role_label(log_entry.data.get("role")),
                "previous": role_label(log_entry.data.get("previous_role"))}

    @actions.register_action("plenary.team.remove")
    class RemoveMember(LogFormatter):
        label = _("Team: member removed")

        def format_message(self, log_entry):
            return _("%(member)s is no longer %(role)s") % {
                "member": log_entry.data.get("member", "?"), "role": role_label(log_entry.data.get("role"))}


@hooks.register("construct_page_chooser_queryset")
def page_chooser_queryset(pages, request):
    return admin_guard.chooser_pages(pages, request)


@hooks.register("construct_admin_api", order=100)  # after Wagtail's images and documents apps register theirs
def scope_admin_api(router):
    from wagtail.documents import get_document_model
    from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
    from wagtail.images import get_image_model
    from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

    router.register_endpoint("images", admin_guard.collection_scoped(ImagesAdminAPIViewSet, get_image_model()))
    router.register_endpoint("documents", admin_guard.collection_scoped(DocumentsAdminAPIViewSet,
                                                                        get_document_model()))


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("plenary/import/", import_views.import_choose, name="plenary_import"),
        path("plenary/import/<str:kind>/", import_views.import_upload, name="plenary_import_upload"),
        path("plenary/import/<str:kind>/confirm/", import_views.import_confirm, name="plenary_import_confirm"),
        path("plenary/import/<str:kind>/preview/<str:job_id>/", import_views.import_preview,
             name="plenary_import_preview"),
    ]


@hooks.register("register_admin_urls")
def register_workspace_urls():
    return [
        path("workspace/", workspace_views.choose, name="plenary_workspace"),
        path("workspace/switch/", workspace_views.switch, name="plenary_workspace_switch"),
        path("plenary/jobs/<str:job_id>/", job_views.job_progress, name="plenary_job"),
        path("plenary/jobs/<str:job_id>/status.json", job_views.job_status, name="plenary_job_status"),
    ]


@hooks.register("insert_global_admin_css")
def global_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return import_views.importable_kinds(request.user) != []


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import spreadsheets"), reverse("plenary_import"), icon_name="upload", order=900)


class WorkspaceMenuItem(MenuItem):
    """"Summit workspace", named after the summit the organiser works in."""

    def is_shown(self, request):
        from .permissions import checkin_only

        ids = workspace.member_summit_ids(request.user)  # the roles are read once per request anyway
        return ids is None or (bool(ids) and not checkin_only(request.user))

    def render_component(self, request):
        from wagtail.admin.ui.sidebar import LinkMenuItem

        summit = workspace.current_summit(request)
        label = summit.title if summit is not None else self.label
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, classname=self.classname,
                            attrs=self.attrs)


@hooks.register("register_admin_menu_item")
def register_workspace_menu_item():
    return WorkspaceMenuItem(_("Summit workspace"), reverse("plenary_workspace"), name="summit-workspace",
                             icon_name="globe", order=50)
