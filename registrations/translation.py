"""Translatable fields of the registrations app (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import RegistrationCategory


@register(RegistrationCategory)
class RegistrationCategoryTR(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)
