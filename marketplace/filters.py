"""Catalogue filters, shared by the catalogue page and ``GET /api/v1/solutions/``.

An unknown value (a domain or type code that does not exist, a price band we do not have) makes
the filter invalid: the page shows the message, the API answers 400.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from search.catalogue import matching_ids

from .models import Domain, Organization, OrganizationKind, PriceBand, Province, Solution, SolutionType


class SolutionFilter(django_filters.FilterSet):
    search = django_filters.CharFilter(method="filter_search", label=_("검색어"), max_length=100)
    domain = django_filters.ModelChoiceFilter(
        queryset=Domain.objects.all(),
        to_field_name="code",
        field_name="types__domain",
        distinct=True,
        label=_("분야"),
        error_messages={"invalid_choice": _("알 수 없는 분야 코드입니다. 예: TRN, ENV")},
    )
    type = django_filters.ModelMultipleChoiceFilter(
        queryset=SolutionType.objects.all(),
        to_field_name="code",
        field_name="types__code",
        distinct=True,
        label=_("솔루션 유형"),
        error_messages={"invalid_choice": _("알 수 없는 솔루션 유형 코드입니다: %(value)s. 예: TRN-04")},
    )
    price_band = django_filters.ChoiceFilter(
        choices=PriceBand.choices,
        method="filter_price_band",
        label=_("가격대(최저가 기준)"),
        error_messages={"invalid_choice": _("알 수 없는 가격대입니다: %(value)s.")},
    )
    has_reference = django_filters.BooleanFilter(method="filter_has_reference", label=_("구축 사례 있음"))
    province = django_filters.ChoiceFilter(
        choices=Province.choices,
        method="filter_province",
        label=_("구축 사례 지역"),
        error_messages={"invalid_choice": _("알 수 없는 시도 코드입니다: %(value)s. 예: 41(경기도)")},
    )
    company = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.filter(kind=OrganizationKind.COMPANY),
        to_field_name="slug",
        label=_("공급기업"),
        error_messages={"invalid_choice": _("알 수 없는 기업입니다.")},
    )
    startup = django_filters.BooleanFilter(field_name="company__is_startup", label=_("새싹기업"))
    open_source = django_filters.BooleanFilter(method="filter_open_source", label=_("오픈소스"))

    class Meta:
        model = Solution
        fields = ["search", "domain", "type", "price_band", "has_reference", "province", "company"]

    def filter_search(self, queryset, name, value):
        # Pages and the API rank through search.catalogue; this keeps the plain queryset consistent.
        return queryset.filter(pk__in=matching_ids(value))

    def filter_price_band(self, queryset, name, value):
        low, high = PriceBand.bounds(value)
        queryset = queryset.filter(price_min__gte=low)
        return queryset.filter(price_min__lt=high) if high is not None else queryset

    def filter_has_reference(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(has_reference=value)

    def filter_province(self, queryset, name, value):
        return queryset.filter(references__municipality__province=value).distinct()

    def filter_open_source(self, queryset, name, value):
        if value is None:
            return queryset
        condition = ~Q(open_source_license="")
        return queryset.filter(condition) if value else queryset.exclude(condition)
