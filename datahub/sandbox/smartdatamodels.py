"""Smart Data Models metadata for the sandbox entity types, and validation of generated entities.

The metadata comes from ``pysmartdatamodels`` (which ships it offline). Reading its full attribute
database takes seconds, so the part we use is kept in ``data/smartdatamodels.json``;
``extract_metadata()`` rebuilds it from the installed package and a test checks that the two agree,
so an upgrade of the pinned package that changes a model cannot pass unnoticed.

Regenerate after upgrading pysmartdatamodels::

    python -m datahub.sandbox.smartdatamodels > datahub/sandbox/data/smartdatamodels.json
"""

import json
import re
import sys
from datetime import datetime
from functools import lru_cache
from pathlib import Path

SNAPSHOT = Path(__file__).resolve().parent / "data" / "smartdatamodels.json"

# Entity type -> Smart Data Models subject (repository).
MODELS = {
    "OffStreetParking": "dataModel.Parking",
    "ParkingSpot": "dataModel.Parking",
    "AirQualityObserved": "dataModel.Environment",
    "WeatherObserved": "dataModel.Weather",
    "TrafficFlowObserved": "dataModel.Transportation",
    "PublicTransportStop": "dataModel.UrbanMobility",
    "IndoorEnvironmentObserved": "dataModel.Environment",
    "Streetlight": "dataModel.Streetlighting",
    "WasteContainer": "dataModel.WasteManagement",
    "EVChargingStation": "dataModel.Transportation",
}

# The models state units as free text; NGSI-LD carries them as UN/CEFACT common codes in ``unitCode``.
UNIT_CODES = {
    "Liters per square meter": "MMT",  # 1 L/m² of rain is a 1 mm layer
    "Hecto pascals": "A97",
    "Celsius degrees": "CEL",
    "w/m2": "D54",
    "Lux": "LUX",
    "centimeters": "CMT",
    "meter (m)": "MTR",
    "meters": "MTR",
    "Meters": "MTR",
    "second (s)": "SEC",
    "Kilometer per hour (Km/h)": "KMH",
    "Ampers (A)": "AMP",
    "Volts (V)": "VLT",
    "mg per liter": "M1",
}

# How the pages show the UN/CEFACT codes the sandbox data uses.
UNIT_SYMBOLS = {
    "GQ": "µg/m³",
    "59": "ppm",
    "CEL": "°C",
    "MTS": "m/s",
    "DD": "°",
    "MMT": "mm",
    "A97": "hPa",
    "KMH": "km/h",
    "WTT": "W",
    "MTR": "m",
    "LTR": "L",
    "AMP": "A",
    "VLT": "V",
}

