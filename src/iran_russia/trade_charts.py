"""Figures and tables of bilateral trade in goods (``trade.csv``), as the reporters published it.

Trade figures for Iran and Russia are scattered: some years have no published figure, some have
two that disagree (a preliminary and a final figure, or Russian and Iranian statistics). These
functions keep both facts visible: nothing is interpolated, and disagreeing reporters are shown
side by side::

    trade = data.read_table("trade")
    trade_charts.trade_figure(trade)
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .style import OKABE_ITO, new_figure
from .vocabularies import TRADE_FLOWS

#: How each flow is named in tables and legends, in the order they are drawn.
FLOW_LABELS: dict[str, str] = {
    "total": "Total turnover",
    "russia_to_iran": "Russian exports to Iran",
    "iran_to_russia": "Iranian exports to Russia",
}
assert set(FLOW_LABELS) == set(TRADE_FLOWS), "every trade flow needs a label"

FLOW_STYLE: dict[str, dict[str, str]] = {
    "total": {"color": OKABE_ITO["blue"], "marker": "o"},
    "russia_to_iran": {"color": OKABE_ITO["vermillion"], "marker": "^"},
    "iran_to_russia": {"color": OKABE_ITO["bluish green"], "marker": "v"},
}

GAP_COLOR = "#e6e6e6"
REQUIRED_COLUMNS = ("year", "flow", "value_usd_million", "reporter", "sources")


def select_years(
    trade: pd.DataFrame,
    start: int | None = None,
    end: int | None = None,
    flows: list[str] | tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """The trade rows of the years ``start..end`` (either end open when ``None``) and the flows
    named (all flows when ``None``)."""
    missing = [column for column in REQUIRED_COLUMNS if column not in trade.columns]
    if missing:
        raise ValueError(f"the trade table lacks the column(s) {', '.join(missing)}")
    if start is not None and end is not None and start > end:
        raise ValueError(f"the period starts in {start}, after it ends in {end}")
    if flows is not None:
        unknown = [flow for flow in flows if flow not in TRADE_FLOWS]
        if unknown:
            raise ValueError(
                f"unknown trade flow {', '.join(map(repr, unknown))}; "
                f"the flows are {', '.join(TRADE_FLOWS)}"
            )
    mask = pd.Series(True, index=trade.index)
    if start is not None:
        mask &= trade["year"] >= start
    if end is not None:
        mask &= trade["year"] <= end
    if flows is not None:
        mask &= trade["flow"].isin(flows)
    return trade[mask]


def _non_empty(trade: pd.DataFrame, start: int | None, end: int | None, flows=None) -> pd.DataFrame:
    shown = select_years(trade, start, end, flows)
    if shown.empty:
        raise ValueError(
            f"no trade figures for {start or 'the first year'}–{end or 'the last year'}"
            + (f" and the flows {', '.join(flows)}" if flows else "")
        )
    return shown


def missing_years(
    trade: pd.DataFrame, start: int | None = None, end: int | None = None
) -> list[int]:
    """The years of ``start..end`` (by default, from the first to the last year with a figure) for
    which the data hold no figure at all, in any direction."""
    shown = select_years(trade, start, end)
    first = start if start is not None else int(trade["year"].min())
    last = end if end is not None else int(trade["year"].max())
    known = {int(year) for year in shown["year"]}
    return [year for year in range(first, last + 1) if year not in known]


def trade_table(
    trade: pd.DataFrame, start: int | None = None, end: int | None = None
) -> pd.DataFrame:
    """Every published figure of the period: year, direction, value, who reported it, sources."""
    shown = _non_empty(trade, start, end)
    order = {flow: rank for rank, flow in enumerate(FLOW_LABELS)}
    shown = shown.assign(_rank=shown["flow"].map(order)).sort_values(["year", "_rank"])
    table = pd.DataFrame(
        {
            "Year": shown["year"].astype(int),
            "Direction": shown["flow"].map(FLOW_LABELS),
            "US$ million": shown["value_usd_million"],
            "Reported by": shown["reporter"],
            "Sources": shown["sources"].str.replace(";", "; "),
        }
    )
    return table.set_index("Year")


def reporter_disagreements(
    trade: pd.DataFrame, start: int | None = None, end: int | None = None
) -> pd.DataFrame:
    """Years and directions for which two or more reporters published different figures, with the
    lowest and highest figure and the gap between them."""
    shown = select_years(trade, start, end)
    rows = []
    for (year, flow), group in shown.groupby(["year", "flow"], sort=True):
        if group["value_usd_million"].nunique() < 2:
            continue
        low, high = group["value_usd_million"].min(), group["value_usd_million"].max()
        rows.append(
            {
                "Year": int(year),
                "Direction": FLOW_LABELS[flow],
                "Lowest (US$ million)": low,
                "Highest (US$ million)": high,
                "Gap (US$ million)": high - low,
                "Gap (% of lowest)": round(100 * (high - low) / low, 1),
                "Reporters": " | ".join(group["reporter"]),
            }
        )
    columns = [
        "Year",
        "Direction",
        "Lowest (US$ million)",
        "Highest (US$ million)",
        "Gap (US$ million)",
        "Gap (% of lowest)",
        "Reporters",
    ]
    return pd.DataFrame(rows, columns=columns).set_index("Year")


def trade_balance(
    trade: pd.DataFrame, start: int | None = None, end: int | None = None
) -> pd.DataFrame:
    """Years with a figure for both directions: each direction, Russia's surplus and the share of
    the two-way total that Russian exports make up. Where a direction has several figures, the
    table says so rather than choosing one."""
    shown = select_years(trade, start, end, ["russia_to_iran", "iran_to_russia"])
    rows = []
    for year, group in shown.groupby("year", sort=True):
        by_flow = {flow: rows_ for flow, rows_ in group.groupby("flow")}
        if set(by_flow) != {"russia_to_iran", "iran_to_russia"}:
            continue
        if any(len(rows_) > 1 for rows_ in by_flow.values()):
            raise ValueError(f"{year}: several figures for one direction; compare them first")
        exports = float(by_flow["russia_to_iran"]["value_usd_million"].iloc[0])
        imports = float(by_flow["iran_to_russia"]["value_usd_million"].iloc[0])
        reporters = {by_flow[flow]["reporter"].iloc[0] for flow in by_flow}
        rows.append(
            {
                "Year": int(year),
                "Russian exports (US$ million)": exports,
                "Iranian exports (US$ million)": imports,
                "Russian surplus (US$ million)": exports - imports,
                "Russian share of the total (%)": round(100 * exports / (exports + imports), 1),
                "Same reporter for both": "yes" if len(reporters) == 1 else "no",
            }
        )
    if not rows:
        raise ValueError("no year in this period has a figure for both directions")
    return pd.DataFrame(rows).set_index("Year")


def _segments(years: list[int]) -> list[list[int]]:
    """Runs of consecutive years: a line is drawn only within a run, never across a gap."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return runs


