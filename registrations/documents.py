"""Participants' documents: badges, badge sheets, invitation / visa support letters, certificates of
attendance and participants lists.

Render functions take plain data (the dataclasses below), so they can be tested and benchmarked
without the database; ``*_data_for(registration)`` build that data from a Registration in the
participant's own language. Every document goes through :mod:`core.pdf`.
"""

from __future__ import annotations

import itertools
import logging
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from core.pdf import html_lang, html_to_pdf, htmls_to_pdf, is_rtl, qr_data_uri, render_html, render_pdf

logger = logging.getLogger(__name__)

# --- Badge formats ----------------------------------------------------------------------------
# Portrait badges (they hang from a lanyard). Sizes in millimetres.
ID1 = "id1"
A6 = "a6"


@dataclass(frozen=True)
class BadgeFormat:
    code: str
    width: float
    height: float
    # Sheets: A4 portrait or landscape, columns x rows, gap between badges (room for crop marks).
    sheet_landscape: bool
    columns: int
    rows: int
    gap: float
    # Largest / smallest font sizes of the names (pt) and the width they must fit in (mm).
    name_max_pt: float
    name_min_pt: float
    name_width: float

    @property
    def per_sheet(self):
        return self.columns * self.rows


FORMATS = {
    ID1: BadgeFormat(ID1, 54.0, 85.6, False, 3, 3, 8.0, 19.0, 8.5, 47.0),
    A6: BadgeFormat(A6, 105.0, 148.0, True, 2, 1, 16.0, 34.0, 12.0, 93.0),
}

SORT_KEYS = {
    # The category's own order (then the category itself), never its translated label: one category's badges
    # stay together whatever language each holder reads.
    "category": lambda b: (b.category_order, b.category_key or b.category.casefold(), b.family_name.casefold(),
                           b.given_name.casefold()),
    "family_name": lambda b: (b.family_name.casefold(), b.given_name.casefold()),
    "country": lambda b: (b.country.casefold(), b.family_name.casefold(), b.given_name.casefold()),
}


@dataclass
class BadgeData:
    given_name: str
    family_name: str
    organisation: str
    category: str
    colour: str
    photo_path: str | None
    summit_title: str
    summit_dates: str
    qr_token: str
    language: str
    country: str = ""
    summit_colour: str = "#1B6E3A"
    reference: str = ""
    category_order: int = 0  # the category's sort order (RegistrationCategory.sort_order)
    category_key: str = ""  # the same for every language (the category's id); empty: sort by label
    name_order: str = ""  # the participant's choice (summits.choices.NameOrder); empty: from script/language


def _char_em(char: str, bold: bool) -> float:
    """Rough advance width of a character in em, enough to choose a font size."""
    if char.isspace():
        return 0.26
    east_asian = unicodedata.east_asian_width(char)
    if east_asian in ("W", "F"):
        return 1.0
    if char.isupper():
        width = 0.68
    elif char in "iljtf.,;:'!|":
        width = 0.3
    elif char in "mwMW":
        width = 0.85
    else:
        width = 0.56
    return width * (1.07 if bold else 1.0)


