"""Choices of the commitments registry."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CommitmentKind(models.TextChoices):
    FINANCIAL = "financial", _("Financial pledge")
    INITIATIVE = "initiative", _("Coalition or initiative launch")
    POLICY = "policy", _("Policy or law")
    AREA = "area", _("Area-based conservation target")
    CORPORATE = "corporate", _("Corporate pledge")
    RESEARCH = "research", _("Research or capacity building")


class ActivityStatus(models.TextChoices):
    """After the IATI ActivityStatus code list (1–6)."""

    PIPELINE = "pipeline", _("Pipeline / identification")
    IMPLEMENTATION = "implementation", _("Implementation")
    FINALISATION = "finalisation", _("Finalisation")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")
    SUSPENDED = "suspended", _("Suspended")


class ReviewState(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, awaiting review")
    CHANGES_REQUESTED = "changes", _("Changes requested")
    APPROVED = "approved", _("Approved, not yet public")
    REJECTED = "rejected", _("Rejected")
    PUBLISHED = "published", _("Published")


class PartnerRole(models.TextChoices):
    FUNDING = "funding", _("Funding")
    IMPLEMENTING = "implementing", _("Implementing")
    SUPPORTING = "supporting", _("Supporting")


class DeliverableStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    DELAYED = "delayed", _("Delayed")
    DROPPED = "dropped", _("Dropped")


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned with comments")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


class Light(models.TextChoices):
    GREEN = "green", _("Reported in the last 12 months")
    AMBER = "amber", _("Last report 12 to 24 months ago")
    RED = "red", _("Inactive: no report for more than 24 months")
    # Completed, closed or withdrawn: no more reports are expected, so no light of follow-up.
    ENDED = "ended", _("Follow-up ended (completed, closed or withdrawn)")


ENDED_LIFECYCLES = ("completed", "closed", "withdrawn")


class ReminderStage(models.TextChoices):
    BEFORE = "before", _("Report due soon")
    DUE = "due", _("Report due today")
    LATE30 = "late30", _("Report 30 days late")
    LATE90 = "late90", _("Report 90 days late")
    ESCALATED = "escalated", _("Escalated to the coalition lead and the reviewers")


class Lifecycle(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    LAPSED = "lapsed", _("Lapsed: no report for two reporting cycles")


class Verification(models.TextChoices):
    """How far what a commitment claims has been checked, from least to most (the order matters)."""

    SELF_REPORTED = "self_reported", _("Self-reported")
    REVIEWED = "reviewed", _("Reviewed by the organisers")
    EVIDENCE = "evidence", _("Evidence attached and confirmed")
    INDEPENDENT = "independent", _("Independently verified")


class Framework(models.TextChoices):
    GBF = "gbf", _("Kunming-Montreal Global Biodiversity Framework")
    SDG = "sdg", _("Sustainable Development Goals")


class FrameworkLevel(models.TextChoices):
    GOAL = "goal", _("Goal")
    TARGET = "target", _("Target")
