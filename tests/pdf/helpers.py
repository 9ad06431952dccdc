"""Reading PDFs back in tests: text, page count and the QR code embedded as an image."""

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-"), pdf[:20]
    return PdfReader(io.BytesIO(pdf))


def text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in reader(pdf).pages)


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in reader(pdf).pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object().get("/BaseFont")).replace("-", ""))
    return names


def decode_qr_codes(pdf: bytes, page_number: int = 0) -> list[str]:
    """Decode every QR code among the images embedded in one page, with zbarimg."""
    if not shutil.which("zbarimg"):
        pytest.skip("zbarimg (Debian zbar-tools) is not installed")
    decoded = []
    for image in reader(pdf).pages[page_number].images:
        buffer = io.BytesIO()
        image.image.convert("L").save(buffer, format="PNG")
        result = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", "-"],
            input=buffer.getvalue(), capture_output=True, check=False,
        )
        decoded += [line for line in result.stdout.decode().splitlines() if line]
    return decoded
