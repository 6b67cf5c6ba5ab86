"""What the database backend keeps in memory about index entries: kind, boost, tie-break and facets.

The full-text engine answers only "which entries match, how well" (ids and text scores). Everything
else a search needs per match — the entry's kind (to keep the kinds asked for), its ranking boost and
tie-break, and its facet values (to filter and count) — is read from here instead of joining every
match to its table rows: on a broad query over 100,000 solutions that join is most of the cost, and
counting facets in SQL means a million index probes and a sort. Facet values are small integer codes
(one ``numpy`` array for all entries), so filtering and counting the matches is a gather, an
``isin`` and a ``bincount``.

The cache needs no invalidation: an entry never changes after it is written (the backend
replaces an entry by deleting it and inserting a new row with a new, never reused id), so the cache
is append-only. Entries it has not seen yet are loaded when they first match; stale ones (deleted
entries) are never matched again and are dropped when the cache is rebuilt after it has grown to
twice the size of the index.
"""

import threading

import numpy as np
from django.db import connection

NOT_LOADED = -1


class EntryCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clear()

    def _clear(self) -> None:
        self.labels: list[tuple[str, str]] = []
        self.codes_of: dict[tuple[str, str], int] = {}
        self.kinds: list[str] = []
        # Indexed by entry id: where the entry's codes start in ``codes`` and how many there are,
        # and the entry's kind (index into ``kinds``), boost and tie-break.
        self.start = np.zeros(0, dtype=np.int64)
        self.length = np.full(0, NOT_LOADED, dtype=np.int32)
        self.kind = np.zeros(0, dtype=np.int16)
        self.boost = np.zeros(0, dtype=np.float64)
        self.tiebreak = np.zeros(0, dtype=np.int64)
        self.codes = np.zeros(0, dtype=np.int32)
        self.used = 0  # codes[:used] are filled
        self.entries = 0  # entries loaded

    def of(self, ids: np.ndarray) -> "MatchFacets":
        """The entries ``ids`` (which must exist in the index), ready for filtering, ranking and counting."""
        with self._lock:
            if len(ids):
                self._load_missing(ids)
            start, length = self.start[ids], np.maximum(self.length[ids], 0).astype(np.int64)

            total = int(length.sum())
            # Positions of every code of every entry: each entry's run start..start+length, concatenated.
            positions = np.repeat(start - np.cumsum(length) + length, length) + np.arange(total)
            return MatchFacets(
                owner=np.repeat(np.arange(len(ids)), length),
                codes=self.codes[positions],
                labels=list(self.labels),
                codes_of=dict(self.codes_of),
                size=len(ids),
                kinds=list(self.kinds),
                kind=self.kind[ids],
                boost=self.boost[ids],
                tiebreak=self.tiebreak[ids],
            )

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
        missing = np.unique(missing)
        self._load_entries(missing)
        self._append(missing, self._facet_rows(missing))

    def _index_size(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM search_searchentry")
            return cursor.fetchone()[0]

    def _select(self, sql: str, entry_ids: np.ndarray) -> list[tuple]:
        """Rows of ``sql`` (with ``{ids}`` for an id list) for the entries, in chunks."""
        rows: list[tuple] = []
        with connection.cursor() as cursor:
            for chunk in np.array_split(entry_ids, len(entry_ids) // 5000 + 1):
                if len(chunk):
                    ids = ", ".join(str(int(i)) for i in chunk)  # integers from our own index: safe to inline
                    cursor.execute(sql.format(ids=ids))
                    rows.extend(cursor.fetchall())
        return rows

    def _load_entries(self, entry_ids: np.ndarray) -> None:
        for pk, kind, boost, tiebreak in self._select(
            "SELECT id, kind, boost, tiebreak FROM search_searchentry WHERE id IN ({ids})", entry_ids
        ):
            if kind not in self.kinds:
                self.kinds.append(kind)
            self.kind[pk] = self.kinds.index(kind)
            self.boost[pk] = boost
            self.tiebreak[pk] = tiebreak

    def _facet_rows(self, entry_ids: np.ndarray) -> list[tuple[int, str, str]]:
        rows = self._select("SELECT entry_id, name, value FROM search_searchfacet WHERE entry_id IN ({ids})", entry_ids)
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

        def grown(array, fill):
            bigger = np.full(size, fill, dtype=array.dtype)
            bigger[: len(array)] = array
            return bigger

        self.start, self.length = grown(self.start, 0), grown(self.length, NOT_LOADED)
        self.kind, self.boost, self.tiebreak = grown(self.kind, 0), grown(self.boost, 0), grown(self.tiebreak, 0)


class MatchFacets:
    """A set of matched entries: their kinds, boosts, tie-breaks and facet codes (``codes[i]``
    belongs to entry number ``owner[i]``)."""

    def __init__(self, *, owner, codes, labels, codes_of, size, kinds, kind, boost, tiebreak):
        self.owner, self.codes, self.labels, self.codes_of, self.size = owner, codes, labels, codes_of, size
        self.kinds, self.kind, self.boost, self.tiebreak = kinds, kind, boost, tiebreak

    def of_kinds(self, kinds) -> np.ndarray:
        """Which entries are of one of ``kinds`` (solution, organization, page)."""
        return np.isin(self.kind, [self.kinds.index(kind) for kind in kinds if kind in self.kinds])

    def subset(self, keep: np.ndarray) -> "MatchFacets":
        """The entries ``keep`` selects, renumbered."""
        if keep.all():
            return self
        renumbered = np.cumsum(keep) - 1
        kept_codes = keep[self.owner]
        return MatchFacets(
            owner=renumbered[self.owner[kept_codes]],
            codes=self.codes[kept_codes],
            labels=self.labels,
            codes_of=self.codes_of,
            size=int(keep.sum()),
            kinds=self.kinds,
            kind=self.kind[keep],
            boost=self.boost[keep],
            tiebreak=self.tiebreak[keep],
        )

    def having(self, name: str, values) -> np.ndarray:
        """Which entries have at least one of ``values`` for facet ``name``."""
        wanted = [self.codes_of[(name, value)] for value in values if (name, value) in self.codes_of]
        keep = np.zeros(self.size, dtype=bool)
        keep[self.owner[np.isin(self.codes, wanted)]] = True
        return keep

    def counts(self, keep: np.ndarray | None = None, names=()) -> list[tuple[str, str, int]]:
        """(name, value, count) over the entries ``keep`` selects (all when None), for ``names`` (all when empty)."""
        codes = self.codes if keep is None else self.codes[keep[self.owner]]
        counts = np.bincount(codes, minlength=len(self.labels))
        rows = [(*self.labels[code], int(counts[code])) for code in np.flatnonzero(counts)]
        return [row for row in rows if row[0] in names] if names else rows


_caches: dict[str, EntryCache] = {}
_caches_lock = threading.Lock()


def entry_cache() -> EntryCache:
    """The cache of the current database (tests switch databases; each gets its own)."""
    key = f"{connection.alias}:{connection.settings_dict['NAME']}"
    with _caches_lock:
        return _caches.setdefault(key, EntryCache())


def reset_entry_caches() -> None:
    """Forget every cached entry. Rolled-back transactions can hand an entry id out twice on SQLite;
    the application only reads committed index rows, but tests roll back after each test."""
    with _caches_lock:
        _caches.clear()
