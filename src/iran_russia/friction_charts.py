"""Friction and cooperation in the events data, and the two states as rival energy producers.

The events data (``events.csv``) has no column that says whether an event brought Iran and Russia
closer or set them at odds. This module supplies one by an explicit rule on each event's title, so
that anyone can read the rule, check how it sorts every event and argue with it::

    from iran_russia import data, friction_charts
    events = data.load_events()
    friction_charts.classify_events(events)          # adds a "relation" column
    friction_charts.friction_figure(events, 1992)    # cooperation above the axis, friction below

**The rule.** An event's title is read in three steps, matching whole words and ignoring case:

1. a title that *begins* with a third party (:data:`THIRD_PARTIES`: "US bans trade ...",
   "UNSC Resolution 1747 ...") reports what someone else did: ``other``;
2. a title with any of the :data:`FRICTION_CUES` is ``friction``;
3. a title with any of the :data:`COOPERATION_CUES` is ``cooperation``; anything left is ``other``.

Friction is checked before cooperation because a title such as "Medvedev decree bans S-300
delivery" names a deal only to say it was stopped.

The rule is crude on purpose: it is meant to be read, tested and improved, not trusted. It reads
titles written for the timeline, not for this test, and it suits the years after the Soviet
collapse only: before 1991 "treaty" often meant a peace imposed by war.
"""

from __future__ import annotations

import re

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .style import OKABE_ITO, new_figure
from .timeline_charts import select_period
from .vocabularies import ENERGY_INDICATORS

#: Subjects that make a title a report of what a third party did, when the title begins with them.
THIRD_PARTIES: tuple[str, ...] = (
    "CNN",
    "China",
    "E3",
    "EU",
    "IAEA",
    "Israel",
    "NATO",
    "UN",
    "UNSC",
    "US",
)

#: Words in a title that mark one side holding back from, competing with or protesting against
#: the other. Matched as whole words, ignoring case.
FRICTION_CUES: tuple[str, ...] = (
    "accuses",
    "bans",
    "compete",
    "drops",
    "ends",
    "removed",
    "sues",
    "summons",
    "suspends",
)

#: Words in a title that mark the two states acting together.
COOPERATION_CUES: tuple[str, ...] = (
    "agreed",
    "agreement",
    "contract",
    "deal",
    "delivered",
    "deliveries",
    "delivers",
    "eases",
    "exercise",
    "joins",
    "lifts",
    "linked",
    "member",
    "memorandum",
    "protocol",
    "ratifies",
    "signed",
    "signs",
    "summit",
    "treaty",
    "visits",
)

#: The relations the rule assigns, in the order figures and tables list them.
RELATIONS: dict[str, str] = {
    "cooperation": "the two states acting together",
    "friction": "one side holding back from, competing with or protesting against the other",
    "other": "third parties acting, or the title does not settle it",
}

RELATION_COLORS: dict[str, str] = {
    "cooperation": OKABE_ITO["bluish green"],
    "friction": OKABE_ITO["vermillion"],
    "other": "#b3b3b3",
}


def _pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(cue).replace(r"\ ", r"\s+") for cue in cues)
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


_THIRD_PARTY = re.compile(
    rf"^(?:{'|'.join(re.escape(name) for name in THIRD_PARTIES)})\b", re.IGNORECASE
)
_FRICTION = _pattern(FRICTION_CUES)
_COOPERATION = _pattern(COOPERATION_CUES)


def rule_table() -> pd.DataFrame:
    """The classification rule as a table: its steps in order, with the words each looks for."""
    steps = [
        ("begins with a third party", "other", THIRD_PARTIES),
        ("contains a friction word", "friction", FRICTION_CUES),
        ("contains a cooperation word", "cooperation", COOPERATION_CUES),
        ("none of the above", "other", ()),
    ]
    table = pd.DataFrame(
        {
            "If the title ...": [step for step, _, _ in steps],
            "the event counts as": [relation for _, relation, _ in steps],
            "Words looked for": [", ".join(words) for _, _, words in steps],
        },
        index=pd.RangeIndex(1, len(steps) + 1, name="Step"),
    )
    return table


def classify_title(title: str) -> str:
    """``friction``, ``cooperation`` or ``other`` for one event title, by the module's rule."""
    if _THIRD_PARTY.search(title):
        return "other"
    if _FRICTION.search(title):
        return "friction"
    if _COOPERATION.search(title):
        return "cooperation"
    return "other"


def matched_cue(title: str) -> str:
    """The cue that decided a title's relation, to show the rule at work: a third party the title
    begins with, a friction or cooperation word, or nothing."""
    found = _THIRD_PARTY.search(title)
    if found:
        return found.group(0)
    for pattern in (_FRICTION, _COOPERATION):
        found = pattern.search(title)
        if found:
            return found.group(0).lower()
    return ""


def classify_events(
    events: pd.DataFrame, start: int | None = None, end: int | None = None
) -> pd.DataFrame:
    """The events of ``start..end`` with two added columns: ``relation`` and the ``cue`` that
    decided it."""
    shown = select_period(events, start, end).copy()
    shown["relation"] = [classify_title(title) for title in shown["title"]]
    shown["cue"] = [matched_cue(title) for title in shown["title"]]
    return shown


