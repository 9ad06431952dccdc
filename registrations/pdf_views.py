"""PDF documents on request: participants' self-service downloads, letter verification, the public
participants list, and the organisers' admin screens (single documents, batches with progress).

Participants reach their documents through their signed self-service token; organisers through
the Wagtail admin, limited to the summits where they may print documents (``core.permissions``).
"""

import logging

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from summits.documents import summit_dates_text
from core import http_cache, public_pdf
from core.ratelimits import limit
from core.pdf import pdf_response
from core.permissions import summits_for
from core.signing import BadToken, read_token

from . import documents

logger = logging.getLogger(__name__)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _registrations():
    from .models import Registration

    return Registration.objects.filter(anonymised_at__isnull=True).select_related(
        "summit", "summit__logo", "category", "organisation")


def _approved():
    from .choices import RegistrationStatus

    return RegistrationStatus.APPROVED


def _registration_for_token(token):
    """The registration a self-service token designates; 404 for anything that is not one."""
    try:
        value = read_token("manage", token)
    except BadToken:
        raise Http404("This link is not valid or has expired.") from None
    pk = value.get("id") if isinstance(value, dict) else None
    if not isinstance(pk, int):
        raise Http404
    return get_object_or_404(_registrations(), pk=pk)


def _language(request, registration):
    requested = request.GET.get("language", "")
    return requested if requested in LANGUAGE_CODES else documents.registration_language(registration)


def _file_stem(registration, what):
    return f"{registration.summit.slug}-{what}-{registration.reference}"


# --- Participant self-service ----------------------------------------------------------------
@never_cache
@require_GET
def badge_pdf(request, token):
    registration = _registration_for_token(token)
    if registration.status != _approved():
        raise PermissionDenied(_("Your badge is available once your registration is approved."))
    data = documents.badge_data_for(registration, _language(request, registration))
    pdf = documents.render_badge(data, documents.summit_badge_format(registration.summit))
    logger.info("badge downloaded registration=%s", registration.pk)
    return pdf_response(pdf, _file_stem(registration, "badge"))


@never_cache
@require_GET
def letter_pdf(request, token):
    registration = _registration_for_token(token)
    if registration.status != _approved() or not registration.needs_letter:
        raise PermissionDenied(_("An invitation letter is available once a registration that asked for one is approved."))
    pdf = documents.render_letter(documents.letter_data_for(registration, _language(request, registration)))
    documents.mark_issued([registration.pk], "letter")
    logger.info("letter downloaded registration=%s", registration.pk)
    return pdf_response(pdf, _file_stem(registration, "letter"))


@never_cache
@require_GET
def certificate_pdf(request, token):
    registration = _registration_for_token(token)
    if registration.checked_in_at is None:
        raise PermissionDenied(_("The certificate of attendance is available after you have checked in."))
    pdf = documents.render_certificate(documents.certificate_data_for(registration, _language(request, registration)))
    logger.info("certificate downloaded registration=%s", registration.pk)
    return pdf_response(pdf, _file_stem(registration, "certificate"))


# --- Public pages ----------------------------------------------------------------------------
@require_GET
@limit("verify", methods=("GET",))
def letter_verify(request):
    """Anyone holding a letter (a consulate) checks its verification code here."""
    code = request.GET.get("code", "").strip()
    registration = None
    checked = bool(code)
    if code:
        parsed = documents.read_letter_code(code)
        if parsed:
            summit_id, reference = parsed
            registration = (
                _registrations().filter(summit_id=summit_id, reference=reference, status=_approved(),
                                        needs_letter=True).first()
            )
    context = {"code": code, "checked": checked, "registration": registration}
    if registration:
        context["summit_dates"] = summit_dates_text(registration.summit, translation.get_language())
    return render(request, "registrations/documents/verify.html", context)


@require_GET
@limit("pdf", methods=("GET",))
def public_participants_pdf(request, slug):
    """The list of approved participants who agreed to appear on it, in the visitor's language."""
    from summits.queries import public_summits

    summit = get_object_or_404(public_summits(), slug=slug)
    language = translation.get_language()

    def build_html():
        registrations = _registrations().filter(summit=summit, status=_approved(), list_publicly=True)
        return documents.participants_list_html(
            summit.title, summit_dates_text(summit, language), documents.participant_rows(registrations, language),
            language=language, public=True,
        )

    # Laid out once per content, served from storage (core.public_pdf); the fingerprint changes
    # with any registration, category or record of this summit (registrations.apps).
    return public_pdf.serve(
        request, kind=f"participants-{summit.slug}-{language}",
        fingerprint=(summit.pk, language, public_pdf.versions(documents.participants_scope(summit.pk),
                                                              documents.PARTICIPANTS_SCOPE)),
        build_html=build_html, language=language, filename=f"{summit.slug}-participants",
    )


@require_GET
@limit("pdf", methods=("GET",))
def programme_pdf(request, slug):
    """The programme booklet of a public summit in the page's language (laid out once per version)."""
    from summits.documents import programme_booklet_cached
    from summits.queries import public_summits

    summit = get_object_or_404(public_summits(), slug=slug)
    language = translation.get_language()
    response = pdf_response(programme_booklet_cached(summit, language), f"{summit.slug}-programme-{language}",
                            inline=True)
    return http_cache.conditional(request, response)


