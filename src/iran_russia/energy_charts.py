"""Reserves and production of Iran, Russia and comparators (``energy.csv``), drawn so that the
differences between sources and between definitions stay visible.

Every indicator has one unit (``vocabularies.ENERGY_INDICATORS``), shown on every axis. Figures keep
all rows, so that where OPEC and the Statistical Review disagree both values appear; and
``oil_production`` (total oil, with natural gas liquids) is never joined to ``crude_production``
(crude oil, with condensate where the source includes it).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from .style import OKABE_ITO, SERIES_COLORS, new_figure
from .vocabularies import ENERGY_INDICATORS

#: Who compiled a figure, as each row's note names it. A note may mention several (to compare
#: them); the first named is the row's own.
REPORTING_BODIES = {
    "bp Statistical Review": "bp Statistical Review",
    "EI Statistical Review": "Energy Institute Statistical Review",
    "OPEC": "OPEC Annual Statistical Bulletin",
    "US EIA": "US Energy Information Administration",
    "Russian Energy Ministry": "Russian Energy Ministry",
    "Energy Research Unit": "Energy Research Unit (Attaqa) ranking",
}
OTHER_BODY = "other"

BODY_MARKERS = {
    "bp Statistical Review": "o",
    "Energy Institute Statistical Review": "s",
    "OPEC Annual Statistical Bulletin": "D",
    "US Energy Information Administration": "^",
    "Russian Energy Ministry": "v",
    "Energy Research Unit (Attaqa) ranking": "P",
    OTHER_BODY: "X",
}

INDICATOR_LABELS = {
    "oil_reserves": "Proved oil reserves",
    "gas_reserves": "Proved gas reserves",
    "oil_production": "Oil production (total, incl. NGLs)",
    "crude_production": "Crude oil production (with condensate where included)",
    "gas_production": "Marketed gas production",
}

#: One fixed colour per country, so a country looks the same in every figure.
COUNTRY_COLORS = {
    "Iran": OKABE_ITO["orange"],
    "Russia": OKABE_ITO["blue"],
    "Saudi Arabia": OKABE_ITO["bluish green"],
    "United States": OKABE_ITO["black"],
    "Qatar": OKABE_ITO["reddish purple"],
    "Venezuela": OKABE_ITO["vermillion"],
}


def reporting_body(note: str) -> str:
    """The body whose figure a row gives: the first one its note names (``"other"`` if none)."""
    found = [(note.find(key), name) for key, name in REPORTING_BODIES.items() if key in note]
    return min(found)[1] if found else OTHER_BODY


def _country_color(country: str, countries: list[str]) -> str:
    if country in COUNTRY_COLORS:
        return COUNTRY_COLORS[country]
    return SERIES_COLORS[countries.index(country) % len(SERIES_COLORS)]


def select(energy: pd.DataFrame, indicator: str, countries=None) -> pd.DataFrame:
    """The rows of one indicator (and of some countries), with each row's reporting body."""
    if indicator not in ENERGY_INDICATORS:
        raise ValueError(
            f"unknown energy indicator {indicator!r}; the indicators are "
            + ", ".join(ENERGY_INDICATORS)
        )
    rows = energy[energy["indicator"] == indicator]
    if countries is not None:
        countries = [countries] if isinstance(countries, str) else list(countries)
        unknown = sorted(set(countries) - set(energy["country"]))
        if unknown:
            raise ValueError(
                f"no energy data for {', '.join(unknown)}; the countries are "
                + ", ".join(sorted(set(energy["country"])))
            )
        rows = rows[rows["country"].isin(countries)]
    rows = rows.assign(body=rows["note"].map(reporting_body))
    return rows.sort_values(["country", "year", "body"]).reset_index(drop=True)


def energy_table(energy: pd.DataFrame, indicator: str, countries=None) -> pd.DataFrame:
    """One indicator's rows as a table: country, year, value with its unit, who reported it."""
    rows = select(energy, indicator, countries)
    unit = ENERGY_INDICATORS[indicator]
    table = pd.DataFrame(
        {
            "Country": rows["country"],
            "Year": rows["year"],
            f"Value ({unit})": rows["value"],
            "Reported by": rows["body"],
            "Sources": rows["sources"].str.replace(";", "; "),
        }
    )
    return table.set_index(["Country", "Year"])


