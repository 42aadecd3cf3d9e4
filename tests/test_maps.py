import json

import pytest

from iran_russia import data, maps
from iran_russia.paths import data_dir
from iran_russia.vocabularies import PLACE_KINDS


@pytest.fixture(scope="module")
def places():
    return data.read_table("places")


def test_boundary_file_is_small_and_holds_the_region(places):
    path = data_dir() / maps.MAP_FILE
    assert path.stat().st_size < 200_000
    names = {f["properties"]["name"] for f in maps.load_countries()}
    assert {"Iran", "Russia", "Syria", "Azerbaijan", "Kazakhstan", "Turkmenistan"} <= names
    west, south, east, north = json.loads(path.read_text(encoding="utf-8"))["bbox"]
    for feature in maps.load_countries():
        for ring in maps._rings(feature):
            assert all(west <= x <= east and south <= y <= north for x, y in ring)


def test_every_place_lies_inside_the_default_map(places):
    west, south, east, north = maps.DEFAULT_EXTENT
    assert places["longitude"].between(west, east).all()
    assert places["latitude"].between(south, north).all()
    assert set(places["kind"]) <= set(PLACE_KINDS)


def test_map_marks_and_labels_every_place(places):
    fig = maps.region_map(places)
    ax = fig.axes[0]
    points = [line for line in ax.lines if line.get_marker() not in (None, "None", "")]
    point_places = places[~places["id"].isin(maps.WATER_LABELS)]
    assert len(points) == len(point_places)
    texts = {t.get_text() for t in ax.texts}
    assert set(point_places["name"]) <= texts
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert set(point_places["kind"]) <= set(legend)
    countries = sum(len(maps._rings(f)) for f in maps.load_countries())
    assert len([p for p in ax.patches]) == countries


@pytest.mark.parametrize(
    ("extent", "message"),
    [
        ((60, 20, 30, 50), "west \\(60\\) must be less than east"),
        ((30, 50, 60, 20), "south \\(50\\) must be less than north"),
        ((30, 20, 60), "west, south, east, north"),
    ],
)
def test_bad_extent_is_named(places, extent, message):
    with pytest.raises(ValueError, match=message):
        maps.region_map(places, extent=extent)


def test_corridor_through_an_unknown_place_is_named(places):
    with pytest.raises(ValueError, match="not in places.csv: atlantis"):
        maps.region_map(places, corridor=("tehran", "atlantis"))


def test_unknown_kind_is_named(places):
    broken = places.copy()
    broken.loc[0, "kind"] = "spaceport"
    with pytest.raises(ValueError, match="no map style for kind spaceport"):
        maps.region_map(broken)


def test_missing_or_wrong_boundary_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="make_map_data.py"):
        maps.load_countries(tmp_path / "none.geojson")
    wrong = tmp_path / "wrong.geojson"
    wrong.write_text('{"type": "Feature"}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a GeoJSON FeatureCollection"):
        maps.load_countries(wrong)
