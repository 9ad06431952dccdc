"""Rate limits of the public doors: one helper on django-ratelimit and the shared cache.

Each door has a *group* with a rate ``(count, seconds)``; ``PLENARY_RATES`` in settings overrides
them (``"count/seconds"`` strings from the environment, ``0/0`` turns a group off). Behind a reverse
proxy, the client's address comes from ``PLENARY_CLIENT_IP_HEADER`` (its last hop), the same rule the
registration form uses.

- ``exceeded(request, group)`` counts this request and says whether the client is over the limit;
  ``exceeded(request, group, increment=False)`` only looks (a door that counts only what it accepted
  looks first and calls ``count(request, group)`` after success).
- ``@limit(group)`` on a view answers 429 with a page in the visitor's language (and keeps nothing
  typed from being lost: the browser's back button returns to the filled form).
"""

from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit import ALL
from django_ratelimit.core import get_usage

DEFAULT_RATES = {
    "register": (200, 3600),         # accepted registrations per address per hour (a desk, a ministry's NAT)
    "register-email": (5, 3600),     # accepted registrations per email address per hour
    "link": (10, 3600),              # "send me a new link"
    "submit": (10, 3600),            # commitment submissions
    "report": (20, 3600),            # progress reports through a signed link
    "verify": (60, 3600),            # letter verification
    "pdf": (30, 60),                 # public PDFs (programme, participants, registry report)
    "pdf-render": (20, 600),         # public PDFs that must be laid out (not stored yet: core.public_pdf)
    "open-data": (30, 60),           # large open-data files built on request (the registry's IATI file)
}


def client_address(request):
    header = getattr(settings, "PLENARY_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR") or "unknown"


def rate(group):
    if group == "register" and getattr(settings, "PLENARY_REGISTRATION_RATE", None):
        value = settings.PLENARY_REGISTRATION_RATE  # the registration form's own setting
    else:
        value = getattr(settings, "PLENARY_RATES", {}).get(group, DEFAULT_RATES.get(group))
    if isinstance(value, str):
        try:
            count, seconds = (int(part) for part in value.split("/"))
        except ValueError:
            count, seconds = DEFAULT_RATES.get(group, (0, 0))
        value = (count, seconds)
    return value if value and value[0] > 0 and value[1] > 0 else None


def _usage(request, group, key, increment):
    limit = rate(group)
    if limit is None:
        return None
    return get_usage(request, group=f"plenary.{group}", key=lambda _group, _request: key, rate=limit,
                     method=ALL, increment=increment)


def exceeded(request, group, key=None, increment=True):
    usage = _usage(request, group, key or client_address(request), increment)
    return bool(usage and usage["should_limit"])


def reached(request, group, key=None):
    """True when ``group`` already counted as many requests as it allows for this client (or ``key``); counts
    nothing. For doors that count only what they accept: ``reached()`` first, ``count()`` after success."""
    usage = _usage(request, group, key or client_address(request), False)
    return bool(usage and usage["count"] >= usage["limit"])


def count(request, group, key=None):
    """Count one accepted request for ``group`` (after success) without asking the limit."""
    _usage(request, group, key or client_address(request), True)


def refused(request, message=None):
    return render(request, "core/rate_limited.html", {
        "message": message or _("Too many requests were sent from your network. Wait a while and try again."),
    }, status=429)


def limit(group, methods=("POST",)):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods and exceeded(request, group):
                return refused(request)
            return view(request, *args, **kwargs)
        return wrapper
    return decorator
