from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from marketplace import selectors, services
from marketplace.filters import SolutionFilter
from marketplace.models import Domain, OrganizationKind, SolutionType
from marketplace.permissions import user_companies
from portal.api.errors import error_responses
from search.catalogue import in_rank_order, solution_search

from .serializers import (
    DomainSerializer,
    OrganizationCreateSerializer,
    OrganizationSerializer,
    ReasonSerializer,
    ReferenceSerializer,
    ReferenceWriteSerializer,
    SolutionDetailSerializer,
    SolutionSerializer,
    SolutionTypeSerializer,
    SolutionWriteSerializer,
    TransitionSerializer,
)


@extend_schema_view(list=extend_schema(summary="9 domains (분야) with their type codes"))
class DomainViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DomainSerializer
    pagination_class = None
    lookup_field = "code"

    def get_queryset(self):
        return selectors.domain_list_with_counts()


@extend_schema_view(
    list=extend_schema(
        summary="60 solution types (솔루션 유형)",
        parameters=[OpenApiParameter("domain", str, description="Domain code, e.g. TRN")],
    )
)
class SolutionTypeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = SolutionTypeSerializer
    pagination_class = None
    lookup_field = "code"

    def get_queryset(self):
        qs = SolutionType.objects.select_related("domain")
        domain = self.request.query_params.get("domain")
        if domain:
            if not Domain.objects.filter(code=domain).exists():
                raise ValidationError({"domain": [_("알 수 없는 분야 코드입니다. 예: TRN, ENV")]})
            qs = qs.filter(domain__code=domain)
        return qs


