"""Issue #6's story in a real browser: a new startup signs up, opens the Sandbox, creates an API key and
gets its first NGSI-LD query result with it; a dataset page draws its chart and map (map tiles unreachable,
as on these offline machines)."""

import json
import re
from datetime import date

import pytest

from datahub.sandbox.loading import sandbox_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sandbox_city(settings):
    # Port 9 (discard) refuses at once: the map must still draw its markers.
    settings.SANDBOX_MAP_TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"
    return sandbox_load(start=date(2026, 11, 2), days=1)


def test_startup_signs_up_creates_a_key_and_runs_its_first_query(live_server, new_page, sandbox_city):
    page = new_page()
    page.goto(f"{live_server.url}/")
    page.locator("#krds-header .krds-main-menu").get_by_role("link", name="샌드박스").click()
    page.wait_for_url(re.compile(r"/sandbox/$"))
    assert page.get_by_role("heading", name="스마트도시 데이터 샌드박스").is_visible()

    page.locator(".sandbox-steps").get_by_role("link", name="회원가입").click()
    page.fill("input[name=email]", "dev@nanum-parking.example")
    page.fill("input[name=password1]", "Sandbox-2026-pass")
    page.fill("input[name=password2]", "Sandbox-2026-pass")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/onboarding/$"))
    page.select_option("select[name=org-kind]", "company")
    page.fill("input[name=org-name]", "주차나눔랩 주식회사")
    page.fill("input[name=org-business_number]", "220-81-62517")
    page.locator("label[for=id_org-is_startup]").click()  # KRDS draws the checkbox on its label
    assert page.is_checked("input[name=org-is_startup]")
    page.locator("#org-create-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/dashboard/$"))

    page.locator("#krds-header .krds-main-menu").get_by_role("link", name="샌드박스").click()
    page.locator("#sandbox-keys-link").click()
    page.fill("input[name=name]", "주차 안내 앱 개발 서버")
    page.locator("#api-key-form button[type=submit]").click()
    key = page.locator("#api-key-value").inner_text().strip()
    assert len(key) > 20

    page.goto(f"{live_server.url}/sandbox/")
    page.locator("#sandbox-quickstart-link").click()
    page.wait_for_url(re.compile(r"/sandbox/quickstart/$"))
    page.fill("#try-key", key)
    page.locator("#try-run").click()
    page.wait_for_function("document.getElementById('try-status').dataset.status !== undefined")
    assert page.locator("#try-status").get_attribute("data-status") == "200"
    lots = json.loads(page.locator("#try-result").inner_text())
    assert len(lots) == 3
    assert all(lot["type"] == "OffStreetParking" and 0 <= lot["occupancy"] <= 1 for lot in lots)
    assert lots[0]["id"].startswith("urn:ngsi-ld:OffStreetParking:gwacheon:")

    page.select_option("#try-preset", label="과천역 500m 안의 주차장")
    page.locator("#try-run").click()
    page.wait_for_function("document.querySelector('#try-result code').textContent.includes('과천역 공영주차장')")
    nearby = json.loads(page.locator("#try-result").inner_text())
    assert {lot["name"] for lot in nearby} >= {"과천역 공영주차장"}

    # The same key from the browser's own request context; without it the hub says 401.
    api = f"{live_server.url}/ngsi-ld/v1/entities"
    link = '<https://smartdatamodels.org/context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"'
    headers = {"X-API-Key": key, "Link": link}
    answer = page.request.get(api, params={"type": "ParkingSpot", "limit": "2"}, headers=headers)
    assert answer.status == 200 and len(answer.json()) == 2
    assert page.request.get(api, params={"type": "ParkingSpot"}).status == 401

    page.fill("#try-key", "not-a-real-key")
    page.locator("#try-run").click()
    page.wait_for_function("document.getElementById('try-status').dataset.status === '401'")


def test_dataset_page_draws_a_chart_and_a_map_without_map_tiles(live_server, new_page, sandbox_city):
    page = new_page()
    page.goto(f"{live_server.url}/sandbox/datasets/")
    page.get_by_role("link", name="공영주차장 실시간 주차 현황").click()
    page.wait_for_url(re.compile(r"/sandbox/datasets/off-street-parking/$"))
    page.wait_for_function("document.getElementById('dataset-chart').dataset.points === '96'")
    assert page.evaluate("Chart.getChart(document.getElementById('dataset-chart')).data.labels[0]") == "11/02 00:00"
    page.wait_for_function("document.getElementById('dataset-map').dataset.markers === '11'")
    assert page.locator("#dataset-map path.leaflet-interactive").count() == 11

    page.select_option("#chart-attribute", "availableSpotNumber")
    page.locator(".sandbox-chart-form button[type=submit]").click()
    # The previous chart also had 96 points: wait for the new series itself, not for a point count.
    page.wait_for_function(
        "(Chart.getChart(document.getElementById('dataset-chart'))?.data.datasets[0].label || '')"
        ".includes('availableSpotNumber')"
    )
    assert page.evaluate("document.getElementById('dataset-chart').dataset.points") == "96"
    page.locator("#dataset-map path.leaflet-interactive").first.click()
    assert page.locator(".leaflet-popup-content code").inner_text().startswith("urn:ngsi-ld:OffStreetParking:")
