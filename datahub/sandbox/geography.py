"""Real geography of a sandbox city, bundled as a data file (``data/<city>.json``).

Coordinates are approximate positions of real places (stations, public car parks, air-quality stations,
bus stops); they only need to look right on a map and stay inside the city's bounds.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
CITIES = ("gwacheon",)


class UnknownCity(ValueError):
    pass


@dataclass(frozen=True)
class City:
    key: str
    name: str
    name_en: str
    province: str
    admin_code: str
    bounds: dict
    center: tuple[float, float]
    raw: dict

    def district_name(self, key: str) -> str:
        for district in self.raw["districts"]:
            if district["key"] == key:
                return district["name"]
        raise KeyError(key)

    def contains(self, lat: float, lon: float) -> bool:
        b = self.bounds
        return b["south"] <= lat <= b["north"] and b["west"] <= lon <= b["east"]

    def __getitem__(self, name):
        return self.raw[name]


@cache
def load_city(key: str) -> City:
    if key not in CITIES:
        raise UnknownCity(f"Unknown sandbox city {key!r}; available: {', '.join(CITIES)}")
    raw = json.loads((DATA_DIR / f"{key}.json").read_text(encoding="utf-8"))
    return City(
        key=raw["key"],
        name=raw["name"],
        name_en=raw["name_en"],
        province=raw["province"],
        admin_code=raw["admin_code"],
        bounds=raw["bounds"],
        center=tuple(raw["center"]),
        raw=raw,
    )


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def points_along(path: list[list[float]], count: int) -> list[tuple[float, float]]:
    """``count`` points spaced evenly (by distance) along a polyline of (lat, lon) vertices."""
    legs = [distance_m(tuple(path[i]), tuple(path[i + 1])) for i in range(len(path) - 1)]
    total = sum(legs)
    points = []
    for n in range(count):
        target = total * (n + 0.5) / count
        for i, leg in enumerate(legs):
            if target <= leg or i == len(legs) - 1:
                f = min(target / leg, 1.0) if leg else 0.0
                (lat1, lon1), (lat2, lon2) = path[i], path[i + 1]
                points.append((round(lat1 + (lat2 - lat1) * f, 6), round(lon1 + (lon2 - lon1) * f, 6)))
                break
            target -= leg
    return points


def geojson_point(point: tuple[float, float]) -> dict:
    lat, lon = point
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}