@extend_schema_view(
    list=extend_schema(
        parameters=[OpenApiParameter("kind", str, enum=[k for k in OrganizationKind.values if k != "operator"])],
        responses={200: OrganizationSerializer(many=True), 400: error_responses(400)[400]},
    ),
    create=extend_schema(
        request=OrganizationCreateSerializer,
        responses={201: OrganizationSerializer, **error_responses(400, 401, 403)},
        summary="Register an organization; you become its admin",
    ),
)
class OrganizationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = OrganizationSerializer
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        kind = self.request.query_params.get("kind")
        if kind and kind not in OrganizationKind.values:
            raise ValidationError({"kind": [_("알 수 없는 기관 유형입니다: %(kind)s") % {"kind": kind}]})
        return selectors.organization_list(kind=kind)

    def create(self, request, *args, **kwargs):
        serializer = OrganizationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        organization = services.organization_create(actor=request.user, **serializer.validated_data)
        return Response(OrganizationSerializer(organization).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="Catalogue (published solutions; your own drafts too when signed in)"),
    retrieve=extend_schema(responses={200: SolutionDetailSerializer, **error_responses(404)}),
    create=extend_schema(
        request=SolutionWriteSerializer, responses={201: SolutionDetailSerializer, **error_responses(400, 401, 403)}
    ),
    partial_update=extend_schema(
        request=SolutionWriteSerializer,
        responses={200: SolutionDetailSerializer, **error_responses(400, 401, 403, 404, 409)},
    ),
    destroy=extend_schema(responses={204: None, **error_responses(401, 403, 404, 409)}),
)
class SolutionViewSet(viewsets.ModelViewSet):
    """Solutions. Writes go through ``marketplace.services``; reads through ``selectors``."""

    filterset_class = SolutionFilter
    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def list(self, request, *args, **kwargs):
        text = (request.query_params.get("search") or "").strip()
        filterset = SolutionFilter(request.query_params, queryset=self.get_queryset(), request=request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        if not text:
            return super().list(request, *args, **kwargs)
        paginator = self.paginator
        page_size = paginator.get_page_size(request) or paginator.page_size
        try:
            page = max(1, int(request.query_params.get("page", 1)))
        except ValueError:
            page = 1
        results = solution_search(text=text, cleaned=filterset.form.cleaned_data, page=page, page_size=page_size)
        solutions = in_rank_order(self.get_queryset(), results)
        url = request.build_absolute_uri()
        return Response(
            {
                "count": results.total,
                "next": replace_query_param(url, "page", page + 1) if page < results.num_pages else None,
                "previous": replace_query_param(url, "page", page - 1) if page > 1 else None,
                "results": SolutionSerializer(solutions, many=True, context=self.get_serializer_context()).data,
                "facets": {
                    name: [{"value": v, "count": c} for v, c in values] for name, values in results.facets.items()
                },
                "suggestion": results.suggestion,
            }
        )

    def get_queryset(self):
        if self.action == "list":
            return selectors.solution_list(user=self.request.user, published_only=False)
        return selectors.solution_detail_queryset(user=self.request.user)

    def get_serializer_class(self):
        return SolutionSerializer if self.action == "list" else SolutionDetailSerializer

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [permissions.AllowAny()]
        return [permissions.IsAuthenticated()]

    def _detail(self, solution, code=status.HTTP_200_OK):
        solution = get_object_or_404(selectors.solution_detail_queryset(user=self.request.user), pk=solution.pk)
        return Response(SolutionDetailSerializer(solution, context=self.get_serializer_context()).data, status=code)

    def _company_for(self, data):
        if "company" in data:
            return data.pop("company")
        companies = list(user_companies(self.request.user)[:2])
        if not companies:
            raise PermissionDenied(_("기업 구성원만 솔루션을 등록할 수 있습니다. 먼저 기업을 등록하거나 가입하세요."))
        if len(companies) > 1:
            raise ValidationError({"company": [_("여러 기업에 소속되어 있습니다. company에 기업 slug를 지정하세요.")]})
        return companies[0]

    def create(self, request, *args, **kwargs):
        serializer = SolutionWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        company = self._company_for(data)
        solution = services.solution_create(actor=request.user, company=company, **data)
        return self._detail(solution, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        solution = self.get_object()
        serializer = SolutionWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if "company" in data:
            raise ValidationError({"company": [_("공급기업은 바꿀 수 없습니다.")]})
        services.solution_update(actor=request.user, solution=solution, **data)
        return self._detail(solution)

    def destroy(self, request, *args, **kwargs):
        services.solution_delete(actor=request.user, solution=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        request=ReferenceWriteSerializer,
        responses={201: ReferenceSerializer, **error_responses(400, 401, 403, 404)},
        summary="Record where the solution runs and its outcome KPIs (owning company)",
    )
    @action(detail=True, methods=["post"])
    def references(self, request, pk=None):
        serializer = ReferenceWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        reference = services.reference_create(
            actor=request.user, solution=self.get_object(), **serializer.validated_data
        )
        return Response(ReferenceSerializer(reference).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=TransitionSerializer,
        responses={200: SolutionDetailSerializer, **error_responses(401, 403, 404, 409)},
        summary="Submit a draft for operator review (owning company)",
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        serializer = TransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        solution = services.solution_submit(actor=request.user, solution=self.get_object(), **serializer.validated_data)
        return self._detail(solution)

    @extend_schema(
        request=TransitionSerializer,
        responses={200: SolutionDetailSerializer, **error_responses(401, 403, 404, 409)},
        summary="Publish a submitted solution (operator)",
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        serializer = TransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        solution = services.solution_publish(
            actor=request.user, solution=self.get_object(), **serializer.validated_data
        )
        return self._detail(solution)

    @extend_schema(
        request=ReasonSerializer,
        responses={200: SolutionDetailSerializer, **error_responses(400, 401, 403, 404, 409)},
        summary="Send a submission back to the company with a reason (operator)",
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        solution = services.solution_reject(actor=request.user, solution=self.get_object(), **serializer.validated_data)
        return self._detail(solution)

    @extend_schema(
        request=ReasonSerializer,
        responses={200: SolutionDetailSerializer, **error_responses(400, 401, 403, 404, 409)},
        summary="Take a published solution off the catalogue (operator)",
    )
    @action(detail=True, methods=["post"])
    def retire(self, request, pk=None):
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        solution = services.solution_retire(actor=request.user, solution=self.get_object(), **serializer.validated_data)
        return self._detail(solution)
