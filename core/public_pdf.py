"""Public PDFs laid out once per content, kept in storage and served as files, rate-limited.

Laying out a PDF takes seconds (5.9 s for a list of 1,000 participants), so a public URL must not
do it on every request. ``serve`` works in two steps:

1. A *fingerprint* of what the document is made from (its kind and parameters, the language, the
   date, and version tokens bumped by the apps' signals whenever a record it shows changes) names
   a cache entry holding the stored file's name. A repeated request costs one cache read and a file
   read: no query of the data, no template, no layout.
2. On a miss, the HTML is rendered (cheap) and hashed: the PDF is stored in the default storage as
   ``public-pdfs/<kind>-<hash of the HTML>.pdf``. A change that leaves the document's HTML the same
   (a participant who is not on the public list) finds the same file; only new content is laid out.

Documents to lay out are limited per client address (``core.ratelimits`` group ``pdf-render``,
``PLENARY_RATE_PDF_RENDER``, "count/seconds"): a visitor cannot keep the CPUs busy by varying the
parameters, while documents already stored stay under the views' general ``pdf`` limit only. The fingerprint entry also expires after
``PLENARY_PUBLIC_PDF_CHECK_SECONDS`` so that a change made without a signal (a queryset update) is
seen within that time; the content hash keeps that re-check cheap when nothing changed.

Responses carry the file's hash as ``ETag``, ``Last-Modified`` and ``Cache-Control: public,
max-age=0, must-revalidate``; a conditional GET that matches answers 304.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from core import ratelimits

logger = logging.getLogger(__name__)

DIRECTORY = "public-pdfs"
VERSION_PREFIX = "pdf:v:"
HEADER = "X-Plenary-PDF"
# core.ratelimits group of the documents that must be laid out (every request is also limited by
# the views' "pdf" group).
RENDER_GROUP = "pdf-render"


def versions(*scopes):
    keys = [VERSION_PREFIX + scope for scope in scopes]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex[:16], None)
    missing = [key for key in keys if key not in found]
    if missing:
        found.update(cache.get_many(missing))
    return tuple(found.get(key) for key in keys)


def bump(*scopes):
    """A record shown by documents of these scopes changed: their fingerprints change once the
    transaction commits (outside the registration's locked transaction, and never before the
    rows it describes are visible)."""
    scopes = [scope for scope in scopes if scope]
    transaction.on_commit(
        lambda: cache.set_many({VERSION_PREFIX + scope: uuid.uuid4().hex[:16] for scope in scopes}, None)
    )


def _fingerprint_key(kind, fingerprint):
    return "pdf:fp:" + hashlib.sha256(repr((kind, fingerprint)).encode()).hexdigest()


def stored_name(kind, fingerprint):
    """The storage name of the PDF a fingerprint currently designates, or None."""
    return cache.get(_fingerprint_key(kind, fingerprint))


def render(kind, fingerprint, build_html, language):
    """The storage name of the document (laid out now if its content is new) and whether it was."""
    from core.pdf import html_to_pdf

    html = build_html()
    digest = hashlib.sha256(html.encode()).hexdigest()[:32]
    name = f"{DIRECTORY}/{get_valid_filename(kind)}-{digest}.pdf"
    laid_out = False
    if not default_storage.exists(name):
        pdf = html_to_pdf(html, language=language)
        saved = default_storage.save(name, ContentFile(pdf))
        if saved != name:  # another process stored the same content meanwhile: keep one file
            default_storage.delete(saved)
        laid_out = True
        logger.info("public pdf laid out kind=%s name=%s bytes=%d", kind, name, len(pdf))
    cache.set(_fingerprint_key(kind, fingerprint), name, getattr(settings, "PLENARY_PUBLIC_PDF_CHECK_SECONDS", 300))
    return name, laid_out


def serve(request, *, kind, fingerprint, build_html, language, filename, inline=True):
    """The response for a public PDF (see the module's docstring)."""
    name = stored_name(kind, fingerprint)
    state = "hit"
    if name is None or not default_storage.exists(name):
        if ratelimits.exceeded(request, RENDER_GROUP):
            response = ratelimits.refused(
                request, _("Too many documents requested from your address. Please try again in a few minutes."))
            response["Retry-After"] = "600"
            return response
        name, laid_out = render(kind, fingerprint, build_html, language)
        state = "miss" if laid_out else "same-content"
    etag = '"' + name.rsplit("-", 1)[-1].removesuffix(".pdf") + '"'
    try:
        modified = default_storage.get_modified_time(name).timestamp()
    except (NotImplementedError, OSError):
        modified = None
    cached = get_conditional_response(request, etag=etag, last_modified=int(modified) if modified else None)
    if cached is not None:
        cached["ETag"] = etag
        cached[HEADER] = state
        return cached
    clean = get_valid_filename(filename) or "document.pdf"
    if not clean.lower().endswith(".pdf"):
        clean += ".pdf"
    with default_storage.open(name, "rb") as handle:
        response = HttpResponse(handle.read(), content_type="application/pdf")
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{clean}"'
    response["ETag"] = etag
    if modified:
        response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    response["X-Content-Type-Options"] = "nosniff"
    response[HEADER] = state
    return response
