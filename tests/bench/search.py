"""Search benchmark (issue #3): ``python -m tests.bench.search [--size 100000]``.

On a throwaway database holding a synthetic catalogue of ``--size`` solutions (``tests.bench.corpus``,
reproducible; default 100,000, ``BENCH_SEARCH_SIZE`` overrides), it measures side by side:

- full index rebuild: our ``DatabaseBackend`` (documents from ``search.sources`` + analysis + writes)
  and Wagtail's database search backend (``tests.bench.wagtail_compat.rebuild``, i.e. ``update_index``);
- p50/p95 latency of 200 mixed queries, about 30 % with filters, page size 20, with facets, for our
  backend, Wagtail's and a naive ``icontains`` filter (``search.database.filter_solutions``);
- p50/p95 of 200 suggest prefixes (1–4 characters of real titles), same three engines;
- relevance (nDCG@10, MRR) of the three on the *demo* catalogue with the relevance set
  (``tests/search/relevance_set.py``, ``search.evaluation``), in a separate throwaway database.

Database: a SQLite file ``var/bench/search-<size>.sqlite3`` (recreated each run unless ``--reuse``),
or PostgreSQL when ``DATABASE_URL`` is set (create the database beforehand; it must be empty). The
demo database for relevance is ``var/bench/search-demo.sqlite3``, or ``<database>_demo`` on the same
PostgreSQL server, created and dropped by the run (``BENCH_SEARCH_DEMO_DATABASE_URL`` overrides).
Prints medians and 95th percentiles; asserts nothing about timings.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / "var" / "bench"
DEFAULT_SIZE = 100_000
PAGE_SIZE = 20
WARMUP = 3
TARGET_QUERY_P95_MS = 100
TARGET_SUGGEST_P95_MS = 30
WAGTAIL_FACETS = ("main_type_id", "company_id")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    # Model signals during seed_demo enqueue index drains; keep them off the project's real broker.
    os.environ.setdefault("CELERY_BROKER_URL", "memory://")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False  # no query log: it would cost time and memory in a 100k-row benchmark
    call_command("migrate", verbosity=0)


def vendor() -> str:
    from django.db import connection

    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * q // 100) - 1))] if ordered else float("nan")


# -- the three engines ---------------------------------------------------------------------------


def solution_filter(filters: dict[str, tuple[str, ...]]):
    """Our facet filters as a Solution queryset filter (values OR within a facet, AND across)."""
    from django.db.models import Exists, OuterRef, Q

    from marketplace.models import PriceBand, Reference, Solution

    q = Q()
    for name, values in filters.items():
        if name == "domain":
            q &= Q(pk__in=Solution.objects.filter(types__domain__code__in=values).values("pk"))
        elif name == "type":
            q &= Q(pk__in=Solution.objects.filter(types__code__in=values).values("pk"))
        elif name == "price_band":
            bands = Q()
            for value in values:
                low, high = PriceBand.bounds(value)
                bands |= Q(price_min__gte=low) & (Q(price_min__lt=high) if high else Q())
            q &= bands
        elif name == "province":
            q &= Q(pk__in=Reference.objects.filter(municipality__province__in=values).values("solution_id"))
        elif name == "company":
            q &= Q(company__slug__in=values)
        elif name == "startup":
            q &= Q(company__is_startup__in=[v == "true" for v in values])
        elif name == "has_reference":
            exists = Exists(Reference.objects.filter(solution_id=OuterRef("pk")))
            q &= exists if values == ("true",) else ~exists
        elif name == "open_source":
            q &= ~Q(open_source_license="") if values == ("true",) else Q(open_source_license="")
    return q


def _filtered(queryset, filters):
    from marketplace.models import Solution

    if not filters:
        return queryset
    return queryset.filter(pk__in=Solution.objects.filter(solution_filter(filters)).values("pk"))


class Ours:
    name = "ours"
    facets = "8 facets"

    def __init__(self):
        from search.backends.database import DatabaseBackend

        self.backend = DatabaseBackend()

    def search(self, text, filters, page_size=PAGE_SIZE, with_facets=True) -> tuple[int, list[int]]:
        from search.backends.base import SearchQuery

        results = self.backend.search(
            SearchQuery(text=text, filters=dict(filters), page_size=page_size, with_facets=with_facets)
        )
        return results.total, [hit.object_id for hit in results.hits if hit.kind == "solution"]

    def suggest(self, prefix) -> list[str]:
        return [s.text for s in self.backend.suggest(prefix, limit=10)]


class Wagtail:
    name = "Wagtail"
    facets = "2 facets"

    def __init__(self):
        from tests.bench import wagtail_compat

        self.compat = wagtail_compat
        self.backend = wagtail_compat.backend()

    def search(self, text, filters, page_size=PAGE_SIZE, with_facets=True) -> tuple[int, list[int]]:
        results = self.backend.search(text, _filtered(self.compat.published(), filters))
        ids = [solution.pk for solution in results[:page_size]]
        total = results.count()
        if with_facets:
            for field_name in WAGTAIL_FACETS:
                results.facet(field_name)
        return total, ids

    def suggest(self, prefix) -> list[str]:
        return [s.name for s in self.backend.autocomplete(prefix, self.compat.published())[:10]]


class Icontains:
    name = "icontains"
    facets = "2 facets"

    def search(self, text, filters, page_size=PAGE_SIZE, with_facets=True) -> tuple[int, list[int]]:
        from django.db.models import Count

        from marketplace.models import Solution, SolutionStatus
        from search.database import filter_solutions

        published = _filtered(Solution.objects.filter(status=SolutionStatus.PUBLISHED), filters)
        matched = filter_solutions(published, text)
        ids = list(matched.order_by("-published_at", "-pk").values_list("pk", flat=True)[:page_size])
        total = matched.count()
        if with_facets:
            for field_name in WAGTAIL_FACETS:
                list(matched.order_by().values(field_name).annotate(n=Count("pk")))
        return total, ids

    def suggest(self, prefix) -> list[str]:
        from marketplace.models import Solution, SolutionStatus

        published = Solution.objects.filter(status=SolutionStatus.PUBLISHED, name__icontains=prefix)
        return list(published.order_by("-published_at").values_list("name", flat=True)[:10])


# -- measuring -----------------------------------------------------------------------------------


class Run:
    def __init__(self, name: str):
        self.name = name
        self.samples: list[tuple[float, str, int, str]] = []  # ms, label, hits, category; in run order
        self.errors: list[str] = []
        self.planned = 0
        self.timeouts = 0

    @property
    def ms(self) -> list[float]:
        return [s[0] for s in self.samples]

    @property
    def slowest(self) -> list[tuple[float, str, int, str]]:
        return sorted(self.samples, reverse=True)

    def row(self) -> dict:
        totals = [s[2] for s in self.samples if s[2] >= 0]
        return {
            "p50": statistics.median(self.ms) if self.ms else float("nan"),
            "p95": percentile(self.ms, 95),
            "max": max(self.ms, default=float("nan")),
            "zero": sum(1 for t in totals if t == 0),
            "median_total": statistics.median(totals) if totals else 0,
            "errors": len(self.errors),
            "measured": len(self.samples),
            "timeouts": self.timeouts,
        }


class TimedOut(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    """Cancel the database statement running when ``seconds`` have passed (SQLite ``interrupt()``,
    PostgreSQL ``cancel()``), so one pathological query costs at most about that long."""
    from django.db import DatabaseError, connection

    if not seconds:
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    fired = threading.Event()

    def cancel():
        fired.set()
        raw.interrupt() if connection.vendor == "sqlite" else raw.cancel()

    timer = threading.Timer(seconds, cancel)
    timer.start()
    try:
        yield
    except DatabaseError as exc:
        if fired.is_set():
            raise TimedOut(f"cancelled after {seconds:.0f} s") from exc
        raise
    finally:
        timer.cancel()


def common(a: Run, b: Run) -> tuple[dict, dict, int]:
    """Both runs' figures over the items both measured (a time budget may have cut one short)."""
    labels = {s[1] for s in a.samples} & {s[1] for s in b.samples}
    subsets = []
    for run in (a, b):
        subset = Run(run.name)
        subset.samples = [s for s in run.samples if s[1] in labels]
        subsets.append(subset.row())
    return subsets[0], subsets[1], len(labels)


