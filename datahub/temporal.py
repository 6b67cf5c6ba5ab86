"""Temporal representation of entities (ETSI GS CIM 009 §4.5.9–4.5.12, §5.7.3–5.7.4, §4.11 aggregation).

``history(...)`` reads attribute instances from :class:`datahub.models.AttributeInstance` and shapes them as the
normalized temporal representation, the simplified one (``temporalValues``) or aggregated values
(``aggrMethods`` over ``aggrPeriodDuration`` buckets, starting at ``timeAt`` or the first instance).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from . import ngsi
from .errors import BadRequestData
from .ldcontext import Context
from .models import AttributeInstance

AGGREGATIONS = {"avg", "min", "max", "sum", "totalCount", "distinctCount", "stddev", "sumsq"}
DURATION_RE = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$"
)
TIME_COLUMNS = {"observedAt": "observed_at", "modifiedAt": "modified_at", "createdAt": "modified_at"}
MAX_INSTANCES = 10_000


def parse_duration(value: str) -> timedelta:
    match = DURATION_RE.match(value or "")
    if not match or value in ("P", "PT"):
        raise BadRequestData(f"aggrPeriodDuration must be an ISO 8601 duration such as PT1H, got {value!r}")
    years, months, weeks, days, hours, minutes, seconds = (float(g) if g else 0 for g in match.groups())
    duration = timedelta(
        days=years * 365 + months * 30 + weeks * 7 + days, hours=hours, minutes=minutes, seconds=seconds
    )
    if duration.total_seconds() <= 0:
        raise BadRequestData("aggrPeriodDuration must be longer than zero")
    return duration


@dataclass
class TemporalQuery:
    timerel: str | None = None
    time_at: datetime | None = None
    end_time_at: datetime | None = None
    timeproperty: str = "observedAt"
    last_n: int | None = None
    aggr_methods: list[str] | None = None
    aggr_period: timedelta | None = None

    @classmethod
    def from_params(cls, params) -> TemporalQuery:
        out = cls()
        out.timerel = params.get("timerel")
        if out.timerel is not None:
            if out.timerel not in ("before", "after", "between"):
                raise BadRequestData("timerel must be before, after or between")
            if not params.get("timeAt"):
                raise BadRequestData("timerel needs timeAt")
            out.time_at = ngsi.parse_time(params["timeAt"], "timeAt")
            if out.timerel == "between":
                if not params.get("endTimeAt"):
                    raise BadRequestData("timerel=between needs endTimeAt")
                out.end_time_at = ngsi.parse_time(params["endTimeAt"], "endTimeAt")
                if out.end_time_at <= out.time_at:
                    raise BadRequestData("endTimeAt must be after timeAt")
        elif params.get("timeAt"):
            raise BadRequestData("timeAt needs timerel")
        out.timeproperty = params.get("timeproperty") or "observedAt"
        if out.timeproperty not in TIME_COLUMNS:
            raise BadRequestData("timeproperty must be observedAt, createdAt or modifiedAt")
        if params.get("lastN"):
            try:
                out.last_n = int(params["lastN"])
            except ValueError:
                raise BadRequestData("lastN must be a positive integer") from None
            if out.last_n < 1:
                raise BadRequestData("lastN must be a positive integer")
        methods = params.get("aggrMethods")
        wants_aggregation = (
            methods
            or "aggregatedValues" in (params.get("options") or "")
            or (params.get("format") == "aggregatedValues")
        )
        if wants_aggregation:
            out.aggr_methods = [m for m in (methods or "").split(",") if m]
            if not out.aggr_methods or set(out.aggr_methods) - AGGREGATIONS:
                raise BadRequestData(f"aggrMethods must list some of {', '.join(sorted(AGGREGATIONS))}")
            out.aggr_period = parse_duration(params["aggrPeriodDuration"]) if params.get("aggrPeriodDuration") else None
        return out


def _rows(tenant: str, entity_ids: list[str], attributes: set[str] | None, tq: TemporalQuery):
    column = TIME_COLUMNS[tq.timeproperty]
    qs = AttributeInstance.objects.filter(tenant=tenant, entity_id__in=entity_ids, **{f"{column}__isnull": False})
    if attributes is not None:
        qs = qs.filter(attribute__in=attributes)
    if tq.timerel == "before":
        qs = qs.filter(**{f"{column}__lt": tq.time_at})
    elif tq.timerel == "after":
        qs = qs.filter(**{f"{column}__gte": tq.time_at})
    elif tq.timerel == "between":
        qs = qs.filter(**{f"{column}__gte": tq.time_at, f"{column}__lt": tq.end_time_at})
    fields = ("pk", "entity_id", "attribute", column, "instance", "number")
    if tq.last_n:
        out = []
        pairs = qs.values_list("entity_id", "attribute").distinct()
        for entity_id, attribute in pairs:
            latest = qs.filter(entity_id=entity_id, attribute=attribute).order_by(f"-{column}")[: tq.last_n]
            out.extend(reversed(list(latest.values_list(*fields))))
        return out
    return list(qs.order_by("entity_id", "attribute", column).values_list(*fields)[: MAX_INSTANCES * 10])


def _aggregate(rows, tq: TemporalQuery) -> dict:
    values = [(when, number, instance) for _pk, _e, _a, when, instance, number in rows]
    if not values:
        return {method: [] for method in tq.aggr_methods}
    start = tq.time_at if tq.timerel in ("after", "between") else values[0][0]
    end = tq.end_time_at or values[-1][0] + timedelta(microseconds=1)
    period = tq.aggr_period or (end - start)
    buckets: dict[int, list] = defaultdict(list)
    for when, number, instance in values:
        buckets[int((when - start) / period)].append((number, instance))
    out: dict[str, list] = {method: [] for method in tq.aggr_methods}
    for index in sorted(buckets):
        bucket_start = start + index * period
        stamps = [ngsi.format_time(bucket_start), ngsi.format_time(bucket_start + period)]
        numbers = [n for n, _ in buckets[index] if n is not None]
        for method in tq.aggr_methods:
            if method == "totalCount":
                value = len(buckets[index])
            elif method == "distinctCount":
                value = len({repr(ngsi.simplified_value(i)) for _, i in buckets[index]})
            elif not numbers:
                continue
            elif method == "avg":
                value = sum(numbers) / len(numbers)
            elif method == "min":
                value = min(numbers)
            elif method == "max":
                value = max(numbers)
            elif method == "sum":
                value = sum(numbers)
            elif method == "sumsq":
                value = sum(n * n for n in numbers)
            else:
                mean = sum(numbers) / len(numbers)
                value = (sum((n - mean) ** 2 for n in numbers) / len(numbers)) ** 0.5
            out[method].append([value, *stamps])
    return out


def history(
    *, tenant: str, entities: list, ctx: Context, attrs: list[str] | None, tq: TemporalQuery, simplified: bool
) -> list[dict]:
    """The temporal representation of ``entities`` (current Entity rows), in their order."""
    wanted = {ctx.expand(a) for a in attrs} if attrs else None
    rows = _rows(tenant, [e.entity_id for e in entities], wanted, tq)
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        grouped[row[1]][row[2]].append(row)
    out = []
    for entity in entities:
        body: dict = {"id": entity.entity_id, "type": ctx.compact(entity.type)}
        for iri, attr_rows in grouped.get(entity.entity_id, {}).items():
            name = ctx.compact(iri)
            kind = attr_rows[-1][4].get("type", "Property")
            if tq.aggr_methods:
                body[name] = {"type": kind, **_aggregate(attr_rows, tq)}
            elif simplified:
                values_key = {"Relationship": "objects", "LanguageProperty": "languageMaps"}.get(kind, "values")
                body[name] = {
                    "type": kind,
                    values_key: [[ngsi.simplified_value(r[4]), ngsi.format_time(r[3])] for r in attr_rows],
                }
            else:
                instances = []
                for pk, _e, _a, when, instance, _n in attr_rows:
                    item = ngsi.compact_instance(instance, ctx, sys_attrs=False)
                    item["instanceId"] = f"urn:ngsi-ld:Instance:{pk}"
                    if tq.timeproperty != "observedAt":
                        item[tq.timeproperty] = ngsi.format_time(when)
                    instances.append(item)
                body[name] = instances
        out.append(body)
    return out
