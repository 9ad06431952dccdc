"""Text typed by visitors into search boxes and filters, made safe for every database backend.

PostgreSQL refuses a NUL character in any string ("A string literal cannot contain NUL"), and the
SQLite full-text backend wraps each search word in double quotes without escaping the ones it
contains ("unterminated string"). Neither is a reason to answer a visitor with an error page:
control characters are dropped, double quotes become spaces, whitespace is collapsed.
"""

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_QUOTES = str.maketrans({'"': " ", "\u201c": " ", "\u201d": " ", "\u201e": " ", "\u00ab": " ", "\u00bb": " "})


def clean_text(value, max_length: int = 200) -> str:
    """A single-line query: no control characters, at most ``max_length`` characters."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    text = _CONTROL.sub("", text)
    return " ".join(text.split())[:max_length].strip()


def clean_query(value, max_length: int = 200) -> str:
    """Words for a full-text search: :func:`clean_text` without double quotes of any script."""
    return clean_text(clean_text(value, max_length * 2).translate(_QUOTES), max_length)


# The largest id a database column can hold (64-bit signed): a form's id field above it is invalid
# rather than an OverflowError in the query (SQLite) found by the fuzzer.
MAX_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """A database id typed in a URL or a form (``"42"``), or None for anything else ("abc", "-1", 10**30)."""
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 18:
        return None
    number = int(text)
    return number or None
