import argparse
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from datahub.sandbox.generators import DEFAULT_SEED
from datahub.sandbox.geography import CITIES
from datahub.sandbox.loading import DEMO_DAYS, demo_start, sandbox_load


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date like 2026-11-01: {value!r}") from exc


class Command(BaseCommand):
    help = (
        "Generate deterministic synthetic sensor data of a sandbox city (Smart Data Models, 15-minute history) "
        "and load it into the sandbox data hub's default tenant, replacing the city's previous data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--city", default="gwacheon", choices=CITIES)
        parser.add_argument("--days", type=int, default=30, help="days of history (default 30)")
        parser.add_argument("--start", type=_date, help="first day, YYYY-MM-DD (default: DAYS days before today)")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument(
            "--demo",
            action="store_true",
            help=f"the demo data of `make run`: the last {DEMO_DAYS} days, skipped when already loaded",
        )

    def handle(self, *args, city, days, start, seed, demo, **options):
        if demo:
            days = DEMO_DAYS
        if not 1 <= days <= 366:
            raise CommandError("--days must be between 1 and 366")
        start = start or demo_start(days=days)
        report = sandbox_load(city=city, start=start, days=days, seed=seed, skip_if_loaded=demo)
        if report.skipped:
            self.stdout.write(f"Sandbox {city}: {report.entities} entities from {start} already loaded.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Sandbox {city}: {report.entities} entities, {report.instances} attribute instances, "
                f"{days} days from {start}, loaded in {report.seconds:.1f} s."
            )
        )
