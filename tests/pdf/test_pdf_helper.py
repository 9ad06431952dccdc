from pathlib import Path

import pytest
from weasyprint.urls import URLFetchingError

from core import pdf as pdfmod
from core.pdf import LocalFetcher, RefusedURL, html_to_pdf, missing_fonts, qr_data_uri, render_pdf

from .helpers import decode_qr_codes, font_names, reader, text

TEMPLATE = """{% extends "summits/pdf/base.html" %}{% load i18n %}
{% block content %}<h1>{{ heading }}</h1><p>{% translate "Monday" %}</p>
{% if image %}<img src="{{ image }}" style="width: 20mm">{% endif %}{% endblock %}"""


@pytest.fixture
def template_dir(settings, tmp_path):
    directory = tmp_path / "templates"
    (directory / "t").mkdir(parents=True)
    (directory / "t" / "doc.html").write_text(TEMPLATE)
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [directory]}]
    return directory


def test_all_required_fonts_are_installed():
    assert missing_fonts() == []


def test_render_pdf_translates_in_the_requested_language(template_dir):
    pdf = render_pdf("t/doc.html", {"heading": "Summit"}, language="fr")
    assert "lundi" in text(pdf)


def test_arabic_text_is_laid_out_with_an_arabic_font(template_dir):
    pdf = render_pdf("t/doc.html", {"heading": "قمة كوكب واحد"}, language="ar")
    assert any("NotoKufiArabic" in name for name in font_names(pdf))
    assert "الاثنين" in text(pdf)


def test_chinese_text_uses_the_simplified_chinese_font(template_dir):
    pdf = render_pdf("t/doc.html", {"heading": "一个地球峰会"}, language="zh-hans")
    assert any("NotoSansCJK" in name for name in font_names(pdf))
    assert "一个地球峰会" in text(pdf).replace(" ", "")


def test_root_element_gets_lang_and_dir_when_the_template_lacks_them():
    html = pdfmod._set_lang_dir("<html><body>x</body></html>", "ar")
    assert html.startswith('<html lang="ar" dir="rtl">')
    assert pdfmod._set_lang_dir("<html><body>x</body></html>", "zh-hans").startswith('<html lang="zh-Hans" dir="ltr">')


def test_fetcher_serves_media_files_from_disk(settings):
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    (media / "photo.txt").write_bytes(b"hello")
    fetcher = LocalFetcher(base_url="http://plenary.test/")
    response = fetcher.fetch("http://plenary.test/media/photo.txt")
    assert response.read() == b"hello"


def test_fetcher_refuses_remote_urls():
    fetcher = LocalFetcher(base_url="http://plenary.test/")
    with pytest.raises(RefusedURL):
        fetcher.fetch("https://example.org/media/photo.jpg")


def test_fetcher_refuses_files_outside_static_and_media():
    fetcher = LocalFetcher(base_url="http://plenary.test/")
    with pytest.raises(RefusedURL):
        fetcher.fetch("file:///etc/passwd")


def test_fetcher_refuses_path_traversal_out_of_media(settings):
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    fetcher = LocalFetcher(base_url="http://plenary.test/")
    with pytest.raises(RefusedURL):
        fetcher.fetch("http://plenary.test/media/../../../../etc/passwd")


def test_fetcher_accepts_file_urls_inside_media(settings):
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    (media / "logo.txt").write_bytes(b"logo")
    assert LocalFetcher().fetch((media / "logo.txt").as_uri()).read() == b"logo"


def test_remote_image_is_left_out_of_the_document():
    pdf = html_to_pdf('<p>x</p><img src="http://example.org/x.png">', language="en")
    assert len(reader(pdf).pages[0].images) == 0


def test_local_media_image_is_embedded(settings):
    from PIL import Image

    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 40), "red").save(media / "red.png")
    pdf = html_to_pdf('<p>x</p><img src="/media/red.png">', language="en")
    assert len(reader(pdf).pages[0].images) == 1


def test_qr_code_survives_the_round_trip_through_a_pdf():
    pdf = html_to_pdf(f'<img class="qr" src="{qr_data_uri("plenary-token-123")}" style="width:30mm">', language="en")
    assert decode_qr_codes(pdf) == ["plenary-token-123"]


def test_fetch_errors_are_wrapped_for_weasyprint():
    from weasyprint.urls import fetch

    with pytest.raises(URLFetchingError):
        with fetch(LocalFetcher(), "http://evil.example/x.css"):
            pass
