import pytest

from iran_russia import timeline_charts
from iran_russia.vocabularies import DOMAINS


def test_period_counts_add_up_to_the_events_of_the_span(events):
    counts = timeline_charts.period_domain_counts(events, 1979, 2025)
    span = events["year"].between(1979, 2025)
    assert counts["Total"].sum() == int(span.sum())
    assert (counts.drop(columns="Total").sum(axis=1) == counts["Total"]).all()
    assert list(counts.columns[:-1]) == [domain.capitalize() for domain in DOMAINS]


def test_periods_are_consecutive_and_the_last_one_is_cut_at_the_end(events):
    counts = timeline_charts.period_domain_counts(events, 1979, 2025, width=5)
    assert list(counts.index[:2]) == ["1979–83", "1984–88"]
    assert counts.index[-1] == "2024–25"
    assert len(counts) == 10


def test_each_period_counts_the_events_of_its_years(events):
    counts = timeline_charts.period_domain_counts(events, 1979, 2025, width=5)
    in_period = events[events["year"].between(2014, 2018)]
    assert counts.loc["2014–18", "Total"] == len(in_period)
    assert counts.loc["2014–18", "Nuclear"] == int((in_period["domain"] == "nuclear").sum())


def test_one_year_periods_are_labelled_by_their_year(events):
    counts = timeline_charts.period_domain_counts(events, 2022, 2025, width=1)
    assert list(counts.index) == ["2022", "2023", "2024", "2025"]
    assert counts.loc["2023", "Total"] == int((events["year"] == 2023).sum())


def test_period_figure_has_one_bar_per_period_and_domain_and_a_total_label(events):
    fig = timeline_charts.period_domain_figure(events, 1979, 2025)
    ax = fig.axes[0]
    counts = timeline_charts.period_domain_counts(events, 1979, 2025)
    assert len(ax.patches) == len(counts) * len(DOMAINS)
    assert [text.get_text() for text in ax.texts] == [str(n) for n in counts["Total"]]
    assert "2024–2025" in ax.get_xlabel()


@pytest.mark.parametrize("width", [0, -5, 2.5, True])
def test_a_bad_width_is_named(events, width):
    with pytest.raises(ValueError, match="period width"):
        timeline_charts.period_domain_counts(events, 1979, 2025, width=width)


def test_a_reversed_or_empty_span_is_refused(events):
    with pytest.raises(ValueError, match="starts in 2025, after it ends in 1979"):
        timeline_charts.period_domain_counts(events, 2025, 1979)
    with pytest.raises(ValueError, match="no events between 1500 and 1600"):
        timeline_charts.period_domain_figure(events, 1500, 1600)
    with pytest.raises(ValueError, match="start year and an end year"):
        timeline_charts.period_domain_counts(events, None, 2025)
