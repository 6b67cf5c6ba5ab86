"""Pure functions on NGSI-LD payloads: validation, expansion to the stored form, compaction for answers.

Stored form of an entity's attributes (``Entity.data``): ``{attribute IRI: [instance, …]}`` where an instance is
the normalized attribute (``type``, ``value``/``object``, ``observedAt``, ``unitCode``, ``datasetId``,
``createdAt``, ``modifiedAt`` and sub-attributes by IRI, themselves instances). The instance without datasetId
(the default instance) comes first.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime

from django.utils.dateparse import parse_datetime

from .errors import BadRequestData
from .ldcontext import ATTRIBUTE_KEYWORDS, ENTITY_KEYWORDS, Context

URI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
FORBIDDEN_NAME_RE = re.compile(r"[<>\"'=;()\s]")
ATTRIBUTE_TYPES = {
    "Property",
    "Relationship",
    "GeoProperty",
    "LanguageProperty",
    "VocabProperty",
    "JsonProperty",
    "ListProperty",
    "ListRelationship",
}
GEOMETRY_TYPES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}
SYSTEM_KEYS = ("createdAt", "modifiedAt")


def is_uri(value) -> bool:
    return isinstance(value, str) and len(value) <= 256 and bool(URI_RE.match(value))


def check_entity_id(value) -> str:
    if not is_uri(value):
        raise BadRequestData(f"Entity id {value!r} is not a valid URI")
    return value


def check_name(name: str, what: str = "attribute") -> str:
    if not name or FORBIDDEN_NAME_RE.search(name) or len(name) > 256:
        raise BadRequestData(f"Invalid {what} name {name!r}")
    return name


def parse_time(value, what: str = "observedAt") -> datetime:
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        raise BadRequestData(f"{what} must be an ISO 8601 date-time, got {value!r}")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def format_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ").replace(".000000Z", "Z")


# -- GeoJSON ----------------------------------------------------------------------------------------------


def _position(value, where: str) -> tuple[float, float]:
    if not isinstance(value, list) or len(value) not in (2, 3):
        raise BadRequestData(f"{where}: a position is [longitude, latitude]")
    if not all(isinstance(c, int | float) and not isinstance(c, bool) and math.isfinite(c) for c in value):
        raise BadRequestData(f"{where}: coordinates must be numbers")
    lon, lat = value[0], value[1]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise BadRequestData(f"{where}: [{lon}, {lat}] is outside longitude -180..180 / latitude -90..90")
    return float(lon), float(lat)


def _positions(value, where: str, minimum: int) -> list[tuple[float, float]]:
    if not isinstance(value, list) or len(value) < minimum:
        raise BadRequestData(f"{where}: needs at least {minimum} positions")
    return [_position(p, where) for p in value]


def _ring(value, where: str) -> list[tuple[float, float]]:
    ring = _positions(value, where, 4)
    if ring[0] != ring[-1]:
        raise BadRequestData(f"{where}: a polygon ring must end where it starts")
    return ring


def check_geometry(geometry, where: str = "GeoJSON") -> list[tuple[float, float]]:
    """Validate a GeoJSON geometry; return all its positions."""
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_TYPES:
        raise BadRequestData(f"{where}: value must be a GeoJSON geometry ({', '.join(sorted(GEOMETRY_TYPES))})")
    kind, coords = geometry["type"], geometry.get("coordinates")
    if kind == "Point":
        return [_position(coords, where)]
    if kind == "MultiPoint":
        return _positions(coords, where, 1)
    if kind == "LineString":
        return _positions(coords, where, 2)
    if not isinstance(coords, list) or not coords:
        raise BadRequestData(f"{where}: coordinates are missing")
    if kind == "MultiLineString":
        return [p for line in coords for p in _positions(line, where, 2)]
    if kind == "Polygon":
        return [p for ring in coords for p in _ring(ring, where)]
    points = []
    for polygon in coords:
        if not isinstance(polygon, list) or not polygon:
            raise BadRequestData(f"{where}: a MultiPolygon holds polygons")
        points.extend(p for ring in polygon for p in _ring(ring, where))
    return points


def bbox(geometry) -> tuple[float, float, float, float]:
    points = check_geometry(geometry)
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


# -- Expansion ----------------------------------------------------------------------------------------------


def _attribute_type(name: str, attribute: dict) -> str:
    kind = attribute.get("type")
    if kind is None:
        if "object" in attribute:
            return "Relationship"
        if "languageMap" in attribute:
            return "LanguageProperty"
        return "Property"
    if kind not in ATTRIBUTE_TYPES:
        raise BadRequestData(f"Attribute {name!r}: unknown type {kind!r}")
    return kind


def expand_instance(name: str, attribute, ctx: Context, *, now: str | None, partial: bool = False) -> dict:
    """Validate one attribute instance (normalized form) and return it with expanded sub-attribute names."""
    if not isinstance(attribute, dict):
        attribute = {"type": "Property", "value": attribute} if partial else None
        if attribute is None:
            raise BadRequestData(f"Attribute {name!r} must be a JSON object with a type and a value")
    kind = _attribute_type(name, attribute)
    out: dict = {"type": kind}
    if kind in ("Property", "GeoProperty", "JsonProperty", "VocabProperty", "ListProperty"):
        key = {"JsonProperty": "json", "VocabProperty": "vocab", "ListProperty": "valueList"}.get(kind, "value")
        if key not in attribute and "value" in attribute:
            key = "value"
        value = attribute.get(key)
        if value is None and not partial:
            raise BadRequestData(f"Property {name!r} has no value")
        if value is not None:
            if kind == "GeoProperty":
                check_geometry(value, f"GeoProperty {name!r}")
            out[key] = value
    elif kind in ("Relationship", "ListRelationship"):
        key = "object" if kind == "Relationship" else "objectList"
        target = attribute.get(key)
        if target is None and not partial:
            raise BadRequestData(f"Relationship {name!r} has no object")
        if target is not None:
            targets = target if isinstance(target, list) else [target]
            for item in targets:
                ref = item.get("object") if isinstance(item, dict) else item
                if not is_uri(ref):
                    raise BadRequestData(f"Relationship {name!r}: object {ref!r} is not a URI")
            out[key] = target
    elif kind == "LanguageProperty":
        language_map = attribute.get("languageMap")
        if not isinstance(language_map, dict) or not language_map:
            if not partial:
                raise BadRequestData(f"LanguageProperty {name!r} needs a languageMap")
        else:
            out["languageMap"] = language_map
    for key in ("observedAt",):
        if key in attribute:
            parse_time(attribute[key], f"{name}.observedAt")
            out[key] = attribute[key]
    if "unitCode" in attribute:
        if not isinstance(attribute["unitCode"], str):
            raise BadRequestData(f"{name}.unitCode must be a string")
        out["unitCode"] = attribute["unitCode"]
    if attribute.get("datasetId") is not None:
        if not is_uri(attribute["datasetId"]):
            raise BadRequestData(f"{name}.datasetId must be a URI")
        out["datasetId"] = attribute["datasetId"]
    for sub, sub_value in attribute.items():
        if sub in ATTRIBUTE_KEYWORDS or sub == "@context":
            continue
        check_name(sub, "sub-attribute")
        out[ctx.expand(sub)] = expand_instance(sub, sub_value, ctx, now=now, partial=partial)
    if now is not None:
        out["createdAt"] = now
        out["modifiedAt"] = now
    return out


def expand_attribute(name: str, value, ctx: Context, *, now: str | None, partial: bool = False) -> list[dict]:
    """One attribute (object or list of instances with distinct datasetIds) → list of stored instances."""
    instances = value if isinstance(value, list) and value and all(isinstance(v, dict) for v in value) else [value]
    out = [expand_instance(name, v, ctx, now=now, partial=partial) for v in instances]
    seen = set()
    for instance in out:
        dataset = instance.get("datasetId")
        if dataset in seen:
            raise BadRequestData(f"Attribute {name!r} has two instances with datasetId {dataset!r}")
        seen.add(dataset)
    out.sort(key=lambda i: i.get("datasetId") is not None)
    return out


def expand_entity(payload, ctx: Context, *, now: str | None, require_id: bool = True) -> tuple[str, str, dict]:
    """Validate an entity (normalized or with bare values for partial forms); return (id, type IRI, attrs)."""
    if not isinstance(payload, dict):
        raise BadRequestData("An entity must be a JSON object")
    entity_id = payload.get("id", payload.get("@id"))
    if require_id:
        check_entity_id(entity_id)
    entity_type = payload.get("type", payload.get("@type"))
    if isinstance(entity_type, list):
        if not entity_type:
            raise BadRequestData("Entity type must not be empty")
        entity_type = entity_type[0]
    if not isinstance(entity_type, str) or not entity_type:
        raise BadRequestData("Entity type is required")
    check_name(entity_type, "type")
    attributes = {}
    for name, value in payload.items():
        if name in ENTITY_KEYWORDS or name in ("@id", "@type"):
            continue
        check_name(name)
        attributes[ctx.expand(name)] = expand_attribute(name, value, ctx, now=now)
    return entity_id, ctx.expand(entity_type), attributes


def expand_fragment(payload, ctx: Context, *, now: str | None, partial: bool = False) -> dict:
    """Attributes of a PATCH/POST …/attrs body (no id/type required)."""
    if not isinstance(payload, dict):
        raise BadRequestData("The body must be a JSON object of attributes")
    attributes = {}
    for name, value in payload.items():
        if name in ENTITY_KEYWORDS or name in ("@id", "@type"):
            continue
        check_name(name)
        attributes[ctx.expand(name)] = expand_attribute(name, value, ctx, now=now, partial=partial)
    return attributes


def location_bbox(attributes: dict, location_iri: str) -> tuple | None:
    instances = attributes.get(location_iri)
    if not instances:
        return None
    return bbox(instances[0]["value"])


# -- Compaction ---------------------------------------------------------------------------------------------


def compact_instance(instance: dict, ctx: Context, *, sys_attrs: bool) -> dict:
    out = {}
    for key, value in instance.items():
        if key in ATTRIBUTE_KEYWORDS:
            if key in SYSTEM_KEYS and not sys_attrs:
                continue
            out[key] = value
        else:
            out[ctx.compact(key)] = compact_instance(value, ctx, sys_attrs=sys_attrs)
    return out


def simplified_value(instance: dict):
    kind = instance.get("type")
    if kind == "Relationship":
        return instance.get("object")
    if kind == "ListRelationship":
        return instance.get("objectList")
    if kind == "LanguageProperty":
        return {"languageMap": instance.get("languageMap")}
    for key in ("value", "json", "vocab", "valueList"):
        if key in instance:
            return instance[key]
    return None


def compact_entity(
    entity_id: str,
    type_iri: str,
    attributes: dict,
    ctx: Context,
    *,
    key_values: bool = False,
    sys_attrs: bool = False,
    attrs: set[str] | None = None,
    created_at: str | None = None,
    modified_at: str | None = None,
) -> dict:
    out: dict = {"id": entity_id, "type": ctx.compact(type_iri)}
    if sys_attrs and not key_values:
        if created_at:
            out["createdAt"] = created_at
        if modified_at:
            out["modifiedAt"] = modified_at
    for iri, instances in attributes.items():
        if attrs is not None and iri not in attrs:
            continue
        name = ctx.compact(iri)
        if key_values:
            values = [simplified_value(i) for i in instances]
            out[name] = values[0] if len(values) == 1 else values
        else:
            compacted = [compact_instance(i, ctx, sys_attrs=sys_attrs) for i in instances]
            out[name] = compacted[0] if len(compacted) == 1 else compacted
    return out
