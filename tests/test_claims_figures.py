"""The audit as a whole: the verdict figure, claims by verdict and the events the article omits."""

import pytest

from iran_russia import claims, data
from iran_russia.vocabularies import ARTICLE_SECTIONS, CLAIM_VERDICTS


@pytest.fixture(scope="module")
def audit():
    return data.read_table("claims")


def test_verdict_figure_draws_one_bar_per_section_and_verdict(audit):
    fig = claims.verdict_figure()
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == audit["section"].nunique()
    bars = ax.patches
    assert len(bars) == audit["section"].nunique() * len(CLAIM_VERDICTS)
    assert sum(bar.get_width() for bar in bars) == len(audit)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(CLAIM_VERDICTS)
    assert ax.get_xlabel() and ax.get_title()


def test_verdict_figure_labels_every_nonempty_segment_with_its_count(audit):
    ax = claims.verdict_figure().axes[0]
    labels = [int(t.get_text()) for t in ax.texts if t.get_text()]
    assert sum(labels) == len(audit)


@pytest.mark.parametrize("verdict", list(CLAIM_VERDICTS))
def test_ids_with_verdict_match_the_data_in_article_order(audit, verdict):
    ids = claims.ids_with_verdict(verdict)
    assert sorted(ids) == sorted(audit.loc[audit["verdict"] == verdict, "id"])
    order = list(ARTICLE_SECTIONS)
    sections = [order.index(audit.set_index("id").loc[i, "section"]) for i in ids]
    assert sections == sorted(sections)


def test_verdict_box_shows_every_claim_of_that_verdict(audit):
    box = claims.verdict_box("not supported")
    expected = int((audit["verdict"] == "not supported").sum())
    assert box._repr_markdown_().count("**The article says**") == expected
    assert f"({claims.VERDICT_MARK['not supported']})" in box._repr_markdown_()


def test_unknown_verdict_is_named():
    with pytest.raises(ValueError, match="unknown verdict 'wrong'; the verdicts are supported"):
        claims.ids_with_verdict("wrong")
    with pytest.raises(ValueError, match="unknown verdict"):
        claims.verdict_box("false")


def test_verdict_vocabulary_counts_every_claim(audit):
    table = claims.verdict_vocabulary()
    assert list(table.index) == list(CLAIM_VERDICTS)
    assert table["Claims"].sum() == len(audit)
    assert table.loc["outdated", "Meaning"] == CLAIM_VERDICTS["outdated"]


def test_omitted_events_table_is_in_time_order_with_sources(events):
    ids = ["fall-of-assad-2024", "medvedev-s300-ban-2010", "unsc-res-1737-2006"]
    table = claims.omitted_events_table(events, ids)
    assert len(table) == 3
    assert list(table.index) == sorted(table.index)
    chosen = events.set_index("id").loc[ids]
    assert set(table["Event"]) == set(chosen["title"])
    assert all(table["Sources"].str.len() > 0)


def test_omitted_events_table_names_unknown_ids(events):
    with pytest.raises(ValueError, match="no event with id no-such-event"):
        claims.omitted_events_table(events, ["fall-of-assad-2024", "no-such-event"])
    with pytest.raises(ValueError, match="at least one event id"):
        claims.omitted_events_table(events, [])


def test_the_conclusions_omitted_events_are_all_in_the_timeline(events):
    table = claims.omitted_events_table(events)
    assert len(table) == len(claims.OMITTED_EVENTS)
    assert set(claims.OMITTED_EVENTS) <= set(events["id"])
