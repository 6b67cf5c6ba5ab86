import copy
from datetime import date

import pytest

from datahub.sandbox import smartdatamodels
from datahub.sandbox.generators import SandboxCity
from datahub.sandbox.smartdatamodels import extract_metadata, metadata, validate_entity


@pytest.fixture(scope="module")
def sample():
    """One entity of each type, one day of history."""
    out = {}
    for entity in SandboxCity(start=date(2026, 11, 2), days=1).entities():
        out.setdefault(entity["type"], entity)
    return out


def test_bundled_metadata_is_what_the_pinned_pysmartdatamodels_ships():
    assert extract_metadata() == metadata()


def test_metadata_knows_required_attributes_enums_and_units():
    parking_spot = smartdatamodels.model("ParkingSpot")
    assert {"category", "refParkingSite", "status", "location"} <= set(parking_spot["required"])
    assert parking_spot["attributes"]["status"]["enum"] == ["closed", "free", "occupied", "unknown"]
    assert smartdatamodels.model("TrafficFlowObserved")["attributes"]["averageVehicleSpeed"]["units"]
    # Enums of array attributes are only written in the description; they are parsed from there.
    assert (
        "singleSpaceDetection"
        in smartdatamodels.model("OffStreetParking")["attributes"]["occupancyDetectionType"]["enum"]
    )


def test_a_missing_required_attribute_is_reported(sample):
    spot = copy.deepcopy(sample["ParkingSpot"])
    del spot["refParkingSite"]
    assert validate_entity(spot) == ["refParkingSite: required by ParkingSpot but missing"]


def test_a_value_outside_the_enum_is_reported(sample):
    spot = copy.deepcopy(sample["ParkingSpot"])
    spot["status"][0]["value"] = "parked"
    (error,) = validate_entity(spot)
    assert error.startswith("status: ['parked'] not among the allowed values")


def test_array_enums_are_checked_item_by_item(sample):
    station = copy.deepcopy(sample["EVChargingStation"])
    station["socketType"]["value"] = ["CHAdeMO", "GB/T"]
    (error,) = validate_entity(station)
    assert "['GB/T']" in error


def test_the_wrong_ngsi_type_is_reported(sample):
    spot = copy.deepcopy(sample["ParkingSpot"])
    spot["refParkingSite"] = {"type": "Property", "value": spot["refParkingSite"]["object"]}
    assert "refParkingSite: NGSI-LD type is 'Property', the data model says 'Relationship'" in validate_entity(spot)


def test_the_wrong_json_type_is_reported(sample):
    lot = copy.deepcopy(sample["OffStreetParking"])
    lot["totalSpotNumber"]["value"] = "96"
    assert validate_entity(lot) == ["totalSpotNumber: value '96' is not of type number"]


def test_a_missing_or_wrong_unit_code_is_reported(sample):
    road = copy.deepcopy(sample["TrafficFlowObserved"])
    road["averageVehicleSpeed"][0]["unitCode"] = "MTS"
    del road["averageVehicleSpeed"][1]["unitCode"]
    errors = validate_entity(road)
    assert errors == [
        "averageVehicleSpeed: unitCode 'MTS', the model's unit is KMH",
        "averageVehicleSpeed: unitCode None, the model's unit is KMH",
    ]


def test_unknown_attributes_types_and_bad_ids_are_reported(sample):
    weather = copy.deepcopy(sample["WeatherObserved"])
    weather["feelsLikeMood"] = {"type": "Property", "value": "sunny"}
    weather["id"] = "gwacheon-aws"
    assert validate_entity(weather) == [
        "id 'gwacheon-aws' must be a URN of the form urn:ngsi-ld:WeatherObserved:…",
        "feelsLikeMood: not an attribute of WeatherObserved",
    ]
    assert validate_entity({"id": "urn:ngsi-ld:Car:1", "type": "Car"})[0].startswith("type 'Car' is not")


def test_bad_dates_and_geometry_are_reported(sample):
    air = copy.deepcopy(sample["AirQualityObserved"])
    air["dateObserved"]["value"] = {"@type": "DateTime", "@value": "yesterday"}
    air["location"]["value"]["coordinates"] = [126.99]
    air["pm10"][0]["observedAt"] = "2026-02-30T00:00:00Z"
    assert sorted(validate_entity(air)) == [
        "dateObserved: {'@type': 'DateTime', '@value': 'yesterday'} is not a date-time",
        "location: a Point needs [longitude, latitude]",
        "pm10: observedAt '2026-02-30T00:00:00Z' is not an ISO 8601 date-time",
    ]
