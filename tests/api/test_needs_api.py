"""The needs, matching, proposals and awards API: shapes, the one error body, permissions."""

from datetime import timedelta

import pytest
import yaml
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from marketplace.models import NeedStatus
from tests.conftest import member_of
from tests.factories import MunicipalityFactory, OrganizationFactory
from tests.need_fixtures import *  # noqa: F403 - fixtures for needs, matching and procurement

pytestmark = pytest.mark.django_db

NEEDS = "/api/v1/needs/"


def as_user(user):
    """A client of its own per user (``api_as`` shares one client, so two users would overwrite each other)."""
    client = APIClient()
    client.force_authenticate(user)
    return client


def error(response, status, code=None):
    assert response.status_code == status, response.content
    body = response.json()["error"]
    assert body["status"] == status and body["message"]
    if code:
        assert body["code"] == code, body
    return body


def test_city_registers_a_need_and_sees_inferred_types(api_as, municipality_user):
    response = api_as(municipality_user).post(
        NEEDS,
        {
            "title": "불법주정차",
            "text": "도심 불법주정차로 소방차 진입이 어렵다",
            "budget_krw": 300_000_000,
            "sites": 6,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft" and body["inferred_types"][0] == "TRN-04" and body["types"] == []
    assert body["municipality"]["slug"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"budget_krw": -300}, "budget_krw"),
        ({"budget_krw": 10**15}, "budget_krw"),
        ({"text": ""}, "text"),
        ({"sites": 0}, "sites"),
        ({"must_haves": ["wormhole"]}, "must_haves"),
        ({"types": ["XXX-99"]}, "types"),
    ],
)
def test_bad_need_input_gets_the_error_body(api_as, municipality_user, payload, field):
    data = {"title": "제목", "text": "불법주정차 문제", **payload}
    body = error(api_as(municipality_user).post(NEEDS, data, format="json"), 400, "invalid")
    assert field in body["fields"]