def measure(
    name: str,
    call: Callable,
    items: list,
    label: Callable,
    category: Callable = lambda item: "",
    budget: float = 0,
    timeout: float = 0,
) -> Run:
    """Warm up on the first items, then time every item once. A call cancelled after ``timeout``
    seconds counts with the time it took (so percentiles become lower bounds) and as a timeout;
    timing stops once ``budget`` seconds are spent, so a pathologically slow engine cannot hold
    the run for hours."""
    run = Run(name)
    run.planned = len(items)
    for item in items[:WARMUP]:
        try:
            with time_limit(timeout):
                call(item)
        except Exception:  # noqa: BLE001 - counted below, when it happens again
            pass
    began = time.perf_counter()
    for item in items:
        start = time.perf_counter()
        try:
            with time_limit(timeout):
                result = call(item)
        except TimedOut:
            elapsed = (time.perf_counter() - start) * 1000
            run.timeouts += 1
            run.samples.append((elapsed, label(item) + " [timed out]", -1, category(item)))
            result = None
        except Exception as exc:  # noqa: BLE001 - an engine failing a query is a finding, not a crash
            run.errors.append(f"{label(item)}: {type(exc).__name__}: {str(exc)[:120]}")
            continue
        if result is not None:
            elapsed = (time.perf_counter() - start) * 1000
            total = result[0] if isinstance(result, tuple) else len(result)
            run.samples.append((elapsed, label(item), total, category(item)))
        if budget and time.perf_counter() - began > budget:
            break
    return run


