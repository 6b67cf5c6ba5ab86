import os

import pytest
import redis

from tests.celery_helpers import drop_connections
from tests.conftest import unavailable

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture(scope="session")
def redis_url():
    try:
        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as exc:
        unavailable(f"Redis is not reachable at {REDIS_TEST_URL} ({exc}); set REDIS_TEST_URL to run this test")
    return REDIS_TEST_URL


@pytest.fixture
def celery_worker_on_redis(redis_url):
    """A real Celery worker (solo pool, in a thread) consuming from Redis."""
    from celery.contrib.testing.worker import start_worker

    from portal.celery import app

    redis.Redis.from_url(redis_url).flushdb()
    previous = {key: app.conf[key] for key in ("broker_url", "task_always_eager", "broker_transport_options")}
    app.conf.update(broker_url=redis_url, task_always_eager=False, broker_transport_options={})
    drop_connections(app)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
            yield worker
    finally:
        app.conf.update(previous)
        drop_connections(app)
