"""Signed, expiring tokens shared by every app (self-service links, check-in QR codes, report links).

Tokens carry only an opaque id and a purpose ("salt"), never personal data. A token for one
purpose is refused for another.
"""

from django.conf import settings
from django.core import signing


class BadToken(Exception):
    """The token was tampered with, is for another purpose, or has expired."""

    def __init__(self, message="", expired=False):
        super().__init__(message)
        self.expired = expired


def make_token(purpose: str, value) -> str:
    return signing.dumps(value, salt=f"plenary.{purpose}", compress=True)


def read_token(purpose: str, token: str, max_age: int | None = None):
    """The value signed in ``token`` for ``purpose``; raises BadToken (with ``expired``) otherwise."""
    if max_age is None:
        max_age = settings.PLENARY_LINK_MAX_AGE
    try:
        return signing.loads(token, salt=f"plenary.{purpose}", max_age=max_age)
    except signing.SignatureExpired as exc:
        raise BadToken(str(exc), expired=True) from None
    except signing.BadSignature as exc:
        raise BadToken(str(exc)) from None


# --- Badge check-in codes -------------------------------------------------------------------
# The badge's QR code carries this token: the registration's reference and the summit's id,
# signed; nothing personal in clear. Check-in tokens do not expire (a badge lasts the summit).
CHECKIN_PURPOSE = "checkin"


def checkin_token(reference: str, summit_id: int) -> str:
    return make_token(CHECKIN_PURPOSE, {"r": reference, "s": summit_id})


def read_checkin_token(token: str) -> tuple[str, int]:
    """(reference, summit_id) from a badge token; raises BadToken if it is not a genuine badge code."""
    value = read_token(CHECKIN_PURPOSE, token.strip(), max_age=10 * 365 * 24 * 3600)
    if not isinstance(value, dict) or "r" not in value or "s" not in value:
        raise BadToken("malformed")
    return str(value["r"]), int(value["s"])
