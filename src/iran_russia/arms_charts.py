"""Arms transfers between Iran and the Soviet Union or Russia (``arms_transfers.csv``), in both
directions, as a figure and tables that keep every record's status in view.

Records are counted, not weapons: a quantity is missing for many records, and a drone, a tank and
a shell are not the same unit. A record's year is its first delivery year, else the year it was
ordered, else its last delivery year (:func:`record_year`); records with none are undated.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .style import OKABE_ITO, new_figure
from .vocabularies import ARMS_STATUSES

#: The two directions of the flow, in the order the book shows them.
DIRECTIONS = {
    "to Iran": "Soviet Union or Russia to Iran",
    "to Russia": "Iran to Russia",
}

#: One look per status: fill, hatch and edge tell statuses apart without colour. A confirmed
#: delivery is solid; a reported transfer is hatched; an unconfirmed claim is an empty outline.
STATUS_STYLE: dict[str, dict[str, object]] = {
    "delivered": {"facecolor": OKABE_ITO["bluish green"], "hatch": "", "edgecolor": "white"},
    "reported": {"facecolor": OKABE_ITO["orange"], "hatch": "///", "edgecolor": "#5a3d00"},
    "unconfirmed": {
        "facecolor": "white",
        "hatch": "",
        "edgecolor": OKABE_ITO["reddish purple"],
        "linestyle": "--",
    },
    "cancelled": {"facecolor": "#bbbbbb", "hatch": "xx", "edgecolor": "#555555"},
}
assert set(STATUS_STYLE) == set(ARMS_STATUSES), "every arms status needs a style"


def direction(arms: pd.DataFrame) -> pd.Series:
    """``"to Iran"`` or ``"to Russia"`` for each record (the Soviet Union counts as Russia)."""
    return arms["recipient"].map(lambda r: "to Iran" if r == "Iran" else "to Russia")


def record_year(arms: pd.DataFrame) -> pd.Series:
    """The year each record is placed in: first delivery, else order, else last delivery."""
    return (
        arms["delivery_start"]
        .fillna(arms["order_year"])
        .fillna(arms["delivery_end"])
        .astype("Int64")
    )


def _check_statuses(statuses) -> list[str]:
    statuses = list(ARMS_STATUSES) if statuses is None else list(statuses)
    unknown = [s for s in statuses if s not in ARMS_STATUSES]
    if unknown:
        raise ValueError(
            f"unknown arms status {', '.join(map(repr, unknown))}; "
            f"the statuses are {', '.join(ARMS_STATUSES)}"
        )
    if not statuses:
        raise ValueError("choose at least one status")
    return statuses


def _check_direction(which: str | None) -> None:
    if which is not None and which not in DIRECTIONS:
        raise ValueError(
            f"unknown direction {which!r}; use one of {', '.join(map(repr, DIRECTIONS))} or None"
        )


def select_transfers(
    arms: pd.DataFrame,
    which: str | None = None,
    statuses=None,
    start: int | None = None,
    end: int | None = None,
) -> pd.DataFrame:
    """The records of one direction (or both), of some statuses, whose year lies in
    ``start..end`` (undated records are kept only when no period is given)."""
    _check_direction(which)
    statuses = _check_statuses(statuses)
    if start is not None and end is not None and start > end:
        raise ValueError(f"the period starts in {start}, after it ends in {end}")
    years = record_year(arms)
    mask = arms["status"].isin(statuses)
    if which is not None:
        mask &= direction(arms) == which
    if start is not None:
        mask &= (years >= start).fillna(False)
    if end is not None:
        mask &= (years <= end).fillna(False)
    return arms[mask.astype(bool)]


def status_counts(arms: pd.DataFrame) -> pd.DataFrame:
    """Records per direction (rows) and status (columns), with totals."""
    table = pd.crosstab(direction(arms), arms["status"])
    table = table.reindex(index=list(DIRECTIONS), columns=list(ARMS_STATUSES), fill_value=0)
    table.index = [DIRECTIONS[d] for d in table.index]
    table.index.name = "Direction"
    table.columns.name = "Status"
    table["Total"] = table.sum(axis=1)
    return table


def transfers_table(
    arms: pd.DataFrame,
    which: str | None = None,
    statuses=None,
    start: int | None = None,
    end: int | None = None,
) -> pd.DataFrame:
    """The selected records, one line each, in year order, with status and sources shown."""
    shown = select_transfers(arms, which, statuses, start, end)
    years = record_year(shown)
    table = pd.DataFrame(
        {
            "Year": years.astype(object).where(years.notna(), "undated"),
            "From → to": shown["supplier"] + " → " + shown["recipient"],
            "System": shown["system"],
            "Quantity": shown["quantity"].astype(object).where(shown["quantity"].notna(), "–"),
            "Status": shown["status"],
            "Sources": shown["sources"].str.replace(";", "; "),
        }
    )
    order = years.fillna(9999).astype(int).to_numpy()
    table = table.iloc[order.argsort(kind="stable")]
    return table.set_index("Year")


def transfers_by_year_figure(arms: pd.DataFrame, start: int | None = None) -> Figure:
    """Records per year, transfers to Iran above the axis and to Russia below it, each bar split
    by status (colour and hatching). Undated records are left out and counted in the title."""
    dated = arms[record_year(arms).notna()]
    if start is not None:
        dated = dated[record_year(dated) >= start]
    if dated.empty:
        raise ValueError("no dated transfers to draw")
    years = record_year(dated)
    span = range(int(years.min()), int(years.max()) + 1)
    fig, ax = new_figure(10.0, 4.8)
    for which, sign in (("to Iran", 1), ("to Russia", -1)):
        part = dated[direction(dated) == which]
        counts = pd.crosstab(record_year(part), part["status"]).reindex(
            index=list(span), columns=list(ARMS_STATUSES), fill_value=0
        )
        base = pd.Series(0, index=counts.index)
        for status in ARMS_STATUSES:
            style = STATUS_STYLE[status]
            drawn = counts[status] > 0  # an empty bar would still draw its edge on the axis
            ax.bar(
                counts.index[drawn],
                sign * counts[status][drawn],
                bottom=sign * base[drawn],
                width=0.8,
                linewidth=1.6,
                **style,
            )
            base += counts[status]
    ax.axhline(0, color="black", linewidth=0.8)
    top = int(max(1, *(abs(limit) for limit in ax.get_ylim())))
    ax.set_ylim(-top - 0.6, top + 0.6)
    ax.set_yticks(range(-top, top + 1))
    ax.set_yticklabels([str(abs(t)) for t in range(-top, top + 1)])
    ax.set_ylabel("Transfer records (count)")
    ax.set_xlabel("Year (first delivery, else order)")
    ax.text(
        0.99, 0.97, "▲ Soviet Union / Russia → Iran", transform=ax.transAxes, va="top", ha="right"
    )
    ax.text(0.99, 0.03, "▼ Iran → Russia", transform=ax.transAxes, va="bottom", ha="right")
    undated = len(arms) - len(record_year(arms).dropna())
    ax.set_title(
        f"Arms transfer records by year and direction ({len(dated)} dated records"
        + (f"; {undated} undated not shown)" if undated else ")")
    )
    handles = [
        Patch(label=f"{status}", linewidth=1.6, **STATUS_STYLE[status]) for status in ARMS_STATUSES
    ]
    ax.legend(handles=handles, title="Status", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig
