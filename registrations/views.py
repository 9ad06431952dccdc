"""Public views: the registration form and the participant's self-service page (thin: services do the work)."""

import hashlib
import json
import logging

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core import ratelimits
from core.signing import BadToken, read_token
from core.text import parse_id
from summits.ics import calendar_for_sessions
from summits.models import Session, Summit

from . import services
from .choices import BookingStatus, RegistrationStatus
from .forms import DetailsForm, LinkRequestForm, RegistrationForm
from .models import Invitation
from .queries import bookable_sessions, registration_for_manage

logger = logging.getLogger(__name__)


def _client_address(request):
    """The client's address; behind a reverse proxy, the last hop it wrote in PLENARY_CLIENT_IP_HEADER."""
    header = getattr(settings, "PLENARY_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def _email_key(email):
    return "email:" + hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]


def over_limit(request, email):
    """True when this client address, or this email, already had as many *accepted* registrations as allowed
    (core.ratelimits groups "register" and "register-email"). Looks only: refused forms never count."""
    return ratelimits.reached(request, "register") or ratelimits.reached(request, "register-email", _email_key(email))


def count_accepted(request, email):
    """Count one accepted registration (or link sent again) against the client address and the email."""
    ratelimits.count(request, "register")
    ratelimits.count(request, "register-email", key=_email_key(email))


def rate_limited(request, scope):
    """True when this client address sent too many requests of ``scope`` (core.ratelimits, PLENARY_RATES)."""
    return ratelimits.exceeded(request, scope)


def _public_summit(slug):
    return get_object_or_404(Summit.objects.exclude(status="draft"), slug=slug)


def _invitation_from(request):
    token = request.GET.get("invitation") or request.POST.get("invitation_token")
    if not token:
        return None, ""
    try:
        value = read_token("invitation", token, max_age=365 * 24 * 3600)
        return Invitation.objects.select_related("category").get(pk=value["id"]), token
    except (BadToken, Invitation.DoesNotExist, KeyError, TypeError):
        return False, token


@never_cache
@require_http_methods(["GET", "POST"])
def register(request, summit_slug):
    summit = _public_summit(summit_slug)
    if not summit.registration_is_open():
        return render(request, "registrations/closed.html", {"summit": summit, "contact_email": contact_email(summit)},
                      status=403 if request.method == "POST" else 200)
    invitation, invitation_token = _invitation_from(request)
    if invitation is False:
        return render(request, "registrations/bad_invitation.html", {"summit": summit}, status=400)
    if invitation is not None and invitation.category.summit_id != summit.pk:
        raise Http404
    context = {"summit": summit, "invitation": invitation, "invitation_token": invitation_token,
               "contact_email": contact_email(summit)}
    if request.method == "POST":
        form = RegistrationForm(request.POST, request.FILES, summit=summit, invitation=invitation)
        if request.POST.get("website"):
            logger.warning("honeypot filled from %s", _client_address(request))
            context["message"] = _("Your registration could not be accepted. If you are a person, leave the field "
                                   "“Leave this field empty” empty and try again.")
            return render(request, "registrations/refused.html", context, status=400)
        if form.is_valid():
            email = form.cleaned_data["email"]
            if over_limit(request, email):
                # The form comes back with everything typed in it: nothing is lost, the person can send it later.
                form.keep_photo()
                context.update(form=form, rate_limited=True)
                return render(request, "registrations/register.html", context, status=429)
            try:
                services.register(
                    summit, form.cleaned_data["category"], form.personal_fields(),
                    photo=form.cleaned_data.get("photo_upload"), invitation=invitation or None,
                )
            except services.DuplicateRegistration as exc:
                # Answered exactly as a new registration: the link goes to the registered address only.
                services.resend_manage_link(exc.existing)
            except services.RegistrationClosed:
                return render(request, "registrations/closed.html", context, status=403)
            count_accepted(request, email)
            form.discard_kept_photo()
            return redirect("registrations:registered", summit_slug=summit.slug)
        form.keep_photo()
    else:
        form = RegistrationForm(summit=summit, invitation=invitation)
    context["form"] = form
    return render(request, "registrations/register.html", context)


