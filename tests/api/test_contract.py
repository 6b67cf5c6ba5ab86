"""The API's promises: JSON shapes, filters, the one error body, token auth, the OpenAPI schema."""

import pytest
import yaml
from rest_framework.authtoken.models import Token

from marketplace.models import Organization, SolutionType
from search.services import outbox_drain
from tests.factories import OutcomeKPIFactory, ReferenceFactory, SolutionFactory, UserFactory

pytestmark = pytest.mark.django_db


def assert_error_body(response, status, code=None):
    assert response.status_code == status, response.content
    body = response.json()["error"]
    assert body["status"] == status and body["message"]
    if code:
        assert body["code"] == code
    return body


def test_taxonomy_endpoints(api):
    domains = api.get("/api/v1/domains/").json()
    assert [d["code"] for d in domains] == ["ADM", "TRN", "HLT", "ENV", "SAF", "CUL", "LOG", "PLT", "ETC"]
    assert sum(len(d["types"]) for d in domains) == 60
    types = api.get("/api/v1/solution-types/?domain=TRN").json()
    assert {"code": "TRN-04", "domain": "TRN", "name_ko": "불법주정차 단속"}.items() <= types[3].items()
    assert_error_body(api.get("/api/v1/solution-types/?domain=XXX"), 400, "invalid")


def test_solution_json_carries_codes_beside_names(api):
    solution = SolutionFactory()
    OutcomeKPIFactory(reference=ReferenceFactory(solution=solution))
    listing = api.get("/api/v1/solutions/").json()
    assert set(listing) == {"count", "next", "previous", "results"}
    item = listing["results"][0]
    assert item["main_type"] == "TRN-07"
    assert item["domain"] == {"code": "TRN", "name_ko": "교통", "name_en": "Transport"}
    assert item["types"][0]["code"] == "TRN-07" and item["types"][0]["name_ko"] == "스마트 주차"
    assert item["price_band"] == "10m_50m" and item["reference_count"] == 1
    detail = api.get(f"/api/v1/solutions/{solution.pk}/").json()
    kpi = detail["references"][0]["kpis"][0]
    assert kpi["metric"] == "불법주정차 건수" and kpi["change_percent"] == "-30.0"


def test_filters_mirror_the_catalogue_page(api, municipality):
    parking = SolutionFactory()
    ReferenceFactory(solution=parking, municipality=municipality)
    air = SolutionFactory(
        name="대기질 측정망", main_type=SolutionType.objects.get(code="ENV-01"), price_min=200_000_000, price_max=None
    )

    outbox_drain()  # search= is answered by the search index

    def ids(query):
        return {r["id"] for r in api.get(f"/api/v1/solutions/?{query}").json()["results"]}

    assert ids("domain=ENV") == {air.pk}
    assert ids("type=TRN-07") == {parking.pk}
    assert ids("price_band=100m_500m") == {air.pk}
    assert ids("has_reference=true") == {parking.pk}
    assert ids(f"province={municipality.province}") == {parking.pk}
    assert ids("search=대기질") == {air.pk}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("domain=XYZ", "domain"),
        ("type=TRN-99", "type"),
        ("price_band=cheap", "price_band"),
        ("province=99", "province"),
        ("company=no-such-company", "company"),
    ],
)
def test_unknown_filter_values_are_400_with_the_field(api, query, field):
    body = assert_error_body(api.get(f"/api/v1/solutions/?{query}"), 400, "invalid")
    assert field in body["fields"]


def test_validation_errors_name_the_field(api_as, company_user):
    body = assert_error_body(
        api_as(company_user).post("/api/v1/solutions/", {"name": "이름만"}, format="json"), 400, "invalid"
    )
    assert {"types", "summary", "description", "pricing_model"} <= set(body["fields"])


def test_service_rules_come_back_as_field_errors(api_as, company_user):
    payload = {
        "types": ["TRN-07"],
        "name": "가격 역전",
        "summary": "요약",
        "description": "설명",
        "pricing_model": "license",
        "price_min": 10,
        "price_max": 5,
    }
    body = assert_error_body(api_as(company_user).post("/api/v1/solutions/", payload, format="json"), 400)
    assert "price_max" in body["fields"]


