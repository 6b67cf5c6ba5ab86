"""Pages for needs, matching, proposals, award, quick match, the inbox, diffusion and regional balance.
Views translate HTTP to selectors and services and back; the rules live in services and the engine."""

import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import inbox, need_selectors, services
from .exceptions import ConflictError
from .forms import apply_service_errors
from .matching.eligibility import need_programmes, solution_keeps_eligible
from .matching.engine import rank_need
from .matching.factors import type_name
from .matching.preview import quick_match
from .matching.profiles import load_solutions, need_profile
from .matching.weights import WEIGHTS, WEIGHTS_VERSION, factor_labels
from .models import (
    Invitation,
    MatchSnapshot,
    Notification,
    NotificationPreference,
    Organization,
    OrganizationKind,
    Proposal,
    Question,
    Solution,
    SolutionStatus,
)
from .need_forms import (
    AnswerForm,
    InviteForm,
    NeedForm,
    PreferencesForm,
    ProposalForm,
    QuestionForm,
    QuickMatchForm,
    ReasonForm,
)
from .permissions import user_can_manage_need, user_companies, user_is_operator, user_organization_ids

NEEDS_PAGE_SIZE = 20
QUICK_MATCH_PER_MINUTE = 30  # the same budget as the API's anonymous quick match


def _crumbs(*items):
    return [(_("도시 수요"), reverse("marketplace:need_list")), *items]


def _user_municipalities(user):
    return Organization.objects.filter(pk__in=user_organization_ids(user, kind=OrganizationKind.MUNICIPALITY)).order_by(
        "name"
    )


def _with_programme_gaps(results, fits):
    """Attach, to each match, the eligible programmes it would break (so the city sees who keeps it eligible)."""
    eligible = [f.programme for f in fits if f.eligible]
    profiles = load_solutions([m.solution_id for m in results]) if eligible else {}
    rows = []
    for match in results:
        gaps = []
        for programme in eligible:
            profile = profiles.get(match.solution_id)
            if profile is not None:
                ok, missing = solution_keeps_eligible(profile, programme)
                gaps.append((programme, ok, missing))
        rows.append({"match": match, "programmes": gaps})
    return rows


def need_list(request):
    mine = request.GET.get("mine") == "1" and request.user.is_authenticated
    page_obj = Paginator(need_selectors.need_list(user=request.user, mine=mine), NEEDS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page_obj": page_obj,
        "needs": page_obj.object_list,
        "mine": mine,
        "can_create": _user_municipalities(request.user).exists() if request.user.is_authenticated else False,
        "querystring": "mine=1" if mine else "",
        "breadcrumbs": [(_("도시 수요"), None)],
    }
    return render(request, "marketplace/need_list.html", context)


@login_required
def need_create(request):
    municipalities = list(_user_municipalities(request.user))
    if not municipalities:
        messages.error(request, _("수요는 지자체 구성원만 등록할 수 있습니다. 먼저 지자체에 가입하세요."))
        return redirect("portal:onboarding")
    municipality = municipalities[0]
    form = NeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            need = services.need_create(actor=request.user, municipality=municipality, **data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("수요를 저장했습니다. 매칭 결과를 확인하고 공개하세요."))
            return redirect(need.get_absolute_url())
    context = {
        "form": form,
        "municipality": municipality,
        "breadcrumbs": _crumbs((_("수요 등록"), None)),
    }
    return render(request, "marketplace/need_form.html", context, status=400 if form.errors else 200)


@login_required
def need_edit(request, pk):
    need = _manager_need(request, pk)
    initial = {
        **{f: getattr(need, f) for f in ("title", "text", "budget_krw", "timeline", "proposal_deadline", "sites",
                                         "population_served", "city_type", "must_haves", "visibility")},
        "types": list(need.types.all()),
    }  # fmt: skip
    form = NeedForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if data.get("proposal_deadline") == need.proposal_deadline:
            data.pop("proposal_deadline")
        try:
            services.need_update(actor=request.user, need=need, **data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        except ConflictError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("수요를 수정했습니다."))
            return redirect(need.get_absolute_url())
    context = {
        "form": form,
        "need": need,
        "municipality": need.municipality,
        "breadcrumbs": _crumbs((need.title, need.get_absolute_url()), (_("수정"), None)),
    }
    return render(request, "marketplace/need_form.html", context, status=400 if form.errors else 200)


