"""Partial ISO 8601 dates (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) as the sources give them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

ISO_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def earliest(self) -> dt.date:
        """The first day the date can stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day the date can stand for."""
        if self.day is not None:
            return self.earliest()
        if self.month is None:
            return dt.date(self.year, 12, 31)
        first_of_next = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return first_of_next - dt.timedelta(days=1)

    def decimal_year(self) -> float:
        """Position on a time axis: the middle of the period the date stands for."""
        start, end = self.earliest(), self.latest()
        middle = start + (end - start) / 2
        days_in_year = 366 if _is_leap(middle.year) else 365
        return middle.year + (middle.timetuple().tm_yday - 1) / days_in_year

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def parse_partial_date(text: str) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ``ValueError`` naming the problem."""
    match = ISO_PARTIAL_DATE.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r} has month {month}, which does not exist")
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            raise ValueError(f"{text!r} is not a day of the calendar") from None
    return PartialDate(year, month, day)


def is_partial_date(text: str) -> bool:
    """True when :func:`parse_partial_date` accepts ``text``."""
    try:
        parse_partial_date(text)
    except ValueError:
        return False
    return True
