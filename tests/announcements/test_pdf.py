"""The PDF report of a summit's commitments, in each language, with only published records."""

import io

import pytest
from pypdf import PdfReader

from announcements.choices import ReviewState

from .factories import CommitmentFactory, PublishedCommitmentFactory

pytestmark = pytest.mark.django_db


def pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("language, title", [
    ("en", "Great Green Wall"), ("fr", "Grande Muraille verte"), ("es", "Gran Muralla Verde"),
    ("ru", "Великая зелёная стена"), ("zh-hans", "绿色长城"),
])
def test_summit_report_in_each_language(client, summit, language, title):
    commitment = PublishedCommitmentFactory(summit=summit, title="Great Green Wall")
    for code, text in {"fr": "Grande Muraille verte", "es": "Gran Muralla Verde", "ru": "Великая зелёная стена",
                       "zh_hans": "绿色长城", "ar": "السور الأخضر العظيم"}.items():
        setattr(commitment, f"title_{code}", text)
    commitment.save()
    response = client.get(f"/{language}/commitments/report.pdf", {"summit": summit.slug})
    assert response["Content-Type"] == "application/pdf"
    assert title in pdf_text(response).replace("\n", "")


def test_arabic_report_is_rendered(client, summit):
    commitment = PublishedCommitmentFactory(summit=summit, title="Great Green Wall")
    commitment.title_ar = "السور الأخضر"
    commitment.save()
    response = client.get("/ar/commitments/report.pdf", {"summit": summit.slug})
    assert response.content.startswith(b"%PDF") and commitment.reference in pdf_text(response)


def test_report_leaves_out_unpublished(client, summit):
    PublishedCommitmentFactory(summit=summit, title="Visible pledge")
    CommitmentFactory(summit=summit, title="Hidden pledge", review_state=ReviewState.APPROVED)
    text = pdf_text(client.get("/en/commitments/report.pdf", {"summit": summit.slug}))
    assert "Visible pledge" in text and "Hidden pledge" not in text


def test_coalition_report(client, summit):
    from .factories import CoalitionFactory

    coalition = CoalitionFactory(name="High Ambition Coalition")
    PublishedCommitmentFactory(summit=summit, title="In the coalition", coalition=coalition)
    PublishedCommitmentFactory(summit=summit, title="Outside")
    text = pdf_text(client.get("/en/commitments/report.pdf", {"coalition": coalition.slug}))
    assert "High Ambition Coalition" in text and "In the coalition" in text and "Outside" not in text


def test_report_needs_a_summit_coalition_or_theme(client, summit):
    PublishedCommitmentFactory(summit=summit)
    assert client.get("/en/commitments/report.pdf").status_code == 404
