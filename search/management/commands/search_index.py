import time

from django.core.management.base import BaseCommand

from search.engine import get_backend
from search.services import index_rebuild, outbox_drain


class Command(BaseCommand):
    help = "Rebuild the search index (--rebuild) or apply pending changes (--drain)."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--rebuild", action="store_true", help="build a new index from the database and swap it in")
        group.add_argument("--drain", action="store_true", help="apply the changes waiting in the outbox")

    def handle(self, *args, rebuild=False, drain=False, **options):
        started = time.perf_counter()
        count = index_rebuild() if rebuild else outbox_drain()
        verb = "indexed" if rebuild else "applied"
        self.stdout.write(
            self.style.SUCCESS(
                f"{get_backend().name}: {verb} {count} documents in {time.perf_counter() - started:.1f}s"
            )
        )
