"""API for needs, matching, proposals and awards. Views translate HTTP to services/selectors and back."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle
from rest_framework.views import APIView

from marketplace import need_selectors, services
from marketplace.matching.engine import MAX_LIMIT, rank_need, with_inferred_types
from marketplace.matching.preview import quick_match
from marketplace.matching.profiles import need_profile
from marketplace.matching.weights import WEIGHTS_VERSION
from marketplace.models import Organization, OrganizationKind, Programme
from marketplace.permissions import user_can_edit_solution, user_companies, user_organization_ids
from marketplace.selectors import solution_detail_queryset
from portal.api.errors import error_responses

from .need_serializers import (
    AwardSerializer,
    AwardWriteSerializer,
    InviteSerializer,
    MatchingNeedSerializer,
    MatchListSerializer,
    NeedSerializer,
    NeedWriteSerializer,
    NoteSerializer,
    PreviewSerializer,
    ProgrammeSerializer,
    ProposalSerializer,
    ProposalWriteSerializer,
)


def _limit(request) -> int:
    try:
        return max(1, min(MAX_LIMIT, int(request.query_params.get("limit", 20))))
    except ValueError as exc:
        raise ValidationError({"limit": [_("limit은 1에서 100 사이의 숫자여야 합니다.")]}) from exc


def _match_list(profile, results) -> dict:
    return {
        "weights_version": WEIGHTS_VERSION,
        "type_codes": list(profile.type_codes),
        "types_inferred": profile.types_inferred,
        "results": results,
    }


@extend_schema_view(
    list=extend_schema(summary="Needs you may see (public; invited-only for invited companies; your drafts)"),
    retrieve=extend_schema(responses={200: NeedSerializer, **error_responses(404)}),
    create=extend_schema(
        request=NeedWriteSerializer,
        responses={201: NeedSerializer, **error_responses(400, 401, 403)},
        summary="Register a need (municipality members); types are inferred from the text when missing",
    ),
    partial_update=extend_schema(
        request=NeedWriteSerializer, responses={200: NeedSerializer, **error_responses(400, 401, 403, 404, 409)}
    ),
)
class NeedViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = NeedSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if self.action == "list":
            return need_selectors.need_list(user=self.request.user, mine=self.request.query_params.get("mine") == "1")
        return need_selectors.need_detail_queryset(user=self.request.user)

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [permissions.AllowAny()]
        return [permissions.IsAuthenticated()]

    def _detail(self, need, code=status.HTTP_200_OK):
        need = get_object_or_404(need_selectors.need_detail_queryset(user=self.request.user), pk=need.pk)
        return Response(NeedSerializer(need).data, status=code)

    def _municipality(self, data):
        if "municipality" in data:
            return data.pop("municipality")
        ids = user_organization_ids(self.request.user, kind=OrganizationKind.MUNICIPALITY)
        if not ids:
            raise PermissionDenied(_("지자체 구성원만 수요를 등록할 수 있습니다."))
        if len(ids) > 1:
            raise ValidationError(
                {"municipality": [_("여러 지자체에 소속되어 있습니다. municipality에 slug를 지정하세요.")]}
            )
        return Organization.objects.get(pk=next(iter(ids)))

    def create(self, request, *args, **kwargs):
        serializer = NeedWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        need = services.need_create(actor=request.user, municipality=self._municipality(data), **data)
        return self._detail(need, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        need = self.get_object()
        serializer = NeedWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if "municipality" in data:
            raise ValidationError({"municipality": [_("수요를 등록한 지자체는 바꿀 수 없습니다.")]})
        services.need_update(actor=request.user, need=need, **data)
        return self._detail(need)

    def update(self, request, *args, **kwargs):  # PUT is not offered; PATCH only
        return self.partial_update(request, *args, **kwargs)

    @extend_schema(request=None, responses={200: NeedSerializer, **error_responses(401, 403, 404, 409)})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Publish a draft: it becomes visible and its matches are computed (after commit, by a worker)."""
        return self._detail(services.need_publish(actor=request.user, need=self.get_object()))

    @extend_schema(
        responses={200: MatchListSerializer, **error_responses(400, 401, 403, 404)},
        summary="Ranked solutions with per-factor scores and reasons (the need's municipality)",
    )
    @action(detail=True, methods=["get"])
    def matches(self, request, pk=None):
        need = self.get_object()
        if need.municipality_id not in user_organization_ids(request.user):
            raise PermissionDenied(_("수요를 등록한 지자체만 매칭 결과를 볼 수 있습니다."))
        profile = with_inferred_types(need_profile(need))
        data = _match_list(profile, rank_need(need, limit=_limit(request)))
        return Response(MatchListSerializer(data).data)

    @extend_schema(request=InviteSerializer, responses={201: None, **error_responses(400, 401, 403, 404, 409)})
    @action(detail=True, methods=["post"])
    def invite(self, request, pk=None):
        serializer = InviteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.invitation_create(actor=request.user, need=self.get_object(), **serializer.validated_data)
        return Response(status=status.HTTP_201_CREATED)

    @extend_schema(
        methods=["GET"],
        responses={200: ProposalSerializer(many=True), **error_responses(401, 404)},
        summary="Proposals to this need: all of them for its municipality, your own for a company",
    )
    @extend_schema(
        methods=["POST"],
        request=ProposalWriteSerializer,
        responses={201: ProposalSerializer, **error_responses(400, 401, 403, 404, 409)},
        summary="Send a proposal (company members; one per company and need; before the deadline)",
    )
    @action(detail=True, methods=["get", "post"], permission_classes=[permissions.IsAuthenticated])
    def proposals(self, request, pk=None):
        need = self.get_object()
        if request.method == "GET":
            proposals = need_selectors.proposals_for(user=request.user, need=need)
            return Response(ProposalSerializer(proposals, many=True).data)
        serializer = ProposalWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        company = data.pop("company", None) or user_companies(request.user).first()
        if company is None:
            raise PermissionDenied(_("기업 구성원만 제안할 수 있습니다."))
        proposal = services.proposal_submit(actor=request.user, need=need, company=company, **data)
        return Response(ProposalSerializer(proposal).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="Proposals you may see (your company's, or to your municipality's needs)"),
    retrieve=extend_schema(responses={200: ProposalSerializer, **error_responses(401, 404)}),
)
class ProposalViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProposalSerializer
    permission_classes = [permissions.IsAuthenticated]
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        return need_selectors.proposal_queryset(user=self.request.user).order_by("-created_at", "-id")

    @extend_schema(request=NoteSerializer, responses={200: ProposalSerializer, **error_responses(401, 403, 404, 409)})
    @action(detail=True, methods=["post"])
    def shortlist(self, request, pk=None):
        """Shortlist a proposal (the need's municipality). The match list it saw is frozen."""
        serializer = NoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        proposal = services.proposal_shortlist(
            actor=request.user, proposal=self.get_object(), **serializer.validated_data
        )
        return Response(ProposalSerializer(proposal).data)

    @extend_schema(
        request=AwardWriteSerializer, responses={201: AwardSerializer, **error_responses(400, 401, 403, 404, 409)}
    )
    @action(detail=True, methods=["post"])
    def award(self, request, pk=None):
        """Award a shortlisted proposal with a reason (the need's municipality); others are told."""
        serializer = AwardWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        award = services.proposal_award(actor=request.user, proposal=self.get_object(), **serializer.validated_data)
        return Response(AwardSerializer(award).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: ProposalSerializer, **error_responses(401, 403, 404, 409)})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        proposal = services.proposal_withdraw(actor=request.user, proposal=self.get_object())
        return Response(ProposalSerializer(proposal).data)


