import pytest

from iran_russia import data, un_votes


@pytest.fixture(scope="module")
def votes():
    return data.read_table("un_votes")


def test_votes_table_has_one_row_per_vote_and_the_recorded_votes(votes):
    table = un_votes.votes_table(votes)
    assert len(table) == len(votes)
    assert list(table.index) == sorted(votes["date"])
    by_date = votes.set_index("date")
    for date, row in table.iterrows():
        assert row["Russia"].lower() == by_date.loc[date, "russia_vote"]
        assert row["United States"].lower() == by_date.loc[date, "us_vote"]


def test_votes_table_selects_a_period_and_countries(votes):
    table = un_votes.votes_table(votes, countries=["russia"], start=2016)
    assert list(table.columns)[-1] == "Russia" and "China" not in table.columns
    assert (table.index.str[:4].astype(int) >= 2016).all()
    assert len(table) == int((votes["date"].str[:4].astype(int) >= 2016).sum())


def test_short_labels_name_resolutions_and_failed_drafts():
    assert un_votes.short_label("S/RES/1737 (2006)") == "Res. 1737"
    assert un_votes.short_label("United States draft resolution") == "Failed draft"


def test_agreement_counts_match_the_data(votes):
    table = un_votes.agreement_table(votes, periods=[(None, 2015), (2016, None)])
    before = votes[votes["date"].str[:4].astype(int) <= 2015]
    after = votes[votes["date"].str[:4].astype(int) >= 2016]
    same_before = int((before["russia_vote"] == before["us_vote"]).sum())
    same_after = int((after["russia_vote"] == after["us_vote"]).sum())
    row = table.loc["Russia and United States"]
    assert list(row) == [f"{same_before} of {len(before)}", f"{same_after} of {len(after)}"]
    assert len(table) == 3


def test_vote_figure_draws_one_marker_per_country_and_vote(votes):
    fig = un_votes.vote_figure(votes)
    ax = fig.axes[0]
    assert sum(len(c.get_offsets()) for c in ax.collections) == 3 * len(votes)
    assert len(ax.get_xticklabels()) == len(votes)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Russia", "China", "United States"]
    assert fig.get_facecolor()[:3] == (1.0, 1.0, 1.0)


def test_unknown_country_is_named(votes):
    with pytest.raises(ValueError, match="unknown country 'france'"):
        un_votes.votes_table(votes, countries=["russia", "france"])
    with pytest.raises(ValueError, match="with itself"):
        un_votes.same_vote(votes, "russia", "russia")


def test_reversed_or_empty_periods_are_refused(votes):
    with pytest.raises(ValueError, match="starts in 2020, after it ends in 2010"):
        un_votes.vote_figure(votes, start=2020, end=2010)
    with pytest.raises(ValueError, match="no Security Council votes"):
        un_votes.votes_table(votes, start=1990, end=1995)
