"""Facet counts for the database backend, in memory, in time linear in the matches but tiny per match.

Counting facets in SQL joins every matching entry to its ~10 facet rows and groups them: on a broad
query over 100,000 solutions that is a million index probes and a sort. Here each entry's facet
values are kept in this process as small integer codes (one ``numpy`` array for all entries), and
counting the matches is one gather and one ``bincount``.

The cache needs no invalidation: an entry's facets never change after it is written (the backend
replaces an entry by deleting it and inserting a new row with a new, never reused id), so the cache
is append-only. Entries it has not seen yet are loaded when they first match; stale ones (deleted
entries) are never matched again and are dropped when the cache is rebuilt after it has grown to
twice the size of the index.
"""

import threading

import numpy as np
from django.db import connection

NOT_LOADED = -1


class FacetCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clear()

    def _clear(self) -> None:
        self.labels: list[tuple[str, str]] = []
        self.codes_of: dict[tuple[str, str], int] = {}
        # Indexed by entry id: where the entry's codes start in ``codes`` and how many there are.
        self.start = np.zeros(0, dtype=np.int64)
        self.length = np.full(0, NOT_LOADED, dtype=np.int32)
        self.codes = np.zeros(0, dtype=np.int32)
        self.used = 0  # codes[:used] are filled
        self.entries = 0  # entries loaded

    def count(self, ids: np.ndarray) -> list[tuple[str, str, int]]:
        """(name, value, count) of every facet value among the entries ``ids``."""
        if not len(ids):
            return []
        with self._lock:
            self._load_missing(ids)
            start, length, codes, labels = self.start[ids], self.length[ids], self.codes, list(self.labels)
        length = np.maximum(length, 0).astype(np.int64)
        total = int(length.sum())
        if not total:
            return []
        # Positions of every code of every match: each entry's run start..start+length, concatenated.
        offsets = np.repeat(start - np.cumsum(length) + length, length)
        gathered = codes[offsets + np.arange(total)]
        counts = np.bincount(gathered, minlength=len(labels))
        return [(*labels[code], int(counts[code])) for code in np.flatnonzero(counts)]

    def _load_missing(self, ids: np.ndarray) -> None:
        biggest = int(ids.max())
        if biggest >= len(self.length):
            self._grow_entries(biggest + 1)
        missing = ids[self.length[ids] == NOT_LOADED]
        if not len(missing):
            return
        if self.entries + len(missing) > 2 * max(self._index_size(), 1):
            self._clear()
            self._grow_entries(biggest + 1)
            missing = ids
        rows = self._facet_rows(missing)
        self._append(np.unique(missing), rows)

    def _index_size(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM search_searchentry")
            return cursor.fetchone()[0]

    def _facet_rows(self, entry_ids: np.ndarray) -> list[tuple[int, str, str]]:
        rows: list[tuple[int, str, str]] = []
        with connection.cursor() as cursor:
            for chunk in np.array_split(entry_ids, max(1, len(entry_ids) // 5000 + 1)):
                if not len(chunk):
                    continue
                values = ", ".join(str(int(i)) for i in chunk)  # integers from our own index: safe to inline
                cursor.execute(
                    f"SELECT entry_id, name, value FROM search_searchfacet WHERE entry_id IN ({values}) "
                    "ORDER BY entry_id"
                )
                rows.extend(cursor.fetchall())
        rows.sort(key=lambda row: row[0])
        return rows

    def _append(self, entry_ids: np.ndarray, rows: list[tuple[int, str, str]]) -> None:
        needed = self.used + len(rows)
        if needed > len(self.codes):
            grown = np.zeros(max(needed, 2 * len(self.codes), 1024), dtype=np.int32)
            grown[: self.used] = self.codes[: self.used]
            self.codes = grown
        per_entry = dict.fromkeys((int(i) for i in entry_ids), 0)
        for position, (entry_id, name, value) in enumerate(rows, start=self.used):
            code = self.codes_of.get((name, value))
            if code is None:
                code = self.codes_of[(name, value)] = len(self.labels)
                self.labels.append((name, value))
            self.codes[position] = code
            per_entry[entry_id] = per_entry.get(entry_id, 0) + 1
        position = self.used
        for entry_id, count in per_entry.items():  # rows are sorted by entry id, like this dict's order
            self.start[entry_id] = position
            self.length[entry_id] = count
            position += count
        self.used = position
        self.entries += len(per_entry)

    def _grow_entries(self, size: int) -> None:
        size = max(size, 2 * len(self.length))
        start = np.zeros(size, dtype=np.int64)
        length = np.full(size, NOT_LOADED, dtype=np.int32)
        start[: len(self.start)] = self.start
        length[: len(self.length)] = self.length
        self.start, self.length = start, length


_caches: dict[str, FacetCache] = {}
_caches_lock = threading.Lock()


def facet_cache() -> FacetCache:
    """The cache of the current database (tests switch databases; each gets its own)."""
    key = f"{connection.alias}:{connection.settings_dict['NAME']}"
    with _caches_lock:
        return _caches.setdefault(key, FacetCache())


def reset_facet_caches() -> None:
    """Forget every cached entry. Rolled-back transactions can hand an entry id out twice on SQLite;
    the application only reads committed index rows, but tests roll back after each test."""
    with _caches_lock:
        _caches.clear()