def _get_need(request, pk):
    return get_object_or_404(need_selectors.need_detail_queryset(user=request.user), pk=pk)


def need_detail(request, pk):
    need = _get_need(request, pk)
    manager = user_can_manage_need(request.user, need)
    companies = list(user_companies(request.user))
    profile = need_profile(need)
    fits = need_programmes(profile)
    context = {
        "need": need,
        "manager": manager,
        "type_codes": need_selectors.need_type_codes(need),
        "inferred": [(code, type_name(code)) for code in need.inferred_types],
        "warnings": need_selectors.need_warnings(need),
        "programmes": fits,
        "questions": need_selectors.questions_for(user=request.user, need=need),
        "my_proposals": list(need_selectors.proposals_for(user=request.user, need=need)) if companies else [],
        "companies": companies,
        "question_form": QuestionForm(),
        "answer_form": AnswerForm(),
        "close_form": ReasonForm(),
        "breadcrumbs": _crumbs((need.title, None)),
    }
    if manager:
        results = rank_need(need)
        invited = set(Invitation.objects.filter(need=need).values_list("company_id", flat=True))
        context.update(
            {
                "rows": _with_programme_gaps(results, fits),
                "labels": factor_labels(),
                "weights": WEIGHTS,
                "weights_version": WEIGHTS_VERSION,
                "invited": invited,
                "proposal_count": need.proposals.count(),
                "snapshots": need.snapshots.all(),
            }
        )
    return render(request, "marketplace/need_detail.html", context)


def _manager_need(request, pk):
    need = _get_need(request, pk)
    if not user_can_manage_need(request.user, need):
        raise PermissionDenied
    return need


def _run(request, action, success: str):
    """Call a service from a POST form; show its error as a message instead of failing the page."""
    try:
        result = action()
    except (ValidationError, ConflictError, PermissionDenied) as exc:
        text = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(getattr(exc, "message", exc))
        messages.error(request, text or _("권한이 없습니다."))
        return None
    messages.success(request, success)
    return result


@login_required
@require_POST
def need_publish(request, pk):
    need = _manager_need(request, pk)
    _run(request, lambda: services.need_publish(actor=request.user, need=need), _("수요를 공개했습니다."))
    return redirect(need.get_absolute_url())


@login_required
@require_POST
def need_close(request, pk):
    need = _manager_need(request, pk)
    form = ReasonForm(request.POST)
    reason = form.data.get("reason", "")
    cancel = request.POST.get("cancel") == "1"
    _run(
        request,
        lambda: services.need_close(actor=request.user, need=need, reason=reason, cancel=cancel),
        _("수요를 취소했습니다.") if cancel else _("수요를 종료했습니다."),
    )
    return redirect(need.get_absolute_url())


@login_required
@require_POST
def need_invite(request, pk):
    need = _manager_need(request, pk)
    form = InviteForm(request.POST)
    company = Organization.objects.filter(kind=OrganizationKind.COMPANY, pk=form.data.get("company") or 0).first()
    if company is None:
        messages.error(request, _("초청할 기업을 찾을 수 없습니다."))
    else:
        _run(
            request,
            lambda: services.invitation_create(
                actor=request.user, need=need, company=company, message=form.data.get("message", "")
            ),
            _("%(company)s에 제안을 요청했습니다.") % {"company": company.name},
        )
    return redirect(need.get_absolute_url())


@login_required
def need_proposals(request, pk):
    """Side-by-side comparison of the proposals, with shortlist and award (the city only)."""
    need = _manager_need(request, pk)
    proposals = list(need_selectors.proposals_for(user=request.user, need=need))
    scores = {m.solution_id: m for m in rank_need(need, limit=100)}
    context = {
        "need": need,
        "proposals": [(p, scores.get(p.solution_id)) for p in proposals],
        "award": getattr(need, "award", None) if hasattr(need, "award") else None,
        "reason_form": ReasonForm(),
        "breadcrumbs": _crumbs((need.title, need.get_absolute_url()), (_("제안 비교"), None)),
    }
    return render(request, "marketplace/need_proposals.html", context)


