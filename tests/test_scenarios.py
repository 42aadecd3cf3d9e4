"""The scenario model: its files, its validation, its scoring and the API students use."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from iran_russia import scenarios
from iran_russia.errors import DataValidationError
from iran_russia.paths import data_dir

FOLDER = data_dir() / "scenarios"


def read_rows(name: str, folder: Path = FOLDER) -> list[dict[str, str]]:
    with open(folder / f"{name}.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_rows(folder: Path, name: str, rows: list[dict[str, str]], fields=None) -> None:
    fields = fields or list(rows[0])
    with open(folder / "scenarios" / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def model() -> scenarios.ScenarioModel:
    return scenarios.load_model()


# -- the files -----------------------------------------------------------------------------------


def test_the_model_has_what_its_files_hold(model):
    assert model.driver_ids == [row["id"] for row in read_rows("drivers")]
    assert model.future_ids == [row["id"] for row in read_rows("futures")]
    assert model.weights.shape == (len(model.driver_ids), len(model.future_ids))
    assert len(read_rows("weights")) == model.weights.size
    assert len(model.signposts) == len(read_rows("signposts"))


def test_the_design_brief_is_met(model):
    assert len(model.driver_ids) >= 6
    article = set(model.futures.index[model.futures["origin"] == "article"])
    assert article == {"strengthening", "cooling", "mixed"}
    names = set(model.presets["name"])
    for name in [
        "The situation as of the data's date",
        "Sanctions tighten",
        "A Ukraine ceasefire with sanctions relief",
        "A new nuclear deal",
        "Stress inside Iran",
    ]:
        assert name in names
    for future in model.future_ids:
        assert len(model.signposts_for(future)) >= 2, future


def test_every_weight_has_a_rationale_and_a_source():
    for row in read_rows("weights"):
        assert row["rationale"].strip(), row
        assert row["sources"].strip(), row


def test_preset_values_match_their_file(model):
    for row in read_rows("presets"):
        values = model.preset_values(row["id"])
        for driver in model.driver_ids:
            assert values[driver] == float(row[driver]), (row["id"], driver)


def test_as_of_preset_is_the_drivers_as_of_values(model):
    as_of = {row["id"]: float(row["as_of_value"]) for row in read_rows("drivers")}
    assert model.preset_values("as_of").to_dict() == as_of
    assert model.values().to_dict() == as_of


# -- scoring -------------------------------------------------------------------------------------


def test_shares_are_positive_and_add_up_to_one(model):
    for preset in model.preset_ids:
        shares = model.score(preset=preset)
        assert list(shares.index) == model.future_ids
        assert (shares > 0).all()
        assert shares.sum() == pytest.approx(1.0)


def test_neutral_drivers_give_equal_shares(model):
    shares = model.score({driver: 0 for driver in model.driver_ids})
    assert np.allclose(shares, 1 / len(model.future_ids))


def test_score_is_the_weighted_sum_and_the_breakdown_adds_up(model):
    values = model.values()
    expected = {
        f: sum(model.weights.loc[d, f] * values[d] for d in model.driver_ids)
        for f in model.future_ids
    }
    assert model.scores(values).to_dict() == pytest.approx(expected)
    table = model.breakdown(values)
    assert table[model.future_ids].sum().to_dict() == pytest.approx(expected)
    assert list(table["value"]) == list(values)


def test_softmax_ignores_a_shared_shift_and_temperature_flattens():
    scores = pd.Series({"a": 1.0, "b": 2.0, "c": -3.0})
    base = scenarios.relative_weights(scores, 2.0)
    assert np.allclose(base, scenarios.relative_weights(scores + 100, 2.0))
    hot = scenarios.relative_weights(scores, 10.0)
    assert hot.max() < base.max() and hot.min() > base.min()
    with pytest.raises(ValueError, match="temperature must be a positive number"):
        scenarios.relative_weights(scores, 0)


def _settings(model, count: int, seed: int = 7):
    """Every preset plus random settings on each driver's grid of half steps."""
    rng = np.random.default_rng(seed)
    settings = [model.preset_values(p) for p in model.preset_ids]
    grid = np.arange(-2.0, 2.01, 0.5)
    for _ in range(count):
        settings.append(pd.Series(rng.choice(grid, len(model.driver_ids)), index=model.driver_ids))
    return settings


