"""The one error a reader sees when a data file is wrong."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in a data file.

    ``row`` counts as a spreadsheet does: the header is row 1, the first record row 2.
    ``row`` and ``column`` are ``None`` when the problem is with the file as a whole.
    """

    file: str
    message: str
    row: int | None = None
    column: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        place = self.file
        if self.row is not None:
            place += f", row {self.row}"
        if self.column is not None:
            place += f", column '{self.column}'"
        text = f"{place}: {self.message}"
        if self.value is not None:
            text += f" (found {self.value!r})"
        return text


class DataValidationError(ValueError):
    """A data file breaks its schema; ``problems`` lists every place, the message names them."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        shown = self.problems[:20]
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the module's data:"]
        lines += [f"  - {problem}" for problem in shown]
        if len(self.problems) > len(shown):
            lines.append(f"  ... and {len(self.problems) - len(shown)} more")
        super().__init__("\n".join(lines))
