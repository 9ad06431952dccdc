"""The one PDF rendering helper every app uses (badges, letters, certificates, programme booklets).

A document is a Django template rendered to HTML in the recipient's language, then laid out by
WeasyPrint. Three things are settled here once for every app:

- **Language**: the template is rendered under ``translation.override(language)``; the root
  ``<html>`` element gets ``lang`` and ``dir`` (``rtl`` for Arabic) so CSS logical properties and
  the font stacks below apply.
- **Files**: :class:`LocalFetcher` loads ``/static/…`` and ``/media/…`` (and ``file://`` URLs
  inside the static and media roots) from disk and refuses every other URL: a document never
  reaches the network, and a participant-supplied value cannot make the server read
  ``/etc/passwd``. ``data:`` URLs (QR codes) are allowed.
- **Fonts**: Noto Sans for Latin and Cyrillic, Noto Naskh Arabic (Kufi for headings) and Noto
  Sans CJK SC, from Debian's ``fonts-noto-core`` and ``fonts-noto-cjk``. Pango shapes Arabic
  right-to-left; ``libharfbuzz-subset0`` keeps CJK font subsetting fast.
"""

from __future__ import annotations

import logging
import mimetypes
import re
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import get_valid_filename
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# Font families by script; every stack ends with the others so mixed-script text still renders
# (a Chinese name on an English badge, an English acronym in an Arabic letter).
LATIN_FONTS = '"Noto Sans", "DejaVu Sans"'
ARABIC_FONTS = '"Noto Naskh Arabic", "Noto Sans Arabic"'
ARABIC_HEADING_FONTS = '"Noto Kufi Arabic", "Noto Naskh Arabic"'
CJK_FONTS = '"Noto Sans CJK SC", "Noto Sans SC"'

BASE_CSS = f"""
html {{ font-family: {LATIN_FONTS}, {ARABIC_FONTS}, {CJK_FONTS}, sans-serif; }}
[lang|="ar"] {{ font-family: {ARABIC_FONTS}, {LATIN_FONTS}, {CJK_FONTS}, sans-serif; }}
[lang|="ar"] h1, [lang|="ar"] h2, [lang|="ar"] h3 {{
  font-family: {ARABIC_HEADING_FONTS}, {LATIN_FONTS}, {CJK_FONTS}, sans-serif;
}}
[lang|="zh"] {{ font-family: {CJK_FONTS}, {LATIN_FONTS}, {ARABIC_FONTS}, sans-serif; }}
img.qr {{ image-rendering: pixelated; }}
"""

# Fonts the documents need; ``missing_fonts()`` reports those fontconfig cannot find.
REQUIRED_FONTS = ("Noto Sans", "Noto Naskh Arabic", "Noto Kufi Arabic", "Noto Sans CJK SC")


class RefusedURL(ValueError):
    """A document asked for a URL that is neither a local static/media file nor a data: URL."""


def html_lang(language: str) -> str:
    """BCP 47 tag for an HTML ``lang`` attribute: ``zh-hans`` → ``zh-Hans``."""
    parts = language.split("-")
    if len(parts) == 2 and len(parts[1]) == 4:
        return f"{parts[0]}-{parts[1].title()}"
    return language


def is_rtl(language: str) -> bool:
    return language.split("-")[0] in {code.split("-")[0] for code in settings.LANGUAGES_BIDI}


def default_base_url() -> str:
    return settings.SITE_URL.rstrip("/") + "/"


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.is_relative_to(root.resolve())
    except OSError:  # pragma: no cover - unreadable root
        return False


class LocalFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that reads static and media files from disk and nothing else.

    Accepted:
    - ``data:`` URLs (inline QR codes, small images);
    - ``<site>/static/…`` (found with the staticfiles finders, then in STATIC_ROOT);
    - ``<site>/media/…`` (inside MEDIA_ROOT), where ``<site>`` is the document's base URL host;
    - ``file://`` paths inside STATIC_ROOT, MEDIA_ROOT or a staticfiles source directory.

    Everything else raises :class:`RefusedURL` (WeasyPrint logs it and leaves the resource out).
    """

    def __init__(self, base_url: str | None = None, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 1)
        super().__init__(**kwargs)
        base = urlsplit(base_url or default_base_url())
        self.site = (base.scheme, base.netloc)
        self.static_url = urlsplit(settings.STATIC_URL).path or "/static/"
        self.media_url = urlsplit(settings.MEDIA_URL).path or "/media/"
        self.media_root = Path(settings.MEDIA_ROOT).resolve()
        self.static_root = Path(settings.STATIC_ROOT).resolve() if settings.STATIC_ROOT else None
        self._roots = None

    @property
    def roots(self) -> list[Path]:
        if self._roots is None:
            roots = [self.media_root]
            if self.static_root:
                roots.append(self.static_root)
            for finder in finders.get_finders():
                for storage in getattr(finder, "storages", {}).values():
                    location = getattr(storage, "location", None)
                    if location:
                        roots.append(Path(location).resolve())
            self._roots = roots
        return self._roots

    def local_path(self, url: str) -> Path | None:
        """The file on disk that ``url`` designates, or None if it is not an allowed local file."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        scheme = parts.scheme.lower()
        path = unquote(parts.path)
        if scheme == "file":
            if parts.netloc not in ("", "localhost"):
                return None
            candidate = Path(url2pathname(path)).resolve()
            if any(_inside(candidate, root) for root in self.roots) and candidate.is_file():
                return candidate
            return None
        if (scheme, parts.netloc) != self.site:
            return None
        if path.startswith(self.static_url):
            relative = path[len(self.static_url):]
            if not relative or ".." in Path(relative).parts:
                return None
            found = finders.find(relative)
            if found:
                return Path(found).resolve()
            if self.static_root:
                candidate = (self.static_root / relative).resolve()
                if _inside(candidate, self.static_root) and candidate.is_file():
                    return candidate
            return None
        if path.startswith(self.media_url):
            relative = path[len(self.media_url):]
            candidate = (self.media_root / relative).resolve()
            if relative and _inside(candidate, self.media_root) and candidate.is_file():
                return candidate
        return None

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = self.local_path(url)
        if path is None:
            raise RefusedURL(f"PDF documents only load local static and media files; refused {url[:200]!r}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type})


_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)


def _set_lang_dir(html: str, language: str) -> str:
    """Add ``lang`` and ``dir`` to the root element unless the template already set them."""
    match = _HTML_TAG.search(html)
    direction = "rtl" if is_rtl(language) else "ltr"
    if not match:
        return f'<html lang="{html_lang(language)}" dir="{direction}">{html}</html>'
    attrs = match.group(1)
    extra = ""
    if not re.search(r"\blang\s*=", attrs, re.IGNORECASE):
        extra += f' lang="{html_lang(language)}"'
    if not re.search(r"\bdir\s*=", attrs, re.IGNORECASE):
        extra += f' dir="{direction}"'
    if not extra:
        return html
    return html[: match.start()] + f"<html{attrs}{extra}>" + html[match.end():]


class Renderer:
    """WeasyPrint set up once (fonts, fetcher, base stylesheet) for one or many HTML documents.

    Batches lay out their documents in chunks with :meth:`document` (reporting progress between
    chunks) and write them as one PDF with :meth:`write`.
    """

    def __init__(self, *, language: str, base_url: str | None = None, stylesheets=()):
        self.language = language
        self.base_url = base_url or default_base_url()
        self.font_config = FontConfiguration()
        self.fetcher = LocalFetcher(base_url=self.base_url)
        self.stylesheets = [CSS(string=BASE_CSS, font_config=self.font_config, url_fetcher=self.fetcher)]
        self.stylesheets += [
            CSS(string=css, font_config=self.font_config, url_fetcher=self.fetcher) for css in stylesheets
        ]

    def document(self, html: str):
        """Lay out one HTML string (the expensive step) into a WeasyPrint Document."""
        source = HTML(string=_set_lang_dir(html, self.language), base_url=self.base_url, url_fetcher=self.fetcher)
        return source.render(stylesheets=self.stylesheets, font_config=self.font_config)

    def write(self, documents) -> bytes:
        """All pages of ``documents``, in order, as one PDF."""
        documents = list(documents)
        if len(documents) == 1:
            return documents[0].write_pdf()
        pages = [page for document in documents for page in document.pages]
        return documents[0].copy(pages).write_pdf()


