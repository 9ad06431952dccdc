"""Validators shared by every door (admin forms, imports, the API): a link may only go somewhere safe."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Browsers ignore ASCII tabs and newlines anywhere in a URL and leading/trailing spaces and control
# characters, so "java\tscript:" or " javascript:" still run: compare without them.
_IGNORED = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


@deconstructible
class LinkValidator:
    """A link a visitor may follow: ``http(s)://…``, ``mailto:…``, ``tel:…`` or a path on this site
    (``/…``, ``#…``, ``?…``). Everything else (``javascript:``, ``data:``, ``//other.host``…) is refused."""

    message = _("Enter a web address (https://…), an email link (mailto:…), a phone link (tel:…) or a "
                "path on this site (/…).")
    code = "unsafe_link"

    def __call__(self, value):
        text = str(value or "")
        squeezed = _IGNORED.sub("", text)
        if not squeezed:
            return
        match = _SCHEME.match(squeezed)
        if match:
            scheme = match.group(1).lower()
            if scheme in ("http", "https"):
                try:
                    URLValidator(schemes=["http", "https"])(text.strip())
                except ValidationError:
                    raise ValidationError(self.message, code=self.code) from None
                return
            if scheme in ("mailto", "tel") and len(squeezed) > len(scheme) + 1 and squeezed == text.strip():
                return
            raise ValidationError(self.message, code=self.code)
        if squeezed.startswith("//") or squeezed.startswith("\\") or "\\" in squeezed.split("?")[0]:
            raise ValidationError(self.message, code=self.code)  # another host, whatever the scheme
        if squeezed != text.strip() or not squeezed.startswith(("/", "#", "?")):
            raise ValidationError(self.message, code=self.code)
        if urlsplit(squeezed).netloc:
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, LinkValidator)


validate_link = LinkValidator()
