import pytest

from iran_russia import data, friction_charts


@pytest.fixture(scope="module")
def energy():
    return data.read_table("energy")


@pytest.mark.parametrize(
    ("title", "relation"),
    [
        ("Medvedev decree bans S-300 delivery to Iran", "friction"),
        ("Iran summons Russian envoy over Zangezur corridor", "friction"),
        ("Comprehensive Strategic Partnership Treaty signed", "cooperation"),
        ("Putin lifts ban on S-300 deliveries", "cooperation"),
        ("US bans trade and investment with Iran", "other"),
        ("UNSC Resolution 1747 bans Iranian arms exports", "other"),
        ("Natanz and Arak sites revealed by opposition", "other"),
    ],
)
def test_the_rule_sorts_titles_as_documented(title, relation):
    assert friction_charts.classify_title(title) == relation


def test_cues_match_whole_words_only():
    # "ends" must not fire inside "Friends" or "extends", nor "deal" inside "ideal"
    assert friction_charts.classify_title("Friends extend an ideal") == "other"


def test_classify_events_adds_a_relation_to_every_event_of_the_period(events):
    classified = friction_charts.classify_events(events, 1992, 2025)
    assert len(classified) == int(events["year"].between(1992, 2025).sum())
    assert set(classified["relation"]) <= set(friction_charts.RELATIONS)
    friction = classified[classified["relation"] == "friction"]
    assert (friction["cue"] != "").all()


def test_relation_counts_add_up_to_the_events(events):
    counts = friction_charts.relation_counts(events, 1992, 2025)
    assert counts.to_numpy().sum() == int(events["year"].between(1992, 2025).sum())
    assert list(counts.columns) == list(friction_charts.RELATIONS)
    assert len(counts) == 2025 - 1992 + 1
    five = friction_charts.relation_counts(events, 1992, 2025, years=5)
    assert len(five) == 7 and five.index[-1] == "2022–2025"
    assert five.to_numpy().sum() == counts.to_numpy().sum()


def test_relation_counts_reject_bad_periods(events):
    with pytest.raises(ValueError, match="at least one year"):
        friction_charts.relation_counts(events, 1992, 2025, years=0)
    with pytest.raises(ValueError, match="starts in 2025, after it ends in 1992"):
        friction_charts.relation_counts(events, 2025, 1992)
    with pytest.raises(ValueError, match="no events"):
        friction_charts.relation_counts(events, 1500, 1600)


def test_friction_figure_draws_one_bar_per_year_and_relation(events):
    fig = friction_charts.friction_figure(events, 1992, 2025)
    ax = fig.axes[0]
    years = 2025 - 1992 + 1
    assert len(ax.patches) == 3 * years
    heights = sorted(-p.get_height() for p in ax.patches if p.get_height() < 0)
    classified = friction_charts.classify_events(events, 1992, 2025)
    assert sum(heights) == int((classified["relation"] == "friction").sum())
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


def test_friction_table_lists_only_friction_events(events):
    table = friction_charts.friction_table(events, 1992)
    classified = friction_charts.classify_events(events, 1992)
    assert list(table["Event"]) == list(
        classified.loc[classified["relation"] == "friction", "title"]
    )
    assert table.index.name == "Date"


def test_producers_table_keeps_every_row_and_labels_disagreements(energy):
    table = friction_charts.producers_table(energy, "gas_production", 2022)
    rows = energy[(energy["indicator"] == "gas_production") & (energy["year"] == 2022)]
    assert len(table) == len(rows)
    repeated = rows["country"].value_counts()
    for country, count in repeated.items():
        labels = [label for label in table.index if label.split(" (")[0] == country]
        assert len(labels) == count
        if count > 1:
            assert all("(" in label for label in labels)
    values = table.iloc[:, 0]
    assert list(values) == sorted(values, reverse=True)


def test_producers_table_rejects_unknown_indicators_and_years(energy):
    with pytest.raises(ValueError, match="unknown indicator 'coal'"):
        friction_charts.producers_table(energy, "coal", 2022)
    with pytest.raises(ValueError, match="no gas_production figures for 1990; the years"):
        friction_charts.producers_table(energy, "gas_production", 1990)


def test_producers_figure_colours_iran_and_russia(energy):
    fig = friction_charts.producers_figure(energy, "gas_production", 2024)
    ax = fig.axes[0]
    rows = energy[(energy["indicator"] == "gas_production") & (energy["year"] == 2024)]
    bars = ax.containers[0]
    assert len(bars) == len(rows)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    colors = {label: bar.get_facecolor() for label, bar in zip(labels, bars, strict=True)}
    assert colors["Iran"] != colors["Russia"]
    assert "(billion cubic metres)" in ax.get_xlabel()


def test_rule_table_lists_every_cue_once_in_rule_order():
    table = friction_charts.rule_table()
    assert list(table["the event counts as"]) == ["other", "friction", "cooperation", "other"]
    words = ", ".join(table["Words looked for"]).split(", ")
    cues = (
        friction_charts.THIRD_PARTIES
        + friction_charts.FRICTION_CUES
        + friction_charts.COOPERATION_CUES
    )
    assert [w for w in words if w] == list(cues)
