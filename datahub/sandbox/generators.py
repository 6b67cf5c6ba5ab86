"""Synthetic sensor data for a sandbox city, as NGSI-LD temporal entities (normalized, Smart Data Models).

``SandboxCity(...).entities()`` yields one entity at a time with its whole history: an attribute is either
one attribute object (static or current-only, e.g. ``name``) or a list of instances, each with
``observedAt``. Measurements are reported every 15 minutes; states (a parking bay's status, a streetlight's
power state, a container's last emptying) only when they change, as real sensors report them.

Ids are readable: ``urn:ngsi-ld:OffStreetParking:gwacheon:gwacheon-station-01``.
"""

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .geography import City, distance_m, geojson_point, load_city, points_along
from .timeline import Conditions, Window, conditions, hourly

DEFAULT_SEED = 2026
DATA_PROVIDER = "스마트도시 오픈랩 샌드박스 (합성 데이터)"

# Expected occupancy (0–1) of a car park by local hour, weekday and weekend, by what the car park serves.
# fmt: off
PARKING_PROFILES = {
    "office": (
        (0.10, 0.09, 0.08, 0.08, 0.08, 0.10, 0.18, 0.45, 0.82, 0.93, 0.95, 0.95, 0.90,
         0.93, 0.95, 0.94, 0.90, 0.80, 0.55, 0.35, 0.24, 0.18, 0.14, 0.12, 0.10),
        (0.10, 0.09, 0.08, 0.08, 0.08, 0.08, 0.10, 0.12, 0.16, 0.22, 0.26, 0.28, 0.28,
         0.28, 0.27, 0.25, 0.22, 0.18, 0.15, 0.13, 0.12, 0.11, 0.10, 0.10, 0.10),
    ),
    "transit": (
        (0.28, 0.26, 0.25, 0.25, 0.26, 0.32, 0.55, 0.85, 0.96, 0.97, 0.97, 0.96, 0.95,
         0.95, 0.95, 0.95, 0.93, 0.85, 0.68, 0.52, 0.42, 0.36, 0.32, 0.30, 0.28),
        (0.25, 0.24, 0.23, 0.23, 0.23, 0.24, 0.28, 0.35, 0.45, 0.55, 0.62, 0.66, 0.68,
         0.68, 0.66, 0.62, 0.58, 0.52, 0.45, 0.38, 0.33, 0.30, 0.28, 0.26, 0.25),
    ),
    "commercial": (
        (0.22, 0.18, 0.15, 0.14, 0.14, 0.15, 0.20, 0.28, 0.38, 0.50, 0.60, 0.72, 0.80,
         0.74, 0.66, 0.64, 0.68, 0.76, 0.86, 0.88, 0.80, 0.62, 0.45, 0.32, 0.22),
        (0.25, 0.20, 0.17, 0.15, 0.15, 0.15, 0.18, 0.25, 0.38, 0.58, 0.78, 0.90, 0.94,
         0.95, 0.94, 0.92, 0.90, 0.90, 0.90, 0.86, 0.75, 0.58, 0.42, 0.32, 0.25),
    ),
    "residential": (
        (0.92, 0.94, 0.95, 0.95, 0.95, 0.93, 0.85, 0.65, 0.50, 0.45, 0.44, 0.44, 0.45,
         0.45, 0.46, 0.48, 0.52, 0.60, 0.70, 0.80, 0.86, 0.89, 0.91, 0.92, 0.92),
        (0.93, 0.94, 0.95, 0.95, 0.95, 0.95, 0.93, 0.88, 0.82, 0.75, 0.68, 0.64, 0.62,
         0.62, 0.64, 0.66, 0.70, 0.76, 0.82, 0.87, 0.90, 0.92, 0.93, 0.93, 0.93),
    ),
    "leisure": (
        (0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.06, 0.14, 0.25, 0.34, 0.40,
         0.42, 0.40, 0.34, 0.24, 0.12, 0.06, 0.04, 0.03, 0.02, 0.02, 0.02, 0.02),
        (0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.04, 0.12, 0.35, 0.62, 0.82, 0.90,
         0.93, 0.92, 0.84, 0.66, 0.40, 0.18, 0.08, 0.04, 0.03, 0.02, 0.02, 0.02),
    ),
}
# fmt: on
# How much litter goes into a street bin, by local hour.
LITTER_BY_HOUR = (0.1,) * 7 + (0.6, 0.9, 0.8, 0.7, 0.9, 1.0, 0.9, 0.8, 0.8, 0.9, 1.0, 1.0, 0.9, 0.7, 0.5, 0.3, 0.2, 0.1)
# Leisure visits fall by this factor when it rains.
RAIN_EFFECT = {"leisure": 0.55, "commercial": 0.9}


