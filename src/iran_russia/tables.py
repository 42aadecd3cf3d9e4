"""Tables for the book's pages, built from the datasets."""

from __future__ import annotations

import pandas as pd

from .timeline_charts import select_period


def key_events_table(
    events: pd.DataFrame,
    start: int | None = None,
    end: int | None = None,
    min_significance: int = 3,
) -> pd.DataFrame:
    """The events of a period at or above a significance, with the sources they rest on."""
    shown = select_period(events, start, end)
    return events_table(shown[shown["significance"] >= min_significance])


def events_table(shown: pd.DataFrame) -> pd.DataFrame:
    """Events as a table for reading: date, title, domain and the sources they rest on."""
    table = pd.DataFrame(
        {
            "Date": shown["date"],
            "Event": shown["title"],
            "Domain": shown["domain"].str.capitalize(),
            "Sources": shown["sources"].str.replace(";", "; "),
        }
    )
    return table.set_index("Date")
