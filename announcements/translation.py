"""Translatable fields of the registry (django-modeltranslation, English fallback)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Coalition, Commitment, Deliverable, FrameworkTarget, ProgressReport


@register(Coalition)
class CoalitionTR(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(Commitment)
class CommitmentTR(TranslationOptions):
    fields = ("title", "summary", "place_name")
    required_languages = ("en",)


@register(Deliverable)
class DeliverableTR(TranslationOptions):
    fields = ("title", "unit")
    required_languages = ("en",)


@register(ProgressReport)
class ProgressReportTR(TranslationOptions):
    fields = ("narrative",)
    required_languages = ("en",)


@register(FrameworkTarget)
class FrameworkTargetTR(TranslationOptions):
    fields = ("label",)
    required_languages = ("en",)
