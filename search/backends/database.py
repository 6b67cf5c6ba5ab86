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
from itertools import islice

import numpy as np
from django.db import connection, transaction

from search import analysis
from search.models import SearchEntry, SearchFacet, SearchTerm

from .base import MAX_PAGE_SIZE, MAX_QUERY_LENGTH, Hit, IndexDocument, SearchQuery, SearchResults, Suggestion
from .entry_cache import entry_cache

# Column weights: a word in the title counts most, a morpheme in the text next, a bigram least.
SQLITE_BM25_WEIGHTS = (20.0, 3.0, 1.0)
POSTGRES_RANK_WEIGHTS = "{0.1, 0.0, 0.4, 1.0}"  # D (grams), C (unused), B (terms), A (title)
BATCH = 500
# When fewer documents than this match every word, documents matching some words follow them.
FILL_BELOW = 10
STRICT_BONUS = 1000.0
# In a relaxed match, words found in more than this share of the index (and in more documents than
# the minimum) are left out.
COMMON_SHARE = 0.05
COMMON_MIN_DOCUMENTS = 1000
# (id, kind, boost, tiebreak): what ranking reads of an entry, without its long text columns.
RANK_INDEX = "searchentry_rank"
LATIN_TERM = re.compile(r"^[a-z][a-z0-9]{2,}$")


