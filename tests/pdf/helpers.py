"""Reading PDFs back in tests: text, page count and the QR code embedded as an image."""

import io
import shutil
import subprocess

import pytest

from tests.conftest import skip_or_fail
from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-"), pdf[:20]
    return PdfReader(io.BytesIO(pdf))


BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u2066\u2067\u2068\u2069"))


def text(pdf: bytes) -> str:
    """The text of every page, without invisible bidi marks."""
    return "\n".join((page.extract_text() or "").translate(BIDI_MARKS) for page in reader(pdf).pages)


def page_texts(pdf: bytes) -> list[str]:
    return [(page.extract_text() or "").translate(BIDI_MARKS) for page in reader(pdf).pages]


def font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in reader(pdf).pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object().get("/BaseFont")).replace("-", ""))
    return names


def _zbar(png: bytes) -> list[str]:
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", "-"],
        input=png, capture_output=True, check=False,
    )
    return [line for line in result.stdout.decode().splitlines() if line]


def decode_qr_codes(pdf: bytes, page_number: int = 0) -> list[str]:
    """Decode the QR codes of one page with zbarimg.

    The page is rasterised at 300 dpi with poppler's ``pdftoppm`` when it is installed (what a
    printer does); otherwise the images embedded in the page are scaled up without smoothing,
    as the PDF asks viewers to (``image-rendering: pixelated``).
    """
    if not shutil.which("zbarimg"):
        skip_or_fail("zbarimg (Debian zbar-tools) is not installed")
    if shutil.which("pdftoppm"):
        raster = subprocess.run(
            ["pdftoppm", "-png", "-r", "300", "-f", str(page_number + 1), "-l", str(page_number + 1), "-"],
            input=pdf, capture_output=True, check=True,
        ).stdout
        return _zbar(raster)
    from PIL import Image

    decoded = []
    for image in reader(pdf).pages[page_number].images:
        picture = image.image.convert("L")
        picture = picture.resize((picture.width * 8, picture.height * 8), Image.NEAREST)
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG")
        decoded += _zbar(buffer.getvalue())
    return decoded


def page_size_mm(pdf: bytes, page_number: int = 0) -> tuple[float, float]:
    box = reader(pdf).pages[page_number].mediabox
    return round(float(box.width) / 72 * 25.4, 1), round(float(box.height) / 72 * 25.4, 1)


def make_photo(path, size=(300, 380), colour="#8aa"):
    from PIL import Image, ImageDraw

    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).ellipse((80, 60, 220, 220), fill="#dcb")
    image.save(path)
    return str(path)