@pytest.mark.parametrize("temperature", [0.5, 2.0, 5.0])
def test_raising_a_driver_never_lowers_the_future_it_favours(model, temperature):
    model = model.with_temperature(temperature)
    checked = 0
    for driver in model.driver_ids:
        favoured = model.favoured_futures(driver)
        row = model.weights.loc[driver]
        least = list(row[row == row.min()].index)
        for setting in _settings(model, 40):
            previous = None
            for value in np.arange(-2.0, 2.01, 0.5):
                shares = model.score(
                    setting.copy().astype(float).where(setting.index != driver, value)
                )
                if previous is not None:
                    for future in favoured:
                        assert shares[future] >= previous[future] - 1e-12, (driver, future, value)
                    for future in least:
                        assert shares[future] <= previous[future] + 1e-12, (driver, future, value)
                    checked += 1
                previous = shares
    assert checked > 1000


def test_the_property_holds_for_weights_a_student_sets(model):
    mine = model.with_weight("oil_market_tightness", "cooling", 2.0)
    assert mine.favoured_futures("oil_market_tightness") == ["cooling"]
    low = mine.score(mine.values(oil_market_tightness=-2))["cooling"]
    high = mine.score(mine.values(oil_market_tightness=2))["cooling"]
    assert high > low


# -- the API for students ------------------------------------------------------------------------


def test_with_weight_returns_a_changed_copy(model):
    before = model.score(preset="sanctions_tighten")
    mine = model.with_weight("western_pressure_on_russia", "strengthening", 1.5, "My reason")
    assert mine is not model
    assert mine.weights.loc["western_pressure_on_russia", "strengthening"] == 1.5
    assert model.weights.loc["western_pressure_on_russia", "strengthening"] == 1.0
    after = mine.score(preset="sanctions_tighten")
    assert after["strengthening"] > before["strengthening"]
    table = mine.weight_table("western_pressure_on_russia").set_index("future_id")
    assert table.loc["strengthening", "rationale"] == "My reason"
    assert model.score(preset="sanctions_tighten").equals(before)


def test_with_weights_changes_several(model):
    mine = model.with_weights(
        {("china_economic_role", "mixed"): 0, ("china_economic_role", "cooling"): -1}
    )
    assert mine.weights.loc["china_economic_role", "mixed"] == 0
    assert mine.weights.loc["china_economic_role", "cooling"] == -1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("no_such_driver", "cooling", 1.0), "unknown driver 'no_such_driver'"),
        (("oil_market_tightness", "utopia", 1.0), "unknown future 'utopia'"),
        (("oil_market_tightness", "cooling", "high"), "must be a finite number, not 'high'"),
        (("oil_market_tightness", "cooling", float("nan")), "must be a finite number"),
    ],
)
def test_bad_weight_changes_are_named(model, args, message):
    with pytest.raises(ValueError, match=message):
        model.with_weight(*args)


def test_impossible_settings_are_refused_with_the_scale(model):
    with pytest.raises(
        ValueError, match=r"oil_market_tightness = 3 is outside its scale, -2 .* to \+2"
    ):
        model.values(oil_market_tightness=3)
    with pytest.raises(ValueError, match="not a number"):
        model.check_value("oil_market_tightness", "tight")
    values = model.values().to_dict()
    del values["china_economic_role"]
    with pytest.raises(ValueError, match="no value for the driver"):
        model.score(values)
    with pytest.raises(ValueError, match="unknown preset 'doom'"):
        model.score(preset="doom")
    with pytest.raises(ValueError, match="either values or a preset"):
        model.score(model.values(), preset="as_of")


def test_compare_presets_has_a_row_per_preset(model):
    table = model.compare_presets()
    assert list(table.index) == model.preset_ids
    assert np.allclose(table.sum(axis=1), 1)


# -- broken files --------------------------------------------------------------------------------


