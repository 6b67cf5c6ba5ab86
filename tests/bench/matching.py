"""Matching benchmark (issue #5): ``python -m tests.bench.matching [--size 100000] [--reuse]``.

On a throwaway database holding the synthetic catalogue of ``tests.bench.corpus`` (``--size`` solutions,
default 100,000, indexed by our database search backend), it measures:

- p50/p95 of ranking one need over the whole catalogue (``marketplace.matching.engine.rank_solutions``:
  inference, the search engine's text query, type candidates, bulk loading and scoring), for the judged
  needs of ``tests/marketplace/matching_set.py`` and the demo needs, each run ``--rounds`` times;
- recomputing the stored matches of every open need after one solution is updated
  (``matches_recompute_for_solution``), with ``--open-needs`` published needs: total and per need.

Database: ``var/bench/matching-<size>.sqlite3`` (rebuilt unless ``--reuse``), or PostgreSQL when
``DATABASE_URL`` is set (an empty database). Prints the figures; asserts nothing about timings.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / "var" / "bench"
TARGET_P95_MS = 300


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(values, q):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


def setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("CELERY_BROKER_URL", "memory://")
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False
    settings.CELERY_TASK_ALWAYS_EAGER = False
    call_command("migrate", verbosity=0)


def build(size: int) -> None:
    from search import sources
    from search.backends.database import DatabaseBackend
    from tests.bench.corpus import build_corpus

    log(f"building the corpus ({size:,} solutions)")
    stats = build_corpus(size, progress=log)
    log(f"corpus in {stats.seconds:.0f} s; indexing")
    start = time.perf_counter()
    count = DatabaseBackend().rebuild(sources.all_documents())
    log(f"indexed {count:,} documents in {time.perf_counter() - start:.0f} s")


def profiles():
    from marketplace.demo.needs import NEEDS
    from marketplace.matching.profiles import NeedProfile, preview_key
    from tests.marketplace.matching_set import MATCHING_SET

    out = [
        NeedProfile(key=preview_key(c.text), title="", text=c.text, type_codes=c.given, budget_krw=c.budget_krw,
                    sites=c.sites)
        for c in MATCHING_SET
    ]  # fmt: skip
    out += [
        NeedProfile(key=preview_key(n.text), title=n.title, text=n.text, budget_krw=n.budget_krw, sites=n.sites,
                    must_haves=n.must_haves)
        for n in NEEDS
    ]  # fmt: skip
    return out


def bench_rank(rounds: int) -> dict:
    from marketplace.matching.engine import rank_solutions

    needs = profiles()
    rank_solutions(needs[0])  # warm-up: loads the morphological analyser
    timings, sizes = [], []
    for _ in range(rounds):
        for need in needs:
            start = time.perf_counter()
            results = rank_solutions(need)
            timings.append((time.perf_counter() - start) * 1000)
            sizes.append(len(results))
    return {
        "needs": len(needs),
        "runs": len(timings),
        "p50": statistics.median(timings),
        "p95": percentile(timings, 95),
        "max": max(timings),
        "results": statistics.mean(sizes),
    }


def bench_recompute(open_needs: int) -> dict:
    from django.contrib.auth import get_user_model

    from marketplace import services
    from marketplace.models import (
        Membership,
        MembershipRole,
        MembershipStatus,
        Need,
        Organization,
        OrganizationKind,
        Solution,
        SolutionStatus,
    )

    cities = list(Organization.objects.filter(kind=OrganizationKind.MUNICIPALITY).order_by("pk"))
    user, _ = get_user_model().objects.get_or_create(email="bench-official@openlab.example")
    for city in cities:
        Membership.objects.get_or_create(
            user=user, organization=city, defaults={"role": MembershipRole.ADMIN, "status": MembershipStatus.ACTIVE}
        )
    Need.objects.all().delete()
    texts = profiles()
    log(f"publishing {open_needs} needs")
    for i in range(open_needs):
        profile = texts[i % len(texts)]
        need = services.need_create(
            actor=user, municipality=cities[i % len(cities)], title=profile.title or profile.text[:40],
            text=profile.text, budget_krw=profile.budget_krw, sites=profile.sites, must_haves=list(profile.must_haves),
        )  # fmt: skip
        services.need_publish(actor=user, need=need)
        services.matches_recompute_for_need(need_id=need.pk)
    solution = Solution.objects.filter(status=SolutionStatus.PUBLISHED, main_type__code="TRN-04").order_by("pk").first()
    start = time.perf_counter()
    kept = services.matches_recompute_for_solution(solution_id=solution.pk)
    seconds = time.perf_counter() - start
    return {"open_needs": open_needs, "seconds": seconds, "per_need_ms": seconds * 1000 / open_needs, "kept": kept}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=int(os.environ.get("BENCH_MATCHING_SIZE", 100_000)))
    parser.add_argument("--reuse", action="store_true", help="reuse the corpus and index of a previous run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--open-needs", type=int, default=100)
    args = parser.parse_args(argv)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / f"matching-{args.size}.sqlite3"
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{path}"
    if url.startswith("sqlite") and not args.reuse and path.exists():
        path.unlink()
    setup(url)
    from django.db import connection

    from marketplace.models import Solution

    if not args.reuse or not Solution.objects.exists():
        build(args.size)
    solutions = Solution.objects.count()
    rank = bench_rank(args.rounds)
    recompute = bench_recompute(args.open_needs)
    verdict = "met" if rank["p95"] < TARGET_P95_MS else "NOT met"
    print(
        f"\nMatching benchmark — {solutions:,} solutions, {connection.vendor}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d')}\n"
        f"rank one need over the catalogue: {rank['runs']} runs ({rank['needs']} needs × {args.rounds}): "
        f"p50 {rank['p50']:.0f} ms, p95 {rank['p95']:.0f} ms, max {rank['max']:.0f} ms "
        f"(target p95 < {TARGET_P95_MS} ms: {verdict}); mean {rank['results']:.1f} results\n"
        f"recompute after one solution update, {recompute['open_needs']} open needs: "
        f"{recompute['seconds']:.2f} s ({recompute['per_need_ms']:.0f} ms per open need), "
        f"{recompute['kept']} stored matches"
    )


if __name__ == "__main__":
    main()
