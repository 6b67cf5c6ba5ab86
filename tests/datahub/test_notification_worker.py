"""A notification travels through a real broker (Redis) to a real Celery worker, which retries with back-off
after the subscriber's first answer is a 500."""

import pytest

from tests.integration.conftest import celery_worker_on_redis, redis_url  # noqa: F401 (fixtures)

from .conftest import spot
from .receivers import HttpReceiver
from .test_subscriptions import ID, subscribe, subscription

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_worker_retries_then_delivers(request, ngsi):
    ngsi.post("entities", spot(1))
    with HttpReceiver(statuses=[500]) as receiver:
        sub_id = subscribe(ngsi, subscription(receiver.url))
        # Set up before the worker starts: the SQLite test database is shared in memory between threads.
        request.getfixturevalue("celery_worker_on_redis")
        ngsi.patch(f"entities/{ID}/attrs/status", {"value": "occupied"})
        requests = receiver.wait(2, timeout=30)
    assert len(requests) == 2
    assert requests[1]["body"]["data"][0]["status"] == "occupied"
    log = ngsi.get(f"subscriptions/{sub_id}/deliveries").json()
    assert log[0]["status"] == "sent" and log[0]["attempts"] == 2
