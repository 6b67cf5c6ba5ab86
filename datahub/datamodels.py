"""City Data Hub data models: checking a model document and validating entities against it (pure functions).

A model (Data Manager ``/datamodels``) looks like::

    {"id": "urn:datahub:datamodel:ParkingSpot:1.0", "type": "ParkingSpot", "context": ["https://…"],
     "name": "주차면", "attributes": [
        {"name": "status", "attributeType": "Property", "valueType": "String", "isRequired": true,
         "hasObservedAt": true, "valueEnum": ["free", "occupied", "closed", "unknown"]},
        {"name": "location", "attributeType": "GeoProperty", "valueType": "GeoJson", "isRequired": true},
        {"name": "width", "attributeType": "Property", "valueType": "Double", "hasUnitCode": true,
         "greaterThan": 0}]}
"""

from __future__ import annotations

from . import ngsi
from .errors import BadRequestData, NgsiLdError

ATTRIBUTE_TYPES = {"Property", "GeoProperty", "Relationship"}
VALUE_TYPES = {
    "String",
    "Integer",
    "Double",
    "Boolean",
    "Object",
    "Date",
    "GeoJson",
    "ArrayString",
    "ArrayInteger",
    "ArrayDouble",
    "ArrayBoolean",
    "ArrayObject",
}
BOUNDS = (
    ("greaterThan", lambda v, b: v > b, ">"),
    ("greaterThanOrEqualTo", lambda v, b: v >= b, ">="),
    ("lessThan", lambda v, b: v < b, "<"),
    ("lessThanOrEqualTo", lambda v, b: v <= b, "<="),
)


def check_datamodel(document) -> dict:
    if not isinstance(document, dict):
        raise BadRequestData("A data model must be a JSON object")
    for key in ("id", "type"):
        if not isinstance(document.get(key), str) or not document[key]:
            raise BadRequestData(f"A data model needs {key}")
    ngsi.check_name(document["type"], "type")
    context = document.get("context")
    if context is not None and not (isinstance(context, list) and all(isinstance(c, str) for c in context)):
        raise BadRequestData("context must be an array of URLs")
    attributes = document.get("attributes")
    if not isinstance(attributes, list) or not attributes:
        raise BadRequestData("A data model needs a non-empty attributes array")
    names = set()
    for attribute in attributes:
        if not isinstance(attribute, dict) or not isinstance(attribute.get("name"), str):
            raise BadRequestData("Every attribute needs a name")
        name = attribute["name"]
        ngsi.check_name(name)
        if name in names:
            raise BadRequestData(f"Attribute {name} is defined twice")
        names.add(name)
        if attribute.get("attributeType") not in ATTRIBUTE_TYPES:
            raise BadRequestData(f"{name}: attributeType must be one of {', '.join(sorted(ATTRIBUTE_TYPES))}")
        value_type = attribute.get("valueType")
        if attribute["attributeType"] == "Property" and value_type not in VALUE_TYPES:
            raise BadRequestData(f"{name}: valueType must be one of {', '.join(sorted(VALUE_TYPES))}")
        if "valueEnum" in attribute and not isinstance(attribute["valueEnum"], list):
            raise BadRequestData(f"{name}: valueEnum must be an array")
        for bound, _check, _sign in BOUNDS:
            if bound in attribute and not isinstance(attribute[bound], int | float):
                raise BadRequestData(f"{name}: {bound} must be a number")
    return document


def _value_type_ok(value, value_type: str) -> bool:
    if value_type.startswith("Array"):
        return isinstance(value, list) and all(_value_type_ok(v, value_type[5:]) for v in value)
    if value_type == "String":
        return isinstance(value, str)
    if value_type == "Integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if value_type == "Double":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if value_type == "Boolean":
        return isinstance(value, bool)
    if value_type == "Object":
        return isinstance(value, dict)
    if value_type == "Date":
        try:
            ngsi.parse_time(value)
        except BadRequestData:
            return False
        return True
    if value_type == "GeoJson":
        try:
            ngsi.check_geometry(value)
        except BadRequestData:
            return False
        return True
    return True


def entity_errors(entity, model: dict) -> list[str]:
    """Why ``entity`` (normalized, short names) does not follow ``model``; empty when it does."""
    if not isinstance(entity, dict):
        return ["An entity must be a JSON object"]
    errors = []
    if entity.get("type") != model["type"]:
        errors.append(f"type must be {model['type']}, not {entity.get('type')!r}")
    defined = {a["name"]: a for a in model["attributes"]}
    for name in entity:
        if name not in ("id", "type", "@context", "createdAt", "modifiedAt") and name not in defined:
            errors.append(f"{name}: not defined in data model {model['id']}")
    for name, spec in defined.items():
        if name not in entity:
            if spec.get("isRequired"):
                errors.append(f"{name}: required by data model {model['id']}")
            continue
        attribute = entity[name]
        if not isinstance(attribute, dict):
            errors.append(f"{name}: must be an attribute object with type and value")
            continue
        kind = attribute.get("type")
        if kind != spec["attributeType"]:
            errors.append(f"{name}: attribute type must be {spec['attributeType']}, not {kind!r}")
            continue
        if spec.get("hasObservedAt") and "observedAt" not in attribute:
            errors.append(f"{name}: observedAt is required")
        if spec.get("hasUnitCode") and "unitCode" not in attribute:
            errors.append(f"{name}: unitCode is required")
        if kind == "Relationship":
            if not ngsi.is_uri(attribute.get("object")):
                errors.append(f"{name}: object must be a URI")
            continue
        value = attribute.get("value")
        if value is None:
            errors.append(f"{name}: value is missing")
            continue
        value_type = spec.get("valueType") or ("GeoJson" if kind == "GeoProperty" else None)
        if value_type and not _value_type_ok(value, value_type):
            errors.append(f"{name}: value {value!r} is not of valueType {value_type}")
            continue
        if spec.get("valueEnum") and value not in spec["valueEnum"]:
            allowed = ", ".join(str(v) for v in spec["valueEnum"])
            errors.append(f"{name}: value {value!r} is not one of {allowed}")
        if isinstance(value, int | float) and not isinstance(value, bool):
            for bound, check, sign in BOUNDS:
                if bound in spec and not check(value, spec[bound]):
                    errors.append(f"{name}: value {value} must be {sign} {spec[bound]}")
        for length, check, word in (("minLength", lambda v, n: len(v) >= n, "at least"),
                                    ("maxLength", lambda v, n: len(v) <= n, "at most")):  # fmt: skip
            if length in spec and isinstance(value, str):
                try:
                    limit = int(spec[length])
                except (TypeError, ValueError):
                    continue
                if not check(value, limit):
                    errors.append(f"{name}: must be {word} {limit} characters long")
    return errors


def problem_text(error: NgsiLdError) -> str:
    return f"{error.error_type}: {error.detail}"
