"""Pages people share (#14): the Open Graph card, the one-page PDF in the reader's language and the
embeddable widget, for published commitments only."""

import io

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from pypdf import PdfReader

from announcements import sharing

from .factories import CommitmentFactory, PublishedCommitmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(summit):
    return PublishedCommitmentFactory(summit=summit, title="Restore 10,000 hectares of mangroves",
                                      title_fr="Restaurer 10 000 hectares de mangroves", countries=["SN"])


def test_the_card_is_a_1200_by_630_picture_drawn_once(client, commitment, monkeypatch):
    url = f"/fr/commitments/{commitment.reference}/card.png"
    first = client.get(url)
    assert first.status_code == 200 and first["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(first.content)).size == (1200, 630)
    monkeypatch.setattr(sharing, "card_png", lambda *a: pytest.fail("drawn twice for the same content"))
    again = client.get(url)
    assert again.content == first.content
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_the_card_changes_with_the_language_and_the_content(commitment):
    assert sharing.card_html(commitment, "fr") != sharing.card_html(commitment, "en")
    assert "Restaurer 10 000 hectares de mangroves" in sharing.card_html(commitment, "fr")


def test_the_detail_page_names_its_card_for_social_networks(client, commitment):
    soup = BeautifulSoup(client.get(f"/en/commitments/{commitment.reference}/").content, "html.parser")
    image = soup.find("meta", property="og:image")["content"]
    assert image.endswith(f"/en/commitments/{commitment.reference}/card.png") and image.startswith("http")
    assert soup.find("meta", property="og:title")["content"] == commitment.title
    assert soup.find("meta", property="og:type")["content"] == "article"
    code = soup.find("textarea", id="embed-code").text
    assert f"/en/commitments/{commitment.reference}/widget/" in code and code.startswith("<iframe")


def test_the_one_page_pdf_is_in_the_readers_language(client, commitment):
    response = client.get(f"/fr/commitments/{commitment.reference}/print.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert len(pdf.pages) == 1
    assert "Restaurer 10 000 hectares de mangroves" in text and commitment.reference in text
    assert "Sénégal" in text


def test_the_widget_may_be_framed_by_other_sites_and_runs_no_script(client, commitment):
    response = client.get(f"/en/commitments/{commitment.reference}/widget/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert "<script" not in html and commitment.title in html
    # every other page keeps refusing to be framed
    detail = client.get(f"/en/commitments/{commitment.reference}/")
    assert detail["X-Frame-Options"] == "DENY" and "frame-ancestors 'self'" in detail["Content-Security-Policy"]


@pytest.mark.parametrize("suffix", ["card.png", "print.pdf", "widget/"])
def test_an_unpublished_commitment_is_not_shared(client, summit, suffix):
    draft = CommitmentFactory(summit=summit)
    assert client.get(f"/en/commitments/{draft.reference}/{suffix}").status_code == 404
