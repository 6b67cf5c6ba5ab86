"""How well the matching engine ranks the demo catalogue for judged needs (issue #5, Quality).

precision@5: share of the top 5 that is relevant, out of what is achievable (min(5, relevant solutions in
the catalogue): most types have only 2–4 demo solutions). nDCG@10 with graded relevance (2 main type,
1 other type). Figures are printed (``pytest -s``) and written to ``var/matching-evaluation.txt``.
"""

import math
from pathlib import Path

import pytest
from django.conf import settings

from marketplace.demo.seed import seed_demo
from marketplace.matching.engine import rank_solutions
from marketplace.matching.profiles import NeedProfile, preview_key
from marketplace.models import Solution, SolutionStatus
from search.services import index_rebuild

from .matching_set import MATCHING_SET

MIN_PRECISION_AT_5 = 0.80
MIN_NDCG_AT_10 = 0.80

pytestmark = pytest.mark.django_db


def dcg(gains):
    return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(gains))


def ndcg_at_10(gains, all_gains):
    ideal = dcg(sorted(all_gains, reverse=True)[:10])
    return dcg(gains[:10]) / ideal if ideal else 0.0


def test_ndcg_by_hand():
    assert ndcg_at_10([2, 0, 1], [2, 1]) == pytest.approx((3 + 1 / 2) / (3 + 1 / math.log2(3)))
    assert ndcg_at_10([2, 1], [2, 1]) == pytest.approx(1.0)
    assert ndcg_at_10([0, 0], [2]) == 0.0


def test_matching_set_has_enough_varied_needs():
    assert len(MATCHING_SET) >= 40
    assert sum(1 for case in MATCHING_SET if not case.given) >= 30  # most leave the types to inference


def test_ranking_quality_on_the_demo_catalogue():
    seed_demo()
    index_rebuild()
    types = {
        s.pk: (s.main_type.code, {t.code for t in s.types.all()})
        for s in Solution.objects.filter(status=SolutionStatus.PUBLISHED).select_related("main_type")
        .prefetch_related("types")
    }  # fmt: skip

    def gain(solution_id, expected):
        main, all_types = types[solution_id]
        return 2 if main in expected else 1 if all_types & set(expected) else 0

    lines, precisions, ndcgs = [], [], []
    for case in MATCHING_SET:
        profile = NeedProfile(
            key=preview_key(case.text),
            title="",
            text=case.text,
            type_codes=case.given,
            budget_krw=case.budget_krw,
            sites=case.sites,
        )
        ranked = [m for m in rank_solutions(profile, limit=10) if not m.excluded_reason]
        gains = [gain(m.solution_id, case.expected) for m in ranked]
        all_gains = [g for g in (gain(pk, case.expected) for pk in types) if g]
        achievable = min(5, len(all_gains))
        precision = sum(1 for g in gains[:5] if g) / achievable
        score = ndcg_at_10(gains, all_gains)
        precisions.append(precision)
        ndcgs.append(score)
        lines.append(f"P@5 {precision:.2f}  nDCG@10 {score:.2f}  {case.text[:40]}")
    p5, n10 = sum(precisions) / len(precisions), sum(ndcgs) / len(ndcgs)
    report = "\n".join([*lines, f"mean precision@5 {p5:.3f}, mean nDCG@10 {n10:.3f} over {len(MATCHING_SET)} needs"])
    out = Path(settings.BASE_DIR) / "var"
    out.mkdir(exist_ok=True)
    (out / "matching-evaluation.txt").write_text(report + "\n", encoding="utf-8")
    print(report)
    assert p5 >= MIN_PRECISION_AT_5, report
    assert n10 >= MIN_NDCG_AT_10, report