def tiebreak(kind: str, object_id: int) -> int:
    return zlib.crc32(f"{kind}:{object_id}".encode())


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
        suggestion, relaxed = "", False
        match = self._match_expression(words, strict=True) if words else None
        matches = self._matches(match, query)
        if words and matches.total == 0:
            corrected = self._correct(text)
            if corrected:
                words = analysis.parse_query(corrected)
                match = self._match_expression(words, strict=True)
                matches = self._matches(match, query)
                suggestion = corrected
        if words and matches.total < FILL_BELOW:
            # Few or no documents match every word: list those first, then the ones matching some.
            priority = match if matches.total else None
            relaxed = matches.total == 0
            matches = self._matches(self._match_expression(words, strict=False), query, priority)
        total = matches.total
        rows = self._rows(matches.page((page - 1) * page_size, page_size))
        facets = matches.facet_counts() if query.with_facets else {}
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
        lasts = [w.groups[-1][0] for w in words if w.groups]
        if not lasts:
            return []
        *complete, last = lasts
        # The full-text index finds the titles; the best-known entries (boost, then the stable
        # tie-break) are picked in memory, and only those rows are read.
        if connection.vendor == "postgresql":
            parts = [*complete, f"{last}:*"]
            sql = "SELECT id FROM search_searchentry WHERE title_document @@ to_tsquery('simple', %s)"
            expression = " & ".join(parts)
        else:
            parts = [f"title_terms:{_quote(t)}" for t in complete] + [f"title_terms:{_quote(last)}*"]
            sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
            expression = " AND ".join(parts)
        with connection.cursor() as cursor:
            cursor.execute(sql, [expression])
            ids = np.fromiter((row[0] for row in cursor.fetchall()), dtype=np.int64)
        entries = entry_cache().of(ids)
        best = [int(ids[i]) for i in np.lexsort((entries.tiebreak, -entries.boost))[:limit]]
        rows = SearchEntry.objects.filter(id__in=best).values_list("id", "title", "kind", "url")
        found = {pk: Suggestion(text=title, kind=kind, url=url) for pk, title, kind, url in rows}
        return [found[pk] for pk in best if pk in found]

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
            return OR.join(self._uncommon(list(dict.fromkeys(alternatives))))
        clauses = []
        for word in words:
            by_grams = f"({AND.join(gram(g) for g in word.grams)})" if word.grams else ""
            if not word.groups:
                clauses.append(by_grams)
                continue
            by_morpheme = AND.join("(" + OR.join(term(t) for t in group) + ")" for group in word.groups)
            clause = f"({by_morpheme})"
            if by_grams:
                clause = f"({clause}{OR}{by_grams})"
            clauses.append(clause)
        return AND.join(clauses)

    def _uncommon(self, alternatives: list[str]) -> list[str]:
        """The alternatives of a relaxed ("any word") match without those found in a large share of
        the index: a word or bigram that most documents contain says nothing about relevance and
        would only make the match everything (the idea of Elasticsearch's common-terms cutoff).
        If every alternative is common, all are kept."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM search_searchentry")
            limit = max(COMMON_MIN_DOCUMENTS, int(cursor.fetchone()[0] * COMMON_SHARE))
            if connection.vendor == "postgresql":
                sql = (
                    "SELECT COUNT(*) FROM (SELECT 1 FROM search_searchentry "
                    "WHERE document @@ to_tsquery('simple', %s) LIMIT %s) found"
                )
            else:
                sql = "SELECT COUNT(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH %s LIMIT %s)"
            uncommon = []
            for alternative in alternatives:
                cursor.execute(sql, [alternative, limit + 1])
                if cursor.fetchone()[0] <= limit:
                    uncommon.append(alternative)
        return uncommon or alternatives

    def _matched_sql(self, match: str | None, priority: str | None = None) -> tuple[str, list]:
        """SQL selecting (id, text score, matches ``priority``) of every entry matching the text.
        Kinds, boosts, tie-breaks and facet filters are applied in memory (``Matches``)."""
        if match is None:
            return "SELECT id, 1.0, 0 FROM search_searchentry", []
        if connection.vendor == "postgresql":
            strict, strict_params = (
                ("e.document @@ to_tsquery('simple', %s)", [priority]) if priority else ("false", [])
            )
            sql = (
                f"SELECT e.id, ts_rank('{POSTGRES_RANK_WEIGHTS}', e.document, q.query), {strict} "
                "FROM search_searchentry e, to_tsquery('simple', %s) AS q(query) WHERE e.document @@ q.query"
            )
            return sql, [*strict_params, match]
        strict, strict_params = ("0", [])
        if priority:
            strict, strict_params = "rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)", [priority]
        weights = ", ".join(str(w) for w in SQLITE_BM25_WEIGHTS)
        sql = f"SELECT rowid, -bm25(search_fts, {weights}), {strict} FROM search_fts WHERE search_fts MATCH %s"
        return sql, [*strict_params, match]

    def _matches(self, match: str | None, query: SearchQuery, priority: str | None = None) -> "Matches":
        sql, params = self._matched_sql(match, priority)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            found = np.array(cursor.fetchall(), dtype=np.float64).reshape(-1, 3)
        return Matches(ids=found[:, 0].astype(np.int64), scores=found[:, 1], strict=found[:, 2] > 0, query=query)

    def _rows(self, page: list[tuple[int, float]]) -> list[tuple]:
        """(kind, object_id, score, title, url, summary) of the page's entries, in the page's order."""
        if not page:
            return []
        columns = ("id", "kind", "object_id", "title", "url", "summary")
        found = {
            row[0]: row[1:] for row in SearchEntry.objects.filter(id__in=[pk for pk, _ in page]).values_list(*columns)
        }
        return [(found[pk][0], found[pk][1], score, *found[pk][2:]) for pk, score in page if pk in found]

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


class Matches:
    """Every entry matching the text, narrowed to the query's kinds and facet filters, ranked and
    counted in memory from the entry cache."""

    def __init__(self, *, ids: np.ndarray, scores: np.ndarray, strict: np.ndarray, query: SearchQuery):
        entries = entry_cache().of(ids)
        wanted = entries.of_kinds(query.kinds)
        self.ids, self.tiebreaks = ids[wanted], entries.tiebreak[wanted]
        # A stronger text match wins; the boost nudges close calls; a strict match beats all relaxed ones.
        self.scores = scores[wanted] * entries.boost[wanted] + STRICT_BONUS * strict[wanted]
        self.facets = entries.subset(wanted)
        self.filters = {name: values for name, values in sorted(query.filters.items()) if values}
        self.having = {name: self.facets.having(name, values) for name, values in self.filters.items()}
        self.keep = self._passing(self.having)
        self.total = int(self.keep.sum())

    def _passing(self, masks: dict[str, np.ndarray]) -> np.ndarray:
        keep = np.ones(len(self.ids), dtype=bool)
        for mask in masks.values():
            keep &= mask
        return keep

    def page(self, offset: int, limit: int) -> list[tuple[int, float]]:
        """(id, score) of the page: best score first, ties by the stable tie-break."""
        ids, scores, tiebreaks = self.ids[self.keep], self.scores[self.keep], self.tiebreaks[self.keep]
        if offset >= len(ids):
            return []
        wanted = min(len(ids), offset + limit)
        if wanted < len(ids):  # only the best ``wanted`` need sorting
            best = np.argpartition(-scores, wanted - 1)[:wanted]
            # Entries tied with the last one kept may be cut arbitrarily: widen to every score >= it.
            best = np.flatnonzero(scores >= scores[best].min())
            ids, scores, tiebreaks = ids[best], scores[best], tiebreaks[best]
        order = np.lexsort((tiebreaks, -scores))[offset:wanted]
        return [(int(ids[i]), float(scores[i])) for i in order]

    def facet_counts(self) -> dict[str, list[tuple[str, int]]]:
        """Counts over the matches. A filtered facet is counted without its own filter, so choosing
        one domain still shows how many the other domains have (multi-select facets)."""
        rows = [row for row in self.facets.counts(self.keep) if row[0] not in self.filters]
        for name in self.filters:
            others = self._passing({other: mask for other, mask in self.having.items() if other != name})
            rows += self.facets.counts(others, names=(name,))
        facets: dict[str, list[tuple[str, int]]] = {}
        for name, value, count in sorted(rows, key=lambda r: (r[0], -r[2], r[1])):
            facets.setdefault(name, []).append((value, count))
        return facets
