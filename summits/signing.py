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
