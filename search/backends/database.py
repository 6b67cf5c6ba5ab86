"""The embedded search backend: Korean-aware full text in the application's own database.

Documents are analysed in Python (``search.analysis``: kiwipiepy morphemes, synonym markers,
Hangul bigrams) and stored as plain terms in ``SearchEntry``; SQLite ranks them with FTS5's BM25,
PostgreSQL with ``ts_rank`` over a weighted ``tsvector``. A query first must match every word
(through a morpheme, a synonym or the word's bigrams); if nothing does, Latin-script typos are
corrected against the index vocabulary ("did you mean"), and failing that any word may match
(``relaxed``). Facets are counted in SQL over the matching set.
"""

import difflib
import html
import re
import zlib
from collections.abc import Iterable
from dataclasses import replace
from itertools import islice

import numpy as np
from django.db import connection, transaction

from search import analysis
from search.models import SearchEntry, SearchFacet, SearchTerm

from .base import MAX_PAGE_SIZE, MAX_QUERY_LENGTH, Hit, IndexDocument, SearchQuery, SearchResults, Suggestion
from .facet_counts import facet_cache

# Column weights: a word in the title counts most, a morpheme in the text next, a bigram least.
SQLITE_BM25_WEIGHTS = (20.0, 3.0, 1.0)
POSTGRES_RANK_WEIGHTS = "{0.1, 0.0, 0.4, 1.0}"  # D (grams), C (unused), B (terms), A (title)
BATCH = 500
# When fewer documents than this match every word, documents matching some words follow them.
FILL_BELOW = 10
STRICT_BONUS = 1000.0
LATIN_TERM = re.compile(r"^[a-z][a-z0-9]{2,}$")


def tiebreak(kind: str, object_id: int) -> int:
    return zlib.crc32(f"{kind}:{object_id}".encode())


def _join() -> str:
    """SQLite's planner keeps the written order of a CROSS JOIN (we want the matches to drive
    the join); PostgreSQL's planner needs no such hint and has no CROSS JOIN … ON."""
    return "JOIN" if connection.vendor == "postgresql" else "CROSS JOIN"


def _quote(term: str) -> str:
    return f'"{term}"'


