import hashlib
import json
import statistics
from datetime import date, datetime

import pytest

from datahub.sandbox.generators import SandboxCity
from datahub.sandbox.geography import load_city
from datahub.sandbox.smartdatamodels import validate_entity
from datahub.sandbox.timeline import KST

START = date(2026, 11, 2)  # a Monday


@pytest.fixture(scope="module")
def week():
    return {entity["id"]: entity for entity in SandboxCity(start=START, days=7).entities()}


def urn(entity_type, key):
    return f"urn:ngsi-ld:{entity_type}:gwacheon:{key}"


def values(entity, attribute):
    return [i["value"] for i in entity[attribute]]


def local(instance):
    return datetime.fromisoformat(instance["observedAt"].replace("Z", "+00:00")).astimezone(KST)


def digest(entities):
    return hashlib.sha256(json.dumps(list(entities), sort_keys=True).encode()).hexdigest()


def test_same_seed_and_window_give_the_same_city():
    first = digest(SandboxCity(start=START, days=2).entities())
    assert digest(SandboxCity(start=START, days=2).entities()) == first
    assert digest(SandboxCity(start=START, days=2, seed=7).entities()) != first


def test_city_has_over_500_entities_with_readable_unique_ids_inside_gwacheon(week):
    city = load_city("gwacheon")
    assert len(week) >= 500
    assert len(week) == SandboxCity(start=START, days=7).entity_count()
    assert urn("OffStreetParking", "gwacheon-station-01") in week
    assert urn("ParkingSpot", "gwacheon-station-01-001") in week
    for entity in week.values():
        lon, lat = entity["location"]["value"]["coordinates"]
        assert city.contains(lat, lon), entity["id"]
    types = {entity["type"] for entity in week.values()}
    assert types == {
        "OffStreetParking", "ParkingSpot", "AirQualityObserved", "WeatherObserved", "TrafficFlowObserved",
        "PublicTransportStop", "IndoorEnvironmentObserved", "Streetlight", "WasteContainer", "EVChargingStation",
    }  # fmt: skip


def test_every_generated_entity_matches_its_smart_data_model(week):
    problems = {entity_id: validate_entity(entity) for entity_id, entity in week.items()}
    assert {k: v for k, v in problems.items() if v} == {}


def test_measurements_every_15_minutes_for_the_whole_window(week):
    occupancy = week[urn("OffStreetParking", "jungang-01")]["occupancy"]
    assert len(occupancy) == 7 * 96
    first, second, last = (local(occupancy[i]) for i in (0, 1, -1))
    assert first == datetime(2026, 11, 2, 0, 0, tzinfo=KST)
    assert (second - first).total_seconds() == 900
    assert last == datetime(2026, 11, 8, 23, 45, tzinfo=KST)


def mean_at(series, *, hour, weekend):
    picked = [i["value"] for i in series if local(i).hour == hour and (local(i).weekday() >= 5) == weekend]
    return statistics.mean(picked)


def test_office_car_park_fills_in_the_morning_and_empties_at_night(week):
    occupancy = week[urn("OffStreetParking", "government-complex-01")]["occupancy"]
    assert mean_at(occupancy, hour=10, weekend=False) > 0.8
    assert mean_at(occupancy, hour=3, weekend=False) < 0.2
    assert mean_at(occupancy, hour=10, weekend=True) < 0.4


def test_zoo_car_park_is_busier_on_weekend_afternoons(week):
    occupancy = week[urn("OffStreetParking", "seoul-grand-park-01")]["occupancy"]
    assert mean_at(occupancy, hour=14, weekend=True) > mean_at(occupancy, hour=14, weekend=False) + 0.2


def test_bay_sensors_add_up_to_the_car_park_count(week):
    lot = week[urn("OffStreetParking", "byeolyang-01")]
    bays = [week[urn("ParkingSpot", f"byeolyang-01-{n:03d}")] for n in range(1, 73)]
    changes = {}
    for bay in bays:
        for instance in bay["status"]:
            changes.setdefault(instance["observedAt"], []).append(instance["value"])
    state = {}
    for step, instance in enumerate(lot["occupiedSpotNumber"]):
        for bay, bay_entity in enumerate(bays):
            for change in bay_entity["status"]:
                if change["observedAt"] == instance["observedAt"]:
                    state[bay] = change["value"]
        if step % 16 == 0:
            assert sum(1 for v in state.values() if v == "occupied") == instance["value"]
    # Sensors report changes, not every step.
    assert len(bays[0]["status"]) < 7 * 96


