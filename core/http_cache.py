"""HTTP validators for public downloads: ``ETag``, ``Cache-Control`` and 304 answers.

Pages are handled by the page cache (``cms.cache``) and public PDFs by ``core.public_pdf``; the
other public downloads (programme booklet, calendars, registry exports) are made on request and
answered with an ``ETag`` of their content, so that a browser, a calendar client polling a
feed or a CDN revalidating gets a 304 without the body when nothing changed.
"""

import hashlib
import re

from django.utils.cache import get_conditional_response

PUBLIC = "public, max-age=0, must-revalidate"
_ICS_STAMP = re.compile(r"^DTSTAMP:.*$", re.MULTILINE)


def etag_of(data: bytes) -> str:
    return '"' + hashlib.sha1(data).hexdigest()[:24] + '"'


def conditional(request, response, *, etag=None):
    """Mark a public download with its ETag and answer 304 when the client already has it."""
    etag = etag or etag_of(response.content)
    response["ETag"] = etag
    response["Cache-Control"] = PUBLIC
    return get_conditional_response(request, etag=etag, response=response) or response


def calendar_etag(body) -> str:
    """An iCalendar's ETag without its DTSTAMP lines (the time it was written, not what it says)."""
    text = body.decode() if isinstance(body, bytes) else body
    return etag_of(_ICS_STAMP.sub("", text).encode())
