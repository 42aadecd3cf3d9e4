"""The memberships and agreements of ``data/institutions.csv`` as a timeline and as tables.

::

    from iran_russia import data, institutions_charts
    institutions = data.read_table("institutions")
    institutions_charts.institutions_timeline(institutions, start=2000)
"""

from __future__ import annotations

import re
import textwrap

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from . import data
from .dates import PartialDate, parse_partial_date
from .style import OKABE_ITO, new_figure

#: One colour per kind of record.
KIND_COLORS: dict[str, str] = {
    "membership": OKABE_ITO["bluish green"],
    "bilateral": OKABE_ITO["blue"],
    "multilateral": OKABE_ITO["reddish purple"],
}
#: Statuses under which a record still holds at the data's as-of date.
CURRENT = {"in force", "observer"}


def _dates(row) -> tuple[PartialDate | None, PartialDate | None]:
    signed = parse_partial_date(row.signed) if row.signed else None
    in_force = parse_partial_date(row.in_force) if row.in_force else None
    return signed, in_force


def _first_year(row) -> int:
    return min(d.year for d in _dates(row) if d is not None)


def involving(institutions: pd.DataFrame, state: str) -> pd.DataFrame:
    """The records that name ``state`` among their members."""
    members = institutions["members"].str.split(";")
    known = sorted({m for names in members for m in names})
    if state not in known:
        raise ValueError(
            f"no record names {state!r} as a member; the states named are: " + ", ".join(known)
        )
    return institutions[members.apply(lambda names: state in names)]


def select_institutions(
    institutions: pd.DataFrame,
    start: int | None = None,
    end: int | None = None,
    state: str | None = None,
    kind: str | None = None,
) -> pd.DataFrame:
    """Records first signed or in force in ``start..end``, optionally of one state and one kind,
    in the order of their first date."""
    if start is not None and end is not None and start > end:
        raise ValueError(f"the period starts in {start}, after it ends in {end}")
    if kind is not None and kind not in KIND_COLORS:
        raise ValueError(f"unknown kind {kind!r}; the kinds are {', '.join(KIND_COLORS)}")
    shown = institutions if state is None else involving(institutions, state)
    if kind is not None:
        shown = shown[shown["kind"] == kind]
    first = shown.apply(_first_year, axis=1) if len(shown) else pd.Series(dtype=int)
    mask = pd.Series(True, index=shown.index)
    if start is not None:
        mask &= first >= start
    if end is not None:
        mask &= first <= end
    shown = shown[mask]
    if shown.empty:
        raise ValueError("no memberships or agreements match this selection")
    order = shown.apply(lambda r: min(d for d in _dates(r) if d is not None), axis=1)
    return shown.loc[order.sort_values(kind="stable").index]


def short_name(name: str, width: int = 46) -> str:
    """The record's name without its parenthesised asides, wrapped for a figure's axis."""
    return textwrap.fill(re.sub(r"\s*\([^)]*\)", "", name), width)


def institutions_table(institutions: pd.DataFrame, **selection) -> pd.DataFrame:
    """The selected records (see :func:`select_institutions`) as a table for the page."""
    shown = select_institutions(institutions, **selection)
    table = pd.DataFrame(
        {
            "Name": shown["name"],
            "Kind": shown["kind"],
            "Members": shown["members"].str.replace(";", ", "),
            "Signed": shown["signed"],
            "In force": shown["in_force"],
            "Status": shown["status"],
            "Sources": shown["sources"].str.replace(";", "; "),
        }
    )
    return table.set_index("Name")


def months_between(first: PartialDate, second: PartialDate) -> int:
    """Whole months from one date to another (both known at least to the month)."""
    if first.month is None or second.month is None:
        raise ValueError(f"{first} and {second} must both be known to the month")
    return (second.year - first.year) * 12 + second.month - first.month


def ratification_table(institutions: pd.DataFrame, as_of: PartialDate | None = None):
    """For each agreement with a signing date: how many months it took to enter into force, or
    how many it has waited by the data's as-of date."""
    as_of = as_of or data.as_of()
    rows = []
    for row in institutions[institutions["kind"] != "membership"].itertuples():
        signed, in_force = _dates(row)
        if signed is None or signed.month is None:
            continue
        if in_force is not None:
            rows.append((row.name, row.signed, row.in_force, months_between(signed, in_force)))
        elif row.status == "signed, not in force":
            rows.append(
                (
                    row.name,
                    row.signed,
                    f"not in force (as of {as_of})",
                    months_between(signed, as_of),
                )
            )
    table = pd.DataFrame(rows, columns=["Agreement", "Signed", "In force", "Months"])
    return table.sort_values("Signed").set_index("Agreement")


def institutions_timeline(
    institutions: pd.DataFrame,
    start: int | None = None,
    end: int | None = None,
    state: str | None = None,
    as_of: PartialDate | None = None,
) -> Figure:
    """One row per membership or agreement: an open marker when signed, a filled one when in
    force, a dashed line for the wait between them, and a solid line while it holds."""
    shown = select_institutions(institutions, start, end, state)
    as_of = as_of or data.as_of()
    now = as_of.decimal_year()
    fig, ax = new_figure(10.0, 0.38 * len(shown) + 1.8)
    for lane, row in enumerate(shown.itertuples()):
        color = KIND_COLORS[row.kind]
        signed, in_force = _dates(row)
        begins = in_force or signed
        if signed is not None:
            wait_until = in_force.decimal_year() if in_force else now
            if in_force is not None or row.status == "signed, not in force":
                ax.plot(
                    [signed.decimal_year(), wait_until],
                    [lane, lane],
                    color=color,
                    linestyle=(0, (2, 2)),
                    linewidth=1.4,
                    zorder=1,
                )
            ax.scatter(
                [signed.decimal_year()],
                [lane],
                s=60,
                facecolor="white",
                edgecolor=color,
                linewidth=1.6,
                zorder=3,
            )
        if in_force is not None:
            ax.scatter([in_force.decimal_year()], [lane], s=60, color=color, zorder=3)
        if row.status in CURRENT:
            ax.plot(
                [begins.decimal_year(), now],
                [lane, lane],
                color=color,
                linewidth=3.0,
                alpha=0.55,
                solid_capstyle="butt",
                zorder=2,
            )
        if row.status not in {"in force"}:
            ax.annotate(
                row.status,
                xy=(now, lane),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                fontsize=7.5,
                color="#444444",
            )
    ax.set_yticks(range(len(shown)), [short_name(n) for n in shown["name"]], fontsize=8)
    ax.set_ylim(len(shown) - 0.4, -0.6)
    ax.axvline(now, color="#999999", linewidth=0.8, linestyle=":")
    ax.set_xlabel(f"Year (dotted line: the data's as-of date, {as_of})")
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    years = [d.year for r in shown.itertuples() for d in _dates(r) if d is not None]
    ax.set_title(f"Memberships and agreements of Iran and Russia, {min(years)}–{as_of.year}")
    handles = [
        Line2D([], [], color=c, linewidth=3, alpha=0.55, label=k.capitalize())
        for k, c in KIND_COLORS.items()
    ]
    handles += [
        Line2D(
            [],
            [],
            linestyle="",
            marker="o",
            markerfacecolor="white",
            markeredgecolor="#555555",
            label="Signed",
        ),
        Line2D([], [], linestyle="", marker="o", color="#555555", label="In force"),
        Line2D([], [], color="#555555", linestyle=(0, (2, 2)), label="Awaiting entry\ninto force"),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return fig
