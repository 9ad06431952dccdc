"""The English content strings of the demo, per target language: what must not appear on that
language's pages. A string counts when the record (or page) has it in English and something else in the
target language; names written the same in both (proper names: "Paris" in French, an acronym, a
company's name) do not count, nor do short strings (under 4 characters)."""

import re

from django.utils.html import strip_tags

MIN_LENGTH = 4


def _fields():
    from announcements.models import Coalition, Commitment, Deliverable, ProgressReport
    from summits.models import Organisation, Room, Session, Speaker, Summit, Theme

    return [
        (Summit, ("title", "tagline", "description", "city", "venue")),
        (Theme, ("title", "description")),
        (Room, ("name", "location")),
        (Session, ("title", "description")),
        (Speaker, ("position", "bio")),
        (Organisation, ("name",)),
        (Coalition, ("name", "description")),
        (Commitment, ("title", "summary")),
        (Deliverable, ("title",)),
        (ProgressReport, ("narrative",)),
    ]


def _stream_texts(value):
    """Text leaves of a StreamField's raw data (headings, paragraphs, quotes, figure labels)."""
    if isinstance(value, str):
        text = " ".join(strip_tags(value).split())
        return [text] if text else []
    if isinstance(value, dict):
        return [t for key, v in value.items() if key not in ("type", "id") for t in _stream_texts(v)]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _stream_texts(v)]
    return []


def _sentences(text):
    """A long text is checked sentence by sentence, so that a truncated or split rendering still counts."""
    parts = [part.strip() for part in re.split(r"(?<=[.;:!?])\s+", text) if part.strip()]
    return [part for part in parts if len(part) >= MIN_LENGTH]


def english_strings(code):
    from wagtail.models import Locale, Page

    suffix = code.replace("-", "_")
    found = set()
    for model, fields in _fields():
        for obj in model.objects.all():
            for field in fields:
                english = (getattr(obj, f"{field}_en", "") or "").strip()
                own = (getattr(obj, f"{field}_{suffix}", "") or "").strip()
                if len(english) >= MIN_LENGTH and english != own:
                    found.update(s for s in _sentences(english) if s not in own)
    locale = Locale.objects.get(language_code=code)
    for page in Page.objects.filter(locale__language_code="en", depth__gt=1).specific():
        target = page.get_translation_or_none(locale)
        target = target.specific if target is not None else None
        for field in ("title", "intro", "body", "practical"):
            value = getattr(page, field, None)
            if value is None:
                continue
            own_value = getattr(target, field, None) if target is not None else None
            if hasattr(value, "raw_data"):
                english = _stream_texts(list(value.raw_data))
                own = " ".join(_stream_texts(list(own_value.raw_data))) if own_value is not None else ""
            else:
                english = [" ".join(strip_tags(value).split())]
                own = " ".join(strip_tags(own_value or "").split())
            for text in english:
                found.update(s for s in _sentences(text) if s not in own)
    from summits.demo_texts import PROPER_NAMES

    return {s for s in found if s not in PROPER_NAMES}


def page_text(soup):
    """What a reader sees (and what a screen reader reads) of a page, with its title."""
    for tag in soup(["script", "style"]):
        tag.decompose()
    return " ".join(soup.get_text(" ").split())


def english_found(english, text):
    """The English strings present in ``text`` as whole words ("Fund" is not in "Fundación")."""
    return {s for s in english if s in text and re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text)}