def trade_figure(
    trade: pd.DataFrame,
    start: int | None = None,
    end: int | None = None,
    flows: list[str] | tuple[str, ...] | None = None,
) -> Figure:
    """Annual trade by direction as published: a marker per figure, a vertical bar where
    reporters disagree, lines only between consecutive years, grey bands for years with no
    figure."""
    shown = _non_empty(trade, start, end, flows)
    first = start if start is not None else int(shown["year"].min())
    last = end if end is not None else int(shown["year"].max())
    fig, ax = new_figure(9.5, 4.8)
    for year in missing_years(trade, first, last):
        ax.axvspan(year - 0.5, year + 0.5, color=GAP_COLOR, linewidth=0, zorder=0)
    handles = []
    for flow in [f for f in FLOW_LABELS if f in set(shown["flow"])]:
        rows = shown[shown["flow"] == flow]
        style = FLOW_STYLE[flow]
        values = rows.groupby("year")["value_usd_million"]
        middle = (values.min() + values.max()) / 2 / 1000
        for run in _segments([int(year) for year in middle.index]):
            if len(run) > 1:
                ax.plot(run, middle.loc[run], color=style["color"], linewidth=1.6, zorder=2)
        for year, group in values:
            if group.nunique() > 1:
                low, high = group.min() / 1000, group.max() / 1000
                ax.vlines(year, low, high, color=style["color"], linewidth=3, alpha=0.6, zorder=2)
                ax.annotate(
                    f"{low:.1f} or {high:.1f}",
                    xy=(year, high),
                    xytext=(0, 7),
                    textcoords="offset points",
                    ha="center",
                    fontsize=8.5,
                    color=style["color"],
                )
        ax.scatter(
            rows["year"],
            rows["value_usd_million"] / 1000,
            color=style["color"],
            marker=style["marker"],
            s=42,
            edgecolor="white",
            linewidth=0.6,
            zorder=3,
        )
        handles.append(
            Line2D(
                [],
                [],
                color=style["color"],
                marker=style["marker"],
                linewidth=1.6,
                label=FLOW_LABELS[flow],
            )
        )
    handles.append(
        Line2D(
            [],
            [],
            color="#555555",
            marker="|",
            markersize=14,
            linestyle="",
            markeredgewidth=1.5,
            label="Reporters disagree (bar spans\ntheir figures)",
        )
    )
    handles.append(Patch(facecolor=GAP_COLOR, label="No figure found for the year"))
    ax.set_xlim(first - 0.7, last + 0.7)
    ax.set_ylim(0, shown["value_usd_million"].max() / 1000 * 1.15)
    ax.set_xlabel("Year")
    ax.set_ylabel("US$ billion (current prices)")
    ax.set_title(f"Iran–Russia trade in goods as published, {first}–{last}")
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig
