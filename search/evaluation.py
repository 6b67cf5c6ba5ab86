"""Relevance evaluation for catalogue search: nDCG@10 and MRR over a set of judged queries.

Pure Python with no Django import, so the relevance test and the benchmark both use it. A case
names the solution types that must come first; a returned solution is relevant when any of its
type codes (main or secondary) is among them. Gains are binary and the discount is log2, so a
relevant hit at rank r adds 1 / log2(r + 1). The ideal ranking puts every relevant solution of
the catalogue first, capped at k, which is why a query that finds only part of what exists
scores below 1 even when nothing irrelevant comes first.

    report = evaluate(search_fn, RELEVANCE_SET, type_codes_of)
    print(report.format())
    print(compare(report, baseline_report))
"""

import math
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

K = 10


class JudgedQuery(Protocol):
    query: str
    expected: frozenset[str]
    note: str


def _gain(relevance: int) -> int:
    return 1 if relevance > 0 else 0


def dcg_at_k(relevances: Sequence[int], k: int = K) -> float:
    return sum(_gain(rel) / math.log2(rank + 1) for rank, rel in enumerate(relevances[:k], start=1))


def ndcg_at_k(relevances: Sequence[int], ideal_count: int, k: int = K) -> float:
    """Binary-gain nDCG@k. ``ideal_count`` is how many relevant documents exist in the whole
    collection; the ideal ranking is min(k, ideal_count) ones. If the ranking holds more relevant
    hits than ``ideal_count`` (an inconsistent caller), the ideal grows to match so the score
    never exceeds 1."""
    if k <= 0:
        raise ValueError("k must be positive")
    found = sum(_gain(rel) for rel in relevances[:k])
    ideal = min(k, max(ideal_count, found))
    if ideal == 0:
        return 0.0
    return dcg_at_k(relevances, k) / dcg_at_k([1] * ideal, k)


def reciprocal_rank(relevances: Sequence[int]) -> float:
    rank = first_relevant_rank(relevances)
    return 1.0 / rank if rank else 0.0


def first_relevant_rank(relevances: Sequence[int]) -> int | None:
    for rank, rel in enumerate(relevances, start=1):
        if _gain(rel):
            return rank
    return None


@dataclass(frozen=True)
class CaseResult:
    query: str
    note: str
    expected: frozenset[str]
    ideal_count: int  # published solutions having an expected type
    returned: int  # hits looked at (≤ k)
    relevant: int  # relevant hits among them
    ndcg: float
    rr: float
    first_relevant: int | None  # 1-based rank of the first relevant hit, None if none in the top k

    @property
    def category(self) -> str:
        return self.note.partition(":")[0].strip() if ":" in self.note else ""


@dataclass(frozen=True)
class Report:
    name: str
    rows: list[CaseResult] = field(default_factory=list)
    k: int = K

    @property
    def mean_ndcg(self) -> float:
        return sum(r.ndcg for r in self.rows) / len(self.rows) if self.rows else 0.0

    @property
    def mrr(self) -> float:
        return sum(r.rr for r in self.rows) / len(self.rows) if self.rows else 0.0

    def by_category(self) -> dict[str, tuple[int, float, float]]:
        """category → (cases, mean nDCG@k, MRR), in first-seen order."""
        groups: dict[str, list[CaseResult]] = {}
        for row in self.rows:
            groups.setdefault(row.category or "-", []).append(row)
        return {
            name: (len(rows), sum(r.ndcg for r in rows) / len(rows), sum(r.rr for r in rows) / len(rows))
            for name, rows in groups.items()
        }

    def failing(self, min_ndcg: float = 0.5) -> list[CaseResult]:
        """Cases whose first hit is not relevant or whose nDCG is below ``min_ndcg``, worst first."""
        bad = [r for r in self.rows if r.first_relevant != 1 or r.ndcg < min_ndcg]
        return sorted(bad, key=lambda r: (r.ndcg, r.rr))

    def summary(self) -> str:
        return f"{self.name}: nDCG@{self.k} {self.mean_ndcg:.3f}, MRR {self.mrr:.3f} ({len(self.rows)} queries)"

    def format(self) -> str:
        header = ["query", f"nDCG@{self.k}", "RR", "first", "rel/ret", "ideal", "note"]
        body = [
            [
                row.query,
                f"{row.ndcg:.3f}",
                f"{row.rr:.3f}",
                str(row.first_relevant or "-"),
                f"{row.relevant}/{row.returned}",
                str(row.ideal_count),
                row.note,
            ]
            for row in self.rows
        ]
        lines = [self.summary(), ""]
        lines += _table(header, body, right={1, 2, 3, 4, 5})
        lines += ["", "by category:"]
        lines += _table(
            ["category", "cases", f"nDCG@{self.k}", "MRR"],
            [[c, str(n), f"{nd:.3f}", f"{rr:.3f}"] for c, (n, nd, rr) in self.by_category().items()],
            right={1, 2, 3},
        )
        return "\n".join(lines)


