"""Load the module's datasets, checked against their schemas and the bibliography.

Everything the book shows comes through here::

    from iran_russia import data
    events = data.load_events()

A file that breaks its schema raises :class:`~iran_russia.errors.DataValidationError`, whose message
names the file, the row, the column and what is wrong. No row is dropped and no value is coerced
silently.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pandas as pd
import pandera.errors

from .bibliography import BIB_FILE, bibliography_keys
from .dates import PartialDate, parse_partial_date
from .errors import DataValidationError, Problem
from .paths import data_dir
from .schemas import SCHEMAS

MANIFEST_FILE = "manifest.json"

#: How each dataset's text columns become numbers once they have passed their schema.
_INTEGER_COLUMNS = {
    "events": ["significance"],
    "eras": ["start_year", "end_year"],
    "arms_transfers": ["quantity", "order_year", "delivery_start", "delivery_end"],
    "trade": ["year"],
    "energy": ["year"],
    "un_votes": ["votes_for", "votes_against", "abstentions"],
}
_FLOAT_COLUMNS = {
    "trade": ["value_usd_million"],
    "energy": ["value"],
    "places": ["latitude", "longitude"],
}


def read_text_csv(path: Path, file: str) -> pd.DataFrame:
    """Read a data CSV as text, every cell a string; ``file`` is the name its errors use.

    A missing, empty, malformed or non-UTF-8 file raises :class:`DataValidationError`.
    """
    try:
        frame = pd.read_csv(
            path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8"
        )
    except FileNotFoundError:
        raise DataValidationError([Problem(file, f"file is missing from {path.parent}")]) from None
    except pd.errors.EmptyDataError:
        raise DataValidationError(
            [Problem(file, "file is empty (not even a header row)")]
        ) from None
    except pd.errors.ParserError as error:
        raise DataValidationError([Problem(file, f"is not well-formed CSV: {error}")]) from None
    except UnicodeDecodeError as error:
        raise DataValidationError(
            [Problem(file, f"is not UTF-8 text (byte {error.start})")]
        ) from None
    if frame.empty:
        raise DataValidationError([Problem(file, "has a header row but no records")])
    return frame


def _problems_from(error: pandera.errors.SchemaErrors, file: str) -> list[Problem]:
    problems = []
    cases = error.failure_cases
    seen = set()
    for case in cases.itertuples(index=False):
        check = str(case.check)
        column = None if pd.isna(case.column) else str(case.column)
        index = None if pd.isna(case.index) else int(case.index)
        row = None if index is None else index + 2
        value = None if pd.isna(case.failure_case) else str(case.failure_case)
        if check == "column_in_dataframe":
            problem = Problem(file, f"missing column '{value}'")
        elif check == "column_in_schema":
            problem = Problem(file, f"unexpected column '{value}' (see data/README.md)")
        elif check == "field_uniqueness":
            problem = Problem(file, "duplicate value: must be unique", row, column, value)
        elif check == "multiple_fields_uniqueness":
            problem = Problem(file, "duplicate record: this combination appears twice", row)
        elif column is None or case.schema_context == "DataFrameSchema":
            problem = Problem(file, check, row)
        else:
            problem = Problem(file, check, row, column, value)
        if problem not in seen:
            seen.add(problem)
            problems.append(problem)
    structural = [
        p for p in problems if p.message.startswith(("missing column", "unexpected column"))
    ]
    if structural:
        # Row checks that read a missing column fail as a whole; only the missing column is news.
        problems = structural + [p for p in problems if p.row is not None]
    return problems


def _source_problems(frame: pd.DataFrame, file: str, known: set[str]) -> list[Problem]:
    problems = []
    for index, cell in frame["sources"].items():
        for key in cell.split(";"):
            if key and key not in known:
                problems.append(
                    Problem(file, f"source key not in {BIB_FILE}", index + 2, "sources", key)
                )
    return problems


def _typed(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in _INTEGER_COLUMNS.get(name, []):
        frame[column] = pd.array(
            [int(value) if value != "" else pd.NA for value in frame[column]], dtype="Int64"
        )
    for column in _FLOAT_COLUMNS.get(name, []):
        frame[column] = frame[column].astype(float)
    if "sources" in frame:
        frame["source_keys"] = frame["sources"].str.split(";")
    return frame


def read_table(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Read ``data/<name>.csv``, check it against its schema and the bibliography, and type it."""
    if name not in SCHEMAS:
        raise ValueError(f"no dataset named {name!r}; the datasets are: {', '.join(SCHEMAS)}")
    folder = folder or data_dir()
    file = f"{name}.csv"
    frame = read_text_csv(folder / file, file)
    problems = []
    try:
        SCHEMAS[name].validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as error:
        problems += _problems_from(error, file)
    if "sources" in frame:
        problems += _source_problems(frame, file, bibliography_keys(folder))
    if problems:
        raise DataValidationError(sorted(problems, key=lambda p: (p.row or 0, p.column or "")))
    return _typed(name, frame)


