"""``GET /api/v1/search/`` (solutions and organizations, with facets) and
``GET /api/v1/search/suggest/`` (autocomplete)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from portal.api.errors import error_responses

from .backends.base import KINDS, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, SOLUTION_FACETS, SearchQuery
from .engine import get_backend
from .facets import validate_facet_values

SUGGEST_LIMIT = 10


class SearchParams(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, default="", max_length=MAX_QUERY_LENGTH)
    type = serializers.ChoiceField(choices=[("all", "all"), *((k, k) for k in KINDS)], required=False, default="all")
    page = serializers.IntegerField(required=False, default=1, min_value=1)
    page_size = serializers.IntegerField(required=False, default=20, min_value=1, max_value=MAX_PAGE_SIZE)

    def validate_q(self, value):
        return value.strip()


# `type` selects what to search (solutions, organizations); the solution-type facet is `solution_type`.
FACET_PARAMS = {("solution_type" if name == "type" else name): name for name in SOLUTION_FACETS}
FACET_PARAMETERS = [
    OpenApiParameter(param, str, many=True, description=f"Filter on the `{facet}` facet")
    for param, facet in FACET_PARAMS.items()
]

HitSerializer = inline_serializer(
    "SearchHit",
    many=True,
    fields={
        "kind": serializers.CharField(),
        "id": serializers.IntegerField(),
        "title": serializers.CharField(),
        "url": serializers.CharField(),
        "summary": serializers.CharField(),
        "highlight": serializers.DictField(child=serializers.CharField(), help_text="HTML with <mark>"),
        "score": serializers.FloatField(),
    },
)


class SearchView(APIView):
    permission_classes = []

    @extend_schema(
        summary="Search solutions and organizations (Korean-aware) with facet counts",
        parameters=[SearchParams, *FACET_PARAMETERS],
        responses={
            200: inline_serializer(
                "SearchResponse",
                {
                    "count": serializers.IntegerField(),
                    "next": serializers.URLField(allow_null=True),
                    "previous": serializers.URLField(allow_null=True),
                    "results": HitSerializer,
                    "facets": serializers.DictField(child=serializers.ListField(child=serializers.DictField())),
                    "suggestion": serializers.CharField(help_text='"Did you mean", or empty'),
                    "relaxed": serializers.BooleanField(help_text="No result matched every word"),
                },
            ),
            **error_responses(400),
        },
    )
    def get(self, request):
        params = SearchParams(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        unknown = [name for name in request.query_params if name not in (*FACET_PARAMS, *SearchParams().fields)]
        if unknown:
            allowed = ", ".join([*SearchParams().fields, *FACET_PARAMS])
            message = _("알 수 없는 검색 조건입니다. 가능한 조건: %(allowed)s") % {"allowed": allowed}
            raise serializers.ValidationError({name: [message] for name in unknown})
        filters = {
            facet: tuple(request.query_params.getlist(param))
            for param, facet in FACET_PARAMS.items()
            if param in request.query_params
        }
        validate_facet_values(filters)
        kinds = KINDS if data["type"] == "all" else (data["type"],)
        results = get_backend().search(
            SearchQuery(text=data["q"], kinds=kinds, filters=filters, page=data["page"], page_size=data["page_size"])
        )
        if data["page"] > results.num_pages:
            raise NotFound(
                _("%(page)s쪽은 없습니다. 마지막 쪽은 %(last)s쪽입니다.")
                % {"page": data["page"], "last": results.num_pages}
            )
        url = request.build_absolute_uri()
        return Response(
            {
                "count": results.total,
                "next": replace_query_param(url, "page", results.page + 1)
                if results.page < results.num_pages
                else None,
                "previous": replace_query_param(url, "page", results.page - 1) if results.page > 1 else None,
                "results": [
                    {
                        "kind": hit.kind,
                        "id": hit.object_id,
                        "title": hit.title,
                        "url": hit.url,
                        "summary": hit.summary,
                        "highlight": {"title": hit.highlight_title, "summary": hit.highlight_summary},
                        "score": round(hit.score, 4),
                    }
                    for hit in results.hits
                ],
                "facets": {
                    name: [{"value": v, "count": c} for v, c in values] for name, values in results.facets.items()
                },
                "suggestion": results.suggestion,
                "relaxed": results.relaxed,
            }
        )


class SuggestView(APIView):
    permission_classes = []

    @extend_schema(
        summary="Autocomplete: up to 10 titles starting with what was typed",
        parameters=[OpenApiParameter("q", str, required=True)],
        responses={
            200: inline_serializer(
                "SuggestResponse",
                {
                    "results": inline_serializer(
                        "SuggestItem",
                        {
                            "text": serializers.CharField(),
                            "kind": serializers.CharField(),
                            "url": serializers.CharField(),
                        },
                        many=True,
                    )
                },
            ),
            **error_responses(400),
        },
    )
    def get(self, request):
        q = (request.query_params.get("q") or "").strip()[:MAX_QUERY_LENGTH]
        suggestions = get_backend().suggest(q, limit=SUGGEST_LIMIT) if q else []
        return Response({"results": [{"text": s.text, "kind": s.kind, "url": s.url} for s in suggestions]})
