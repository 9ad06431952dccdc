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
    """The GBF/SDG vocabulary follows announcements/frameworks/vocabulary.py after every migrate (and flush),
    once the table has every column of the model (not after ``migrate announcements 0004``, say)."""
    from django.db import connections

    from .frameworks.vocabulary import sync
    from .models import FrameworkTarget

    connection = connections[using]
    table = FrameworkTarget._meta.db_table
    with connection.cursor() as cursor:
        if table not in connection.introspection.table_names(cursor):
            return
        columns = {column.name for column in connection.introspection.get_table_description(cursor, table)}
    if all(field.column in columns for field in FrameworkTarget._meta.concrete_fields):
        sync(using=using)
