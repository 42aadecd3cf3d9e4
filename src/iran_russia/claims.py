"""The audit of the article (``claims.csv``) as boxes and tables for the chapters.

A chapter shows what the article says on its topic and what the record shows with one line::

    claims.article_box("history")

The box is MyST Markdown (an admonition with citations), so the book renders it with links to the
bibliography in HTML and in the PDF; its plain-text form is what a terminal or nbval sees.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from . import data
from .style import OKABE_ITO, new_figure
from .tables import events_table
from .vocabularies import ARTICLE_SECTIONS, CLAIM_VERDICTS

#: How a verdict reads in a box: words, not symbols, so no font lacks a glyph (web or PDF).
VERDICT_MARK = {
    "supported": "supported",
    "needs nuance": "needs nuance",
    "outdated": "outdated",
    "not supported": "not supported",
}


def _select(section: str | None, ids: list[str] | None) -> pd.DataFrame:
    claims = data.read_table("claims")
    if section is not None:
        if section not in ARTICLE_SECTIONS:
            raise ValueError(
                f"unknown article section {section!r}; the sections are "
                + ", ".join(ARTICLE_SECTIONS)
            )
        claims = claims[claims["section"] == section]
    if ids is not None:
        unknown = sorted(set(ids) - set(claims["id"]))
        if unknown:
            raise ValueError(f"no claim with id {', '.join(unknown)} in this selection")
        claims = claims.set_index("id").loc[ids].reset_index()
    if claims.empty:
        raise ValueError("no claims match this selection")
    return claims


def _escape_dollars(text: str) -> str:
    """Keep "$40 billion" a sum of money: the book parses ``$...$`` as mathematics."""
    return text.replace("$", r"\$")


class ArticleBox:
    """An "article says / record shows" box for some claims of the audit."""

    def __init__(self, claims: pd.DataFrame, title: str):
        self.claims = claims
        self.title = title

    def _repr_markdown_(self) -> str:
        lines = [f":::{{admonition}} {self.title}", ":class: note", ""]
        for row in self.claims.itertuples():
            keys = ",".join(row.source_keys)
            claim, evidence = (_escape_dollars(text) for text in (row.claim, row.evidence))
            lines += [
                f"**The article says** {claim}",
                "",
                f"**The record shows** ({VERDICT_MARK[row.verdict]}): {evidence} "
                f"{{cite:p}}`{keys}`",
                "",
            ]
        lines.append(":::")
        return "\n".join(lines)

    def __repr__(self) -> str:
        parts = [self.title]
        for row in self.claims.itertuples():
            sources = "; ".join(row.source_keys)
            parts += [
                f"- The article says: {row.claim}",
                f"  The record shows ({row.verdict}): {row.evidence} [{sources}]",
            ]
        return "\n".join(parts)


def article_box(
    section: str | None = None,
    ids: list[str] | None = None,
    title: str = "The article says / the record shows",
) -> ArticleBox:
    """A box of the claims of one article section, or of the claims named by ``ids``."""
    return ArticleBox(_select(section, ids), title)


def verdict_counts(by_section: bool = True) -> pd.DataFrame:
    """How many claims got each verdict, per article section in the article's order."""
    claims = data.read_table("claims")
    if not by_section:
        counts = claims["verdict"].value_counts().reindex(list(CLAIM_VERDICTS), fill_value=0)
        return counts.rename("Claims").to_frame()
    table = pd.crosstab(claims["section"], claims["verdict"])
    table = table.reindex(
        index=[s for s in ARTICLE_SECTIONS if s in table.index],
        columns=list(CLAIM_VERDICTS),
        fill_value=0,
    )
    table.index = [ARTICLE_SECTIONS[s] for s in table.index]
    table.index.name = "Article section"
    table.columns.name = "Verdict"
    return table


# --- The audit as a whole: verdict figure, selections by verdict, the record the article omits ---

#: One colour and one hatch per verdict: colour and pattern both tell verdicts apart.
VERDICT_STYLE: dict[str, dict[str, str]] = {
    "supported": {"color": OKABE_ITO["bluish green"], "hatch": ""},
    "needs nuance": {"color": OKABE_ITO["orange"], "hatch": "//"},
    "outdated": {"color": OKABE_ITO["sky blue"], "hatch": ".."},
    "not supported": {"color": OKABE_ITO["vermillion"], "hatch": "xx"},
}


