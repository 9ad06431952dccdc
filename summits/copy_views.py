"""Copy a summit to a new edition from the admin: a short form, then the copy runs as a job."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views import generic

from . import copying
from .models import Room, Session, Summit, Theme


def _next_year(text, old_year, new_year):
    return text.replace(str(old_year), str(new_year)) if str(old_year) in text else text


class CopyEditionForm(forms.Form):
    slug = forms.SlugField(label=gettext_lazy("Address (slug) of the new edition"), max_length=80)
    start_date = forms.DateField(label=gettext_lazy("First day of the new edition"),
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source
        names = dict(settings.LANGUAGES)
        codes = [settings.LANGUAGE_CODE] + [c for c in (source.languages or []) if c != settings.LANGUAGE_CODE]
        self.title_codes = [c for c in codes if c in names]
        for code in self.title_codes:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": names[code]}, max_length=255,
                required=code == settings.LANGUAGE_CODE,
                widget=forms.TextInput(attrs={"lang": code, "dir": "auto"}))
        self.order_fields([f"title_{c}" for c in self.title_codes] + ["start_date", "slug"])

    @classmethod
    def initial_for(cls, source):
        try:
            start = source.start_date.replace(year=source.start_date.year + 1)
        except ValueError:  # 29 February
            start = source.start_date + dt.timedelta(days=365)
        old, new = source.start_date.year, start.year
        slug = _next_year(source.slug, old, new)
        if slug == source.slug:
            slug = f"{source.slug}-{new}"[:80]
        initial = {"start_date": start, "slug": slug}
        for code in [settings.LANGUAGE_CODE, *(source.languages or [])]:
            title = getattr(source, f"title_{code.replace('-', '_')}", "") or ""
            if title:
                new_title = _next_year(title, old, new)
                initial[f"title_{code}"] = new_title if new_title != title else f"{title} {new}"
        return initial

    def clean_slug(self):
        slug = slugify(self.cleaned_data["slug"])
        if Summit.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Another summit already uses this address; choose another one."))
        return slug

    def titles(self):
        return {code: self.cleaned_data.get(f"title_{code}", "").strip() for code in self.title_codes
                if self.cleaned_data.get(f"title_{code}", "").strip()}


class SummitCopyView(generic.CopyView):
    """Replaces the record-only copy: the whole edition (programme, set-up, pages) as one job."""

    # Not ``template_name``: the viewset sets that to its generic create template when it builds the view.
    page_template = "summits/admin/copy_summit.html"

    def _page(self, form):
        source = self.object
        return render(self.request, self.page_template, {
            "summit": source, "section": "settings", "page_title": _("Copy to a new edition"), "form": form,
            "counts": {"themes": Theme.objects.filter(summit=source).count(),
                       "rooms": Room.objects.filter(summit=source).count(),
                       "sessions": Session.objects.filter(summit=source).count()},
        })

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self._page(CopyEditionForm(source=self.object, initial=CopyEditionForm.initial_for(self.object)))

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = CopyEditionForm(request.POST, source=self.object)
        if not form.is_valid():
            return self._page(form)
        job = copying.start(self.object, titles=form.titles(), slug=form.cleaned_data["slug"],
                            start_date=form.cleaned_data["start_date"], user=request.user)
        return redirect("plenary_job", job.uuid.hex)