def test_contradicting_types_are_a_warning_not_an_error(api_as, municipality_user):
    response = api_as(municipality_user).post(
        NEEDS,
        {"title": "대기질", "text": "미세먼지로 어린이집 대기질이 걱정된다", "types": ["TRN-04"]},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["warnings"]


def test_only_municipality_members_create_needs(api, api_as, company_user):
    error(api.post(NEEDS, {"title": "a", "text": "b"}, format="json"), 401)
    error(api_as(company_user).post(NEEDS, {"title": "a", "text": "b"}, format="json"), 403)


def test_publish_and_matches(api_as, need, municipality_user, indexed, parking_solution, shelter_solution):
    client = api_as(municipality_user)
    response = client.post(f"{NEEDS}{need.pk}/publish/")
    assert response.status_code == 200 and response.json()["status"] == NeedStatus.PUBLISHED
    error(client.post(f"{NEEDS}{need.pk}/publish/"), 409, "invalid_transition")
    body = client.get(f"{NEEDS}{need.pk}/matches/").json()
    assert body["types_inferred"] is True and body["weights_version"]
    first = body["results"][0]
    assert set(first) == {"solution", "score", "factors", "excluded_reason"}
    assert first["solution"]["id"] == parking_solution.pk and first["excluded_reason"] == ""
    assert {"name", "value", "weight", "reason"} == set(first["factors"][0])
    assert all(r["excluded_reason"] == "" for r in body["results"] if r["solution"]["id"] == parking_solution.pk)


def test_other_cities_cannot_read_matches_or_drafts(api_as, need):
    other = member_of(MunicipalityFactory())
    error(api_as(other).get(f"{NEEDS}{need.pk}/"), 404)
    error(api_as(other).get(f"{NEEDS}{need.pk}/matches/"), 404)


def test_quick_match_for_anonymous_visitors_saves_nothing(api, indexed, parking_solution):
    cache.clear()
    response = api.post("/api/v1/matching/preview/", {"text": "불법 주정차 때문에 소방차가 못 들어가요"}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["results"][0]["solution"]["id"] == parking_solution.pk
    assert body["type_codes"] == ["TRN-04"]
    error(api.post("/api/v1/matching/preview/", {"text": "  "}, format="json"), 400, "invalid")
    error(api.post("/api/v1/matching/preview/", {"text": "주차", "budget_krw": -1}, format="json"), 400, "invalid")
    from marketplace.models import Need

    assert not Need.objects.exists()


def test_quick_match_is_rate_limited(api):
    cache.clear()
    statuses = [api.post("/api/v1/matching/preview/", {"text": ""}, format="json").status_code for _ in range(31)]
    assert statuses[:30] == [400] * 30
    body = error(api.post("/api/v1/matching/preview/", {"text": "주차"}, format="json"), 429, "throttled")
    assert body["message"]
    cache.clear()


def _propose(client, need, solution, **extra):
    data = {"solution": solution.pk, "price_krw": 250_000_000, "schedule": "6개월", "approach": "구역별 배치"}
    return client.post(f"{NEEDS}{need.pk}/proposals/", {**data, **extra}, format="json")


def test_proposal_and_award_flow_with_every_refusal(
    api_as, published_need, municipality_user, company_user, parking_solution
):
    company = as_user(company_user)
    response = _propose(company, published_need, parking_solution)
    assert response.status_code == 201, response.content
    proposal = response.json()["id"]
    error(_propose(company, published_need, parking_solution), 409, "duplicate_proposal")
    city = as_user(municipality_user)
    error(city.post(f"/api/v1/proposals/{proposal}/award/", {"reason": "좋음"}, format="json"), 409, "not_shortlisted")
    error(company.post(f"/api/v1/proposals/{proposal}/shortlist/", {}, format="json"), 403)
    assert city.post(f"/api/v1/proposals/{proposal}/shortlist/", {}, format="json").status_code == 200
    error(company.post(f"/api/v1/proposals/{proposal}/award/", {"reason": "셀프"}, format="json"), 403)
    error(city.post(f"/api/v1/proposals/{proposal}/award/", {"reason": ""}, format="json"), 400, "invalid")
    response = city.post(f"/api/v1/proposals/{proposal}/award/", {"reason": "성과 검증"}, format="json")
    assert response.status_code == 201 and response.json()["proposal"]["status"] == "awarded"
    error(city.post(f"/api/v1/proposals/{proposal}/award/", {"reason": "또"}, format="json"), 409, "already_awarded")


def test_proposal_after_deadline_is_409(api_as, published_need, company_user, parking_solution):
    published_need.proposal_deadline = timezone.now() - timedelta(hours=1)
    published_need.save()
    error(_propose(api_as(company_user), published_need, parking_solution), 409, "deadline_passed")


def test_proposals_are_private(api_as, published_need, municipality_user, company_user, parking_solution):
    proposal = _propose(as_user(company_user), published_need, parking_solution).json()["id"]
    outsider = as_user(member_of(OrganizationFactory()))
    assert outsider.get(f"{NEEDS}{published_need.pk}/proposals/").json() == []
    error(outsider.get(f"/api/v1/proposals/{proposal}/"), 404)
    other_city = as_user(member_of(MunicipalityFactory()))
    error(other_city.get(f"/api/v1/proposals/{proposal}/"), 404)
    assert len(as_user(municipality_user).get(f"{NEEDS}{published_need.pk}/proposals/").json()) == 1


def test_company_sees_matching_needs_of_its_solution(api_as, company_user, published_need, parking_solution):
    response = api_as(company_user).get(f"/api/v1/solutions/{parking_solution.pk}/matching-needs/")
    assert response.status_code == 200
    [item] = response.json()
    assert item["need"]["id"] == published_need.pk and item["score"] > 0.5 and item["reasons"]
    error(
        as_user(member_of(OrganizationFactory())).get(f"/api/v1/solutions/{parking_solution.pk}/matching-needs/"), 403
    )


def test_schema_documents_the_new_endpoints(client):
    paths = yaml.safe_load(client.get("/api/schema/").content)["paths"]
    for path, method in [
        ("/api/v1/needs/", "get"),
        ("/api/v1/needs/", "post"),
        ("/api/v1/needs/{id}/", "patch"),
        ("/api/v1/needs/{id}/publish/", "post"),
        ("/api/v1/needs/{id}/matches/", "get"),
        ("/api/v1/needs/{id}/proposals/", "post"),
        ("/api/v1/solutions/{id}/matching-needs/", "get"),
        ("/api/v1/matching/preview/", "post"),
        ("/api/v1/proposals/{id}/shortlist/", "post"),
        ("/api/v1/proposals/{id}/award/", "post"),
        ("/api/v1/programmes/", "get"),
    ]:
        assert method in paths[path], f"{method.upper()} {path} missing from the schema"


def test_reasons_in_english(api, indexed, parking_solution):
    cache.clear()
    response = api.post(
        "/api/v1/matching/preview/",
        {"text": "불법주정차로 소방차 진입이 어렵다", "budget_krw": 300_000_000, "sites": 6, "population": 120_000},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    reasons = {f["name"]: f["reason"] for f in response.json()["results"][0]["factors"]}
    assert reasons["type_fit"] == "Type match (inferred): Illegal parking enforcement"
    assert reasons["budget"] == "May exceed the budget depending on configuration (KRW 40~60 million 개소당 × 6 sites)"
    assert "population 120,000" in reasons["outcomes"]


def test_proposal_with_pdf_attachments_and_a_refused_non_pdf(api_as, published_need, company_user, parking_solution):
    from django.core.files.uploadedfile import SimpleUploadedFile

    def pdf(name):
        return SimpleUploadedFile(name, b"%PDF-1.7\n...", content_type="application/pdf")

    client = as_user(company_user)
    data = {"solution": parking_solution.pk, "price_krw": 250_000_000, "schedule": "6개월", "approach": "구역별 배치"}
    bad = client.post(
        f"{NEEDS}{published_need.pk}/proposals/",
        {**data, "attachments": [pdf("제안서.pdf"), SimpleUploadedFile("견적.exe", b"MZ...")]},
        format="multipart",
    )
    assert "PDF" in error(bad, 400, "invalid")["fields"]["attachments"][0]
    response = client.post(
        f"{NEEDS}{published_need.pk}/proposals/",
        {**data, "attachments": [pdf("제안서.pdf"), pdf("견적서.pdf")]},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    assert [a["name"] for a in response.json()["attachments"]] == ["제안서.pdf", "견적서.pdf"]
