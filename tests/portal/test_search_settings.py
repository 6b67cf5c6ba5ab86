"""Page search uses the database backend unless an Elasticsearch cluster is configured."""

import importlib

import pytest

import portal.settings.base as base


@pytest.mark.parametrize(
    "url,backend",
    [("", "wagtail.search.backends.database"), ("http://es:9200", "wagtail.search.backends.elasticsearch8")],
)
def test_page_search_backend_follows_elasticsearch_url(monkeypatch, url, backend):
    monkeypatch.setenv("ELASTICSEARCH_URL", url)
    try:
        settings = importlib.reload(base)
        assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == backend
        importlib.import_module(backend)
    finally:
        monkeypatch.delenv("ELASTICSEARCH_URL")
        importlib.reload(base)
