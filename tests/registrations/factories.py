"""factory_boy factories of the registrations app."""

import datetime as dt
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from registrations.choices import RegistrationStatus
from registrations.models import EmailTemplate, Invitation, Registration, RegistrationCategory, new_reference
from tests.summits.factories import SummitFactory


def open_summit(**kwargs):
    """A summit whose registration window is open now."""
    now = timezone.now()
    kwargs.setdefault("registration_opens", now - dt.timedelta(days=1))
    kwargs.setdefault("registration_closes", now + dt.timedelta(days=30))
    return SummitFactory(**kwargs)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegistrationCategory

    summit = factory.SubFactory(SummitFactory)
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    quota = None
    needs_approval = False
    invitation_only = False
    requires_organisation = False


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    summit = factory.SubFactory(SummitFactory)
    category = factory.LazyAttribute(lambda o: CategoryFactory(summit=o.summit))
    reference = factory.LazyAttribute(lambda o: new_reference(o.summit))
    status = RegistrationStatus.APPROVED
    given_name = factory.Sequence(lambda n: f"Given{n}")
    family_name = factory.Sequence(lambda n: f"Family{n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    organisation_name = "Example NGO"
    nationality = "FR"
    preferred_language = "en"
    consent_privacy = True


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    category = factory.SubFactory(CategoryFactory, invitation_only=True)
    email = factory.Sequence(lambda n: f"invited{n}@example.org")


class EmailTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmailTemplate

    summit = factory.SubFactory(SummitFactory)
    kind = "received"
    language = "en"
    subject = "Custom subject {{ reference }}"
    body = "Hello {{ name }}"


def image_file(fmt="JPEG", size=(400, 500), name=None, colour=(30, 120, 60)):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=fmt)
    ext = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "BMP": "bmp"}[fmt]
    return SimpleUploadedFile(name or f"photo.{ext}", out.getvalue(), content_type=f"image/{ext}")


def form_data(category, /, **overrides):
    """A valid POST body for the registration form."""
    data = {
        "category": str(category.pk),
        "honorific": "Dr",
        "given_name": "Amina",
        "family_name": "Diallo",
        "email": "amina.diallo@example.org",
        "organisation_name": "Réseau Sahel Nature",
        "position": "Director",
        "nationality": "SN",
        "phone": "+221 33 000 00 00",
        "preferred_language": "fr",
        "accessibility_needs": "",
        "dietary_needs": "",
        "consent_privacy": "on",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
