import numpy as np
import pytest
from matplotlib.collections import PathCollection

from iran_russia import data, energy_charts
from iran_russia.vocabularies import ENERGY_INDICATORS


@pytest.fixture(scope="module")
def energy():
    return data.read_table("energy")


def test_every_row_is_credited_to_a_known_body(energy):
    bodies = set(energy["note"].map(energy_charts.reporting_body))
    assert energy_charts.OTHER_BODY not in bodies
    assert bodies <= set(energy_charts.BODY_MARKERS)


def test_reporting_body_is_the_first_one_a_note_names():
    note = "EI Statistical Review 2023; US EIA put the figure lower"
    assert energy_charts.reporting_body(note) == "Energy Institute Statistical Review"
    assert energy_charts.reporting_body("a ministry") == energy_charts.OTHER_BODY


def test_select_keeps_every_row_of_an_indicator(energy):
    for indicator in ENERGY_INDICATORS:
        rows = energy_charts.select(energy, indicator)
        assert len(rows) == (energy["indicator"] == indicator).sum()


def test_table_names_the_unit_and_keeps_disagreeing_sources(energy):
    table = energy_charts.energy_table(energy, "gas_reserves", ["Iran"])
    assert "Value (trillion cubic metres)" in table.columns
    assert (
        len(table)
        == ((energy["indicator"] == "gas_reserves") & (energy["country"] == "Iran")).sum()
    )
    assert table["Reported by"].nunique() >= 2  # bp and OPEC side by side


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda e: energy_charts.select(e, "coal_reserves"), "unknown energy indicator"),
        (
            lambda e: energy_charts.select(e, "gas_reserves", ["Atlantis"]),
            "no energy data for Atlantis",
        ),
        (
            lambda e: energy_charts.reserves_figure(e, "gas_production"),
            "oil_reserves or gas_reserves",
        ),
        (lambda e: energy_charts.production_figure(e, "oil_reserves"), "production indicator"),
    ],
)
def test_bad_arguments_are_named(energy, call, message):
    with pytest.raises(ValueError, match=message):
        call(energy)


def test_reserves_figure_draws_one_marker_per_row_with_the_unit(energy):
    fig = energy_charts.reserves_figure(energy, "gas_reserves")
    ax = fig.axes[0]
    markers = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(markers) == (energy["indicator"] == "gas_reserves").sum()
    assert "trillion cubic metres" in ax.get_xlabel()


def test_oil_figure_never_joins_the_two_definitions(energy):
    fig = energy_charts.oil_definitions_figure(energy)
    ax = fig.axes[0]
    dashed = [line for line in ax.lines if line.get_linestyle() == "--"]
    solid = [line for line in ax.lines if line.get_linestyle() == "-"]
    countries = ("Iran", "Russia", "Saudi Arabia", "United States")
    crude = energy[(energy["indicator"] == "crude_production") & energy["country"].isin(countries)]
    total = energy[(energy["indicator"] == "oil_production") & energy["country"].isin(countries)]
    assert sum(int(np.isfinite(line.get_ydata()).sum()) for line in dashed) == len(crude)
    assert sum(int(np.isfinite(line.get_ydata()).sum()) for line in solid) == len(total)
    assert "barrels per day" in ax.get_ylabel()


def test_production_lines_do_not_bridge_missing_years(energy):
    fig = energy_charts.production_figure(energy, "gas_production", ["United States"])
    years = [list(line.get_xdata()) for line in fig.axes[0].lines]
    # bp has 2012, 2020 and 2021 for the US: a gap (NaN) separates 2012 from 2020-2021
    bp = [x for x in years if x[0] == 2012]
    assert len(bp) == 1 and len(bp[0]) == 4 and np.isnan(bp[0][1]) and bp[0][2:] == [2020, 2021]


def test_ratio_compares_one_compiler_and_year(energy):
    value = energy_charts.ratio(energy, "gas_production", 2022, "Russia", "Iran")
    rows = energy[(energy["indicator"] == "gas_production") & (energy["year"] == 2022)]
    ei = rows[rows["note"].str.startswith("EI Statistical Review")].set_index("country")["value"]
    assert value == pytest.approx(ei["Russia"] / ei["Iran"])


def test_ratio_without_a_matching_row_says_so(energy):
    with pytest.raises(ValueError, match="exactly one gas_production row for Qatar in 2022"):
        energy_charts.ratio(energy, "gas_production", 2022, "Qatar", "Iran")
