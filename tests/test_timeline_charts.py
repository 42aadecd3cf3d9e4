import pytest
from matplotlib.text import Text

from iran_russia import tables, timeline_charts
from iran_russia.vocabularies import DOMAINS


def test_select_period_is_inclusive(events):
    period = timeline_charts.select_period(events, 1900, 1950)
    assert period["year"].between(1900, 1950).all()
    assert len(period) == int(events["year"].between(1900, 1950).sum())


def test_select_period_rejects_a_reversed_range(events):
    with pytest.raises(ValueError, match="starts in 1950, after it ends in 1900"):
        timeline_charts.select_period(events, 1950, 1900)


def test_timeline_has_one_lane_per_domain_present_and_labels_turning_points(events):
    period = timeline_charts.select_period(events, 1800, 1991)
    fig = timeline_charts.timeline_figure(events, 1800, 1991)
    ax = fig.axes[0]
    lanes = [label.get_text().lower() for label in ax.get_yticklabels()]
    assert sorted(lanes) == sorted(set(period["domain"]))
    assert len(ax.texts) == int((period["significance"] == 3).sum())
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(period)


def test_labels_that_fit_nowhere_are_left_out_and_counted(events):
    fig = timeline_charts.timeline_figure(events)  # every turning point: too many for the room
    ax = fig.axes[0]
    turning = int((events["significance"] == 3).sum())
    omitted = turning - len(ax.texts)
    assert 0 < omitted < turning
    assert [t.get_text() for t in fig.texts] == [f"{omitted} labels omitted; see the table"]
    renderer = fig.canvas.get_renderer()
    area = ax.get_window_extent(renderer)
    boxes = [Text.get_window_extent(text, renderer) for text in ax.texts]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert all(area.y0 <= box.y0 and box.y1 <= area.y1 for box in boxes)
    legend = ax.get_legend().get_window_extent(renderer)
    assert not any(box.overlaps(legend) for box in boxes)


def test_labels_that_fit_need_no_note(events):
    fig = timeline_charts.timeline_figure(events, 1800, 1991)
    assert len(fig.texts) == 0


def test_timeline_of_an_empty_period_says_so(events):
    with pytest.raises(ValueError, match="no events to draw"):
        timeline_charts.timeline_figure(events, 1500, 1600)


def test_era_domain_counts_add_up(events, eras):
    counts = timeline_charts.era_domain_counts(events, eras)
    assert counts["Total"].sum() == len(events)
    assert list(counts.columns[:-1].str.lower()) == sorted(
        counts.columns[:-1].str.lower(), key=list(counts.columns[:-1].str.lower()).index
    )
    assert len(counts) == len(eras)


def test_era_domain_figure_has_a_bar_per_era_and_domain(events, eras):
    fig = timeline_charts.era_domain_figure(events, eras)
    bars = fig.axes[0].patches
    eras_with_events = events["era"].nunique()
    assert len(bars) == eras_with_events * len(DOMAINS)


def test_key_events_table_lists_only_turning_points_of_the_period(events):
    table = tables.key_events_table(events, 1800, 1991)
    expected = events[(events["year"] <= 1991) & (events["significance"] == 3)]
    assert list(table["Event"]) == list(expected["title"])
    assert table.index.name == "Date"
