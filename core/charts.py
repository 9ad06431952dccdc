"""Server-rendered SVG charts for the admin dashboards: the layout is computed here, the markup is
in ``core/templates/core/charts/``. Every chart is drawn beside a table holding the same figures
(the table is what screen readers and exports use); in right-to-left languages bars grow from the
right and time runs from right to left.

- :func:`bars`: horizontal bars, one label line then one bar per series, the value at the bar's end.
- :func:`fill_bars`: "x of y" bars (booked seats against capacity, places held against the quota).
- :func:`columns`: a column per point (registrations per day, check-ins per hour).
"""

from __future__ import annotations

from django.utils import translation

WIDTH = 640
PALETTE = ("#1b6e3a", "#2d5e8a", "#b07400", "#8e3b8f", "#00796b", "#b00020", "#5d4037", "#455a64")
TRACK = "#e3e8e4"


def _rtl(rtl):
    return translation.get_language_bidi() if rtl is None else rtl


def _num(value) -> float:
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0


def bars(rows, series, *, rtl=None, width=WIDTH):
    """Lay out ``rows`` (dicts with a ``label`` and a number per series key) as horizontal bars.

    ``series``: [(key, colour)]; a colour of ``None`` takes the row's own ``colour`` or the palette.
    """
    rtl = _rtl(rtl)
    value_room = 70
    bar_max = width - 20 - value_room
    largest = max([_num(r.get(key)) for r in rows for key, _c in series] + [0])
    y = 0
    laid = []
    for index, row in enumerate(rows):
        label_y = y + 15
        y += 21
        row_bars = []
        for key, colour in series:
            value = _num(row.get(key))
            length = round(bar_max * value / largest, 1) if largest else 0
            x = width - 10 - length if rtl else 10
            text_x = (x - 6) if rtl else (x + length + 6)
            row_bars.append({
                "x": x, "y": y, "width": length, "value": row.get(key) or 0, "text_x": text_x, "text_y": y + 12,
                "colour": colour or row.get("colour") or PALETTE[index % len(PALETTE)],
            })
            y += 18
        y += 8
        laid.append({**row, "label_y": label_y, "bars": row_bars})
    return {"kind": "bars", "rows": laid, "height": max(y, 24), "width": width, "rtl": rtl,
            "label_x": width - 10 if rtl else 10, "anchor": "end" if rtl else "start"}


def fill_bars(rows, value_key, total_key, *, rtl=None, width=WIDTH, colour=PALETTE[0], over_colour="#b00020"):
    """Each row's ``value_key`` drawn over a track standing for its ``total_key`` (None: no limit)."""
    rtl = _rtl(rtl)
    value_room = 110
    bar_max = width - 20 - value_room
    y = 0
    laid = []
    for row in rows:
        label_y = y + 15
        y += 21
        value, total = _num(row.get(value_key)), row.get(total_key)
        if total:
            share = min(1.0, value / _num(total))
        else:
            share = 1.0 if value else 0.0
        length = round(bar_max * share, 1)
        track_x = 10 if not rtl else width - 10 - bar_max
        x = width - 10 - length if rtl else 10
        text_x = (width - 10 - bar_max - 6) if rtl else (10 + bar_max + 6)
        full = bool(total) and value >= _num(total)
        laid.append({**row, "label_y": label_y, "y": y, "x": x, "bar_width": length, "track_x": track_x,
                     "track_width": bar_max if total else 0, "text_x": text_x, "text_y": y + 12,
                     "colour": over_colour if full else colour, "full": full,
                     "value": row.get(value_key) or 0, "total": total})
        y += 26
    return {"kind": "fill", "rows": laid, "height": max(y, 24), "width": width, "rtl": rtl,
            "label_x": width - 10 if rtl else 10, "anchor": "end" if rtl else "start", "track": TRACK}


def columns(points, *, rtl=None, width=WIDTH, height=180, colour=PALETTE[1], max_labels=12):
    """``points``: [(label, value)] in time order; a column each, some labels under the axis."""
    rtl = _rtl(rtl)
    top, bottom, side = 18, 26, 10
    plot_h = height - top - bottom
    count = len(points)
    slot = (width - 2 * side) / count if count else 0
    largest = max([_num(v) for _l, v in points] + [0])
    step = max(1, -(-count // max_labels)) if count else 1
    laid = []
    for index, (label, value) in enumerate(points):
        position = count - 1 - index if rtl else index
        h = round(plot_h * _num(value) / largest, 1) if largest else 0
        x = round(side + position * slot + slot * 0.15, 1)
        laid.append({
            "label": label, "value": value, "x": x, "width": round(slot * 0.7, 1), "y": round(top + plot_h - h, 1),
            "height": h, "show_label": index % step == 0 or index == count - 1,
            "label_x": round(x + slot * 0.35, 1), "value_y": round(top + plot_h - h - 4, 1),
        })
    return {"kind": "columns", "points": laid, "height": height, "width": width, "rtl": rtl, "colour": colour,
            "axis_y": top + plot_h, "label_y": top + plot_h + 16, "largest": largest,
            "show_values": count <= 24, "side": side}
