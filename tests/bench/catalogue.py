"""``make bench``: catalogue read paths on the demo data, medians side by side in one run.

Prints the median time and the SQL query count of each request, and the ratio of a 100-item API
page to a 20-item one (the query count must not grow with the page size). Uses a throwaway
SQLite database under var/bench/ unless DATABASE_URL is set.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "25"))


def setup_django():
    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{bench_dir / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))


def measure(client, url, **headers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, **headers)  # warm caches and templates
    times = []
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url, **headers)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times) * 1000, len(queries)


def main():
    setup_django()
    from django.test import Client

    from marketplace.models import Solution, SolutionStatus

    client = Client()
    slug = Solution.objects.filter(status=SolutionStatus.PUBLISHED, references__isnull=False).first().slug
    cases = [
        ("catalogue page 1 (12 cards)", "/solutions/"),
        ("catalogue filtered domain=TRN&has_reference=true", "/solutions/?domain=TRN&has_reference=true"),
        ("catalogue search=주차", "/solutions/?search=%EC%A3%BC%EC%B0%A8"),
        ("solution detail with references", f"/solutions/{slug}/"),
        ("home page", "/"),
        ("API list page_size=20", "/api/v1/solutions/?page_size=20"),
        ("API list page_size=100", "/api/v1/solutions/?page_size=100"),
    ]
    results = {}
    print(f"rounds per case: {ROUNDS}; database: {os.environ['DATABASE_URL'].split(':')[0]}")
    print(f"{'case':<52} {'median ms':>10} {'queries':>8}")
    for name, url in cases:
        results[name] = measure(client, url)
        print(f"{name:<52} {results[name][0]:>10.1f} {results[name][1]:>8}")
    small, large = results["API list page_size=20"], results["API list page_size=100"]
    print(f"API page 100 vs 20: time ×{large[0] / small[0]:.2f}, queries {small[1]} → {large[1]}")


if __name__ == "__main__":
    main()
