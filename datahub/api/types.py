"""/types and /attributes: what the tenant holds (ETSI GS CIM 009 §5.7.5–5.7.12)."""

from __future__ import annotations

import hashlib

from django.views.decorators.http import require_GET

from .. import selectors
from ..errors import ResourceNotFound
from .http import ApiRequest, ld_response, ngsi_view


def _list_id(kind: str, names: list[str]) -> str:
    return f"urn:ngsi-ld:{kind}:{hashlib.sha1('|'.join(names).encode()).hexdigest()[:12]}"


@require_GET
@ngsi_view()
def types(request, api: ApiRequest):
    rows = selectors.entity_types(tenant=api.tenant, ctx=api.ctx)
    compact = api.ctx.compact
    if api.query.get("details") == "true":
        return ld_response(
            api,
            [
                {
                    "id": row["type"],
                    "type": "EntityType",
                    "typeName": compact(row["type"]),
                    "attributeNames": sorted(compact(a) for a in row["attributes"]),
                }
                for row in rows
            ],
        )
    names = [compact(row["type"]) for row in rows]
    return ld_response(api, {"id": _list_id("EntityTypeList", names), "type": "EntityTypeList", "typeList": names})


@require_GET
@ngsi_view()
def type_detail(request, api: ApiRequest, type_name: str):
    iri = api.ctx.expand(type_name)
    row = next((r for r in selectors.entity_types(tenant=api.tenant, ctx=api.ctx) if r["type"] == iri), None)
    if row is None:
        raise ResourceNotFound(f"No entity of type {type_name}")
    return ld_response(
        api,
        {
            "id": iri,
            "type": "EntityTypeInfo",
            "typeName": api.ctx.compact(iri),
            "entityCount": row["count"],
            "attributeDetails": [
                {
                    "id": attr,
                    "type": "Attribute",
                    "attributeName": api.ctx.compact(attr),
                    "attributeTypes": sorted(kinds),
                }
                for attr, kinds in sorted(row["attributes"].items(), key=lambda item: api.ctx.compact(item[0]))
            ],
        },
    )


def _attribute(api: ApiRequest, iri: str, info: dict) -> dict:
    return {
        "id": iri,
        "type": "Attribute",
        "attributeName": api.ctx.compact(iri),
        "attributeCount": info["count"],
        "attributeTypes": sorted(info["attribute_types"]),
        "typeNames": sorted(api.ctx.compact(t) for t in info["types"]),
    }


@require_GET
@ngsi_view()
def attributes(request, api: ApiRequest):
    rows = selectors.entity_attributes(tenant=api.tenant)
    ordered = sorted(rows.items(), key=lambda item: api.ctx.compact(item[0]))
    if api.query.get("details") == "true":
        return ld_response(api, [_attribute(api, iri, info) for iri, info in ordered])
    names = [api.ctx.compact(iri) for iri, _ in ordered]
    return ld_response(api, {"id": _list_id("AttributeList", names), "type": "AttributeList", "attributeList": names})


@require_GET
@ngsi_view()
def attribute_detail(request, api: ApiRequest, attr: str):
    iri = api.ctx.expand(attr)
    info = selectors.entity_attributes(tenant=api.tenant).get(iri)
    if info is None:
        raise ResourceNotFound(f"No entity has the attribute {attr}")
    return ld_response(api, _attribute(api, iri, info))
