"""The events timeline drawn as inline SVG, fast enough to redraw on every change of a filter.

:func:`timeline_svg` draws what :func:`iran_russia.timeline_charts.timeline_figure` draws (one
lane per domain in the book's colours and shapes, marker size by significance, the turning points
labelled with their year and title, a year axis and a title) as an SVG string, in milliseconds
rather than the few hundred milliseconds matplotlib needs. The live tab of the timeline explorer
shows it in an ``ipywidgets.HTML``.

Labels are placed by :func:`place_labels`, a greedy slot algorithm on estimated text widths:
each label, in time order, takes the first free slot in a band of text lines above or below the
lanes (near its marker first, then further out, then shifted sideways), such that it overlaps no
label and no leader line placed before it. A label that finds no slot is left out, and the
picture says how many were.
"""

from __future__ import annotations

import html
import math
import textwrap
from dataclasses import dataclass
from functools import cache

import pandas as pd

from .style import DOMAIN_STYLE
from .vocabularies import DOMAINS, SIGNIFICANCE

#: Columns of the events the drawing reads.
REQUIRED_COLUMNS = ("date", "title", "domain", "significance", "year", "decimal_year")

FONT = "font-family='DejaVu Sans, Arial, sans-serif'"
LABEL_FONT_SIZE = 10.5
LINE = 14.0  # height of one line of label text (px); a label's box leaves 2 px between lines
LANE = 30.0  # height of one lane (px)
MAX_LINES = 8  # lines of label text in each band, above and below the lanes
WRAP = 26  # characters per line of a label
PAD = 3.0  # padding inside a label's box
GAP = 6.0  # least horizontal space between two labels
PLOT_LEFT = 96.0  # the lanes' names are left of this
MARGIN = 14.0
MAX_SLANT = 70.0  # how far (px) a leader line may slant sideways to its label

#: Radius (px) of a marker by significance: 1 context, 2 important, 3 turning point.
MARKER_RADIUS = {1: 3.5, 2: 5.0, 3: 7.0}


# --- text widths --------------------------------------------------------------------------------


@cache
def _advances(bold: bool = False) -> dict[str, float]:
    """Advance widths (in em) of the printable ASCII characters and a few others in DejaVu Sans,
    the first (and widest) font the SVG asks for, read from the copy matplotlib ships."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    font = FT2Font(font_manager.findfont(f"DejaVu Sans:{'bold' if bold else 'normal'}"))
    font.set_size(100, 72)
    chars = [chr(code) for code in range(32, 127)] + list("–—’‘“”éèáàöüçñ…")
    return {c: font.load_char(ord(c)).linearHoriAdvance / 65536 / 100 for c in chars}


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The estimated width (px) of ``text`` at ``size`` px, a little generous (kerning, hinting)."""
    advances = _advances(bold)
    return 1.04 * size * sum(advances.get(c, 0.65) for c in text)


# --- label placement ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    """A label to place: its text lines, the marker it names (x in px, lane index), its width."""

    key: str
    lines: tuple[str, ...]
    x: float
    lane: int
    width: float


@dataclass(frozen=True)
class Placed:
    """A placed label: its band (``"above"`` or ``"below"`` the lanes), its first line counted
    outward from the lanes, how many lines it takes, its horizontal extent (px) and its anchor
    (the x where its leader line runs through the band to it)."""

    label: Label
    band: str
    line: int
    x0: float
    x1: float
    anchor: float

    @property
    def span(self) -> int:
        return len(self.label.lines)


