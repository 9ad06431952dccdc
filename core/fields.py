"""Model fields shared by the apps."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def language_choices():
    return list(settings.LANGUAGES)


class LanguagesFormField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, encoder=None, decoder=None, max_length=None, **kwargs):
        kwargs.setdefault("choices", language_choices)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value or []


class LanguagesField(models.JSONField):
    """A list of language codes among settings.LANGUAGES, stored as JSON, edited as checkboxes."""

    description = _("List of languages")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("default", None)
        path = "core.fields.LanguagesField"
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        defaults = {"form_class": LanguagesFormField, "required": not self.blank}
        defaults.update(kwargs)
        defaults["form_class"] = LanguagesFormField
        return models.Field.formfield(self, **defaults)
