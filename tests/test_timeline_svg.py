import re
from xml.etree import ElementTree

import pytest

from iran_russia import timeline_svg
from iran_russia.style import DOMAIN_STYLE
from iran_russia.timeline_charts import select_period
from iran_russia.vocabularies import DOMAINS

SVG = {"svg": "http://www.w3.org/2000/svg"}


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # also checks that the SVG is well-formed


def label_boxes(root) -> list[tuple[float, float, float, float]]:
    return [
        (float(r.get("x")), float(r.get("y")), float(r.get("width")), float(r.get("height")))
        for r in root.findall(".//svg:rect[@class='label-box']", SVG)
    ]


def overlap(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


@pytest.mark.parametrize(("start", "end"), [(None, None), (2014, None), (None, 1991), (1941, 1946)])
def test_one_lane_per_domain_present_and_a_marker_per_event(events, start, end):
    shown = select_period(events, start, end)
    root = parse(timeline_svg.timeline_svg(shown))
    lanes = [g.get("data-domain") for g in root.findall(".//svg:g[@class='lane']", SVG)]
    assert sorted(lanes) == sorted(set(shown["domain"]))
    assert lanes == [d for d in reversed(DOMAINS) if d in lanes]  # timeline_figure's order
    markers = root.findall(".//svg:path[@class='marker']", SVG)
    assert len(markers) == len(shown)
    for domain in lanes:
        drawn = [m for m in markers if m.get("data-domain") == domain]
        assert len(drawn) == int((shown["domain"] == domain).sum())
        assert {m.get("fill") for m in drawn} == {DOMAIN_STYLE[domain]["color"]}


def test_markers_grow_with_significance_and_have_a_tooltip(events):
    shown = events[events["domain"] == "diplomacy"]
    root = parse(timeline_svg.timeline_svg(shown))
    markers = root.findall(".//svg:path[@class='marker']", SVG)
    radius = {level: timeline_svg.MARKER_RADIUS[level] for level in (1, 2, 3)}
    assert radius[1] < radius[2] < radius[3]
    for marker, row in zip(markers, shown.itertuples(), strict=True):
        assert f"{radius[int(row.significance)]:.2f}" in marker.get("d")  # circle of that radius
        assert marker.find("svg:title", SVG).text.startswith(f"{row.date}: {row.title}")


def test_each_domain_has_its_own_shape():
    shapes = {timeline_svg.marker_path(DOMAIN_STYLE[d]["marker"], 5.0) for d in DOMAINS}
    assert len(shapes) == len(DOMAINS)


@pytest.mark.parametrize(("start", "end"), [(None, None), (1979, None), (2014, None), (None, 1991)])
def test_labels_never_overlap_and_the_left_out_ones_are_counted(events, start, end):
    shown = select_period(events, start, end)
    root = parse(timeline_svg.timeline_svg(shown))
    boxes = label_boxes(root)
    assert not any(overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    width = float(root.get("viewBox").split()[2])
    assert all(x >= 0 and x + w <= width for x, _, w, _ in boxes)
    turning = int((shown["significance"] == 3).sum())
    note = root.find(".//svg:text[@class='omitted-note']", SVG)
    if len(boxes) < turning:
        assert note is not None and note.text.startswith(f"{turning - len(boxes)} of {turning} ")
    else:
        assert note is None
    assert len(root.findall(".//svg:polyline[@class='leader']", SVG)) == len(boxes)


def test_a_quiet_period_labels_every_turning_point(events):
    shown = select_period(events, None, 1930)
    root = parse(timeline_svg.timeline_svg(shown))
    texts = ["".join(t.itertext()) for t in root.findall(".//svg:g[@class='label']", SVG)]
    turning = shown[shown["significance"] == 3]
    assert len(texts) == len(turning)
    for text, row in zip(texts, turning.sort_values("decimal_year").itertuples(), strict=True):
        assert text.replace(" ", "") == f"{row.year} {row.title}".replace(" ", "")


def test_greedy_placement_leaves_out_what_cannot_fit():
    same_spot = [timeline_svg.Label(str(i), ("a label",), 300.0, 0, 200.0) for i in range(6)]
    placed, omitted = timeline_svg.place_labels(same_spot, lanes=1, left=0, right=600, max_lines=2)
    assert len(placed) + len(omitted) == 6 and omitted
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            if a.band == b.band and a.line == b.line:
                assert a.x1 + timeline_svg.GAP <= b.x0 or b.x1 + timeline_svg.GAP <= a.x0
    too_wide = timeline_svg.Label("w", ("x",), 50.0, 0, 700.0)
    assert timeline_svg.place_labels([too_wide], 1, 0, 600) == ([], [too_wide])


def test_year_axis_has_round_ticks_within_the_events(events):
    shown = select_period(events, 2014, None)
    root = parse(timeline_svg.timeline_svg(shown))
    ticks = [int("".join(g.itertext())) for g in root.findall(".//svg:g[@class='tick']", SVG)]
    assert len(ticks) >= 4 and ticks == sorted(ticks)
    assert len({b - a for a, b in zip(ticks, ticks[1:], strict=False)}) == 1
    assert ticks[0] >= 2013 and ticks[-1] <= 2026


def test_title_and_text_alternative(events):
    shown = select_period(events, None, 1991)
    svg = timeline_svg.timeline_svg(shown, title="Before 1992")
    root = parse(svg)
    assert svg.startswith("<svg") and root.get("role") == "img"
    label = root.get("aria-label")
    assert label == root.find("svg:title", SVG).text
    assert label.startswith("Before 1992. Timeline of ") and f"{len(shown)} events" in label
    assert "Treaty of Turkmenchay" in label


def test_text_is_escaped(events):
    shown = events.head(3).copy()
    shown.loc[shown.index[0], "title"] = "A <b> & 'quoted' title"
    svg = timeline_svg.timeline_svg(shown, title="Tom & Jerry's <timeline>")
    root = parse(svg)
    assert root.find("svg:title", SVG).text.startswith("Tom & Jerry's <timeline>")


def test_an_empty_selection_says_so(events):
    svg = timeline_svg.timeline_svg(events.iloc[:0], title="Nothing")
    root = parse(svg)
    assert root.get("role") == "img" and "No events match" in root.get("aria-label")
    assert root.findall(".//svg:path[@class='marker']", SVG) == []
    assert "No events match these filters." in svg


def test_text_width_estimates_are_generous():
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    for text in ("2015 JCPOA concluded in", "Wide WWW MMM", "iiii llll"):
        real, _, _ = TextToPath().get_text_width_height_descent(
            text, FontProperties(family="DejaVu Sans", size=10.5), ismath=False
        )
        assert real <= timeline_svg.text_width(text, 10.5) <= 1.1 * real


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda e: e.drop(columns="decimal_year"), "lack the column(s) decimal_year"),
        (lambda e: e.assign(domain="sport"), "unknown domain 'sport'"),
        (lambda e: e.assign(significance=5), "significance of 1, 2 or 3"),
        (lambda e: [1, 2], "must be a pandas DataFrame"),
    ],
)
def test_bad_events_raise_a_value_error(events, change, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        timeline_svg.timeline_svg(change(events))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"label_significance": 0}, "label_significance must be 1, 2 or 3"),
        ({"label_significance": True}, "label_significance must be 1, 2 or 3"),
        ({"width": 100}, "the width must be between 480 and 4000"),
    ],
)
def test_bad_options_raise_a_value_error(events, options, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        timeline_svg.timeline_svg(events, **options)


def test_no_labels_when_asked(events):
    root = parse(timeline_svg.timeline_svg(events, label_significance=4))
    assert label_boxes(root) == [] and root.find(".//svg:text[@class='omitted-note']", SVG) is None
