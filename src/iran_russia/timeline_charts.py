"""Figures drawn from the events data: the timeline and counts of events by era and domain."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from .style import DOMAIN_STYLE, new_figure
from .vocabularies import DOMAINS

MARKER_SIZE = {1: 28, 2: 55, 3: 110}


def select_period(events: pd.DataFrame, start: int | None, end: int | None) -> pd.DataFrame:
    """Events whose year lies in ``start..end`` (either end open when ``None``)."""
    if start is not None and end is not None and start > end:
        raise ValueError(f"the period starts in {start}, after it ends in {end}")
    mask = pd.Series(True, index=events.index)
    if start is not None:
        mask &= events["year"] >= start
    if end is not None:
        mask &= events["year"] <= end
    return events[mask]


def timeline_figure(
    events: pd.DataFrame,
    start: int | None = None,
    end: int | None = None,
    label_significance: int = 3,
    title: str | None = None,
    label_shifts: bool = True,
) -> Figure:
    """Events on a time axis, one lane per domain; events of ``label_significance`` or more are
    labelled with their titles where there is room (``label_shifts``: a label may also move
    sideways to find it; a note counts the labels left out). Marker size grows with
    significance."""
    shown = select_period(events, start, end)
    if shown.empty:
        raise ValueError("no events to draw in this period")
    lanes = [domain for domain in DOMAINS if domain in set(shown["domain"])]
    fig, ax = new_figure(10.0, 0.85 * len(lanes) + 2.6)
    for lane, domain in enumerate(lanes):
        rows = shown[shown["domain"] == domain]
        style = DOMAIN_STYLE[domain]
        ax.axhline(lane, color="#d9d9d9", linewidth=0.8, zorder=0)
        ax.scatter(
            rows["decimal_year"],
            [lane] * len(rows),
            s=[MARKER_SIZE[int(level)] for level in rows["significance"]],
            color=style["color"],
            marker=style["marker"],
            edgecolor="white",
            linewidth=0.6,
            zorder=2,
        )
    ax.set_yticks(range(len(lanes)), [domain.capitalize() for domain in lanes])
    ax.set_ylim(-1.3, len(lanes) + 0.3)
    ax.set_xlabel("Year")
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    first, last = int(shown["year"].min()), int(shown["year"].max())
    ax.set_title(title or f"Events of the Iran–Russia relationship, {first}–{last}")
    sizes = [
        Line2D([], [], marker="o", linestyle="", color="#555555", markersize=size**0.5, label=label)
        for size, label in zip(
            MARKER_SIZE.values(), ("context", "important", "turning point"), strict=True
        )
    ]
    ax.legend(handles=sizes, title="Significance", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.get_layout_engine().execute(fig)  # fix the axes' place before measuring labels
    labelled = shown[shown["significance"] >= label_significance].sort_values("decimal_year")
    _place_labels(fig, ax, labelled, lanes, shifts=LABEL_SHIFTS if label_shifts else ())
    return fig


#: Vertical offsets (points) tried in turn for a label: near the marker first, then further out.
LABEL_OFFSETS = (16, -16, 34, -34, 52, -52, 70, -70, 88, -88)
#: Horizontal shifts (points) tried, with every vertical offset, when no offset straight above or
#: below the marker is free: a little aside first, then further.
LABEL_SHIFTS = (-40, 40, -80, 80)


def _place_labels(
    fig: Figure, ax, labelled: pd.DataFrame, lanes: list[str], shifts=LABEL_SHIFTS
) -> int:
    """Label each event with its year and title, at the first offset where the label overlaps
    no label already placed, hides no marker and stays inside the axes (greedy, in time order):
    straight above or below the marker first, then shifted sideways by ``shifts`` (points). A
    label that fits nowhere is left out, and a note on the figure says how many were. Returns
    that number."""
    renderer = FigureCanvasAgg(fig).get_renderer()
    area = ax.get_window_extent(renderer)
    offsets = [c.get_offsets() for c in ax.collections]
    markers = ax.transData.transform(np.concatenate(offsets)) if offsets else np.empty((0, 2))
    reach = 4 * fig.dpi / 72  # about a marker's radius, in pixels
    legend = ax.get_legend()
    placed = [legend.get_window_extent(renderer)] if legend is not None else []
    omitted = 0
    for row in labelled.itertuples():
        lane = lanes.index(row.domain)
        label = ax.annotate(
            textwrap.fill(f"{row.year} {row.title}", 22),
            xy=(row.decimal_year, lane),
            xytext=(0, LABEL_OFFSETS[0]),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=7.5,
            arrowprops={"arrowstyle": "-", "color": "#777777", "linewidth": 0.6},
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
            zorder=3,
        )
        for shift in (0, *shifts):
            free = False
            for offset in LABEL_OFFSETS:
                label.xyann = (shift, offset)
                label.set_verticalalignment("bottom" if offset > 0 else "top")
                # The text alone: an annotation's own extent also covers its leader line.
                label.update_positions(renderer)
                box = Text.get_window_extent(label, renderer).expanded(1.04, 1.1)
                inside = area.y0 <= box.y0 and box.y1 <= area.y1
                if shift:  # shifted labels must also stay beside the axes
                    inside = inside and area.x0 <= box.x0 and box.x1 <= area.x1
                hides = (
                    (markers[:, 0] > box.x0 - reach)
                    & (markers[:, 0] < box.x1 + reach)
                    & (markers[:, 1] > box.y0 - reach)
                    & (markers[:, 1] < box.y1 + reach)
                ).any()
                free = inside and not hides and not any(box.overlaps(other) for other in placed)
                if free:
                    break
            if free:
                placed.append(box)
                break
        else:
            label.remove()
            omitted += 1
    if omitted:
        fig.text(
            0.995,
            0.005,
            f"{omitted} label{'s' if omitted != 1 else ''} omitted; see the table",
            ha="right",
            va="bottom",
            fontsize=8,
            fontstyle="italic",
            color="#444444",
        )
    return omitted


def era_domain_counts(events: pd.DataFrame, eras: pd.DataFrame) -> pd.DataFrame:
    """How many events each era has in each domain: eras as rows (in order), domains as columns."""
    counts = pd.crosstab(events["era"], events["domain"])
    counts = counts.reindex(index=eras["id"], columns=list(DOMAINS), fill_value=0)
    counts.index = [
        f"{row.label}, {row.start_year}–{'' if pd.isna(row.end_year) else row.end_year}"
        for row in eras.itertuples()
    ]
    counts.index.name = "Era"
    counts.columns = [domain.capitalize() for domain in counts.columns]
    counts.columns.name = "Domain"
    counts["Total"] = counts.sum(axis=1)
    return counts


def era_domain_figure(events: pd.DataFrame, eras: pd.DataFrame) -> Figure:
    """Stacked horizontal bars: the events of each era, split by domain."""
    counts = era_domain_counts(events, eras).drop(columns="Total")
    counts = counts.loc[counts.sum(axis=1) > 0]
    fig, ax = new_figure(9.0, 0.55 * len(counts) + 1.8)
    left = pd.Series(0, index=counts.index)
    for column in counts.columns:
        ax.barh(
            counts.index,
            counts[column],
            left=left,
            color=DOMAIN_STYLE[column.lower()]["color"],
            edgecolor="white",
            label=column,
        )
        left += counts[column]
    ax.invert_yaxis()
    ax.set_xlabel("Number of events in the dataset")
    ax.set_ylabel("")
    ax.set_title("Events per era, by domain")
    ax.legend(title="Domain", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def _period_labels(start: int, end: int, width: int) -> list[tuple[int, int, str]]:
    """Consecutive periods of ``width`` years from ``start``; the last one stops at ``end``."""
    periods = []
    for first in range(start, end + 1, width):
        last = min(first + width - 1, end)
        label = f"{first}–{str(last)[-2:]}" if last != first else str(first)
        periods.append((first, last, label))
    return periods


def period_domain_counts(
    events: pd.DataFrame, start: int, end: int, width: int = 5
) -> pd.DataFrame:
    """How many events each period of ``width`` years from ``start`` to ``end`` has in each domain.

    Periods as rows, labelled like ``1979–83`` (the last period stops at ``end`` and may be
    shorter), domains as columns in the book's order, and a ``Total`` column.
    """
    if not isinstance(width, int) or isinstance(width, bool) or width < 1:
        raise ValueError(
            f"the period width must be a whole number of years, 1 or more, not {width!r}"
        )
    if start is None or end is None:
        raise ValueError("periods need both a start year and an end year")
    shown = select_period(events, start, end)
    if shown.empty:
        raise ValueError(f"no events between {start} and {end}")
    periods = _period_labels(start, end, width)
    labels = [label for _, _, label in periods]
    period_of = {year: label for first, last, label in periods for year in range(first, last + 1)}
    counts = pd.crosstab(shown["year"].map(period_of), shown["domain"])
    counts = counts.reindex(index=labels, columns=list(DOMAINS), fill_value=0)
    counts.index.name = "Period"
    counts.columns = [domain.capitalize() for domain in counts.columns]
    counts.columns.name = "Domain"
    counts["Total"] = counts.sum(axis=1)
    return counts


def period_domain_figure(events: pd.DataFrame, start: int, end: int, width: int = 5) -> Figure:
    """Stacked columns: the events of each period of ``width`` years, split by domain."""
    counts = period_domain_counts(events, start, end, width).drop(columns="Total")
    fig, ax = new_figure(9.0, 4.6)
    bottom = pd.Series(0, index=counts.index)
    for column in counts.columns:
        ax.bar(
            counts.index,
            counts[column],
            bottom=bottom,
            color=DOMAIN_STYLE[column.lower()]["color"],
            edgecolor="white",
            linewidth=0.6,
            label=column,
        )
        bottom += counts[column]
    for position, total in enumerate(bottom):
        ax.annotate(
            str(int(total)),
            xy=(position, total),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            fontsize=9,
        )
    ax.set_ylim(0, max(bottom.max(), 1) * 1.12)
    last_first, last_end, _ = _period_labels(start, end, width)[-1]
    shorter = last_end - last_first + 1 < width
    ax.set_xlabel(
        f"Period of {width} years"
        + (f" (the last covers only {last_first}–{last_end})" if shorter else "")
    )
    ax.set_ylabel("Number of events in the dataset")
    ax.set_title(f"Events per {width}-year period, by domain, {start}–{end}")
    ax.tick_params(axis="x", labelrotation=45)
    ax.legend(title="Domain", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig
