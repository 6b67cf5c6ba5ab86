"""The pages of needs, matching and procurement, as each kind of user sees them."""

import pytest
from django.urls import reverse

from marketplace import services
from marketplace.models import Need, NotificationKind, NotificationPreference, ProposalStatus
from tests.factories import OutcomeKPIFactory, ReferenceFactory

pytestmark = pytest.mark.django_db


def test_city_registers_a_need_and_sees_inferred_types_and_ranked_reasons(client, municipality_user, indexed):
    client.force_login(municipality_user)
    url = reverse("marketplace:need_create")
    assert client.get(url).status_code == 200
    bad = client.post(url, {"title": "불법주정차", "text": "소방차 진입 곤란", "budget_krw": "-1", "sites": "1",
                            "visibility": "public"})  # fmt: skip
    assert bad.status_code == 400
    assert "0원보다 커야" in bad.content.decode()
    response = client.post(
        url,
        {"title": "도심 불법주정차", "text": "불법주정차로 소방차 진입이 어렵다", "budget_krw": "300000000",
         "sites": "6", "visibility": "public"},
    )  # fmt: skip
    need = Need.objects.get()
    assert response.status_code == 302 and response["Location"] == need.get_absolute_url()
    page = client.get(need.get_absolute_url()).content.decode()
    assert "문제 설명에서 추론" in page and "TRN-04" in page
    assert "유형 일치(추론): 불법주정차 단속" in page
    assert "무브아이 이동식 불법주정차 단속" in page


def test_anonymous_visitor_quick_match(client, indexed):
    from django.core.cache import cache

    cache.clear()
    assert client.get(reverse("marketplace:quick_match")).status_code == 200
    response = client.post(reverse("marketplace:quick_match"), {"text": "불법 주차 때문에 소방차가 못 들어가요"})
    page = response.content.decode()
    assert response.status_code == 200 and "무브아이 이동식 불법주정차 단속" in page and "불법주정차 단속" in page
    empty = client.post(reverse("marketplace:quick_match"), {"text": ""})
    assert empty.status_code == 400


def test_public_sees_a_published_need_but_not_its_matches(client, published_need):
    page = client.get(published_need.get_absolute_url()).content.decode()
    assert published_need.title in page and "추천 솔루션" not in page


def test_draft_is_hidden_from_others(client, need, company_user):
    assert client.get(need.get_absolute_url()).status_code == 404
    client.force_login(company_user)
    assert client.get(need.get_absolute_url()).status_code == 404


def test_company_sees_matching_needs_and_proposes(client, company_user, published_need, parking_solution):
    client.force_login(company_user)
    page = client.get(reverse("marketplace:matching_needs")).content.decode()
    assert published_need.title in page
    url = reverse("marketplace:proposal_create", args=[published_need.pk])
    bad = client.post(url, {"solution": parking_solution.pk, "price_krw": "-3", "schedule": "6개월", "approach": "x"})
    assert bad.status_code == 400
    ok = client.post(url, {"solution": parking_solution.pk, "price_krw": "250000000", "schedule": "6개월",
                           "approach": "구역별 배치"})  # fmt: skip
    assert ok.status_code == 302
    again = client.post(url, {"solution": parking_solution.pk, "price_krw": "1", "schedule": "x", "approach": "x"})
    assert again.status_code == 409 and "이미 제안했습니다" in again.content.decode()


