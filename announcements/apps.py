from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    name = "announcements"
    verbose_name = _("Announced commitments")
    default_auto_field = "django.db.models.BigAutoField"
    # Django permissions answered from the summit teams (core.permissions.TeamBackend).
    permission_actions = {
        **{f"announcements.{action}_{model}": f"commitments.{'view' if action == 'view' else 'change'}"
           for model in ("commitment", "coalition", "exchangerate", "progressreport", "deliverable",
                         "commitmentpartner")
           for action in ("add", "change", "view")},
        "announcements.review_commitment": "commitments.review",
    }

    def ready(self):
        from django.db.models.signals import post_migrate

        from core import importing
        from core.viewsets import scoped_model

        from .models import Commitment, CommitmentPartner, Deliverable, ProgressReport
        from .resources import CommitmentResource

        from .documents import connect_public_pdf_cache

        connect_public_pdf_cache()
        scoped_model(Commitment, view="commitments.view", change="commitments.change")
        scoped_model(ProgressReport, lookup="commitment__summit", view="commitments.view", change="commitments.change")
        scoped_model(Deliverable, lookup="commitment__summit", view="commitments.view", change="commitments.change")
        scoped_model(CommitmentPartner, lookup="commitment__summit", view="commitments.view",
                     change="commitments.change")

        importing.register(importing.ImportKind(
            "commitments", _("Commitments"), CommitmentResource, "commitments.change",
            "announcements_commitment:index", order=30,
        ))

        post_migrate.connect(_sync_frameworks, sender=self)


def _sync_frameworks(sender, using="default", **kwargs):
    """The GBF/SDG vocabulary follows announcements/frameworks/vocabulary.py after every migrate (and flush)."""
    from .frameworks.vocabulary import sync

    sync(using=using)
