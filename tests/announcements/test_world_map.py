"""The world map of the registry and the dashboard: server-rendered SVG from the packaged Natural
Earth shapes, coloured by count or amount, with the same data as a table, in the reader's language."""

import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from announcements import geo

from .factories import PublishedCommitmentFactory

pytestmark = pytest.mark.django_db


def test_the_shapes_are_read_from_the_project_and_name_the_countries():
    shapes = geo.shapes()
    assert {"FR", "SN", "BR", "CN", "RU", "US", "FJ"} <= set(shapes)
    assert "AQ" not in shapes  # outside the drawn part of the world
    assert all(re.fullmatch(r"(M-?\d+,-?\d+(L-?\d+,-?\d+)+Z)+", path) for path in shapes.values())
    x, y, width, height = geo.view_box()
    assert (x, width) == (0, 1000) and 0 < y and 400 < height < 500


def test_france_lies_west_of_china_and_north_of_senegal():
    def centre(code):
        numbers = [int(n) for n in re.findall(r"-?\d+", geo.shapes()[code])]
        xs, ys = numbers[0::2], numbers[1::2]
        return sum(xs) / len(xs), sum(ys) / len(ys)

    (fx, fy), (cx, _cy), (_sx, sy) = centre("FR"), centre("CN"), centre("SN")
    assert fx < cx and fy < sy


def test_classes_split_values_into_five_steps():
    assert geo.classes([]) == []
    assert geo.classes([3, 1, 1]) == [1, 3]
    assert geo.classes(range(1, 11)) == [2, 4, 6, 8, 10]


def map_of(html, figure_id):
    soup = BeautifulSoup(html, "html.parser")
    return soup.find("figcaption", id=f"{figure_id}-caption").find_parent("figure")


def test_the_registry_map_colours_countries_by_count_and_tables_the_same_data(client, summit):
    PublishedCommitmentFactory(summit=summit, countries=["SN", "ML"])
    PublishedCommitmentFactory(summit=summit, countries=["SN"])
    figure = map_of(client.get("/fr/commitments/").content.decode(), "registry-map")
    titles = {p.title.text: p["fill"] for p in figure.select("svg path") if p.title}
    assert titles["Sénégal : 2"] == geo.COLOURS[-1] and titles["Mali : 1"] != geo.EMPTY
    assert titles["Mali : 1"] != titles["Sénégal : 2"]
    rows = [(tr.th.get_text(strip=True), tr.td.get_text(strip=True)) for tr in figure.select("tbody tr")]
    assert rows == [("Sénégal", "2"), ("Mali", "1")]


def test_the_dashboard_maps_amounts_shared_between_the_countries_named(client, summit):
    PublishedCommitmentFactory(summit=summit, countries=["SN", "ML"], amount=Decimal("3000000"), currency="USD")
    PublishedCommitmentFactory(summit=summit, countries=["SN"], amount=Decimal("1000000"), currency="USD")
    html = client.get(f"/en/commitments/dashboard/{summit.slug}/").content.decode()
    rows = [(tr.th.get_text(strip=True), tr.td.get_text(strip=True)) for tr in map_of(html, "map-amount").select("tbody tr")]
    assert rows == [("Senegal", "US$2,500,000"), ("Mali", "US$1,500,000")]
    counts = [(tr.th.get_text(strip=True), tr.td.get_text(strip=True)) for tr in map_of(html, "map-count").select("tbody tr")]
    assert counts == [("Senegal", "2"), ("Mali", "1")]


def test_the_map_table_uses_the_readers_digits_and_names(client, summit):
    PublishedCommitmentFactory(summit=summit, countries=["CN"], amount=Decimal("14300000000"), currency="USD")
    html = client.get(f"/zh-hans/commitments/dashboard/{summit.slug}/").content.decode()
    rows = [(tr.th.get_text(strip=True), tr.td.get_text(strip=True)) for tr in map_of(html, "map-amount").select("tbody tr")]
    assert rows == [("中国", "US$14,300,000,000")]


def test_an_empty_registry_says_so_instead_of_drawing(client, summit):
    figure = map_of(client.get("/en/commitments/").content.decode(), "registry-map")
    assert figure.find("svg") is None and "No country" in figure.get_text()
