"""Who may do what through the API: anonymous, a municipality, a member of the owning company,
another company and an operator, against every solution operation."""

import pytest

from marketplace.models import SolutionStatus
from tests.factories import SolutionFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "municipality", "owner", "other_company", "operator"]

NEW_SOLUTION = {
    "types": ["TRN-07"],
    "name": "공영주차장 실시간 안내",
    "summary": "공영주차장 잔여면을 실시간으로 안내합니다.",
    "description": "주차장 입출차 데이터를 모아 잔여면 정보를 전광판과 앱으로 제공합니다.",
    "pricing_model": "subscription",
    "price_min": 3_000_000,
    "price_max": 6_000_000,
}


@pytest.fixture
def actor(request, company, company_user, other_company_user, municipality_user, operator_user):
    return {
        "anonymous": None,
        "municipality": municipality_user,
        "owner": company_user,
        "other_company": other_company_user,
        "operator": operator_user,
    }[request.param]


def _status_matrix(expected: dict[str, int]):
    return pytest.mark.parametrize(("actor", "expected"), [(r, expected[r]) for r in ROLES], indirect=["actor"])


@_status_matrix({"anonymous": 200, "municipality": 200, "owner": 200, "other_company": 200, "operator": 200})
def test_read_published(api_as, actor, expected, company):
    solution = SolutionFactory(company=company)
    assert api_as(actor).get(f"/api/v1/solutions/{solution.pk}/").status_code == expected


@_status_matrix({"anonymous": 404, "municipality": 404, "owner": 200, "other_company": 404, "operator": 200})
def test_read_draft(api_as, actor, expected, company):
    solution = SolutionFactory(company=company, status=SolutionStatus.DRAFT, published_at=None)
    assert api_as(actor).get(f"/api/v1/solutions/{solution.pk}/").status_code == expected


@_status_matrix({"anonymous": 1, "municipality": 1, "owner": 2, "other_company": 1, "operator": 2})
def test_list_shows_drafts_only_to_owner_and_operator(api_as, actor, expected, company):
    SolutionFactory(company=company)
    SolutionFactory(company=company, status=SolutionStatus.DRAFT, published_at=None)
    assert api_as(actor).get("/api/v1/solutions/").json()["count"] == expected


@_status_matrix({"anonymous": 401, "municipality": 403, "owner": 201, "other_company": 201, "operator": 403})
def test_create(api_as, actor, expected):
    # other_company creates for its own company; nobody can create for a company they are not in.
    assert api_as(actor).post("/api/v1/solutions/", NEW_SOLUTION, format="json").status_code == expected


def test_create_for_someone_elses_company_is_forbidden(api_as, company, other_company_user):
    response = api_as(other_company_user).post(
        "/api/v1/solutions/", {**NEW_SOLUTION, "company": company.slug}, format="json"
    )
    assert response.status_code == 403


@_status_matrix({"anonymous": 401, "municipality": 403, "owner": 200, "other_company": 403, "operator": 403})
def test_patch(api_as, actor, expected, company):
    solution = SolutionFactory(company=company)
    response = api_as(actor).patch(f"/api/v1/solutions/{solution.pk}/", {"summary": "새 요약"}, format="json")
    assert response.status_code == expected
    solution.refresh_from_db()
    assert (solution.summary == "새 요약") == (expected == 200)


@_status_matrix({"anonymous": 401, "municipality": 404, "owner": 204, "other_company": 404, "operator": 403})
def test_delete_draft(api_as, actor, expected, company):
    # Others cannot even see a draft (404); an operator sees it but does not own it (403).
    solution = SolutionFactory(company=company, status=SolutionStatus.DRAFT, published_at=None)
    assert api_as(actor).delete(f"/api/v1/solutions/{solution.pk}/").status_code == expected


@_status_matrix({"anonymous": 401, "municipality": 404, "owner": 200, "other_company": 404, "operator": 403})
def test_submit(api_as, actor, expected, company):
    solution = SolutionFactory(company=company, status=SolutionStatus.DRAFT, published_at=None)
    assert api_as(actor).post(f"/api/v1/solutions/{solution.pk}/submit/").status_code == expected


@_status_matrix({"anonymous": 401, "municipality": 404, "owner": 403, "other_company": 404, "operator": 200})
def test_publish(api_as, actor, expected, company):
    solution = SolutionFactory(company=company, status=SolutionStatus.SUBMITTED, published_at=None)
    response = api_as(actor).post(f"/api/v1/solutions/{solution.pk}/publish/")
    assert response.status_code == expected
    solution.refresh_from_db()
    assert (solution.status == SolutionStatus.PUBLISHED) == (expected == 200)


@_status_matrix({"anonymous": 401, "municipality": 403, "owner": 403, "other_company": 403, "operator": 200})
def test_retire(api_as, actor, expected, company):
    solution = SolutionFactory(company=company)
    response = api_as(actor).post(f"/api/v1/solutions/{solution.pk}/retire/", {"reason": "단종"}, format="json")
    assert response.status_code == expected
