"""The Elasticsearch backend against a real cluster with analysis-nori (docker compose's `elasticsearch`).

Runs only when ELASTICSEARCH_URL is set; each test builds its own uniquely named index and removes it.
"""

import os
import uuid

import pytest

from search.backends.base import IndexDocument, SearchQuery
from search.backends.elasticsearch import ElasticsearchBackend

if not os.environ.get("ELASTICSEARCH_URL"):
    pytest.skip(
        "ELASTICSEARCH_URL is not set; live Elasticsearch tests need a cluster with analysis-nori",
        allow_module_level=True,
    )

PARKING = IndexDocument(
    kind="solution",
    object_id=1,
    title="스마트 주차장 안내 시스템",
    title_en="Smart Parking Guidance",
    summary="빈 주차면을 실시간으로 안내합니다",
    body="주차 센서 IoT 파킹 관제",
    url="/solutions/1/",
    facets={"domain": ["mobility"], "type": ["parking"], "startup": ["false"], "has_reference": ["true"]},
    boost=1.15,
)
SHELTER = IndexDocument(
    kind="solution",
    object_id=2,
    title="무더위 스마트셸터",
    title_en="Smart Bus Shelter",
    summary="버스정류장에서 폭염을 피하는 냉난방 셸터",
    body="폭염 쉼터 냉방",
    url="/solutions/2/",
    facets={"domain": ["living"], "type": ["shelter"], "startup": ["true"], "has_reference": ["false"]},
)
AIR = IndexDocument(
    kind="solution",
    object_id=3,
    title="미세먼지 측정 스마트폴",
    title_en="Air Quality Smart Pole",
    summary="대기질 센서와 가로등을 하나로",
    body="PM10 PM2.5 센서",
    url="/solutions/3/",
    facets={"domain": ["environment"], "type": ["pole"], "startup": ["true"], "has_reference": ["false"]},
)
ENFORCEMENT = IndexDocument(
    kind="solution",
    object_id=4,
    title="불법 주정차 단속 CCTV",
    title_en="Illegal Parking Enforcement",
    summary="주정차 위반 차량을 자동으로 단속합니다",
    body="영상 분석 번호판 인식",
    url="/solutions/4/",
    facets={"domain": ["mobility"], "type": ["enforcement"], "startup": ["true"], "has_reference": ["false"]},
)
COMPANY = IndexDocument(
    kind="organization",
    object_id=9,
    title="스마트시티랩",
    title_en="Smart City Lab",
    summary="도시 데이터 플랫폼 기업",
    url="/organizations/9/",
    facets={"kind": ["company"], "startup": ["true"]},
)
DOCUMENTS = [PARKING, SHELTER, AIR, ENFORCEMENT, COMPANY]


@pytest.fixture
def backend():
    backend = ElasticsearchBackend(os.environ["ELASTICSEARCH_URL"], alias=f"openlab-test-{uuid.uuid4().hex[:12]}")
    yield backend
    for index in backend.client.indices.get(index=f"{backend.alias}-*", expand_wildcards="all").body:
        backend.client.indices.delete(index=index)


@pytest.fixture
def loaded(backend):
    assert backend.rebuild(DOCUMENTS) == len(DOCUMENTS)
    return backend


def keys(results):
    return [(hit.kind, hit.object_id) for hit in results.hits]


def test_a_particle_does_not_stop_the_match(loaded):
    results = loaded.search(SearchQuery(text="주차장을"))

    assert keys(results)[0] == ("solution", 1)
    assert "<mark>" in results.hits[0].highlight_title


def test_spelling_variants_are_synonyms(loaded):
    assert ("solution", 2) in keys(loaded.search(SearchQuery(text="쉘터")))
    assert ("solution", 3) in keys(loaded.search(SearchQuery(text="미세 먼지")))


def test_english_and_latin_typos(loaded):
    assert keys(loaded.search(SearchQuery(text="smart parking")))[0] == ("solution", 1)
    results = loaded.search(SearchQuery(text="smart parkng"))
    assert keys(results)[0] == ("solution", 1)
    assert results.suggestion == "smart parking"


def test_facet_counts_keep_other_values_of_a_chosen_facet(loaded):
    browse = loaded.search(SearchQuery())
    assert browse.total == 4
    assert browse.facets["domain"] == [("mobility", 2), ("environment", 1), ("living", 1)]
    assert browse.facets["startup"] == [("true", 3), ("false", 1)]
    assert keys(browse)[0] == ("solution", 1)  # referenced: boosted when nothing else tells them apart

    mobility = loaded.search(SearchQuery(filters={"domain": ("mobility",)}))
    assert sorted(keys(mobility)) == [("solution", 1), ("solution", 4)]
    assert mobility.facets["domain"] == [("mobility", 2), ("environment", 1), ("living", 1)]
    assert mobility.facets["startup"] == [("false", 1), ("true", 1)]


def test_suggest_completes_names_of_every_kind(loaded):
    suggestions = loaded.suggest("스마", limit=10)

    assert {s.text for s in suggestions} == {PARKING.title, SHELTER.title, AIR.title, COMPANY.title}
    assert len(loaded.suggest("스마", limit=2)) == 2


def test_rebuild_swaps_the_alias_and_drops_the_old_index(loaded):
    (before,) = loaded.client.indices.get_alias(name=loaded.alias).body

    assert loaded.rebuild([PARKING]) == 1

    (after,) = loaded.client.indices.get_alias(name=loaded.alias).body
    assert after != before
    assert not loaded.client.indices.exists(index=before)
    assert loaded.search(SearchQuery()).total == 1


def test_index_and_delete_are_searchable_after_refresh(loaded):
    loaded.index([IndexDocument(kind="solution", object_id=5, title="자율주행셔틀 운행", url="/solutions/5/")])
    loaded.client.indices.refresh(index=loaded.alias)
    assert keys(loaded.search(SearchQuery(text="셔틀"))) == [("solution", 5)]

    assert loaded.delete("solution", [5, 404]) == 1
    loaded.client.indices.refresh(index=loaded.alias)
    assert loaded.search(SearchQuery(text="셔틀")).total == 0
