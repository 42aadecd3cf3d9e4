import pytest

from iran_russia import arms_charts, data
from iran_russia.vocabularies import ARMS_STATUSES


@pytest.fixture(scope="module")
def arms():
    return data.read_table("arms_transfers")


def test_every_record_has_one_direction(arms):
    directions = arms_charts.direction(arms)
    assert set(directions) <= set(arms_charts.DIRECTIONS)
    assert (directions == "to Russia").sum() == (arms["recipient"] == "Russia").sum()


def test_record_year_falls_back_from_delivery_to_order(arms):
    years = arms_charts.record_year(arms)
    has_start = arms["delivery_start"].notna()
    assert (years[has_start] == arms.loc[has_start, "delivery_start"]).all()
    only_order = arms["delivery_start"].isna() & arms["order_year"].notna()
    assert (years[only_order] == arms.loc[only_order, "order_year"]).all()


def test_status_counts_add_up_to_the_records(arms):
    counts = arms_charts.status_counts(arms)
    assert counts["Total"].sum() == len(arms)
    assert list(counts.columns[:-1]) == list(ARMS_STATUSES)
    for status in ARMS_STATUSES:
        assert counts[status].sum() == (arms["status"] == status).sum()


def test_table_keeps_every_selected_record_and_its_status(arms):
    table = arms_charts.transfers_table(arms, "to Russia")
    assert len(table) == (arms["recipient"] == "Russia").sum()
    assert set(table["Status"]) <= set(ARMS_STATUSES)
    assert "delivered" not in set(table["Status"])  # nothing Iran sent is confirmed by both


def test_a_period_excludes_undated_records(arms):
    everything = arms_charts.select_transfers(arms)
    dated = arms_charts.select_transfers(arms, start=1900, end=2100)
    assert len(everything) == len(arms)
    assert len(dated) == arms_charts.record_year(arms).notna().sum()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"which": "to China"}, "unknown direction 'to China'"),
        ({"statuses": ["rumoured"]}, "unknown arms status 'rumoured'"),
        ({"statuses": []}, "at least one status"),
        ({"start": 2024, "end": 2020}, "starts in 2024, after it ends in 2020"),
    ],
)
def test_bad_selections_are_named(arms, kwargs, message):
    with pytest.raises(ValueError, match=message):
        arms_charts.select_transfers(arms, **kwargs)


def test_figure_draws_one_bar_segment_per_direction_year_and_status(arms):
    fig = arms_charts.transfers_by_year_figure(arms)
    dated = arms[arms_charts.record_year(arms).notna()]
    segments = (
        dated.assign(year=arms_charts.record_year(dated), direction=arms_charts.direction(dated))
        .groupby(["direction", "year", "status"])
        .ngroups
    )
    ax = fig.axes[0]
    assert len(ax.patches) == segments
    assert sum(abs(p.get_height()) for p in ax.patches) == len(dated)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(ARMS_STATUSES)


def test_figure_of_nothing_says_so(arms):
    with pytest.raises(ValueError, match="no dated transfers"):
        arms_charts.transfers_by_year_figure(arms, start=2100)
