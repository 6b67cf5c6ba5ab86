"""Which backend answers: Elasticsearch when ``ELASTICSEARCH_URL`` is set, else the database."""

from functools import lru_cache

from django.conf import settings

from .backends.base import SearchBackend
from .backends.database import DatabaseBackend


@lru_cache(maxsize=4)
def _backend_for(url: str) -> SearchBackend:
    if url:
        from .backends.elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(url)
    return DatabaseBackend()


def get_backend() -> SearchBackend:
    return _backend_for(settings.ELASTICSEARCH_URL or "")
