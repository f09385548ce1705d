"""Rebuild land-110m.json from Natural Earth 1:110m admin-0 countries (see README.md); not imported by the project.

Run with pyshp in a throwaway virtualenv: `python make_land.py naturalearth_lowres.shp land-110m.json`.
"""

import json
import sys

import shapefile  # pyshp, pure Python: only this script needs it

STEP = 0.5  # degrees: finer than a printed A4 map of the world shows
MIN_AREA = 1.0  # square degrees: smaller islands are dropped


def _area(ring: list[tuple[float, float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def simplify(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    ring = []
    for x, y in points:
        point = (round(x / STEP) * STEP, round(y / STEP) * STEP)
        if not ring or ring[-1] != point:
            ring.append(point)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    return ring


def main(source: str, target: str) -> None:
    rings = []
    for shape in shapefile.Reader(source).shapes():
        starts = [*shape.parts, len(shape.points)]
        for start, end in zip(starts, starts[1:], strict=False):
            ring = simplify(shape.points[start:end])
            if len(ring) >= 3 and _area(ring) >= MIN_AREA:
                rings.append([round(v, 1) for point in ring for v in point])
    with open(target, "w") as file:
        json.dump(
            {"source": "Natural Earth 1:110m admin-0 countries", "step": STEP, "rings": rings},
            file,
            separators=(",", ":"),
        )


if __name__ == "__main__":
    main(*sys.argv[1:3])