@never_cache
def registered(request, summit_slug):
    """After a registration is sent: check your inbox (the same answer whether the address was new or not)."""
    summit = _public_summit(summit_slug)
    return render(request, "registrations/registered.html", {"summit": summit,
                                                             "contact_email": contact_email(summit)})


def _registration_or_bad_link(request, token):
    try:
        value = read_token("manage", token)
        registration = registration_for_manage(int(value["id"]))
    except BadToken as exc:
        return None, render(request, "registrations/bad_link.html",
                            {"expired": exc.expired, "form": LinkRequestForm(), "contact_email": contact_email(None)},
                            status=410 if exc.expired else 400)
    except (KeyError, TypeError, ValueError):
        registration = None
    if registration is None:
        return None, render(request, "registrations/bad_link.html", {"expired": False, "form": LinkRequestForm(),
                                                                     "contact_email": contact_email(None)}, status=404)
    return registration, None


def _document_links(registration, token):
    """Badge, letter and certificate links the participant may download now."""
    wanted = []
    if registration.status == RegistrationStatus.APPROVED:
        wanted.append(("registrations:badge_pdf", _("Badge (PDF)")))
        if registration.needs_letter:
            wanted.append(("registrations:letter_pdf", _("Invitation / visa letter (PDF)")))
    if registration.checked_in_at:
        wanted.append(("registrations:certificate_pdf", _("Certificate of attendance (PDF)")))
    return [(reverse(name, kwargs={"token": token}), label) for name, label in wanted]


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    registration, bad = _registration_or_bad_link(request, token)
    if bad:
        return bad
    form = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "save" and registration.status not in (RegistrationStatus.CANCELLED, RegistrationStatus.REJECTED):
            form = DetailsForm(request.POST, request.FILES, instance=registration_for_manage(registration.pk))
            if form.is_valid():
                services.update_details(registration, form.changes(), photo=form.cleaned_data.get("photo_upload"))
                messages.success(request, _("Your details are saved."))
                return redirect("registrations:manage", token=token)
        elif action == "cancel":  # the confirmation step comes first (manage_cancel)
            return redirect("registrations:manage_cancel", token=token)
        elif action == "restore":
            try:
                restored = services.restore_by_participant(registration)
            except services.RegistrationError as exc:
                messages.error(request, str(exc))
            else:
                if restored.status == RegistrationStatus.WAITLISTED:
                    messages.warning(request, _("Your registration is restored, but your place was taken in the "
                                                "meantime: you are back on the waiting list."))
                else:
                    messages.success(request, _("Your registration is restored."))
            return redirect("registrations:manage", token=token)
        elif action in ("book", "unbook"):
            session_id = parse_id(request.POST.get("session"))
            session = Session.objects.filter(pk=session_id, summit=registration.summit).first() if session_id else None
            if session is None:
                messages.error(request, _("This session cannot be booked."))
            elif action == "unbook":
                services.cancel_booking(registration, session)
                messages.success(request, _("Your booking for “%(title)s” is cancelled.") % {"title": session.title})
            else:
                try:
                    booking, clashes = services.book_session(registration, session)
                except services.RegistrationError as exc:
                    messages.error(request, str(exc))
                else:
                    if booking.status == BookingStatus.BOOKED:
                        messages.success(request, _("Your seat in “%(title)s” is booked.") % {"title": session.title})
                    else:
                        messages.warning(request, _("“%(title)s” is full: you are on its waiting list.") % {"title": session.title})
                    for other in clashes:
                        messages.warning(request, _("Warning: “%(title)s” overlaps “%(other)s”, which you also booked.")
                                         % {"title": session.title, "other": other.title})
            return redirect("registrations:manage", token=token)
        elif action == "erase":
            if request.POST.get("confirm") == "yes":
                services.erase(registration)
                return render(request, "registrations/erased.html", {"summit": registration.summit})
            messages.error(request, _("Tick the box to confirm that you want your personal data erased."))
            return redirect("registrations:manage", token=token)
    if form is None:
        form = DetailsForm(instance=registration)
    booked = {b.session_id: b for b in registration.bookings.all()}
    sessions = []
    if registration.status == RegistrationStatus.APPROVED:
        for session in bookable_sessions(registration.summit):
            session.my_booking = booked.get(session.pk)
            session.clash = any(
                b.session.start < session.end and b.session.end > session.start and b.session_id != session.pk
                for b in booked.values()
            )
            sessions.append(session)
    context = {
        "registration": registration,
        "summit": registration.summit,
        "form": form,
        "token": token,
        "sessions": sessions,
        "documents": _document_links(registration, token),
        "waitlist_position": registration.waitlist_position(),
        "can_edit": registration.status not in (RegistrationStatus.CANCELLED, RegistrationStatus.REJECTED),
        "can_cancel": registration.status in CANCELLABLE,
        "can_restore": services.can_restore(registration),
        "contact_email": contact_email(registration.summit),
    }
    return render(request, "registrations/manage.html", context)