def name_font_size(text: str, width_mm: float, max_pt: float, min_pt: float, bold: bool = False) -> float:
    """The largest size (pt) at which ``text`` fits on one line of ``width_mm``, within [min, max].

    At ``min_pt`` a name that is still too long wraps (CSS ``overflow-wrap: anywhere``) inside a
    box of fixed height, so the badge never grows beyond its page.
    """
    ems = sum(_char_em(char, bold) for char in text) or 1.0
    width_pt = width_mm / 25.4 * 72
    return round(max(min_pt, min(max_pt, width_pt / ems)), 1)


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on the hex ``background``."""
    try:
        red, green, blue = (int(background.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    except (ValueError, IndexError):
        return "#000000"
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#000000" if luminance > 0.55 else "#ffffff"


def _photo_uri(path: str | None) -> str:
    if not path:
        return ""
    return Path(path).resolve().as_uri()


def _family_first(badge: BadgeData) -> bool:
    from core.formatting import family_first

    return family_first(badge.given_name, badge.family_name, getattr(badge, "name_order", ""), badge.language)


def _initials(badge: BadgeData) -> str:
    parts = (badge.family_name, badge.given_name) if _family_first(badge) else (badge.given_name, badge.family_name)
    return "".join(part[:1] for part in parts if part).upper()


def _name_lines(badge: BadgeData, fmt) -> list[dict]:
    """The badge's name lines in the holder's order: given then family (the larger), family then given
    for family-name-first names, one line for a name written in Chinese characters ("王小明")."""
    from core.formatting import name

    family = {"css": "family", "text": badge.family_name,
              "pt": name_font_size(badge.family_name, fmt.name_width, fmt.name_max_pt, fmt.name_min_pt, True)}
    given = {"css": "given", "text": badge.given_name,
             "pt": name_font_size(badge.given_name, fmt.name_width, fmt.name_max_pt * 0.8, fmt.name_min_pt)}
    if not _family_first(badge):
        return [line for line in (given, family) if line["text"]]
    whole = name(badge.given_name, badge.family_name, "family_first")
    if " " not in whole:  # CJK characters: written as one word
        return [{"css": "family", "text": whole,
                 "pt": name_font_size(whole, fmt.name_width, fmt.name_max_pt, fmt.name_min_pt, True)}]
    return [line for line in (family, given) if line["text"]]


def badge_html(badge: BadgeData, badge_format: str = ID1) -> str:
    """One badge's markup (a fixed-size box), in the badge holder's language."""
    fmt = FORMATS[badge_format]
    with translation.override(badge.language):
        context = {
            "badge": badge,
            "fmt": fmt,
            "lang": html_lang(badge.language),
            "dir": "rtl" if is_rtl(badge.language) else "ltr",
            "given_pt": name_font_size(badge.given_name, fmt.name_width, fmt.name_max_pt * 0.8, fmt.name_min_pt),
            "family_pt": name_font_size(badge.family_name, fmt.name_width, fmt.name_max_pt, fmt.name_min_pt, True),
            "qr": qr_data_uri(badge.qr_token, scale=1, border=2),
            "photo": _photo_uri(badge.photo_path),
            "initials": _initials(badge),
            "name_lines": _name_lines(badge, fmt),
            "band_text": text_colour_on(badge.colour),
            "band": band_layout(badge.category, badge_format),
        }
        return render_to_string("registrations/documents/_badge.html", context)


def _badge_css(badge_format: str) -> str:
    """Badge CSS for a format: every size scales with the badge's height (ID-1 is the reference)."""
    fmt = FORMATS[badge_format]
    k = fmt.height / 85.6
    pad = 3.0 * k

    def mm(value):
        return f"{value * k:.2f}mm"

    return f"""
.badge {{ width: {fmt.width}mm; height: {fmt.height}mm; overflow: hidden; position: relative;
  box-sizing: border-box; background: #fff; color: #111; line-height: 1.15; }}
.badge .top {{ height: {mm(12)}; padding: {mm(1.6)} {pad:.2f}mm 0; box-sizing: border-box; overflow: hidden;
  color: #fff; }}
.badge .summit {{ font-size: {6.6 * k:.2f}pt; font-weight: bold; max-height: {mm(5.8)}; overflow: hidden; }}
.badge .dates {{ font-size: {5.8 * k:.2f}pt; margin-block-start: {mm(0.5)}; }}
.badge .media {{ height: {mm(26)}; padding: {mm(1.5)} {pad:.2f}mm 0; box-sizing: border-box;
  text-align: justify; text-align-last: justify; line-height: 0; }}
.badge .photo {{ width: {mm(19)}; height: {mm(23)}; object-fit: cover; border-radius: {mm(1)};
  background: #e8ece9; display: inline-block; vertical-align: middle; }}
.badge .initials {{ font-size: {16 * k:.2f}pt; font-weight: bold; color: #6b7a70; text-align: center; text-align-last: center;
  line-height: {mm(23)}; font-family: "Noto Sans", sans-serif; }}
.badge img.qr {{ width: {mm(22)}; height: {mm(22)}; display: inline-block; vertical-align: middle; }}
.badge .names {{ height: {mm(24)}; padding: {mm(2)} {pad:.2f}mm 0; box-sizing: border-box; overflow: hidden; }}
.badge .given, .badge .family {{ overflow-wrap: anywhere; line-height: 1.1; }}
.badge .family {{ font-weight: bold; }}
.badge .org {{ height: {mm(10)}; padding: {mm(0.8)} {pad:.2f}mm 0; box-sizing: border-box; overflow: hidden;
  font-size: {7 * k:.2f}pt; color: #333; overflow-wrap: anywhere; }}
.badge .band {{ position: absolute; bottom: 0; width: 100%; height: {mm(11)}; box-sizing: border-box;
  padding: 0 {pad:.2f}mm; font-weight: bold; line-height: {BAND_LINE_HEIGHT};
  text-align: center; overflow: hidden; overflow-wrap: anywhere; }}
"""


BAND_LINE_HEIGHT = 1.12
BAND_MAX_LINES = 3


def _wrapped_lines(text: str, size_pt: float, width_pt: float) -> int:
    """How many lines ``text`` takes at ``size_pt`` in ``width_pt``, wrapping at spaces (and between CJK
    characters) as the PDF engine does; a word longer than the line is broken (overflow-wrap: anywhere)."""
    tokens = []
    for word in text.split():
        piece = ""
        for char in word:
            if unicodedata.east_asian_width(char) in ("W", "F"):
                if piece:
                    tokens.append((piece, True))
                    piece = ""
                tokens.append((char, False))
            else:
                piece += char
        if piece:
            tokens.append((piece, True))
    space = _char_em(" ", True) * size_pt
    lines, current, previous_spaced = 1, 0.0, False
    for token, spaced in tokens:
        width = sum(_char_em(char, True) for char in token) * size_pt
        gap = space if (spaced and previous_spaced) else 0.0
        if current and current + gap + width > width_pt:
            lines += 1
            current = 0.0
            gap = 0.0
        current += gap + width
        while current > width_pt:  # a word longer than the line is broken across lines
            lines += 1
            current -= width_pt
        previous_spaced = spaced
    return lines


