"""Which facet values exist, so an unknown filter value gets a clear 400 instead of no results."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from marketplace.models import Domain, Organization, PriceBand, Province, SolutionType

BOOLEAN_VALUES = ("true", "false")


def _known(facet: str, values: tuple[str, ...]) -> set[str]:
    if facet == "domain":
        return set(Domain.objects.filter(code__in=values).values_list("code", flat=True))
    if facet == "type":
        return set(SolutionType.objects.filter(code__in=values).values_list("code", flat=True))
    if facet == "company":
        return set(Organization.objects.filter(slug__in=values).values_list("slug", flat=True))
    if facet == "price_band":
        return set(PriceBand.values)
    if facet == "province":
        return set(Province.values)
    return set(BOOLEAN_VALUES)


def validate_facet_values(filters: dict[str, tuple[str, ...]]) -> None:
    errors = {}
    for facet, values in filters.items():
        unknown = sorted(set(values) - _known(facet, values))
        if unknown:
            errors[facet] = [_("알 수 없는 값입니다: %(values)s") % {"values": ", ".join(unknown)}]
    if errors:
        raise ValidationError(errors)
