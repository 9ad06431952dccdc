"""What visitors read: only published commitments, everywhere; facets; the detail page."""

import json

import pytest
from django.utils import translation

from announcements.choices import CommitmentKind, ReviewState
from tests.summits.factories import OrganisationFactory, ThemeFactory

from .factories import CommitmentFactory, PublishedCommitmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(summit):
    published = PublishedCommitmentFactory(summit=summit, title="Published wetlands pledge")
    hidden = CommitmentFactory(summit=summit, title="Secret wetlands pledge", review_state=ReviewState.APPROVED)
    return published, hidden


def refs(items):
    return sorted(item["reference"] for item in items)


def test_list_shows_only_published(client, pair):
    response = client.get("/en/commitments/")
    assert [c.reference for c in response.context["page_obj"].object_list] == [pair[0].reference]


def test_search_never_finds_unpublished(client, pair):
    response = client.get("/en/commitments/", {"q": "Secret"})
    assert response.context["page_obj"].paginator.count == 0


def test_search_finds_by_title_words(client, pair):
    response = client.get("/en/commitments/", {"q": "wetlands"})
    assert [c.reference for c in response.context["page_obj"].object_list] == [pair[0].reference]


def test_search_matches_every_word_in_any_order_and_language(client, pair):
    commitment = pair[0]
    commitment.title_fr = "Engagement publié pour les zones humides"
    commitment.save()
    found = client.get("/en/commitments/", {"q": "pledge WETLANDS"}).context["page_obj"].object_list
    assert [c.reference for c in found] == [commitment.reference]
    found = client.get("/en/commitments/", {"q": "zones humides"}).context["page_obj"].object_list
    assert [c.reference for c in found] == [commitment.reference]
    assert list(client.get("/en/commitments/", {"q": "wetlands forests"}).context["page_obj"].object_list) == []


def test_detail_of_unpublished_is_404(client, pair):
    assert client.get(f"/en/commitments/{pair[1].reference}/").status_code == 404


def test_detail_has_json_ld(client, pair):
    response = client.get(f"/en/commitments/{pair[0].reference}/")
    content = response.content.decode()
    start = content.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    data = json.loads(content[start:content.index("</script>", start)])
    assert (data["@type"], data["identifier"], data["name"]) == ("Project", pair[0].reference, pair[0].title)


def test_feeds_only_published(client, pair):
    for url in ("/en/commitments/feed/rss/", "/en/commitments/feed/atom/"):
        body = client.get(url).content.decode()
        assert pair[0].reference in body and pair[1].reference not in body


def test_api_list_only_published(client, pair):
    data = client.get("/api/v1/commitments/").json()
    assert (data["count"], refs(data["results"])) == (1, [pair[0].reference])


def test_api_detail_of_unpublished_is_404(client, pair):
    assert client.get(f"/api/v1/commitments/{pair[1].reference}/").status_code == 404


def test_exports_only_published(client, pair):
    for fmt in ("csv", "json"):
        body = client.get(f"/en/commitments/export.{fmt}").content.decode("utf-8-sig")
        assert pair[0].reference in body and pair[1].reference not in body


def test_organisation_page_without_published_commitment_is_404(client, pair):
    assert client.get(f"/en/commitments/organisations/{pair[1].lead_organisation_id}/").status_code == 404


def test_facet_counts_apply_the_other_filters(client, summit):
    ngo = OrganisationFactory(kind="ngo")
    bank = OrganisationFactory(kind="finance")
    PublishedCommitmentFactory(summit=summit, kind=CommitmentKind.FINANCIAL, lead_organisation=bank)
    PublishedCommitmentFactory(summit=summit, kind=CommitmentKind.FINANCIAL, lead_organisation=ngo)
    PublishedCommitmentFactory(summit=summit, kind=CommitmentKind.POLICY, lead_organisation=ngo)
    response = client.get("/en/commitments/", {"kind": "financial"})
    facets = {name: {value: count for value, _l, count, _s in options} for name, _t, options in response.context["facets"]}
    assert facets["kind"] == {"financial": 2, "policy": 1}
    assert facets["org_kind"] == {"finance": 1, "ngo": 1}
    assert response.context["page_obj"].paginator.count == 2


def test_theme_and_country_filters(client, summit):
    theme = ThemeFactory(summit=summit)
    match = PublishedCommitmentFactory(summit=summit, countries=["SN", "ML"])
    match.themes.add(theme)
    PublishedCommitmentFactory(summit=summit, countries=["SN"])
    response = client.get("/en/commitments/", {"theme": theme.pk, "country": "ml"})
    assert [c.pk for c in response.context["page_obj"].object_list] == [match.pk]


def test_list_in_french_shows_french_title(client, summit):
    commitment = PublishedCommitmentFactory(summit=summit, title="Great Green Wall")
    commitment.title_fr = "Grande Muraille verte"
    commitment.save()
    body = client.get("/fr/commitments/").content.decode()
    assert "Grande Muraille verte" in body and "Great Green Wall" not in body


def test_arabic_page_is_rtl(client, pair):
    body = client.get(f"/ar/commitments/{pair[0].reference}/").content.decode()
    assert 'dir="rtl"' in body


def test_coalition_page_lists_its_published_commitments(client, summit, pair):
    from .factories import CoalitionFactory

    coalition = CoalitionFactory()
    for commitment in pair:
        commitment.coalition = coalition
        commitment.save()
    response = client.get(f"/en/commitments/coalitions/{coalition.slug}/")
    assert [c.pk for c in response.context["page_obj"].object_list] == [pair[0].pk]


