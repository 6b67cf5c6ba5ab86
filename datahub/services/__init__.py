"""Writes of the data hub (keyword-only, transactional).

* ``temporal_entities_load(*, tenant, entities, batch_size=1000) -> int`` — bulk loader of the sandbox city data
  (see :mod:`datahub.services.loading`).
"""

from .loading import temporal_entities_load

__all__ = ["temporal_entities_load"]
