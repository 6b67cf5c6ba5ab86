"""Publishing a need: the matches are computed by a real Celery worker (Redis broker), after commit,
and the matching company is told in its inbox."""

import pytest

from marketplace import services
from marketplace.models import Match, Notification, NotificationKind, SolutionType
from search.services import index_rebuild
from tests.conftest import member_of
from tests.factories import MunicipalityFactory, OrganizationFactory, SolutionFactory

from .test_celery_notifications import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_publishing_a_need_has_the_worker_store_matches_and_notify(request):
    # Set up before the worker starts (see test_celery_notifications).
    city = MunicipalityFactory()
    official = member_of(city)
    company = OrganizationFactory()
    seller = member_of(company)
    solution = SolutionFactory(
        company=company, name="불법주정차 단속 카메라", main_type=SolutionType.objects.get(code="TRN-04")
    )
    index_rebuild()
    need = services.need_create(
        actor=official, municipality=city, title="불법주정차", text="도심 불법주정차로 소방차 진입이 어렵다"
    )
    request.getfixturevalue("celery_worker_on_redis")
    services.need_publish(actor=official, need=need)
    assert wait_for(lambda: Match.objects.filter(need=need, solution=solution).exists()), "no match stored"
    assert wait_for(
        lambda: Notification.objects.filter(recipient=seller, kind=NotificationKind.NEW_MATCHING_NEED).exists()
    )
