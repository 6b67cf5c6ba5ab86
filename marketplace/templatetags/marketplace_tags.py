"""Display helpers for the catalogue templates: money, codes → labels, breadcrumbs.

Load with ``{% load marketplace_tags %}``. Every filter is pure (no database access), so
lists stay at a constant number of queries.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marketplace.models import (
    CityType,
    DeploymentOption,
    MembershipStatus,
    OrganizationKind,
    PriceBand,
    PricingModel,
    Province,
    SmartCityStatus,
    SolutionStatus,
)

register = template.Library()

EOK = 100_000_000  # 억
MAN = 10_000  # 만


def _english() -> bool:
    return (get_language() or "ko").startswith("en")


def _as_int(value):
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _trim(number: Decimal) -> str:
    """1.20 → "1.2", 3.00 → "3", with thousands separators."""
    text = f"{number:,.2f}".rstrip("0").rstrip(".")
    return text


def _krw_amount(amount: int) -> str:
    """The number part in Korean units: 1.2억, 1,200만, 5,000."""
    if _english():
        return f"{amount:,}"
    if amount >= EOK:
        return _("%(amount)s억") % {"amount": _trim(Decimal(amount) / EOK)}
    if amount >= MAN:
        # Rounded to the nearest 만 원: 12,345,678 → "1,235만".
        rounded = int((Decimal(amount) / MAN).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
        return _("%(amount)s만") % {"amount": intcomma(rounded)}
    return intcomma(amount)


@register.filter
def krw(value):
    """12_000_000 → "1,200만 원", 120_000_000 → "1.2억 원", 5000 → "5,000원" ("KRW 12,000,000" in English).
    Amounts of 1억 and more keep up to two decimals (1.25억 원); below that they round to 만 원."""
    amount = _as_int(value)
    if amount is None:
        return ""
    if _english():
        return f"KRW {amount:,}"
    if amount >= MAN:
        return _("%(amount)s 원") % {"amount": _krw_amount(amount)}
    return _("%(amount)s원") % {"amount": intcomma(amount)}


@register.filter
def price_range(solution):
    """A solution's price: "1,200만 ~ 3,000만 원 (개소당)", "무상", or "가격 문의"."""
    low, high = _as_int(solution.price_min), _as_int(solution.price_max)
    unit = (solution.price_unit or "").strip()
    if low is None and high is None:
        if solution.pricing_model == PricingModel.FREE:
            return _("무상")
        return _("가격 문의")
    if low == 0 and (high in (None, 0)):
        text = _("무상")
    elif low is not None and high is not None and low != high:
        if _english():
            text = f"KRW {low:,} – {high:,}"
        else:
            text = _("%(low)s ~ %(high)s 원") % {"low": _krw_amount(low), "high": _krw_amount(high)}
    elif low is not None and high is None:
        text = _("%(price)s부터") % {"price": krw(low)}
    elif low is None:
        text = _("최대 %(price)s") % {"price": krw(high)}
    else:
        text = krw(low)
    return f"{text} ({unit})" if unit else text


def _label(choices, value):
    if value in (None, ""):
        return ""
    try:
        return choices(value).label
    except ValueError:
        return value


@register.filter
def province_label(code):
    """ "41" → "경기도"."""
    return _label(Province, str(code) if code is not None else code)


@register.filter
def province_labels(codes):
    """["11", "41"] → ["서울특별시", "경기도"]."""
    return [province_label(c) for c in (codes or [])]


@register.filter
def deployment_label(code):
    return _label(DeploymentOption, code)


@register.filter
def deployment_labels(codes):
    """["cloud", "saas"] → ["클라우드", "SaaS"]."""
    return [deployment_label(c) for c in (codes or [])]


@register.filter
def pricing_model_label(code):
    return _label(PricingModel, code)


@register.filter
def price_band_label(code):
    return _label(PriceBand, code)


@register.filter
def city_type_label(code):
    return _label(CityType, code)


@register.filter
def smart_city_status_label(code):
    return _label(SmartCityStatus, code)


@register.filter
def organization_kind_label(code):
    return _label(OrganizationKind, code)


@register.filter
def solution_status_label(code):
    return _label(SolutionStatus, code)


@register.filter
def solution_status_tone(code):
    """Badge tone (includes/badge.html) for a solution status."""
    return {
        SolutionStatus.DRAFT: "neutral",
        SolutionStatus.SUBMITTED: "warning",
        SolutionStatus.PUBLISHED: "success",
        SolutionStatus.RETIRED: "danger",
    }.get(code, "neutral")


@register.filter
def membership_status_tone(code):
    return {
        MembershipStatus.PENDING: "warning",
        MembershipStatus.ACTIVE: "success",
        MembershipStatus.DECLINED: "danger",
    }.get(code, "neutral")


@register.filter
def organization_kind_tone(code):
    return {
        OrganizationKind.COMPANY: "primary",
        OrganizationKind.MUNICIPALITY: "success",
        OrganizationKind.INSTITUTE: "warning",
    }.get(code, "neutral")


@register.filter
def signed_percent(value):
    """Decimal("-30.0") → "−30.0%", Decimal("12.5") → "+12.5%", None → ""."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    if number > 0:
        return f"+{number:,}%"
    if number < 0:
        return f"\u2212{-number:,}%"
    return f"{number:,}%"


@register.filter
def number(value):
    """Decimal("1240.00") → "1,240", Decimal("12.50") → "12.5" (no trailing zeros, grouped)."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return value
    text = f"{number:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@register.filter
def is_true(value):
    """A GET value of a boolean filter ("true", "1", "on", True) → True."""
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"true", "1", "on", "yes", "2"} if value is not None else False


@register.filter
def as_list(value):
    """A bound field value as a list of strings (None → [], "x" → ["x"])."""
    if value in (None, ""):
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


@register.filter
def any_code_in(types, codes):
    """True when one of ``types`` (objects with .code) has its code in ``codes``."""
    codes = set(codes or [])
    return any(t.code in codes for t in types)


@register.filter
def get_item(mapping, key):
    try:
        return mapping[key]
    except (KeyError, IndexError, TypeError):
        return None
