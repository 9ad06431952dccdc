"""Organisers' screens in the Wagtail admin: the participants list (filters, counts, bulk actions,
export), one registration with its audit log, and the check-in screen."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_countries import countries

from core import outbox, workspace
from core.permissions import can, can_on, summits_for
from core.text import parse_id
from summits.choices import OrganisationKind

from . import services
from .choices import RegistrationStatus
from .models import Registration, RegistrationCategory
from .queries import admin_registrations
from .resources import export_csv, export_xlsx

YES_NO = [("", gettext_lazy("Any")), ("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]
ACTIONS = [
    ("approve", gettext_lazy("Approve")),
    ("reject", gettext_lazy("Reject")),
    ("waitlist", gettext_lazy("Move to the waiting list")),
    ("cancel", gettext_lazy("Cancel")),
]


def _require(request, action):
    """The user may do ``action`` on at least one summit (each record is checked again below)."""
    if not can(request.user, action):
        raise PermissionDenied


class FilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Search"), required=False)
    summit = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Summit"), required=False, empty_label=gettext_lazy("All"))
    category = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Category"), required=False, empty_label=gettext_lazy("All"))
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False,
                               choices=[("", gettext_lazy("All"))] + list(RegistrationStatus.choices))
    nationality = forms.ChoiceField(label=gettext_lazy("Nationality"), required=False)
    organisation_kind = forms.ChoiceField(label=gettext_lazy("Organisation kind"), required=False,
                                          choices=[("", gettext_lazy("All"))] + list(OrganisationKind.choices))
    needs_letter = forms.ChoiceField(label=gettext_lazy("Needs a letter"), required=False, choices=YES_NO)
    checked_in = forms.ChoiceField(label=gettext_lazy("Checked in"), required=False, choices=YES_NO)

    def __init__(self, *args, summits, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summit"].queryset = summits
        self.fields["category"].queryset = RegistrationCategory.objects.filter(summit__in=summits).select_related("summit")
        self.fields["category"].label_from_instance = lambda c: f"{c.name} ({c.summit.slug})"
        self.fields["nationality"].choices = [("", _("All"))] + list(countries)

    def apply(self, qs):
        if not self.is_valid():
            return qs
        data = self.cleaned_data
        if data["q"]:
            for word in data["q"].split():
                qs = qs.filter(
                    Q(given_name__icontains=word) | Q(family_name__icontains=word) | Q(email__icontains=word)
                    | Q(reference__icontains=word) | Q(organisation_name__icontains=word)
                    | Q(organisation__name__icontains=word) | Q(organisation__acronym__iexact=word)
                )
        if data["summit"]:
            qs = qs.filter(summit=data["summit"])
        if data["category"]:
            qs = qs.filter(category=data["category"])
        if data["status"]:
            qs = qs.filter(status=data["status"])
        if data["nationality"]:
            qs = qs.filter(nationality=data["nationality"])
        if data["organisation_kind"]:
            qs = qs.filter(organisation__kind=data["organisation_kind"])
        if data["needs_letter"]:
            qs = qs.filter(needs_letter=data["needs_letter"] == "yes")
        if data["checked_in"]:
            qs = qs.filter(checked_in_at__isnull=data["checked_in"] != "yes")
        return qs


def _filtered(request):
    summits = summits_for(request.user, "registrations.view")
    data = request.GET.copy()
    if "summit" not in data:
        # The list opens on the summit the organiser works in (the workspace's choice); "All" shows every one.
        current = workspace.summit_from_request(request, "registrations.view")
        if current is not None:
            data["summit"] = str(current.pk)
    form = FilterForm(data or None, summits=summits)
    qs = form.apply(admin_registrations(summits).filter(anonymised_at__isnull=True))
    return form, qs, summits


def participants(request):
    _require(request, "registrations.view")
    if request.method == "POST":
        return _bulk(request)
    form, qs, summits = _filtered(request)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        qs = qs.order_by("summit__slug", "family_name", "given_name")
        if export == "csv":
            response = HttpResponse(export_csv(qs), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(export_xlsx(qs), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="registrations.{export}"'
        return response
    counts = services.status_counts(qs)
    selected_summit = form.cleaned_data.get("summit") if form.is_valid() else None
    category_summits = [selected_summit] if selected_summit else summits
    categories = services.category_usage(category_summits) if len(summits) else []
    page = Paginator(qs.order_by("-created_at", "-pk"), 100).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return render(request, "registrations/admin/participants.html", {
        "form": form,
        "page": page,
        "counts": [(value, label, counts.get(value, 0)) for value, label in RegistrationStatus.choices],
        "total": sum(counts.values()),
        "categories": categories,
        "actions": ACTIONS,
        "query": query.urlencode(),
    })


def _bulk(request):
    _require(request, "registrations.change")
    action = request.POST.get("action", "")
    if action not in dict(ACTIONS):
        messages.error(request, _("Choose an action."))
        return redirect(_back(request))
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    allowed = list(
        Registration.objects.filter(pk__in=ids, summit__in=summits_for(request.user, "registrations.change"))
        .values_list("pk", flat=True)
    )
    if not allowed:
        messages.error(request, _("Select at least one registration."))
        return redirect(_back(request))
    reason = request.POST.get("reason", "").strip()
    if action == "reject" and not reason:
        messages.error(request, _("Give a reason for the rejection."))
        return redirect(_back(request))
    if request.POST.get("confirmed") != "yes":
        # Every one of these actions emails the participants: say how many, and ask first.
        preview = services.bulk_preview(allowed, action)
        return render(request, "registrations/admin/bulk_confirm.html", {
            "action": action, "action_label": dict(ACTIONS)[action], "ids": sorted(allowed), "reason": reason,
            "query": request.POST.get("query", ""), "preview": preview, "back": _back(request),
        })
    done, errors = services.bulk_change_status(sorted(allowed), action, actor=request.user, reason=reason)
    if done:
        messages.success(request, ngettext(
            "%(count)d registration updated; the participant is told by email.",
            "%(count)d registrations updated; each participant is told by email.", len(done)) % {"count": len(done)})
    for error in errors:
        messages.error(request, error)
    return redirect(_back(request))


def _back(request):
    url = reverse("registrations_participants")
    query = request.POST.get("query", "")
    return f"{url}?{query}" if query else url


def _registration_for(request, pk, *actions):
    """The registration, if the user may do one of ``actions`` on its summit; 404 otherwise."""
    registration = get_object_or_404(
        Registration.objects.select_related("summit", "category", "organisation"), pk=pk, anonymised_at__isnull=True
    )
    if not any(can_on(request.user, action, registration) for action in actions or ("registrations.view",)):
        raise PermissionDenied
    return registration


def registration_detail(request, pk):
    _require(request, "registrations.view")
    registration = _registration_for(request, pk, "registrations.view")
    if request.method == "POST":
        if not can_on(request.user, "registrations.change", registration):
            raise PermissionDenied
        action = request.POST.get("action", "")
        if action == "resend_email":
            # Only an email about this registration can be sent again from its page.
            email = outbox.for_target(registration).filter(pk=parse_id(request.POST.get("email"))).first()
            if email is None or not email.to:
                raise Http404
            outbox.resend(email, by=request.user)
            messages.success(request, _("The email “%(subject)s” is queued again for %(to)s.") % {
                "subject": email.subject or outbox.kind_label(email.kind), "to": email.to})
            return redirect("registrations_participant", pk=registration.pk)
        try:
            services.change_status(registration.pk, action, actor=request.user, reason=request.POST.get("reason", ""))
            messages.success(request, _("%(reference)s: done.") % {"reference": registration.reference})
        except services.RegistrationError as exc:
            messages.error(request, str(exc))
        return redirect("registrations_participant", pk=registration.pk)
    return render(request, "registrations/admin/detail.html", {
        "registration": registration,
        "audit": registration.audit.select_related("actor").order_by("-at", "-pk"),
        "bookings": registration.bookings.select_related("session"),
        "actions": ACTIONS,
        "emails": [(email, outbox.kind_label(email.kind)) for email in outbox.for_target(registration).order_by("-created_at", "-pk")[:100]],
        "can_change": can_on(request.user, "registrations.change", registration),
    })


def registration_photo(request, pk):
    """Badge photos are personal data: served only to organisers of the summit."""
    registration = _registration_for(request, pk, "registrations.view", "registrations.checkin")
    if not registration.photo:
        raise Http404
    response = FileResponse(registration.photo.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


def checkin_choose(request):
    _require(request, "registrations.checkin")
    summits = summits_for(request.user, "registrations.checkin")
    if summits.count() == 1:
        return redirect("registrations_checkin", summit_id=summits.first().pk)
    return render(request, "registrations/admin/checkin_choose.html", {"summits": summits})


def checkin(request, summit_id):
    _require(request, "registrations.checkin")
    summit = summits_for(request.user, "registrations.checkin").filter(pk=summit_id).first()
    if summit is None:
        raise PermissionDenied
    result = None
    if request.method == "POST":
        result = services.check_in(summit, request.POST.get("code", ""), actor=request.user)
    return render(request, "registrations/admin/checkin.html", {"summit": summit, "result": result},
                  status=200 if result is None or result.ok else 409)