_ENUM_IN_DESCRIPTION = re.compile(r"Enum:\s*'([^']*)'")
_JSON_TYPES = {
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def extract_metadata() -> dict:
    """The attribute metadata of :data:`MODELS`, read from the installed pysmartdatamodels."""
    from pysmartdatamodels import pysmartdatamodels as sdm

    models = {}
    for meta in sdm._load_metadata_db():
        if MODELS.get(meta["dataModel"]) == meta["subject"]:
            models[meta["dataModel"]] = {
                "subject": meta["subject"],
                "version": meta["version"],
                "description": meta["description"],
                "required": sorted(meta["required"]),
                "context": meta["@context"],
                "spec": meta.get("spec", ""),
                "attributes": {},
            }
    for attribute in sdm._load_attributes_db():
        model = models.get(attribute.get("dataModel"))
        if model is None or attribute.get("repoName") != model["subject"] or attribute.get("parentId"):
            continue
        if attribute["property"] in ("id", "type") or not attribute.get("typeNGSI"):
            continue
        enum = attribute.get("enum")
        if not enum:
            found = _ENUM_IN_DESCRIPTION.search(attribute.get("description") or "")
            enum = [item.strip() for item in found.group(1).split(",") if item.strip()] if found else None
        model["attributes"][attribute["property"]] = {
            "ngsi": attribute["typeNGSI"],
            "type": attribute.get("type"),
            "format": attribute.get("format"),
            "units": attribute.get("units"),
            "enum": enum,
            "description": (attribute.get("description") or "").strip(),
        }
    missing = set(MODELS) - set(models)
    if missing:
        raise LookupError(f"pysmartdatamodels has no metadata for {', '.join(sorted(missing))}")
    return {name: models[name] for name in sorted(models)}


@lru_cache(maxsize=1)
def metadata() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def model(entity_type: str) -> dict:
    return metadata()[entity_type]


def _is_datetime(value) -> bool:
    if isinstance(value, dict) and value.get("@type") == "DateTime":
        value = value.get("@value")
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _instance_errors(name: str, spec: dict, instance) -> list[str]:
    if not isinstance(instance, dict):
        return [f"{name}: an attribute must be an object, got {type(instance).__name__}"]
    errors = []
    kind = instance.get("type")
    if kind != spec["ngsi"]:
        errors.append(f"{name}: NGSI-LD type is {kind!r}, the data model says {spec['ngsi']!r}")
    if "observedAt" in instance and not _is_datetime(instance["observedAt"]):
        errors.append(f"{name}: observedAt {instance['observedAt']!r} is not an ISO 8601 date-time")
    if kind == "Relationship":
        target = instance.get("object")
        targets = target if isinstance(target, list) else [target]
        if not targets or not all(isinstance(t, str) and ":" in t for t in targets):
            errors.append(f"{name}: a Relationship needs an 'object' URI")
        return errors
    if "value" not in instance:
        return [*errors, f"{name}: a {kind} needs a 'value'"]
    value = instance["value"]
    if kind == "GeoProperty":
        coordinates = value.get("coordinates") if isinstance(value, dict) else None
        if not (isinstance(value, dict) and value.get("type") == "Point" and isinstance(coordinates, list)):
            errors.append(f"{name}: expected a GeoJSON Point")
        elif len(coordinates) != 2 or not all(_JSON_TYPES["number"](c) for c in coordinates):
            errors.append(f"{name}: a Point needs [longitude, latitude]")
        elif not (-180 <= coordinates[0] <= 180 and -90 <= coordinates[1] <= 90):
            errors.append(f"{name}: coordinates {coordinates} are out of range")
        return errors
    if spec["format"] == "date-time":
        if not _is_datetime(value):
            errors.append(f"{name}: {value!r} is not a date-time")
    elif spec["type"] in _JSON_TYPES and not _JSON_TYPES[spec["type"]](value):
        errors.append(f"{name}: value {value!r} is not of type {spec['type']}")
    if spec["enum"]:
        items = value if isinstance(value, list) else [value]
        bad = [item for item in items if str(item) not in spec["enum"]]
        if bad:
            errors.append(f"{name}: {bad} not among the allowed values {spec['enum']}")
    if spec["units"]:
        expected = UNIT_CODES.get(spec["units"])
        if expected is None:
            errors.append(f"{name}: no UN/CEFACT code known for the model's unit {spec['units']!r}")
        elif instance.get("unitCode") != expected:
            errors.append(f"{name}: unitCode {instance.get('unitCode')!r}, the model's unit is {expected}")
    return errors


def validate_entity(entity: dict) -> list[str]:
    """Problems of one normalized (temporal) NGSI-LD entity against its Smart Data Model; [] when valid.

    Checks the attributes the model requires, that every attribute exists in the model with its NGSI-LD
    type, and each value's JSON type, date-time format, allowed values (enums) and unit code.
    """
    entity_type = entity.get("type")
    if entity_type not in MODELS:
        return [f"type {entity_type!r} is not a sandbox Smart Data Model ({', '.join(MODELS)})"]
    spec = model(entity_type)
    errors = []
    entity_id = entity.get("id")
    if not (isinstance(entity_id, str) and entity_id.startswith(f"urn:ngsi-ld:{entity_type}:")):
        errors.append(f"id {entity_id!r} must be a URN of the form urn:ngsi-ld:{entity_type}:…")
    for required in spec["required"]:
        if required not in entity:
            errors.append(f"{required}: required by {entity_type} but missing")
    for name, attribute in entity.items():
        if name in ("id", "type", "@context"):
            continue
        attribute_spec = spec["attributes"].get(name)
        if attribute_spec is None:
            errors.append(f"{name}: not an attribute of {entity_type}")
            continue
        instances = attribute if isinstance(attribute, list) else [attribute]
        if not instances:
            errors.append(f"{name}: an empty list of instances")
        for instance in instances:
            errors.extend(_instance_errors(name, attribute_spec, instance))
    return errors


if __name__ == "__main__":
    json.dump(extract_metadata(), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")