def test_a_missing_driver_in_the_weights_is_named(data_copy):
    rows = [r for r in read_rows("weights") if r["driver_id"] != "oil_market_tightness"]
    write_rows(data_copy, "weights", rows)
    with pytest.raises(DataValidationError) as caught:
        scenarios.load_model(data_copy)
    text = str(caught.value)
    assert "scenarios/weights.csv" in text
    assert "no weight for driver 'oil_market_tightness' and future 'strengthening'" in text


def test_a_non_numeric_weight_names_file_row_and_column(data_copy):
    rows = read_rows("weights")
    rows[2]["weight"] = "strong"
    write_rows(data_copy, "weights", rows)
    with pytest.raises(
        DataValidationError,
        match=r"scenarios/weights.csv, row 4, column 'weight': must be a number",
    ):
        scenarios.load_model(data_copy)


def test_an_unknown_future_in_the_weights_is_named(data_copy):
    rows = read_rows("weights")
    rows[0]["future_id"] = "utopia"
    write_rows(data_copy, "weights", rows)
    with pytest.raises(DataValidationError) as caught:
        scenarios.load_model(data_copy)
    assert "scenarios/weights.csv, row 2, column 'future_id': must be a future id" in str(
        caught.value
    )
    assert "'utopia'" in str(caught.value)


def test_an_unknown_driver_in_the_weights_is_named(data_copy):
    rows = read_rows("weights")
    rows[5]["driver_id"] = "the_weather"
    write_rows(data_copy, "weights", rows)
    with pytest.raises(
        DataValidationError, match=r"row 7, column 'driver_id': must be a driver id"
    ):
        scenarios.load_model(data_copy)


def test_a_duplicate_weight_is_named(data_copy):
    rows = read_rows("weights")
    write_rows(data_copy, "weights", [*rows, rows[0]])
    with pytest.raises(DataValidationError, match="scenarios/weights.csv.*duplicate"):
        scenarios.load_model(data_copy)


def test_a_preset_value_outside_the_scale_names_the_cell(data_copy):
    rows = read_rows("presets")
    rows[1]["oil_market_tightness"] = "3"
    write_rows(data_copy, "presets", rows)
    with pytest.raises(
        DataValidationError,
        match=r"scenarios/presets.csv, row 3, column 'oil_market_tightness': must be a number "
        r"from -2 to 2 \(the scale of oil_market_tightness\) \(found '3'\)",
    ):
        scenarios.load_model(data_copy)


def test_a_preset_without_a_driver_column_is_named(data_copy):
    rows = read_rows("presets")
    for row in rows:
        del row["china_economic_role"]
    write_rows(data_copy, "presets", rows)
    with pytest.raises(
        DataValidationError, match="scenarios/presets.csv: missing column 'china_economic_role'"
    ):
        scenarios.load_model(data_copy)


def test_an_as_of_value_outside_the_scale_is_named(data_copy):
    rows = read_rows("drivers")
    rows[0]["as_of_value"] = "2.5"
    write_rows(data_copy, "drivers", rows)
    with pytest.raises(
        DataValidationError, match=r"scenarios/drivers.csv, row 2: as_of_value is outside"
    ):
        scenarios.load_model(data_copy)


def test_a_signpost_for_an_unknown_future_is_named(data_copy):
    rows = read_rows("signposts")
    rows[3]["future_id"] = "utopia"
    write_rows(data_copy, "signposts", rows)
    with pytest.raises(
        DataValidationError, match=r"scenarios/signposts.csv, row 5, column 'future_id'"
    ):
        scenarios.load_model(data_copy)


def test_an_unknown_source_key_is_named(data_copy):
    rows = read_rows("weights")
    rows[0]["sources"] = "made_up_2099"
    write_rows(data_copy, "weights", rows)
    with pytest.raises(
        DataValidationError,
        match=r"row 2, column 'sources': source key not in references.bib \(found 'made_up_2099'\)",
    ):
        scenarios.load_model(data_copy)


def test_a_missing_file_is_named(data_copy):
    (data_copy / "scenarios" / "futures.csv").unlink()
    with pytest.raises(DataValidationError, match="scenarios/futures.csv: file is missing"):
        scenarios.load_model(data_copy)
