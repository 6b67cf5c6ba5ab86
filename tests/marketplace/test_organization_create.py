import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.models import Membership, MembershipRole, MembershipStatus, Organization, OrganizationKind
from marketplace.services import organization_create
from tests.factories import UserFactory, valid_business_number

pytestmark = pytest.mark.django_db


def test_company_creator_becomes_active_admin():
    user = UserFactory()
    org = organization_create(actor=user, kind="company", name="(주)파크뷰", business_number="220-81-62517")
    assert org.business_number == "2208162517"
    membership = Membership.objects.get(user=user, organization=org)
    assert (membership.role, membership.status) == (MembershipRole.ADMIN, MembershipStatus.ACTIVE)


def test_invalid_business_number_is_refused_and_nothing_is_written():
    with pytest.raises(ValidationError) as exc:
        organization_create(actor=UserFactory(), kind="company", name="(주)오류", business_number="220-81-62518")
    assert "business_number" in exc.value.message_dict
    assert not Organization.objects.filter(name="(주)오류").exists()


def test_company_needs_a_business_number():
    with pytest.raises(ValidationError) as exc:
        organization_create(actor=UserFactory(), kind="company", name="(주)무번호")
    assert "사업자등록번호" in exc.value.message_dict["business_number"][0]


def test_duplicate_business_number_points_to_joining():
    number = valid_business_number(11)
    organization_create(actor=UserFactory(), kind="company", name="(주)하나", business_number=number)
    with pytest.raises(ValidationError) as exc:
        organization_create(actor=UserFactory(), kind="company", name="(주)둘", business_number=number)
    assert "가입을 신청" in exc.value.message_dict["business_number"][0]
    assert Organization.objects.filter(business_number=number).count() == 1


def test_duplicate_name_of_same_kind_is_refused():
    organization_create(actor=UserFactory(), kind="institute", name="스마트도시연구원")
    with pytest.raises(ValidationError) as exc:
        organization_create(actor=UserFactory(), kind="institute", name="스마트도시연구원")
    assert "name" in exc.value.message_dict


def test_nobody_makes_themselves_an_operator():
    with pytest.raises(PermissionDenied):
        organization_create(actor=UserFactory(), kind=OrganizationKind.OPERATOR, name="가짜 운영기관")
    assert not Organization.objects.filter(kind=OrganizationKind.OPERATOR).exists()


def test_municipality_needs_code_matching_its_province():
    with pytest.raises(ValidationError) as exc:
        organization_create(
            actor=UserFactory(),
            kind="municipality",
            name="과천시",
            admin_code="11290",
            province="41",
            population=78000,
            city_type="existing",
        )
    assert "admin_code" in exc.value.message_dict


def test_municipality_with_complete_fields():
    org = organization_create(
        actor=UserFactory(),
        kind="municipality",
        name="과천시",
        admin_code="41290",
        province="41",
        population=78000,
        city_type="existing",
        business_number="2208162517",
    )
    assert org.admin_code == "41290"
    assert org.business_number == "", "company-only fields are dropped for municipalities"