def describe_query(query) -> str:
    filters = ",".join(f"{k}={'|'.join(v)}" for k, v in sorted(query.filters.items()))
    return f"{query.text!r}" + (f" [{filters}]" if filters else "") + f" ({query.category})"


# -- phases --------------------------------------------------------------------------------------


def build_record(size: int) -> Path:
    from django.db import connection

    name = Path(connection.settings_dict["NAME"]).stem
    return BENCH_DIR / f"search-build-{connection.vendor}-{name}-{size}.json"


def build(size: int) -> dict:
    from django.db import connection

    from search import sources
    from search.backends.database import DatabaseBackend
    from tests.bench import wagtail_compat
    from tests.bench.corpus import build_corpus

    log(f"building the corpus ({size:,} solutions)")
    stats = build_corpus(size, progress=log)
    log(f"corpus built in {stats.seconds:.0f} s; building our index documents")
    start = time.perf_counter()
    documents = list(sources.all_documents())
    docs_seconds = time.perf_counter() - start
    log(f"{len(documents):,} documents in {docs_seconds:.0f} s; rebuilding our index")
    start = time.perf_counter()
    indexed = DatabaseBackend().rebuild(documents)
    write_seconds = time.perf_counter() - start
    log(f"our index: {indexed:,} documents in {write_seconds:.0f} s; rebuilding Wagtail's index")
    start = time.perf_counter()
    wagtail_indexed = wagtail_compat.rebuild()
    wagtail_seconds = time.perf_counter() - start
    log(f"Wagtail's index: {wagtail_indexed:,} objects in {wagtail_seconds:.0f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does shortly after a bulk load
    built = {
        "corpus": stats.__dict__,
        "documents": len(documents),
        "ours_docs_s": docs_seconds,
        "ours_write_s": write_seconds,
        "ours_indexed": indexed,
        "wagtail_indexed": wagtail_indexed,
        "wagtail_s": wagtail_seconds,
    }
    build_record(size).write_text(json.dumps(built, indent=1))
    return built


def profile_rebuild(sample: int = 2000) -> str:
    """Where our indexing time goes: ``index()`` (replace in place) of the first ``sample`` documents."""
    from itertools import islice

    from search import sources
    from search.backends.database import DatabaseBackend

    documents = list(islice(sources.all_documents(), sample))
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.runcall(DatabaseBackend().index, documents)
    elapsed = time.perf_counter() - start
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(10)
    return f"index() of {len(documents)} documents: {elapsed:.1f} s ({len(documents) / elapsed:.0f} docs/s)\n" + (
        out.getvalue()
    )


def profile_queries(engine, queries) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for query in queries:
        engine.search(query.text, query.filters)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(10)
    return out.getvalue()


def explain(text: str, filters: dict) -> str:
    """The plan of the statement our backend runs in SQL for one query, rebuilt from its internals
    (``_match_expression``, ``_matched_sql``); any change there only degrades this diagnostic."""
    from django.db import connection

    from search import analysis
    from search.backends import database

    backend = database.DatabaseBackend()
    words = analysis.parse_query(text)
    if not words:
        return "no analysable word: the backend answers as for an empty query (every entry)"
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS) "
    lines = []
    try:
        match, priority = backend._match_expression(words, strict=True), None
        sql, params = backend._matched_sql(match)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) matched", params)
            strict_total = cursor.fetchone()[0]
        if strict_total < getattr(database, "FILL_BELOW", 0):
            priority = match if strict_total else None
            match = backend._match_expression(words, strict=False)
            sql, params = backend._matched_sql(match, priority)
        lines.append(f"strict matches: {strict_total}; match: {match}" + (" (relaxed fill)" if priority else ""))
        # Kinds, filters, facets and the page are computed in memory from the matched set.
        statements = {"matched set": (f"SELECT COUNT(*) FROM ({sql}) m", params)}
        with connection.cursor() as cursor:
            for name, (statement, args) in statements.items():
                start = time.perf_counter()
                cursor.execute(statement, args)
                rows = cursor.fetchall()
                ms = (time.perf_counter() - start) * 1000
                lines.append(f"-- {name}: {ms:.1f} ms, {rows[0][0] if name == 'matched set' else len(rows)} rows")
                cursor.execute(prefix + statement, args)
                lines += ["   " + " | ".join(str(c) for c in row) for row in cursor.fetchall()]
    except Exception as exc:  # noqa: BLE001 - internals may change; the benchmark must still finish
        lines.append(f"explain unavailable: {type(exc).__name__}: {exc}")
    return "\n".join(lines)


