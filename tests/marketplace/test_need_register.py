"""Registering a need: inferred types, warnings, and every bad input the issue lists."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace import need_selectors, services
from marketplace.models import NeedStatus, SolutionType

pytestmark = pytest.mark.django_db


def _create(user, municipality, **data):
    data.setdefault("title", "불법주정차 문제")
    data.setdefault("text", "도심 불법주정차로 소방차 진입이 어렵습니다.")
    return services.need_create(actor=user, municipality=municipality, **data)


def test_types_are_inferred_from_the_text_when_missing(municipality, municipality_user):
    need = _create(municipality_user, municipality)
    assert need.status == NeedStatus.DRAFT
    assert need.inferred_types[0] == "TRN-04"
    assert need.domain.code == "TRN"
    assert list(need.types.all()) == []


def test_chosen_types_win_over_inference(municipality, municipality_user):
    need = _create(municipality_user, municipality, types=[SolutionType.objects.get(code="TRN-07")])
    assert need.inferred_types == []
    assert need_selectors.need_type_codes(need) == ["TRN-07"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("budget_krw", -5, "0원보다 커야"),
        ("budget_krw", 0, "0원보다 커야"),
        ("budget_krw", 5_000_000_000_000, "비현실적으로 큽니다"),
        ("text", "   ", "문제를 설명해"),
        ("title", "", "제목을 입력"),
        ("sites", 0, "대상 개소 수"),
        ("must_haves", ["teleport"], "알 수 없는 필수 요건"),
        ("site_points", [[0, 0]], "대한민국 안"),
        ("city_type", "metropolis", "알 수 없는 도시 유형"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(municipality, municipality_user, field, value, message):
    with pytest.raises(ValidationError) as exc:
        _create(municipality_user, municipality, **{field: value})
    assert message in " ".join(exc.value.message_dict[field])


def test_types_that_contradict_the_text_warn_but_do_not_block(municipality, municipality_user):
    need = _create(
        municipality_user,
        municipality,
        title="어린이집 주변 대기질 정보",
        text="미세먼지가 심해 어린이집 주변 대기질을 알고 싶습니다.",
        types=[SolutionType.objects.get(code="TRN-04")],
    )
    assert need.pk
    warnings = need_selectors.need_warnings(need)
    assert len(warnings) == 1 and "불법주정차 단속" in warnings[0]


def test_only_the_citys_members_register_needs(municipality, company_user):
    with pytest.raises(PermissionDenied):
        _create(company_user, municipality)


def test_a_company_cannot_post_a_need(company, company_user):
    with pytest.raises(ValidationError):
        _create(company_user, company)
