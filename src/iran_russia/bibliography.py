"""The module's bibliography, ``data/references.bib``: every source a data row cites."""

from __future__ import annotations

from pathlib import Path

from pybtex.database import BibliographyData, BibliographyDataError, parse_file
from pybtex.scanner import PybtexSyntaxError

from .errors import DataValidationError, Problem
from .paths import data_dir

BIB_FILE = "references.bib"

#: Entry types that are web pages or documents and so must carry a URL.
WEB_TYPES = {"misc", "online", "techreport", "report"}

#: Fields the book's bibliography style (pybtex "plain") needs to format an entry of each type.
TYPE_FIELDS = {
    "article": ("journal",),
    "book": ("publisher",),
    "incollection": ("booktitle", "publisher"),
    "inproceedings": ("booktitle",),
    "techreport": ("institution",),
}


def bib_path(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / BIB_FILE


def load_bibliography(folder: Path | None = None) -> BibliographyData:
    """Parse ``references.bib``; raise :class:`DataValidationError` on a syntax error or a
    duplicate key, and on an entry that lacks a title, a year, an author, or (web sources) a URL."""
    path = bib_path(folder)
    try:
        bibliography = parse_file(str(path), bib_format="bibtex")
    except BibliographyDataError as error:  # a repeated key or field
        raise DataValidationError([Problem(BIB_FILE, str(error))]) from None
    except PybtexSyntaxError as error:
        raise DataValidationError([Problem(BIB_FILE, f"BibTeX syntax error: {error}")]) from None
    problems = []
    for key, entry in bibliography.entries.items():
        required = ("title", "year", *TYPE_FIELDS.get(entry.type.lower(), ()))
        missing = [field for field in required if field not in entry.fields]
        if not entry.persons.get("author") and "organization" not in entry.fields:
            missing.append("author")
        if entry.type.lower() in WEB_TYPES and "url" not in entry.fields:
            missing.append("url")
        if missing:
            problems.append(
                Problem(BIB_FILE, f"entry '{key}' lacks {', '.join(missing)}", column=None)
            )
    if problems:
        raise DataValidationError(problems)
    return bibliography


def bibliography_keys(folder: Path | None = None) -> set[str]:
    """Every entry key of ``references.bib``."""
    return set(load_bibliography(folder).entries.keys())