def _candidates(label: Label, lanes: int, left: float, right: float, max_lines: int):
    """Slots for ``label`` in order of preference: near its marker first, the nearer band first,
    centred on the marker first, then shifted sideways. Each slot has an anchor, where the leader
    line enters the band and meets the label: under the marker, or at most :data:`MAX_SLANT` px
    aside (the leader then slants between the lanes)."""
    half = label.width / 2
    shifts = []
    for share in (0.0, -0.5, 0.5, -1.0, 1.0):
        shifts.append(share * max(half - 6, 0))
    for extra in (0.5, 1.0):
        shifts += [-(half - 6 + extra * MAX_SLANT), half - 6 + extra * MAX_SLANT]
    spots = []
    for shift in shifts:
        centre = min(max(label.x + shift, left + half), right - half)
        anchor = min(max(label.x, centre - half + 4), centre + half - 4)
        spot = (round(centre, 1), round(anchor, 1))
        if abs(anchor - label.x) <= MAX_SLANT and spot not in spots:
            spots.append(spot)
    bands = {"above": label.lane + 0.5, "below": lanes - label.lane - 0.5}  # in lanes
    options = []
    for band, lane_distance in bands.items():
        for line in range(max_lines - len(label.lines) + 1):
            for order, (centre, anchor) in enumerate(spots):
                cost = line * LINE + lane_distance * LANE + order * 0.5 * LINE
                options.append((cost, band, line, centre - half, centre + half, anchor))
    options.sort(key=lambda option: option[0])
    return options


def _leaders_cross(label: Label, anchor: float, other: Placed, band: str, lanes: int) -> bool:
    """Whether the slanting parts of two leader lines of a band (from each marker to where the
    leader enters the band) cross. Heights are in lanes: the band above starts at 0, the band
    below at ``lanes``."""
    edge = 0.0 if band == "above" else float(lanes)
    a, b = (label.x, label.lane + 0.5), (anchor, edge)
    c, d = (other.label.x, other.label.lane + 0.5), (other.anchor, edge)

    def side(p, q, r) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def place_labels(
    labels: list[Label], lanes: int, left: float, right: float, max_lines: int = MAX_LINES
) -> tuple[list[Placed], list[Label]]:
    """Place ``labels`` greedily, in the order given, in bands of ``max_lines`` lines above and
    below ``lanes`` lanes, between ``left`` and ``right`` (px). A label goes to the first slot
    (:func:`_candidates`) where it overlaps no placed label, its leader line (from its marker to
    the band) crosses no placed label or leader, and it covers no placed leader line. Returns the
    placed labels and those left out (no slot was free, or the label is wider than the room)."""
    placed: list[Placed] = []
    omitted: list[Label] = []
    for label in labels:
        if label.width > right - left or len(label.lines) > max_lines:
            omitted.append(label)
            continue
        for _, band, line, x0, x1, anchor in _candidates(label, lanes, left, right, max_lines):
            end = line + len(label.lines)
            free = True
            for other in placed:
                if other.band != band:
                    continue
                other_end = other.line + other.span
                if (
                    x0 < other.x1 + GAP
                    and other.x0 < x1 + GAP
                    and line < other_end
                    and other.line < end
                ):
                    free = False  # the two labels overlap
                elif other.x0 - 2 < anchor < other.x1 + 2 and other.line < line:
                    free = False  # this leader line would cross the other label
                elif x0 - 2 < other.anchor < x1 + 2 and line < other.line:
                    free = False  # this label would cover the other's leader line
                elif _leaders_cross(label, anchor, other, band, lanes):
                    free = False  # the two leader lines would cross between the lanes
                if not free:
                    break
            if free:
                placed.append(Placed(label, band, line, x0, x1, anchor))
                break
        else:
            omitted.append(label)
    return placed, omitted


# --- shapes -------------------------------------------------------------------------------------


def _polygon(points) -> str:
    """A closed path through ``points`` relative to the marker's centre (after an ``M x,y``)."""
    path, (px, py) = "", (0.0, 0.0)
    for i, (x, y) in enumerate(points):
        path += f"{'m' if i == 0 else 'l'}{x - px:.2f},{y - py:.2f}"
        px, py = x, y
    return path + "z"


