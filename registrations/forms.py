"""Public forms: registration, self-service edits, request of a fresh link."""

import io

from django import forms
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import LazyTypedChoiceField
from django_countries import countries
from PIL import Image, ImageOps, UnidentifiedImageError

from summits.choices import language_choices
from summits.models import Organisation

from .models import Registration, RegistrationCategory

PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MIN_SIDE = 200
PHOTO_MAX_SIDE = 6000
PHOTO_OUTPUT_SIDE = 800


def jpeg_is_complete(data: bytes) -> bool:
    """True when a JPEG's segments and scans run, uncut, up to its end-of-image marker.

    Pillow cannot be trusted to say so: importing WeasyPrint sets ``ImageFile.LOAD_TRUNCATED_IMAGES``
    for the whole process, and from then on a JPEG cut in half decodes "fine" (grey lower half).
    Inside a scan, a 0xFF byte is always followed by 0x00 (stuffing) or a restart marker, so the
    first other marker after a scan is the next segment (or EOI).
    """
    n = len(data)
    if data[:2] != b"\xff\xd8":
        return False
    i = 2
    while i < n:
        if data[i] != 0xFF:
            return False
        while i < n and data[i] == 0xFF:  # fill bytes before a marker
            i += 1
        if i >= n:
            return False
        marker = data[i]
        i += 1
        if marker == 0xD9:  # end of image
            return True
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            continue
        if i + 2 > n:
            return False
        length = int.from_bytes(data[i:i + 2], "big")
        if length < 2 or i + length > n:
            return False
        i += length
        if marker == 0xDA:  # start of scan: entropy-coded data up to the next real marker
            while True:
                j = data.find(b"\xff", i)
                if j < 0 or j + 1 >= n:
                    return False
                following = data[j + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7:
                    i = j + 2
                elif following == 0xFF:
                    i = j + 1
                else:
                    i = j
                    break
    return False


def png_is_complete(data: bytes) -> bool:
    """True when a PNG's chunks run, uncut and with correct checksums, up to IEND."""
    import zlib

    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return False
    i, n = 8, len(data)
    while i + 12 <= n:
        length = int.from_bytes(data[i:i + 4], "big")
        kind = data[i + 4:i + 8]
        end = i + 12 + length
        if end > n:
            return False
        if zlib.crc32(data[i + 4:i + 8 + length]) != int.from_bytes(data[i + 8 + length:end], "big"):
            return False
        if kind == b"IEND":
            return True
        i = end
    return False


def clean_photo(upload):
    """A re-encoded JPEG (ContentFile) from an uploaded JPEG/PNG, or a ValidationError.

    A truncated or damaged file is refused whatever Pillow's process-wide settings are.
    """
    if upload.size > PHOTO_MAX_BYTES:
        raise forms.ValidationError(_("The photo is too large: at most 5 MB."))
    upload.seek(0)
    data = upload.read(PHOTO_MAX_BYTES + 1)
    incomplete = forms.ValidationError(_("This photo file is incomplete or damaged (was the upload cut off?). "
                                         "Upload it again, or choose another photo."))
    if data[:3] == b"\xff\xd8\xff" and not jpeg_is_complete(data):
        raise incomplete
    if data[:8] == b"\x89PNG\r\n\x1a\n" and not png_is_complete(data):
        raise incomplete
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            width, height = probe.size
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError, ValueError):
        raise forms.ValidationError(_("This file is not an image. Upload a JPEG or PNG photo.")) from None
    if kind not in ("JPEG", "PNG"):
        raise forms.ValidationError(_("Upload a JPEG or PNG photo."))
    if min(width, height) < PHOTO_MIN_SIDE:
        raise forms.ValidationError(_("The photo is too small: at least 200 × 200 pixels."))
    if max(width, height) > PHOTO_MAX_SIDE:
        raise forms.ValidationError(_("The photo is too big: at most 6000 pixels on a side."))
    try:
        with Image.open(io.BytesIO(data)) as image:
            image = ImageOps.exif_transpose(image).convert("RGB")
            image.thumbnail((PHOTO_OUTPUT_SIDE, PHOTO_OUTPUT_SIDE))
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=85)  # re-encoding drops metadata and any payload
    except (OSError, ValueError, Image.DecompressionBombError):
        raise forms.ValidationError(_("This file is not an image. Upload a JPEG or PNG photo.")) from None
    return ContentFile(out.getvalue(), name="photo.jpg")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


PERSONAL_FIELDS = [
    "honorific", "given_name", "family_name", "name_order", "email", "organisation", "organisation_name", "position",
    "nationality", "phone", "preferred_language", "accessibility_needs", "dietary_needs", "needs_letter",
    "passport_number", "passport_expiry", "date_of_birth", "consent_privacy", "list_publicly", "accepts_updates",
]


KEPT_PHOTO_SECONDS = 3600


def keep_photo(content):
    """Keep a checked, re-encoded photo for an hour (shared cache) and return a signed ticket for it, so a
    form sent back for a correction does not ask for the photo again."""
    import secrets

    from django.core.cache import cache

    from core.signing import make_token

    key = secrets.token_hex(16)
    content.seek(0)
    cache.set(f"plenary:kept-photo:{key}", content.read(), timeout=KEPT_PHOTO_SECONDS)
    return make_token("kept_photo", {"key": key})


