"""Figures drawn from the events data: the timeline and counts of events by era and domain."""

from __future__ import annotations

import textwrap

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
) -> Figure:
    """Events on a time axis, one lane per domain; events of ``label_significance`` or more are
    labelled with their titles. Marker size grows with significance."""
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
    _place_labels(fig, ax, labelled, lanes)
    return fig


#: Vertical offsets (points) tried in turn for a label: near the marker first, then further out.
LABEL_OFFSETS = (16, -16, 34, -34, 52, -52, 70, -70, 88, -88)


def _place_labels(fig: Figure, ax, labelled: pd.DataFrame, lanes: list[str]) -> None:
    """Label each event with its year and title, at the first offset where the label overlaps
    no label already placed (greedy, in time order)."""
    renderer = FigureCanvasAgg(fig).get_renderer()
    area = ax.get_window_extent(renderer)
    placed = []
    for row in labelled.itertuples():
        lane = lanes.index(row.domain)
        for offset in LABEL_OFFSETS:
            label = ax.annotate(
                textwrap.fill(f"{row.year} {row.title}", 22),
                xy=(row.decimal_year, lane),
                xytext=(0, offset),
                textcoords="offset points",
                ha="center",
                va="bottom" if offset > 0 else "top",
                fontsize=7.5,
                arrowprops={"arrowstyle": "-", "color": "#777777", "linewidth": 0.6},
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
                zorder=3,
            )
            # The text alone: an annotation's own extent also covers its leader line.
            label.update_positions(renderer)
            box = Text.get_window_extent(label, renderer).expanded(1.04, 1.1)
            inside = area.y0 <= box.y0 and box.y1 <= area.y1
            free = inside and not any(box.overlaps(other) for other in placed)
            if free or offset == LABEL_OFFSETS[-1]:
                placed.append(box)
                break
            label.remove()


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
