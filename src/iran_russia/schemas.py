"""One pandera schema per dataset in ``data/``.

Every CSV is read as text (nothing is coerced on the way in), checked against its schema here, and
only then converted to numbers and dates by :mod:`iran_russia.data`. Each check carries the
message a reader sees when a row breaks it.
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from . import vocabularies as vocab
from .dates import is_partial_date, parse_partial_date

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_KEYS = re.compile(r"^[A-Za-z0-9_:.\-]+(?:;[A-Za-z0-9_:.\-]+)*$")
WHOLE_NUMBER = re.compile(r"^\d+$")
YEAR = re.compile(r"^\d{4}$")
DECIMAL = re.compile(r"^-?\d+(?:\.\d+)?$")


def _matches(pattern: re.Pattern[str], message: str, optional: bool = False) -> pa.Check:
    def check(value: str) -> bool:
        return (optional and value == "") or bool(pattern.match(value))

    return pa.Check(check, element_wise=True, error=message)


def _one_of(values, optional: bool = False) -> pa.Check:
    allowed = list(values)
    listing = ", ".join(str(value) for value in allowed)
    return pa.Check(
        lambda value: (optional and value == "") or value in allowed,
        element_wise=True,
        error=f"must be one of: {listing}" + (" (or empty)" if optional else ""),
    )


def _date(optional: bool = False) -> pa.Check:
    return pa.Check(
        lambda value: (optional and value == "") or is_partial_date(value),
        element_wise=True,
        error="must be a real date written YYYY, YYYY-MM or YYYY-MM-DD"
        + (" (or empty)" if optional else ""),
    )


NOT_EMPTY = pa.Check(
    lambda value: value.strip() != "", element_wise=True, error="must not be empty"
)
SOURCES = _matches(SOURCE_KEYS, "must list bibliography keys separated by ';'")
ID = _matches(SLUG, "must be a lowercase slug of letters, digits and hyphens")
OPTIONAL_WHOLE = _matches(WHOLE_NUMBER, "must be a whole number of 0 or more (or empty)", True)
OPTIONAL_YEAR = _matches(YEAR, "must be a four-digit year (or empty)", True)
NON_NEGATIVE = pa.Check(
    lambda value: bool(DECIMAL.match(value)) and float(value) >= 0,
    element_wise=True,
    error="must be a number of 0 or more",
)


def _text(*checks: pa.Check, unique: bool = False) -> pa.Column:
    return pa.Column(str, checks=list(checks), nullable=False, unique=unique)


def _ordered(first: str, second: str, message: str, low=int, high=int) -> pa.Check:
    """A row check: when both cells are filled, ``low(first) <= high(second)``."""

    def row_ok(row) -> bool:
        if row[first] == "" or row[second] == "":
            return True
        try:
            return low(row[first]) <= high(row[second])
        except ValueError:
            return True  # the malformed cell is reported by its own column check

    return pa.Check(lambda frame: frame.apply(row_ok, axis=1), error=message)


def _date_order(first: str, second: str) -> pa.Check:
    """``second`` may not end before ``first`` begins (partial dates compare as periods)."""
    return _ordered(
        first,
        second,
        f"{second} is before {first}",
        low=lambda text: parse_partial_date(text).earliest(),
        high=lambda text: parse_partial_date(text).latest(),
    )


def _schema(name: str, columns: dict[str, pa.Column], checks=(), unique=None) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        columns,
        checks=list(checks),
        strict=True,
        ordered=False,
        unique=unique,
        name=name,
        report_duplicates="all",
    )


EVENTS = _schema(
    "events",
    {
        "id": _text(ID, unique=True),
        "date": _text(_date()),
        "end_date": _text(_date(optional=True)),
        "title": _text(
            NOT_EMPTY,
            pa.Check(
                lambda v: len(v) <= 80, element_wise=True, error="must be 80 characters or fewer"
            ),
        ),
        "summary": _text(NOT_EMPTY),
        "domain": _text(_one_of(vocab.DOMAINS)),
        "significance": _text(_one_of(str(level) for level in vocab.SIGNIFICANCE)),
        "sources": _text(SOURCES),
    },
    checks=[_date_order("date", "end_date")],
)

ERAS = _schema(
    "eras",
    {
        "id": _text(ID, unique=True),
        "name": _text(NOT_EMPTY),
        "label": _text(
            NOT_EMPTY,
            pa.Check(
                lambda v: len(v) <= 20, element_wise=True, error="must be 20 characters or fewer"
            ),
        ),
        "start_year": _text(_matches(YEAR, "must be a four-digit year")),
        "end_year": _text(_matches(YEAR, "must be a four-digit year (empty: ongoing)", True)),
        "description": _text(NOT_EMPTY),
    },
    checks=[_ordered("start_year", "end_year", "end_year is before start_year")],
)

ARMS_TRANSFERS = _schema(
    "arms_transfers",
    {
        "id": _text(ID, unique=True),
        "supplier": _text(_one_of(vocab.ARMS_PARTIES)),
        "recipient": _text(_one_of(vocab.ARMS_PARTIES)),
        "system": _text(NOT_EMPTY),
        "category": _text(_one_of(vocab.ARMS_CATEGORIES)),
        "quantity": _text(OPTIONAL_WHOLE),
        "order_year": _text(OPTIONAL_YEAR),
        "delivery_start": _text(OPTIONAL_YEAR),
        "delivery_end": _text(OPTIONAL_YEAR),
        "status": _text(_one_of(vocab.ARMS_STATUSES)),
        "sources": _text(SOURCES),
        "note": _text(),
    },
    checks=[
        pa.Check(
            lambda f: f["supplier"] != f["recipient"], error="supplier and recipient are the same"
        ),
        _ordered("order_year", "delivery_start", "delivery_start is before order_year"),
        _ordered("delivery_start", "delivery_end", "delivery_end is before delivery_start"),
    ],
)

TRADE = _schema(
    "trade",
    {
        "year": _text(_matches(YEAR, "must be a four-digit year")),
        "flow": _text(_one_of(vocab.TRADE_FLOWS)),
        "value_usd_million": _text(NON_NEGATIVE),
        "reporter": _text(NOT_EMPTY),
        "sources": _text(SOURCES),
        "note": _text(),
    },
    unique=["year", "flow", "reporter"],
)

ENERGY = _schema(
    "energy",
    {
        "country": _text(NOT_EMPTY),
        "indicator": _text(_one_of(vocab.ENERGY_INDICATORS)),
        "year": _text(_matches(YEAR, "must be a four-digit year")),
        "value": _text(NON_NEGATIVE),
        "unit": _text(_one_of(sorted(set(vocab.ENERGY_INDICATORS.values())))),
        "sources": _text(SOURCES),
        "note": _text(),
    },
    checks=[
        pa.Check(
            lambda f: f["unit"] == f["indicator"].map(vocab.ENERGY_INDICATORS),
            error="unit does not match the indicator (see data/README.md)",
        )
    ],
    unique=["country", "indicator", "year", "sources"],
)

INSTITUTIONS = _schema(
    "institutions",
    {
        "id": _text(ID, unique=True),
        "name": _text(NOT_EMPTY),
        "kind": _text(_one_of(vocab.INSTITUTION_KINDS)),
        "members": _text(NOT_EMPTY),
        "signed": _text(_date(optional=True)),
        "in_force": _text(_date(optional=True)),
        "status": _text(_one_of(vocab.INSTITUTION_STATUSES)),
        "summary": _text(NOT_EMPTY),
        "sources": _text(SOURCES),
    },
    checks=[_date_order("signed", "in_force")],
)

UN_VOTES = _schema(
    "un_votes",
    {
        "id": _text(ID, unique=True),
        "document": _text(NOT_EMPTY),
        "date": _text(_date()),
        "subject": _text(NOT_EMPTY),
        "outcome": _text(_one_of(vocab.UN_OUTCOMES)),
        "votes_for": _text(_matches(WHOLE_NUMBER, "must be a whole number of 0 or more")),
        "votes_against": _text(_matches(WHOLE_NUMBER, "must be a whole number of 0 or more")),
        "abstentions": _text(_matches(WHOLE_NUMBER, "must be a whole number of 0 or more")),
        "russia_vote": _text(_one_of(vocab.UN_VOTES)),
        "china_vote": _text(_one_of(vocab.UN_VOTES)),
        "us_vote": _text(_one_of(vocab.UN_VOTES)),
        "summary": _text(NOT_EMPTY),
        "sources": _text(SOURCES),
    },
    checks=[
        pa.Check(
            lambda f: (
                f[["votes_for", "votes_against", "abstentions"]]
                .apply(pd.to_numeric, errors="coerce")
                .sum(axis=1)
                .le(15)
            ),
            error="votes_for + votes_against + abstentions is more than the Council's 15 members",
        )
    ],
)

CLAIMS = _schema(
    "claims",
    {
        "id": _text(ID, unique=True),
        "section": _text(_one_of(vocab.ARTICLE_SECTIONS)),
        "claim": _text(NOT_EMPTY),
        "verdict": _text(_one_of(vocab.CLAIM_VERDICTS)),
        "evidence": _text(NOT_EMPTY),
        "sources": _text(SOURCES),
    },
)

LATITUDE = pa.Check(
    lambda v: bool(DECIMAL.match(v)) and -90 <= float(v) <= 90,
    element_wise=True,
    error="must be a latitude in decimal degrees, -90 to 90",
)
LONGITUDE = pa.Check(
    lambda v: bool(DECIMAL.match(v)) and -180 <= float(v) <= 180,
    element_wise=True,
    error="must be a longitude in decimal degrees, -180 to 180",
)

PLACES = _schema(
    "places",
    {
        "id": _text(ID, unique=True),
        "name": _text(NOT_EMPTY),
        "kind": _text(_one_of(vocab.PLACE_KINDS)),
        "latitude": _text(LATITUDE),
        "longitude": _text(LONGITUDE),
        "description": _text(NOT_EMPTY),
        "sources": _text(SOURCES),
    },
)

#: Every dataset: file stem -> schema.
SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "events": EVENTS,
    "eras": ERAS,
    "arms_transfers": ARMS_TRANSFERS,
    "trade": TRADE,
    "energy": ENERGY,
    "institutions": INSTITUTIONS,
    "un_votes": UN_VOTES,
    "claims": CLAIMS,
    "places": PLACES,
}
