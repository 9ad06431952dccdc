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


# --- Global goals and targets, grouped ------------------------------------------------------------

def target_groups(targets):
    """[(group label, [FrameworkTarget])] in framework order: the GBF's goals, its targets, then each SDG
    with its targets (the goal first). ``targets`` in any order; SDG targets need their ``parent`` loaded."""
    from django.utils.translation import gettext as _

    groups = {}
    for target in sorted(targets, key=lambda t: t.sort_order):
        if target.framework == "gbf":
            key = ("gbf", target.level)
            label = _("Global Biodiversity Framework: goals") if target.level == "goal" else _(
                "Global Biodiversity Framework: targets")
        else:
            goal = target.parent or target
            key, label = ("sdg", goal.code), str(goal)
        groups.setdefault(key, (label, []))[1].append(target)
    return list(groups.values())


class TargetChoiceIterator(forms.models.ModelChoiceIterator):
    """The choices of a framework-target field as <optgroup>s (see ``target_groups``)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for label, targets in target_groups(self.queryset.select_related("parent")):
            yield (label, [self.choice(target) for target in targets])

    def __len__(self):
        return self.queryset.count() + (1 if self.field.empty_label is not None else 0)


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes in one folding group per goal (open when one of its boxes is ticked): 213 goals and
    targets stay a short list."""

    template_name = "announcements/widgets/grouped_checkboxes.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["groups"] = [
            {"label": label, "options": options, "open": any(o["selected"] for o in options)}
            for label, options, _index in context["widget"]["optgroups"]]
        return context


def group_target_choices(field, widget=None):
    """Show a ModelChoiceField / ModelMultipleChoiceField of FrameworkTargets grouped by goal."""
    if widget is not None:
        field.widget = widget
    field.iterator = TargetChoiceIterator
    field.widget.choices = field.choices
    return field