class DatabaseBackend:
    name = "database"

    # -- writing -------------------------------------------------------------------------------

    def index(self, documents: Iterable[IndexDocument]) -> int:
        count = 0
        iterator = iter(documents)
        while batch := list(islice(iterator, BATCH)):
            with transaction.atomic():
                self._write(batch)
            count += len(batch)
        return count

    def _write(self, documents: list[IndexDocument]) -> None:
        by_kind: dict[str, list[int]] = {}
        for document in documents:
            by_kind.setdefault(document.kind, []).append(document.object_id)
        for kind, ids in by_kind.items():
            SearchEntry.objects.filter(kind=kind, object_id__in=ids).delete()
        entries, vocabulary = [], set()
        analysed = analysis.terms_many(
            [text for d in documents for text in (f"{d.title} {d.title_en}", f"{d.summary}\n{d.body}")]
        )
        for document, title_terms, terms in zip(documents, analysed[::2], analysed[1::2], strict=True):
            vocabulary.update(t for t in title_terms + terms if LATIN_TERM.match(t))
            entries.append(
                SearchEntry(
                    kind=document.kind,
                    object_id=document.object_id,
                    title=document.title[:300],
                    title_en=document.title_en[:300],
                    summary=document.summary,
                    url=document.url,
                    title_terms=" ".join(title_terms),
                    terms=" ".join(terms),
                    grams=" ".join(analysis.grams(f"{document.title} {document.summary} {document.body}")),
                    boost=document.boost,
                    tiebreak=tiebreak(document.kind, document.object_id),
                )
            )
        SearchEntry.objects.bulk_create(entries)
        # bulk_create does not return ids on every database; look them up by the natural key.
        ids = {
            (kind, object_id): pk
            for pk, kind, object_id in SearchEntry.objects.filter(
                kind__in=by_kind, object_id__in=[d.object_id for d in documents]
            ).values_list("pk", "kind", "object_id")
        }
        SearchFacet.objects.bulk_create(
            SearchFacet(entry_id=ids[(d.kind, d.object_id)], name=name, value=value)
            for d in documents
            for name, values in d.facets.items()
            for value in values
        )
        SearchTerm.objects.bulk_create(
            (SearchTerm(term=t[:60], first=t[0]) for t in vocabulary), ignore_conflicts=True, batch_size=BATCH
        )

    def delete(self, kind: str, object_ids: Iterable[int]) -> int:
        deleted, _ = SearchEntry.objects.filter(kind=kind, object_id__in=list(object_ids)).delete()
        return deleted

    def rebuild(self, documents: Iterable[IndexDocument]) -> int:
        """Replace the whole index in one transaction: readers see the old index until commit."""
        with transaction.atomic():
            SearchFacet.objects.all().delete()
            SearchEntry.objects.all().delete()
            SearchTerm.objects.all().delete()
            return self.index(documents)

    # -- reading -------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        # One transaction: the matching set is computed once into a temporary table, and the
        # count, the page and the facets are read from it.
        with transaction.atomic():
            return self._search(query)

    def _search(self, query: SearchQuery) -> SearchResults:
        text = (query.text or "")[:MAX_QUERY_LENGTH]
        page_size = max(1, min(query.page_size, MAX_PAGE_SIZE))
        page = max(1, query.page)
        words = analysis.parse_query(text)
        suggestion, relaxed, priority = "", False, None
        match = self._match_expression(words, strict=True) if words else None
        total = self._materialize(match, query)
        if words and total == 0:
            corrected = self._correct(text)
            if corrected:
                words = analysis.parse_query(corrected)
                match = self._match_expression(words, strict=True)
                total = self._materialize(match, query)
                suggestion = corrected
        if words and total < FILL_BELOW:
            # Few or no documents match every word: list those first, then the ones matching some.
            priority = match if total else None
            relaxed = total == 0
            match = self._match_expression(words, strict=False)
            total = self._materialize(match, query, priority)
        rows = self._page(page, page_size) if total else []
        facets = self._facets(match, query, priority) if query.with_facets else {}
        marks = analysis.highlight_terms(suggestion or text)
        hits = [
            Hit(
                kind=kind,
                object_id=object_id,
                score=float(score),
                title=title,
                url=url,
                summary=summary,
                highlight_title=highlight(title, marks),
                highlight_summary=highlight(summary, marks),
            )
            for kind, object_id, score, title, url, summary in rows
        ]
        return SearchResults(
            hits=hits,
            total=total,
            page=page,
            page_size=page_size,
            facets=facets,
            suggestion=suggestion,
            relaxed=relaxed,
        )

    def suggest(self, prefix: str, *, limit: int = 10) -> list[Suggestion]:
        prefix = (prefix or "")[:MAX_QUERY_LENGTH]
        words = analysis.parse_query(prefix)
        if not words:
            return []
        *complete, last = [w.groups[-1][0] for w in words if w.groups]
        if connection.vendor == "postgresql":
            parts = [f"{t}:A" for t in complete] + [f"{last}:*A"]
            sql = (
                "SELECT title, kind, url FROM search_searchentry "
                "WHERE document @@ to_tsquery('simple', %s) ORDER BY boost DESC, tiebreak LIMIT %s"
            )
            params = [" & ".join(parts), limit]
        else:
            parts = [f"title_terms:{_quote(t)}" for t in complete] + [f"title_terms:{_quote(last)}*"]
            sql = (
                "SELECT e.title, e.kind, e.url FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid "
                "WHERE search_fts MATCH %s ORDER BY e.boost DESC, e.tiebreak LIMIT %s"
            )
            params = [" AND ".join(parts), limit]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [Suggestion(text=title, kind=kind, url=url) for title, kind, url in cursor.fetchall()]

    # -- SQL -----------------------------------------------------------------------------------

    def _match_expression(self, words: list[analysis.QueryWord], *, strict: bool) -> str:
        postgres = connection.vendor == "postgresql"

        def term(t):
            return f"{t}:AB" if postgres else f"{{title_terms terms}}:{_quote(t)}"

        def gram(g):
            return f"{g}:D" if postgres else f"grams:{_quote(g)}"

        AND, OR = (" & ", " | ") if postgres else (" AND ", " OR ")
        if not strict:
            alternatives = [term(t) for w in words for g in w.groups for t in g] + [
                gram(g) for w in words for g in w.grams
            ]
            return OR.join(dict.fromkeys(alternatives))
        clauses = []
        for word in words:
            by_morpheme = AND.join("(" + OR.join(term(t) for t in group) + ")" for group in word.groups)
            clause = f"({by_morpheme})"
            if word.grams:
                clause = f"({clause}{OR}({AND.join(gram(g) for g in word.grams)}))"
            clauses.append(clause)
        return AND.join(clauses)

    def _matched_sql(self, match: str | None, query: SearchQuery, priority: str | None = None) -> tuple[str, list]:
        """SQL selecting (id, score, tiebreak) of every entry that matches the text, kinds and filters;
        entries that also match ``priority`` (the strict expression) score above all others."""
        params: list = []
        where = [f"e.kind IN ({', '.join(['%s'] * len(query.kinds))})"]
        params.extend(query.kinds)
        for name, values in sorted(query.filters.items()):
            if values:
                placeholders = ", ".join(["%s"] * len(values))
                where.append(
                    f"e.id IN (SELECT entry_id FROM search_searchfacet WHERE name = %s AND value IN ({placeholders}))"
                )
                params.extend([name, *values])
        if match is None:
            sql = f"SELECT e.id, e.boost AS score, e.tiebreak FROM search_searchentry e WHERE {' AND '.join(where)}"
            return sql, params
        bonus, bonus_params = "", []
        if connection.vendor == "postgresql":
            if priority:
                bonus = f" + CASE WHEN e.document @@ to_tsquery('simple', %s) THEN {STRICT_BONUS} ELSE 0 END"
                bonus_params = [priority]
            sql = (
                f"SELECT e.id, ts_rank('{POSTGRES_RANK_WEIGHTS}', e.document, q.query) * e.boost{bonus} AS score, "
                "e.tiebreak "
                "FROM search_searchentry e, to_tsquery('simple', %s) AS q(query) "
                f"WHERE e.document @@ q.query AND {' AND '.join(where)}"
            )
        else:
            if priority:
                bonus = (
                    " + CASE WHEN e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s) "
                    f"THEN {STRICT_BONUS} ELSE 0 END"
                )
                bonus_params = [priority]
            weights = ", ".join(str(w) for w in SQLITE_BM25_WEIGHTS)
            # CROSS JOIN makes SQLite run the full-text match once and join its rows to entries;
            # left to itself the planner may probe the FTS index once per entry instead.
            sql = (
                f"SELECT e.id, -bm25(search_fts, {weights}) * e.boost{bonus} AS score, e.tiebreak "
                "FROM search_fts CROSS JOIN search_searchentry e ON e.id = search_fts.rowid "
                f"WHERE search_fts MATCH %s AND {' AND '.join(where)}"
            )
        return sql, [*bonus_params, match, *params]

    def _materialize(self, match, query, priority=None, *, table: str = "search_hits") -> int:
        """Put (id, score, tiebreak) of every matching entry into a temporary table; return how many."""
        sql, params = self._matched_sql(match, query, priority)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"CREATE TEMP TABLE IF NOT EXISTS {table} "
                    "(id bigint PRIMARY KEY, score double precision, tiebreak bigint) ON COMMIT DELETE ROWS"
                )
            else:
                cursor.execute(
                    f"CREATE TEMP TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY, score REAL, tiebreak INTEGER)"
                )
            cursor.execute(f"DELETE FROM {table}")
            cursor.execute(f"INSERT INTO {table} (id, score, tiebreak) {sql}", params)
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            return cursor.fetchone()[0]

    def _page(self, page, page_size):
        with connection.cursor() as cursor:
            cursor.execute(
                # Sort the small temporary table first, then fetch only the page's entries.
                "SELECT e.kind, e.object_id, m.score, e.title, e.url, e.summary FROM "
                "(SELECT id, score, tiebreak FROM search_hits ORDER BY score DESC, tiebreak LIMIT %s OFFSET %s) m "
                f"{_join()} search_searchentry e ON e.id = m.id ORDER BY m.score DESC, m.tiebreak",
                [page_size, (page - 1) * page_size],
            )
            return cursor.fetchall()

    def _facet_rows(self, table: str, names: tuple[str, ...] = ()):
        """(name, value, count) over the entries in ``table``, counted by the in-memory facet cache."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {table}")
            ids = np.fromiter((row[0] for row in cursor.fetchall()), dtype=np.int64)
        rows = facet_cache().count(ids)
        return [row for row in rows if row[0] in names] if names else rows

    def _facets(self, match, query, priority=None) -> dict[str, list[tuple[str, int]]]:
        """Counts over the matching set. A filtered facet is counted without its own filter, so
        choosing one domain still shows how many the other domains have (multi-select facets)."""
        filtered = {name for name, values in query.filters.items() if values}
        rows = [row for row in self._facet_rows("search_hits") if row[0] not in filtered]
        for name in sorted(filtered):
            others = {k: v for k, v in query.filters.items() if k != name}
            self._materialize(match, replace(query, filters=others), priority, table="search_hits_facet")
            rows += self._facet_rows("search_hits_facet", names=(name,))
        facets: dict[str, list[tuple[str, int]]] = {}
        for name, value, count in sorted(rows, key=lambda r: (r[0], -r[2], r[1])):
            facets.setdefault(name, []).append((value, count))
        return facets

    def _correct(self, text: str) -> str:
        """Replace Latin-script words the index has never seen by the closest word it has."""
        changed, out = False, []
        for word in text.split():
            folded = analysis.normalize(word)
            candidate = folded
            if LATIN_TERM.match(folded) and not SearchTerm.objects.filter(term=folded).exists():
                vocabulary = SearchTerm.objects.filter(first=folded[0]).values_list("term", flat=True)
                close = difflib.get_close_matches(folded, list(vocabulary), n=1, cutoff=0.75)
                if close:
                    candidate, changed = close[0], True
            out.append(candidate)
        return " ".join(out) if changed else ""


def highlight(text: str, marks: set[str]) -> str:
    """HTML-escape ``text`` and wrap every occurrence of a mark (case-insensitive) in <mark>."""
    escaped = html.escape(text or "")
    words = sorted({html.escape(m) for m in marks if m}, key=len, reverse=True)
    if not words:
        return escaped
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    return pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)
