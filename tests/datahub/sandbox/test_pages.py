import csv
import io
import json
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from datahub.models import AttributeInstance
from datahub.sandbox.datasets import DATASETS
from datahub.sandbox.loading import sandbox_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    return sandbox_load(start=date(2026, 11, 2), days=1)


def body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def json_script(html: str, element_id: str):
    start = html.index(f'id="{element_id}"')
    start = html.index(">", start) + 1
    return json.loads(html[start : html.index("</script>", start)])


def test_landing_page_leads_to_keys_quick_start_and_every_dataset(client, city):
    response = client.get(reverse("sandbox:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "스마트도시 데이터 샌드박스" in html
    assert reverse("datahub:keys") in html
    assert reverse("sandbox:quickstart") in html
    for dataset in DATASETS:
        assert reverse("sandbox:dataset", args=[dataset.slug]) in html
    assert "센서 531개" in html


def test_dataset_list_shows_counts_and_update_frequency(client, city):
    html = client.get(reverse("sandbox:datasets")).content.decode()
    assert "공영주차장 실시간 주차 현황" in html
    assert "<td>240</td>" in html  # parking bays
    assert "15분마다 측정값 갱신" in html


def test_dataset_page_has_description_model_sample_chart_map_snippets_and_downloads(client, city):
    response = client.get(reverse("sandbox:dataset", args=["air-quality"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "통합대기환경지수" in html
    assert "공공누리 제1유형" in html
    assert "dataModel.Environment" in html
    assert "<code>pm10</code>" in html and "µg/m³" in html
    series = json_script(html, "chart-data")
    assert series["attribute"] == "pm10" and series["unit"] == "GQ"
    assert len(series["values"]) == 96 and series["labels"][0] == "11/02 00:00"
    features = json_script(html, "map-data")["features"]
    assert len(features) == 7
    assert features[0]["geometry"]["type"] == "Point"
    assert "urn:ngsi-ld:AirQualityObserved:gwacheon:gwacheon-dong" in html
    assert "from ngsildclient import Client" in html
    assert "X-API-Key" in html and "type=AirQualityObserved" in html
    for fmt in ("csv", "geojson", "ngsi-ld"):
        assert reverse("sandbox:download", args=["air-quality", fmt]) in html


def test_chart_can_show_another_entity_and_attribute(client, city):
    url = reverse("sandbox:dataset", args=["traffic-flow"])
    entity = "urn:ngsi-ld:TrafficFlowObserved:gwacheon:jungang-ro-backward"
    html = client.get(url, {"entity": entity, "attribute": "averageVehicleSpeed"}).content.decode()
    series = json_script(html, "chart-data")
    assert series["attribute"] == "averageVehicleSpeed" and series["unit_symbol"] == "km/h"
    assert "중앙로 하행 차량검지기" in html


def test_states_are_charted_on_an_even_time_axis(client, city):
    html = client.get(reverse("sandbox:dataset", args=["parking-spots"])).content.decode()
    series = json_script(html, "chart-data")
    assert set(series["values"]) <= {"free", "occupied"}
    assert len(series["values"]) == 96


def test_unknown_chart_choices_fall_back_instead_of_failing(client, city):
    url = reverse("sandbox:dataset", args=["weather"])
    response = client.get(url, {"entity": "urn:ngsi-ld:Car:1", "attribute": "__class__"})
    assert response.status_code == 200
    series = json_script(response.content.decode(), "chart-data")
    assert series["attribute"] == "temperature"


def test_unknown_dataset_is_404(client):
    assert client.get(reverse("sandbox:dataset", args=["parking-meters"])).status_code == 404


def test_dataset_page_before_any_data_is_loaded(client):
    response = client.get(reverse("sandbox:dataset", args=["streetlights"]))
    assert response.status_code == 200
    assert "sandbox_generate" in response.content.decode()


def test_csv_download_streams_the_whole_history(client, city):
    response = client.get(reverse("sandbox:download", args=["weather", "csv"]))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="gwacheon-weather.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))
    expected = AttributeInstance.objects.filter(entity_type__endswith="WeatherObserved").exclude(observed_at=None)
    assert len(rows) == expected.count()
    first = rows[0]
    assert first["entity_id"] == "urn:ngsi-ld:WeatherObserved:gwacheon:gwacheon-dong-aws"
    assert first["name"] == "과천동 자동기상관측장비"
    temperatures = [r for r in rows if r["attribute"] == "temperature"]
    assert len(temperatures) == 2 * 96 and temperatures[0]["unit_code"] == "CEL"


def test_csv_download_of_one_attribute(client, city):
    response = client.get(reverse("sandbox:download", args=["air-quality", "csv"]), {"attribute": "no2"})
    rows = list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))
    assert len(rows) == 7 * 96 and {r["attribute"] for r in rows} == {"no2"}


def test_download_rejects_unknown_formats_and_attributes(client, city):
    assert client.get(reverse("sandbox:download", args=["weather", "xlsx"])).status_code == 404
    url = reverse("sandbox:download", args=["weather", "csv"])
    assert client.get(url, {"attribute": "shoeSize"}).status_code == 404


def test_geojson_download_is_a_feature_collection_of_current_values(client, city):
    response = client.get(reverse("sandbox:download", args=["off-street-parking", "geojson"]))
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(body(response))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 11
    lot = next(f for f in collection["features"] if f["id"].endswith(":jungang-01"))
    assert lot["geometry"]["type"] == "Point"
    assert lot["properties"]["name"] == "중앙동 공영주차장"
    assert 0 <= lot["properties"]["occupancy"] <= 1


def test_ngsi_ld_download_is_normalized_entities_with_context(client, city):
    response = client.get(reverse("sandbox:download", args=["ev-charging", "ngsi-ld"]))
    assert response["Content-Type"] == "application/ld+json"
    entities = json.loads(body(response))
    assert len(entities) == 15
    station = entities[0]
    assert station["type"] == "EVChargingStation"
    assert station["availableCapacity"]["type"] == "Property"
    assert "https://smartdatamodels.org/context.jsonld" in station["@context"]


def test_quick_start_has_copy_paste_examples_and_a_try_it_box(client):
    html = client.get(reverse("sandbox:quickstart")).content.decode()
    assert "샌드박스 빠른 시작" in html
    assert 'id="try-form"' in html and 'data-api-root="http://testserver/ngsi-ld/v1/"' in html
    assert "pip install ngsildclient" in html
    assert 'Client(hostname="testserver", port=80, secure=False' in html
    assert reverse("datahub:keys") in html and reverse("account_signup") in html


def test_pages_are_complete_in_english(client, city):
    with translation.override("en"):  # the English site lives under /en/
        landing_url, page_url = reverse("sandbox:index"), reverse("sandbox:dataset", args=["streetlights"])
        guide_url = reverse("sandbox:quickstart")
    landing = client.get(landing_url).content.decode()
    assert "Smart city data sandbox" in landing and "Public car parks: live occupancy" in landing
    page = client.get(page_url).content.decode()
    assert "Smart streetlights" in page and "Korea Open Government License Type 1" in page
    guide = client.get(guide_url).content.decode()
    assert "Sandbox quick start" in guide and "Run it now" in guide