def _check_verdict(verdict: str) -> None:
    if verdict not in CLAIM_VERDICTS:
        raise ValueError(
            f"unknown verdict {verdict!r}; the verdicts are " + ", ".join(CLAIM_VERDICTS)
        )


def verdict_figure() -> Figure:
    """Stacked horizontal bars: the verdicts on the claims of each article section, in the
    article's order, with the count written in each segment."""
    counts = verdict_counts()
    counts.index = [textwrap.fill(section, 34) for section in counts.index]
    fig, ax = new_figure(10.0, 0.55 * len(counts) + 1.9)
    left = pd.Series(0, index=counts.index)
    for verdict in counts.columns:
        style = VERDICT_STYLE[verdict]
        bars = ax.barh(
            counts.index,
            counts[verdict],
            left=left,
            color=style["color"],
            hatch=style["hatch"],
            edgecolor="white",
            linewidth=0.8,
            label=verdict,
        )
        labels = [str(n) if n else "" for n in counts[verdict]]
        ax.bar_label(
            bars,
            labels=labels,
            label_type="center",
            fontsize=9,
            bbox={
                "boxstyle": "round,pad=0.15",
                "facecolor": "white",
                "edgecolor": "none",
                "alpha": 0.85,
            },
        )
        left += counts[verdict]
    ax.invert_yaxis()
    ax.set_xlabel("Number of claims audited")
    ax.set_title("Verdicts on the article's claims, by article section")
    ax.xaxis.get_major_locator().set_params(integer=True)
    handles = [
        Patch(
            facecolor=VERDICT_STYLE[v]["color"],
            hatch=VERDICT_STYLE[v]["hatch"],
            edgecolor="white",
            label=v,
        )
        for v in counts.columns
    ]
    ax.legend(handles=handles, title="Verdict", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def ids_with_verdict(verdict: str) -> list[str]:
    """The ids of the claims that got ``verdict``, in the article's order."""
    _check_verdict(verdict)
    claims = data.read_table("claims")
    order = {section: i for i, section in enumerate(ARTICLE_SECTIONS)}
    chosen = claims[claims["verdict"] == verdict]
    chosen = chosen.assign(_order=chosen["section"].map(order)).sort_values("_order", kind="stable")
    return list(chosen["id"])


def verdict_box(verdict: str, title: str | None = None) -> ArticleBox:
    """A box of every claim with ``verdict``, with what the record shows instead."""
    ids = ids_with_verdict(verdict)
    if not ids:
        raise ValueError(f"no claim has the verdict {verdict!r}")
    return article_box(ids=ids, title=title or f"Claims judged {verdict!r}")


def verdict_vocabulary() -> pd.DataFrame:
    """The audit's four verdicts, what each means and how many claims got it."""
    counts = verdict_counts(by_section=False)["Claims"]
    table = pd.DataFrame(
        {
            "Verdict": list(CLAIM_VERDICTS),
            "Meaning": list(CLAIM_VERDICTS.values()),
            "Claims": [int(counts[v]) for v in CLAIM_VERDICTS],
        }
    )
    return table.set_index("Verdict")


#: Events of the record that the article does not mention, chosen for the book's conclusion: each
#: changes the article's picture (Russia's UN votes and arms restraint, the reversed arms flow,
#: frictions, the fall of Assad, the treaty without a defence clause, the June 2025 war, snapback).
OMITTED_EVENTS: tuple[str, ...] = (
    "gore-chernomyrdin-aide-memoire-1995",
    "unsc-res-1737-2006",
    "unsc-res-1929-2010",
    "medvedev-s300-ban-2010",
    "iran-ends-hamadan-use-2016",
    "first-shahed-drone-in-ukraine-2022",
    "fath-360-missiles-reported-2024",
    "zangezur-friction-2024",
    "fall-of-assad-2024",
    "comprehensive-strategic-partnership-treaty-2025",
    "israel-strikes-iran-russia-condemns-2025",
    "un-sanctions-reimposed-2025",
)


def omitted_events_table(
    events: pd.DataFrame, ids: list[str] | tuple[str, ...] = OMITTED_EVENTS
) -> pd.DataFrame:
    """Events of the record that the article leaves out, by id, in time order, with sources."""
    ids = list(ids)
    unknown = [i for i in ids if i not in set(events["id"])]
    if unknown:
        raise ValueError(f"no event with id {', '.join(unknown)} in events.csv")
    if not ids:
        raise ValueError("give at least one event id")
    return events_table(events[events["id"].isin(ids)].sort_values(["decimal_year", "id"]))
