"""Data hub benchmark (issue #6): ``python -m tests.bench.datahub [--entities 20000] [--instances 1000000]``.

Runs the NGSI-LD API in-process (Django test client: the whole request stack — API key check, rate limit,
usage counting, JSON parsing, @context handling — without a network hop) against a database that must be
PostgreSQL for the published figures (``DATAHUB_BENCH_DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432/
openlab_bench_datahub``, created if missing; its datahub tables are emptied first). It measures:

- batch upsert throughput: ``POST /entityOperations/upsert`` in batches of 1,000 new entities (entities/s);
- single create: sequential ``POST /entities`` (requests/s);
- query by type + q: ``GET /entities?type=ParkingSpot&q=status=="occupied";width>2.4`` (p50/p95);
- geo-query: ``georel=near;maxDistance==300`` around random points of the city (p50/p95);
- temporal: ``--instances`` attribute instances loaded with ``temporal_entities_load`` (15-minute readings),
  then ``GET /temporal/entities/{id}`` for one attribute over one random day, ``lastN=96`` and hourly ``avg``
  aggregation over a random week (p50/p95 each).

Prints the figures and the targets of the issue; asserts nothing about timings.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/openlab_bench_datahub"
LINK = '<https://smartdatamodels.org/context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"'
CENTER = (126.9875, 37.4292)  # 과천시청
QUERIES = 200


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ensure_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("CELERY_BROKER_URL", "memory://")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def analyze(connection) -> None:
    """Vacuum and fresh planner statistics after a bulk load (what autovacuum does shortly after)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE datahub_entity")
            cursor.execute("VACUUM ANALYZE datahub_attributeinstance")


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return statistics.median(ordered) * 1000, p95 * 1000