def bench_queries(engines, queries, prefixes, budget: float, timeout: float) -> dict:
    results = {}
    for engine in engines:
        log(f"{engine.name}: {len(queries)} mixed queries")
        results[(engine.name, "query")] = measure(
            engine.name,
            lambda q, e=engine: e.search(q.text, q.filters),
            queries,
            describe_query,
            lambda q: q.category,
            budget,
            timeout,
        )
        log(f"{engine.name}: {len(prefixes)} suggest prefixes")
        results[(engine.name, "suggest")] = measure(
            engine.name, engine.suggest, prefixes, repr, budget=budget, timeout=timeout
        )
    return results


def corpus_inputs():
    from marketplace.models import Organization, OrganizationKind, Solution, SolutionStatus
    from tests.bench.corpus import load_fragments, query_set, suggest_prefixes

    companies = list(
        Organization.objects.filter(kind=OrganizationKind.COMPANY).order_by("pk").values_list("name", "name_en")
    )
    brands = sorted({ko for ko, _ in load_fragments().brands})
    titles = list(
        Solution.objects.filter(status=SolutionStatus.PUBLISHED).order_by("pk").values_list("name", flat=True)[:50_000]
    )
    return query_set(companies, brands), suggest_prefixes(titles)


def fmt_ms(value: float) -> str:
    return f"{value:8.1f}"


