"""Who sees and does what with needs and proposals (issue #5, permissions matrix)."""

import pytest

from marketplace import need_selectors, services
from marketplace.models import NeedVisibility
from tests.conftest import member_of
from tests.factories import MunicipalityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def visible(user):
    return set(need_selectors.need_list(user=user).values_list("pk", flat=True))


@pytest.fixture
def proposal(published_need, company, company_user, parking_solution):
    return services.proposal_submit(
        actor=company_user,
        need=published_need,
        company=company,
        solution=parking_solution,
        price_krw=200_000_000,
        schedule="6개월",
        approach="이동식 카메라",
    )


def test_a_city_cannot_see_other_cities_drafts(need, municipality_user, anonymous_user, company_user):
    other_city_user = member_of(MunicipalityFactory())
    assert need.pk in visible(municipality_user)
    assert need.pk not in visible(other_city_user)
    assert need.pk not in visible(company_user)
    assert need.pk not in visible(anonymous_user)


def test_published_public_needs_are_visible_to_everyone(published_need, anonymous_user, company_user):
    assert published_need.pk in visible(anonymous_user)
    assert published_need.pk in visible(company_user)


def test_invited_only_needs_are_invisible_to_others(
    need, municipality_user, company, company_user, other_company_user, anonymous_user
):
    need.visibility = NeedVisibility.INVITED
    need.save()
    services.need_publish(actor=municipality_user, need=need)
    assert need.pk not in visible(company_user)
    services.invitation_create(actor=municipality_user, need=need, company=company)
    assert need.pk in visible(company_user)
    assert need.pk not in visible(other_company_user)
    assert need.pk not in visible(anonymous_user)


def test_uninvited_company_cannot_propose_to_an_invited_only_need(
    need, municipality_user, other_company, other_company_user, shelter_solution
):
    need.visibility = NeedVisibility.INVITED
    need.save()
    services.need_publish(actor=municipality_user, need=need)
    with pytest.raises(services.needs.PermissionDenied):
        services.proposal_submit(
            actor=other_company_user,
            need=need,
            company=other_company,
            solution=shelter_solution,
            price_krw=1,
            schedule="x",
            approach="x",
        )


def test_proposals_are_visible_only_to_the_city_and_the_proposer(
    proposal, published_need, municipality_user, company_user, other_company_user, operator_user, anonymous_user
):
    def sees(user):
        return proposal in need_selectors.proposals_for(user=user, need=published_need)

    assert sees(municipality_user)
    assert sees(company_user)
    assert not sees(other_company_user)
    assert not sees(operator_user)
    assert not sees(anonymous_user)
    assert not sees(member_of(MunicipalityFactory()))
    assert not sees(member_of(OrganizationFactory()))


def test_only_the_city_manages_its_need(published_need, company_user, other_company_user):
    other_city_user = member_of(MunicipalityFactory())
    for user in (company_user, other_company_user, other_city_user):
        with pytest.raises(services.needs.PermissionDenied):
            services.need_update(actor=user, need=published_need, title="바꿈")
        with pytest.raises(services.needs.PermissionDenied):
            services.invitation_create(actor=user, need=published_need, company=published_need.municipality)
