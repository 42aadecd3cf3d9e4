import datetime as dt

import pytest

from iran_russia.dates import PartialDate, is_partial_date, parse_partial_date


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("1828", PartialDate(1828), "year"),
        ("1828-02", PartialDate(1828, 2), "month"),
        ("1828-02-22", PartialDate(1828, 2, 22), "day"),
    ],
)
def test_parses_each_precision(text, expected, precision):
    date = parse_partial_date(text)
    assert date == expected
    assert date.precision == precision
    assert str(date) == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("28-02-1828", "not a date of the form"),
        ("1828-13", "month 13"),
        ("1828-02-30", "not a day of the calendar"),
        ("2023-02-29", "not a day of the calendar"),
        ("1828/02/22", "not a date of the form"),
        ("", "not a date of the form"),
    ],
)
def test_rejects_impossible_or_malformed_dates(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_partial_date(text)
    assert not is_partial_date(text)


def test_period_bounds_cover_the_whole_period():
    assert parse_partial_date("1900").earliest() == dt.date(1900, 1, 1)
    assert parse_partial_date("1900").latest() == dt.date(1900, 12, 31)
    assert parse_partial_date("2024-02").latest() == dt.date(2024, 2, 29)
    assert parse_partial_date("1999-12").latest() == dt.date(1999, 12, 31)


def test_decimal_year_puts_a_year_in_its_middle_and_keeps_order():
    assert parse_partial_date("2001").decimal_year() == pytest.approx(2001.5, abs=0.01)
    positions = [
        parse_partial_date(t).decimal_year() for t in ("2001-01-01", "2001-06", "2001-12-31")
    ]
    assert positions == sorted(positions)
    assert 2001.0 <= positions[0] < positions[-1] < 2002.0
