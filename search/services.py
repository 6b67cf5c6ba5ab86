"""Keeping the index in step with the data: the outbox, its drain, and full rebuilds."""

import logging

from django.db import transaction
from django.db.models import F

from . import sources
from .engine import get_backend
from .models import IndexOutbox

logger = logging.getLogger(__name__)
DRAIN_BATCH = 500


def outbox_enqueue(*, kind: str, object_ids) -> None:
    """Record that objects changed, in the caller's transaction, and drain once it commits."""
    from . import tasks

    ids = list(dict.fromkeys(object_ids))
    if not ids:
        return
    IndexOutbox.objects.bulk_create(IndexOutbox(kind=kind, object_id=pk) for pk in ids)
    connection = transaction.get_connection()
    # One drain per transaction, however many objects it saved.
    if not any(callback is tasks.drain_outbox_soon for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(tasks.drain_outbox_soon, robust=True)


def outbox_drain(*, limit: int = 10_000) -> int:
    """Apply pending changes to the index in bulk. Rows leave the outbox only once the backend
    accepted them; when it fails (Elasticsearch down) they stay and the periodic task retries."""
    backend = get_backend()
    done = 0
    while done < limit:
        rows = list(IndexOutbox.objects.order_by("id")[:DRAIN_BATCH])
        if not rows:
            break
        by_kind: dict[str, list[int]] = {}
        for row in rows:
            by_kind.setdefault(row.kind, []).append(row.object_id)
        try:
            for kind, ids in by_kind.items():
                ids = list(dict.fromkeys(ids))
                documents, gone = sources.documents_for(kind, ids)
                backend.index(documents)
                if gone:
                    backend.delete(kind, gone)
        except Exception as exc:  # noqa: BLE001 - any backend failure: keep the rows, retry later
            IndexOutbox.objects.filter(pk__in=[r.pk for r in rows]).update(
                attempts=F("attempts") + 1, last_error=str(exc)[:2000]
            )
            logger.warning("Search index update failed; %s changes stay queued: %s", len(rows), exc)
            return done
        IndexOutbox.objects.filter(pk__in=[r.pk for r in rows]).delete()
        done += len(rows)
    return done


def index_rebuild() -> int:
    """Rebuild the whole index from the database (zero-downtime alias swap on Elasticsearch)."""
    # Changes queued while the rebuild runs may not be in it: only what was queued before goes.
    covered = IndexOutbox.objects.order_by("-id").values_list("id", flat=True).first()
    count = get_backend().rebuild(sources.all_documents())
    if covered is not None:
        IndexOutbox.objects.filter(id__lte=covered).delete()
    return count