def prop(value, **extra) -> dict:
    return {"type": "Property", "value": value, **extra}


def rel(target: str) -> dict:
    return {"type": "Relationship", "object": target}


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


@dataclass
class SandboxCity:
    """Deterministic synthetic data of one city over ``days`` days from ``start`` (local midnight)."""

    city_key: str = "gwacheon"
    start: date = field(default_factory=date.today)
    days: int = 7
    seed: int = DEFAULT_SEED

    def __post_init__(self):
        if self.days < 1:
            raise ValueError("days must be at least 1")
        self.city: City = load_city(self.city_key)
        self.window = Window.days_from(self.start, self.days)

    @cached_property
    def conditions(self) -> Conditions:
        lat, lon = self.city.center
        return conditions(self.window, seed=self.seed, lat=lat, lon=lon)

    # --- helpers -------------------------------------------------------------------------------------
    def urn(self, entity_type: str, key: str) -> str:
        return f"urn:ngsi-ld:{entity_type}:{self.city.key}:{key}"

    def rng(self, name: str) -> random.Random:
        return random.Random(f"{self.seed}:{self.city.key}:{name}")

    def address(self, district: str | None, street: str = "") -> dict:
        value = {"addressCountry": "KR", "addressRegion": self.city.province, "addressLocality": self.city.name}
        if district:
            value["district"] = self.city.district_name(district)
        if street:
            value["streetAddress"] = street
        return prop(value)

    def nearest_district(self, point) -> str:
        return min(self.city["districts"], key=lambda d: distance_m(tuple(d["center"]), tuple(point)))["key"]

    def series(self, values, *, unit: str | None = None, every: int = 1) -> list[dict]:
        stamps = self.window.stamps
        extra = {"unitCode": unit} if unit else {}
        return [
            {"type": "Property", "value": v, "observedAt": stamps[i], **extra}
            for i, v in enumerate(values)
            if i % every == 0 and v is not None
        ]

    def changes(self, values) -> list[dict]:
        """Instances only where the value differs from the previous step (and the first one)."""
        stamps, out, previous = self.window.stamps, [], object()
        for i, v in enumerate(values):
            if v != previous:
                out.append({"type": "Property", "value": v, "observedAt": stamps[i]})
                previous = v
        return out

    def common(self, entity_type: str, key: str, name: str, point, district: str | None, street: str = "") -> dict:
        return {
            "id": self.urn(entity_type, key),
            "type": entity_type,
            "name": prop(name),
            "location": {"type": "GeoProperty", "value": geojson_point(point)},
            "address": self.address(district, street),
            "dataProvider": prop(DATA_PROVIDER),
        }

    def observed(self) -> dict:
        """``dateObserved``: the time of the latest observation, ISO 8601 text as the models specify."""
        return prop(self.window.stamps[-1])

    # --- the city ------------------------------------------------------------------------------------
    def entity_count(self) -> int:
        """How many entities :meth:`entities` yields, without generating them."""
        c = self.city
        return (
            len(c["parking_lots"])
            + sum(lot["spots"] for lot in c["parking_lots"] if lot["sensored"])
            + len(c["air_stations"])
            + len(c["weather_stations"])
            + 2 * len(c["roads"])
            + len(c["bus_stops"])
            + sum(1 for stop in c["bus_stops"] if stop["smart_shelter"])
            + sum(c["streetlights_per_road"].values())
            + sum(zone["count"] for zone in c["waste_zones"])
            + len(c["ev_chargers"])
        )

    def entities(self) -> Iterator[dict]:
        yield from self.parking()
        yield from self.air_quality()
        yield from self.weather()
        yield from self.traffic()
        yield from self.bus_stops()
        yield from self.streetlights()
        yield from self.waste_containers()
        yield from self.ev_chargers()

    def parking_target(self, profile: str, opening: str) -> list[float]:
        weekday, weekend = PARKING_PROFILES[profile]
        opens, closes = (int(part.split(":")[0]) for part in opening.split("-"))
        c = self.conditions
        out = []
        for i in range(self.window.steps):
            hour = c.hour[i]
            if not opens <= hour < closes:
                out.append(0.0)
                continue
            target = hourly(weekend if c.weekend[i] else weekday, hour)
            if c.raining[i]:
                target *= RAIN_EFFECT.get(profile, 1.0)
            out.append(target)
        return out

    def parking(self) -> Iterator[dict]:
        for lot in self.city["parking_lots"]:
            rng = self.rng(f"parking:{lot['key']}")
            total = lot["spots"]
            target = self.parking_target(lot["profile"], lot["opening"])
            opens, closes = (int(part.split(":")[0]) for part in lot["opening"].split("-"))
            noise, occupied = 0.0, []
            for t in target:
                noise = 0.9 * noise + rng.gauss(0, 0.02)
                occupied.append(0 if t == 0 else round(clamp(t + noise, 0, 1) * total))

            spots = []
            if lot["sensored"]:
                spots, occupied = self._parking_spots(lot, occupied, rng)

            status = []
            for i, n in enumerate(occupied):
                if not opens <= self.conditions.hour[i] < closes:
                    status.append(["closed"])
                elif n >= total:
                    status.append(["full"])
                elif n >= 0.9 * total:
                    status.append(["almostFull"])
                else:
                    status.append(["spacesAvailable"])
            entity = self.common("OffStreetParking", lot["key"], lot["name"], lot["point"], lot["district"])
            entity.update(
                {
                    "category": prop(["public", "feeCharged", "barrierAccess"]),
                    "allowedVehicleType": prop(["car"]),
                    "totalSpotNumber": prop(total),
                    "openingHours": prop(f"Mo-Su {lot['opening']}"),
                    "priceRatePerMinute": prop(lot["fee_per_10min"] / 10),
                    "priceCurrency": prop("KRW"),
                    "occupancyDetectionType": prop(["singleSpaceDetection" if lot["sensored"] else "balancing"]),
                    "occupiedSpotNumber": self.series(occupied),
                    "availableSpotNumber": self.series([total - n for n in occupied]),
                    "occupancy": self.series([round(n / total, 3) for n in occupied]),
                    "status": self.changes(status),
                }
            )
            yield entity
            yield from spots

    def _parking_spots(self, lot: dict, counts: list[int], rng: random.Random) -> tuple[list[dict], list[int]]:
        """One sensor per bay; which bays are taken follows the car park's count, with cars coming and
        going even when the count stays level."""
        total = lot["spots"]
        taken: set[int] = set()
        states: list[list[str]] = [[] for _ in range(total)]
        actual = []
        for n in counts:
            for bay in sorted(taken):
                if rng.random() < 0.04:
                    taken.discard(bay)
            free = [b for b in range(total) if b not in taken]
            rng.shuffle(free)
            while len(taken) < n and free:
                taken.add(free.pop())
            if len(taken) > n:
                for bay in rng.sample(sorted(taken), len(taken) - n):
                    taken.discard(bay)
            actual.append(len(taken))
            for bay in range(total):
                states[bay].append("occupied" if bay in taken else "free")
        site = self.urn("OffStreetParking", lot["key"])
        lat, lon = lot["point"]
        spots = []
        for bay in range(total):
            row, col = divmod(bay, 12)
            point = (lat + (row - 3) * 0.00006, lon + (col - 6) * 0.000035)
            entity = self.common(
                "ParkingSpot",
                f"{lot['key']}-{bay + 1:03d}",
                f"{lot['name']} {bay + 1}번 주차면",
                point,
                lot["district"],
            )
            entity.update(
                {
                    "category": prop(["offStreet"]),
                    "refParkingSite": rel(site),
                    "width": prop(2.5, unitCode="MTR"),
                    "length": prop(5.0, unitCode="MTR"),
                    "status": self.changes(states[bay]),
                }
            )
            spots.append(entity)
        return spots, actual

    # --- environment ----------------------------------------------------------------------------------
    def road_load(self, road: dict, direction: str) -> list[float]:
        """Demand over capacity on one carriageway: inbound to Seoul (forward) peaks in the morning,
        outbound in the evening."""
        c = self.conditions
        out = []
        for i in range(self.window.steps):
            hour = c.hour[i]
            skew = 1.0
            if not c.weekend[i]:
                morning = math.exp(-((hour - 8.2) ** 2) / 2)
                evening = math.exp(-((hour - 18.5) ** 2) / 2)
                skew = 1 + 0.25 * (morning - evening) * (1 if direction == "forward" else -1)
            out.append(c.traffic[i] * road["weight"] * skew)
        return out

    def air_quality(self) -> Iterator[dict]:
        c = self.conditions
        roads = {road["key"]: road for road in self.city["roads"]}
        weather = self.city["weather_stations"]
        for station in self.city["air_stations"]:
            rng = self.rng(f"air:{station['key']}")
            load = self.road_load(roads[station["road"]], "forward")
            exposure = station["traffic_exposure"]
            pm10, pm25, no2, o3, co, index, level = [], [], [], [], [], [], []
            for i in range(self.window.steps):
                dispersion = min(1.6, 1.6 / (0.7 + 0.5 * c.wind_speed[i]))
                local = exposure * load[i] * dispersion
                # Wind dilutes both the regional dust and what the road adds; calm nights trap it.
                p10 = c.pm10_regional[i] * dispersion**1.2 + 28 * local + rng.gauss(0, 2.5)
                p10 = max(3.0, p10)
                p25 = max(2.0, p10 * (0.52 + 0.06 * c.humidity[i]) + rng.gauss(0, 1.5))
                n = max(0.003, 0.006 + 0.034 * local + rng.gauss(0, 0.0015))
                ozone = 0.008 + 0.045 * c.sun[i] * clamp((c.temperature[i] + 5) / 30, 0.1, 1.2) - 0.35 * n
                ozone = max(0.002, ozone + rng.gauss(0, 0.002))
                carbon = max(0.1, 0.25 + 0.45 * local + rng.gauss(0, 0.03))
                cai = round(max(_cai(p10, PM10_BREAKS), _cai(p25, PM25_BREAKS)))
                pm10.append(round(p10))
                pm25.append(round(p25))
                no2.append(round(n, 3))
                o3.append(round(ozone, 3))
                co.append(round(carbon, 2))
                index.append(cai)
                level.append(_cai_level(cai))
            nearest = min(weather, key=lambda w: distance_m(tuple(w["point"]), tuple(station["point"])))
            entity = self.common(
                "AirQualityObserved", station["key"], station["name"], station["point"], station["district"]
            )
            entity.update(
                {
                    "dateObserved": self.observed(),
                    "typeofLocation": prop("outdoor"),
                    "refWeatherObserved": rel(self.urn("WeatherObserved", nearest["key"])),
                    "pm10": self.series(pm10, unit="GQ"),
                    "pm25": self.series(pm25, unit="GQ"),
                    "no2": self.series(no2, unit="59"),
                    "o3": self.series(o3, unit="59"),
                    "co": self.series(co, unit="59"),
                    "airQualityIndex": self.series(index),
                    "airQualityLevel": self.changes(level),
                }
            )
            yield entity

    def weather(self) -> Iterator[dict]:
        c = self.conditions
        for n, station in enumerate(self.city["weather_stations"]):
            rng = self.rng(f"weather:{station['key']}")
            offset = -0.4 * n  # the northern station sits higher up the valley
            kinds = []
            for i in range(self.window.steps):
                if c.raining[i]:
                    kinds.append("rain" if c.temperature[i] > 1 else "snow")
                elif c.humidity[i] > 0.85:
                    kinds.append("overcast")
                elif c.humidity[i] > 0.7:
                    kinds.append("partlyCloudy")
                else:
                    kinds.append("clearSky")
            entity = self.common(
                "WeatherObserved", station["key"], station["name"], station["point"], station["district"]
            )
            entity.update(
                {
                    "dateObserved": self.observed(),
                    "temperature": self.series(
                        [round(t + offset + rng.gauss(0, 0.15), 1) for t in c.temperature], unit="CEL"
                    ),
                    "relativeHumidity": self.series(
                        [round(clamp(h + rng.gauss(0, 0.01), 0, 1), 2) for h in c.humidity]
                    ),
                    "windSpeed": self.series(
                        [round(max(0.0, w + rng.gauss(0, 0.2)), 1) for w in c.wind_speed], unit="MTS"
                    ),
                    "windDirection": self.series(
                        [round((d + rng.gauss(0, 5)) % 360) for d in c.wind_direction], unit="DD"
                    ),
                    "precipitation": self.series(c.precipitation, unit="MMT"),
                    "atmosphericPressure": self.series([round(p - 0.6 * n, 1) for p in c.pressure], unit="A97"),
                    "weatherType": self.changes(kinds),
                }
            )
            yield entity

    def traffic(self) -> Iterator[dict]:
        for road in self.city["roads"]:
            path = road["path"]
            capacity = road["capacity_per_lane"] * road["lanes"]
            for direction, label in (("forward", "상행"), ("backward", "하행")):
                rng = self.rng(f"traffic:{road['key']}:{direction}")
                intensity, speed, occupancy, congested = [], [], [], []
                for demand in self.road_load(road, direction):
                    ratio = clamp(demand * (1 + rng.gauss(0, 0.04)), 0, 1.15)
                    flow = min(ratio, 1.0) * capacity
                    v = road["free_speed"] / (1 + 0.15 * (ratio / 0.9) ** 6)
                    v = max(8.0, v + rng.gauss(0, 1.5))
                    intensity.append(round(flow / 4))
                    speed.append(round(v, 1))
                    occupancy.append(round(clamp(0.02 + 0.55 * ratio**2, 0, 0.95), 3))
                    congested.append(v < 0.5 * road["free_speed"])
                middle = path[len(path) // 2 - 1] if direction == "forward" else path[len(path) // 2]
                key = f"{road['key']}-{direction}"
                entity = self.common(
                    "TrafficFlowObserved",
                    key,
                    f"{road['name']} {label} 차량검지기",
                    middle,
                    self.nearest_district(middle),
                    road["name"].split("(")[0],
                )
                entity.update(
                    {
                        # An ISO 8601 interval, as the model suggests for counts over a period.
                        "dateObserved": prop(f"{self.window.stamps[-1]}/{self.window.end:%Y-%m-%dT%H:%M:%SZ}"),
                        "laneDirection": prop(direction),
                        "intensity": self.series(intensity),
                        "averageVehicleSpeed": self.series(speed, unit="KMH"),
                        "occupancy": self.series(occupancy),
                        "congested": self.changes(congested),
                    }
                )
                yield entity

    # --- citizens' services -------------------------------------------------------------------------
    def bus_stops(self) -> Iterator[dict]:
        c = self.conditions
        for n, stop in enumerate(self.city["bus_stops"]):
            rng = self.rng(f"stop:{stop['key']}")
            busy = 1.0 + 0.6 * len(stop["routes"]) + (2.0 if "역" in stop["name"] or "청사" in stop["name"] else 0.0)
            waiting = []
            for i in range(self.window.steps):
                expected = busy * (0.3 + 2.2 * c.traffic[i])
                waiting.append(_poisson(rng, expected))
            district = self.nearest_district(stop["point"])
            entity = self.common("PublicTransportStop", stop["key"], stop["name"], stop["point"], district)
            entity.update(
                {
                    "stopCode": prop(f"{22100 + n * 7}"),
                    "transportationType": prop([3]),
                    "wheelChairAccessible": prop("1"),
                    "description": prop(f"경유 노선: {', '.join(stop['routes'])}번"),
                    "peopleCount": self.series(waiting),
                }
            )
            yield entity
            if stop["smart_shelter"]:
                yield self._shelter(stop, district, waiting)

    def _shelter(self, stop: dict, district: str, waiting: list[int]) -> dict:
        """A smart shelter (스마트쉘터): an enclosed, heated and cooled bus shelter with its own sensors.
        More of the people waiting go inside when it rains or is very cold or hot."""
        c = self.conditions
        rng = self.rng(f"shelter:{stop['key']}")
        temperature, humidity, inside = [], [], []
        for i in range(self.window.steps):
            outdoor = c.temperature[i]
            setpoint = 18.0 if outdoor < 10 else 24.0 if outdoor > 26 else outdoor
            temperature.append(round(outdoor + 0.6 * (setpoint - outdoor) + rng.gauss(0, 0.3), 1))
            humidity.append(round(clamp(c.humidity[i] - 0.08 + rng.gauss(0, 0.02), 0.15, 0.95), 2))
            harsh = c.raining[i] or outdoor < 0 or outdoor > 30
            share = 0.85 if harsh else 0.35
            inside.append(min(12, sum(1 for _ in range(waiting[i]) if rng.random() < share)))
        entity = self.common(
            "IndoorEnvironmentObserved", f"shelter-{stop['key']}", f"{stop['name']} 스마트쉘터", stop["point"], district
        )
        entity.update(
            {
                "dateObserved": self.observed(),
                "refPointOfInterest": rel(self.urn("PublicTransportStop", stop["key"])),
                "sensorPlacement": prop("ceiling"),
                "temperature": self.series(temperature, unit="CEL"),
                "relativeHumidity": self.series(humidity),
                "peopleCount": self.series(inside),
            }
        )
        return entity

    def streetlights(self) -> Iterator[dict]:
        c = self.conditions
        roads = {road["key"]: road for road in self.city["roads"]}
        for road_key, count in self.city["streetlights_per_road"].items():
            road = roads[road_key]
            arterial = road["lanes"] >= 3
            rating = 150 if arterial else 100
            for n, point in enumerate(points_along(road["path"], count)):
                rng = self.rng(f"light:{road_key}:{n}")
                status, power_state, level, consumption = [], [], [], []
                fault, repair_at = "ok", -1
                for i in range(self.window.steps):
                    if fault == "ok" and rng.random() < 0.01 / 96:  # about 1 % of lights a day
                        fault = rng.choice(["defectiveLamp", "defectiveLamp", "brokenLantern", "columnIssue"])
                        repair_at = i + rng.randint(24 * 4, 72 * 4)
                    elif fault != "ok" and i >= repair_at:
                        fault = "ok"
                    hour = c.hour[i]
                    if c.daylight[i]:
                        state, dim = "off", 0.0
                    elif 0 <= hour < 5:
                        state, dim = "low", 0.5
                    else:
                        state, dim = "on", 1.0
                    lit = fault == "ok" or fault == "columnIssue"
                    watts = rating * dim * (1 + rng.gauss(0, 0.02)) if lit and dim else 1.2
                    status.append(fault)
                    power_state.append(state)
                    level.append(dim)
                    consumption.append(round(watts, 1))
                key = f"{road_key}-{n + 1:03d}"
                entity = self.common(
                    "Streetlight",
                    key,
                    f"{road['name'].split('(')[0]} 가로등 {n + 1}번",
                    point,
                    self.nearest_district(point),
                    road["name"].split("(")[0],
                )
                entity.update(
                    {
                        "locationCategory": prop("road"),
                        "controllingMethod": prop("group"),
                        "lanternHeight": prop(10 if arterial else 8, unitCode="MTR"),
                        "powerRating": prop(rating, unitCode="WTT"),
                        "status": self.changes(status),
                        "powerState": self.changes(power_state),
                        "illuminanceLevel": self.changes(level),
                        "powerConsumption": self.series(consumption, unit="WTT"),
                    }
                )
                yield entity

    def waste_containers(self) -> Iterator[dict]:
        c = self.conditions
        stamps = self.window.stamps
        for zone in self.city["waste_zones"]:
            district = zone["district"]
            lat, lon = next(d["center"] for d in self.city["districts"] if d["key"] == district)
            busy = 1.4 if district in ("byeolyang", "jungang") else 1.0
            for n in range(zone["count"]):
                rng = self.rng(f"waste:{district}:{n}")
                point = (lat + rng.uniform(-0.0025, 0.0025), lon + rng.uniform(-0.003, 0.003))
                kind = "plastic" if n % 3 == 2 else "inorganic"
                level, status, emptied = rng.uniform(0.05, 0.5), [], []
                fill, last_emptied = [], None
                for i in range(self.window.steps):
                    hour = c.hour[i]
                    local = self.window.local[i]
                    # Collection rounds at 6 a.m.; the street bins in the busy centre every day.
                    if local.hour == 6 and local.minute == 0 and (busy > 1 or local.weekday() in (0, 2, 4)):
                        level, last_emptied = rng.uniform(0.0, 0.04), stamps[i]
                    activity = 0.2 + hourly(LITTER_BY_HOUR, hour)
                    level = min(1.0, level + busy * activity * rng.uniform(0.002, 0.007))
                    fill.append(round(level, 2))
                    status.append("lidOpen" if level >= 0.98 or rng.random() < 0.0004 else "ok")
                    emptied.append(last_emptied)
                entity = self.common(
                    "WasteContainer",
                    f"{district}-{n + 1:03d}",
                    f"{self.city.district_name(district)} 스마트 쓰레기통 {n + 1}번",
                    point,
                    district,
                )
                entity.update(
                    {
                        "category": prop(["fixed"]),
                        "storedWasteKind": prop(kind),
                        "storedWasteOrigin": prop("municipal"),
                        "binCapacity": prop(120, unitCode="LTR"),
                        "fillingLevel": self.series(fill),
                        "status": self.changes(status),
                    }
                )
                emptying = [i for i in self.changes(emptied) if i["value"] is not None]
                if emptying:
                    entity["dateLastEmptying"] = emptying
                yield entity

    def ev_chargers(self) -> Iterator[dict]:
        for station in self.city["ev_chargers"]:
            rng = self.rng(f"ev:{station['key']}")
            capacity = station["capacity"]
            target = self.parking_target(station["profile"], "00:00-24:00")
            available, status, broken = [], [], 0
            for t in target:
                if broken == 0 and rng.random() < 0.0015:
                    broken = rng.randint(8, 96)
                out_of_order = 1 if broken else 0
                broken = max(0, broken - 1)
                usable = capacity - out_of_order
                busy = min(usable, sum(1 for _ in range(usable) if rng.random() < t * 0.75))
                free = usable - busy
                available.append(free)
                if usable == 0:
                    status.append("outOfService")
                elif out_of_order:
                    status.append("withIncidence")
                elif free == 0:
                    status.append("full")
                elif free <= max(1, capacity // 4):
                    status.append("almostFull")
                else:
                    status.append("working")
            fast = station["fast"]
            entity = self.common(
                "EVChargingStation",
                station["key"],
                station["name"],
                station["point"],
                self.nearest_district(station["point"]),
            )
            entity.update(
                {
                    "capacity": prop(capacity),
                    "socketType": prop(["CHAdeMO", "CCS/SAE"] if fast else ["J-1772"]),
                    "allowedVehicleType": prop(["car"]),
                    "amperage": prop(250 if fast else 32, unitCode="AMP"),
                    "voltage": prop(400 if fast else 220, unitCode="VLT"),
                    "operator": prop(f"{self.city.name} 환경에너지과"),
                    "openingHours": prop("Mo-Su 00:00-24:00"),
                    "availableCapacity": self.series(available),
                    "status": self.changes(status),
                }
            )
            yield entity


# 통합대기환경지수 (CAI) breakpoints: (concentration low, high, index low, high).
PM10_BREAKS = ((0, 30, 0, 50), (31, 80, 51, 100), (81, 150, 101, 250), (151, 600, 251, 500))
PM25_BREAKS = ((0, 15, 0, 50), (16, 35, 51, 100), (36, 75, 101, 250), (76, 500, 251, 500))


def _cai(concentration: float, breaks) -> float:
    c = round(concentration)
    for low, high, index_low, index_high in breaks:
        if c <= high:
            return index_low + (index_high - index_low) * (max(c, low) - low) / (high - low)
    return 500.0


def _cai_level(index: int) -> str:
    if index <= 50:
        return "good"
    if index <= 100:
        return "moderate"
    if index <= 250:
        return "unhealthy"
    return "veryUnhealthy"


def _poisson(rng: random.Random, mean: float) -> int:
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1