CANCELLABLE = (RegistrationStatus.PENDING, RegistrationStatus.APPROVED, RegistrationStatus.WAITLISTED)


def contact_email(summit):
    """Whom a participant writes to when stuck: the summit's contact address, else the site's."""
    return getattr(summit, "contact_email", "") or getattr(settings, "PLENARY_CONTACT_EMAIL", "")


@never_cache
@require_http_methods(["GET", "POST"])
def manage_cancel(request, token):
    """Cancel the registration, after a confirmation step; it can be restored until registration closes."""
    registration, bad = _registration_or_bad_link(request, token)
    if bad:
        return bad
    if registration.status not in CANCELLABLE:
        return redirect("registrations:manage", token=token)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.cancel_by_participant(registration)
        except services.RegistrationError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect("registrations:manage", token=token)
    return render(request, "registrations/cancel_confirm.html", {
        "registration": registration, "summit": registration.summit, "token": token,
        "bookings": [b for b in registration.bookings.all()],
    })


@never_cache
def manage_data(request, token):
    registration, bad = _registration_or_bad_link(request, token)
    if bad:
        return bad
    data = services.personal_data(registration)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{registration.reference}.json"'
    return response


@never_cache
def manage_calendar(request, token):
    registration, bad = _registration_or_bad_link(request, token)
    if bad:
        return bad
    sessions = [b.session for b in registration.bookings.all() if b.status == BookingStatus.BOOKED]
    body = calendar_for_sessions(sessions, registration.summit.title)
    if isinstance(body, str):
        body = body.encode("utf-8")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{registration.summit.slug}.ics"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def link_request(request, summit_slug=None):
    """Send a fresh self-service link to a registered address; the answer never says whether it is registered."""
    summit = _public_summit(summit_slug) if summit_slug else None
    sent = False
    if request.method == "POST":
        form = LinkRequestForm(request.POST)
        if rate_limited(request, "link"):
            return render(request, "registrations/refused.html", {
                "message": _("Too many requests were sent from your network. Wait an hour and try again.")}, status=429)
        if form.is_valid():
            from .models import Registration

            qs = Registration.objects.filter(email__iexact=form.cleaned_data["email"].strip(), anonymised_at__isnull=True)
            if summit is not None:
                qs = qs.filter(summit=summit)
            for registration in qs:
                services.resend_manage_link(registration)
            sent = True
    else:
        form = LinkRequestForm()
    return render(request, "registrations/link_request.html", {"form": form, "sent": sent, "summit": summit})
