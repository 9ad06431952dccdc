"""Pages people share: a commitment's Open Graph card (PNG), its one-page PDF and an embeddable widget.

- The **card** (1200 × 630 px, what social networks show next to a link) is laid out by WeasyPrint
  (so every script is shaped: Arabic joined, Chinese with its own fonts) and rasterised by PDFium.
  Like the public PDFs (``core.public_pdf``), it is made once per content: the HTML's hash names
  the stored file, so a repeated request reads a file and a change that leaves the card's text the
  same costs nothing. Laying out new cards is limited per address (``core.ratelimits`` group
  ``pdf-render``), every request by the views' ``pdf`` group.
- The **one-page PDF** goes through ``core.public_pdf.serve`` with the registry's fingerprint.
- The **widget** is a small script-free HTML page meant for an ``<iframe>`` on the lead
  organisation's site: the only page of Plenary that other sites may frame.
"""

import hashlib
import io
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils import translation
from django.utils.translation import gettext as _

from core import formatting, public_pdf, ratelimits
from core.pdf import html_to_pdf, render_html

logger = logging.getLogger(__name__)

CARD_DIRECTORY = "share-cards"
CARD_SIZE = (1200, 630)


def card_html(commitment, language):
    return render_html("announcements/share/card.html", {"commitment": commitment, "size": CARD_SIZE},
                       language=language)


def print_html(commitment, language):
    with translation.override(language):
        countries = formatting.join([country.name for country in commitment.countries], language)
        url = settings.SITE_URL.rstrip("/") + commitment.get_absolute_url()
    return render_html("announcements/share/print.html", {"commitment": commitment, "countries": countries, "url": url},
                       language=language)


def embed_code(request, commitment):
    """The snippet a lead organisation pastes into its own site (an iframe of the widget)."""
    from django.urls import reverse
    from django.utils.html import format_html

    src = request.build_absolute_uri(reverse("announcements:commitment_widget", args=[commitment.reference]))
    return format_html('<iframe src="{}" title="{}" width="360" height="240" style="border:0" loading="lazy"></iframe>',
                       src, commitment.title)


def card_png(html, language):
    """PNG bytes of the card's HTML (WeasyPrint lays it out, PDFium draws it at 1200 px)."""
    import pypdfium2

    pdf = html_to_pdf(html, language=language)
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=CARD_SIZE[0] / page.get_width()).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    if image.size != CARD_SIZE:
        image = image.resize(CARD_SIZE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def card_response(request, commitment, language):
    html = card_html(commitment, language)
    digest = hashlib.sha256(html.encode()).hexdigest()[:32]
    name = f"{CARD_DIRECTORY}/{commitment.pk}-{digest}.png"
    etag = f'"{digest}"'
    cached = get_conditional_response(request, etag=etag)
    if cached is not None:
        cached["ETag"] = etag
        return cached
    if not default_storage.exists(name):
        if ratelimits.exceeded(request, public_pdf.RENDER_GROUP):
            return ratelimits.refused(
                request, _("Too many documents requested from your address. Please try again in a few minutes."))
        png = card_png(html, language)
        saved = default_storage.save(name, ContentFile(png))
        if saved != name:  # another process stored the same card meanwhile
            default_storage.delete(saved)
        logger.info("share card drawn commitment=%s language=%s bytes=%d", commitment.reference, language, len(png))
    with default_storage.open(name, "rb") as handle:
        response = HttpResponse(handle.read(), content_type="image/png")
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