def report(size, db, built, runs, queries, relevance_text, *, analyzed: bool, reused: bool) -> str:
    planner = "planner statistics: ANALYZE run" if analyzed else "planner statistics: none (no ANALYZE, as deployed)"
    lines = [f"search benchmark: {size:,} solutions, {db}; {planner}"]
    if reused and built:
        lines.append("corpus and indexes reused (--reuse); rebuild figures are those of the run that built them")
    if built:
        c = built["corpus"]
        lines.append(
            f"corpus: {c['solutions']:,} solutions ({c['published']:,} published, {c['with_references']:,} with "
            f"references, {c['references']:,} references, {c['type_links']:,} type links), {c['companies']:,} "
            f"companies; bulk-created in {c['seconds']:.0f} s"
        )
        ours = built["ours_docs_s"] + built["ours_write_s"]
        lines += [
            "",
            "full index rebuild            seconds    docs/s",
            f"  ours (documents + analysis + write)  {ours:8.0f}  {built['ours_indexed'] / ours:8.0f}"
            f"   (documents from the ORM {built['ours_docs_s']:.0f} s, rebuild() {built['ours_write_s']:.0f} s)",
            f"  Wagtail (update_index)               {built['wagtail_s']:8.0f}  "
            f"{built['wagtail_indexed'] / built['wagtail_s']:8.0f}",
            f"  ratio ours/Wagtail                   {ours / built['wagtail_s']:8.2f}",
        ]
    else:
        lines.append("corpus and indexes reused (--reuse); no rebuild figures recorded")
    filtered = sum(1 for q in queries if q.filters)
    for kind, title in (
        ("query", f"mixed queries ({len(queries)}, {filtered} with filters, page {PAGE_SIZE}, with facets), ms"),
        ("suggest", "suggest (200 prefixes, 10 items), ms"),
    ):
        lines += [
            "",
            title,
            f"  {'engine':<22}{'p50':>8}{'p95':>8}{'max':>8}  zero-hit  median hits  errors  timeouts  measured",
        ]
        for name in ("ours", "Wagtail", "icontains"):
            run = runs.get((name, kind))
            if run is None:
                continue
            r = run.row()
            label = name + (f" ({ENGINE_FACETS[name]})" if kind == "query" else "")
            lines.append(
                f"  {label:<22}{fmt_ms(r['p50'])}{fmt_ms(r['p95'])}{fmt_ms(r['max'])}  {r['zero']:8d}"
                f"  {r['median_total']:11.0f}  {r['errors']:6d}  {r['timeouts']:8d}  {r['measured']:4d}/{run.planned}"
            )
        ours, wagtail = runs.get(("ours", kind)), runs.get(("Wagtail", kind))
        if ours and wagtail:
            o, w, n = common(ours, wagtail)
            note = "" if n == ours.planned else f"  (over the {n} items both measured)"
            lines.append(f"  ratio ours/Wagtail    {o['p50'] / w['p50']:8.2f}{o['p95'] / w['p95']:8.2f}{note}")
    ours_q, ours_s, wagtail_q = (
        runs.get(("ours", "query")),
        runs.get(("ours", "suggest")),
        runs.get(("Wagtail", "query")),
    )
    if ours_q and ours_s:
        qp95, sp95 = ours_q.row()["p95"], ours_s.row()["p95"]
        met = {True: "met", False: "MISSED"}
        lines += [
            "",
            f"target: ours query p95 < {TARGET_QUERY_P95_MS} ms: {met[qp95 < TARGET_QUERY_P95_MS]} ({qp95:.1f})",
            f"target: ours suggest p95 < {TARGET_SUGGEST_P95_MS} ms: {met[sp95 < TARGET_SUGGEST_P95_MS]} ({sp95:.1f})",
        ]
        if wagtail_q:
            o, w, n = common(ours_q, wagtail_q)
            lines.append(f"target: ours no slower than Wagtail (p95 over {n} queries): {met[o['p95'] <= w['p95']]}")
        by_category: dict[str, list[float]] = {}
        for elapsed, _label, _total, category in ours_q.samples:
            by_category.setdefault(category, []).append(elapsed)
        lines += ["", "ours by query category: p50 / p95 ms"]
        lines += [
            f"  {cat:<10} {len(v):4d} queries  {statistics.median(v):7.1f} / {percentile(v, 95):7.1f}"
            for cat, v in sorted(by_category.items())
        ]
        lines += ["", "ours, slowest queries (ms, query, hits):"]
        lines += [f"  {ms:7.1f}  {label}  {total:,}" for ms, label, total, _ in ours_q.slowest[:8]]
    for (name, kind), run in runs.items():
        for error in run.errors[:5]:
            lines.append(f"error {name} {kind}: {error}")
    if relevance_text:
        lines += ["", relevance_text]
    return "\n".join(lines)