def band_layout(text: str, badge_format: str = ID1) -> dict:
    """Font size (pt), lines and top padding (pt) for a category label in the badge's coloured band.

    The label is never cut: it takes the largest size at which it fits the band on at most three lines
    (down to a legible minimum), wrapped at spaces, and is centred vertically in the band.
    """
    fmt = FORMATS[badge_format]
    k = fmt.height / 85.6
    width_pt = (fmt.width - 2 * 3.0 * k) / 25.4 * 72 * 0.9  # the width estimate is rough: keep a margin
    band_pt = 11 * k / 25.4 * 72
    max_pt, min_pt = 10.5 * k, 5.5 * k
    size = max_pt
    while True:
        lines = _wrapped_lines(text, size, width_pt)
        if (lines <= BAND_MAX_LINES and lines * size * BAND_LINE_HEIGHT <= band_pt * 0.9) or size <= min_pt:
            break
        size = max(min_pt, size - 0.25)
    pad = max(0.0, (band_pt - lines * size * BAND_LINE_HEIGHT) / 2)
    return {"pt": round(size, 1), "lines": lines, "pad": round(pad, 1)}


BADGES_PER_CHUNK = 100
PROGRESS_STEPS = 10  # a batch reports progress at least this many times (when it has as many badges)


def _adaptive(count: int, largest: int) -> int:
    """A chunk size giving about PROGRESS_STEPS chunks, never above ``largest``: the progress bar moves
    for a batch of 30 badges as it does for 3,000."""
    return max(1, min(largest, -(-count // PROGRESS_STEPS)))


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _chunk_progress(progress, chunk_sizes: list[int]):
    """Turn per-chunk progress into per-badge progress (done, total)."""
    if progress is None:
        return None
    total = sum(chunk_sizes)

    def report(chunks_done, _chunks_total):
        progress(sum(chunk_sizes[:chunks_done]), total)

    return report


def render_badges(badges: list[BadgeData], badge_format: str = ID1, *, language: str | None = None,
                  progress=None, chunk_size: int | None = None) -> bytes:
    """One page per badge, each page the size of the badge (card printers, or a single badge).

    ``progress(done, total)`` is called as badges are laid out, in chunks of ``chunk_size``.
    """
    language = language or (badges[0].language if badges else settings.LANGUAGE_CODE)
    fmt = FORMATS[badge_format]
    css = mark_safe(_badge_css(badge_format))
    chunks = _chunks(badges, chunk_size or _adaptive(len(badges), BADGES_PER_CHUNK)) or [[]]

    def htmls():
        for chunk in chunks:
            yield render_to_string("registrations/documents/badges.html", {
                "fmt": fmt, "css": css,
                "badges": [mark_safe(badge_html(badge, badge_format)) for badge in chunk],
                "lang": html_lang(language), "dir": "rtl" if is_rtl(language) else "ltr",
            })

    return htmls_to_pdf(htmls(), language=language, total=len(chunks),
                        progress=_chunk_progress(progress, [len(c) for c in chunks]))


def render_badge(badge: BadgeData, badge_format: str = ID1) -> bytes:
    return render_badges([badge], badge_format, language=badge.language)


def sort_badges(badges: list[BadgeData], order: str = "category") -> list[BadgeData]:
    if order not in SORT_KEYS:
        raise ValueError(f"Unknown badge order {order!r}; choose one of {', '.join(SORT_KEYS)}.")
    return sorted(badges, key=SORT_KEYS[order])


def sheet_geometry(badge_format: str) -> dict:
    """Where badges and crop marks go on an A4 sheet (mm), shared by the template and the tests."""
    fmt = FORMATS[badge_format]
    page_w, page_h = (297.0, 210.0) if fmt.sheet_landscape else (210.0, 297.0)
    block_w = fmt.columns * fmt.width + (fmt.columns - 1) * fmt.gap
    block_h = fmt.rows * fmt.height + (fmt.rows - 1) * fmt.gap
    x0, y0 = (page_w - block_w) / 2, (page_h - block_h) / 2
    xs = sorted({round(x0 + c * (fmt.width + fmt.gap), 2) for c in range(fmt.columns)}
                | {round(x0 + c * (fmt.width + fmt.gap) + fmt.width, 2) for c in range(fmt.columns)})
    ys = sorted({round(y0 + r * (fmt.height + fmt.gap), 2) for r in range(fmt.rows)}
                | {round(y0 + r * (fmt.height + fmt.gap) + fmt.height, 2) for r in range(fmt.rows)})
    mark, offset = 5.0, 1.5
    lines = []
    # Crop marks: short lines in the margins and gaps, never over a badge.
    for x in xs:
        lines.append((x, y0 - offset - mark, x, y0 - offset))
        lines.append((x, y0 + block_h + offset, x, y0 + block_h + offset + mark))
    for y in ys:
        lines.append((x0 - offset - mark, y, x0 - offset, y))
        lines.append((x0 + block_w + offset, y, x0 + block_w + offset + mark, y))
    # Marks in the gaps between badges (short crosses where the cut lines meet).
    half = min(fmt.gap / 2 - 0.8, 2.5)
    for c in range(1, fmt.columns):
        gx = x0 + c * (fmt.width + fmt.gap) - fmt.gap / 2
        for y in ys:
            lines.append((gx - half, y, gx + half, y))
    for r in range(1, fmt.rows):
        gy = y0 + r * (fmt.height + fmt.gap) - fmt.gap / 2
        for x in xs:
            lines.append((x, gy - half, x, gy + half))
    return {
        "page_w": page_w, "page_h": page_h, "x0": x0, "y0": y0, "block_w": block_w, "block_h": block_h,
        "lines": [tuple(round(v, 2) for v in line) for line in lines],
    }


def render_badge_sheets(badges: list[BadgeData], badge_format: str = ID1, *, order: str = "category",
                        language: str = "en", progress=None, sheets_per_chunk: int | None = None) -> bytes:
    """A4 sheets of badges with crop marks, in ``order`` (category, family_name or country).

    Each badge is in its holder's language; ``language`` is the sheet's own (page furniture).
    ``progress(done, total)`` is called as badges are laid out (for batch progress bars).
    """
    fmt = FORMATS[badge_format]
    ordered = sort_badges(badges, order)
    geometry = sheet_geometry(badge_format)
    css = mark_safe(_badge_css(badge_format))
    if sheets_per_chunk is None:
        sheets_per_chunk = _adaptive(-(-len(ordered) // fmt.per_sheet), 12)
    chunks = _chunks(ordered, fmt.per_sheet * sheets_per_chunk) or [[]]

    def htmls():
        for chunk in chunks:
            cells = [mark_safe(badge_html(badge, badge_format)) for badge in chunk]
            pages = _chunks(cells, fmt.per_sheet)
            if pages:  # keep the last sheet's badges on the same grid as the crop marks
                pages[-1] += [""] * (fmt.per_sheet - len(pages[-1]))
            yield render_to_string("registrations/documents/badge_sheets.html", {
                "fmt": fmt, "geo": geometry, "pages": pages, "css": css,
                "lang": html_lang(language), "dir": "rtl" if is_rtl(language) else "ltr",
            })

    return htmls_to_pdf(htmls(), language=language, total=len(chunks),
                        progress=_chunk_progress(progress, [len(c) for c in chunks]))


# --- Letters ----------------------------------------------------------------------------------
LETTER_SALT = "plenary.letter"


def letter_code(reference: str, summit_id: int) -> str:
    """A signed code printed on a letter (reference first, so it reads the same in Arabic letters);
    the site's verification page checks it."""
    return signing.Signer(salt=LETTER_SALT).sign(f"{reference}.{summit_id}")


def read_letter_code(code: str) -> tuple[int, str] | None:
    """(summit_id, reference) for a genuine code, None for anything else."""
    try:
        value = signing.Signer(salt=LETTER_SALT).unsign(code.strip())
    except signing.BadSignature:
        return None
    reference, _sep, summit_id = value.rpartition(".")
    if not summit_id.isdigit() or not reference:
        return None
    return int(summit_id), reference


@dataclass
class LetterData:
    language: str
    reference: str
    code: str
    verify_url: str
    issued_on: date
    honorific: str
    given_name: str
    family_name: str
    position: str
    organisation: str
    nationality: str
    passport_number: str
    passport_expiry: date | None
    date_of_birth: date | None
    summit_title: str
    summit_dates: str
    summit_city: str
    summit_country: str
    summit_venue: str
    summit_colour: str
    signatory_name: str
    signatory_title: str
    logo_path: str | None = None
    co_organisers: list[str] = field(default_factory=list)


def _verify_link(letter: LetterData) -> str:
    from urllib.parse import urlencode

    return f"{letter.verify_url}?{urlencode({'code': letter.code})}"


def render_letter(letter: LetterData) -> bytes:
    link = _verify_link(letter)
    context = {"letter": letter, "logo": _photo_uri(letter.logo_path), "verify_link": link,
               "verify_qr": qr_data_uri(link)}
    return render_pdf("registrations/documents/letter.html", context, language=letter.language)


def render_letters(letters: list[LetterData], *, language: str = "en", progress=None,
                   chunk_size: int = 25) -> bytes:
    """Many letters in one PDF (each starts a new page, each in its addressee's language)."""
    chunks = _chunks(letters, chunk_size) or [[]]

    def part(letter):
        with translation.override(letter.language):
            link = _verify_link(letter)
            return mark_safe(render_to_string("registrations/documents/_letter.html", {
                "letter": letter, "logo": _photo_uri(letter.logo_path), "verify_link": link,
                "verify_qr": qr_data_uri(link),
                "lang": html_lang(letter.language), "dir": "rtl" if is_rtl(letter.language) else "ltr",
            }))

    def htmls():
        for chunk in chunks:
            yield render_to_string("registrations/documents/letters.html", {
                "letters": [part(letter) for letter in chunk],
                "lang": html_lang(language), "dir": "rtl" if is_rtl(language) else "ltr",
            })

    return htmls_to_pdf(htmls(), language=language, total=len(chunks),
                        progress=_chunk_progress(progress, [len(c) for c in chunks]))


# --- Certificates -----------------------------------------------------------------------------
@dataclass
class CertificateData:
    language: str
    full_name: str
    organisation: str
    summit_title: str
    summit_dates: str
    summit_city: str
    summit_country: str
    summit_colour: str
    checked_in_on: str
    signatory_name: str
    signatory_title: str
    reference: str
    logo_path: str | None = None


def render_certificate(certificate: CertificateData) -> bytes:
    context = {"c": certificate, "logo": _photo_uri(certificate.logo_path)}
    return render_pdf("registrations/documents/certificate.html", context, language=certificate.language)


# --- Participants lists -----------------------------------------------------------------------
@dataclass
class ParticipantRow:
    family_name: str
    given_name: str
    organisation: str
    category: str
    country: str
    position: str = ""


def render_participants_list(summit_title: str, summit_dates: str, rows: list[ParticipantRow], *,
                             language: str, public: bool = False) -> bytes:
    """Participants grouped by category, then organisation (organisers' list).

    The public list (``public=True``) is grouped by organisation only and must be given only the
    participants who consented to appear on it.
    """
    return html_to_pdf(participants_list_html(summit_title, summit_dates, rows, language=language, public=public),
                       language=language)


# --- Public list's PDF cache (core.public_pdf) -------------------------------------------------
PARTICIPANTS_SCOPE = "participants"  # records shown on every summit's list (organisations)


def participants_scope(summit_id):
    return f"participants:{summit_id}"


def connect_public_pdf_cache():
    """Bump the public list's fingerprint when what it shows changes (a registration, its
    category, the summit's title or dates, an organisation's name)."""
    from django.db.models.signals import post_delete, post_save

    from core import public_pdf
    from summits.models import Organisation, Summit

    from .models import Registration, RegistrationCategory

    def by_summit(sender, instance, **kwargs):
        public_pdf.bump(participants_scope(instance.summit_id))

    def summit_changed(sender, instance, **kwargs):
        public_pdf.bump(participants_scope(instance.pk))

    def organisation_changed(sender, instance, created=False, **kwargs):
        if not created:  # a new organisation is on nobody's registration yet
            public_pdf.bump(PARTICIPANTS_SCOPE)

    for model, handler in ((Registration, by_summit), (RegistrationCategory, by_summit),
                           (Summit, summit_changed), (Organisation, organisation_changed)):
        for signal in (post_save, post_delete):
            signal.connect(handler, sender=model, weak=False,
                           dispatch_uid=f"public-pdf-participants-{signal is post_save}-{model.__name__}")


def participants_list_html(summit_title: str, summit_dates: str, rows: list[ParticipantRow], *,
                           language: str, public: bool = False) -> str:
    """The HTML of :func:`render_participants_list` (hashed to cache the public list's PDF)."""
    def by_org(items):
        items = sorted(items, key=lambda r: (r.organisation.casefold(), r.family_name.casefold(),
                                             r.given_name.casefold()))
        return [(org, list(group)) for org, group in itertools.groupby(items, key=lambda r: r.organisation)]

    if public:
        groups = [("", by_org(rows))]
    else:
        ordered = sorted(rows, key=lambda r: r.category.casefold())
        groups = [(category, by_org(group))
                  for category, group in itertools.groupby(ordered, key=lambda r: r.category)]
    context = {"summit_title": summit_title, "summit_dates": summit_dates, "groups": groups,
               "public": public, "count": len(rows)}
    return render_html("registrations/documents/participants.html", context, language=language)


# --- From registrations -----------------------------------------------------------------------
# Builders of the plain data above from Registration rows, each in the participant's language.

def registration_language(registration) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    language = (registration.preferred_language or "").lower()
    return language if language in codes else settings.LANGUAGE_CODE


def _file_path(field_file) -> str | None:
    """Filesystem path of an uploaded file, if it is stored on local disk and present."""
    if not field_file:
        return None
    try:
        path = field_file.path
    except (NotImplementedError, ValueError):
        return None
    return path if Path(path).is_file() else None


def _summit_logo_path(summit) -> str | None:
    if not summit.logo_id:
        return None
    return _file_path(summit.logo.file)


def _country_name(country) -> str:
    return str(country.name) if country else ""


def badge_data_for(registration, language: str | None = None) -> BadgeData:
    from summits.documents import summit_dates_text
    from core.signing import checkin_token

    language = language or registration_language(registration)
    summit = registration.summit
    with translation.override(language):
        category = registration.category
        return BadgeData(
            given_name=registration.given_name,
            family_name=registration.family_name,
            name_order=registration.name_order,
            organisation=registration.organisation_display or "",
            category=str(category.name) if category else "",
            category_order=category.sort_order if category else 0,
            category_key=f"{category.pk:012d}" if category else "",
            colour=(getattr(category, "badge_colour", "") or "#555555") if category else "#555555",
            photo_path=_file_path(registration.photo),
            summit_title=summit.title,
            summit_dates=summit_dates_text(summit, language),
            qr_token=checkin_token(registration.reference, summit.pk),
            language=language,
            country=_country_name(registration.nationality),
            summit_colour=summit.colour,
            reference=registration.reference,
        )


def letter_verify_url(language: str) -> str:
    from django.urls import reverse

    with translation.override(language):
        return settings.SITE_URL.rstrip("/") + reverse("registrations:letter_verify")


def letter_data_for(registration, language: str | None = None, issued_on: date | None = None) -> LetterData:
    from django.utils import timezone

    from summits.documents import summit_dates_text

    language = language or registration_language(registration)
    summit = registration.summit
    with translation.override(language):
        code = letter_code(registration.reference, summit.pk)
        return LetterData(
            language=language,
            reference=registration.reference,
            code=code,
            verify_url=letter_verify_url(language),
            issued_on=issued_on or timezone.localdate(timezone=summit.tz),  # the date where the summit is
            honorific=registration.honorific,
            given_name=registration.given_name,
            family_name=registration.family_name,
            position=registration.position,
            organisation=registration.organisation_display or "",
            nationality=_country_name(registration.nationality),
            passport_number=registration.passport_number,
            passport_expiry=registration.passport_expiry,
            date_of_birth=registration.date_of_birth,
            summit_title=summit.title,
            summit_dates=summit_dates_text(summit, language),
            summit_city=summit.city,
            summit_country=_country_name(summit.country),
            summit_venue=summit.venue,
            summit_colour=summit.colour,
            signatory_name=summit.signatory_name,
            signatory_title=summit.signatory_title,
            logo_path=_summit_logo_path(summit),
            co_organisers=[str(org.name) for org in summit.co_organisers.all()],
        )


def certificate_data_for(registration, language: str | None = None) -> CertificateData:
    from django.utils import timezone

    from summits.documents import date_text, summit_dates_text

    language = language or registration_language(registration)
    summit = registration.summit
    with translation.override(language):
        checked_in = timezone.localtime(registration.checked_in_at, summit.tz).date()
        return CertificateData(
            language=language,
            full_name=registration.full_name,
            organisation=registration.organisation_display or "",
            summit_title=summit.title,
            summit_dates=summit_dates_text(summit, language),
            summit_city=summit.city,
            summit_country=_country_name(summit.country),
            summit_colour=summit.colour,
            checked_in_on=date_text(checked_in, language),
            signatory_name=summit.signatory_name,
            signatory_title=summit.signatory_title,
            reference=registration.reference,
            logo_path=_summit_logo_path(summit),
        )


def participant_rows(registrations, language: str) -> list[ParticipantRow]:
    with translation.override(language):
        return [
            ParticipantRow(
                family_name=r.family_name, given_name=r.given_name, organisation=r.organisation_display or "",
                category=str(r.category.name) if r.category_id else "", country=_country_name(r.nationality),
                position=r.position,
            )
            for r in registrations
        ]


def summit_badge_format(summit) -> str:
    return summit.badge_format if getattr(summit, "badge_format", "") in FORMATS else ID1


# --- Batches (badge sheets, badges, letters for a whole summit) -------------------------------
# A batch runs as a Celery task. Its progress and result live in the default storage under
# pdf-batches/<random id>/ (status.json + the PDF), so a web process and a worker on another
# machine see the same state; only the admin download view (organisers of that summit) hands
# the PDF out.
BATCH_KINDS = ("badge_sheets", "badges", "letters")


def batch_kind_choices():
    from django.utils.translation import gettext_lazy as _

    return [
        ("badge_sheets", _("Badge sheets (A4 with crop marks)")),
        ("badges", _("Badges, one per page (card printers)")),
        ("letters", _("Invitation / visa support letters")),
    ]


def batch_order_choices():
    from django.utils.translation import gettext_lazy as _

    return [("category", _("Category, then family name")), ("family_name", _("Family name")),
            ("country", _("Country, then family name"))]


def batch_registrations(summit, kind: str):
    from .choices import RegistrationStatus
    from .models import Registration

    registrations = Registration.objects.filter(summit=summit, status=RegistrationStatus.APPROVED,
                                                anonymised_at__isnull=True)
    if kind == "letters":
        registrations = registrations.filter(needs_letter=True)
    return registrations.select_related("summit", "summit__logo", "category", "organisation").prefetch_related(
        "summit__co_organisers").order_by("pk")


JOB_KIND = "registrations.pdf_batch"


def start_batch(*, summit, user, kind: str, order: str = "category", language: str = "en"):
    """Queue a batch (badge sheets, badges or letters) of a summit as a job; returns the Job."""
    from core import jobs

    if kind not in BATCH_KINDS or order not in SORT_KEYS:
        raise ValueError("unknown batch kind or order")
    job = jobs.start(JOB_KIND, owner=user, summit=summit, params={"kind": kind, "order": order, "language": language})
    logger.info("pdf batch queued job=%s kind=%s summit=%s user=%s", job.uuid, kind, summit.pk, user.pk)
    return job


def render_summit_batch(summit, kind: str, *, order: str = "category", language: str = "en",
                        progress=None) -> tuple[bytes, int]:
    """The PDF of a whole summit's badges, badge sheets or letters, and how many documents it holds."""
    if kind not in BATCH_KINDS:
        raise ValueError(f"Unknown batch kind {kind!r}; choose one of {', '.join(BATCH_KINDS)}.")
    registrations = list(batch_registrations(summit, kind))
    if progress:
        progress(0, len(registrations))
    badge_format = summit_badge_format(summit)
    if kind == "letters":
        letters = sorted((letter_data_for(r) for r in registrations),
                         key=lambda letter: SORT_KEYS["family_name"](letter))
        pdf = render_letters(letters, language=language, progress=progress)
    else:
        badges = [badge_data_for(r) for r in registrations]
        if kind == "badge_sheets":
            pdf = render_badge_sheets(badges, badge_format, order=order, language=language, progress=progress)
        else:
            pdf = render_badges(sort_badges(badges, order), badge_format, language=language, progress=progress)
    mark_issued([r.pk for r in registrations], kind)
    return pdf, len(registrations)


def mark_issued(registration_ids, kind: str) -> int:
    """Record that these registrations' badges were printed (or letters issued) — the dashboard counts them.

    The first time counts: a badge printed again keeps its first date.
    """
    from django.utils import timezone

    from .models import Registration

    field = "letter_issued_at" if kind in ("letter", "letters") else "badge_printed_at"
    return Registration.objects.filter(pk__in=list(registration_ids), **{f"{field}__isnull": True}).update(
        **{field: timezone.now()})


def run_batch_job(ctx):
    """The job's body: plan the batch in chunks and hand them to the workers (see below)."""
    summit = ctx.job.summit
    params = ctx.params
    kind, order = params["kind"], params.get("order", "category")
    language = params.get("language", "en")
    plan = batch_plan(summit, kind, order)
    total = sum(len(chunk) for chunk in plan)
    ctx.progress(0, total, force=True)
    if not plan:  # nobody to print: the empty document, here and now
        pdf, _count = render_summit_batch(summit, kind, order=order, language=language)
        ctx.save_file(batch_filename(summit, kind), pdf)
        return {"documents": 0, "size": len(pdf), "chunks": 0}
    dispatch_chunks(ctx.job, plan)
    from core import jobs

    return jobs.DEFERRED


# --- Batches in chunks, rendered in parallel by the workers -------------------------------------
# The job (core.jobs) sorts the batch once and splits it into chunks of registration ids; each chunk
# is a Celery task (``registrations.render_batch_chunk``) that renders its pages and stores them as a
# private file of the job (jobs/<uuid>/chunks/); a chord runs ``registrations.merge_batch_chunks``
# when every chunk is done: the chunks' pages, in order, become the job's one download (pypdf) and
# the chunk files are deleted. A chunk that raises is retried (CHUNK_RETRIES times) and then fails the
# job with its error; a worker killed mid-chunk stops the job's heartbeat, and the reaper runs the job
# again, which reuses the chunks already stored (a chunk's file name holds a digest of its ids).
CHUNK_RETRIES = 2


def chunk_size_setting() -> int:
    """Documents per chunk at most (PLENARY_PDF_CHUNK_SIZE, default BADGES_PER_CHUNK)."""
    import os

    value = getattr(settings, "PLENARY_PDF_CHUNK_SIZE", None) or os.environ.get("PLENARY_PDF_CHUNK_SIZE")
    return max(1, int(value or BADGES_PER_CHUNK))


def batch_filename(summit, kind: str) -> str:
    from django.utils.text import slugify

    return f"{slugify(summit.slug)}-{kind.replace('_', '-')}.pdf"


def batch_plan(summit, kind: str, order: str = "category", chunk_size: int | None = None) -> list[list[int]]:
    """The batch's registration ids in print order, in chunks: the same order as render_summit_batch.

    Chunks have about PROGRESS_STEPS of them (never more than ``chunk_size`` documents); badge sheets'
    chunks hold whole sheets, so every sheet and its crop marks are the single-process ones.
    """
    if kind not in BATCH_KINDS or order not in SORT_KEYS:
        raise ValueError("unknown batch kind or order")
    registrations = list(batch_registrations(summit, kind))
    if kind == "letters":  # letters are sorted by family name (as render_summit_batch does)
        keyed = [(r.pk, SORT_KEYS["family_name"](r)) for r in registrations]
        ordered = [pk for pk, _key in sorted(keyed, key=lambda item: item[1])]
    else:
        pairs = [(r.pk, badge_data_for(r)) for r in registrations]
        key = SORT_KEYS[order]
        ordered = [pk for pk, _badge in sorted(pairs, key=lambda item: key(item[1]))]
    size = min(chunk_size or chunk_size_setting(), _adaptive(len(ordered), chunk_size or chunk_size_setting()))
    if kind == "badge_sheets":
        per_sheet = FORMATS[summit_badge_format(summit)].per_sheet
        size = -(-size // per_sheet) * per_sheet
    return _chunks(ordered, size)


def render_batch_chunk(summit, kind: str, ids: list[int], *, order: str = "category", language: str = "en") -> bytes:
    """One chunk's pages: the documents of these registrations, in this order."""
    by_pk = {r.pk: r for r in batch_registrations(summit, kind).filter(pk__in=ids)}
    registrations = [by_pk[pk] for pk in ids if pk in by_pk]  # one withdrawn meanwhile is left out
    badge_format = summit_badge_format(summit)
    if kind == "letters":
        return render_letters([letter_data_for(r) for r in registrations], language=language)
    badges = [badge_data_for(r) for r in registrations]
    # One document per chunk: the chunk is already the unit of progress, and each extra document
    # costs its own style sheets and font subsets.
    if kind == "badge_sheets":
        per_sheet = FORMATS[badge_format].per_sheet
        return render_badge_sheets(badges, badge_format, order=order, language=language,
                                   sheets_per_chunk=max(1, -(-len(badges) // per_sheet)))
    return render_badges(badges, badge_format, language=language, chunk_size=max(1, len(badges)))


def merge_pdfs(parts: list[bytes]) -> bytes:
    """The pages of several PDFs, in order, as one (pypdf); the first part's metadata and language."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    if len(parts) == 1:
        return parts[0]
    writer = PdfWriter()
    first = None
    for part in parts:
        part_reader = PdfReader(io.BytesIO(part))
        first = first or part_reader
        writer.append(part_reader)
    if first.metadata:
        writer.add_metadata({k: v for k, v in first.metadata.items() if isinstance(v, str)})
    lang = first.trailer["/Root"].get("/Lang")
    if lang is not None:
        writer._root_object[NameObject("/Lang")] = lang
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _chunk_dir(job) -> str:
    return f"jobs/{job.uuid.hex}/chunks"


def chunk_name(job, index: int, ids: list[int]) -> str:
    import hashlib

    digest = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:16]
    return f"{_chunk_dir(job)}/{index:05d}-{digest}.pdf"


def delete_chunks(job) -> int:
    """Delete a job's chunk files (after the merge, or once the job failed)."""
    from django.core.files.storage import default_storage

    folder = _chunk_dir(job)
    try:
        _dirs, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError, OSError):
        return 0
    for name in files:
        default_storage.delete(f"{folder}/{name}")
    return len(files)


def dispatch_chunks(job, plan: list[list[int]]):
    """Queue one task per chunk and the merge after them all (a chord; inline in eager mode)."""
    from celery import chord

    from . import tasks

    header = [tasks.render_batch_chunk.s(job.pk, job.attempts, index, len(plan), ids)
              for index, ids in enumerate(plan)]
    chord(header)(tasks.merge_batch_chunks.s(job.pk, job.attempts))
    logger.info("pdf batch split job=%s chunks=%d documents=%d", job.uuid, len(plan), sum(map(len, plan)))


class ChunkFailed(Exception):
    """A chunk of a batch kept failing: the job fails with this message."""


def run_chunk_task(task, job_id: int, attempt: int, index: int, count: int, ids: list[int]) -> dict | None:
    """The body of the chunk task: render, store, count the chunk's documents as done."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.db.models import F
    from django.db.models.functions import Least
    from django.utils import timezone

    from core import jobs
    from core.models import Job

    job = Job.objects.select_related("summit").filter(pk=job_id).first()
    if job is None or job.state != Job.State.RUNNING or job.attempts != attempt:
        return None  # finished, cancelled or run again since: nothing to do
    if job.cancel_requested:
        jobs.fail(job_id, error="", cancelled=True)
        delete_chunks(job)
        return None
    name = chunk_name(job, index, ids)
    tries = 0  # in eager mode (no broker) the retries run here, one after the other
    while not default_storage.exists(name):  # else: stored by an earlier attempt of the same job
        try:
            with jobs.keep_alive(job_id):
                pdf = render_batch_chunk(job.summit, job.params["kind"], ids, order=job.params.get("order", "category"),
                                         language=job.params.get("language", "en"))
                name = default_storage.save(name, ContentFile(pdf))
            break
        except Exception as exc:
            retries = task.request.retries + tries
            if retries < CHUNK_RETRIES:
                logger.warning("pdf batch job=%s chunk %d/%d failed (%s: %s); retrying", job.uuid, index + 1, count,
                               type(exc).__name__, exc)
                if task.request.is_eager:
                    tries += 1
                    continue
                raise task.retry(exc=exc, countdown=2 ** retries, max_retries=CHUNK_RETRIES) from exc
            message = (f"Chunk {index + 1} of {count} ({len(ids)} documents) failed {CHUNK_RETRIES + 1} times: "
                       f"{type(exc).__name__}: {exc}")
            logger.error("pdf batch job=%s: %s", job.uuid, message)
            if jobs.fail(job_id, attempt=attempt, error=message):
                delete_chunks(job)
            raise ChunkFailed(message) from exc
    Job.objects.filter(pk=job_id, state=Job.State.RUNNING).update(
        done=Least(F("done") + len(ids), F("total")), heartbeat_at=timezone.now())
    return {"name": name, "ids": ids}


def run_merge_task(chunks: list[dict | None], job_id: int, attempt: int) -> str:
    """The chord's body: every chunk is stored; merge them in order into the job's file."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from core import jobs
    from core.models import Job

    job = Job.objects.select_related("summit").filter(pk=job_id).first()
    if job is None:
        return "gone"
    if job.state != Job.State.RUNNING or job.attempts != attempt or any(chunk is None for chunk in chunks):
        if job.is_finished:
            delete_chunks(job)
        return "skipped"
    names = [chunk["name"] for chunk in chunks]
    registration_ids = [pk for chunk in chunks for pk in chunk["ids"]]
    with jobs.keep_alive(job_id):
        parts = []
        for name in names:
            with default_storage.open(name, "rb") as handle:
                parts.append(handle.read())
        pdf = merge_pdfs(parts)
        kind = job.params["kind"]
        filename = batch_filename(job.summit, kind)
        job.result_file.save(filename, ContentFile(pdf), save=False)
        Job.objects.filter(pk=job.pk).update(result_file=job.result_file.name, result_name=filename)
    if not jobs.complete(job_id, attempt=attempt, result={"documents": len(registration_ids), "size": len(pdf),
                                                          "chunks": len(names)}):
        return "skipped"  # cancelled or run again meanwhile
    mark_issued(registration_ids, kind)
    for name in names:
        default_storage.delete(name)
    delete_chunks(job)
    logger.info("pdf batch done job=%s kind=%s summit=%s chunks=%d bytes=%d", job.uuid, kind, job.summit_id,
                len(names), len(pdf))
    return "merged"
