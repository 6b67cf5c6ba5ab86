"""factory_boy factories for the marketplace and accounts."""

import factory
from django.utils import timezone

from accounts.models import User
from marketplace.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationKind,
    OutcomeKPI,
    PricingModel,
    Reference,
    Solution,
    SolutionStatus,
    SolutionType,
)
from marketplace.validators import business_number_check_digit


def valid_business_number(n: int) -> str:
    first_nine = f"{120 + n % 800:03d}81{n % 10000:04d}"
    return first_nine + str(business_number_check_digit(first_nine))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.kr")
    name = factory.Sequence(lambda n: f"사용자{n}")
    password = factory.PostGenerationMethodCall("set_password", "pw-12345!")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    kind = OrganizationKind.COMPANY
    name = factory.Sequence(lambda n: f"(주)스마트솔루션{n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    province = "41"
    business_number = factory.Sequence(valid_business_number)


class MunicipalityFactory(OrganizationFactory):
    kind = OrganizationKind.MUNICIPALITY
    name = factory.Sequence(lambda n: f"오픈랩시{n}")
    business_number = ""
    admin_code = factory.Sequence(lambda n: f"41{n % 1000:03d}")
    population = 120_000
    city_type = "existing"


class OperatorOrgFactory(OrganizationFactory):
    kind = OrganizationKind.OPERATOR
    name = factory.Sequence(lambda n: f"운영기관{n}")
    business_number = ""


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = MembershipRole.ADMIN
    status = MembershipStatus.ACTIVE


class SolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Solution
        skip_postgeneration_save = True

    company = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"스마트 주차 안내 시스템 {n}")
    slug = factory.Sequence(lambda n: f"solution-{n}")
    summary = "실시간 주차면 점유 정보를 시민에게 제공합니다."
    description = "주차면마다 설치한 센서로 점유 여부를 수집해 데이터허브에 전달합니다."
    main_type = factory.LazyFunction(lambda: SolutionType.objects.get(code="TRN-07"))
    pricing_model = PricingModel.PER_UNIT
    price_min = 12_000_000
    price_max = 18_000_000
    price_unit = "개소당"
    status = SolutionStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def types(obj, create, extracted, **kwargs):
        if create:
            obj.types.set(extracted or [obj.main_type])


class ReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reference

    solution = factory.SubFactory(SolutionFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    year = 2023
    programme = "스마트챌린지"


class OutcomeKPIFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutcomeKPI

    reference = factory.SubFactory(ReferenceFactory)
    metric = "불법주정차 건수"
    baseline = 1200
    result = 840
    unit = "건/월"
    lower_is_better = True
