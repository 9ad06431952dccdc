"""Choices of the registrations app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Pending review")
    APPROVED = "approved", _("Approved")
    WAITLISTED = "waitlisted", _("On the waiting list")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")


# Registrations that hold a place against the category quota and the summit's capacity.
HOLDS_PLACE = (RegistrationStatus.PENDING, RegistrationStatus.APPROVED)


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    WAITLISTED = "waitlisted", _("On the waiting list")


class EmailKind(models.TextChoices):
    RECEIVED = "received", _("Registration received")
    APPROVED = "approved", _("Registration approved")
    WAITLISTED = "waitlisted", _("Placed on the waiting list")
    REJECTED = "rejected", _("Registration rejected")
    CANCELLED = "cancelled", _("Registration cancelled")
    PROMOTED = "promoted", _("Promoted from the waiting list")
    MANAGE_LINK = "manage_link", _("Link to manage the registration")
    SEAT_CONFIRMED = "seat_confirmed", _("Session seat confirmed from the waiting list")
