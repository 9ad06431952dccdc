"""Choices shared by every app (languages, organisation kinds, session kinds, roles)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def language_choices():
    return list(settings.LANGUAGES)


LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    UN_ENTITY = "un", _("UN entity")
    IGO = "igo", _("Intergovernmental organisation")
    FINANCE = "finance", _("Development bank or financial institution")
    BUSINESS = "business", _("Business")
    NGO = "ngo", _("NGO / civil society")
    FOUNDATION = "foundation", _("Foundation")
    ACADEMIA = "academia", _("Academia")
    IPLC = "iplc", _("Indigenous peoples and local communities")
    YOUTH = "youth", _("Youth")
    MEDIA = "media", _("Media")


class SummitStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ANNOUNCED = "announced", _("Announced")
    OPEN = "open", _("Registration open")
    CLOSED = "closed", _("Closed")
    ARCHIVED = "archived", _("Archived")


class SessionKind(models.TextChoices):
    OPENING = "opening", _("Opening")
    PLENARY = "plenary", _("Plenary")
    HIGH_LEVEL_PANEL = "panel", _("High-level panel")
    ROUNDTABLE = "roundtable", _("Roundtable")
    SIDE_EVENT = "side_event", _("Side event")
    PRESS_CONFERENCE = "press", _("Press conference")
    CLOSING = "closing", _("Closing")


class SpeakerRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    MODERATOR = "moderator", _("Moderator")
    SPEAKER = "speaker", _("Speaker")
    PANELLIST = "panellist", _("Panellist")


class BadgeFormat(models.TextChoices):
    ID1 = "id1", _("ID-1 card (54 × 85.6 mm, 9 per A4 sheet)")
    A6 = "a6", _("A6 (105 × 148 mm, 2 per A4 sheet)")


class NameOrder(models.TextChoices):
    """How a person's name is written: chosen by the person (empty: decided from the script and language)."""
    AUTOMATIC = "", _("As usual for the name (family name first for Chinese, Japanese and Korean names)")
    GIVEN_FIRST = "given_first", _("Given name first (Amélie Durand)")
    FAMILY_FIRST = "family_first", _("Family name first (Wang Xiaoming, 王小明)")