class PreviewAnonThrottle(AnonRateThrottle):
    scope = "matching_preview_anon"
    rate = "30/min"


class PreviewUserThrottle(UserRateThrottle):
    scope = "matching_preview_user"
    rate = "120/min"


class MatchingPreviewView(APIView):
    """Quick match: ranked solutions for a problem description. Anyone may ask; nothing is saved."""

    permission_classes = [permissions.AllowAny]
    throttle_classes = [PreviewAnonThrottle, PreviewUserThrottle]

    @extend_schema(
        request=PreviewSerializer,
        responses={200: MatchListSerializer, **error_responses(400)},
        summary="Quick match from a problem description (anonymous allowed, rate-limited; 429 when exceeded)",
    )
    def post(self, request):
        serializer = PreviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        types = [t.code for t in data.pop("types", [])]
        profile, results = quick_match(type_codes=types, limit=_limit(request), **data)
        return Response(MatchListSerializer(_match_list(profile, results)).data)


class SolutionMatchingNeedsView(APIView):
    """Needs that fit a solution, ranked with the same factors (members of the solution's company)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: MatchingNeedSerializer(many=True), **error_responses(401, 403, 404)})
    def get(self, request, pk):
        solution = get_object_or_404(solution_detail_queryset(user=request.user), pk=pk)
        if not user_can_edit_solution(request.user, solution):
            raise PermissionDenied(_("솔루션을 등록한 기업의 구성원만 맞춤 수요를 볼 수 있습니다."))
        items = [
            item
            for item in need_selectors.matching_needs(user=request.user, company_ids=[solution.company_id], limit=100)
            if item.solution_slug == solution.slug
        ]
        data = [{"need": i.need, "score": i.score, "reasons": i.reasons} for i in items]
        return Response(MatchingNeedSerializer(data, many=True).data)


class ProgrammeViewSet(viewsets.ReadOnlyModelViewSet):
    """Support programmes (지원사업) with their eligibility rules."""

    serializer_class = ProgrammeSerializer
    queryset = Programme.objects.order_by("name")
    pagination_class = None