def _era_of(year: int, eras: pd.DataFrame) -> str | None:
    ongoing = eras["end_year"].isna()
    match = eras[(eras["start_year"] <= year) & (ongoing | (eras["end_year"] >= year))]
    return None if match.empty else str(match["id"].iloc[0])


def load_eras(folder: Path | None = None) -> pd.DataFrame:
    """The periods the book divides the relationship into, checked to neither overlap nor gap."""
    eras = read_table("eras", folder).sort_values("start_year").reset_index(drop=True)
    problems = []
    for previous, current in zip(eras.itertuples(), eras.iloc[1:].itertuples(), strict=False):
        if pd.isna(previous.end_year) or current.start_year != previous.end_year + 1:
            problems.append(
                Problem(
                    "eras.csv",
                    f"era '{current.id}' should start the year after '{previous.id}' ends; "
                    "only the last era may be ongoing",
                    column="start_year",
                    value=str(current.start_year),
                )
            )
    if problems:
        raise DataValidationError(problems)
    return eras


def load_events(folder: Path | None = None) -> pd.DataFrame:
    """The timeline, sorted by date, with each event's year, position on a time axis and era."""
    events = read_table("events", folder)
    eras = load_eras(folder)
    starts = [parse_partial_date(text) for text in events["date"]]
    events["start"] = starts
    events["year"] = [start.year for start in starts]
    events["decimal_year"] = [start.decimal_year() for start in starts]
    events["era"] = [_era_of(year, eras) for year in events["year"]]
    orphans = [
        Problem("events.csv", "no era in eras.csv covers this year", index + 2, "date", date)
        for index, (date, era) in enumerate(zip(events["date"], events["era"], strict=True))
        if pd.isna(era)
    ]
    if orphans:
        raise DataValidationError(orphans)
    return events.sort_values(["decimal_year", "id"]).reset_index(drop=True)


def load_all(folder: Path | None = None) -> dict[str, pd.DataFrame]:
    """Every dataset, each checked; raises on the first file with problems."""
    tables = {name: read_table(name, folder) for name in SCHEMAS}
    tables["events"] = load_events(folder)
    tables["eras"] = load_eras(folder)
    return tables


@cache
def _manifest(folder: Path) -> dict:
    path = folder / MANIFEST_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataValidationError([Problem(MANIFEST_FILE, "file is missing")]) from None
    except json.JSONDecodeError as error:
        raise DataValidationError([Problem(MANIFEST_FILE, f"is not valid JSON: {error}")]) from None


def as_of(folder: Path | None = None) -> PartialDate:
    """The date up to which the data's sources were checked (``as_of`` in ``manifest.json``)."""
    manifest = _manifest((folder or data_dir()).resolve())
    try:
        return parse_partial_date(str(manifest["as_of"]))
    except KeyError:
        raise DataValidationError([Problem(MANIFEST_FILE, "has no 'as_of' date")]) from None
    except ValueError as error:
        raise DataValidationError([Problem(MANIFEST_FILE, f"'as_of': {error}")]) from None
