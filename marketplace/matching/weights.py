"""The factor weights of the matching score, in one place.

score = Σ weight × value over the factors below; every value is in [0, 1] and the weights sum to 1, so a
score is in [0, 1] too. Change a weight here and bump ``WEIGHTS_VERSION``: snapshots frozen at shortlist
and award keep the version and weights they were computed with.

- type_fit (0.30): the need's solution types (chosen or inferred) against the solution's types.
- text (0.20): how well the solution's listing answers the problem text, from the search engine.
- outcomes (0.20): references with improved KPIs; references in cities like the need's count more.
- budget (0.15): the solution's price range × the number of sites against the budget.
- capacity (0.05): the company serves the need's province (or nationwide) and has built before.
- freshness (0.05): how recently the listing was published or updated.
- certification (0.05): data hub certification of the solution (not available yet: always 0).

Must-haves are not weighted: a solution that misses one is excluded, with the reason shown.
"""

WEIGHTS_VERSION = "2026.1"

WEIGHTS: dict[str, float] = {
    "type_fit": 0.30,
    "text": 0.20,
    "outcomes": 0.20,
    "budget": 0.15,
    "capacity": 0.05,
    "freshness": 0.05,
    "certification": 0.05,
}

assert abs(sum(WEIGHTS.values()) - 1.0) < 1e-9, "matching weights must sum to 1"


def factor_labels() -> dict[str, str]:
    from django.utils.translation import gettext as _

    return {
        "type_fit": _("유형 일치"),
        "text": _("문제 설명 관련도"),
        "outcomes": _("검증된 성과"),
        "budget": _("예산 적합"),
        "capacity": _("수행 역량·지역"),
        "freshness": _("최신성"),
        "certification": _("인증"),
    }