# --- Organisers (Wagtail admin) --------------------------------------------------------------
def _managed_summits(request):
    """Summits whose participants' documents (letters with passport numbers) this user may print."""
    return summits_for(request.user, "registrations.documents")


def _managed_registration(request, pk):
    registration = get_object_or_404(_registrations(), pk=pk)
    if not _managed_summits(request).filter(pk=registration.summit_id).exists():
        raise PermissionDenied
    return registration


@never_cache
def admin_registration_document(request, pk, kind):
    """An organiser downloads one participant's badge, letter or certificate (even before approval,
    to check it), in the participant's language unless ``?language=`` says otherwise."""
    registration = _managed_registration(request, pk)
    language = _language(request, registration)
    if kind == "badge":
        pdf = documents.render_badge(documents.badge_data_for(registration, language),
                                     documents.summit_badge_format(registration.summit))
        if registration.status == _approved():
            documents.mark_issued([registration.pk], "badge")
    elif kind == "letter":
        pdf = documents.render_letter(documents.letter_data_for(registration, language))
        if registration.status == _approved():
            documents.mark_issued([registration.pk], "letter")
    elif kind == "certificate":
        if registration.checked_in_at is None:
            raise Http404
        pdf = documents.render_certificate(documents.certificate_data_for(registration, language))
    else:
        raise Http404
    return pdf_response(pdf, _file_stem(registration, kind))


@never_cache
def admin_participants_pdf(request, summit_id):
    """Organisers' list: every approved participant, by category then organisation."""
    summit = get_object_or_404(_managed_summits(request), pk=summit_id)
    language = translation.get_language()
    registrations = _registrations().filter(summit=summit, status=_approved())
    pdf = documents.render_participants_list(
        summit.title, summit_dates_text(summit, language), documents.participant_rows(registrations, language),
        language=language,
    )
    return pdf_response(pdf, f"{summit.slug}-participants-organisers")


class BatchForm(forms.Form):
    summit = forms.ModelChoiceField(label=gettext_lazy("Summit"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(label=gettext_lazy("Documents"), choices=())
    order = forms.ChoiceField(label=gettext_lazy("Order"), choices=(),
                              help_text=gettext_lazy("Letters and badges are printed in this order."))

    def __init__(self, *args, summits, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summit"].queryset = summits
        self.fields["kind"].choices = documents.batch_kind_choices()
        self.fields["order"].choices = documents.batch_order_choices()

    def clean(self):
        cleaned = super().clean()
        summit, kind = cleaned.get("summit"), cleaned.get("kind")
        if summit and kind and not documents.batch_registrations(summit, kind).exists():
            if kind == "letters":
                self.add_error("kind", _("No approved participant of this summit asked for a letter."))
            else:
                self.add_error("summit", _("This summit has no approved participants yet."))
        return cleaned


@never_cache
def admin_batch_start(request):
    summits = _managed_summits(request)
    if not summits.exists():
        raise PermissionDenied
    if request.method == "POST":
        form = BatchForm(request.POST, summits=summits)
        if form.is_valid():
            job = documents.start_batch(
                summit=form.cleaned_data["summit"], user=request.user, kind=form.cleaned_data["kind"],
                order=form.cleaned_data["order"], language=translation.get_language(),
            )
            return redirect("plenary_pdf_batch", job_id=job.uuid.hex)
    else:
        from core import workspace

        current = workspace.summit_from_request(request, "registrations.documents")
        form = BatchForm(summits=summits, initial={"summit": current or summits.first(), "kind": "badge_sheets"})
    return render(request, "registrations/documents/admin_batch_start.html", {"form": form})


def _managed_batch(request, job_id):
    """The batch job, if this user may see it (core.jobs.can_access); 404 for anything else."""
    import uuid

    from core import jobs
    from core.models import Job

    try:
        key = uuid.UUID(hex=str(job_id))
    except ValueError:
        raise Http404 from None
    job = Job.objects.filter(uuid=key, kind=documents.JOB_KIND).select_related("summit").first()
    if job is None:
        raise Http404
    if not jobs.can_access(request.user, job):
        raise PermissionDenied
    return job


STATE_NAMES = {"succeeded": "done"}


def _status_payload(job):
    payload = {
        "state": STATE_NAMES.get(job.state, job.state), "done": job.done, "total": job.total, "error": job.error,
        "kind": job.params.get("kind", ""), "percent": job.percent,
    }
    payload["download_url"] = (
        reverse("plenary_pdf_batch_download", args=[job.uuid.hex])
        if job.state == job.State.SUCCEEDED and job.result_file else ""
    )
    return payload


@never_cache
def admin_batch_progress(request, job_id):
    job = _managed_batch(request, job_id)
    return render(request, "registrations/documents/admin_batch_progress.html", {
        "job": job, "job_id": job.uuid.hex, "payload": _status_payload(job),
    })


@never_cache
def admin_batch_status(request, job_id):
    return JsonResponse(_status_payload(_managed_batch(request, job_id)))


@never_cache
def admin_batch_download(request, job_id):
    job = _managed_batch(request, job_id)
    if job.state != job.State.SUCCEEDED or not job.result_file or not job.result_file.storage.exists(
            job.result_file.name):
        raise Http404
    response = FileResponse(job.result_file.open("rb"), content_type="application/pdf", as_attachment=True,
                            filename=job.result_name)
    response["Cache-Control"] = "private, no-store"
    return response
