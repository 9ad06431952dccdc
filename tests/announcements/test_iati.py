"""The IATI 2.03 activity file: valid against the official schema shipped in the repository, with a known
commitment's fields where IATI expects them, and only published commitments in it."""

import datetime as dt
from decimal import Decimal

import pytest
from lxml import etree

from announcements.choices import ActivityStatus, CommitmentKind, PartnerRole, ReportState, ReviewState
from announcements.iati import ACTIVITY_SCHEMA
from announcements.models import CommitmentPartner
from tests.summits.factories import OrganisationFactory

from .factories import CommitmentFactory, DeliverableFactory, ProgressReportFactory, PublishedCommitmentFactory

pytestmark = pytest.mark.django_db

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(ACTIVITY_SCHEMA)))


@pytest.fixture
def known(summit):
    lead = OrganisationFactory(name="Government of Senegal", kind="government", country="SN")
    commitment = PublishedCommitmentFactory(
        summit=summit, kind=CommitmentKind.FINANCIAL, status=ActivityStatus.IMPLEMENTATION,
        title_en="Restore 500,000 hectares of the Sahel", title_fr="Restaurer 500 000 hectares du Sahel",
        summary_en="Land restoration across the Sahel.", lead_organisation=lead,
        amount=Decimal("2500000.00"), currency="EUR", announced_on=dt.date(2021, 1, 11),
        start_date=dt.date(2021, 2, 1), end_date=dt.date(2025, 12, 31),
        latitude=Decimal("15.35"), longitude=Decimal("-13.5"), area_hectares=Decimal("500000"),
        place_name_en="Ferlo, Senegal", place_name_fr="Ferlo, Sénégal",
    )
    commitment.countries = ["SN", "ML", "NE"]
    commitment.save()
    CommitmentPartner.objects.create(commitment=commitment, role=PartnerRole.FUNDING,
                                     organisation=OrganisationFactory(name="World Bank", kind="finance"))
    CommitmentPartner.objects.create(commitment=commitment, role=PartnerRole.IMPLEMENTING,
                                     organisation=OrganisationFactory(name="Sahel NGO", kind="ngo"))
    DeliverableFactory(commitment=commitment, title="Hectares under restoration", unit="hectares",
                       baseline=Decimal("1000"), target=Decimal("500000"), due_date=dt.date(2025, 12, 31))
    DeliverableFactory(commitment=commitment, title="Secretariat set up", unit="", due_date=dt.date(2021, 6, 30))
    for end, disbursed, state in ((dt.date(2022, 1, 31), Decimal("400000"), ReportState.PUBLISHED),
                                  (dt.date(2023, 1, 31), Decimal("1000000"), ReportState.PUBLISHED),
                                  (dt.date(2024, 1, 31), Decimal("2000000"), ReportState.SUBMITTED)):
        ProgressReportFactory(commitment=commitment, period_start=end - dt.timedelta(days=365), period_end=end,
                              disbursed=disbursed, state=state)
    return commitment


def _get(client, **params):
    response = client.get("/en/commitments/iati-activities.xml", params)
    return response, etree.fromstring(response.content) if response.status_code == 200 else None


def _activity(root, commitment):
    return root.xpath("iati-activity[other-identifier/@ref=$ref]", ref=commitment.reference)[0]


def test_export_validates_against_the_official_2_03_schema(client, schema, known, summit):
    PublishedCommitmentFactory(summit=summit, title="Bare commitment", summary="")  # no amount, dates or partners
    response, root = _get(client)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    assert schema.validate(root), schema.error_log
    assert root.get("version") == "2.03" and len(root) == 2


