"""Notifications travel through a real broker (Redis) to a real Celery worker, after commit."""

import time

import pytest
from django.core import mail

from marketplace.services import membership_request
from tests.conftest import member_of
from tests.factories import OrganizationFactory, UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def wait_for(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_join_request_email_is_sent_by_the_worker(request):
    # Set up before the worker starts: on SQLite the test database is one shared in-memory
    # database, and two threads writing to it at once lock each other out.
    company = OrganizationFactory()
    admin = member_of(company)
    request.getfixturevalue("celery_worker_on_redis")
    mail.outbox = []
    membership_request(user=UserFactory(), organization=company, message="함께 일하고 싶습니다")
    assert wait_for(lambda: len(mail.outbox) == 1), "the worker did not send the email"
    assert mail.outbox[0].to == [admin.email]
    assert "함께 일하고 싶습니다" in mail.outbox[0].body
