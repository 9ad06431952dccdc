"""Documents of the summit domain: the programme booklet, and date helpers every document uses."""

from __future__ import annotations

import logging
from datetime import date

from core.pdf import render_pdf

from . import queries

logger = logging.getLogger(__name__)


def date_text(day: date, language: str) -> str:
    """A date written the way readers of ``language`` expect (11 janvier 2030, 2030年1月11日…)."""
    from core import formatting

    return formatting.date(day, lang=language)


def date_range_text(start: date, end: date, language: str) -> str:
    """Summit dates in ``language``: one date, or first – last day."""
    from core import formatting

    return formatting.date_range(start, end, lang=language)


def summit_dates_text(summit, language: str) -> str:
    return date_range_text(summit.start_date, summit.end_date, language)


def speaker_index(days: list[queries.ProgrammeDay]) -> list[dict]:
    """Every speaker of the programme once, alphabetically, with the sessions they appear in."""
    by_speaker: dict[int, dict] = {}
    for day in days:
        for session in day.sessions:
            for role in session.speaker_roles.all():
                entry = by_speaker.setdefault(role.speaker_id, {"speaker": role.speaker, "sessions": []})
                entry["sessions"].append(session)
    return sorted(
        by_speaker.values(),
        key=lambda entry: (entry["speaker"].family_name.casefold(), entry["speaker"].given_name.casefold()),
    )


def programme_booklet_context(summit) -> dict:
    days = queries.programme_days(queries.programme(summit))
    return {
        "summit": summit,
        "days": days,
        "themes": list(queries.themes(summit)),
        "speakers": speaker_index(days),
        "logo_url": summit.logo.file.url if summit.logo_id and summit.logo.file else "",
    }


def programme_booklet_pdf(summit, language: str) -> bytes:
    """The printable programme of ``summit`` in ``language``: days, sessions, rooms, speakers, themes."""
    context = programme_booklet_context(summit)
    pdf = render_pdf("summits/documents/programme.html", context, language=language)
    logger.info("programme booklet summit=%s language=%s sessions=%d", summit.pk, language,
                sum(len(day.sessions) for day in context["days"]))
    return pdf


BOOKLET_DIR = "programme-booklets"


def programme_booklet_cached(summit, language: str) -> bytes:
    """The booklet, laid out once per version of its content.

    Laying out a long programme takes seconds, so a public URL must not do it on every request:
    the HTML (cheap) is rendered and hashed, and the PDF is kept in the default storage under
    that hash. Any change to the programme changes the HTML, hence the file name.
    """
    import hashlib

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from core.pdf import html_to_pdf, render_html

    html = render_html("summits/documents/programme.html", programme_booklet_context(summit), language=language)
    digest = hashlib.sha256(html.encode()).hexdigest()[:20]
    path = f"{BOOKLET_DIR}/{summit.slug}-{language}-{digest}.pdf"
    if default_storage.exists(path):
        with default_storage.open(path, "rb") as handle:
            return handle.read()
    pdf = html_to_pdf(html, language=language)
    default_storage.save(path, ContentFile(pdf))
    logger.info("programme booklet cached summit=%s language=%s path=%s", summit.pk, language, path)
    return pdf
