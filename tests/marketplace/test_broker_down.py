"""A broker outage never fails a save: the data is committed and the error is logged."""

import pytest

from marketplace.models import MembershipStatus
from marketplace.services import membership_request
from portal.celery import app
from tests.celery_helpers import drop_connections
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_join_request_is_saved_when_the_broker_is_unreachable(company, caplog):
    previous = app.conf.broker_url, app.conf.task_always_eager
    # Nothing listens on port 1; do not spend the default publish retries on it.
    app.conf.update(broker_url="redis://127.0.0.1:1/0", task_always_eager=False, task_publish_retry=False)
    drop_connections(app)
    try:
        membership = membership_request(user=UserFactory(), organization=company)
    finally:
        app.conf.update(broker_url=previous[0], task_always_eager=previous[1], task_publish_retry=True)
        drop_connections(app)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING
    assert "Error calling" in caplog.text
