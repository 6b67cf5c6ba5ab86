"""The NGSI-LD query language (``q``) and geo-queries, as pure functions over stored entities.

``parse_q(text)`` builds a small tree; ``matches(tree, attributes, ctx)`` evaluates it on an entity's stored
attributes (expanded IRIs; short names in ``q`` are expanded with the request's context). Grammar (ETSI GS CIM
009 §4.9): terms joined by ``;`` (AND, binds tighter) and ``|`` (OR), parentheses, comparisons ``== != > >= < <=``,
pattern ``~=`` / ``!~=``, value lists ``"a","b"``, ranges ``1..5``, bare attribute = exists, attribute paths
``attr.subAttr`` and ``attr[key][key]`` into structured values, ``attr.observedAt`` and other metadata.

Geo-queries (``georel``, ``geometry``, ``coordinates``, ``geoproperty``) use shapely on WGS84 coordinates;
distances (``near;maxDistance``/``minDistance``) are metres on a local equirectangular projection, exact
enough at city scale. The database pre-filters on the bounding-box columns of ``location``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import datetime

from shapely import geometry as shp
from shapely.errors import GEOSException

from . import ngsi
from .errors import BadRequestData
from .ldcontext import Context

OPERATORS = ("!~=", "~=", "==", "!=", ">=", "<=", ">", "<")
METADATA = {"observedAt", "createdAt", "modifiedAt", "unitCode", "datasetId"}
DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME_RE = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$")
NAME_RE = re.compile(r"[A-Za-z0-9_@:/#.-]")


@dataclass
class Term:
    path: list[str]  # attribute, then sub-attributes / metadata
    keys: list[str]  # [key] navigation into the value
    op: str | None = None
    value: object = None  # scalar, ("range", lo, hi) or ("list", [..])


@dataclass
class Node:
    op: str  # "and" | "or"
    children: list


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.pos = 0

    def fail(self, message: str):
        raise BadRequestData(f"Invalid q at position {self.pos}: {message} (q={self.text!r})")

    def peek(self, n: int = 1) -> str:
        return self.text[self.pos : self.pos + n]

    def parse(self):
        if not self.text.strip():
            self.fail("empty query")
        node = self.parse_or()
        if self.pos != len(self.text):
            self.fail(f"unexpected {self.text[self.pos]!r}")
        return node

    def parse_or(self):
        children = [self.parse_and()]
        while self.peek() == "|":
            self.pos += 1
            children.append(self.parse_and())
        return children[0] if len(children) == 1 else Node("or", children)

    def parse_and(self):
        children = [self.parse_atom()]
        while self.peek() == ";":
            self.pos += 1
            children.append(self.parse_atom())
        return children[0] if len(children) == 1 else Node("and", children)

    def parse_atom(self):
        if self.peek() == "(":
            self.pos += 1
            node = self.parse_or()
            if self.peek() != ")":
                self.fail("missing ')'")
            self.pos += 1
            return node
        return self.parse_term()

    def parse_term(self) -> Term:
        start = self.pos
        while self.pos < len(self.text) and NAME_RE.match(self.text[self.pos]):
            self.pos += 1
        name = self.text[start : self.pos]
        if not name:
            self.fail("attribute name expected")
        keys = []
        while self.peek() == "[":
            end = self.text.find("]", self.pos)
            if end < 0:
                self.fail("missing ']'")
            keys.append(self.text[self.pos + 1 : end])
            self.pos = end + 1
        # A dot separates sub-attributes, except inside an expanded IRI (which has "://").
        path = [name] if "://" in name else name.split(".")
        if any(not part for part in path):
            self.fail("empty attribute name")
        for op in OPERATORS:
            if self.text.startswith(op, self.pos):
                self.pos += len(op)
                return Term(path, keys, op, self.parse_value(op))
        return Term(path, keys)

    def parse_value(self, op: str):
        values = [self.parse_scalar()]
        if self.peek(2) == "..":
            self.pos += 2
            high = self.parse_scalar()
            if op not in ("==", "!="):
                self.fail("ranges only work with == and !=")
            return ("range", values[0], high)
        while self.peek() == ",":
            self.pos += 1
            values.append(self.parse_scalar())
        if len(values) > 1:
            if op not in ("==", "!="):
                self.fail("value lists only work with == and !=")
            return ("list", values)
        if op in ("~=", "!~="):
            if not isinstance(values[0], str):
                self.fail("a pattern must be a string")
            try:
                return re.compile(values[0])
            except re.error as exc:
                self.fail(f"bad regular expression: {exc}")
        return values[0]

    def parse_scalar(self):
        if self.peek() == '"':
            end = self.pos + 1
            out = []
            while end < len(self.text) and self.text[end] != '"':
                if self.text[end] == "\\" and end + 1 < len(self.text):
                    end += 1
                out.append(self.text[end])
                end += 1
            if end >= len(self.text):
                self.fail("unterminated string")
            self.pos = end + 1
            return "".join(out)
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] not in ";|),":
            if self.text.startswith("..", self.pos):
                break
            self.pos += 1
        raw = self.text[start : self.pos]
        if not raw:
            self.fail("value expected")
        if raw in ("true", "false"):
            return raw == "true"
        try:
            return int(raw)
        except ValueError:
            pass
        try:
            number = float(raw)
            if math.isfinite(number):
                return number
        except ValueError:
            pass
        if DATETIME_RE.match(raw):
            return ngsi.parse_time(raw, "q value")
        if DATE_RE.match(raw) or TIME_RE.match(raw) or ngsi.is_uri(raw):
            return raw
        self.fail(f'{raw!r} is not a number, date-time or URI; quote strings ("...")')


def parse_q(text: str):
    return _Parser(text).parse()


def _comparable(value):
    if isinstance(value, str) and DATETIME_RE.match(value):
        try:
            return ngsi.parse_time(value)
        except BadRequestData:
            return value
    return value


def _compare(left, op: str, right) -> bool:
    if isinstance(right, datetime) or (isinstance(right, tuple) and any(isinstance(v, datetime) for v in right[1:])):
        left = _comparable(left)
    if isinstance(right, tuple) and right[0] == "range":
        lo, hi = right[1], right[2]
        try:
            inside = not isinstance(left, bool) and lo <= left <= hi
        except TypeError:
            inside = False
        return inside if op == "==" else not inside
    if isinstance(right, tuple) and right[0] == "list":
        inside = any(_compare(left, "==", v) for v in right[1])
        return inside if op == "==" else not inside
    if isinstance(right, re.Pattern):
        found = isinstance(left, str) and right.search(left) is not None
        return found if op == "~=" else not found
    if isinstance(left, bool) != isinstance(right, bool):
        return op == "!="
    if isinstance(left, datetime) != isinstance(right, datetime):
        if op == "==":
            return str(left) == str(right)
        return op == "!=" and str(left) != str(right)
    try:
        if op == "==":
            return left == right
        if op == "!=":
            return left != right
        if op == ">":
            return left > right
        if op == ">=":
            return left >= right
        if op == "<":
            return left < right
        if op == "<=":
            return left <= right
    except TypeError:
        return False
    return False


_MISSING = object()


def _resolve(term: Term, attributes: dict, ctx: Context):
    instances = attributes.get(ctx.expand(term.path[0]))
    if not instances:
        return _MISSING
    instance = instances[0]
    for part in term.path[1:]:
        if part in METADATA:
            value = instance.get(part, _MISSING)
            return value
        sub = instance.get(ctx.expand(part))
        if not isinstance(sub, dict):
            return _MISSING
        instance = sub
    value = ngsi.simplified_value(instance)
    for key in term.keys:
        if isinstance(value, dict) and key in value:
            value = value[key]
        else:
            return _MISSING
    return value


def matches(node, attributes: dict, ctx: Context, entity_id: str = "") -> bool:
    if isinstance(node, Node):
        results = (matches(child, attributes, ctx, entity_id) for child in node.children)
        return all(results) if node.op == "and" else any(results)
    if node.path == ["id"] and node.op:
        value = entity_id
    else:
        value = _resolve(node, attributes, ctx)
    if node.op is None:
        return value is not _MISSING
    if value is _MISSING:
        return False
    if isinstance(value, list) and not isinstance(node.value, tuple):
        if node.op in ("!=", "!~="):
            return all(_compare(v, node.op, node.value) for v in value)
        return any(_compare(v, node.op, node.value) for v in value)
    return _compare(value, node.op, node.value)


# -- geo ------------------------------------------------------------------------------------------------------

GEORELS = {"near", "within", "contains", "intersects", "equals", "disjoint", "overlaps"}


@dataclass
class GeoQuery:
    rel: str
    shape: object  # shapely geometry
    geometry: dict
    max_distance: float | None = None
    min_distance: float | None = None
    geoproperty: str = "location"

    def bbox(self) -> tuple[float, float, float, float] | None:
        """Bounding box that every match must intersect (None when the relation cannot be pre-filtered)."""
        if self.rel in ("disjoint",) or (self.rel == "near" and self.max_distance is None):
            return None
        min_lon, min_lat, max_lon, max_lat = self.shape.bounds
        if self.rel == "near":
            pad_lat = self.max_distance / 111_320
            pad_lon = self.max_distance / (111_320 * max(math.cos(math.radians(min_lat)), 0.01))
            return min_lon - pad_lon, min_lat - pad_lat, max_lon + pad_lon, max_lat + pad_lat
        return min_lon, min_lat, max_lon, max_lat


def parse_geoquery(georel: str | None, geometry: str | None, coordinates: str | None, geoproperty: str | None):
    if not georel and not geometry and not coordinates:
        return None
    if not (georel and geometry and coordinates):
        raise BadRequestData("A geo-query needs georel, geometry and coordinates")
    parts = georel.split(";")
    rel = parts[0]
    if rel not in GEORELS:
        raise BadRequestData(f"Unknown georel {rel!r}; use one of {', '.join(sorted(GEORELS))}")
    max_distance = min_distance = None
    for modifier in parts[1:]:
        name, sep, raw = modifier.partition("==")
        if not sep or name not in ("maxDistance", "minDistance"):
            raise BadRequestData(f"Unknown georel modifier {modifier!r}")
        try:
            distance = float(raw)
        except ValueError:
            raise BadRequestData(f"{name} must be a number of metres") from None
        if not math.isfinite(distance) or distance < 0:
            raise BadRequestData(f"{name} must be a non-negative number of metres")
        if name == "maxDistance":
            max_distance = distance
        else:
            min_distance = distance
    if rel == "near" and max_distance is None and min_distance is None:
        raise BadRequestData("georel near needs maxDistance or minDistance, e.g. near;maxDistance==2000")
    try:
        coords = json.loads(coordinates)
    except ValueError:
        raise BadRequestData("coordinates must be a JSON array, e.g. [126.99,37.43]") from None
    geojson = {"type": geometry, "coordinates": coords}
    ngsi.check_geometry(geojson, "Geo-query")
    return GeoQuery(rel, _shape(geojson), geojson, max_distance, min_distance, geoproperty or "location")


def _shape(geojson: dict):
    try:
        return shp.shape(geojson)
    except (GEOSException, ValueError, TypeError) as exc:
        raise BadRequestData(f"Invalid geometry: {exc}") from None


def _local_metres(shape, lat0: float):
    import shapely

    scale = (111_320 * math.cos(math.radians(lat0)), 111_320)
    return shapely.transform(shape, lambda coords: coords * scale)


def geo_matches(query: GeoQuery, attributes: dict, ctx: Context) -> bool:
    instances = attributes.get(ctx.expand(query.geoproperty))
    if not instances or not isinstance(instances[0].get("value"), dict):
        return False
    try:
        target = shp.shape(instances[0]["value"])
    except (GEOSException, ValueError, TypeError):
        return False
    rel = query.rel
    if rel == "near":
        lat0 = query.shape.centroid.y
        distance = _local_metres(target, lat0).distance(_local_metres(query.shape, lat0))
        if query.max_distance is not None and distance > query.max_distance:
            return False
        return not (query.min_distance is not None and distance < query.min_distance)
    if rel == "within":
        return target.within(query.shape)
    if rel == "contains":
        return target.contains(query.shape)
    if rel == "intersects":
        return target.intersects(query.shape)
    if rel == "disjoint":
        return target.disjoint(query.shape)
    if rel == "overlaps":
        return target.overlaps(query.shape)
    return target.equals(query.shape)


# -- SQL translation (PostgreSQL jsonpath) -------------------------------------------------------------------


def _literal(value) -> str | None:
    """A jsonpath literal for a plain q value, or None when SQL cannot reproduce Python's comparison."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if math.isfinite(value) else None
    if isinstance(value, str) and not DATETIME_RE.match(value):
        return json.dumps(value)  # jsonpath string literals use JSON's quoting and escapes
    return None


