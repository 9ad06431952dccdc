"""The registry's world map: a server-rendered SVG choropleth, with the same data as a table.

The shapes are Natural Earth's 1:110m countries (public domain) as packaged by world-atlas
(``announcements/geodata/``, ISC licence), read from disk once per process: nothing is fetched at
run time. They are projected with the Equal Earth projection (areas stay comparable, which is what a
map of "how many commitments where" needs) into a 1000-unit-wide view box.

``world_map(values, ...)`` returns what ``announcements/includes/world_map.html`` draws: one path
per country coloured by its value in five classes, a legend, and the rows of the accessible table
(country names in the reader's language, sorted by value then by the language's collation).
"""

import json
import math
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext as _
from django_countries import countries

from core import formatting

DATA = Path(__file__).resolve().parent / "geodata" / "countries-110m.json"
WIDTH = 1000
# Equal Earth constants (Šavrič, Patterson and Jenny, 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_MAX = 2.7206990  # the projection's x at longitude 180°, latitude 0
Y_MAX = 1.3173627  # its y at latitude 90°
HEIGHT = round(WIDTH * Y_MAX / X_MAX)
# Sequential greens, light to dark, each with enough contrast against the next and with the land colour.
COLOURS = ["#d8efd9", "#a5d6a7", "#66bb6a", "#2e7d32", "#124d1a"]
EMPTY = "#e6e8eb"


def project(longitude, latitude):
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return (x + X_MAX) / (2 * X_MAX) * WIDTH, (Y_MAX - y) / (2 * Y_MAX) * HEIGHT


def _arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append(project(x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    # Drop points that fall on the same spot at this scale: the path stays small.
    kept = []
    for x, y in points:
        point = (round(x), round(y))
        if not kept or abs(point[0] - kept[-1][0]) + abs(point[1] - kept[-1][1]) >= 2:
            kept.append(point)
    if len(kept) < 3:
        return ""
    return "M" + "L".join(f"{x},{y}" for x, y in kept) + "Z"


@lru_cache(maxsize=1)
def shapes():
    """{ISO 3166 alpha-2 code: SVG path}, plus unnamed shapes (disputed areas) under their own keys."""
    topology = json.loads(DATA.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    result = {}
    for number, geometry in enumerate(topology["objects"]["countries"]["geometries"]):
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(geometry["type"], [])
        path = "".join(_ring(arcs, ring) for polygon in polygons for ring in polygon)
        if not path or geometry.get("id") == "010":  # Antarctica: outside the view box
            continue
        code = countries.alpha2(int(geometry["id"])) if geometry.get("id", "").isdigit() else ""
        result[code or f"_{number}"] = path
    return result


def view_box():
    """The part of the projection worth drawing: latitudes 84° N to 58° S (no Antarctica)."""
    top, bottom = project(0, 84)[1], project(0, -58)[1]
    return 0, round(top), WIDTH, round(bottom - top)


def classes(values, count=len(COLOURS)):
    """Upper bounds of ``count`` classes of the positive values (quantiles of the distinct values)."""
    distinct = sorted({v for v in values if v > 0})
    if not distinct:
        return []
    if len(distinct) <= count:
        return distinct
    return [distinct[min(len(distinct) - 1, math.ceil(len(distinct) * (i + 1) / count) - 1)] for i in range(count)]


MARKER = "#8e3b8f"  # purple: distinct from the greens of the countries, 4.5:1 against the land and the sea
MAX_POINTS = 500  # markers drawn on one map; the table says when more were left out


def coordinates(latitude, longitude):
    """“14.69° N, 17.44° W” in the active language (degrees formatted from CLDR)."""
    lat, lon = float(latitude), float(longitude)
    lat_text = (_("%(degrees)s° N") if lat >= 0 else _("%(degrees)s° S")) % {
        "degrees": formatting.number(abs(latitude))}
    lon_text = (_("%(degrees)s° E") if lon >= 0 else _("%(degrees)s° W")) % {
        "degrees": formatting.number(abs(longitude))}
    return _("%(latitude)s, %(longitude)s") % {"latitude": lat_text, "longitude": lon_text}


def markers(points):
    """Point markers for ``points`` (dicts with latitude, longitude, label, place and url), projected like
    the countries, in the order given; at most MAX_POINTS."""
    laid = []
    for point in list(points)[:MAX_POINTS]:
        x, y = project(float(point["longitude"]), float(point["latitude"]))
        where = coordinates(point["latitude"], point["longitude"])
        laid.append({**point, "x": round(x, 1), "y": round(y, 1), "where": where,
                     "title": f"{point['label']} ({point['place']}, {where})" if point.get("place")
                     else f"{point['label']} ({where})"})
    return laid


def world_map(values, *, unit="count", currency="USD", caption="", points=()):
    """What the template draws for ``values`` ({alpha-2 code: number}): paths, legend and table rows,
    and point markers for ``points`` (see :func:`markers`), listed in a second table."""
    values = {code: value for code, value in values.items() if value}
    bounds = classes(values.values())
    palette = COLOURS[-len(bounds):] if bounds else []

    def colour(value):
        for bound, fill in zip(bounds, palette):
            if value <= bound:
                return fill
        return palette[-1] if palette else EMPTY

    def shown(value):
        return formatting.money(value, currency) if unit == "amount" else formatting.number(value)

    names = dict(countries)
    paths = []
    for code, path in shapes().items():
        value = values.get(code, 0)
        name = names.get(code, "")
        paths.append({"code": code, "d": path, "fill": colour(value) if value else EMPTY,
                      "title": _("%(country)s: %(value)s") % {"country": name, "value": shown(value)}
                      if name and value else name})
    legend, low = [], None
    for bound, fill in zip(bounds, palette):
        label = shown(bound) if low is None or low == bound else f"{shown(low)} – {shown(bound)}"
        legend.append({"fill": fill, "label": label})
        low = bound + (1 if unit == "count" else 0)
    rows = sorted(((names.get(code, code), value) for code, value in values.items()),
                  key=lambda row: (-row[1], formatting.sort_key(row[0])))
    x, y, width, height = view_box()
    return {
        "view_box": f"{x} {y} {width} {height}", "x": x, "y": y, "width": width, "height": height, "paths": paths, "legend": legend, "caption": caption,
        "rows": [{"country": name, "value": shown(value)} for name, value in rows],
        "unit": unit, "empty": not values and not points, "markers": markers(points), "marker_colour": MARKER,
        "markers_left_out": max(0, len(points) - MAX_POINTS),
    }
