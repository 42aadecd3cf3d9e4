"""The datasets load, and every kind of broken row is reported with its file, row and column."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from iran_russia import data
from iran_russia.errors import DataValidationError
from iran_russia.schemas import SCHEMAS
from iran_russia.vocabularies import DOMAINS


def edit_cell(folder: Path, name: str, row: int, column: str, value: str) -> None:
    """Set one cell of data/<name>.csv; ``row`` counts as the error messages do (header = 1)."""
    path = folder / f"{name}.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows[row - 1][rows[0].index(column)] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def problems_of(folder: Path, name: str) -> list[str]:
    with pytest.raises(DataValidationError) as caught:
        if name == "events":
            data.load_events(folder)
        else:
            data.read_table(name, folder)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_every_dataset_loads_and_is_not_empty(name):
    frame = data.read_table(name)
    assert len(frame) > 0


def test_events_are_sorted_and_each_has_an_era():
    events = data.load_events()
    assert events["decimal_year"].is_monotonic_increasing
    assert events["era"].notna().all()
    assert set(events["domain"]) <= set(DOMAINS)


def test_eras_tile_the_timeline_without_gaps():
    eras = data.load_eras()
    assert (
        eras["start_year"].iloc[1:].to_numpy() == eras["end_year"].iloc[:-1].to_numpy() + 1
    ).all()


def test_as_of_is_a_date():
    assert data.as_of().year >= 2024


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1828-22-02", "row 3, column 'date': must be a real date"),
        ("28 February 1828", "row 3, column 'date': must be a real date"),
        ("1900-02-29", "row 3, column 'date': must be a real date"),
    ],
)
def test_malformed_or_impossible_dates_are_named(data_copy, value, expected):
    edit_cell(data_copy, "events", 3, "date", value)
    assert any(expected in problem for problem in problems_of(data_copy, "events"))


def test_end_before_start_is_named(data_copy):
    events = pd.read_csv(data_copy / "events.csv", dtype=str, keep_default_na=False)
    start = events.loc[1, "date"][:4]
    edit_cell(data_copy, "events", 3, "end_date", str(int(start) - 1))
    assert "events.csv, row 3: end_date is before date" in problems_of(data_copy, "events")


def test_unknown_domain_is_named(data_copy):
    edit_cell(data_copy, "events", 4, "domain", "culture")
    problems = problems_of(data_copy, "events")
    assert any("row 4, column 'domain': must be one of" in p and "'culture'" in p for p in problems)


def test_unknown_verdict_is_named(data_copy):
    edit_cell(data_copy, "claims", 2, "verdict", "mostly true")
    problems = problems_of(data_copy, "claims")
    assert any("claims.csv, row 2, column 'verdict'" in p for p in problems)


def test_source_missing_from_bibliography_is_named(data_copy):
    edit_cell(data_copy, "events", 5, "sources", "no_such_source_2099")
    problems = problems_of(data_copy, "events")
    assert (
        "events.csv, row 5, column 'sources': source key not in references.bib "
        "(found 'no_such_source_2099')" in problems
    )


def test_duplicate_id_is_named(data_copy):
    events = pd.read_csv(data_copy / "events.csv", dtype=str, keep_default_na=False)
    edit_cell(data_copy, "events", 6, "id", events.loc[0, "id"])
    problems = problems_of(data_copy, "events")
    assert any("row 6, column 'id': duplicate value" in p for p in problems)
    assert any("row 2, column 'id': duplicate value" in p for p in problems)


def test_negative_quantity_is_named(data_copy):
    edit_cell(data_copy, "arms_transfers", 2, "quantity", "-4")
    problems = problems_of(data_copy, "arms_transfers")
    assert any(
        "row 2, column 'quantity': must be a whole number of 0 or more" in p for p in problems
    )


def test_negative_trade_value_is_named(data_copy):
    edit_cell(data_copy, "trade", 2, "value_usd_million", "-12.5")
    problems = problems_of(data_copy, "trade")
    assert any(
        "row 2, column 'value_usd_million': must be a number of 0 or more" in p for p in problems
    )


def test_empty_file_is_named(data_copy):
    (data_copy / "events.csv").write_text("", encoding="utf-8")
    assert problems_of(data_copy, "events") == ["events.csv: file is empty (not even a header row)"]


def test_header_without_rows_is_named(data_copy):
    header = (data_copy / "un_votes.csv").read_text(encoding="utf-8").splitlines()[0]
    (data_copy / "un_votes.csv").write_text(header + "\n", encoding="utf-8")
    assert problems_of(data_copy, "un_votes") == ["un_votes.csv: has a header row but no records"]


def test_missing_column_is_named_once(data_copy):
    events = pd.read_csv(data_copy / "events.csv", dtype=str, keep_default_na=False)
    events.drop(columns="end_date").to_csv(data_copy / "events.csv", index=False)
    assert problems_of(data_copy, "events") == ["events.csv: missing column 'end_date'"]


def test_unexpected_column_is_named(data_copy):
    trade = pd.read_csv(data_copy / "trade.csv", dtype=str, keep_default_na=False)
    trade.assign(currency="USD").to_csv(data_copy / "trade.csv", index=False)
    assert any("unexpected column 'currency'" in p for p in problems_of(data_copy, "trade"))


def test_ragged_row_is_named(data_copy):
    with (data_copy / "events.csv").open("a", encoding="utf-8") as handle:
        handle.write("extra,1999,,A title,A summary,diplomacy,1,key,one too many,and another\n")
    assert any("is not well-formed CSV" in p for p in problems_of(data_copy, "events"))


def test_every_problem_is_reported_at_once(data_copy):
    edit_cell(data_copy, "events", 2, "domain", "culture")
    edit_cell(data_copy, "events", 3, "significance", "5")
    edit_cell(data_copy, "events", 4, "date", "soon")
    assert len(problems_of(data_copy, "events")) == 3


def test_year_outside_every_era_is_named(data_copy):
    edit_cell(data_copy, "events", 2, "date", "1700")
    edit_cell(data_copy, "events", 2, "end_date", "")
    problems = problems_of(data_copy, "events")
    assert problems == [
        "events.csv, row 2, column 'date': no era in eras.csv covers this year (found '1700')"
    ]


def test_gap_between_eras_is_named(data_copy):
    edit_cell(
        data_copy, "eras", 3, "start_year", str(int(data.load_eras()["start_year"].iloc[1]) + 1)
    )
    with pytest.raises(DataValidationError, match="should start the year after"):
        data.load_eras(data_copy)


def test_un_votes_cannot_exceed_the_council(data_copy):
    edit_cell(data_copy, "un_votes", 2, "votes_for", "15")
    edit_cell(data_copy, "un_votes", 2, "abstentions", "3")
    problems = problems_of(data_copy, "un_votes")
    assert any("row 2: votes_for + votes_against + abstentions is more than" in p for p in problems)


def test_unknown_dataset_name_lists_the_real_ones():
    with pytest.raises(ValueError, match="the datasets are: events"):
        data.read_table("event")


def test_error_message_is_readable_as_a_whole(data_copy):
    edit_cell(data_copy, "events", 2, "domain", "culture")
    with pytest.raises(DataValidationError) as caught:
        data.read_table("events", data_copy)
    message = str(caught.value)
    assert message.startswith("1 problem in the module's data:")
    assert "events.csv, row 2, column 'domain'" in message
