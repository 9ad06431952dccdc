from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Registrations")
    default_auto_field = "django.db.models.BigAutoField"
    # Django permissions answered from the summit teams (core.permissions.TeamBackend).
    permission_actions = {
        **{f"registrations.{action}_{model}": "registrations.setup"
           for model in ("registrationcategory", "invitation", "emailtemplate")
           for action in ("add", "change", "delete", "view")},
        "registrations.add_registration": "registrations.change",
        "registrations.change_registration": "registrations.change",
        "registrations.view_registration": "registrations.view",
        "registrations.checkin_registration": "registrations.checkin",
        "registrations.view_auditentry": "registrations.view",
        "registrations.view_sessionbooking": "registrations.view",
    }

    def ready(self):
        from django.db.models.signals import post_save

        from core import importing, jobs, outbox
        from core.viewsets import scoped_model
        from summits.models import Session

        from .models import AuditEntry, EmailTemplate, Invitation, Registration, RegistrationCategory, SessionBooking
        from .resources import RegistrationResource

        from . import documents
        from .emails import render_outbox_email

        documents.connect_public_pdf_cache()
        # A batch only renders a file: if its worker dies, the reaper runs it once more.
        jobs.register(documents.JOB_KIND, documents.run_batch_job, label=_("Badges and letters"),
                      action="registrations.documents", max_attempts=2)
        from . import messages

        jobs.register(messages.JOB_KIND, messages.run_send_job, label=_("Message to participants"),
                      action="registrations.message")
        outbox.register_renderer(messages.RENDERER, messages.render_outbox_email)
        outbox.register_kind_label(messages.EMAIL_KIND, _("Message to participants"))
        outbox.register_kind_label(messages.TEST_KIND, _("Message to participants (test)"))

        outbox.register_renderer("registration", render_outbox_email)
        from summits.copying import register_copier

        from .copying import copy_setup

        register_copier("registrations", _("Copying registration categories and email templates"), copy_setup,
                        order=50)
        from .choices import EmailKind

        for value, label in EmailKind.choices:
            outbox.register_kind_label(f"registrations.{value}", label)
        post_save.connect(_session_saved, sender=Session, dispatch_uid="registrations_session_seats")

        for model in (RegistrationCategory, EmailTemplate):
            scoped_model(model, view="registrations.setup", change="registrations.setup")
        scoped_model(Invitation, lookup="category__summit", view="registrations.setup", change="registrations.setup")
        scoped_model(Registration, view="registrations.view", change="registrations.change")
        scoped_model(SessionBooking, lookup="registration__summit", view="registrations.view",
                     change="registrations.change")
        scoped_model(AuditEntry, lookup="registration__summit", view="registrations.view",
                     change="registrations.change")

        importing.register(importing.ImportKind(
            "registrations", _("Registrations"), RegistrationResource, "registrations.change",
            "registrations_participants", order=20,
        ))


def _session_saved(sender, instance, created, **kwargs):
    """More seats in a session (edited in the admin or imported) go to its waiting list."""
    if created or not instance.capacity:
        return
    from django.db import transaction

    from .services import session_seats_changed

    transaction.on_commit(lambda: session_seats_changed(instance.pk))
