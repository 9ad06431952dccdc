from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _programme(model):
    return {f"summits.{action}_{model}": f"programme.{'view' if action == 'view' else 'change'}"
            for action in ("add", "change", "delete", "view")}


class SummitsConfig(AppConfig):
    name = "summits"
    verbose_name = _("Summits")
    default_auto_field = "django.db.models.BigAutoField"
    # Django permissions answered from the summit teams (core.permissions.TeamBackend).
    permission_actions = {
        "summits.view_summit": "summit.view",
        "summits.change_summit": "summit.change",
        "summits.add_summit": "summit.create",
        **_programme("theme"), **_programme("room"), **_programme("session"), **_programme("sessionspeaker"),
        "summits.view_speaker": "directory.view",
        "summits.add_speaker": "directory.change",
        "summits.change_speaker": "directory.change",
        "summits.view_organisation": "directory.view",
        "summits.add_organisation": "directory.change",
        "summits.change_organisation": "directory.change",
    }

    def ready(self):
        from core import importing, teams
        from core.viewsets import scoped_model

        from .models import Room, Session, SessionSpeaker, Summit, Theme
        from .resources import OrganisationResource, RoomResource, SessionResource, ThemeResource

        scoped_model(Summit, lookup="pk", view="summit.view", change="summit.change", add="summit.create",
                     delete="summit.change")
        for model in (Theme, Room, Session):
            scoped_model(model, view="programme.view", change="programme.change")
        scoped_model(SessionSpeaker, lookup="session__summit", view="programme.view", change="programme.change")

        for name, label, resource, action in (
            ("organisations", _("Organisations"), OrganisationResource, "directory.change"),
            ("themes", _("Themes"), ThemeResource, "programme.change"),
            ("rooms", _("Rooms"), RoomResource, "programme.change"),
            ("sessions", _("Sessions"), SessionResource, "programme.change"),
        ):
            model = resource._meta.model._meta.model_name
            importing.register(importing.ImportKind(name, label, resource, action, f"summits_{model}:index",
                                                    order=10))

        teams.register_collections(lambda summit: [summit.collection] if summit.collection_id else [])

        from core import jobs

        from . import copying

        jobs.register(copying.JOB_KIND, copying.run_copy_job, label=_("Copy of a summit"), action="summit.create",
                      result_url=copying.result_url)
