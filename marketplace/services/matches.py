"""Stored matches: recomputed when a need is published or edited, and when a solution is published or
updated (Celery tasks, enqueued on commit). Companies are told about needs that newly match them."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from marketplace import inbox
from marketplace.matching.engine import MatchResult, open_needs, rank_need, score_needs_for_solution
from marketplace.matching.weights import WEIGHTS_VERSION
from marketplace.models import Invitation, Match, Need, NeedVisibility, NotificationKind, Solution

STORED_PER_NEED = 50
# A need is worth a company's attention from this score on (about: right type and some other evidence);
# only matches this good are stored, listed as the company's "matching needs" and notified.
MATCH_MIN_SCORE = 0.5


def _factors(result: MatchResult) -> list[dict]:
    return [{"name": f.name, "value": f.value, "weight": f.weight, "reason": f.reason} for f in result.factors]


def _companies_allowed(need: Need) -> set[int] | None:
    """Companies that may see an invited-only need (None: everyone may)."""
    if need.visibility == NeedVisibility.PUBLIC:
        return None
    return set(Invitation.objects.filter(need=need).values_list("company_id", flat=True))


def _notify_new(need: Need, new: list[MatchResult]) -> None:
    allowed = _companies_allowed(need)
    by_company: dict[int, list[MatchResult]] = {}
    for result in new:
        if allowed is None or result.company_id in allowed:
            by_company.setdefault(result.company_id, []).append(result)
    url = reverse("marketplace:need_detail", kwargs={"pk": need.pk})
    for company_id, results in by_company.items():
        inbox.notify(
            user_ids=inbox.organization_member_ids([company_id]),
            kind=NotificationKind.NEW_MATCHING_NEED,
            title=_("%(city)s의 새 수요가 우리 솔루션과 맞습니다: %(title)s")
            % {"city": need.municipality.name, "title": need.title},
            body="\n".join(f"{r.solution_name} ({r.score:.2f}): {', '.join(r.reasons[:2])}" for r in results),
            url=url,
        )


@transaction.atomic
def matches_recompute_for_need(*, need_id: int) -> int:
    need = Need.objects.select_related("municipality", "domain").filter(pk=need_id).first()
    if need is None or not need.is_open:
        Match.objects.filter(need_id=need_id).delete()
        return 0
    results = [
        r for r in rank_need(need, limit=STORED_PER_NEED) if not r.excluded_reason and r.score >= MATCH_MIN_SCORE
    ]
    before = set(Match.objects.filter(need=need).values_list("solution_id", flat=True))
    Match.objects.filter(need=need).exclude(solution_id__in=[r.solution_id for r in results]).delete()
    for result in results:
        Match.objects.update_or_create(
            need=need,
            solution_id=result.solution_id,
            defaults={"score": result.score, "factors": _factors(result), "weights_version": WEIGHTS_VERSION},
        )
    _notify_new(need, [r for r in results if r.solution_id not in before])
    return len(results)


@transaction.atomic
def matches_recompute_for_solution(*, solution_id: int) -> int:
    """Score one solution against every open need; keep the rows that would rank on the need's page."""
    if not Solution.objects.filter(pk=solution_id).exists():
        return 0
    scored = score_needs_for_solution(solution_id, open_needs())
    if not scored:
        Match.objects.filter(solution_id=solution_id).delete()
        return 0
    kept = 0
    before = set(Match.objects.filter(solution_id=solution_id).values_list("need_id", flat=True))
    for need, result in scored:
        floor = (
            Match.objects.filter(need=need)
            .exclude(solution_id=solution_id)
            .order_by("-score")
            .values_list("score", flat=True)[STORED_PER_NEED - 1 : STORED_PER_NEED]
        )
        good_enough = (
            not result.excluded_reason and result.score >= MATCH_MIN_SCORE and (not floor or result.score >= floor[0])
        )
        if good_enough:
            Match.objects.update_or_create(
                need=need,
                solution_id=solution_id,
                defaults={"score": result.score, "factors": _factors(result), "weights_version": WEIGHTS_VERSION},
            )
            kept += 1
            if need.pk not in before:
                _notify_new(need, [result])
        else:
            Match.objects.filter(need=need, solution_id=solution_id).delete()
    return kept
