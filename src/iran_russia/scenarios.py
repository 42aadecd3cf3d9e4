"""A transparent scenario model of the Iran–Russia relationship, for structured thinking.

The model is four small files in ``data/scenarios/`` (see ``data/README.md``):

- ``drivers.csv``: forces that shape the relationship, each on a scale from -2 to +2 whose ends and
  middle are described in words, with its value at the data's date, a justification and sources;
- ``futures.csv`` and ``signposts.csv``: the futures the model weighs and what to watch for each;
- ``weights.csv``: how strongly each driver pushes each future (a number, a rationale, sources);
- ``presets.csv``: named settings of every driver (the situation at the data's date, and what-ifs).

How a setting of the drivers becomes relative weights of the futures (nothing else is hidden):

1. **Score.** Each future's score is the sum over drivers of ``weight × driver value``.
2. **Relative weights.** The scores go through a softmax with a temperature ``T`` (default 2):
   ``share(f) = exp(score(f) / T) / sum over g of exp(score(g) / T)``. The shares are positive and
   add up to 1. Adding the same number to every future's score changes nothing, so what counts is
   how a driver pushes one future *relative to the others*. A larger ``T`` flattens the shares.
3. **Consequence.** Raising a driver never lowers the share of the future it pushes hardest (the
   future with its largest weight) and never raises the share of the future it pushes least.

The shares are a way to see what the drivers and weights imply together. They are not
probabilities of anything happening: the weights are judgements, and the point of the model is
that a reader can change them and defend the change::

    from iran_russia import scenarios
    model = scenarios.load_model()
    model.score(preset="sanctions_tighten")
    mine = model.with_weight("western_pressure_on_russia", "strengthening", 1.5)
    mine.score(preset="sanctions_tighten")

A file that breaks the rules raises :class:`~iran_russia.errors.DataValidationError` naming the
file, the row (the header is row 1) and the column.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.errors
import pandera.pandas as pa

from .bibliography import bibliography_keys
from .data import _problems_from, _source_problems, read_text_csv
from .errors import DataValidationError, Problem
from .paths import data_dir

#: The model's folder inside the data folder.
FOLDER = "scenarios"
#: The softmax temperature used unless a model is given another one.
DEFAULT_TEMPERATURE = 2.0

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_KEYS = re.compile(r"^[A-Za-z0-9_:.\-]+(?:;[A-Za-z0-9_:.\-]+)*$")


# ---------------------------------------------------------------------------------------------
# Schemas
# ---------------------------------------------------------------------------------------------


def _check(test, message: str) -> pa.Check:
    return pa.Check(test, element_wise=True, error=message)


_NOT_EMPTY = _check(lambda v: v.strip() != "", "must not be empty")
_IS_ID = _check(lambda v: bool(_ID.match(v)), "must be an id of lowercase letters, digits and _")
_IS_NUMBER = _check(lambda v: bool(_NUMBER.match(v)), "must be a number (like 1, -0.5 or 2.0)")
_IS_KEYS = _check(lambda v: bool(_KEYS.match(v)), "must list bibliography keys separated by ';'")


def _text(*checks: pa.Check, unique: bool = False) -> pa.Column:
    return pa.Column(str, checks=list(checks), nullable=False, unique=unique)


def _one_of(values: list[str], what: str) -> pa.Check:
    allowed = list(values)
    return _check(lambda v: v in allowed, f"must be a {what} id: {', '.join(allowed)}")


def _in_scale(low: float, high: float, driver: str) -> pa.Check:
    def ok(value: str) -> bool:
        return bool(_NUMBER.match(value)) and low <= float(value) <= high

    return _check(ok, f"must be a number from {low:g} to {high:g} (the scale of {driver})")


def _schema(name: str, columns: dict[str, pa.Column], checks=(), unique=None):
    return pa.DataFrameSchema(
        columns, checks=list(checks), strict=True, ordered=False, unique=unique, name=name,
        report_duplicates="all",
    )  # fmt: skip


def _scale_order(frame: pd.DataFrame) -> pd.Series:
    def ok(row) -> bool:
        try:
            return float(row["scale_min"]) < float(row["scale_max"])
        except ValueError:
            return True  # the malformed number is reported by its column check

    return frame.apply(ok, axis=1)


def _as_of_in_scale(frame: pd.DataFrame) -> pd.Series:
    def ok(row) -> bool:
        try:
            return float(row["scale_min"]) <= float(row["as_of_value"]) <= float(row["scale_max"])
        except ValueError:
            return True

    return frame.apply(ok, axis=1)


DRIVERS = _schema(
    "drivers",
    {
        "id": _text(_IS_ID, unique=True),
        "name": _text(_NOT_EMPTY),
        "scale_min": _text(_IS_NUMBER),
        "scale_max": _text(_IS_NUMBER),
        "low_means": _text(_NOT_EMPTY),
        "middle_means": _text(_NOT_EMPTY),
        "high_means": _text(_NOT_EMPTY),
        "as_of_value": _text(_IS_NUMBER),
        "justification": _text(_NOT_EMPTY),
        "sources": _text(_IS_KEYS),
    },
    checks=[
        pa.Check(_scale_order, error="scale_min must be below scale_max"),
        pa.Check(_as_of_in_scale, error="as_of_value is outside the driver's scale"),
    ],
)

FUTURES = _schema(
    "futures",
    {
        "id": _text(_IS_ID, unique=True),
        "name": _text(_NOT_EMPTY),
        "origin": _text(_check(lambda v: v in {"article", "added"}, "must be article or added")),
        "description": _text(_NOT_EMPTY),
        "sources": _text(_IS_KEYS),
    },
)


def _signposts_schema(futures: list[str]) -> pa.DataFrameSchema:
    return _schema(
        "signposts",
        {
            "future_id": _text(_one_of(futures, "future")),
            "signpost": _text(_NOT_EMPTY),
            "why": _text(_NOT_EMPTY),
            "sources": _text(_IS_KEYS),
        },
    )


def _weights_schema(drivers: list[str], futures: list[str]) -> pa.DataFrameSchema:
    return _schema(
        "weights",
        {
            "driver_id": _text(_one_of(drivers, "driver")),
            "future_id": _text(_one_of(futures, "future")),
            "weight": _text(_IS_NUMBER),
            "rationale": _text(_NOT_EMPTY),
            "sources": _text(_IS_KEYS),
        },
        unique=["driver_id", "future_id"],
    )


def _presets_schema(drivers: pd.DataFrame) -> pa.DataFrameSchema:
    columns = {
        "id": _text(_IS_ID, unique=True),
        "name": _text(_NOT_EMPTY, unique=True),
        "description": _text(_NOT_EMPTY),
    }
    for row in drivers.itertuples():
        columns[row.id] = _text(_in_scale(row.scale_min, row.scale_max, row.id))
    return _schema("presets", columns)


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------


def _read(folder: Path, name: str) -> tuple[pd.DataFrame, str]:
    label = f"{FOLDER}/{name}.csv"
    return read_text_csv(folder / FOLDER / f"{name}.csv", label), label


def _validate(frame, label, schema, known_keys) -> None:
    problems: list[Problem] = []
    try:
        schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as error:
        problems += _problems_from(error, label)
    if "sources" in frame:
        problems += _source_problems(frame, label, known_keys)
    if problems:
        raise DataValidationError(sorted(problems, key=lambda p: (p.row or 0, p.column or "")))


def _complete_weights(weights: pd.DataFrame, label: str, drivers, futures) -> None:
    """Every driver needs a weight for every future (a 0 says "no push", and must be written)."""
    present = set(zip(weights["driver_id"], weights["future_id"], strict=True))
    problems = [
        Problem(label, f"no weight for driver '{d}' and future '{f}': every pair needs a row")
        for d in drivers
        for f in futures
        if (d, f) not in present
    ]
    if problems:
        raise DataValidationError(problems)


def _floats(frame: pd.DataFrame, columns) -> pd.DataFrame:
    frame = frame.copy()
    for column in columns:
        frame[column] = frame[column].astype(float)
    return frame


def load_model(folder: Path | None = None, temperature: float = DEFAULT_TEMPERATURE):
    """Read and check ``data/scenarios/*.csv`` (``folder`` is the data folder) into a model."""
    folder = folder or data_dir()
    keys = bibliography_keys(folder)
    drivers, label = _read(folder, "drivers")
    _validate(drivers, label, DRIVERS, keys)
    drivers = _floats(drivers, ["scale_min", "scale_max", "as_of_value"])
    futures, label = _read(folder, "futures")
    _validate(futures, label, FUTURES, keys)
    driver_ids, future_ids = list(drivers["id"]), list(futures["id"])

    weights, label = _read(folder, "weights")
    _validate(weights, label, _weights_schema(driver_ids, future_ids), keys)
    _complete_weights(weights, label, driver_ids, future_ids)
    weights = _floats(weights, ["weight"])

    signposts, label = _read(folder, "signposts")
    _validate(signposts, label, _signposts_schema(future_ids), keys)

    presets, label = _read(folder, "presets")
    _validate(presets, label, _presets_schema(drivers), keys)
    presets = _floats(presets, driver_ids)

    matrix = weights.pivot(index="driver_id", columns="future_id", values="weight")
    return ScenarioModel(
        drivers=drivers.set_index("id"),
        futures=futures.set_index("id"),
        weights=matrix.loc[driver_ids, future_ids],
        rationales=weights.set_index(["driver_id", "future_id"]),
        presets=presets.set_index("id"),
        signposts=signposts,
        temperature=_valid_temperature(temperature),
    )


# ---------------------------------------------------------------------------------------------
# Scoring (pure functions)
# ---------------------------------------------------------------------------------------------


def _valid_temperature(temperature: float) -> float:
    if not (
        isinstance(temperature, int | float) and math.isfinite(temperature) and temperature > 0
    ):
        raise ValueError(f"temperature must be a positive number, not {temperature!r}")
    return float(temperature)


def relative_weights(scores: pd.Series, temperature: float = DEFAULT_TEMPERATURE) -> pd.Series:
    """Softmax of ``scores / temperature``: positive shares that add up to 1.

    The largest score is subtracted first (which changes nothing, since a softmax ignores a shift
    shared by all scores) so that large scores cannot overflow.
    """
    temperature = _valid_temperature(temperature)
    scaled = (scores.astype(float) - float(scores.max())) / temperature
    exps = np.exp(scaled)
    return (exps / exps.sum()).rename("share")


def score_futures(
    weights: pd.DataFrame, values: pd.Series, temperature: float = DEFAULT_TEMPERATURE
) -> pd.Series:
    """Relative weights of the futures (columns of ``weights``) for driver ``values``."""
    scores = weights.mul(values.reindex(weights.index), axis=0).sum(axis=0)
    return relative_weights(scores, temperature)


def ordinal(number: int) -> str:
    """``1`` -> ``"first"`` ... ``10`` -> ``"tenth"``, for glued prose."""
    words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth"]  # fmt: skip
    if not 1 <= number <= len(words):
        raise ValueError(f"ordinal() covers 1 to {len(words)}, not {number}")
    return words[number - 1]


# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class ScenarioModel:
    """Drivers, futures, weights, presets and signposts; every ``with_...`` returns a new model."""

    drivers: pd.DataFrame
    futures: pd.DataFrame
    weights: pd.DataFrame  # drivers × futures
    rationales: pd.DataFrame  # (driver_id, future_id) -> weight, rationale, sources
    presets: pd.DataFrame
    signposts: pd.DataFrame
    temperature: float = DEFAULT_TEMPERATURE

    # -- names -----------------------------------------------------------------------------

    @property
    def driver_ids(self) -> list[str]:
        return list(self.drivers.index)

    @property
    def future_ids(self) -> list[str]:
        return list(self.futures.index)

    @property
    def preset_ids(self) -> list[str]:
        return list(self.presets.index)

    def _driver(self, driver: str) -> pd.Series:
        if driver not in self.drivers.index:
            raise ValueError(
                f"unknown driver {driver!r}; the drivers are {', '.join(self.driver_ids)}"
            )
        return self.drivers.loc[driver]

    def _future(self, future: str) -> None:
        if future not in self.futures.index:
            raise ValueError(
                f"unknown future {future!r}; the futures are {', '.join(self.future_ids)}"
            )

    # -- driver values ---------------------------------------------------------------------

    def check_value(self, driver: str, value) -> float:
        """``value`` as a float if it is on ``driver``'s scale; a ValueError saying why if not."""
        row = self._driver(driver)
        low, high = row["scale_min"], row["scale_max"]
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{driver}: {value!r} is not a number") from None
        if not math.isfinite(number) or not low <= number <= high:
            raise ValueError(
                f"{driver} = {value!r} is outside its scale, {low:+g} ({row['low_means']}) to "
                f"{high:+g} ({row['high_means']})"
            )
        return number

    def preset_values(self, preset: str) -> pd.Series:
        """The driver values of a preset, by id (see ``presets.csv``)."""
        if preset not in self.presets.index:
            raise ValueError(
                f"unknown preset {preset!r}; the presets are {', '.join(self.preset_ids)}"
            )
        return self.presets.loc[preset, self.driver_ids].astype(float).rename(preset)

    def values(self, preset: str | None = None, **changes) -> pd.Series:
        """Driver values: a preset (default: the situation at the data's date) with ``changes``."""
        base = self.preset_values(preset) if preset else self.drivers["as_of_value"].astype(float)
        base = base.copy().rename("value")
        for driver, value in changes.items():
            base[driver] = self.check_value(driver, value)
        return base

    def _resolve(self, values, preset: str | None) -> pd.Series:
        if values is not None and preset is not None:
            raise ValueError("give either values or a preset, not both")
        if values is None:
            return self.values(preset)
        given = dict(values)
        missing = [d for d in self.driver_ids if d not in given]
        if missing:
            raise ValueError(f"no value for the driver(s) {', '.join(missing)}")
        extra = [d for d in given if d not in self.drivers.index]
        if extra:
            self._driver(extra[0])
        return pd.Series(
            {d: self.check_value(d, given[d]) for d in self.driver_ids}, name="value", dtype=float
        )

    # -- scoring ---------------------------------------------------------------------------

    def scores(self, values=None, preset: str | None = None) -> pd.Series:
        """Each future's raw score, the sum of weight × driver value."""
        x = self._resolve(values, preset)
        return self.weights.mul(x, axis=0).sum(axis=0).rename("score")

    def score(self, values=None, preset: str | None = None) -> pd.Series:
        """The relative weight of each future (shares adding up to 1), indexed by future id.

        ``values`` maps every driver id to a value on its scale; ``preset`` names a preset; with
        neither, the drivers take their values at the data's date.
        """
        return relative_weights(self.scores(values, preset), self.temperature)

    def breakdown(self, values=None, preset: str | None = None) -> pd.DataFrame:
        """Contribution of each driver to each future's score (weight × value), drivers × futures.

        A softmax ignores what a driver adds to every future alike, so the column ``push`` names,
        for each driver, the future it pushes hardest relative to the others at this setting.
        """
        x = self._resolve(values, preset)
        table = self.weights.mul(x, axis=0)
        relative = table.sub(table.mean(axis=1), axis=0)
        strongest = relative.abs().max(axis=1)
        table.insert(0, "value", x)
        table["push"] = [
            "—" if strongest[d] == 0 else relative.loc[d].idxmax() for d in self.driver_ids
        ]
        table.index.name = "driver"
        return table

    def rank(self, future: str, values=None, preset: str | None = None) -> int:
        """Where a future stands among the futures at a setting: 1 for the largest share."""
        self._future(future)
        order = list(self.score(values, preset).sort_values(ascending=False, kind="stable").index)
        return order.index(future) + 1

    def compare_presets(self, presets: list[str] | None = None) -> pd.DataFrame:
        """Relative weights of the futures under each preset (presets × futures)."""
        chosen = presets or self.preset_ids
        rows = {p: self.score(preset=p) for p in chosen}
        table = pd.DataFrame(rows).T
        table.index.name = "preset"
        return table

    def favoured_futures(self, driver: str) -> list[str]:
        """The future(s) a driver pushes hardest: raising the driver never lowers their share."""
        row = self.weights.loc[self._driver(driver).name]
        return list(row[row == row.max()].index)

    # -- changing the weights --------------------------------------------------------------

    def with_weight(
        self, driver: str, future: str, weight: float, rationale: str = ""
    ) -> ScenarioModel:
        """A copy of the model in which ``driver`` pushes ``future`` with ``weight``.

        Give a ``rationale`` to keep a record of why (it is shown by :meth:`weight_table`).
        """
        self._driver(driver)
        self._future(future)
        if (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not math.isfinite(weight)
        ):
            raise ValueError(
                f"weight for {driver} -> {future} must be a finite number, not {weight!r}"
            )
        weights = self.weights.copy()
        weights.loc[driver, future] = float(weight)
        rationales = self.rationales.copy()
        rationales.loc[(driver, future), "weight"] = float(weight)
        rationales.loc[(driver, future), "rationale"] = (
            rationale or "(changed in code, no rationale given)"
        )
        rationales.loc[(driver, future), "sources"] = ""  # the reader's own argument
        return replace(self, weights=weights, rationales=rationales)

    def with_weights(self, changes: dict[tuple[str, str], float]) -> ScenarioModel:
        """A copy with several weights replaced: ``{(driver, future): weight, ...}``."""
        model = self
        for (driver, future), weight in changes.items():
            model = model.with_weight(driver, future, weight)
        return model

    def with_temperature(self, temperature: float) -> ScenarioModel:
        """A copy that turns scores into shares with another softmax temperature."""
        return replace(self, temperature=_valid_temperature(temperature))

    # -- tables for reading ----------------------------------------------------------------

    def weight_table(self, driver: str | None = None) -> pd.DataFrame:
        """Every weight with its rationale and sources (optionally for one driver)."""
        table = self.rationales.reset_index()
        if driver is not None:
            self._driver(driver)
            table = table[table["driver_id"] == driver]
        return table.reset_index(drop=True)

    def driver_table(self) -> pd.DataFrame:
        """The drivers for reading: what the ends of each scale mean, the value at the data's
        date and why."""
        d = self.drivers
        table = pd.DataFrame(
            {
                "Driver": d["name"],
                "-2 means": d["low_means"],
                "+2 means": d["high_means"],
                "Value at the data's date": d["as_of_value"].map(lambda v: f"{v:+.1f}"),
                "Why": d["justification"],
                "Sources": d["sources"].str.replace(";", "; "),
            }
        )
        return table.set_index("Driver")

    def future_weights(self, future: str) -> pd.DataFrame:
        """How every driver pushes one future, strongest push first, with the reasons."""
        self._future(future)
        table = self.weight_table()
        table = table[table["future_id"] == future]
        table = table.assign(Driver=table["driver_id"].map(self.drivers["name"]))
        table = table.sort_values("weight", ascending=False, kind="stable")
        table = table.rename(columns={"weight": "Weight", "rationale": "Why", "sources": "Sources"})
        table["Sources"] = table["Sources"].str.replace(";", "; ")
        return table[["Driver", "Weight", "Why", "Sources"]].set_index("Driver")

    def signpost_table(self) -> pd.DataFrame:
        """Every signpost with its future, for reading."""
        table = self.signposts.assign(Future=self.signposts["future_id"].map(self.futures["name"]))
        table = table.rename(columns={"signpost": "Signpost", "why": "What it would tell us"})
        table["Sources"] = table["sources"].str.replace(";", "; ")
        return table[["Future", "Signpost", "What it would tell us", "Sources"]]

    def preset_table(self) -> pd.DataFrame:
        """The presets side by side: each future's relative weight in per cent (rounded)."""
        table = (100 * self.compare_presets()).round().astype(int)
        table.index = [self.presets.loc[p, "name"] for p in table.index]
        table.columns = [self.futures.loc[f, "name"] for f in table.columns]
        table.index.name = "Preset"
        return table

    def signposts_for(self, future: str) -> pd.DataFrame:
        """The observable indicators to watch for one future."""
        self._future(future)
        rows = self.signposts[self.signposts["future_id"] == future]
        return rows[["signpost", "why", "sources"]].reset_index(drop=True)
