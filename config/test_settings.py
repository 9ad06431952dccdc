"""Settings of the test suite: the production settings (DEBUG off, so Plenary refuses to start without
a SECRET_KEY), with what the tests need set explicitly here, and a fast password hasher."""

import os

# A key for the tests only (the settings refuse to start without one when DEBUG is off).
os.environ.setdefault("SECRET_KEY", "plenary-test-suite-only-" + "c4f7e1a9b2d8" * 4)

from .settings import *  # noqa: E402,F401,F403

# Hashing a password the production way takes ~0.3 s; the suite creates hundreds of users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
