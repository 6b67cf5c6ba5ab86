"""The matching engine's contract: factors in [0, 1] with reasons, weights in one place, exclusions with
reasons, deterministic order with hash tie-breaks, the same factors in both directions."""

import pytest

from marketplace.matching import certification, factors
from marketplace.matching.engine import order, rank_solutions, score_needs_for_solution, tiebreak
from marketplace.matching.profiles import NeedProfile, load_solutions, preview_key
from marketplace.matching.weights import WEIGHTS
from marketplace.models import SolutionType
from tests.factories import SolutionFactory

pytestmark = pytest.mark.django_db

TEXT = "도심 불법주정차로 소방차 진입이 어렵다"


def profile(**kwargs):
    defaults = {"key": preview_key(TEXT), "title": "", "text": TEXT}
    return NeedProfile(**{**defaults, **kwargs})


def test_weights_sum_to_one_and_every_factor_is_weighted():
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)
    assert set(WEIGHTS) == {"type_fit", "text", "outcomes", "budget", "capacity", "freshness", "certification"}


def test_factors_are_in_range_with_plain_korean_reasons(indexed, parking_solution):
    [match, *_] = rank_solutions(profile(budget_krw=300_000_000, sites=6, city_population=120_000, province="41"))
    assert match.solution_id == parking_solution.pk
    for factor in match.factors:
        assert 0.0 <= factor.value <= 1.0
        assert factor.reason
    reasons = {f.name: f.reason for f in match.factors}
    assert reasons["type_fit"] == "유형 일치(추론): 불법주정차 단속"
    assert reasons["budget"] == "구성에 따라 예산 초과 가능 (개소당 4천만~6천만 원 × 6개소)"
    assert "인구 12만 유사 도시 1곳" in reasons["outcomes"] and "30% 감소" in reasons["outcomes"]
    assert match.score == pytest.approx(sum(f.value * f.weight for f in match.factors), abs=1e-4)


def test_certification_answers_not_certified_honestly(parking_solution):
    status = certification.certification_status(parking_solution.pk)
    assert status.certified is False
    assert "인증 제도가 아직 운영되지 않아" in status.reason


def test_must_haves_exclude_with_the_reason(indexed, parking_solution, shelter_solution):
    results = rank_solutions(profile(text="폭염 버스정류장 쉼터", must_haves=("data_hub_linkage", "open_source")))
    excluded = {m.solution_id: m.excluded_reason for m in results if m.excluded_reason}
    assert "데이터허브 연계" in excluded[shelter_solution.pk]
    assert "오픈소스 아님" in excluded[shelter_solution.pk]
    assert results[-1].excluded_reason  # excluded ones come after every included one


def test_certified_must_have_excludes_everyone_today(indexed, parking_solution):
    results = rank_solutions(profile(must_haves=("data_hub_certified",)))
    assert results and all("데이터허브 인증 없음" in m.excluded_reason for m in results)


def test_budget_factor():
    solution = load_solutions([SolutionFactory(price_min=40_000_000, price_max=60_000_000).pk])
    [solution] = solution.values()
    assert factors.budget(profile(budget_krw=400_000_000, sites=6), solution).value == 1.0
    assert factors.budget(profile(budget_krw=100_000_000, sites=6), solution).value < 0.4
    assert "예산 초과" in factors.budget(profile(budget_krw=100_000_000, sites=6), solution).reason
    assert factors.budget(profile(), solution).reason.startswith("예산 미입력")


def test_ranking_is_deterministic_and_ties_are_broken_by_hash_not_id(indexed):
    twins = [
        SolutionFactory(name=f"동일 조건 단속 시스템 {n}", main_type=SolutionType.objects.get(code="TRN-04"))
        for n in range(6)
    ]
    need = profile(text="불법주정차")
    first = [m.solution_id for m in rank_solutions(need, limit=50)]
    assert first == [m.solution_id for m in rank_solutions(need, limit=50)]
    tied = [pk for pk in first if pk in {t.pk for t in twins}]
    assert tied == sorted(tied, key=lambda pk: tiebreak(need.key, pk))
    assert tied != sorted(tied) or tied != sorted(tied, reverse=True)


def test_order_puts_excluded_last():
    results = rank_solutions(profile(text="없는 문제"), limit=5)
    assert order(results) == results


def test_reverse_direction_uses_the_same_scores(published_need, parking_solution):
    from marketplace.matching.engine import rank_need

    forward = {m.solution_id: m for m in rank_need(published_need)}
    [(need, backward)] = score_needs_for_solution(parking_solution.pk, [published_need])
    assert need == published_need
    assert backward.score == forward[parking_solution.pk].score
    assert backward.factors == forward[parking_solution.pk].factors


def test_the_search_engine_is_asked_for_the_problem_cue_words():
    from marketplace.matching.engine import search_query

    need = profile(text="과천 도심 불법주정차로 소방차 진입이 어렵다")
    assert search_query(need) == "불법주정차 소방차 진입"
    vague = profile(text="시민이 더 행복한 도시를 만들고 싶다")
    assert search_query(vague) == vague.query_text