def _kept_photo_key(ticket):
    from core.signing import BadToken, read_token

    try:
        value = read_token("kept_photo", ticket, max_age=KEPT_PHOTO_SECONDS)
    except BadToken:
        return None
    key = value.get("key") if isinstance(value, dict) else None
    return f"plenary:kept-photo:{key}" if isinstance(key, str) and key.isalnum() else None


def kept_photo(ticket):
    """The photo kept under this ticket (a ContentFile), or None when it is gone or the ticket is not ours."""
    from django.core.cache import cache

    key = _kept_photo_key(ticket) if ticket else None
    data = cache.get(key) if key else None
    return ContentFile(data, name="photo.jpg") if data else None


def discard_kept_photo(ticket):
    from django.core.cache import cache

    key = _kept_photo_key(ticket) if ticket else None
    if key:
        cache.delete(key)


def _no_silent_cut(field):
    """Overlong text gets a message, not a browser that silently stops typing at the limit."""
    if getattr(field, "max_length", None):
        field.widget.attrs.pop("maxlength", None)
        field.error_messages["max_length"] = _(
            "This is too long: at most %(limit_value)d characters (it has %(show_value)d). "
            "Shorten it (for example with initials), or write to the organisers.")


class MarkedBoundField(forms.BoundField):
    """A field whose label is marked required when the form says so (``field.marked_required``), for fields
    that are required by the category's rules rather than by the field itself (organisation, position, photo)."""

    def label_tag(self, contents=None, attrs=None, label_suffix=None, tag=None):
        if getattr(self.field, "marked_required", False) and not self.field.required:
            attrs = dict(attrs or {})
            attrs["class"] = (attrs.get("class", "") + " required").strip()
        return super().label_tag(contents, attrs, label_suffix=label_suffix, tag=tag)


