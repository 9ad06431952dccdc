"""Translatable fields (django-modeltranslation): one column per language, English fallback."""

from modeltranslation.translator import TranslationOptions, register

from .models import Organisation, Room, Session, Speaker, Summit, Theme


@register(Organisation)
class OrganisationTR(TranslationOptions):
    fields = ("name",)
    fallback_undefined = ""


@register(Summit)
class SummitTR(TranslationOptions):
    fields = ("title", "tagline", "description", "city", "venue")
    required_languages = ("en",)


@register(Theme)
class ThemeTR(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("en",)


@register(Room)
class RoomTR(TranslationOptions):
    fields = ("name", "location")
    required_languages = ("en",)


@register(Session)
class SessionTR(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("en",)


@register(Speaker)
class SpeakerTR(TranslationOptions):
    fields = ("position", "bio")
