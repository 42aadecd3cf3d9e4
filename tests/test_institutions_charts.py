import pytest

from iran_russia import data, institutions_charts
from iran_russia.dates import PartialDate


@pytest.fixture(scope="module")
def institutions():
    return data.read_table("institutions")


def test_involving_keeps_only_records_naming_the_state(institutions):
    iran = institutions_charts.involving(institutions, "Iran")
    assert len(iran) == int(
        institutions["members"].str.split(";").apply(lambda m: "Iran" in m).sum()
    )
    assert iran["members"].str.contains("Iran").all()


def test_unknown_state_and_kind_are_named(institutions):
    with pytest.raises(ValueError, match="no record names 'Atlantis'"):
        institutions_charts.involving(institutions, "Atlantis")
    with pytest.raises(ValueError, match="unknown kind 'alliance'"):
        institutions_charts.select_institutions(institutions, kind="alliance")
    with pytest.raises(ValueError, match="starts in 2020, after it ends in 2000"):
        institutions_charts.select_institutions(institutions, start=2020, end=2000)


def test_selection_is_in_date_order_and_within_the_period(institutions):
    shown = institutions_charts.select_institutions(institutions, start=2000)
    firsts = [min(d for d in (r.signed, r.in_force) if d) for r in shown.itertuples()]
    assert firsts == sorted(firsts)
    assert all(f[:4] >= "2000" for f in firsts)
    assert len(shown) == sum(
        1
        for r in institutions.itertuples()
        if min(d for d in (r.signed, r.in_force) if d)[:4] >= "2000"
    )


def test_table_lists_the_selected_records(institutions):
    table = institutions_charts.institutions_table(institutions, state="Russia", kind="membership")
    assert set(table["Kind"]) == {"membership"}
    assert table["Members"].str.contains("Russia").all()


def test_ratification_table_counts_months(institutions):
    table = institutions_charts.ratification_table(institutions, as_of=PartialDate(2025, 10))
    fta = table.loc["Free Trade Agreement between the EAEU and its member states and Iran"]
    assert fta["Months"] == 17  # December 2023 to May 2025
    waiting = table[table["In force"].str.startswith("not in force")]
    assert set(waiting.index) == set(
        institutions.loc[institutions["status"] == "signed, not in force", "name"]
    )


def test_months_between_needs_months():
    assert institutions_charts.months_between(PartialDate(2023, 12), PartialDate(2025, 5)) == 17
    with pytest.raises(ValueError, match="known to the month"):
        institutions_charts.months_between(PartialDate(2023), PartialDate(2025, 5))


def test_timeline_has_a_row_per_record(institutions):
    fig = institutions_charts.institutions_timeline(institutions, start=2000)
    ax = fig.axes[0]
    shown = institutions_charts.select_institutions(institutions, start=2000)
    assert len(ax.get_yticklabels()) == len(shown)
    markers = sum(1 for r in shown.itertuples() for d in (r.signed, r.in_force) if d)
    assert sum(len(c.get_offsets()) for c in ax.collections) == markers
    assert "2000" in ax.get_title()
