import pytest
from matplotlib.collections import PathCollection

from iran_russia import data, trade_charts
from iran_russia.vocabularies import TRADE_FLOWS


@pytest.fixture(scope="module")
def trade():
    return data.read_table("trade")


def test_select_years_is_inclusive_and_filters_flows(trade):
    shown = trade_charts.select_years(trade, 2018, 2022, ["total"])
    assert shown["year"].between(2018, 2022).all()
    assert set(shown["flow"]) == {"total"}
    expected = trade[trade["year"].between(2018, 2022) & (trade["flow"] == "total")]
    assert len(shown) == len(expected)


def test_missing_years_are_exactly_the_years_without_any_figure(trade):
    gaps = trade_charts.missing_years(trade)
    known = set(trade["year"].astype(int))
    first, last = min(known), max(known)
    assert set(gaps).isdisjoint(known)
    assert set(gaps) | known == set(range(first, last + 1))
    assert trade_charts.missing_years(trade, 2018, 2024) == []


def test_trade_table_lists_every_figure_with_its_reporter(trade):
    table = trade_charts.trade_table(trade)
    assert len(table) == len(trade)
    assert set(table["Direction"]) == set(trade_charts.FLOW_LABELS.values())
    assert table["US$ million"].sum() == pytest.approx(trade["value_usd_million"].sum())
    assert list(table.index) == sorted(table.index)


def test_disagreements_are_the_year_and_flow_pairs_with_several_figures(trade):
    table = trade_charts.reporter_disagreements(trade)
    grouped = trade.groupby(["year", "flow"])["value_usd_million"].nunique()
    assert len(table) == int((grouped > 1).sum())
    flow_of = {label: flow for flow, label in trade_charts.FLOW_LABELS.items()}
    for year, row in table.iterrows():
        same = (trade["year"] == year) & (trade["flow"] == flow_of[row["Direction"]])
        values = trade.loc[same, "value_usd_million"]
        assert row["Gap (US$ million)"] == values.max() - values.min()
    assert 2022 in table.index


def test_balance_uses_only_years_with_both_directions(trade):
    balance = trade_charts.trade_balance(trade)
    for year, row in balance.iterrows():
        rows = trade[trade["year"] == year].set_index("flow")["value_usd_million"]
        assert row["Russian surplus (US$ million)"] == pytest.approx(
            rows["russia_to_iran"] - rows["iran_to_russia"]
        )
        assert 0 < row["Russian share of the total (%)"] < 100
    directions = trade[trade["flow"] != "total"].groupby("year")["flow"].nunique()
    assert list(balance.index) == [int(y) for y in directions[directions == 2].index]


def test_figure_draws_a_marker_per_figure_and_a_band_per_missing_year(trade):
    fig = trade_charts.trade_figure(trade)
    ax = fig.axes[0]
    markers = sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))
    assert markers == len(trade)
    bands = [p for p in ax.patches if p.get_facecolor()[:3] != (1.0, 1.0, 1.0)]
    assert len(bands) == len(trade_charts.missing_years(trade))
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels[: len(TRADE_FLOWS)] == list(trade_charts.FLOW_LABELS.values())
    assert "US$ billion" in ax.get_ylabel()


def test_figure_of_one_flow_has_one_series(trade):
    fig = trade_charts.trade_figure(trade, 2018, 2024, flows=["total"])
    labels = [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    assert "Total turnover" in labels and "Russian exports to Iran" not in labels


def test_bad_arguments_are_named(trade):
    with pytest.raises(ValueError, match="starts in 2024, after it ends in 2000"):
        trade_charts.trade_figure(trade, 2024, 2000)
    with pytest.raises(ValueError, match="unknown trade flow 'imports'"):
        trade_charts.select_years(trade, flows=["imports"])
    with pytest.raises(ValueError, match="no trade figures for 1900–1950"):
        trade_charts.trade_figure(trade, 1900, 1950)
    with pytest.raises(ValueError, match="lacks the column"):
        trade_charts.trade_table(trade.drop(columns="reporter"))
    with pytest.raises(ValueError, match="no year in this period has a figure for both"):
        trade_charts.trade_balance(trade, 2022, 2024)