def test_known_commitment_fields(client, known):
    _response, root = _get(client)
    activity = _activity(root, known)
    assert activity.findtext("iati-identifier") == f"XI-PLENARY-{known.reference}"
    assert activity.find("reporting-org").attrib == {"ref": "XI-PLENARY", "type": "90"}
    titles = {n.get(XML_LANG): n.text for n in activity.findall("title/narrative")}
    assert titles == {"en": "Restore 500,000 hectares of the Sahel", "fr": "Restaurer 500 000 hectares du Sahel"}
    orgs = [(o.get("role"), o.get("type"), o.findtext("narrative")) for o in activity.findall("participating-org")]
    assert orgs == [("2", "10", "Government of Senegal"), ("1", "40", "World Bank"), ("4", "21", "Sahel NGO")]
    assert activity.find("activity-status").get("code") == "2"
    assert [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")] == [
        ("2", "2021-02-01"), ("3", "2025-12-31")]
    assert [(c.get("code"), c.get("percentage")) for c in activity.findall("recipient-country")] == [
        ("ML", "33.33"), ("NE", "33.33"), ("SN", "33.34")]
    budget = activity.find("budget")
    assert (budget.find("period-start").get("iso-date"), budget.find("period-end").get("iso-date"),
            budget.findtext("value"), budget.find("value").get("currency")) == (
        "2021-02-01", "2025-12-31", "2500000.00", "EUR")
    transactions = [(t.find("transaction-type").get("code"), t.find("transaction-date").get("iso-date"),
                     t.findtext("value")) for t in activity.findall("transaction")]
    # the pledge, then what each published report added to the cumulative disbursement (not the submitted one)
    assert transactions == [("12", "2021-01-11", "2500000.00"), ("3", "2022-01-31", "400000.00"),
                            ("3", "2023-01-31", "600000.00")]
    results = activity.findall("result")
    assert len(results) == 1  # only the deliverable with an indicator
    indicator = results[0].find("indicator")
    assert indicator.findtext("title/narrative") == "Hectares under restoration (hectares)"
    assert indicator.find("baseline").attrib == {"year": "2021", "iso-date": "2021-02-01", "value": "1000.00"}
    assert indicator.find("period/target").get("value") == "500000.00"


def test_only_published_commitments(client, summit, known):
    hidden = [CommitmentFactory(summit=summit, review_state=state, title=f"Hidden {state}")
              for state in (ReviewState.SUBMITTED, ReviewState.APPROVED, ReviewState.CHANGES_REQUESTED,
                            ReviewState.REJECTED)]
    response, root = _get(client)
    body = response.content.decode()
    assert len(root) == 1 and _activity(root, known) is not None
    for commitment in hidden:
        assert commitment.reference not in body and commitment.title not in body
    assert known.contact_email not in body  # personal data never leaves


def test_filters_apply_and_an_empty_selection_is_a_clear_404(client, known):
    response, _root = _get(client, summit="no-such-summit")
    assert response.status_code == 404
    assert "No published commitment matches these filters." in response.content.decode()
    response, root = _get(client, summit=known.summit.slug)
    assert len(root) == 1


def test_query_count_does_not_grow(client, summit, django_assert_max_num_queries, known):
    for _ in range(5):
        other = PublishedCommitmentFactory(summit=summit, amount=Decimal("10"), currency="USD")
        other.countries = ["FR"]
        other.save()
        DeliverableFactory(commitment=other, unit="people", target=Decimal("5"))
    with django_assert_max_num_queries(12):
        response, root = _get(client)
    assert len(root) == 6


def test_linked_from_open_data_and_api(client, known):
    assert "/commitments/iati-activities.xml" in client.get("/en/commitments/").content.decode()
    description = client.get("/api/v1/openapi.json").json()["info"]["description"]
    assert "/commitments/iati-activities.xml" in description


def test_file_is_kept_until_the_registry_changes(client, summit, known):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first, root = _get(client)
    with CaptureQueriesContext(connection) as queries:
        again, _root = _get(client)
    assert again.content == first.content and len(queries) <= 2  # the registry stamp, no rebuild
    newer = PublishedCommitmentFactory(summit=summit, title="Published afterwards")
    _response, root = _get(client)
    assert len(root) == 2 and _activity(root, newer) is not None


def test_known_commitment_location(client, schema, known):
    _response, root = _get(client)
    assert schema.validate(root), schema.error_log
    location = _activity(root, known).find("location")
    point = location.find("point")
    assert point.get("srsName") == "http://www.opengis.net/def/crs/EPSG/0/4326"
    assert point.findtext("pos") == "15.35 -13.5"  # latitude first, as GML's EPSG:4326 axis order says
    assert {n.get(XML_LANG): n.text for n in location.findall("name/narrative")} == {
        "en": "Ferlo, Senegal", "fr": "Ferlo, Sénégal"}
    assert location.findtext("description/narrative") == "Area covered: 500000.00 hectares"
    # after the recipient countries and before the sectors, where the schema's sequence wants it
    tags = [child.tag for child in _activity(root, known)]
    assert tags.index("recipient-country") < tags.index("location") < tags.index("document-link")


def test_commitment_without_location_has_no_location_element(client, summit):
    bare = PublishedCommitmentFactory(summit=summit, title="Nowhere in particular")
    _response, root = _get(client)
    assert _activity(root, bare).find("location") is None
