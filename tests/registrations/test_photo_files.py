"""Badge photos: a file cut short or damaged is refused, whatever Pillow's process-wide settings say.

Importing WeasyPrint sets PIL's ``ImageFile.LOAD_TRUNCATED_IMAGES`` for the whole process; from then on
Pillow decodes a JPEG cut in half without complaint (its lower half grey) and it would be printed on a badge.
"""

import io

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile

from registrations.forms import clean_photo, jpeg_is_complete, png_is_complete
from registrations.models import Registration

from .factories import CategoryFactory, form_data, open_summit

INCOMPLETE = "This photo file is incomplete or damaged (was the upload cut off?). Upload it again, or choose another photo."


def photo_bytes(fmt="JPEG", size=(600, 800), **save):
    out = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(out, format=fmt, **save)
    return out.getvalue()


def upload(data, name="photo.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_weasyprint_makes_pillow_accept_truncated_files():
    import weasyprint  # noqa: F401

    assert ImageFile.LOAD_TRUNCATED_IMAGES is True
    half = photo_bytes()[: len(photo_bytes()) // 2]
    with Image.open(io.BytesIO(half)) as image:
        image.load()  # no error: this is why Plenary checks the file itself


def test_a_jpeg_cut_in_half_is_refused():
    data = photo_bytes()
    with pytest.raises(forms.ValidationError) as refused:
        clean_photo(upload(data[: len(data) // 2]))
    assert refused.value.messages == [INCOMPLETE]


def test_a_jpeg_missing_only_its_last_bytes_is_refused():
    data = photo_bytes()
    assert jpeg_is_complete(data)
    assert not jpeg_is_complete(data[:-2])
    assert not jpeg_is_complete(data[:-300])


@pytest.mark.parametrize("save", [{}, {"progressive": True}, {"optimize": True, "quality": 60},
                                  {"exif": Image.Exif()}, {"restart_marker_blocks": 4}])
def test_whole_jpegs_are_accepted(save):
    data = photo_bytes(**save)
    assert jpeg_is_complete(data)
    assert clean_photo(upload(data)).size > 0


def test_a_jpeg_with_an_exif_thumbnail_cut_after_the_thumbnail_is_refused():
    thumb = io.BytesIO()
    Image.new("RGB", (80, 80), (200, 10, 10)).save(thumb, "JPEG")
    exif = Image.Exif()
    data = photo_bytes(exif=exif.tobytes() + b"", quality=80)
    # A JPEG thumbnail inside APP1 carries its own end-of-image marker: it must not count.
    app1 = b"\xff\xe1" + (len(thumb.getvalue()) + 8).to_bytes(2, "big") + b"Exif\x00\x00" + thumb.getvalue()
    with_thumb = data[:2] + app1 + data[2:]
    assert jpeg_is_complete(with_thumb)
    assert not jpeg_is_complete(with_thumb[: len(app1) + 2 + 400])


def test_a_png_cut_short_or_altered_is_refused():
    data = photo_bytes("PNG")
    assert png_is_complete(data)
    assert not png_is_complete(data[: len(data) // 2])
    altered = bytearray(data)
    altered[len(data) // 2] ^= 0xFF
    assert not png_is_complete(bytes(altered))
    with pytest.raises(forms.ValidationError) as refused:
        clean_photo(SimpleUploadedFile("p.png", data[:-20], content_type="image/png"))
    assert refused.value.messages == [INCOMPLETE]


@pytest.mark.django_db
def test_the_registration_form_refuses_a_truncated_photo_with_the_message_next_to_the_field(client):
    import weasyprint  # noqa: F401  (as in a real worker or web process)

    category = CategoryFactory(summit=open_summit())
    data = photo_bytes()
    response = client.post(f"/en/summits/{category.summit.slug}/register/",
                           {**form_data(category), "photo_upload": upload(data[: len(data) // 2])})
    assert response.status_code == 200
    assert response.context["form"].errors["photo_upload"] == [INCOMPLETE]
    assert Registration.objects.count() == 0