def test_version_history_shows_what_changed(client, summit, reviewer):
    from announcements import services

    commitment = CommitmentFactory(summit=summit, review_state=ReviewState.APPROVED, title="Old title")
    services.review(commitment, "publish", reviewer)
    commitment.refresh_from_db()
    commitment.title_en = "New title"
    commitment.save()
    version = services.record_version(commitment, reviewer)
    assert (version.number, version.changes) == (2, [{"field": "title_en", "old": "Old title", "new": "New title"}])
    body = client.get(f"/en/commitments/{commitment.reference}/").content.decode()
    assert "<del>Old title</del>" in body and "<ins>New title</ins>" in body


def test_unchanged_save_keeps_no_new_version(summit, reviewer):
    from announcements import services

    commitment = CommitmentFactory(summit=summit, review_state=ReviewState.APPROVED)
    services.review(commitment, "publish", reviewer)
    assert services.record_version(commitment, reviewer) is None


def test_translation_of_title_in_all_languages_via_api(client, summit):
    commitment = PublishedCommitmentFactory(summit=summit, title="Pledge")
    for code, text in {"fr": "Engagement", "es": "Compromiso", "ar": "تعهد", "zh_hans": "承诺", "ru": "Обязательство"}.items():
        setattr(commitment, f"title_{code}", text)
    commitment.save()
    data = client.get(f"/api/v1/commitments/{commitment.reference}/").json()
    assert data["title"] == {"en": "Pledge", "fr": "Engagement", "es": "Compromiso", "ar": "تعهد",
                             "zh-hans": "承诺", "ru": "Обязательство"}
    translation.activate("en")


def test_openapi_describes_the_list(client):
    data = client.get("/api/v1/openapi.json").json()
    assert data["openapi"].startswith("3.") and "/api/v1/commitments/" in data["paths"]


def test_api_paginates(client, summit):
    PublishedCommitmentFactory.create_batch(3, summit=summit)
    data = client.get("/api/v1/commitments/", {"page_size": 2, "page": 2}).json()
    assert (data["count"], data["pages"], len(data["results"]), data["next"]) == (3, 2, 1, None)


def test_feed_in_french_has_french_titles(client, summit):
    commitment = PublishedCommitmentFactory(summit=summit, title="Great Green Wall")
    commitment.title_fr = "Grande Muraille verte"
    commitment.save()
    body = client.get("/fr/commitments/feed/atom/").content.decode()
    assert "Grande Muraille verte" in body and "Nouveaux engagements" in body


def test_arabic_history_arrow_points_the_reading_way(client, summit, reviewer):
    from announcements import services

    commitment = CommitmentFactory(summit=summit, review_state=ReviewState.APPROVED, title="Old")
    services.review(commitment, "publish", reviewer)
    commitment.refresh_from_db()
    commitment.title_en = "New"
    commitment.save()
    services.record_version(commitment, reviewer)
    body = client.get(f"/ar/commitments/{commitment.reference}/").content.decode()
    assert "<del>Old</del> ← <ins>New</ins>" in body


def test_the_public_history_is_written_in_words_in_the_readers_language(client, summit, reviewer):
    import datetime as dt

    from announcements import services

    commitment = CommitmentFactory(summit=summit, review_state=ReviewState.APPROVED, status="pipeline",
                                   end_date=dt.date(2030, 12, 31), countries=["SN"])
    services.review(commitment, "publish", reviewer)
    commitment.refresh_from_db()
    commitment.status = "implementation"
    commitment.end_date = dt.date(2031, 6, 30)
    commitment.countries = ["SN", "ML"]
    commitment.save()
    services.record_version(commitment, reviewer)
    body = client.get(f"/fr/commitments/{commitment.reference}/").content.decode()
    assert "pipeline" not in body and "implementation" not in body and "2031-06-30" not in body
    assert "<del>En préparation / identification</del>" in body and "<ins>Mise en œuvre</ins>" in body
    assert "<ins>30 juin 2031</ins>" in body
    assert "<ins>Mali et Sénégal</ins>" in body or "<ins>Sénégal et Mali</ins>" in body


def test_feeds_say_their_language_and_mark_english_fallbacks(client, summit):
    """Issue #11: the Arabic feed is marked Arabic; an entry still in English is marked English."""
    import xml.etree.ElementTree as ET

    translated = PublishedCommitmentFactory(summit=summit, title="Great Green Wall")
    translated.title_ar = "السور الأخضر العظيم"
    translated.save()
    PublishedCommitmentFactory(summit=summit, title="Mangrove alliance")

    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    atom = ET.fromstring(client.get("/ar/commitments/feed/atom/").content)
    assert atom.get(xml_lang) == "ar"
    entries = {e.findtext("{http://www.w3.org/2005/Atom}title").split(" — ")[0]: e.get(xml_lang)
               for e in atom.iter("{http://www.w3.org/2005/Atom}entry")}
    assert entries == {"السور الأخضر العظيم": None, "Mangrove alliance": "en"}

    rss = ET.fromstring(client.get("/ar/commitments/feed/rss/").content)
    assert rss.findtext("channel/language") == "ar"
    items = {i.findtext("title").split(" — ")[0]: i.findtext("{http://purl.org/dc/elements/1.1/}language")
             for i in rss.iter("item")}
    assert items == {"السور الأخضر العظيم": None, "Mangrove alliance": "en"}