def relation_counts(
    events: pd.DataFrame, start: int | None = None, end: int | None = None, years: int = 1
) -> pd.DataFrame:
    """How many events of each relation fall in each period of ``years`` years, from ``start``
    (or the first event) onwards: periods as rows, relations as columns."""
    if years < 1:
        raise ValueError(f"a period must last at least one year, not {years}")
    shown = classify_events(events, start, end)
    if shown.empty:
        raise ValueError("no events in this period")
    first = int(shown["year"].min()) if start is None else start
    last = int(shown["year"].max()) if end is None else end
    starts = list(range(first, last + 1, years))
    period = (shown["year"] - first) // years
    counts = pd.crosstab(period, shown["relation"])
    counts = counts.reindex(index=range(len(starts)), columns=list(RELATIONS), fill_value=0)
    counts.index = [str(s) if years == 1 else f"{s}–{min(s + years - 1, last)}" for s in starts]
    counts.index.name = "Year" if years == 1 else "Period"
    counts.columns.name = "Relation"
    return counts


def friction_figure(
    events: pd.DataFrame, start: int | None = 1992, end: int | None = None, years: int = 1
) -> Figure:
    """Bars per period: events classed as cooperation above the axis, friction below, and the
    rest (``other``) as a grey outline above the cooperation bar."""
    counts = relation_counts(events, start, end, years)
    fig, ax = new_figure(10.0, 4.8)
    positions = range(len(counts))
    ax.bar(
        positions,
        counts["cooperation"],
        color=RELATION_COLORS["cooperation"],
        label="Cooperation",
    )
    ax.bar(
        positions,
        counts["other"],
        bottom=counts["cooperation"],
        color="white",
        edgecolor=RELATION_COLORS["other"],
        hatch="///",
        label="Other (third parties, unclear)",
    )
    ax.bar(
        positions,
        -counts["friction"],
        color=RELATION_COLORS["friction"],
        label="Friction",
    )
    ax.axhline(0, color="black", linewidth=0.8)
    step = max(1, len(counts) // 12)
    ax.set_xticks(list(positions)[::step], list(counts.index)[::step])
    ax.tick_params(axis="x", rotation=45 if years > 1 else 0)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.yaxis.set_major_formatter(lambda value, _: f"{abs(int(value))}")
    ax.set_xlabel(counts.index.name)
    ax.set_ylabel("Number of events\n(friction below the line)")
    ax.set_title(
        f"Cooperation and friction in the events data, {counts.index[0][:4]}–"
        f"{counts.index[-1][-4:]} (classified by title)"
    )
    ax.legend(loc="upper left")
    return fig


def friction_table(
    events: pd.DataFrame, start: int | None = None, end: int | None = None
) -> pd.DataFrame:
    """The events the rule classes as friction, with the cue that decided each and its sources."""
    shown = classify_events(events, start, end)
    shown = shown[shown["relation"] == "friction"]
    table = pd.DataFrame(
        {
            "Date": shown["date"],
            "Event": shown["title"],
            "Domain": shown["domain"].str.capitalize(),
            "Cue": shown["cue"],
            "Sources": shown["sources"].str.replace(";", "; "),
        }
    )
    return table.set_index("Date")


# --- The two states as energy producers -------------------------------------------------------

#: Colours that pick out the two states; every other producer is drawn in grey.
PRODUCER_COLORS: dict[str, str] = {"Iran": OKABE_ITO["blue"], "Russia": OKABE_ITO["vermillion"]}
OTHER_PRODUCER_COLOR = "#9e9e9e"


def producers_table(energy: pd.DataFrame, indicator: str, year: int) -> pd.DataFrame:
    """Every row of ``indicator`` for ``year``, largest first. Where two sources give a figure for
    the same country, both rows are kept and labelled with their source."""
    if indicator not in ENERGY_INDICATORS:
        raise ValueError(
            f"unknown indicator {indicator!r}; the indicators are " + ", ".join(ENERGY_INDICATORS)
        )
    rows = energy[(energy["indicator"] == indicator) & (energy["year"] == year)]
    if rows.empty:
        years = sorted(
            int(y) for y in energy.loc[energy["indicator"] == indicator, "year"].unique()
        )
        raise ValueError(
            f"no {indicator} figures for {year}; the years with figures are "
            + ", ".join(map(str, years))
        )
    rows = rows.sort_values(["value", "country"], ascending=[False, True])
    repeated = rows["country"].duplicated(keep=False)
    labels = [
        f"{row.country} ({row.sources.split(';')[0]})" if again else row.country
        for row, again in zip(rows.itertuples(), repeated, strict=True)
    ]
    unit = ENERGY_INDICATORS[indicator]
    table = pd.DataFrame(
        {"Producer": labels, f"Value ({unit})": rows["value"], "Sources": rows["sources"]}
    )
    return table.set_index("Producer")


def producers_figure(energy: pd.DataFrame, indicator: str, year: int) -> Figure:
    """Horizontal bars of ``indicator`` in ``year`` for every producer in the data, Iran and
    Russia in colour and the others in grey, each bar labelled with its value."""
    table = producers_table(energy, indicator, year)
    unit = ENERGY_INDICATORS[indicator]
    values = table[f"Value ({unit})"]
    colors = [
        PRODUCER_COLORS.get(label.split(" (")[0], OTHER_PRODUCER_COLOR) for label in table.index
    ]
    fig, ax = new_figure(8.5, 0.45 * len(table) + 1.8)
    bars = ax.barh(list(table.index), values, color=colors)
    ax.bar_label(bars, labels=[f"{v:,.0f}" for v in values], padding=3, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, values.max() * 1.15)
    ax.set_xlabel(f"{indicator.replace('_', ' ').capitalize()} ({unit})")
    ax.set_title(
        f"{indicator.replace('_', ' ').capitalize()} in {year}: Iran and Russia among peers"
    )
    ax.legend(
        handles=[Patch(color=c, label=n) for n, c in PRODUCER_COLORS.items()]
        + [Patch(color=OTHER_PRODUCER_COLOR, label="Other producers in the data")],
        loc="lower right",
    )
    return fig
