"""Form widgets of the registry: a searchable multi-country picker that works on a phone.

Without JavaScript it is a list of tap-sized checkboxes in a scrolling box, the chosen countries
first; ``country-picker.js`` adds a filter box (matching the name in the page's language, the
English name and the ISO code) and a list of the chosen countries with buttons to remove them.
"""

from django import forms
from django.utils import translation
from django_countries import countries as all_countries


def country_choices():
    """(code, name) in the active language, sorted by that name (django-countries sorts them)."""
    return [(str(code), str(name)) for code, name in all_countries]


def english_names():
    with translation.override("en"):
        return {str(code): str(name) for code, name in all_countries}


class CountryPicker(forms.CheckboxSelectMultiple):
    template_name = "announcements/widgets/country_picker.html"

    class Media:
        css = {"all": ["announcements/country-picker.css"]}
        js = ["announcements/country-picker.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        selected = {str(v) for v in (value or [])}
        english = english_names()
        options = []
        for code, label in self.choices:
            if not code:
                continue
            options.append({"value": code, "label": label, "selected": code in selected,
                            "search": f"{code} {label} {english.get(code, '')}".casefold()})
        options.sort(key=lambda o: not o["selected"])  # chosen first, each group in the language's order
        context["widget"]["options"] = options
        context["widget"]["selected_count"] = sum(1 for o in options if o["selected"])
        return context


class CountriesField(forms.MultipleChoiceField):
    widget = CountryPicker

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(choices=country_choices, **kwargs)
