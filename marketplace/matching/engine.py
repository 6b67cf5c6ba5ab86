"""Ranking solutions for a need, and needs for a solution, with the same factors and weights.

Candidates for a need are the published solutions of its types (chosen or inferred) plus the search
engine's best answers to its text; each is scored by ``factors`` and ``weights``. A solution that misses a
must-have is excluded (listed after the others, with the reason). Equal scores are ordered by a hash of the
need and the solution, never by id, so no company wins ties for having listed first.
"""

import zlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from marketplace.models import OPEN_NEED_STATUSES, Need, Solution, SolutionStatus

from . import factors, search_text
from .inference import cue_query, infer_types
from .profiles import NeedProfile, SolutionProfile, load_solutions, need_profile
from .weights import WEIGHTS, WEIGHTS_VERSION

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_EXCLUDED = 10
# At most this many solutions of the need's types are scored (see ``_type_candidates``).
MAX_TYPE_CANDIDATES = 400


@dataclass(frozen=True)
class Factor:
    name: str
    value: float
    weight: float
    reason: str


@dataclass(frozen=True)
class MatchResult:
    solution_id: int
    solution_name: str
    solution_slug: str
    company_id: int
    company_name: str
    score: float
    factors: tuple[Factor, ...]
    excluded_reason: str
    tiebreak: int

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def reasons(self) -> list[str]:
        """The reasons worth reading first: the strongest factors, then any weakness that matters."""
        return [f.reason for f in sorted(self.factors, key=lambda f: -f.value * f.weight) if f.value > 0]


def tiebreak(need_key: str, solution_id: int) -> int:
    return zlib.crc32(f"{need_key}|solution:{solution_id}".encode())


def score_solution(need: NeedProfile, solution: SolutionProfile, hit: factors.TextHit | None) -> MatchResult:
    results = (
        factors.type_fit(need, solution),
        factors.text(need, solution, hit),
        factors.outcomes(need, solution),
        factors.budget(need, solution),
        factors.capacity(need, solution),
        factors.freshness(need, solution),
        factors.certification(need, solution),
    )
    weighted = tuple(Factor(r.name, round(r.value, 4), WEIGHTS[r.name], r.reason) for r in results)
    score = round(sum(f.value * f.weight for f in weighted), 4)
    return MatchResult(
        solution_id=solution.id,
        solution_name=solution.name,
        solution_slug=solution.slug,
        company_id=solution.company_id,
        company_name=solution.company_name,
        score=score,
        factors=weighted,
        excluded_reason=factors.excluded_reason(need, solution),
        tiebreak=tiebreak(need.key, solution.id),
    )


def search_query(need: NeedProfile) -> str:
    """What the search engine is asked for the text factor: the problem's cue words, else its whole text."""
    return cue_query(need.query_text) or need.query_text


def with_inferred_types(need: NeedProfile) -> NeedProfile:
    """The need itself when it names its types; otherwise the types its text points to."""
    if need.type_codes:
        return need
    inferred = tuple(t.code for t in infer_types(need.query_text))
    if not inferred:
        return need
    return NeedProfile(**{**asdict(need), "type_codes": inferred, "types_inferred": True})


def _type_candidates(type_codes: Iterable[str], need_key: str) -> list[int]:
    """Published solutions of the need's types. In a large catalogue only ``MAX_TYPE_CANDIDATES`` are scored:
    main-type matches first, the most recently updated first (a cheap pre-selection; the ranking itself and
    its tie-breaks are decided by the factors)."""
    codes = list(type_codes)
    published = Solution.objects.filter(status=SolutionStatus.PUBLISHED)
    ids = list(
        published.filter(main_type__code__in=codes)
        .order_by("-updated_at")
        .values_list("pk", flat=True)[:MAX_TYPE_CANDIDATES]
    )
    if len(ids) < MAX_TYPE_CANDIDATES:
        secondary = (
            published.filter(types__code__in=codes)
            .exclude(pk__in=ids)
            .order_by("-updated_at")
            .values_list("pk", flat=True)
            .distinct()[: MAX_TYPE_CANDIDATES - len(ids)]
        )
        ids += list(secondary)
    return ids


def order(results: Iterable[MatchResult]) -> list[MatchResult]:
    return sorted(results, key=lambda m: (bool(m.excluded_reason), -m.score, m.tiebreak))


def rank_solutions(need: NeedProfile, *, limit: int = DEFAULT_LIMIT) -> list[MatchResult]:
    """The best ``limit`` solutions for a need, then up to ``MAX_EXCLUDED`` excluded ones with reasons."""
    need = with_inferred_types(need)
    hits = search_text.text_hits(search_query(need))
    candidates = set(hits) | set(_type_candidates(need.type_codes, need.key) if need.type_codes else ())
    profiles = load_solutions(candidates)
    ranked = order(score_solution(need, profile, hits.get(pk)) for pk, profile in profiles.items())
    included = [m for m in ranked if not m.excluded_reason][: min(limit, MAX_LIMIT)]
    excluded = [m for m in ranked if m.excluded_reason and _would_fit(m)][:MAX_EXCLUDED]
    return included + excluded


def _would_fit(match: MatchResult) -> bool:
    """An excluded solution is worth showing (with its reason) only when it would otherwise fit the need."""
    values = {f.name: f.value for f in match.factors}
    return values["type_fit"] >= 0.8 or values["text"] >= 0.5


def rank_need(need: Need, *, limit: int = DEFAULT_LIMIT) -> list[MatchResult]:
    return rank_solutions(need_profile(need), limit=limit)


def open_needs() -> list[Need]:
    return list(
        Need.objects.filter(status__in=OPEN_NEED_STATUSES)
        .select_related("municipality", "domain")
        .prefetch_related("types")
        .order_by("pk")
    )


def score_needs_for_solution(solution_id: int, needs: Iterable[Need]) -> list[tuple[Need, MatchResult]]:
    """The reverse direction: one solution against many needs, with the same factors. The text factor
    asks the search engine each need's own question, so a solution's rank for a need is the same here as
    on the need's page."""
    profile = load_solutions([solution_id]).get(solution_id)
    if profile is None:
        return []
    scored = []
    for need in needs:
        need_data = with_inferred_types(need_profile(need))
        hits = search_text.text_hits(search_query(need_data))
        scored.append((need, score_solution(need_data, profile, hits.get(solution_id))))
    return sorted(scored, key=lambda pair: (bool(pair[1].excluded_reason), -pair[1].score, pair[1].tiebreak))


def snapshot_payload(results: list[MatchResult]) -> dict:
    return {
        "weights_version": WEIGHTS_VERSION,
        "weights": dict(WEIGHTS),
        "results": [m.as_dict() for m in results],
    }
