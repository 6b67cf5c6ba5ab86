"""The backend contract against a live Elasticsearch (with analysis-nori), when one is configured."""

import os
import uuid

import pytest

from .contract import BackendContract

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if not ELASTICSEARCH_URL:
    pytest.skip(
        "ELASTICSEARCH_URL is not set; the contract runs against a cluster with analysis-nori when it is",
        allow_module_level=True,
    )


class TestElasticsearchBackend(BackendContract):
    @pytest.fixture
    def backend(self):
        from search.backends.elasticsearch import ElasticsearchBackend

        backend = ElasticsearchBackend(ELASTICSEARCH_URL, alias=f"openlab-test-{uuid.uuid4().hex[:8]}")
        yield backend
        backend.client.indices.delete(index=f"{backend.alias}-*", ignore_unavailable=True)
