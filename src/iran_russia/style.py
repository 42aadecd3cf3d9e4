"""The book's one look for figures: a colour-blind-safe palette and matplotlib settings.

Colours come from the Okabe–Ito palette (Okabe & Ito, *Color Universal Design*, 2008), which stays
distinguishable under the common forms of colour blindness. Every figure has an opaque white
background, so it stays legible when a reader switches the book's theme to dark mode.
"""

from __future__ import annotations

import matplotlib as mpl
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .vocabularies import DOMAINS

OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

#: One colour and one marker per event domain: colour and shape both tell domains apart.
DOMAIN_STYLE: dict[str, dict[str, str]] = {
    "diplomacy": {"color": OKABE_ITO["blue"], "marker": "o"},
    "defense": {"color": OKABE_ITO["vermillion"], "marker": "^"},
    "energy": {"color": OKABE_ITO["orange"], "marker": "s"},
    "nuclear": {"color": OKABE_ITO["reddish purple"], "marker": "D"},
    "economy": {"color": OKABE_ITO["bluish green"], "marker": "P"},
    "regional": {"color": OKABE_ITO["sky blue"], "marker": "v"},
    "domestic": {"color": OKABE_ITO["black"], "marker": "X"},
}
assert set(DOMAIN_STYLE) == set(DOMAINS), "every domain needs a style"

#: Yellow is kept out of the cycle: it is too pale on a white background.
SERIES_COLORS = [
    OKABE_ITO[name]
    for name in (
        "blue",
        "vermillion",
        "bluish green",
        "orange",
        "reddish purple",
        "sky blue",
        "black",
    )
]

RC_PARAMS = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.transparent": False,
    "axes.prop_cycle": cycler(color=SERIES_COLORS),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titleweight": "bold",
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "font.size": 10.5,
    "legend.frameon": False,
    "svg.hashsalt": "iran-russia",
}


def use_book_style() -> None:
    """Apply the book's matplotlib settings (call once at the top of a notebook)."""
    mpl.rcParams.update(RC_PARAMS)


def new_figure(width: float, height: float) -> tuple[Figure, Axes]:
    """A figure with one set of axes, outside pyplot: it is shown once, where a notebook cell
    returns it, and never leaks into a later cell."""
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.subplots()


def domain_color(domain: str) -> str:
    """The colour of an event domain; a ``KeyError`` names the unknown domain."""
    try:
        return DOMAIN_STYLE[domain]["color"]
    except KeyError:
        raise KeyError(f"unknown domain {domain!r}; the domains are {', '.join(DOMAINS)}") from None
