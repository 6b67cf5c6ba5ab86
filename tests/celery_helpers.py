"""Helpers for tests that point the Celery app at another broker for a while."""


def drop_connections(app):
    """Forget pooled broker connections so the next send uses the broker configured now.

    kombu keeps producer pools in a global registry keyed by connection; reset it too, or a later
    send gets a pool whose connections were closed here."""
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