def correlation(a, b):
    return statistics.correlation([float(x) for x in a], [float(y) for y in b])


def test_air_quality_follows_traffic_and_wind(week):
    station = week[urn("AirQualityObserved", "gwacheon-dong")]
    road = week[urn("TrafficFlowObserved", "gwacheon-daero-north-forward")]
    weather = week[urn("WeatherObserved", "gwacheon-dong-aws")]
    assert correlation(values(station, "no2"), values(road, "intensity")) > 0.6
    assert correlation(values(station, "pm10"), values(weather, "windSpeed")) < -0.2
    quiet = week[urn("AirQualityObserved", "grand-park")]
    assert statistics.mean(values(station, "no2")) > statistics.mean(values(quiet, "no2"))


def test_traffic_slows_down_at_the_morning_peak(week):
    road = week[urn("TrafficFlowObserved", "gwacheon-daero-north-forward")]
    peak = mean_at(road["averageVehicleSpeed"], hour=8, weekend=False)
    night = mean_at(road["averageVehicleSpeed"], hour=3, weekend=False)
    assert peak < night - 10
    assert mean_at(road["intensity"], hour=8, weekend=False) > 3 * mean_at(road["intensity"], hour=3, weekend=False)


def test_streetlights_are_on_at_night_off_by_day_and_dimmed_after_midnight(week):
    light = week[urn("Streetlight", "jungang-ro-001")]
    watts = light["powerConsumption"]
    assert mean_at(watts, hour=12, weekend=False) < 5
    assert mean_at(watts, hour=21, weekend=False) > 50
    assert mean_at(watts, hour=2, weekend=False) < mean_at(watts, hour=21, weekend=False)
    assert {"on", "off", "low"} <= set(values(light, "powerState"))


def test_some_streetlights_fail_and_get_repaired(week):
    lights = [e for e in week.values() if e["type"] == "Streetlight"]
    failed = [e for e in lights if any(v != "ok" for v in values(e, "status"))]
    assert 0 < len(failed) < len(lights) / 2


def test_bus_stops_are_busiest_at_commuting_hours_and_shelters_point_to_their_stop(week):
    stop = week[urn("PublicTransportStop", "gwacheon-station")]
    assert mean_at(stop["peopleCount"], hour=8, weekend=False) > 2 * mean_at(stop["peopleCount"], hour=3, weekend=False)
    shelter = week[urn("IndoorEnvironmentObserved", "shelter-gwacheon-station")]
    assert shelter["refPointOfInterest"]["object"] == stop["id"]
    assert len(shelter["temperature"]) == 7 * 96


def test_waste_containers_fill_up_and_are_emptied(week):
    bin_ = week[urn("WasteContainer", "byeolyang-001")]
    levels = values(bin_, "fillingLevel")
    assert all(0 <= v <= 1 for v in levels)
    drops = sum(1 for a, b in zip(levels, levels[1:], strict=False) if b < a - 0.1)
    assert drops >= 5  # the busy centre is collected every morning
    assert len(bin_["dateLastEmptying"]) == drops


def test_charging_stations_never_report_more_free_connectors_than_they_have(week):
    for entity in week.values():
        if entity["type"] == "EVChargingStation":
            capacity = entity["capacity"]["value"]
            assert all(0 <= v <= capacity for v in values(entity, "availableCapacity"))


def test_rain_sends_people_into_the_shelters_and_keeps_visitors_away_from_the_zoo():
    july = SandboxCity(start=date(2026, 7, 6), days=14)
    raining = july.conditions.raining
    assert 0.03 < sum(raining) / len(raining) < 0.5
    entities = {
        e["id"]: e for e in july.entities() if e["type"] in ("PublicTransportStop", "IndoorEnvironmentObserved")
    }
    stop = values(entities[urn("PublicTransportStop", "gwacheon-station")], "peopleCount")
    inside = values(entities[urn("IndoorEnvironmentObserved", "shelter-gwacheon-station")], "peopleCount")

    def share(wet):
        steps = [i for i, r in enumerate(raining) if r == wet and stop[i] > 0]
        return sum(inside[i] for i in steps) / sum(stop[i] for i in steps)

    assert share(True) > share(False) + 0.2
    zoo = july.parking_target("leisure", "08:00-22:00")
    wet = [t for t, r in zip(zoo, raining, strict=True) if r and t > 0]
    dry = [t for t, r in zip(zoo, raining, strict=True) if not r and t > 0]
    assert statistics.mean(wet) < statistics.mean(dry)