@login_required
@require_POST
def proposal_shortlist(request, pk):
    proposal = get_object_or_404(need_selectors.proposal_queryset(user=request.user), pk=pk)
    _run(
        request,
        lambda: services.proposal_shortlist(actor=request.user, proposal=proposal),
        _("%(company)s 제안을 후보로 선정했습니다. 이때의 매칭 목록을 기록했습니다.")
        % {"company": proposal.company.name},
    )
    return redirect("marketplace:need_proposals", pk=proposal.need_id)


@login_required
@require_POST
def proposal_award(request, pk):
    proposal = get_object_or_404(need_selectors.proposal_queryset(user=request.user), pk=pk)
    reason = request.POST.get("reason", "")
    _run(
        request,
        lambda: services.proposal_award(actor=request.user, proposal=proposal, reason=reason),
        _("%(company)s 제안을 최종 선정했습니다. 다른 제안 기업에도 결과를 알렸습니다.")
        % {"company": proposal.company.name},
    )
    return redirect("marketplace:need_proposals", pk=proposal.need_id)


@login_required
def proposal_create(request, pk):
    need = _get_need(request, pk)
    companies = list(user_companies(request.user))
    if not companies:
        messages.error(request, _("제안은 기업 구성원만 할 수 있습니다."))
        return redirect(need.get_absolute_url())
    company = companies[0]
    solutions = Solution.objects.filter(company=company, status=SolutionStatus.PUBLISHED).order_by("name")
    form = ProposalForm(request.POST or None, request.FILES or None, solutions=solutions)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.proposal_submit(actor=request.user, need=need, company=company, **data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        except (ConflictError, PermissionDenied) as exc:
            form.add_error(None, getattr(exc, "message", str(exc)))
            status = 409 if isinstance(exc, ConflictError) else 403
        else:
            messages.success(request, _("제안을 제출했습니다."))
            return redirect(need.get_absolute_url())
    if form.errors and status == 200:
        status = 400
    context = {
        "need": need,
        "form": form,
        "company": company,
        "breadcrumbs": _crumbs((need.title, need.get_absolute_url()), (_("제안하기"), None)),
    }
    return render(request, "marketplace/proposal_form.html", context, status=status)


@login_required
@require_POST
def question_ask(request, pk):
    need = _get_need(request, pk)
    companies = list(user_companies(request.user))
    if not companies:
        raise PermissionDenied
    _run(
        request,
        lambda: services.question_ask(
            actor=request.user, need=need, company=companies[0], text=request.POST.get("text", "")
        ),
        _("질문을 등록했습니다."),
    )
    return redirect(need.get_absolute_url())


@login_required
@require_POST
def question_answer(request, pk):
    question = get_object_or_404(Question.objects.select_related("need"), pk=pk)
    _run(
        request,
        lambda: services.question_answer(actor=request.user, question=question, answer=request.POST.get("answer", "")),
        _("답변을 등록했습니다."),
    )
    return redirect("marketplace:need_detail", pk=question.need_id)


@login_required
def snapshot_detail(request, pk):
    snapshot = get_object_or_404(MatchSnapshot.objects.select_related("need", "created_by"), pk=pk)
    if not user_can_manage_need(request.user, snapshot.need) and not user_is_operator(request.user):
        raise Http404
    context = {
        "snapshot": snapshot,
        "need": snapshot.need,
        "labels": factor_labels(),
        "breadcrumbs": _crumbs((snapshot.need.title, snapshot.need.get_absolute_url()), (_("매칭 목록 기록"), None)),
    }
    return render(request, "marketplace/snapshot_detail.html", context)


def _quick_match_allowed(request) -> bool:
    """A small per-visitor budget: every quick match runs the engine over the whole catalogue."""
    who = request.user.pk if request.user.is_authenticated else request.META.get("REMOTE_ADDR", "")
    key = f"quick-match:{who}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=90)
    try:
        return cache.incr(key) <= QUICK_MATCH_PER_MINUTE
    except ValueError:  # evicted between add and incr
        return True


def quick_match_view(request):
    """Anyone may describe a problem and see ranked solutions; nothing is saved."""
    form = QuickMatchForm(request.POST or None)
    profile, rows, status = None, [], 200
    if request.method == "POST" and not _quick_match_allowed(request):
        form.is_valid()
        form.add_error(None, _("요청이 너무 많습니다. 1분 뒤에 다시 시도하세요."))
        return render(
            request,
            "marketplace/quick_match.html",
            {"form": form, "rows": [], "breadcrumbs": [(_("빠른 매칭"), None)]},
            status=429,
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            profile, results = quick_match(
                text=data["text"],
                budget_krw=data.get("budget_krw"),
                sites=data.get("sites"),
                population=data.get("population"),
                city_type=data.get("city_type") or "",
                must_haves=data.get("must_haves") or [],
            )
            rows = [{"match": m, "programmes": []} for m in results]
        except ValidationError as exc:
            apply_service_errors(form, exc)
    if form.errors:
        status = 400
    context = {
        "form": form,
        "profile": profile,
        "inferred": [(code, type_name(code)) for code in profile.type_codes] if profile else [],
        "rows": rows,
        "labels": factor_labels(),
        "breadcrumbs": [(_("빠른 매칭"), None)],
    }
    return render(request, "marketplace/quick_match.html", context, status=status)


@login_required
def matching_needs(request):
    companies = list(user_companies(request.user))
    if not companies:
        messages.error(request, _("맞춤 수요는 기업 구성원이 볼 수 있습니다."))
        return redirect("marketplace:need_list")
    context = {
        "items": need_selectors.matching_needs(user=request.user, company_ids=[c.pk for c in companies]),
        "companies": companies,
        "breadcrumbs": _crumbs((_("우리 솔루션에 맞는 수요"), None)),
    }
    return render(request, "marketplace/matching_needs.html", context)


@login_required
def inbox_view(request):
    if request.method == "POST" and request.POST.get("action") == "read_all":
        inbox.mark_read(user=request.user)
        return redirect("marketplace:inbox")
    current = {p.kind: (p.inbox, p.email) for p in NotificationPreference.objects.filter(user=request.user)}
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        inbox.preferences_set(user=request.user, choices=form.choices())
        messages.success(request, _("알림 설정을 저장했습니다."))
        return redirect("marketplace:inbox")
    notifications = Notification.objects.filter(recipient=request.user)[: inbox.INBOX_PAGE_SIZE]
    context = {
        "notifications": notifications,
        "form": form,
        "breadcrumbs": [(_("알림함"), None)],
    }
    response = render(request, "marketplace/inbox.html", context)
    return response


@login_required
def diffusion(request):
    municipalities = list(_user_municipalities(request.user))
    if not municipalities:
        messages.error(request, _("확산 추천은 지자체 구성원이 볼 수 있습니다."))
        return redirect("marketplace:need_list")
    context = {
        "sections": [(m, need_selectors.diffusion_recommendations(municipality=m)) for m in municipalities],
        "breadcrumbs": [(_("확산 추천"), None)],
    }
    return render(request, "marketplace/diffusion.html", context)


@login_required
def regional_balance(request):
    if not user_is_operator(request.user):
        raise PermissionDenied
    table, city_types = need_selectors.regional_balance()
    peak = max([max(row.counts.values()) for row in table] + [1])
    row_height, bar_width, columns = 22, 190, (130, 340, 550)
    chart = [
        {
            "y": i * row_height,
            "label": row.label,
            "bars": [
                {"x": x, "width": round(row.counts[code] / peak * bar_width), "value": row.counts[code], "code": code,
                 "label": label}
                for x, (code, label) in zip(columns, city_types, strict=True)
            ],
        }
        for i, row in enumerate(table)
    ]  # fmt: skip
    context = {
        "chart": chart,
        "legend": [
            {"x": x, "code": code, "label": label} for x, (code, label) in zip(columns, city_types, strict=True)
        ],
        "legend_y": len(table) * row_height,
        "chart_height": (len(table) + 1) * row_height,
        "table": table,
        "city_types": city_types,
        "peak": peak,
        "breadcrumbs": [(_("지역 균형 현황"), None)],
    }
    return render(request, "marketplace/regional_balance.html", context)


@login_required
@require_POST
def proposal_withdraw(request, pk):
    proposal = get_object_or_404(Proposal.objects.filter(company_id__in=user_organization_ids(request.user)), pk=pk)
    _run(request, lambda: services.proposal_withdraw(actor=request.user, proposal=proposal), _("제안을 철회했습니다."))
    return redirect("marketplace:need_detail", pk=proposal.need_id)
