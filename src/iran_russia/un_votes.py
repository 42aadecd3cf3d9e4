"""Tables and figures of the UN Security Council votes on Iran's nuclear programme.

The votes come from ``data/un_votes.csv``: one row per resolution or failed draft, with how Russia,
China and the United States voted::

    from iran_russia import data, un_votes
    votes = data.read_table("un_votes")
    un_votes.votes_table(votes)
    un_votes.vote_figure(votes)
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .style import OKABE_ITO, new_figure

#: The states whose votes ``un_votes.csv`` records, by the prefix of their column.
COUNTRIES: dict[str, str] = {"russia": "Russia", "china": "China", "us": "United States"}

#: How each vote is drawn: colour and marker both tell the votes apart.
VOTE_STYLE: dict[str, dict[str, str]] = {
    "yes": {"color": OKABE_ITO["bluish green"], "marker": "o", "label": "Yes"},
    "no": {"color": OKABE_ITO["vermillion"], "marker": "X", "label": "No"},
    "abstain": {"color": OKABE_ITO["orange"], "marker": "s", "label": "Abstain"},
}


def _check_countries(countries) -> list[str]:
    countries = list(countries)
    if not countries:
        raise ValueError("name at least one country")
    unknown = [c for c in countries if c not in COUNTRIES]
    if unknown:
        raise ValueError(
            f"unknown country {', '.join(map(repr, unknown))}; the votes recorded are those of "
            + ", ".join(COUNTRIES)
        )
    return countries


def select_votes(votes: pd.DataFrame, start: int | None = None, end: int | None = None):
    """The votes taken in the years ``start..end`` (either end open when ``None``), by date."""
    if start is not None and end is not None and start > end:
        raise ValueError(f"the period starts in {start}, after it ends in {end}")
    years = votes["date"].str[:4].astype(int)
    mask = pd.Series(True, index=votes.index)
    if start is not None:
        mask &= years >= start
    if end is not None:
        mask &= years <= end
    shown = votes[mask].sort_values(["date", "id"])
    if shown.empty:
        raise ValueError(f"no Security Council votes in {start or '...'}–{end or '...'}")
    return shown


def short_label(document: str) -> str:
    """``S/RES/1737 (2006)`` becomes ``Res. 1737``; a draft that failed becomes ``Failed draft``."""
    if document.startswith("S/RES/"):
        return "Res. " + document.removeprefix("S/RES/").split(" ")[0]
    return "Failed draft"


def votes_table(
    votes: pd.DataFrame,
    countries=tuple(COUNTRIES),
    start: int | None = None,
    end: int | None = None,
) -> pd.DataFrame:
    """One row per vote: the text voted on, its subject, the result and each country's vote."""
    countries = _check_countries(countries)
    shown = select_votes(votes, start, end)
    table = pd.DataFrame(
        {
            "Date": shown["date"],
            "Text": [short_label(d) for d in shown["document"]],
            "Subject": shown["subject"],
            "Outcome": shown["outcome"],
            "For–against–abstaining": [
                f"{r.votes_for}–{r.votes_against}–{r.abstentions}" for r in shown.itertuples()
            ],
        }
    )
    for country in countries:
        table[COUNTRIES[country]] = shown[f"{country}_vote"].str.capitalize()
    return table.set_index("Date")


def same_vote(votes: pd.DataFrame, first: str, second: str) -> pd.Series:
    """For each vote, whether ``first`` and ``second`` voted the same way."""
    first, second = _check_countries([first, second])
    if first == second:
        raise ValueError(f"compare two different countries, not {first!r} with itself")
    return votes[f"{first}_vote"] == votes[f"{second}_vote"]


def agreement_table(
    votes: pd.DataFrame,
    periods: list[tuple[int | None, int | None]] | None = None,
    countries=tuple(COUNTRIES),
) -> pd.DataFrame:
    """How often each pair of countries voted alike, as "k of n" for each period."""
    countries = _check_countries(countries)
    if len(countries) < 2:
        raise ValueError("agreement needs at least two countries")
    periods = periods or [(None, None)]
    table = {}
    for start, end in periods:
        shown = select_votes(votes, start, end)
        first, last = shown["date"].str[:4].min(), shown["date"].str[:4].max()
        column = {}
        for a, b in combinations(countries, 2):
            same = same_vote(shown, a, b)
            column[f"{COUNTRIES[a]} and {COUNTRIES[b]}"] = f"{int(same.sum())} of {len(same)}"
        table[f"{first}–{last}"] = column
    frame = pd.DataFrame(table)
    frame.index.name = "Voted alike"
    return frame


def vote_figure(
    votes: pd.DataFrame,
    countries=tuple(COUNTRIES),
    start: int | None = None,
    end: int | None = None,
) -> Figure:
    """A dot matrix: one column per vote in time order, one row per country, the marker its vote.
    Failed drafts are shaded."""
    countries = _check_countries(countries)
    shown = select_votes(votes, start, end).reset_index(drop=True)
    fig, ax = new_figure(10.0, 0.8 * len(countries) + 2.4)
    for position, row in shown.iterrows():
        if row["outcome"] != "adopted":
            ax.axvspan(position - 0.45, position + 0.45, color="#eeeeee", zorder=0)
    for lane, country in enumerate(countries):
        ax.axhline(lane, color="#d9d9d9", linewidth=0.8, zorder=1)
        for vote, style in VOTE_STYLE.items():
            at = shown.index[shown[f"{country}_vote"] == vote]
            ax.scatter(
                at,
                [lane] * len(at),
                s=150,
                color=style["color"],
                marker=style["marker"],
                edgecolor="white",
                linewidth=0.8,
                zorder=2,
            )
    ax.set_yticks(range(len(countries)), [COUNTRIES[c] for c in countries])
    ax.set_ylim(len(countries) - 0.4, -0.6)
    labels = [f"{short_label(r.document)}\n{r.date[:7]}" for r in shown.itertuples()]
    ax.set_xticks(range(len(shown)), labels, rotation=60, ha="right", fontsize=8)
    ax.set_xlim(-0.6, len(shown) - 0.4)
    ax.set_xlabel("Security Council vote (text and month of the vote, in time order)")
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    first, last = shown["date"].str[:4].min(), shown["date"].str[:4].max()
    ax.set_title(f"Security Council votes on Iran's nuclear programme, {first}–{last}")
    handles = [
        Line2D(
            [],
            [],
            linestyle="",
            markersize=9,
            **{k: v for k, v in s.items() if k != "label"},
            markeredgecolor="white",
            label=s["label"],
        )
        for s in VOTE_STYLE.values()
    ]
    handles.append(
        Line2D(
            [],
            [],
            linestyle="",
            marker="s",
            markersize=12,
            color="#eeeeee",
            label="Draft not adopted",
        )
    )
    ax.legend(handles=handles, title="Vote", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig
