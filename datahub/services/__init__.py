"""Writes of the data hub (keyword-only, transactional).

* ``temporal_entities_load(*, tenant, entities, batch_size=1000) -> int`` — bulk loader of the sandbox city data
  (see :mod:`datahub.services.loading`).
* ``api_key_create(*, actor, organization, name, scopes, expires_at=None, rate_limit_per_minute=600)`` →
  ``(ApiKey, secret)``; ``api_key_revoke(*, actor, key)``; ``api_key_authenticate(secret) -> ApiKey``.
"""

from .keys import api_key_authenticate, api_key_create, api_key_revoke
from .loading import temporal_entities_load

__all__ = ["api_key_authenticate", "api_key_create", "api_key_revoke", "temporal_entities_load"]
