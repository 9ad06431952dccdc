"""Admin forms and panel helpers for the summit domain."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface

from core.viewsets import ScopedForm

from .services import speaker_clash


def language_tab_heading(code):
    info = get_language_info(code)
    return f"{info['name_local']} ({code})"


def translated_tabs(general_panels, translated_fields, *, base_form_class=None, extra_tabs=()):
    """A TabbedInterface: the general panels first, then one tab per language for translated fields.

    English is the source language (required); other languages fall back to English when empty.
    """
    tabs = [ObjectList(general_panels, heading=_("General"))]
    for code, _name in settings.LANGUAGES:
        suffix = code.replace("-", "_")
        tabs.append(
            ObjectList(
                [FieldPanel(f"{field}_{suffix}") for field in translated_fields],
                heading=language_tab_heading(code),
            )
        )
    tabs.extend(extra_tabs)
    kwargs = {"base_form_class": base_form_class} if base_form_class else {}
    return TabbedInterface(tabs, **kwargs)


class SummitScopedForm(ScopedForm):
    """Offers only the summits (and their themes and rooms) the signed-in user may act on.

    Once the form's summit is known (see ScopedForm) the themes and rooms are that summit's only,
    in their own order; otherwise each is labelled with its summit.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("theme", "room"):
            field = self.fields.get(name)
            if field is None:
                continue
            if self.form_summit_id is not None:
                field.queryset = field.queryset.order_by(*field.queryset.model._meta.ordering[1:])
            else:
                field.queryset = field.queryset.select_related("summit")
                field.label_from_instance = lambda obj: f"{obj} — {obj.summit}"


class SessionAdminForm(SummitScopedForm):
    """Times are typed and shown in the summit's own time zone; speaker clashes are caught here.

    The inline speaker rows are not saved yet when the model is validated, so this form checks
    each of them against the session's new times and puts the error on the offending row.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        summit = self.instance.summit if self.instance.summit_id else None
        for name in ("start", "end"):
            if name in self.fields:
                self.fields[name].help_text = _("Local time of the summit (its time zone).")
                value = getattr(self.instance, name)
                if summit and value:
                    self.initial[name] = timezone.make_naive(value, summit.tz)

    def _summit(self):
        return self.cleaned_data.get("summit") or (self.instance.summit if self.instance.summit_id else None)

    def clean(self):
        cleaned = super().clean()
        summit = self._summit()
        if summit:
            for name in ("start", "end"):
                value = cleaned.get(name)
                if value is not None:
                    naive = timezone.make_naive(value, timezone.get_current_timezone())
                    cleaned[name] = timezone.make_aware(naive, summit.tz)
        formset = self.formsets.get("speaker_roles") if hasattr(self, "formsets") else None
        speaker_ids = []
        if formset is not None and formset.is_valid():
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if not data or data.get("DELETE") or not data.get("speaker"):
                    continue
                speaker = data["speaker"]
                if speaker.pk in speaker_ids:
                    form.add_error("speaker", _("This speaker is already listed for this session."))
                    continue
                speaker_ids.append(speaker.pk)
                start, end = cleaned.get("start"), cleaned.get("end")
                if start and end and end > start:
                    clash = speaker_clash(speaker.pk, start, end, exclude_session=self.instance.pk)
                    if clash:
                        form.add_error("speaker", clash)
        # The model's clean() checks room and dates; speakers were checked above.
        self.instance._pending_speaker_ids = []
        return cleaned
