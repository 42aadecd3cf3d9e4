"""The audit of the article (``claims.csv``) as boxes and tables for the chapters.

A chapter shows what the article says on its topic and what the record shows with one line::

    claims.article_box("history")

The box is MyST Markdown (an admonition with citations), so the book renders it with links to the
bibliography in HTML and in the PDF; its plain-text form is what a terminal or nbval sees.
"""

from __future__ import annotations

import pandas as pd

from . import data
from .vocabularies import ARTICLE_SECTIONS, CLAIM_VERDICTS

VERDICT_MARK = {
    "supported": "✔ supported",
    "needs nuance": "◐ needs nuance",
    "outdated": "⌛ outdated",
    "not supported": "✘ not supported",
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


class ArticleBox:
    """An "article says / record shows" box for some claims of the audit."""

    def __init__(self, claims: pd.DataFrame, title: str):
        self.claims = claims
        self.title = title

    def _repr_markdown_(self) -> str:
        lines = [f":::{{admonition}} {self.title}", ":class: note", ""]
        for row in self.claims.itertuples():
            keys = ",".join(row.source_keys)
            lines += [
                f"**The article says** {row.claim}",
                "",
                f"**The record shows** ({VERDICT_MARK[row.verdict]}): {row.evidence} "
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