ENGINE_FACETS = {"ours": Ours.facets, "Wagtail": Wagtail.facets, "icontains": Icontains.facets}


# -- relevance on the demo catalogue (runs in a child process on its own database) -----------------


def relevance_main() -> None:
    from marketplace.demo.seed import seed_demo
    from marketplace.models import Solution, SolutionStatus
    from search.evaluation import compare, evaluate
    from search.services import index_rebuild
    from tests.bench import wagtail_compat

    try:
        from tests.search.relevance_set import RELEVANCE_SET
    except ImportError:
        print("relevance: tests/search/relevance_set.py is missing; no relevance figures")
        return
    seed_demo()
    index_rebuild()
    wagtail_compat.rebuild()
    published = Solution.objects.filter(status=SolutionStatus.PUBLISHED).select_related("main_type")
    type_codes = {
        s.pk: {t.code for t in s.types.all()} | {s.main_type.code} for s in published.prefetch_related("types")
    }
    engines = [Ours(), Wagtail(), Icontains()]
    reports = []
    for engine in engines:

        def search(query, engine=engine):
            try:
                return engine.search(query, {}, page_size=10, with_facets=False)[1]
            except Exception:  # noqa: BLE001 - a query an engine cannot run finds nothing
                return []

        reports.append(evaluate(search, RELEVANCE_SET, type_codes, name=engine.name))
    side_by_side = compare(*reports)
    path = BENCH_DIR / f"search-relevance-{vendor().split()[0].lower()}.txt"
    path.write_text(side_by_side + "\n\n" + "\n\n".join(r.format() for r in reports) + "\n", encoding="utf-8")
    categories = list(reports[0].by_category())
    lines = [
        f"relevance on the demo catalogue ({len(type_codes)} published solutions, {len(RELEVANCE_SET)} judged "
        f"queries, {vendor()}): nDCG@10 / MRR",
        f"  {'category':<10}{'cases':>6}" + "".join(f"{r.name:>20}" for r in reports),
    ]
    for category in categories:
        cells = [r.by_category()[category] for r in reports]
        lines.append(
            f"  {category:<10}{cells[0][0]:6d}" + "".join(f"{nd:>12.3f} / {rr:.3f}"[-20:] for _, nd, rr in cells)
        )
    lines.append(
        f"  {'all':<10}{len(RELEVANCE_SET):6d}" + "".join(f"{r.mean_ndcg:>12.3f} / {r.mrr:.3f}" for r in reports)
    )
    lines.append(f"  per-query table: {path.relative_to(ROOT)}")
    print("\n".join(lines))


def run_relevance(demo_url: str) -> str:
    env = {**os.environ, "DATABASE_URL": demo_url}
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.search", "--relevance-only"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        return f"relevance run failed (exit {result.returncode}):\n{result.stderr[-3000:]}"
    return result.stdout.strip()


def _postgres_admin(sql: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql)


