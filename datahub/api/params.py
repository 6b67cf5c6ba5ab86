"""Parsing of NGSI-LD query parameters into selector arguments."""

from __future__ import annotations

import re

from .. import query
from ..errors import BadRequestData, TooManyResults

MAX_LIMIT = 1000
DEFAULT_LIMIT = 20


def csv(value: str | None) -> list[str] | None:
    if value is None:
        return None
    items = [item.strip() for item in re.split(r"[,|]", value) if item.strip()]
    return items or None


def integer(params, name: str, default: int, minimum: int = 0) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequestData(f"{name} must be an integer, got {raw!r}") from None
    if value < minimum:
        raise BadRequestData(f"{name} must be at least {minimum}")
    return value


def options(params) -> set[str]:
    values = set(csv(params.get("options")) or [])
    unknown = values - {"keyValues", "sysAttrs", "normalized", "concise", "temporalValues", "noOverwrite",
                        "update", "replace", "count", "simplified", "noHistory"}  # fmt: skip
    if unknown:
        raise BadRequestData(f"Unknown options: {', '.join(sorted(unknown))}")
    fmt = params.get("format")
    if fmt:
        if fmt not in ("normalized", "keyValues", "simplified", "concise", "temporalValues"):
            raise BadRequestData(f"Unknown format {fmt!r}")
        values.add(fmt)
    if "simplified" in values:
        values.add("keyValues")
    return values


def entity_query(params, *, require_filter: bool = True) -> dict:
    """Common query parameters of GET /entities and GET /temporal/entities."""
    types = csv(params.get("type"))
    ids = csv(params.get("id"))
    id_pattern = params.get("idPattern")
    attrs = csv(params.get("attrs"))
    q_text = params.get("q")
    geo = query.parse_geoquery(
        params.get("georel"), params.get("geometry"), params.get("coordinates"), params.get("geoproperty")
    )
    if ids:
        for entity_id in ids:
            from ..ngsi import check_entity_id

            check_entity_id(entity_id)
    if id_pattern:
        try:
            re.compile(id_pattern)
        except re.error as exc:
            raise BadRequestData(f"idPattern is not a valid regular expression: {exc}") from None
    if require_filter and not (types or ids or id_pattern or attrs or q_text or geo):
        raise BadRequestData("Give at least one of type, id, idPattern, attrs, q or a geo-query")
    limit = integer(params, "limit", DEFAULT_LIMIT)
    if limit > MAX_LIMIT:
        raise TooManyResults(f"limit must not exceed {MAX_LIMIT}")
    return {
        "types": types,
        "ids": ids,
        "id_pattern": id_pattern,
        "attrs": attrs,
        "q": query.parse_q(q_text) if q_text is not None else None,
        "geo": geo,
        "limit": limit,
        "offset": integer(params, "offset", 0),
    }


def count_requested(params) -> bool:
    value = params.get("count")
    if value in (None, "false"):
        return "count" in (csv(params.get("options")) or [])
    if value != "true":
        raise BadRequestData("count must be true or false")
    return True