def test_city_compares_shortlists_and_awards(
    client, municipality_user, company, company_user, published_need, parking_solution
):
    proposal = services.proposal_submit(
        actor=company_user, need=published_need, company=company, solution=parking_solution,
        price_krw=250_000_000, schedule="6개월", approach="구역별 배치",
    )  # fmt: skip
    client.force_login(municipality_user)
    compare = reverse("marketplace:need_proposals", args=[published_need.pk])
    assert "250,000,000" in client.get(compare).content.decode()
    response = client.post(reverse("marketplace:proposal_award", args=[proposal.pk]), {"reason": "좋음"}, follow=True)
    assert "후보로 선정된 제안만" in response.content.decode()
    client.post(reverse("marketplace:proposal_shortlist", args=[proposal.pk]))
    response = client.post(
        reverse("marketplace:proposal_award", args=[proposal.pk]), {"reason": "성과 검증"}, follow=True
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.AWARDED
    page = response.content.decode()
    assert "최종 선정" in page and "선정 당시 매칭 목록 보기" in page
    snapshot = published_need.snapshots.get(reason="award")
    assert (
        parking_solution.name in client.get(reverse("marketplace:snapshot_detail", args=[snapshot.pk])).content.decode()
    )


def test_company_cannot_open_the_comparison(client, company_user, published_need):
    client.force_login(company_user)
    assert client.get(reverse("marketplace:need_proposals", args=[published_need.pk])).status_code == 403


def test_inbox_and_preferences(client, company_user, published_need):
    client.force_login(company_user)
    page = client.get(reverse("marketplace:inbox")).content.decode()
    assert published_need.title in page
    client.post(reverse("marketplace:inbox"), {"action": "preferences", "new_matching_need__inbox": "on"})
    preference = NotificationPreference.objects.get(user=company_user, kind=NotificationKind.NEW_MATCHING_NEED)
    assert preference.inbox and not preference.email


def test_diffusion_recommendations_on_the_dashboard(client, municipality, municipality_user, parking_solution):
    OutcomeKPIFactory(
        reference=ReferenceFactory(solution=parking_solution, municipality__population=110_000),
        verified_by="국토연구원",
    )
    client.force_login(municipality_user)
    page = client.get(reverse("marketplace:dashboard")).content.decode()
    assert "확산 추천" in page and parking_solution.name in page
    assert parking_solution.name in client.get(reverse("marketplace:diffusion")).content.decode()


def test_regional_balance_for_operators_only(client, operator_user, municipality_user, parking_solution):
    client.force_login(municipality_user)
    assert client.get(reverse("marketplace:regional_balance")).status_code == 403
    client.force_login(operator_user)
    page = client.get(reverse("marketplace:regional_balance")).content.decode()
    assert "<svg" in page and "경기도" in page and "기존도시" in page


def test_city_edits_its_need_and_types_are_inferred_again(client, municipality_user, need, company_user):
    url = reverse("marketplace:need_edit", args=[need.pk])
    client.force_login(company_user)
    assert client.get(url).status_code == 404
    client.force_login(municipality_user)
    assert client.get(url).status_code == 200
    data = {"title": "폭염 정류장", "text": "여름 폭염에 버스정류장 쉼터가 필요합니다", "sites": "3",
            "visibility": "public", "budget_krw": "0"}  # fmt: skip
    assert client.post(url, data).status_code == 400
    data["budget_krw"] = "200000000"
    assert client.post(url, data).status_code == 302
    need.refresh_from_db()
    assert need.title == "폭염 정류장" and need.inferred_types[0] == "TRN-13"


def test_operator_maintains_programme_rules_in_the_admin(client, operator_user, municipality_user):
    from marketplace.models import Programme
    from marketplace.wagtail_hooks import ensure_operator_group

    operator_user.groups.add(ensure_operator_group())
    Programme.objects.create(name="스마트도시 솔루션 확산사업", slug="diffusion", max_population=300_000)
    client.force_login(operator_user)
    page = client.get("/admin/programmes/")
    assert page.status_code == 200 and "스마트도시 솔루션 확산사업" in page.content.decode()
    client.force_login(municipality_user)
    assert client.get("/admin/programmes/").status_code in (302, 403)


def test_quick_match_page_is_rate_limited(client):
    from django.core.cache import cache

    cache.clear()
    statuses = [client.post(reverse("marketplace:quick_match"), {"text": ""}).status_code for _ in range(31)]
    assert statuses[:30] == [400] * 30 and statuses[30] == 429
    cache.clear()


def test_proposal_page_takes_several_pdfs(client, company_user, municipality_user, published_need, parking_solution):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(company_user)
    response = client.post(
        reverse("marketplace:proposal_create", args=[published_need.pk]),
        {
            "solution": parking_solution.pk, "price_krw": "250000000", "schedule": "6개월", "approach": "구역별 배치",
            "attachments": [SimpleUploadedFile("제안서.pdf", b"%PDF-1.7 a"),
                            SimpleUploadedFile("견적서.pdf", b"%PDF-1.7 b")],
        },
    )  # fmt: skip
    assert response.status_code == 302
    client.force_login(municipality_user)
    page = client.get(reverse("marketplace:need_proposals", args=[published_need.pk])).content.decode()
    assert "제안서.pdf" in page and "견적서.pdf" in page