def relevance(database_url: str) -> str:
    """Seed the demo into a separate throwaway database and evaluate the three engines there."""
    if os.environ.get("BENCH_SEARCH_DEMO_DATABASE_URL"):
        return run_relevance(os.environ["BENCH_SEARCH_DEMO_DATABASE_URL"])
    if database_url.startswith("sqlite"):
        path = BENCH_DIR / "search-demo.sqlite3"
        path.unlink(missing_ok=True)
        try:
            return run_relevance(f"sqlite:///{path}")
        finally:
            path.unlink(missing_ok=True)
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/") + "_demo"
    _postgres_admin(f'DROP DATABASE IF EXISTS "{name}"')
    _postgres_admin(f'CREATE DATABASE "{name}"')
    try:
        return run_relevance(urlunsplit(parts._replace(path=f"/{name}")))
    finally:
        _postgres_admin(f'DROP DATABASE IF EXISTS "{name}"')


# -- main ----------------------------------------------------------------------------------------


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=int(os.environ.get("BENCH_SEARCH_SIZE", DEFAULT_SIZE)))
    parser.add_argument("--reuse", action="store_true", help="reuse the corpus and indexes of a previous run")
    parser.add_argument("--skip-relevance", action="store_true")
    parser.add_argument("--engines", default="ours,Wagtail,icontains", help="comma-separated subset")
    parser.add_argument("--analyze", action="store_true", help="run ANALYZE on SQLite too (always on PostgreSQL)")
    parser.add_argument(
        "--budget", type=float, default=600, help="seconds per engine and phase before timing stops (0: none)"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile our indexing and queries, EXPLAIN the slowest")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before one call is cancelled (0: none)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--relevance-only", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> None:
    args = parse_args(argv)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if args.relevance_only:
        setup_django(os.environ["DATABASE_URL"])
        relevance_main()
        return
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{BENCH_DIR / f'search-{args.size}.sqlite3'}"
    if database_url.startswith("sqlite") and not args.reuse:
        Path(urlsplit(database_url).path).unlink(missing_ok=True)
    setup_django(database_url)
    from django.db import connection

    from marketplace.models import Solution
    from search.models import SearchEntry

    db = vendor()
    log(f"database: {db}")
    relevance_text = "" if args.skip_relevance else relevance(database_url)
    if relevance_text:
        log("relevance done:\n" + relevance_text)
    existing = Solution.objects.count()
    reused = args.reuse and existing == args.size and SearchEntry.objects.exists()
    if reused:
        record = build_record(args.size)
        built = json.loads(record.read_text()) if record.exists() else None
        from tests.bench import wagtail_compat  # noqa: F401 - registers the proxy model
    elif existing:
        sys.exit(f"the database already holds {existing:,} solutions: use an empty one (or --reuse at that size)")
    else:
        built = build(args.size)
    analyzed = connection.vendor == "postgresql" or args.analyze
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            if args.analyze:
                log("ANALYZE")
                cursor.execute("ANALYZE")
            else:  # a reused database may hold statistics from an --analyze run: back to as-deployed
                cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
                cursor.execute("DROP TABLE IF EXISTS sqlite_stat4")
        connection.close()
    queries, prefixes = corpus_inputs()
    available = {"ours": Ours, "Wagtail": Wagtail, "icontains": Icontains}
    engines = [available[name]() for name in args.engines.split(",")]
    runs = bench_queries(engines, queries, prefixes, args.budget, args.timeout)
    text = report(args.size, db, built, runs, queries, relevance_text, analyzed=analyzed, reused=reused)
    print("\n" + text, flush=True)
    if args.profile:
        ours = next(e for e in engines if e.name == "ours")
        print("\n-- profile: our queries (all 200) --\n" + profile_queries(ours, queries))
        for _, label, _, _ in runs[("ours", "query")].slowest[:3]:
            query = next(q for q in queries if describe_query(q) == label)
            print(f"\n-- explain {label} --\n" + explain(query.text, query.filters))
        print("\n-- profile: our indexing --\n" + profile_rebuild())
    if args.json:
        figures = {f"{name}/{kind}": run.row() for (name, kind), run in runs.items()}
        figures = {"size": args.size, "db": db, "analyzed": analyzed, "built": built, "runs": figures}
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