class RegistrationDetailsMixin:
    required_css_class = "required"
    bound_field_class = MarkedBoundField

    def _mark_category_requirements(self, categories):
        """Mark what every category offered requires (the form cannot know the choice before it is made)."""
        categories = list(categories)
        if not categories:
            return
        for rule, name in (("requires_organisation", "organisation_name"), ("requires_position", "position"),
                           ("requires_photo", "photo_upload")):
            if name in self.fields and all(getattr(category, rule) for category in categories):
                self.fields[name].marked_required = True

    def _updates_field(self):
        field = self.fields.get("accepts_updates")
        if field is not None:
            field.label = _("Send me news and practical updates about the summit by email.")
            field.help_text = _("Untick to receive only the emails about your registration itself.")
    def _setup_common(self):
        self.fields["nationality"] = LazyTypedChoiceField(
            label=_("Nationality"), choices=[("", "---------")] + list(countries), required=True
        )
        self.fields["preferred_language"].choices = language_choices()
        self.fields["preferred_language"].help_text = _("Every email and document will be sent in this language.")
        self.fields["organisation"].queryset = Organisation.objects.filter(accepted=True).order_by("name")
        self.fields["organisation"].required = False
        self.fields["organisation"].help_text = _("Pick your organisation from the list, or type its name below.")
        self.fields["organisation_name"].label = _("Organisation, if not in the list")
        for name in ("passport_expiry", "date_of_birth"):
            self.fields[name].widget = DateInput()
        if "email" in self.fields:
            self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["given_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["family_name"].widget.attrs["autocomplete"] = "family-name"
        for field in self.fields.values():
            _no_silent_cut(field)

    def _check_category_rules(self, cleaned, category):
        if category is None:
            return
        if category.requires_organisation and not (cleaned.get("organisation") or cleaned.get("organisation_name", "").strip()):
            self.add_error("organisation_name", _("This category requires your organisation: pick it or type its name."))
        if category.requires_position and not cleaned.get("position", "").strip():
            self.add_error("position", _("This category requires your position."))

    def _check_letter(self, cleaned):
        if cleaned.get("needs_letter"):
            if not cleaned.get("passport_number", "").strip():
                self.add_error("passport_number", _("The passport number is required for a visa letter."))
            expiry = cleaned.get("passport_expiry")
            if not expiry:
                self.add_error("passport_expiry", _("The passport expiry date is required for a visa letter."))
            elif expiry <= timezone.localdate():
                self.add_error("passport_expiry", _("This passport has expired."))
            birth = cleaned.get("date_of_birth")
            if not birth:
                self.add_error("date_of_birth", _("The date of birth is required for a visa letter."))
            elif birth >= timezone.localdate():
                self.add_error("date_of_birth", _("The date of birth must be in the past."))


class RegistrationForm(RegistrationDetailsMixin, forms.ModelForm):
    category = forms.ModelChoiceField(queryset=RegistrationCategory.objects.none(), label=_("Category"),
                                      empty_label=_("Choose the category that fits you"))
    invitation_code = forms.CharField(label=_("Invitation code"), required=False, max_length=40,
                                      help_text=_("Only for invitation-only categories."))
    photo_upload = forms.FileField(label=_("Badge photo"), required=False,
                                   help_text=_("JPEG or PNG, at most 5 MB, at least 200 × 200 pixels; a passport-style portrait."))
    # Honeypot: hidden from people by CSS, filled in by bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = Registration
        fields = PERSONAL_FIELDS

    def __init__(self, *args, summit, invitation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.summit = summit
        self.invitation = invitation
        self._setup_common()
        categories = RegistrationCategory.objects.filter(summit=summit).order_by("sort_order", "pk")
        if invitation is not None:
            categories = categories.filter(pk=invitation.category_id)
            self.fields["email"].initial = invitation.email
            del self.fields["invitation_code"]
        self.fields["category"].queryset = categories
        self._mark_category_requirements(categories)
        from .services import full_category_ids

        self.full_categories = full_category_ids(summit)
        self.fields["category"].label_from_instance = self._category_label
        self.fields["consent_privacy"].required = True
        self.fields["consent_privacy"].label = _("I have read the privacy notice and agree that my data is used to run this summit.")
        self.fields["list_publicly"].label = _("List my name and organisation in the public list of participants.")
        self._updates_field()
        if not self.is_bound:
            self.fields["preferred_language"].initial = translation.get_language() if translation.get_language() in dict(language_choices()) else "en"
        self.fields["given_name"].required = True
        self.fields["family_name"].required = True
        self.order_fields(["category", "invitation_code"] + PERSONAL_FIELDS + ["photo_upload", "website"])

    def _category_label(self, category):
        label = category.name
        if category.invitation_only:
            label = _("%(name)s (by invitation)") % {"name": label}
        if category.pk in self.full_categories:
            label = _("%(name)s — full: waiting list") % {"name": label}
        return label

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if self.invitation is not None and email.lower() != self.invitation.email.lower():
            raise forms.ValidationError(_("This invitation is for another email address."))
        return email

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        ticket = self.data.get("kept_photo", "")
        if upload:
            photo = clean_photo(upload)
            discard_kept_photo(ticket)  # replaced by the new file
            return photo
        if ticket:
            photo = kept_photo(ticket)
            if photo is None:
                raise forms.ValidationError(_("The photo you chose earlier could not be kept: choose it again, please."))
            self.kept_photo_ticket = ticket
            return photo
        return None

    kept_photo_ticket = ""

    def keep_photo(self):
        """When the form goes back to the person, keep a photo that passed its checks (nothing to choose again)."""
        photo = (getattr(self, "cleaned_data", None) or {}).get("photo_upload")
        if photo is not None and not self.kept_photo_ticket:
            self.kept_photo_ticket = keep_photo(photo)
        return self.kept_photo_ticket

    def discard_kept_photo(self):
        discard_kept_photo(self.kept_photo_ticket)

    def clean(self):
        cleaned = super().clean()
        category = cleaned.get("category")
        if category is not None and category.invitation_only and self.invitation is None:
            code = cleaned.get("invitation_code", "")
            if not code.strip():
                self.add_error("invitation_code", _("This category is by invitation only: enter your invitation code."))
            elif not category.code_matches(code):
                self.add_error("invitation_code", _("This invitation code is not valid for this category."))
        self._check_category_rules(cleaned, category)
        if category is not None and category.requires_photo and not cleaned.get("photo_upload") and "photo_upload" not in self.errors:
            self.add_error("photo_upload", _("This category requires a badge photo."))
        self._check_letter(cleaned)
        return cleaned

    def personal_fields(self):
        data = {name: self.cleaned_data[name] for name in PERSONAL_FIELDS}
        if data.get("organisation"):
            data["organisation_name"] = ""
        if not data.get("needs_letter"):
            data.update(passport_number="", passport_expiry=None, date_of_birth=None)
        return data


class DetailsForm(RegistrationDetailsMixin, forms.ModelForm):
    """The participant's own edits; badge fields are locked once accredited."""

    photo_upload = forms.FileField(label=_("New badge photo"), required=False,
                                   help_text=_("JPEG or PNG, at most 5 MB, at least 200 × 200 pixels."))

    class Meta:
        model = Registration
        fields = [f for f in PERSONAL_FIELDS if f not in ("email", "consent_privacy")]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_common()
        self.fields["list_publicly"].label = _("List my name and organisation in the public list of participants.")
        self._updates_field()
        if self.instance.category_id:
            self._mark_category_requirements([self.instance.category])
        self.fields["given_name"].required = True
        self.fields["family_name"].required = True
        if self.instance.is_accredited:
            from .services import LETTER_FIELDS, locked_fields

            for name in locked_fields(self.instance):
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = (
                        _("Locked once given, as printed on your letter. Write to the organisers to correct it.")
                        if name in LETTER_FIELDS else
                        _("Locked: your badge has been issued. Write to the organisers to change it."))
            del self.fields["photo_upload"]

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        return clean_photo(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        self._check_category_rules(cleaned, self.instance.category)
        self._check_letter(cleaned)
        return cleaned

    def changes(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data and not self.fields[name].disabled}


class LinkRequestForm(forms.Form):
    email = forms.EmailField(label=_("Email address used to register"))
