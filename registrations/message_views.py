"""Writing to participants from the summit workspace: compose, preview, test, confirm, send, log."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_countries import countries

from core import permissions, workspace
from core.models import OutboxEmail
from summits.models import Session, Summit

from . import messages
from .choices import RegistrationStatus
from .models import Message, Registration, RegistrationCategory

ACTION = "registrations.message"


def _suffix(code):
    return code.replace("-", "_")


class MessageForm(forms.Form):
    status = forms.MultipleChoiceField(
        label=gettext_lazy("Status"), choices=RegistrationStatus.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=gettext_lazy("None ticked: every status."))
    category = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Category"), queryset=RegistrationCategory.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple, help_text=gettext_lazy("None ticked: every category."))
    country = forms.MultipleChoiceField(
        label=gettext_lazy("Nationality"), required=False, widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=gettext_lazy("None chosen: every country. Hold Ctrl (⌘ on a Mac) to choose several."))
    language = forms.MultipleChoiceField(
        label=gettext_lazy("Preferred language"), choices=settings.LANGUAGES, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=gettext_lazy("None ticked: every language."))
    session = forms.ModelChoiceField(
        label=gettext_lazy("Booked a seat in"), queryset=Session.objects.none(), required=False,
        empty_label=gettext_lazy("Any session (no filter)"))
    checked_in = forms.ChoiceField(
        label=gettext_lazy("Checked in"), required=False,
        choices=[("", gettext_lazy("Either")), ("yes", gettext_lazy("Checked in")),
                 ("no", gettext_lazy("Not checked in"))])
    essential = forms.BooleanField(
        label=gettext_lazy("Essential: about attending the summit"), required=False,
        help_text=gettext_lazy("Access, security, a change of venue or time. Sent also to participants who opted out "
                               "of news and updates; leave unticked for news."))

    def __init__(self, *args, summit, **kwargs):
        super().__init__(*args, **kwargs)
        self.summit = summit
        self.fields["category"].queryset = RegistrationCategory.objects.filter(summit=summit).order_by("sort_order", "pk")
        self.fields["session"].queryset = Session.objects.filter(summit=summit, capacity__isnull=False).order_by("start")
        present = (Registration.objects.filter(summit=summit).exclude(nationality="").order_by()
                   .values_list("nationality", flat=True).distinct())
        self.fields["country"].choices = sorted(((code, str(countries.name(code) or code)) for code in present),
                                                key=lambda c: c[1])
        help_placeholders = ", ".join("{{ %s }}" % name for name in messages.PLACEHOLDERS)
        summit_languages = list(summit.languages or [])
        self.language_codes = sorted((code for code, _n in settings.LANGUAGES),
                                     key=lambda c: (c not in summit_languages, summit_languages.index(c)
                                                    if c in summit_languages else 0))
        for code in self.language_codes:
            name = dict(settings.LANGUAGES)[code]
            self.fields[f"subject_{_suffix(code)}"] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": name}, required=False, max_length=250,
                widget=forms.TextInput(attrs={"lang": code, "dir": "auto", "class": "plenary-wide"}))
            self.fields[f"body_{_suffix(code)}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": name}, required=False,
                widget=forms.Textarea(attrs={"lang": code, "dir": "auto", "rows": 9}),
                help_text=_("Placeholders: %(list)s.") % {"list": help_placeholders})

    def language_fields(self):
        names = dict(settings.LANGUAGES)
        summit_languages = list(self.summit.languages or [])
        return [{"code": code, "name": names[code], "main": code in summit_languages,
                 "subject": self[f"subject_{_suffix(code)}"], "body": self[f"body_{_suffix(code)}"]}
                for code in self.language_codes]

    def audience_fields(self):
        return [self[name] for name in ("status", "category", "country", "language", "session", "checked_in")]

    def clean(self):
        cleaned = super().clean()
        complete = 0
        for code in self.language_codes:
            s_name, b_name = f"subject_{_suffix(code)}", f"body_{_suffix(code)}"
            subject, body = (cleaned.get(s_name) or "").strip(), (cleaned.get(b_name) or "").strip()
            if subject and not body:
                self.add_error(b_name, _("Write the text too, or leave the subject empty."))
            elif body and not subject:
                self.add_error(s_name, _("Give a subject too, or leave the text empty."))
            elif subject and body:
                complete += 1
            for name, text in ((s_name, subject), (b_name, body)):
                unknown = messages.unknown_placeholders(text)
                if unknown:
                    self.add_error(name, _("Unknown placeholder: %(names)s. Use only: %(allowed)s.") % {
                        "names": ", ".join("{{ %s }}" % n for n in unknown),
                        "allowed": ", ".join("{{ %s }}" % n for n in messages.PLACEHOLDERS)})
        if not complete and not self.errors:
            raise forms.ValidationError(_("Write the subject and the text in at least one language."))
        return cleaned

    def save(self, message):
        data = self.cleaned_data
        message.subjects = {code: data[f"subject_{_suffix(code)}"].strip() for code in self.language_codes
                            if data.get(f"subject_{_suffix(code)}", "").strip()}
        message.bodies = {code: data[f"body_{_suffix(code)}"].strip() for code in self.language_codes
                          if data.get(f"body_{_suffix(code)}", "").strip()}
        message.audience = {
            "status": list(data["status"]), "category": [c.pk for c in data["category"]],
            "country": list(data["country"]), "language": list(data["language"]),
            "session": data["session"].pk if data["session"] else None, "checked_in": data["checked_in"],
        }
        message.essential = data["essential"]
        message.save()
        return message


def initial_for(message):
    audience = message.audience or {}
    initial = {
        "status": audience.get("status", []), "category": audience.get("category", []),
        "country": audience.get("country", []), "language": audience.get("language", []),
        "session": audience.get("session"), "checked_in": audience.get("checked_in", ""),
        "essential": message.essential,
    }
    for code, text in (message.subjects or {}).items():
        initial[f"subject_{_suffix(code)}"] = text
    for code, text in (message.bodies or {}).items():
        initial[f"body_{_suffix(code)}"] = text
    return initial


def _summit(request, summit_id):
    summit = get_object_or_404(Summit, pk=summit_id)
    if not permissions.can(request.user, ACTION, summit):
        raise PermissionDenied
    workspace.choose(request, summit)
    return summit


def _message(summit, pk):
    return get_object_or_404(Message.objects.select_related("summit", "created_by", "sent_by", "job"),
                             pk=pk, summit=summit)


def _page(request, summit, template, title, **context):
    return render(request, template, {"summit": summit, "section": "messages", "page_title": title, **context})


@never_cache
def messages_index(request, summit_id):
    summit = _summit(request, summit_id)
    rows = []
    for message in Message.objects.filter(summit=summit).select_related("created_by", "sent_by"):
        rows.append((message, messages.delivery(message) if message.state != Message.State.DRAFT else None))
    return _page(request, summit, "registrations/admin/messages/index.html", _("Messages"), rows=rows)


@never_cache
def message_compose(request, summit_id, pk=None):
    summit = _summit(request, summit_id)
    message = _message(summit, pk) if pk else Message(summit=summit, created_by=request.user)
    if message.state != Message.State.DRAFT:
        flash.error(request, _("A message that was sent cannot be changed; write a new one."))
        return redirect("registrations_message", summit.pk, message.pk)
    initial = initial_for(message) if pk else {"status": [RegistrationStatus.APPROVED]}
    form = MessageForm(request.POST or None, summit=summit, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.save(message)
        return redirect("registrations_message", summit.pk, message.pk)
    return _page(request, summit, "registrations/admin/messages/compose.html",
                 _("Change the message") if pk else _("Write to participants"), form=form, message=message,
                 placeholders=messages.PLACEHOLDERS.items())


@never_cache
def message_detail(request, summit_id, pk):
    summit = _summit(request, summit_id)
    message = _message(summit, pk)
    if message.state == Message.State.DRAFT:
        summary = messages.audience_summary(message)
        previews = [{"code": code, "language": dict(settings.LANGUAGES)[code],
                     **messages.preview(message, code, request.user)} for code in message.languages]
        return _page(request, summit, "registrations/admin/messages/confirm.html", _("Check and send"),
                     message=message, summary=summary, previews=previews, filters=describe(message))
    status = request.GET.get("status", "")
    emails = OutboxEmail.objects.filter(group=message.group, kind=messages.EMAIL_KIND).order_by("pk")
    if status in ("queued", "sent", "failed"):
        emails = emails.filter(status__in=["queued", "sending"] if status == "queued" else [status])
    page = Paginator(emails, 100).get_page(request.GET.get("p"))
    people = {r.pk: r for r in Registration.objects.filter(pk__in=[e.target_id for e in page]).only(
        "pk", "reference", "given_name", "family_name", "honorific")}
    return _page(request, summit, "registrations/admin/messages/log.html", _("Message"), message=message,
                 delivery=messages.delivery(message), page=page, people=people, status=status,
                 filters=describe(message), languages=[dict(settings.LANGUAGES)[c] for c in message.languages])


@never_cache
def message_status(request, summit_id, pk):
    summit = _summit(request, summit_id)
    message = _message(summit, pk)
    job = message.job
    counts = messages.delivery(message)
    return JsonResponse({
        "state": job.state if job else message.state, "done": job.done if job else 0,
        "total": job.total if job else message.recipient_count, "error": job.error if job else "",
        "counts": counts, "finished": bool(job and job.is_finished and counts["queued"] == 0),
    })


@require_POST
def message_action(request, summit_id, pk):
    summit = _summit(request, summit_id)
    message = _message(summit, pk)
    action = request.POST.get("action", "")
    try:
        if action == "test":
            language = request.POST.get("language", "")
            messages.send_test(message, request.user, language)
            flash.success(request, _("A test in %(language)s is on its way to %(email)s.") % {
                "language": dict(settings.LANGUAGES).get(language, language), "email": request.user.email})
        elif action == "send":
            raw = request.POST.get("count", "")
            sent = messages.send(message, request.user, confirmed_count=int(raw) if raw.isdigit() else -1)
            flash.success(request, ngettext("Sending to %(count)d participant.", "Sending to %(count)d participants.",
                                            sent.recipient_count) % {"count": sent.recipient_count})
        elif action == "resend_failed":
            count = messages.resend_failed(message, request.user)
            flash.success(request, ngettext("%(count)d failed email queued again.", "%(count)d failed emails queued again.",
                                            count) % {"count": count})
        elif action == "delete" and message.state == Message.State.DRAFT:
            message.delete()
            flash.success(request, _("Draft deleted."))
            return redirect("registrations_messages", summit.pk)
        else:
            raise Http404
    except messages.MessageError as exc:
        flash.error(request, str(exc))
    return redirect("registrations_message", summit.pk, pk)


def describe(message) -> list[tuple[str, str]]:
    """The message's recipients filters in words."""
    audience = message.audience or {}
    out = []
    if audience.get("status"):
        labels = dict(RegistrationStatus.choices)
        out.append((_("Status"), ", ".join(str(labels.get(s, s)) for s in audience["status"])))
    if audience.get("category"):
        names = RegistrationCategory.objects.filter(pk__in=audience["category"]).order_by("sort_order")
        out.append((_("Category"), ", ".join(str(c.name) for c in names)))
    if audience.get("country"):
        out.append((_("Nationality"), ", ".join(str(countries.name(c) or c) for c in audience["country"])))
    if audience.get("language"):
        names = dict(settings.LANGUAGES)
        out.append((_("Preferred language"), ", ".join(str(names.get(c, c)) for c in audience["language"])))
    if audience.get("session"):
        session = Session.objects.filter(pk=audience["session"]).first()
        out.append((_("Booked a seat in"), session.title if session else "—"))
    if audience.get("checked_in"):
        out.append((_("Checked in"), _("yes") if audience["checked_in"] == "yes" else _("no")))
    if not out:
        out.append((_("Recipients"), _("every participant")))
    out.append((_("Kind"), _("essential (also to those who opted out)") if message.essential
                else _("news (not to those who opted out)")))
    return out


def admin_urls():
    from django.urls import path

    base = "registrations/messages/<int:summit_id>"
    return [
        path(f"{base}/", messages_index, name="registrations_messages"),
        path(f"{base}/new/", message_compose, name="registrations_message_new"),
        path(f"{base}/<int:pk>/", message_detail, name="registrations_message"),
        path(f"{base}/<int:pk>/edit/", message_compose, name="registrations_message_edit"),
        path(f"{base}/<int:pk>/action/", message_action, name="registrations_message_action"),
        path(f"{base}/<int:pk>/status.json", message_status, name="registrations_message_status"),
    ]