def evaluate(
    search_fn: Callable[[str], Sequence[int]],
    cases: Iterable[JudgedQuery],
    type_codes_of: Mapping[int, Iterable[str]],
    *,
    name: str = "search",
    k: int = K,
) -> Report:
    """Run every case through ``search_fn`` (query → ranked solution ids) and score it.

    ``type_codes_of`` maps every published solution id to its type codes; it is both the judge
    (a hit is relevant when it shares a type with ``case.expected``) and the ideal (how many
    published solutions have an expected type). Ids missing from it count as irrelevant; an id
    returned twice counts once, at its first rank. A case no published solution can satisfy is a
    broken test case and raises ``ValueError``.
    """
    codes = {int(pk): frozenset(types) for pk, types in type_codes_of.items()}
    rows = []
    for case in cases:
        expected = frozenset(case.expected)
        ideal_count = sum(1 for types in codes.values() if types & expected)
        if ideal_count == 0:
            raise ValueError(f"no published solution has a type in {sorted(expected)} (query {case.query!r})")
        ranked = list(dict.fromkeys(int(pk) for pk in search_fn(case.query)))[:k]
        relevances = [1 if codes.get(pk, frozenset()) & expected else 0 for pk in ranked]
        rows.append(
            CaseResult(
                query=case.query,
                note=getattr(case, "note", ""),
                expected=expected,
                ideal_count=ideal_count,
                returned=len(ranked),
                relevant=sum(relevances),
                ndcg=ndcg_at_k(relevances, ideal_count, k),
                rr=reciprocal_rank(relevances),
                first_relevant=first_relevant_rank(relevances),
            )
        )
    return Report(name=name, rows=rows, k=k)


def compare(*reports: Report) -> str:
    """Several reports over the same cases, side by side: per-query nDCG and first relevant rank."""
    if not reports:
        return ""
    queries = [row.query for row in reports[0].rows]
    for report in reports[1:]:
        if [row.query for row in report.rows] != queries:
            raise ValueError(f"{report.name} was run on different cases than {reports[0].name}")
    header = ["query"] + [f"{r.name} nDCG/first" for r in reports] + ["note"]
    body = []
    for i, query in enumerate(queries):
        cells = [f"{r.rows[i].ndcg:.3f} / {r.rows[i].first_relevant or '-'}" for r in reports]
        body.append([query, *cells, reports[0].rows[i].note])
    totals = ["MEAN nDCG@k / MRR", *(f"{r.mean_ndcg:.3f} / {r.mrr:.3f}" for r in reports), ""]
    right = set(range(1, len(reports) + 1))
    lines = [r.summary() for r in reports] + [""]
    lines += _table(header, [*body, totals], right=right)
    return "\n".join(lines)


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters (Hangul) take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def _table(header: list[str], body: list[list[str]], right: Iterable[int] = ()) -> list[str]:
    right = set(right)
    widths = [max(display_width(row[i]) for row in [header, *body]) for i in range(len(header))]
    last = len(header) - 1

    def line(cells: list[str]) -> str:
        # The last column is free text; padding it would only add trailing spaces.
        return "  ".join(c if i == last else _pad(c, widths[i], i in right) for i, c in enumerate(cells)).rstrip()

    return [line(header), line(["-" * w for w in widths]), *(line(row) for row in body)]
