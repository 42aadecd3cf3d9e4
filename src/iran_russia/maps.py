"""The module's map: country outlines from ``data/map/countries.geojson`` and the places of
``data/places.csv``, drawn with matplotlib alone.

The boundary file is small, public domain (Natural Earth 1:110m) and read with :mod:`json`; no map
data is downloaded and no GIS library is needed. The projection is plain longitude/latitude with the
horizontal axis stretched by 1/cos(middle latitude), so shapes look right in the middle of the map.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon

from .paths import data_dir
from .style import OKABE_ITO, new_figure
from .vocabularies import PLACE_KINDS

MAP_FILE = Path("map") / "countries.geojson"

#: (west, south, east, north) of the book's regional map, in degrees.
DEFAULT_EXTENT = (28.0, 24.0, 64.0, 58.5)

#: One colour and one marker per kind of place: shape and colour both tell kinds apart.
KIND_STYLE: dict[str, dict[str, object]] = {
    "capital": {"color": OKABE_ITO["black"], "marker": "*", "size": 15},
    "city": {"color": OKABE_ITO["blue"], "marker": "o", "size": 8},
    "port": {"color": OKABE_ITO["sky blue"], "marker": "s", "size": 8},
    "nuclear site": {"color": OKABE_ITO["reddish purple"], "marker": "D", "size": 8},
    "military base": {"color": OKABE_ITO["vermillion"], "marker": "^", "size": 10},
    "corridor node": {"color": OKABE_ITO["bluish green"], "marker": "h", "size": 9},
}
assert set(KIND_STYLE) == set(PLACE_KINDS), "every kind of place needs a style"

LAND = "#f2f2f2"
WATER = "#e3eef6"
BORDER = "#9a9a9a"
#: The two states of the book, tinted (light tints of the palette's orange and blue).
HIGHLIGHT = {"Iran": "#f6dcaa", "Russia": "#c6def0"}

#: Places drawn as a water label (italic, no marker) rather than as a point.
WATER_LABELS = ("caspian-sea",)

#: The North-South corridor as the map draws it: straight lines between these places, in order.
CORRIDOR = ("bandar-abbas", "tehran", "rasht", "astara", "astrakhan", "moscow")

#: Where each place's label goes: (dx, dy) in points from the marker and the text alignment.
LABEL_OFFSETS: dict[str, tuple[float, float, str]] = {
    "tehran": (8, -2, "left"),
    "moscow": (8, 0, "left"),
    "bushehr-npp": (-8, 0, "right"),
    "bandar-abbas": (8, -4, "left"),
    "rasht": (-7, -6, "right"),
    "astara": (-7, 2, "right"),
    "astrakhan": (8, 2, "left"),
    "tartus": (8, -5, "left"),
    "hmeimim": (8, 5, "left"),
    "alabuga": (-8, 6, "right"),
}
DEFAULT_OFFSET = (8, 0, "left")

#: Country names printed on the map, at these (longitude, latitude) points.
COUNTRY_LABELS = {
    "IRAN": (57.6, 32.6),
    "RUSSIA": (44.0, 52.0),
    "TURKEY": (34.5, 39.2),
    "SYRIA": (38.6, 33.6),
    "IRAQ": (43.3, 33.0),
    "SAUDI ARABIA": (44.5, 25.5),
    "AZERBAIJAN": (47.6, 40.75),
    "TURKMENISTAN": (59.0, 39.6),
    "KAZAKHSTAN": (58.5, 48.0),
    "AFGHANISTAN": (63.2, 33.2),
}

#: Seas named on the map for orientation (the Caspian is a row of places.csv).
SEA_LABELS = {
    "Black Sea": (34.5, 43.3),
    "Mediterranean": (31.2, 33.2),
    "Persian Gulf": (52.6, 26.4),
}


def load_countries(path: Path | None = None) -> list[dict]:
    """The country features of the boundary file (a GeoJSON FeatureCollection)."""
    path = path or data_dir() / MAP_FILE
    try:
        collection = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(
            f"no boundary file at {path}: it is made by scripts/make_map_data.py"
        ) from None
    if collection.get("type") != "FeatureCollection" or not collection.get("features"):
        raise ValueError(f"{path} is not a GeoJSON FeatureCollection with features")
    return collection["features"]


def _rings(feature: dict) -> list[list[list[float]]]:
    geometry = feature["geometry"]
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    raise ValueError(f"cannot draw a {geometry['type']} geometry")


def check_extent(extent: tuple[float, float, float, float]) -> None:
    """Raise a ValueError unless ``extent`` is (west, south, east, north) in degrees, in order."""
    if len(extent) != 4:
        raise ValueError("extent must be (west, south, east, north)")
    west, south, east, north = extent
    if not (-180 <= west < east <= 180):
        raise ValueError(f"extent: west ({west}) must be less than east ({east}), within ±180")
    if not (-90 <= south < north <= 90):
        raise ValueError(f"extent: south ({south}) must be less than north ({north}), within ±90")


def _scale_bar(ax, extent, kilometres: int = 500) -> None:
    """A north-south scale bar: on this projection a degree of latitude is about 111 km
    everywhere, so the bar is true anywhere on the map (an east-west bar would not be)."""
    west, south, east, north = extent
    degrees = kilometres / 111.2
    x = west + 0.04 * (east - west)
    y0 = south + 0.05 * (north - south)
    ax.plot([x, x], [y0, y0 + degrees], color="black", linewidth=2.5, solid_capstyle="butt")
    for y in (y0, y0 + degrees):
        ax.plot([x - 0.35, x + 0.35], [y, y], color="black", linewidth=1.2)
    ax.text(
        x + 0.6,
        y0 + degrees / 2,
        f"{kilometres} km\n(north–south)",
        ha="left",
        va="center",
        fontsize=8,
    )


def region_map(
    places: pd.DataFrame,
    countries: list[dict] | None = None,
    extent: tuple[float, float, float, float] = DEFAULT_EXTENT,
    corridor: tuple[str, ...] = CORRIDOR,
    title: str = "Places of the Iran–Russia relationship",
) -> Figure:
    """The region with Iran and Russia tinted, the places of ``places.csv`` marked by kind and
    labelled, the North-South corridor drawn schematically, a graticule and a scale bar."""
    check_extent(extent)
    unknown_kinds = sorted(set(places["kind"]) - set(KIND_STYLE))
    if unknown_kinds:
        raise ValueError(f"no map style for kind {', '.join(unknown_kinds)}")
    missing = [pid for pid in corridor if pid not in set(places["id"])]
    if missing:
        raise ValueError(f"corridor names places not in places.csv: {', '.join(missing)}")
    countries = load_countries() if countries is None else countries
    west, south, east, north = extent
    stretch = 1 / math.cos(math.radians((south + north) / 2))
    width, legend_width = 9.4, 3.2
    height = (width - legend_width) * (north - south) * stretch / (east - west) + 0.9
    fig, ax = new_figure(width, height)
    ax.set_facecolor(WATER)
    for feature in countries:
        name = feature["properties"]["name"]
        for ring in _rings(feature):
            ax.add_patch(
                Polygon(
                    ring,
                    closed=True,
                    facecolor=HIGHLIGHT.get(name, LAND),
                    edgecolor=BORDER,
                    linewidth=0.6,
                    zorder=1,
                )
            )
    for label, (lon, lat) in COUNTRY_LABELS.items():
        if west < lon < east and south < lat < north:
            strong = label.title() in HIGHLIGHT
            ax.text(
                lon,
                lat,
                label,
                ha="center",
                va="center",
                zorder=2,
                fontsize=10 if strong else 7.5,
                color="#333333" if strong else "#777777",
                fontweight="bold" if strong else "normal",
            )
    for label, (lon, lat) in SEA_LABELS.items():
        if west < lon < east and south < lat < north:
            ax.text(
                lon,
                lat,
                label,
                ha="center",
                va="center",
                fontsize=7.5,
                fontstyle="italic",
                color="#1f5a85",
                zorder=2,
            )
    # Graticule every 5 degrees, labelled on the frame.
    ax.set_xticks(range(int(math.ceil(west / 5) * 5), int(east) + 1, 5))
    ax.set_yticks(range(int(math.ceil(south / 5) * 5), int(north) + 1, 5))
    ax.set_xticklabels([f"{int(t)}°E" for t in ax.get_xticks()])
    ax.set_yticklabels([f"{int(t)}°N" for t in ax.get_yticks()])
    ax.grid(color="white", linewidth=0.8, zorder=1.5)
    ax.set_axisbelow(False)
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("#555555")
    # The corridor, under the markers.
    located = places.set_index("id")
    ax.plot(
        [located.loc[pid, "longitude"] for pid in corridor],
        [located.loc[pid, "latitude"] for pid in corridor],
        color=OKABE_ITO["bluish green"],
        linewidth=2,
        linestyle=(0, (4, 2)),
        zorder=3,
    )
    for row in places.itertuples():
        if row.id in WATER_LABELS:
            ax.text(
                row.longitude,
                row.latitude,
                row.name.replace(" ", "\n"),
                ha="center",
                va="center",
                fontsize=9,
                fontstyle="italic",
                color="#1f5a85",
                zorder=4,
            )
            continue
        style = KIND_STYLE[row.kind]
        ax.plot(
            row.longitude,
            row.latitude,
            marker=style["marker"],
            color=style["color"],
            markersize=style["size"],
            markeredgecolor="white",
            markeredgewidth=0.8,
            linestyle="",
            zorder=5,
        )
        dx, dy, align = LABEL_OFFSETS.get(row.id, DEFAULT_OFFSET)
        ax.annotate(
            row.name,
            (row.longitude, row.latitude),
            xytext=(dx, dy),
            textcoords="offset points",
            ha=align,
            va="center",
            fontsize=8.5,
            zorder=6,
            bbox={
                "boxstyle": "round,pad=0.15",
                "facecolor": "white",
                "alpha": 0.8,
                "edgecolor": "none",
            },
        )
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(stretch)
    _scale_bar(ax, extent)
    kinds = [
        k for k in PLACE_KINDS if k in set(places.loc[~places["id"].isin(WATER_LABELS), "kind"])
    ]
    handles = [
        Line2D(
            [],
            [],
            marker=KIND_STYLE[k]["marker"],
            color=KIND_STYLE[k]["color"],
            linestyle="",
            markersize=KIND_STYLE[k]["size"],
            markeredgecolor="white",
            label=k,
        )
        for k in kinds
    ]
    handles.append(
        Line2D(
            [],
            [],
            color=OKABE_ITO["bluish green"],
            linewidth=2,
            linestyle=(0, (4, 2)),
            label="North–South\ncorridor (schematic)",
        )
    )
    handles += [
        Patch(facecolor=colour, edgecolor=BORDER, label=name) for name, colour in HIGHLIGHT.items()
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="Legend")
    ax.set_title(title)
    return fig