def _broken_at_gaps(part: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Years and values with a gap (NaN) wherever a year is missing, so that a line joins only
    consecutive years and nothing is drawn as if it had been interpolated."""
    years, values = [], []
    for year, value in zip(part["year"], part["value"], strict=True):
        if years and year - years[-1] > 1:
            years.append(np.nan)
            values.append(np.nan)
        years.append(year)
        values.append(value)
    return np.array(years, dtype=float), np.array(values, dtype=float)


def _body_legend(ax, bodies: list[str], loc="lower left", anchor=(1.0, 0.0), hollow=False):
    handles = [
        Line2D(
            [],
            [],
            marker=BODY_MARKERS[b],
            linestyle="",
            color="#444444",
            label=b,
            markerfacecolor="none" if hollow else "#444444",
            markeredgewidth=1.5,
        )
        for b in bodies
    ]
    return ax.legend(handles=handles, title="Reported by", loc=loc, bbox_to_anchor=anchor)


def reserves_figure(energy: pd.DataFrame, indicator: str = "gas_reserves") -> Figure:
    """Proved reserves by country: one open marker per row, its shape the reporting body and its
    label the year (points within 2 % of the axis share a label), so that the spread between
    sources for one country is visible at a glance."""
    if indicator not in ("oil_reserves", "gas_reserves"):
        raise ValueError(f"reserves_figure draws oil_reserves or gas_reserves, not {indicator!r}")
    rows = select(energy, indicator)
    order = rows.groupby("country")["value"].max().sort_values().index.tolist()
    fig, ax = new_figure(9.0, 0.6 * len(order) + 2.0)
    close = rows["value"].max() * 0.02  # points this near share one label
    for row in rows.itertuples():
        ax.scatter(
            row.value,
            order.index(row.country),
            marker=BODY_MARKERS[row.body],
            s=80,
            facecolor="none",  # open markers: a source hidden behind another still shows
            edgecolor=_country_color(row.country, order),
            linewidth=1.8,
            zorder=3,
        )
    for y, country in enumerate(order):
        part = rows[rows["country"] == country].sort_values("value")
        clusters: list[list] = []
        for row in part.itertuples():
            if clusters and row.value - clusters[-1][-1].value <= close:
                clusters[-1].append(row)
            else:
                clusters.append([row])
        for index, cluster in enumerate(clusters):
            years = ", ".join(str(year) for year in sorted({r.year for r in cluster}))
            above = index % 2 == 0  # neighbouring labels alternate above and below
            ax.annotate(
                years,
                (sum(r.value for r in cluster) / len(cluster), y),
                xytext=(0, 7 if above else -8),
                textcoords="offset points",
                ha="center",
                va="bottom" if above else "top",
                fontsize=7.5,
                color="#444444",
            )
    for y, country in enumerate(order):
        values = rows.loc[rows["country"] == country, "value"]
        ax.hlines(y, values.min(), values.max(), color="#bbbbbb", linewidth=2, zorder=1)
    ax.set_yticks(range(len(order)), order)
    ax.set_ylim(-0.6, len(order) - 0.3)
    ax.set_xlim(0, rows["value"].max() * 1.08)
    ax.set_xlabel(f"{INDICATOR_LABELS[indicator]} ({ENERGY_INDICATORS[indicator]})")
    ax.set_title(f"{INDICATOR_LABELS[indicator]}: the figure depends on who counts")
    ax.grid(axis="x", color="#e5e5e5", zorder=0)
    _body_legend(ax, sorted(set(rows["body"]), key=list(BODY_MARKERS).index), hollow=True)
    return fig


def production_figure(
    energy: pd.DataFrame,
    indicator: str = "gas_production",
    countries=("Russia", "Iran", "United States", "Qatar", "Saudi Arabia"),
) -> Figure:
    """Production over time for some countries: one colour per country, one marker per reporting
    body; the points of one country and body are joined, different bodies are not."""
    if indicator not in ("gas_production", "oil_production", "crude_production"):
        raise ValueError(f"production_figure draws a production indicator, not {indicator!r}")
    rows = select(energy, indicator, countries)
    if rows.empty:
        raise ValueError(f"no {indicator} rows for {', '.join(countries)}")
    names = list(dict.fromkeys(countries))
    fig, ax = new_figure(9.0, 4.8)
    for (country, body), part in rows.groupby(["country", "body"], sort=False):
        ax.plot(
            *_broken_at_gaps(part),
            marker=BODY_MARKERS[body],
            color=_country_color(country, names),
            linewidth=1,
            markersize=7,
            markeredgecolor="white",
        )
    ax.set_xlabel("Year")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(f"{ENERGY_INDICATORS[indicator]}".capitalize())
    ax.set_title(f"{INDICATOR_LABELS[indicator]} (lines join consecutive years only)")
    ax.set_ylim(0, rows["value"].max() * 1.1)
    ax.grid(axis="y", color="#e5e5e5")
    country_handles = [
        Line2D([], [], color=_country_color(c, names), linewidth=3, label=c)
        for c in names
        if c in set(rows["country"])
    ]
    first = ax.legend(
        handles=country_handles, title="Country", loc="upper left", bbox_to_anchor=(1.0, 1.0)
    )
    ax.add_artist(first)
    _body_legend(ax, sorted(set(rows["body"]), key=list(BODY_MARKERS).index))
    return fig


def oil_definitions_figure(
    energy: pd.DataFrame, countries=("Iran", "Russia", "Saudi Arabia", "United States")
) -> Figure:
    """Oil output under its two definitions: total oil (``oil_production``, filled markers and
    solid lines) and crude oil (``crude_production``, open markers and dashed lines). The two are
    drawn side by side and never joined: they measure different things."""
    total = select(energy, "oil_production", countries)
    crude = select(energy, "crude_production", countries)
    if total.empty and crude.empty:
        raise ValueError(f"no oil production rows for {', '.join(countries)}")
    names = list(dict.fromkeys(countries))
    fig, ax = new_figure(9.0, 5.0)
    for rows, dashed in ((total, False), (crude, True)):
        for (country, body), part in rows.groupby(["country", "body"], sort=False):
            color = _country_color(country, names)
            ax.plot(
                *_broken_at_gaps(part),
                marker=BODY_MARKERS[body],
                color=color,
                linestyle="--" if dashed else "-",
                linewidth=1,
                markersize=7,
                markerfacecolor="white" if dashed else color,
                markeredgewidth=1.5,
            )
    ax.set_xlabel("Year")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(ENERGY_INDICATORS["oil_production"].capitalize())
    ax.set_ylim(0, max(total["value"].max(), crude["value"].max()) * 1.1)
    ax.set_title("Oil output: total oil and crude oil are different measures")
    ax.grid(axis="y", color="#e5e5e5")
    present = set(total["country"]) | set(crude["country"])
    handles = [
        Line2D([], [], color=_country_color(c, names), linewidth=3, label=c)
        for c in names
        if c in present
    ]
    handles += [
        Line2D([], [], color="#444444", marker="o", label="total oil, incl. NGLs"),
        Line2D(
            [],
            [],
            color="#444444",
            marker="o",
            markerfacecolor="white",
            linestyle="--",
            label="crude oil (and condensate)",
        ),
    ]
    first = ax.legend(
        handles=handles, title="Country / measure", loc="upper left", bbox_to_anchor=(1.0, 1.0)
    )
    ax.add_artist(first)
    bodies = sorted(set(total["body"]) | set(crude["body"]), key=list(BODY_MARKERS).index)
    _body_legend(ax, bodies)
    return fig


def ratio(
    energy: pd.DataFrame,
    indicator: str,
    year: int,
    numerator: str,
    denominator: str,
    body: str = "Energy Institute Statistical Review",
) -> float:
    """How many times ``numerator``'s value is ``denominator``'s, for one indicator, year and
    reporting body (so that both figures share one definition and one compiler)."""
    rows = select(energy, indicator, [numerator, denominator])
    rows = rows[(rows["year"] == year) & (rows["body"] == body)]
    values = {}
    for country in (numerator, denominator):
        found = rows.loc[rows["country"] == country, "value"]
        if len(found) != 1:
            raise ValueError(
                f"need exactly one {indicator} row for {country} in {year} from {body}, "
                f"found {len(found)}"
            )
        values[country] = float(found.iloc[0])
    if values[denominator] == 0:
        raise ValueError(f"{denominator}'s {indicator} in {year} is zero")
    return values[numerator] / values[denominator]
