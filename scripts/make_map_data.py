"""Make ``data/map/countries.geojson``, the book's boundary file (run once; output committed).

The boundaries are Natural Earth's 1:110m Admin 0 countries (public domain), as shipped inside the
geopandas 0.14.4 wheel (``geopandas/datasets/naturalearth_lowres``). This script reads that
shapefile with the standard library only (a minimal reader for polygon shapefiles and dBASE
tables), keeps the countries that reach into the region the book maps, clips every ring to the
region's box (so Russia is cut at the box's edges) and writes a small GeoJSON file. The book reads
the GeoJSON with ``json`` and draws it with matplotlib: nothing is downloaded at run time.

Usage (from the repository root)::

    pip download geopandas==0.14.4 --no-deps -d /tmp/gpd
    unzip /tmp/gpd/geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*' -d /tmp/gpd/ex
    python scripts/make_map_data.py /tmp/gpd/ex/geopandas/datasets/naturalearth_lowres
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

#: The region kept: (west, south, east, north) in degrees. Wider than the book's map (lon 25-80 E,
#: lat 10-55 N, plus Moscow and Tatarstan) so that no drawn coast ends at the frame.
BOX = (20.0, 5.0, 90.0, 62.0)
DECIMALS = 3
OUTPUT = Path(__file__).resolve().parents[1] / "data" / "map" / "countries.geojson"
POLYGON = 5


def read_dbf(path: Path) -> list[dict[str, str]]:
    """The records of a dBASE III table, every field as stripped text, decoded with the
    code page the ``.cpg`` file beside it names (UTF-8 if there is none)."""
    cpg = path.with_suffix(".cpg")
    encoding = cpg.read_text(encoding="ascii").strip() if cpg.is_file() else "utf-8"
    raw = path.read_bytes()
    count, header_size, record_size = struct.unpack("<IHH", raw[4:12])
    fields = []
    for offset in range(32, header_size - 1, 32):
        descriptor = raw[offset : offset + 32]
        name = descriptor[:11].split(b"\x00")[0].decode("ascii")
        fields.append((name, descriptor[16]))
    records = []
    for index in range(count):
        start = header_size + index * record_size
        record = raw[start : start + record_size]
        position, values = 1, {}  # byte 0 is the deletion flag
        for name, size in fields:
            values[name] = record[position : position + size].decode(encoding).strip()
            position += size
        records.append(values)
    return records


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    """The rings of every record of a polygon shapefile (``.shp``), in file order."""
    raw = path.read_bytes()
    shapes, offset = [], 100
    while offset < len(raw):
        _, length = struct.unpack(">II", raw[offset : offset + 8])
        content = raw[offset + 8 : offset + 8 + 2 * length]
        offset += 8 + 2 * length
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type != POLYGON:
            raise ValueError(f"{path.name}: record of shape type {shape_type}, not a polygon")
        parts_count, points_count = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{parts_count}i", content[44 : 44 + 4 * parts_count]))
        start = 44 + 4 * parts_count
        flat = struct.unpack(f"<{2 * points_count}d", content[start : start + 16 * points_count])
        points = list(zip(flat[0::2], flat[1::2], strict=True))
        bounds = [*parts[1:], points_count]
        shapes.append([points[a:b] for a, b in zip(parts, bounds, strict=True)])
    return shapes


def clip_ring(ring: list[tuple[float, float]], box=BOX) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the part of a ring inside the box (a closed ring, or [])."""
    west, south, east, north = box
    edges = [
        (lambda p: p[0] >= west, lambda p, q: _at_x(p, q, west)),
        (lambda p: p[0] <= east, lambda p, q: _at_x(p, q, east)),
        (lambda p: p[1] >= south, lambda p, q: _at_y(p, q, south)),
        (lambda p: p[1] <= north, lambda p, q: _at_y(p, q, north)),
    ]
    points = ring[:-1] if ring and ring[0] == ring[-1] else list(ring)
    for inside, cross in edges:
        if not points:
            break
        kept = []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if inside(current):
                if not inside(previous):
                    kept.append(cross(previous, current))
                kept.append(current)
            elif inside(previous):
                kept.append(cross(previous, current))
        points = kept
    if len(points) < 3:
        return []
    return [*points, points[0]]


def _at_x(p, q, x):
    return (x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]))


def _at_y(p, q, y):
    return (p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y)


def _rounded(ring):
    out = []
    for x, y in ring:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def build(folder: Path) -> dict:
    stem = folder / folder.name
    records = read_dbf(stem.with_suffix(".dbf"))
    shapes = read_polygons(stem.with_suffix(".shp"))
    features = []
    for record, rings in zip(records, shapes, strict=True):
        clipped = [_rounded(r) for r in (clip_ring(ring) for ring in rings) if r]
        clipped = [ring for ring in clipped if len(ring) >= 4]
        if not clipped:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": record["name"], "iso_a3": record["iso_a3"]},
                # Each ring is drawn as its own polygon: at 1:110m these countries have no holes.
                "geometry": {"type": "MultiPolygon", "coordinates": [[ring] for ring in clipped]},
            }
        )
    features.sort(key=lambda feature: feature["properties"]["name"])
    return {
        "type": "FeatureCollection",
        "name": "countries",
        "bbox": list(BOX),
        "features": features,
    }


def main(arguments: list[str]) -> int:
    if len(arguments) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    collection = build(Path(arguments[0]))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    OUTPUT.write_text(text + "\n", encoding="utf-8")
    names = ", ".join(f["properties"]["name"] for f in collection["features"])
    print(f"wrote {OUTPUT} ({len(text) // 1024} KiB, {len(collection['features'])} countries)")
    print(names)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