@cache
def marker_path(marker: str, radius: float) -> str:
    """The relative path of a marker shape of matplotlib's names (``o ^ v s D P X``) of about
    ``radius`` px, to follow an absolute ``M x,y`` at the marker's centre."""
    r = radius
    if marker == "o":
        return (
            f"m{-r:.2f},0a{r:.2f},{r:.2f} 0 1,0 {2 * r:.2f},0a{r:.2f},{r:.2f} 0 1,0 {-2 * r:.2f},0z"
        )
    if marker == "^":
        return _polygon([(0, -1.2 * r), (1.1 * r, 0.7 * r), (-1.1 * r, 0.7 * r)])
    if marker == "v":
        return _polygon([(0, 1.2 * r), (1.1 * r, -0.7 * r), (-1.1 * r, -0.7 * r)])
    if marker == "s":
        s = 0.85 * r
        return _polygon([(-s, -s), (s, -s), (s, s), (-s, s)])
    if marker == "D":
        d = 1.15 * r
        return _polygon([(0, -d), (d, 0), (0, d), (-d, 0)])
    if marker in ("P", "X"):
        a, t = 1.05 * r, 0.38 * r  # arm length, half thickness
        plus = [(-t, -a), (t, -a), (t, -t), (a, -t), (a, t), (t, t), (t, a), (-t, a), (-t, t),
                (-a, t), (-a, -t), (-t, -t)]  # fmt: skip
        if marker == "X":
            c = math.sqrt(0.5)
            plus = [(c * (x - y), c * (x + y)) for x, y in plus]
        return _polygon(plus)
    raise ValueError(f"unknown marker shape {marker!r}; the shapes are o ^ v s D P X")


# --- the picture --------------------------------------------------------------------------------


def _check(events: pd.DataFrame, label_significance: int, width: float) -> None:
    if not isinstance(events, pd.DataFrame):
        raise ValueError(f"the events must be a pandas DataFrame, not {type(events).__name__}")
    missing = [c for c in REQUIRED_COLUMNS if c not in events.columns]
    if missing:
        raise ValueError(f"the events lack the column(s) {', '.join(missing)}")
    unknown = sorted(set(events["domain"]) - set(DOMAINS))
    if unknown:
        raise ValueError(
            f"unknown domain {', '.join(map(repr, unknown))}; the domains are: {', '.join(DOMAINS)}"
        )
    levels = set(events["significance"].dropna().astype(int))
    if events["significance"].isna().any() or not levels <= set(SIGNIFICANCE):
        raise ValueError("every event needs a significance of 1, 2 or 3")
    if isinstance(label_significance, bool) or label_significance not in (1, 2, 3, 4):
        raise ValueError(
            f"label_significance must be 1, 2 or 3 (4: no labels), not {label_significance!r}"
        )
    if not 480 <= width <= 4000:
        raise ValueError(f"the width must be between 480 and 4000 px, not {width!r}")


def _year_ticks(low: float, high: float) -> list[int]:
    """Whole years from ``low`` to ``high`` at a round step, at most about ten of them."""
    span = max(high - low, 1)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200) if span / s <= 10)
    return list(range(math.ceil(low / step) * step, math.floor(high) + 1, step))


def describe(events: pd.DataFrame, omitted: int = 0) -> str:
    """A text alternative for the picture: what it shows, lane by lane, and its turning points."""
    lanes = [d for d in DOMAINS if d in set(events["domain"])]
    counts = events["domain"].value_counts()
    text = (
        f"Timeline of {len(events)} event{'s' if len(events) != 1 else ''} from "
        f"{events['year'].min()} to {events['year'].max()}, one lane per domain: "
        + ", ".join(f"{d} {counts[d]}" for d in lanes)
        + "."
    )
    turning = events[events["significance"] == 3]
    if not turning.empty:
        text += " Turning points: " + "; ".join(
            f"{row.year} {row.title}" for row in turning.itertuples()
        )
        text += "."
    if omitted:
        text += f" {omitted} of the labels are left out of the picture for lack of room."
    return text


def _open(width: float, height: float, label: str) -> list[str]:
    label = html.escape(label)
    return [
        f"<svg xmlns='http://www.w3.org/2000/svg' role='img' width='100%' "
        f"viewBox='0 0 {width:.0f} {height:.0f}' aria-label='{label}' "
        f"style='background:white;max-width:{width:.0f}px;height:auto'>",
        f"<title>{label}</title>",
    ]


def empty_svg(title: str, message: str = "No events match these filters.", width: float = 900):
    """A small picture saying that there is nothing to draw."""
    parts = _open(width, 80, f"{title}: {message}")
    parts += [
        f"<text x='{MARGIN}' y='22' {FONT} font-size='15' font-weight='bold'>"
        f"{html.escape(title)}</text>",
        f"<text class='empty' x='{width / 2:.0f}' y='56' {FONT} font-size='13' fill='#444444' "
        f"text-anchor='middle'>{html.escape(message)}</text>",
        "</svg>",
    ]
    return "".join(parts)


