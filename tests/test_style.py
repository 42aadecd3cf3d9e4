import matplotlib as mpl
import matplotlib.colors as mcolors
import pytest

from iran_russia import style
from iran_russia.vocabularies import DOMAINS


def test_every_domain_has_a_distinct_colour_and_marker():
    colours = [style.DOMAIN_STYLE[d]["color"] for d in DOMAINS]
    markers = [style.DOMAIN_STYLE[d]["marker"] for d in DOMAINS]
    assert len(set(colours)) == len(DOMAINS)
    assert len(set(markers)) == len(DOMAINS)


def test_domain_colours_come_from_the_colour_blind_safe_palette():
    palette = set(style.OKABE_ITO.values())
    assert {style.domain_color(d) for d in DOMAINS} <= palette
    assert style.OKABE_ITO["yellow"] not in style.SERIES_COLORS


def test_unknown_domain_is_named():
    with pytest.raises(KeyError, match="unknown domain 'culture'"):
        style.domain_color("culture")


def test_book_style_draws_on_opaque_white_for_dark_mode():
    style.use_book_style()
    assert mcolors.to_rgba(mpl.rcParams["figure.facecolor"]) == (1.0, 1.0, 1.0, 1.0)
    assert mcolors.to_rgba(mpl.rcParams["savefig.facecolor"]) == (1.0, 1.0, 1.0, 1.0)
    assert mpl.rcParams["savefig.transparent"] is False
