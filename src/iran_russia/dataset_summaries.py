"""What each dataset holds, in numbers: rows, years covered, distinct sources and their kinds.

The book's *Data and methods* appendix describes the datasets with one line::

    dataset_summaries.summary_table()

Every number comes from the files as they are loaded (and checked) by :mod:`iran_russia.data`,
so the appendix follows the data when a row is added.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
from pybtex.database import Entry

from . import data
from .bibliography import load_bibliography
from .paths import data_dir
from .schemas import SCHEMAS

#: The columns holding dates or years in each dataset (empty: the dataset is not dated).
DATE_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("date", "end_date"),
    "eras": ("start_year", "end_year"),
    "arms_transfers": ("order_year", "delivery_start", "delivery_end"),
    "trade": ("year",),
    "energy": ("year",),
    "institutions": ("signed", "in_force"),
    "un_votes": ("date",),
    "claims": (),
    "places": (),
}

#: Kinds of source, in the order tables list them. A source's kind is decided by the first rule
#: below whose keyword appears in its publisher (see :func:`source_kind`); anything else counts
#: as news and other media. This is a rough sort by publisher, meant for an overview only.
SOURCE_KINDS = (
    "scholarship and reference works",
    "official and archival documents",
    "research institutes",
    "news and other media",
)
SOURCE_KIND_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "scholarship and reference works",
        (
            "encyclopaedia",
            "encyclopedia",
            "iranica",
            "journal of",
            "library of congress",
            "society of international law",
            "contemporary historical studies",
        ),
    ),
    (
        "official and archival documents",
        (
            "united nations",
            "security council",
            "secretary-general",
            "permanent mission",
            "mission to the united nations",
            "office of the historian",
            "central intelligence agency",
            "cia foia",
            "president of",
            "ministry of foreign affairs",
            "politburo",
            "eurasian economic commission",
            "gas exporting countries forum",
            "organization of the petroleum exporting countries",
            "opec",
            "shanghai cooperation organisation secretariat",
            "rosatom",
            "rostec",
            "center of military history",
            "presidential library",
            "wilson center digital archive",
            "imam khomeini portal",
            "peace agreements database",
            "institute of social history",
            "un news",
            "public papers of the president",
            "peacerep",
        ),
    ),
    (
        "research institutes",
        (
            "arms control",
            "strategic and international studies",
            "rand corporation",
            "jamestown",
            "institute of peace",
            "national security studies",
            "national defense university",
            "centre for defence and security",
            "wisconsin project",
            "iran watch",
            "congressional research service",
            "council on foreign relations",
            "media research institute",
            "memri",
            "science and international security",
            "panel on fissile materials",
            "institute of strategic studies",
            "re:russia",
            "foreign affairs",
        ),
    ),
)

#: Entry types that are scholarship whoever published them.
SCHOLARLY_TYPES = {"article", "book", "incollection", "inproceedings", "phdthesis"}


def _check_name(name: str, folder: Path | None = None) -> None:
    names = dataset_names(folder)
    if name not in names:
        raise ValueError(f"no dataset named {name!r}; the datasets are: {', '.join(names)}")


def dataset_names(folder: Path | None = None) -> list[str]:
    """The datasets the package knows a schema for and whose CSV file is in the data folder."""
    folder = folder or data_dir()
    return [name for name in SCHEMAS if (folder / f"{name}.csv").is_file()]


def load(name: str, folder: Path | None = None) -> pd.DataFrame:
    """One dataset, checked against its schema (events and eras also against each other)."""
    _check_name(name, folder)
    if name == "events":
        return data.load_events(folder)
    if name == "eras":
        return data.load_eras(folder)
    return data.read_table(name, folder)


def years_covered(name: str, frame: pd.DataFrame) -> tuple[int, int] | None:
    """The first and last year that the dataset's date columns name (``None``: not dated)."""
    years: list[int] = []
    for column in DATE_COLUMNS.get(name, ()):
        for value in frame[column].dropna():
            text = str(value)
            if text:
                years.append(int(text[:4]))
    return (min(years), max(years)) if years else None


def distinct_sources(frame: pd.DataFrame) -> set[str]:
    """Every bibliography key that some row of the dataset cites."""
    if "source_keys" not in frame:
        return set()
    return {key for keys in frame["source_keys"] for key in keys if key}


def sources_in_use(folder: Path | None = None) -> set[str]:
    """Every bibliography key that some row of some dataset cites."""
    keys: set[str] = set()
    for name in dataset_names(folder):
        keys |= distinct_sources(load(name, folder))
    return keys


def summarize(name: str, folder: Path | None = None) -> dict:
    """Rows, columns, years covered and distinct sources of one dataset."""
    frame = load(name, folder)
    raw_columns = [c for c in frame.columns if c in SCHEMAS[name].columns]
    covered = years_covered(name, frame)
    open_ended = name == "eras" and bool(frame["end_year"].isna().any())
    return {
        "dataset": name,
        "file": f"{name}.csv",
        "rows": len(frame),
        "columns": len(raw_columns),
        "first_year": covered[0] if covered else None,
        "last_year": covered[1] if covered else None,
        "sources": len(distinct_sources(frame)),
        "open_ended": open_ended,
    }


def _years_label(summary: dict) -> str:
    if summary["first_year"] is None:
        return "not dated"
    if summary["open_ended"]:
        return f"{summary['first_year']} onwards"
    return f"{summary['first_year']}–{summary['last_year']}"


def summary_table(folder: Path | None = None) -> pd.DataFrame:
    """One row per dataset: its file, size, the years it covers and its distinct sources."""
    rows = [summarize(name, folder) for name in dataset_names(folder)]
    table = pd.DataFrame(
        {
            "File": [f"data/{row['file']}" for row in rows],
            "Rows": [row["rows"] for row in rows],
            "Columns": [row["columns"] for row in rows],
            "Years covered": [_years_label(row) for row in rows],
            "Distinct sources": [row["sources"] for row in rows],
        },
        index=pd.Index([row["dataset"] for row in rows], name="Dataset"),
    )
    return table


def source_kind(entry: Entry) -> str:
    """A rough kind for one bibliography entry, from its type and its publisher."""
    if entry.type.lower() in SCHOLARLY_TYPES:
        return SOURCE_KINDS[0]
    authors = [str(person) for person in entry.persons.get("author", [])]
    if authors and not all(author.startswith("{") for author in authors):
        # People wrote it: the outlet is in howpublished (or publisher, journal).
        fields = ("howpublished", "publisher", "journal")
        publisher = " ".join(entry.fields.get(field, "") for field in fields)
    else:
        # An organisation wrote it ({{Name}} in BibTeX): the organisation is the publisher.
        publisher = " ".join([*authors, entry.fields.get("organization", "")])
    text = publisher.lower()
    for kind, keywords in SOURCE_KIND_RULES:
        if any(keyword in text for keyword in keywords):
            return kind
    return SOURCE_KINDS[-1]


def source_kinds_table(folder: Path | None = None) -> pd.DataFrame:
    """How many of each dataset's distinct sources are of each kind (see :func:`source_kind`)."""
    bibliography = load_bibliography(folder)
    rows = {}
    for name in dataset_names(folder):
        keys = distinct_sources(load(name, folder))
        kinds = [source_kind(bibliography.entries[key]) for key in keys]
        rows[name] = {kind: kinds.count(kind) for kind in SOURCE_KINDS}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=list(SOURCE_KINDS))
    table.index.name = "Dataset"
    table.columns = [kind.capitalize() for kind in table.columns]
    table["Total"] = table.sum(axis=1)
    return table


def copy_data(target: str | Path, folder: Path | None = None) -> Path:
    """Copy the data folder into ``target/data`` (for experiments that break it) and return it."""
    destination = Path(target) / "data"
    if destination.exists():
        raise ValueError(f"{destination.name!r} already exists in the target folder")
    return Path(shutil.copytree(folder or data_dir(), destination))


def edit_cell(folder: Path, name: str, row: int, column: str, value: str) -> None:
    """Set one cell of ``<folder>/<name>.csv``; ``row`` counts as the error messages do (the
    header is row 1, the first record row 2)."""
    path = Path(folder) / f"{name}.csv"
    if not path.is_file():
        raise ValueError(f"no file {name}.csv in that folder")
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    if column not in rows[0]:
        raise ValueError(f"{name}.csv has no column {column!r}; its columns are {rows[0]}")
    if not 2 <= row <= len(rows):
        raise ValueError(f"{name}.csv has records in rows 2 to {len(rows)}, not row {row}")
    rows[row - 1][rows[0].index(column)] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
