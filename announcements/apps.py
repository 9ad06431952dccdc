from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    name = "announcements"
    verbose_name = _("Announced commitments")
    default_auto_field = "django.db.models.BigAutoField"
    # Permissions ("app_label.codename") the Organisers group receives; see summits.roles.
    organiser_permissions: list[str] = [
        *(f"announcements.{action}_{model}"
          for model in ("commitment", "coalition", "exchangerate", "progressreport", "deliverable",
                        "commitmentpartner")
          for action in ("add", "change", "view")),
        "announcements.review_commitment",
    ]

    def ready(self):
        from summits import importing

        from .resources import CommitmentResource

        importing.register(importing.ImportKind(
            "commitments", _("Commitments"), CommitmentResource, "announcements.add_commitment",
            "announcements_commitment:index",
        ))
