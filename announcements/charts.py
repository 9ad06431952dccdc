"""A small line chart per indicator (baseline, values reported over time, target), laid out here and drawn
as inline SVG by ``templates/announcements/_indicator_chart.html`` beside a table of the same figures."""

WIDTH, HEIGHT, PAD = 320, 120, 10


def indicator_chart(deliverable, start, rtl=False):
    """Layout of the chart of one deliverable's indicator, or None when there is nothing to draw.

    ``start`` is the commitment's start (where the baseline sits); values come from published reports
    (``deliverable.public_values``). In right-to-left languages time runs from right to left.
    """
    points = []
    if deliverable.baseline is not None:
        points.append((start, float(deliverable.baseline), "baseline"))
    for update in getattr(deliverable, "public_values", []):
        points.append((update.report.period_end, float(update.value), "value"))
    if not points or (len(points) == 1 and deliverable.target is None):
        return None
    dates = [p[0] for p in points] + ([deliverable.due_date] if deliverable.due_date else [])
    first, last = min(dates), max(dates)
    span = max((last - first).days, 1)
    top = max([p[1] for p in points] + ([float(deliverable.target)] if deliverable.target is not None else []))
    bottom = min(0.0, *[p[1] for p in points])
    height = max(top - bottom, 1e-9)

    def x(day):
        share = (day - first).days / span
        return round(PAD + (1 - share if rtl else share) * (WIDTH - 2 * PAD), 1)

    def y(value):
        return round(HEIGHT - PAD - (value - bottom) / height * (HEIGHT - 2 * PAD), 1)

    laid = [{"x": x(day), "y": y(value), "date": day, "value": value, "kind": kind} for day, value, kind in points]
    return {
        "width": WIDTH, "height": HEIGHT, "points": laid,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in laid),
        "target_y": y(float(deliverable.target)) if deliverable.target is not None else None,
        "x_from": PAD, "x_to": WIDTH - PAD,
    }