def spot(n: int, rng: random.Random) -> dict:
    lon = CENTER[0] + rng.uniform(-0.03, 0.03)
    lat = CENTER[1] + rng.uniform(-0.02, 0.02)
    return {
        "id": f"urn:ngsi-ld:ParkingSpot:bench:{n:07d}",
        "type": "ParkingSpot",
        "name": {"type": "Property", "value": f"과천 벤치마크 주차면 {n}"},
        "status": {
            "type": "Property",
            "value": rng.choice(["free", "occupied", "occupied", "closed"]),
            "observedAt": "2026-11-01T09:00:00Z",
        },
        "width": {"type": "Property", "value": round(rng.uniform(2.0, 3.2), 2), "unitCode": "MTR"},
        "refParkingSite": {"type": "Relationship", "object": f"urn:ngsi-ld:OffStreetParking:bench:{n % 40}"},
        "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=20_000, help="entities created by batch upsert")
    parser.add_argument("--creates", type=int, default=1_000, help="single POST /entities requests")
    parser.add_argument("--instances", type=int, default=1_000_000, help="attribute instances for temporal")
    args = parser.parse_args()
    url = os.environ.get("DATAHUB_BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    ensure_database(url)
    setup_django(url)

    import json

    from django.db import connection
    from django.test import Client

    from accounts.models import User
    from datahub.models import ApiKey, ApiKeyScope, AttributeInstance, Entity, Tenant
    from datahub.services import api_key_create, temporal_entities_load
    from marketplace.models import Membership, MembershipRole, MembershipStatus, Organization, OrganizationKind

    rng = random.Random(6)
    log(f"database: {connection.vendor} {url.rsplit('/', 1)[-1]}")
    organization, _ = Organization.objects.get_or_create(
        slug="bench-startup", defaults={"name": "벤치마크 주식회사", "kind": OrganizationKind.COMPANY}
    )
    user, _ = User.objects.get_or_create(email="bench@openlab.example")
    Membership.objects.get_or_create(
        user=user, organization=organization, defaults={"role": MembershipRole.ADMIN, "status": MembershipStatus.ACTIVE}
    )
    ApiKey.objects.filter(organization=organization).delete()
    key, secret = api_key_create(
        actor=user,
        organization=organization,
        name="bench",
        scopes=[ApiKeyScope.READ_SANDBOX, ApiKeyScope.WRITE_OWN_TENANT],
        rate_limit_per_minute=6000,
    )
    ApiKey.objects.filter(pk=key.pk).update(rate_limit_per_minute=10**9)
    tenant = key.tenant
    Entity.objects.filter(tenant=tenant).delete()
    AttributeInstance.objects.filter(tenant=tenant).delete()
    Tenant.objects.get_or_create(name=tenant, defaults={"organization": organization})
    headers = {"Authorization": f"Bearer {secret}", "NGSILD-Tenant": tenant, "Link": LINK}
    client = Client()
    results = {}

    # 1. Batch upsert, 1,000 entities per request.
    batches = [[spot(n, rng) for n in range(start, start + 1000)] for start in range(0, args.entities, 1000)]
    started = time.perf_counter()
    for batch in batches:
        response = client.post(
            "/ngsi-ld/v1/entityOperations/upsert", json.dumps(batch), content_type="application/json", headers=headers
        )
        assert response.status_code in (201, 204), response.content[:300]
    elapsed = time.perf_counter() - started
    results["batch upsert (entities/s, batches of 1,000)"] = args.entities / elapsed
    log(f"batch upsert: {args.entities} entities in {elapsed:.1f} s")

    # 2. Single creates.
    times = []
    for n in range(args.creates):
        body = json.dumps(spot(10_000_000 + n, rng))
        start = time.perf_counter()
        response = client.post("/ngsi-ld/v1/entities", body, content_type="application/json", headers=headers)
        times.append(time.perf_counter() - start)
        assert response.status_code == 201, response.content[:300]
    results["single create (requests/s)"] = len(times) / sum(times)
    log(f"single create: {args.creates} requests")
    analyze(connection)

    # 3. Query by type + q.
    times = []
    for _ in range(QUERIES):
        width = round(rng.uniform(2.2, 3.0), 1)
        params = {"type": "ParkingSpot", "q": f'status=="occupied";width>{width}', "limit": 20, "count": "true"}
        start = time.perf_counter()
        response = client.get("/ngsi-ld/v1/entities", params, headers=headers)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200
    results["query type+q p50/p95 ms"] = percentiles(times)

    # 4. Geo-query.
    times = []
    for _ in range(QUERIES):
        point = [CENTER[0] + rng.uniform(-0.025, 0.025), CENTER[1] + rng.uniform(-0.015, 0.015)]
        params = {
            "type": "ParkingSpot",
            "georel": "near;maxDistance==300",
            "geometry": "Point",
            "coordinates": json.dumps(point),
            "limit": 20,
        }
        start = time.perf_counter()
        response = client.get("/ngsi-ld/v1/entities", params, headers=headers)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200
    results["geo-query near 300 m p50/p95 ms"] = percentiles(times)

    # 5. Temporal over --instances attribute instances (15-minute readings of one attribute per station).
    per_entity = 96 * 30
    stations = max(1, args.instances // per_entity)
    t0 = datetime(2026, 10, 1, tzinfo=UTC)
    stamps = [(t0 + timedelta(minutes=15 * i)).strftime("%Y-%m-%dT%H:%M:%SZ") for i in range(per_entity)]

    def stations_iter():
        for s in range(stations):
            yield {
                "id": f"urn:ngsi-ld:AirQualityObserved:bench:{s:05d}",
                "type": "AirQualityObserved",
                "pm10": [
                    {"type": "Property", "value": round(20 + 30 * rng.random(), 1), "unitCode": "GQ", "observedAt": t}
                    for t in stamps
                ],
            }

    started = time.perf_counter()
    written = temporal_entities_load(tenant=tenant, entities=stations_iter(), batch_size=50)
    elapsed = time.perf_counter() - started
    log(f"temporal load: {written} instances in {elapsed:.1f} s")
    results["temporal load (instances/s)"] = written / elapsed
    analyze(connection)
    total = AttributeInstance.objects.filter(tenant=tenant).count()
    cases = {
        "temporal one day p50/p95 ms": lambda day: {
            "attrs": "pm10",
            "timerel": "between",
            "timeAt": (t0 + timedelta(days=day)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "endTimeAt": (t0 + timedelta(days=day + 1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
        "temporal lastN=96 p50/p95 ms": lambda day: {"attrs": "pm10", "lastN": "96"},
        "temporal hourly avg over 7 days p50/p95 ms": lambda day: {
            "attrs": "pm10",
            "aggrMethods": "avg,max",
            "aggrPeriodDuration": "PT1H",
            "timerel": "between",
            "timeAt": (t0 + timedelta(days=day)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "endTimeAt": (t0 + timedelta(days=day + 7)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
    }
    for name, make in cases.items():
        times = []
        for _ in range(QUERIES):
            station = f"urn:ngsi-ld:AirQualityObserved:bench:{rng.randrange(stations):05d}"
            start = time.perf_counter()
            response = client.get(f"/ngsi-ld/v1/temporal/entities/{station}", make(rng.randrange(22)), headers=headers)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, response.content[:300]
        results[name] = percentiles(times)

    print(
        f"\nDatabase: {connection.vendor}; {Entity.objects.filter(tenant=tenant).count()} entities, {total} instances"
    )
    print(f"{'case':<48} {'result':>18}   target")
    targets = {
        "batch upsert (entities/s, batches of 1,000)": ">= 3,000",
        "single create (requests/s)": ">= 300",
        "query type+q p50/p95 ms": "p95 < 50",
        "geo-query near 300 m p50/p95 ms": "p95 < 50",
        "temporal one day p50/p95 ms": "p95 < 200",
        "temporal lastN=96 p50/p95 ms": "p95 < 200",
        "temporal hourly avg over 7 days p50/p95 ms": "p95 < 200",
        "temporal load (instances/s)": "",
    }
    for name, value in results.items():
        shown = f"{value[0]:.1f} / {value[1]:.1f}" if isinstance(value, tuple) else f"{value:,.0f}"
        print(f"{name:<48} {shown:>18}   {targets.get(name, '')}")


if __name__ == "__main__":
    main()