def _term_path(node: Term, ctx: Context) -> tuple[str | None, bool]:
    """(jsonpath predicate, exact) for one term; exact means SQL selects exactly what :func:`matches` would."""
    if node.keys or len(node.path) != 1 or node.path[0] == "id":
        return None, False
    attribute = "$." + json.dumps(ctx.expand(node.path[0]))
    if node.op is None:
        return f"exists({attribute})", True
    value = node.value
    if node.op == "==" and isinstance(value, tuple) and value[0] == "list":
        literals = [_literal(v) for v in value[1]]
        if None in literals:
            return None, False
        tests = " || ".join(f"@.value == {lit} || @.object == {lit}" for lit in literals)
        return f"exists({attribute}[0] ? ({tests}))", False  # Python never matches an array against a list
    if node.op == "==" and isinstance(value, tuple) and value[0] == "range":
        low, high = _literal(value[1]), _literal(value[2])
        numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in value[1:])
        if not numeric or low is None or high is None:
            return None, False
        return f"exists({attribute}[0] ? (@.value >= {low} && @.value <= {high}))", False
    literal = _literal(value)
    if literal is None:
        return None, False
    if node.op == "==":
        return f"exists({attribute}[0] ? (@.value == {literal} || @.object == {literal}))", True
    ordering = node.op in (">", ">=", "<", "<=")
    if ordering and isinstance(value, int | float) and not isinstance(value, bool):
        return f"exists({attribute}[0] ? (@.value {node.op} {literal}))", True
    return None, False


def sql_jsonpath(node, ctx: Context) -> tuple[str | None, bool]:
    """Translate ``q`` to one jsonpath predicate on ``Entity.data`` (``data @@ path``, GIN-indexed).

    Returns (predicate selecting a superset of the matches, or None; whether it is exact). Lax-mode jsonpath
    reproduces the Python semantics for equality and numeric comparisons (any element of an array matches, a
    type mismatch never does); ``!=``, patterns, dates, metadata and ``[key]`` paths stay in Python.
    """
    if isinstance(node, Term):
        return _term_path(node, ctx)
    parts = [sql_jsonpath(child, ctx) for child in node.children]
    if node.op == "and":
        kept = [(path, exact) for path, exact in parts if path is not None]
        if not kept:
            return None, False
        exact = len(kept) == len(parts) and all(exact for _, exact in kept)
        return "(" + " && ".join(path for path, _ in kept) + ")", exact
    if any(path is None for path, _ in parts):
        return None, False
    return "(" + " || ".join(path for path, _ in parts) + ")", all(exact for _, exact in parts)
