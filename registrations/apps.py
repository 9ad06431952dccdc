from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Registrations")
    default_auto_field = "django.db.models.BigAutoField"
    # Permissions ("app_label.codename") the Organisers group receives; see summits.roles.
    organiser_permissions = [
        *(f"registrations.{action}_{model}"
          for model in ("registrationcategory", "invitation", "emailtemplate")
          for action in ("add", "change", "delete", "view")),
        "registrations.add_registration",
        "registrations.change_registration",
        "registrations.view_registration",
        "registrations.checkin_registration",
        "registrations.view_auditentry",
    ]

    def ready(self):
        from django.db.models.signals import post_save

        from summits import importing
        from summits.models import Session

        post_save.connect(_session_saved, sender=Session, dispatch_uid="registrations_session_seats")

        from .resources import RegistrationResource

        importing.registry()  # the summit kinds register themselves on first use; keep them
        importing.register(importing.ImportKind(
            "registrations", _("Registrations"), RegistrationResource, "registrations.add_registration",
            "registrations_participants",
        ))


def _session_saved(sender, instance, created, **kwargs):
    """More seats in a session (edited in the admin or imported) go to its waiting list."""
    if created or not instance.capacity:
        return
    from django.db import transaction

    from .services import session_seats_changed

    transaction.on_commit(lambda: session_seats_changed(instance.pk))