def test_organization_create_with_bad_business_number(api_as):
    user = UserFactory()
    payload = {"kind": "company", "name": "(주)검증", "business_number": "220-81-62518"}
    body = assert_error_body(api_as(user).post("/api/v1/organizations/", payload, format="json"), 400)
    assert "검증번호" in body["fields"]["business_number"][0]
    assert not Organization.objects.filter(name="(주)검증").exists()


def test_organization_create_and_duplicate(api_as):
    payload = {"kind": "company", "name": "(주)검증", "business_number": "220-81-62517", "is_startup": True}
    created = api_as(UserFactory()).post("/api/v1/organizations/", payload, format="json")
    assert created.status_code == 201 and created.json()["business_number"] == "2208162517"
    again = api_as(UserFactory()).post("/api/v1/organizations/", {**payload, "name": "(주)다른"}, format="json")
    assert "가입을 신청" in assert_error_body(again, 400)["fields"]["business_number"][0]


def test_operator_kind_is_forbidden_for_normal_users(api_as):
    response = api_as(UserFactory()).post("/api/v1/organizations/", {"kind": "operator", "name": "가짜"}, format="json")
    assert_error_body(response, 403, "permission_denied")


def test_not_authenticated_body(api):
    assert_error_body(api.post("/api/v1/solutions/", {}, format="json"), 401, "not_authenticated")


def test_conflict_body(api_as, operator_user):
    solution = SolutionFactory()
    body = assert_error_body(api_as(operator_user).post(f"/api/v1/solutions/{solution.pk}/publish/"), 409)
    assert body["code"] == "invalid_transition"


def test_token_auth(api):
    user = UserFactory(email="script@example.kr")
    response = api.post("/api/v1/auth/token/", {"username": "script@example.kr", "password": "pw-12345!"})
    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=user).key
    api.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    payload = {"types": ["TRN-07"], "name": "n", "summary": "s", "description": "d", "pricing_model": "license"}
    assert api.post("/api/v1/solutions/", payload, format="json").status_code == 403  # signed in, not a company
    bad = api.post("/api/v1/auth/token/", {"username": "script@example.kr", "password": "wrong"})
    assert_error_body(bad, 400, "invalid")


def test_english_messages_on_request(api):
    response = api.get("/api/v1/solutions/?domain=XYZ", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "Unknown domain code" in response.json()["error"]["fields"]["domain"][0]


def test_openapi_schema_documents_every_operation(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    paths = schema["paths"]
    for path, method in [
        ("/api/v1/domains/", "get"),
        ("/api/v1/solution-types/", "get"),
        ("/api/v1/organizations/", "post"),
        ("/api/v1/solutions/", "post"),
        ("/api/v1/solutions/{id}/", "patch"),
        ("/api/v1/solutions/{id}/", "delete"),
        ("/api/v1/solutions/{id}/submit/", "post"),
        ("/api/v1/solutions/{id}/publish/", "post"),
        ("/api/v1/auth/token/", "post"),
    ]:
        assert method in paths[path], f"{method.upper()} {path} missing from the schema"
    assert "Error" in schema["components"]["schemas"]
    assert "409" in paths["/api/v1/solutions/{id}/publish/"]["post"]["responses"]


def test_swagger_ui_is_served_locally(client):
    page = client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/" in page
    assert "cdn" not in page.lower()


def test_company_records_a_reference_with_kpis(api_as, company, company_user, other_company_user, municipality):
    solution = SolutionFactory(company=company)
    payload = {
        "municipality": municipality.slug,
        "year": 2022,
        "programme": "스마트챌린지",
        "kpis": [{"metric": "불법주정차 건수", "baseline": "1200", "result": "840", "lower_is_better": True}],
    }
    url = f"/api/v1/solutions/{solution.pk}/references/"
    assert api_as(other_company_user).post(url, payload, format="json").status_code == 403
    response = api_as(company_user).post(url, payload, format="json")
    assert response.status_code == 201
    assert response.json()["kpis"][0]["change_percent"] == "-30.0"
    body = assert_error_body(api_as(company_user).post(url, {**payload, "year": 2099}, format="json"), 400)
    assert "year" in body["fields"]