def html_to_pdf(html: str, *, language: str, base_url: str | None = None, stylesheets=()) -> bytes:
    """Lay out an HTML string (already rendered) into PDF bytes with Plenary's fetcher and fonts."""
    started = time.perf_counter()
    renderer = Renderer(language=language, base_url=base_url, stylesheets=stylesheets)
    pdf = renderer.write([renderer.document(html)])
    logger.info("pdf rendered language=%s bytes=%d seconds=%.2f", language, len(pdf), time.perf_counter() - started)
    return pdf


def htmls_to_pdf(htmls, *, language: str, base_url: str | None = None, total: int | None = None,
                 progress=None) -> bytes:
    """Several HTML documents (chunks of a batch) as one PDF.

    ``htmls`` may be a generator, so a batch builds each chunk's HTML just before laying it out;
    ``progress(done, total)`` is called after each chunk (``total`` defaults to ``len(htmls)``).
    """
    if total is None:
        htmls = list(htmls)
        total = len(htmls)
    started = time.perf_counter()
    renderer = Renderer(language=language, base_url=base_url)
    documents = []
    for index, html in enumerate(htmls, 1):
        documents.append(renderer.document(html))
        if progress:
            progress(index, total)
    pdf = renderer.write(documents)
    logger.info("pdf batch rendered language=%s chunks=%d pages=%d bytes=%d seconds=%.2f", language,
                len(documents), sum(len(d.pages) for d in documents), len(pdf), time.perf_counter() - started)
    return pdf


def render_html(template_name: str, context: dict, *, language: str) -> str:
    """The document's HTML, rendered in ``language`` (useful to preview or debug a template)."""
    with translation.override(language):
        context = {
            **context,
            "pdf_language": language,
            "pdf_lang": html_lang(language),
            "pdf_dir": "rtl" if is_rtl(language) else "ltr",
        }
        return render_to_string(template_name, context)


def render_pdf(template_name: str, context: dict, *, language: str, base_url: str | None = None) -> bytes:
    """Render a Django template in ``language`` and return the PDF bytes.

    The template gets ``pdf_language``, ``pdf_lang`` (for the ``lang`` attribute) and ``pdf_dir``
    (``ltr``/``rtl``); templates usually extend ``summits/pdf/base.html`` which uses them.
    Relative URLs such as ``/static/…`` and ``/media/…`` resolve against ``base_url``
    (default SITE_URL) and are read from disk by :class:`LocalFetcher`.
    """
    html = render_html(template_name, context, language=language)
    return html_to_pdf(html, language=language, base_url=base_url)


def pdf_response(pdf: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    """An HTTP response carrying a PDF, with a safe file name and no caching by shared proxies."""
    name = get_valid_filename(filename) or "document.pdf"
    if not name.lower().endswith(".pdf"):
        name += ".pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# QR codes use one fixed mask pattern. Every mask is valid (ISO/IEC 18004) and decodes with any
# reader; letting segno try all eight and score them costs ~20 ms per code in pure Python, which was
# a third of a badge's rendering time. Tests decode the badges' codes with zbar.
QR_MASK = 2


def qr_data_uri(payload: str, *, scale: int = 1, border: int = 2) -> str:
    """A QR code of ``payload`` as a PNG data: URL (error correction M).

    ``scale=1`` (one pixel per module) keeps the PDF small; show it with ``<img class="qr">``,
    whose ``image-rendering: pixelated`` tells viewers and printers not to blur the modules.
    """
    import segno

    return segno.make(payload, error="m", micro=False, mask=QR_MASK).png_data_uri(scale=scale, border=border)


def missing_fonts() -> list[str]:
    """Required font families that fontconfig does not know (empty when everything is installed)."""
    import shutil
    import subprocess

    if not shutil.which("fc-list"):
        return list(REQUIRED_FONTS)
    output = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    families = {name.strip() for line in output.splitlines() for name in line.split(",")}
    return [font for font in REQUIRED_FONTS if font not in families]
