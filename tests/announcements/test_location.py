"""Optional coordinates, area and place name of a commitment: checked in services (both coordinates or
neither, in range), entered in the public form and imports, shown on the detail page, drawn as markers on
the world map with the same points in its table, and in every export."""

import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from announcements import geo, services
from announcements.models import Commitment

from .factories import PublishedCommitmentFactory
from .test_submission import form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("latitude, longitude, fields", [
    (None, None, set()),
    (Decimal("14.69"), Decimal("-17.44"), set()),
    (Decimal("90"), Decimal("-180"), set()),
    (Decimal("90.01"), Decimal("0"), {"latitude"}),
    (Decimal("0"), Decimal("180.5"), {"longitude"}),
    (Decimal("14.69"), None, {"longitude"}),
    (None, Decimal("-17.44"), {"latitude"}),
])
def test_location_rule(latitude, longitude, fields):
    assert set(services.location_errors(latitude, longitude)) == fields


def test_a_commitment_with_one_coordinate_is_refused(summit):
    commitment = PublishedCommitmentFactory.build(summit=summit, latitude=Decimal("10"))
    commitment.lead_organisation.save()
    commitment.lead_organisation_id = commitment.lead_organisation.pk
    with pytest.raises(ValidationError) as error:
        commitment.full_clean()
    assert "longitude" in error.value.message_dict


def test_submission_form_saves_the_place(client, summit):
    response = client.post("/fr/commitments/submit/", form_data(
        summit, latitude="-13.16", longitude="-72.54", area_hectares="10000", place_name="Cusco, Pérou"))
    commitment = Commitment.objects.get()
    assert response.status_code == 302
    assert (commitment.latitude, commitment.longitude, commitment.area_hectares) == (
        Decimal("-13.16"), Decimal("-72.54"), Decimal("10000"))
    assert (commitment.place_name_fr, commitment.place_name_en) == ("Cusco, Pérou", "Cusco, Pérou")


def test_submission_form_asks_for_the_missing_coordinate_in_the_visitors_language(client, summit):
    response = client.post("/fr/commitments/submit/", form_data(summit, latitude="-13.16"))
    assert response.status_code == 200 and not Commitment.objects.exists()
    assert response.context["form"].errors["longitude"] == ["Indiquez aussi la longitude, ou aucune coordonnée."]


def test_submission_form_refuses_an_out_of_range_latitude(client, summit):
    response = client.post("/en/commitments/submit/", form_data(summit, latitude="95", longitude="10"))
    assert response.context["form"].errors["latitude"] == ["The latitude must be between -90 and 90 degrees."]


def test_detail_page_shows_place_coordinates_and_area(client, summit):
    commitment = PublishedCommitmentFactory(summit=summit, latitude=Decimal("15.35"), longitude=Decimal("-13.5"),
                                            area_hectares=Decimal("250000"), place_name_en="Ferlo, Senegal",
                                            place_name_fr="Ferlo, Sénégal")
    page = BeautifulSoup(client.get(f"/fr/commitments/{commitment.reference}/").content, "html.parser")
    assert page.find(id="place").td.get_text(" ", strip=True) == "Ferlo, Sénégal · 15,35° N, 13,5° O"
    assert page.find(id="area").td.get_text(strip=True) == "250\u202f000 hectares"


def test_detail_page_without_a_place_has_no_place_row(client, summit):
    commitment = PublishedCommitmentFactory(summit=summit)
    page = BeautifulSoup(client.get(f"/en/commitments/{commitment.reference}/").content, "html.parser")
    assert page.find(id="place") is None and page.find(id="area") is None


def test_registry_map_draws_a_marker_where_the_projection_puts_the_point(client, summit):
    placed = PublishedCommitmentFactory(summit=summit, title_en="Ferlo restoration", latitude=Decimal("15.35"),
                                        longitude=Decimal("-13.5"), place_name_en="Ferlo")
    PublishedCommitmentFactory(summit=summit, title_en="No place")
    page = BeautifulSoup(client.get("/en/commitments/").content, "html.parser")
    circles = page.select("#registry-map-caption ~ svg circle, figure.world-map svg circle")
    assert [c["data-reference"] for c in circles] == [placed.reference]
    x, y = geo.project(-13.5, 15.35)
    assert (float(circles[0]["cx"]), float(circles[0]["cy"])) == (round(x, 1), round(y, 1))
    rows = page.select("#registry-map-points tbody tr")
    assert [[cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in rows] == [
        ["Ferlo restoration", "Ferlo", "15.35° N, 13.5° W"]]


def test_map_markers_follow_the_filters(client, summit):
    PublishedCommitmentFactory(summit=summit, kind="financial", latitude=Decimal("1"), longitude=Decimal("2"))
    other = PublishedCommitmentFactory(summit=summit, kind="policy", latitude=Decimal("3"), longitude=Decimal("4"))
    page = BeautifulSoup(client.get("/en/commitments/", {"kind": "policy"}).content, "html.parser")
    assert [c["data-reference"] for c in page.select("figure.world-map svg circle")] == [other.reference]


def test_exports_and_api_carry_the_location(client, summit):
    commitment = PublishedCommitmentFactory(summit=summit, latitude=Decimal("-13.16"), longitude=Decimal("-72.54"),
                                            area_hectares=Decimal("12.5"), place_name_en="Cusco")
    rows = json.loads(client.get("/en/commitments/export.json").content)
    assert [(r["latitude"], r["longitude"], r["area_hectares"], r["place_name"]) for r in rows] == [
        ("-13.16000", "-72.54000", "12.50", "Cusco")]
    csv_text = client.get("/en/commitments/export.csv").content.decode("utf-8-sig")
    header, line = csv_text.splitlines()[:2]
    columns = dict(zip(header.split(","), line.split(",")))
    assert (columns["latitude"], columns["longitude"]) == ("-13.16000", "-72.54000")
    api = client.get(f"/api/v1/commitments/{commitment.reference}/").json()
    assert api["location"]["latitude"] == "-13.16000" and api["location"]["place_name"]["en"] == "Cusco"


def test_import_refuses_half_a_point_with_the_row_number(summit):
    from announcements.resources import CommitmentResource
    from tablib import Dataset
    from tests.summits.factories import OrganisationFactory

    OrganisationFactory(name="Lead")
    data = Dataset(headers=["summit", "title_en", "lead_organisation", "kind", "latitude", "longitude"])
    data.append([summit.slug, "Good", "Lead", "policy", "10.5", "20.25"])
    data.append([summit.slug, "Half", "Lead", "policy", "10.5", ""])
    result = CommitmentResource().import_data(data, dry_run=True)
    assert result.has_validation_errors()
    assert [row.number for row in result.invalid_rows] == [2]
    assert "longitude" in result.invalid_rows[0].error_dict


def test_a_new_place_is_a_new_version_and_no_place_changes_nothing(summit):
    commitment = PublishedCommitmentFactory(summit=summit)
    first = services.record_version(commitment)
    assert services.record_version(commitment) is None  # nothing changed, no place: no new version
    commitment.latitude, commitment.longitude = Decimal("1.5"), Decimal("2.5")
    commitment.save()
    version = services.record_version(commitment)
    assert (version.number, [(c["field"], c["new"]) for c in version.changes]) == (
        first.number + 1, [("latitude", "1.50000"), ("longitude", "2.50000")])
    commitment.latitude = commitment.longitude = None
    commitment.save()
    removed = services.record_version(commitment)
    assert [(c["field"], c["old"], c["new"]) for c in removed.changes] == [
        ("latitude", "1.50000", ""), ("longitude", "2.50000", "")]
