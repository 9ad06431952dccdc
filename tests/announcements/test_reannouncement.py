"""Re-announcements across summits: flagged for the reviewer, linked both ways in public, and never
counted twice in totals (dashboard, by target, IATI)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from lxml import etree

from announcements import queries, services
from announcements.models import FrameworkTarget
from tests.summits.factories import OrganisationFactory, SummitFactory, organiser

from .factories import CommitmentFactory, PublishedCommitmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(summit):
    later_summit = SummitFactory(title="Second Summit", status="announced")
    lead = OrganisationFactory(name="Blue Fund")
    first = PublishedCommitmentFactory(summit=summit, lead_organisation=lead, title_en="Protect 1 million hectares of mangroves",
                                       amount=Decimal("500"), currency="USD", announced_on=dt.date(2030, 1, 10),
                                       countries=["SN"])
    again = PublishedCommitmentFactory(summit=later_summit, lead_organisation=lead,
                                       title_en="Protect one million hectares of mangroves", amount=Decimal("500"),
                                       currency="USD", announced_on=dt.date(2031, 6, 1), countries=["SN"])
    return first, again, later_summit


def test_candidates_are_earlier_published_commitments_of_other_summits(summit, pair):
    first, again, later_summit = pair
    same_summit = PublishedCommitmentFactory(summit=later_summit, lead_organisation=first.lead_organisation,
                                             title_en=first.title_en, announced_on=dt.date(2031, 1, 1))
    draft = CommitmentFactory(summit=summit, lead_organisation=first.lead_organisation, title_en=first.title_en,
                              announced_on=dt.date(2029, 1, 1))
    assert services.reannouncement_candidates(again) == [first]
    assert services.reannouncement_candidates(first) == []  # the later one is not a candidate for the first
    assert same_summit not in services.reannouncement_candidates(again) and draft.pk


def test_marked_reannouncement_is_linked_and_not_double_counted(client, summit, pair):
    first, again, later_summit = pair
    reviewer = organiser(summits=[later_summit])
    target = FrameworkTarget.objects.get(code="GBF-T3")
    services.set_alignment(first, target)
    services.set_alignment(again, target)
    services.mark_reannouncement(again, first, reviewer)
    again.refresh_from_db()
    assert (again.reannouncement_of, again.is_new_money) == (first, False)

    figures = queries.dashboard_figures(later_summit)
    assert (figures["totals"]["count"], figures["totals"]["pledged"], figures["totals"]["reannounced"],
            figures["totals"]["reannounced_usd"]) == (1, 0, 1, Decimal("500.00"))
    assert [(r["target"].code, r["count"], r["pledged"]) for r in figures["by_target"]] == [("GBF-T3", 1, 0)]
    assert queries.dashboard_figures(summit)["totals"]["pledged"] == Decimal("500.00")
    both = queries.public().filter(pk__in=[first.pk, again.pk])
    assert sum(queries.country_amounts(both).values()) == Decimal("500.00")  # the map counts it once too

    page = client.get(again.get_absolute_url()).content.decode()
    assert f'<a href="{first.get_absolute_url()}">{first.reference}' in page and "counted once" in page
    original = client.get(first.get_absolute_url()).content.decode()
    assert f'<a href="{again.get_absolute_url()}">Second Summit ({again.reference})</a>' in original
    assert client.get(f"/api/v1/commitments/{again.reference}/").json()["reannouncement_of"] == first.reference

    root = etree.fromstring(client.get("/en/commitments/iati-activities.xml").content)
    pledges = root.xpath("iati-activity/transaction[transaction-type/@code='12']/value/text()")
    assert pledges == ["500.00"]  # one pledge for the two announcements


def test_only_the_later_summits_reviewers_mark_it(summit, pair):
    first, again, _later = pair
    with pytest.raises(PermissionDenied):
        services.mark_reannouncement(again, first, organiser(summits=[summit]))  # a reviewer of the first summit only
    with pytest.raises(ValidationError):
        services.mark_reannouncement(first, again, organiser(summits=[summit]))  # the first cannot repeat a later one
    again.refresh_from_db()
    assert again.reannouncement_of is None


def test_reviewer_marks_it_from_the_review_page(client, pair):
    first, again, later_summit = pair
    reviewer = organiser(summits=[later_summit])
    client.force_login(reviewer)
    page = client.get(f"/admin/commitments/review/{again.pk}/").content.decode()
    assert 'id="reannouncement-candidates"' in page and first.reference in page
    client.post(f"/admin/commitments/review/{again.pk}/", {"action": "reannouncement", "original": first.pk})
    again.refresh_from_db()
    assert again.reannouncement_of == first
    client.post(f"/admin/commitments/review/{again.pk}/", {"action": "not_reannouncement"})
    again.refresh_from_db()
    assert again.reannouncement_of is None


# --- Beyond the same lead: an organisation in common, or a near-identical title -----------------------------

@pytest.fixture
def later_summit():
    return SummitFactory(title="Later Summit", status="announced")


def _later(later_summit, **kwargs):
    kwargs.setdefault("announced_on", dt.date(2031, 6, 1))
    return PublishedCommitmentFactory(summit=later_summit, **kwargs)


def test_titles_are_compared_on_normalised_words():
    assert services.title_similarity("Protéger 30 % des MERS", "proteger 30 des mers!") == 1.0
    assert services.title_similarity("Restore the Sahel", "Fund Pacific reefs") == 0.0
    assert services.title_similarity("保护红树林", "保护红树林") == 1.0
    assert services.title_similarity("", "anything") == 0.0


def test_a_partner_of_the_first_leading_it_again_is_a_candidate(summit, later_summit):
    from announcements.models import CommitmentPartner

    bank = OrganisationFactory(name="Green Bank")
    first = PublishedCommitmentFactory(summit=summit, title_en="Blue carbon fund for West African mangroves",
                                       announced_on=dt.date(2030, 1, 10))
    CommitmentPartner.objects.create(commitment=first, organisation=bank, role="funding")
    again = _later(later_summit, lead_organisation=bank, title_en="Blue carbon fund for mangroves of West Africa")
    unrelated = PublishedCommitmentFactory(summit=summit, title_en="Blue carbon fund for mangroves in West Africa too",
                                           announced_on=dt.date(2030, 1, 10))
    candidates = services.reannouncement_candidates(again)
    assert first in candidates and unrelated not in candidates  # unrelated: other orgs, title not near-identical
    assert first.pk in [c.pk for c in candidates]
    reasons = next(c for c in candidates if c.pk == first.pk).reannouncement_reasons
    assert reasons == ["An organisation in common (lead or partner)"]


def test_an_organisation_in_common_is_not_enough_without_a_like_title_or_amount(summit, later_summit):
    from announcements.models import CommitmentPartner

    bank = OrganisationFactory(name="Green Bank")
    first = PublishedCommitmentFactory(summit=summit, title_en="Coral reef insurance in the Pacific",
                                       announced_on=dt.date(2030, 1, 10), amount=Decimal("10"), currency="USD")
    CommitmentPartner.objects.create(commitment=first, organisation=bank, role="funding")
    again = _later(later_summit, lead_organisation=bank, title_en="Sahel land restoration", amount=Decimal("99"),
                   currency="USD")
    assert services.reannouncement_candidates(again) == []


def test_a_near_identical_title_is_a_candidate_whoever_leads(summit, later_summit):
    first = PublishedCommitmentFactory(summit=summit, announced_on=dt.date(2030, 1, 10),
                                       title_en="Restore 100 million hectares of degraded land in the Sahel")
    again = _later(later_summit, title_en="Restore 100 million hectares of degraded land in the Sahel!",
                   title_fr="Restaurer 100 millions d’hectares")
    later = _later(later_summit, title_en="Restore 100 million hectares of degraded land in the Sahel",
                   announced_on=dt.date(2032, 1, 1))
    candidates = services.reannouncement_candidates(again)
    assert candidates == [first] and later not in candidates
    assert candidates[0].reannouncement_reasons == ["Near-identical title (100% of the words in common)"]


def test_review_page_shows_why_and_confirming_links_without_double_counting(client, summit, later_summit):
    first = PublishedCommitmentFactory(summit=summit, announced_on=dt.date(2030, 1, 10), amount=Decimal("700"),
                                       currency="USD", title_en="Mangrove restoration fund for Senegal")
    again = _later(later_summit, title_en="Mangrove restoration fund for Senegal", amount=Decimal("700"),
                   currency="USD")
    reviewer = organiser(summits=[later_summit])
    client.force_login(reviewer)
    page = client.get(f"/admin/commitments/review/{again.pk}/").content.decode()
    assert f'data-reference="{first.reference}"' in page and "Near-identical title" in page
    client.post(f"/admin/commitments/review/{again.pk}/", {"action": "reannouncement", "original": first.pk})
    again.refresh_from_db()
    assert again.reannouncement_of == first
    assert queries.dashboard_figures(later_summit)["totals"]["pledged"] == 0
    assert queries.money_by_year(later_summit) == []


def test_an_outsider_cannot_link_a_title_candidate(client, summit, later_summit):
    first = PublishedCommitmentFactory(summit=summit, announced_on=dt.date(2030, 1, 10),
                                       title_en="Mangrove restoration fund for Senegal")
    again = _later(later_summit, title_en="Mangrove restoration fund for Senegal")
    client.force_login(organiser(summits=[summit]))  # a reviewer of the other summit only
    response = client.post(f"/admin/commitments/review/{again.pk}/", {"action": "reannouncement",
                                                                      "original": first.pk})
    again.refresh_from_db()
    assert response.status_code in (302, 403, 404) and again.reannouncement_of is None