def timeline_svg(
    events: pd.DataFrame,
    title: str | None = None,
    label_significance: int = 3,
    width: float = 900,
) -> str:
    """The events on a time axis as an inline SVG string: one lane per domain present (colour and
    shape of :data:`~iran_russia.style.DOMAIN_STYLE`), marker size by significance, the events of
    ``label_significance`` or more labelled with year and title (greedily, without overlap;
    labels that find no room are left out and counted in a note), a year axis, a title and a
    text alternative (``role='img'``, ``aria-label`` and ``<title>``). Each marker carries its
    event's date and title as a tooltip. No events: a picture that says so. Bad input (missing
    columns, unknown domain, bad ``label_significance`` or ``width``) raises a ``ValueError``."""
    _check(events, label_significance, width)
    if events.empty:
        return empty_svg(title or "Events of the Iran–Russia relationship", width=width)
    years = events["year"]
    title = title or f"Events of the Iran–Russia relationship, {years.min()}–{years.max()}"
    present = set(events["domain"])
    # Lanes from the top: the book's order of domains upwards, as in timeline_figure.
    lanes = [d for d in reversed(DOMAINS) if d in present]
    lane_of = {d: i for i, d in enumerate(lanes)}

    # The x scale: the events' span (a year at least), padded on both sides.
    dates = events["decimal_year"].astype(float)
    low, high = float(dates.min()), float(dates.max())
    if high - low < 1:
        low, high = math.floor(low), math.floor(low) + 1
    pad = 0.03 * (high - low)
    low, high = low - pad, high + pad
    right = width - MARGIN
    scale = (right - PLOT_LEFT - 10) / (high - low)

    def x_of(year: float) -> float:
        return PLOT_LEFT + 5 + (year - low) * scale

    # Labels, in time order.
    labelled = events[events["significance"] >= label_significance].sort_values("decimal_year")
    labels = []
    for row in labelled.itertuples():
        lines = tuple(textwrap.wrap(f"{row.year} {row.title}", WRAP))
        size = max(text_width(line, LABEL_FONT_SIZE) for line in lines) + 2 * PAD
        labels.append(
            Label(str(row.Index), lines, x_of(row.decimal_year), lane_of[row.domain], size)
        )
    placed, omitted = place_labels(labels, len(lanes), MARGIN, right)
    used = {"above": 0, "below": 0}
    for item in placed:
        used[item.band] = max(used[item.band], item.line + item.span)

    # Vertical layout: title and key, band above, lanes, band below, axis, note.
    lanes_top = 58 + (used["above"] * LINE + 8 if used["above"] else 0)
    lanes_bottom = lanes_top + len(lanes) * LANE
    axis_y = lanes_bottom + (used["below"] * LINE + 8 if used["below"] else 0) + 4
    height = axis_y + 44 + (18 if omitted else 0)

    def lane_y(lane: int) -> float:
        return lanes_top + (lane + 0.5) * LANE

    description = describe(events, len(omitted))
    parts = _open(width, height, f"{title}. {description}")
    parts.append(
        f"<text x='{MARGIN}' y='22' {FONT} font-size='15' font-weight='bold'>"
        f"{html.escape(title)}</text>"
    )
    # The key: marker size by significance.
    key_x = MARGIN
    parts.append(
        f"<text x='{key_x}' y='44' {FONT} font-size='11' fill='#444444'>Significance:</text>"
    )
    key_x += text_width("Significance:", 11) + 10
    for level, name in SIGNIFICANCE.items():
        radius = MARKER_RADIUS[level]
        parts.append(
            f"<path d='M{key_x + radius:.1f},40{marker_path('o', radius)}' fill='#555555'/>"
            f"<text x='{key_x + 2 * radius + 4:.1f}' y='44' {FONT} font-size='11' "
            f"fill='#444444'>{html.escape(name)}</text>"
        )
        key_x += 2 * radius + 4 + text_width(name, 11) + 14

    # Lanes: a rule and the domain's name.
    for lane, domain in enumerate(lanes):
        y = lane_y(lane)
        parts.append(
            f"<g class='lane' data-domain='{domain}'>"
            f"<line x1='{PLOT_LEFT}' y1='{y:.1f}' x2='{right:.1f}' y2='{y:.1f}' stroke='#d9d9d9'/>"
            f"<text x='{PLOT_LEFT - 8}' y='{y + 4:.1f}' {FONT} font-size='12' "
            f"text-anchor='end'>{domain.capitalize()}</text></g>"
        )

    # Leader lines, under the markers.
    boxes = []
    for item in placed:
        label = item.label
        box_height = item.span * LINE - 2
        if item.band == "above":
            edge, y1 = lanes_top - 2, lanes_top - 4 - item.line * LINE
            top = y1 - box_height
        else:
            edge, y1 = lanes_bottom + 2, lanes_bottom + 4 + item.line * LINE
            top = y1
        parts.append(
            f"<polyline class='leader' points='{label.x:.1f},{lane_y(label.lane):.1f} "
            f"{item.anchor:.1f},{edge:.1f} {item.anchor:.1f},{y1:.1f}' fill='none' "
            "stroke='#888888' stroke-width='0.8'/>"
        )
        boxes.append((item, top, box_height))

    # Markers, by domain, with a tooltip each.
    for row in events.itertuples():
        style = DOMAIN_STYLE[row.domain]
        level = int(row.significance)
        path = marker_path(style["marker"], MARKER_RADIUS[level])
        tip = f"{row.date}: {row.title} ({row.domain}, {SIGNIFICANCE[level]})"
        parts.append(
            f"<path class='marker' data-domain='{row.domain}' "
            f"d='M{x_of(row.decimal_year):.1f},{lane_y(lane_of[row.domain]):.1f}{path}' "
            f"fill='{style['color']}' stroke='white' stroke-width='0.8'>"
            f"<title>{html.escape(tip)}</title></path>"
        )

    # Labels, on top.
    for item, top, box_height in boxes:
        text = "".join(
            f"<tspan x='{item.x0 + PAD:.1f}' y='{top + (i + 1) * LINE - 4.5:.1f}'>"
            f"{html.escape(line)}</tspan>"
            for i, line in enumerate(item.label.lines)
        )
        parts.append(
            f"<g class='label'><rect class='label-box' x='{item.x0:.1f}' y='{top:.1f}' "
            f"width='{item.x1 - item.x0:.1f}' height='{box_height:.1f}' fill='white' "
            f"fill-opacity='0.92' stroke='#bbbbbb' stroke-width='0.6' rx='2'/>"
            f"<text {FONT} font-size='{LABEL_FONT_SIZE}' fill='#222222'>{text}</text></g>"
        )

    # The year axis.
    parts.append(
        f"<line x1='{PLOT_LEFT}' y1='{axis_y:.1f}' x2='{right:.1f}' y2='{axis_y:.1f}' "
        "stroke='#333333'/>"
    )
    for year in _year_ticks(low, high):
        x = x_of(year)
        parts.append(
            f"<g class='tick'><line x1='{x:.1f}' y1='{axis_y:.1f}' x2='{x:.1f}' "
            f"y2='{axis_y + 5:.1f}' stroke='#333333'/><text x='{x:.1f}' y='{axis_y + 18:.1f}' "
            f"{FONT} font-size='11' text-anchor='middle'>{year}</text></g>"
        )
    parts.append(
        f"<text x='{(PLOT_LEFT + right) / 2:.1f}' y='{axis_y + 36:.1f}' {FONT} font-size='12' "
        "text-anchor='middle'>Year</text>"
    )
    if omitted:
        many = len(omitted) != 1
        parts.append(
            f"<text class='omitted-note' x='{MARGIN}' y='{axis_y + 56:.1f}' {FONT} "
            f"font-size='11' font-style='italic' fill='#444444'>{len(omitted)} of "
            f"{len(labels)} labels left out for lack of room (the list names every event; "
            f"narrow the years to see {'them' if many else 'it'}).</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
