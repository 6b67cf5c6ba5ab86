"""@context sources: preloaded files, remote contexts fetched once and kept, Smart Data Models offline."""

import json

import pytest

from datahub import ldcontext
from datahub.models import StoredContext


@pytest.fixture(autouse=True)
def _fresh_context_caches():
    for cached in (ldcontext._preloaded, ldcontext._terms_for_url, ldcontext._resolve_cached):
        cached.cache_clear()
    yield
    for cached in (ldcontext._preloaded, ldcontext._terms_for_url, ldcontext._resolve_cached):
        cached.cache_clear()


def test_preloaded_context_file(settings, tmp_path):
    (tmp_path / "city.jsonld").write_text(
        json.dumps(
            {
                "@id": "https://contexts.gwacheon.example/city.jsonld",
                "@context": {"gc": "https://gwacheon.example/ns#", "busLine": "gc:busLine"},
            }
        ),
        encoding="utf-8",
    )
    settings.DATAHUB_CONTEXT_DIR = str(tmp_path)
    ctx = ldcontext.resolve("https://contexts.gwacheon.example/city.jsonld")
    assert ctx.expand("busLine") == "https://gwacheon.example/ns#busLine"
    assert ctx.compact("https://gwacheon.example/ns#busLine") == "busLine"
    assert ctx.expand("value") == ldcontext.NGSI_LD + "hasValue"  # the core context always applies


@pytest.mark.django_db
def test_remote_context_is_fetched_once_and_kept(monkeypatch):
    calls = []

    class Answer:
        def raise_for_status(self):
            pass

        def json(self):
            return {"@context": {"ex": "https://example.org/ns#", "speed": "ex:speed"}}

    def fake_get(url, **kwargs):
        calls.append(url)
        return Answer()

    import requests

    monkeypatch.setattr(requests, "get", fake_get)
    url = "https://example.org/context.jsonld"
    assert ldcontext.resolve(url).expand("speed") == "https://example.org/ns#speed"
    assert StoredContext.objects.get(url=url).document["@context"]["speed"] == "ex:speed"
    for cached in (ldcontext._terms_for_url, ldcontext._resolve_cached):
        cached.cache_clear()
    assert ldcontext.resolve(url).expand("speed") == "https://example.org/ns#speed"
    assert calls == [url]


def test_smart_data_models_terms_offline():
    sdm = ldcontext.sandbox()
    assert sdm.expand("ParkingSpot") == "https://smartdatamodels.org/dataModel.Parking/ParkingSpot"
    assert sdm.expand("pm10").startswith("https://smartdatamodels.org/")
    subject = ldcontext.resolve(
        "https://raw.githubusercontent.com/smart-data-models/dataModel.Parking/master/context.jsonld"
    )
    assert subject.expand("ParkingSpot") == sdm.expand("ParkingSpot")
    assert ldcontext.core().expand("ParkingSpot") == ldcontext.DEFAULT_VOCAB + "ParkingSpot"


@pytest.mark.parametrize("value", [42, ["not a url"], 3.5])
def test_bad_context_values(value):
    from datahub.errors import BadRequestData

    with pytest.raises(BadRequestData):
        ldcontext.resolve(value)
