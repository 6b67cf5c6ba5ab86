"""The portal's Wagtail pages as a visitor reads them, and the bad input an editor can give them."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image

from marketplace.models import SolutionStatus
from portal import blocks
from portal import models as pages
from tests.factories import SolutionFactory

from .conftest import add

pytestmark = pytest.mark.django_db


def make_image():
    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), "#1d56bc").save(buffer, "PNG")
    return Image.objects.create(title="주차정보 안내판", file=ImageFile(buffer, name="board.png"))


def test_home_shows_live_key_figures_featured_content_and_news(client, home, tree):
    SolutionFactory(name="스마트 버스쉘터 S")
    SolutionFactory(name="작성 중인 솔루션", status=SolutionStatus.DRAFT, published_at=None)
    html = client.get("/ko/").content.decode()
    assert "스마트 버스쉘터 S" in html and "작성 중인 솔루션" not in html
    # Two published solutions (tree's + this one), from the database, not the CMS.
    assert "<dt>게시 솔루션</dt><dd>2</dd>" in html
    assert "과천시 스마트 불법주정차 통합 솔루션" in html  # newest case study
    assert "오픈랩 정식 서비스 시작" in html  # latest news
    assert 'href="/ko/news/"' in html  # section in the main menu


def test_news_index_filters_by_category_and_tag_and_has_a_feed(client, tree):
    assert "오픈랩 정식 서비스 시작" in client.get("/ko/news/?category=notice").content.decode()
    assert "오픈랩 정식 서비스 시작" not in client.get("/ko/news/?category=press").content.decode()
    assert "오픈랩 정식 서비스 시작" in client.get("/ko/news/?tag=오픈랩").content.decode()
    assert client.get("/ko/news/?category=<script>").status_code == 200
    feed = client.get("/ko/news/feed/")
    assert feed["Content-Type"].startswith("application/rss+xml")
    body = feed.content.decode()
    assert "<title>오픈랩 정식 서비스 시작</title>" in body and "/ko/news/launch/" in body


def test_programme_shows_eligibility_deadline_and_apply_link(client, tree):
    html = client.get("/ko/programmes/diffusion/").content.decode()
    assert "인구 30만 명 미만 시·군" in html and "접수 중" in html
    assert 'href="https://www.molit.go.kr/"' in html


def test_programme_page_shows_the_rules_the_matching_engine_applies(client, tree):
    from wagtail.models import Page

    from marketplace.models import Programme

    rules = Programme.objects.create(
        name="스마트도시 솔루션 확산사업",
        slug="diffusion-rules",
        max_population=300_000,
        city_types=["existing", "rural"],
        requires_data_hub_linkage=True,
        min_climate_inclusion_share=35,
    )
    page = Page.objects.get(url_path__endswith="/programmes/diffusion/").specific
    page.programme = rules
    page.save_revision().publish()

    html = client.get("/ko/programmes/diffusion/").content.decode()

    assert "매칭에 쓰이는 자격 규칙" in html
    assert "300,000명 미만" in html
    assert "데이터허브 연계" in html and "35% 이상" in html
    assert "기존 도시" in html or "기존도시" in html


def test_programme_with_a_past_deadline_is_closed_without_apply_link(client, tree):
    programme = tree["programme"]
    programme.application_opens = timezone.localdate() - timedelta(days=90)
    programme.application_deadline = timezone.localdate() - timedelta(days=30)
    programme.save_revision().publish()
    html = client.get("/ko/programmes/diffusion/").content.decode()
    assert "접수가 마감된 사업입니다." in html
    assert "https://www.molit.go.kr/" not in html
    listing = client.get("/ko/programmes/").content.decode()
    assert listing.index("마감된 사업") < listing.index("스마트도시 솔루션 확산사업")


def test_programme_deadline_before_opening_is_refused(tree):
    programme = tree["programme"]
    programme.application_deadline = programme.application_opens - timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert "접수 마감일은 접수 시작일보다 빠를 수 없습니다." in str(error.value)


def test_case_study_shows_kpis_and_its_published_solutions(client, tree):
    html = client.get("/ko/case-studies/gwacheon/").content.decode()
    assert "불법주정차 적발" in html and "-35.5%" in html.replace("−", "-")
    assert "이동식 불법주정차 감시" in html
    assert 'href="/ko/programmes/diffusion/"' in html


def test_case_study_kpis_appear_on_the_solution_page(client, tree):
    html = client.get(tree["solution"].get_absolute_url()).content.decode()
    assert "실증·구축 사례 이야기" in html
    assert 'href="/ko/case-studies/gwacheon/"' in html and "불법주정차 적발" in html


def test_case_study_hides_a_solution_that_was_retired_later(client, tree):
    solution = tree["solution"]
    solution.status = SolutionStatus.RETIRED
    solution.save()
    html = client.get("/ko/case-studies/gwacheon/").content.decode()
    assert "카탈로그에 게시된 연결 솔루션이 없습니다." in html


def test_home_hero_image_without_alt_text_is_refused(home):
    home.hero_image = make_image()
    home.hero_image_alt = "  "
    with pytest.raises(ValidationError) as error:
        home.full_clean()
    assert "hero_image_alt" in error.value.message_dict


def test_image_block_without_alt_text_is_refused():
    block = blocks.AccessibleImageBlock()
    value = block.to_python({"image": make_image().pk, "alt": "", "caption": ""})
    with pytest.raises(ValidationError):
        block.clean(value)
    value = block.to_python({"image": value["image"].pk, "alt": "과천시 공영주차장 입구 안내판", "caption": ""})
    assert block.clean(value)["alt"]


def test_event_ending_before_it_starts_is_refused(home):
    index = add(home, pages.EventIndexPage(title="행사", slug="events"))
    event = pages.EventPage(
        title="월드스마트시티엑스포",
        slug="wsce",
        start_date=timezone.localdate(),
        end_date=timezone.localdate() - timedelta(days=1),
        location="킨텍스",
    )
    event.path, event.depth = index.path + "0001", index.depth + 1
    with pytest.raises(ValidationError):
        event.full_clean()


def test_guide_and_index(client, tree):
    assert "샌드박스 도시데이터 받기" in client.get("/ko/guides/").content.decode()
    assert "NGSI-LD API" in client.get("/ko/guides/sandbox/").content.decode()


def test_unknown_page_is_a_404_page_not_a_500(client, tree):
    response = client.get("/ko/news/no-such-news/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url,ok",
    [("/ko/solutions/", True), ("https://www.molit.go.kr/", True), ("javascript:alert(1)", False), ("www.x", False)],
)
def test_link_button_takes_a_site_path_or_a_web_address(url, ok):
    block = blocks.LinkButtonBlock()
    value = block.to_python({"label": "솔루션 찾기", "page": None, "url": url})
    if ok:
        assert block.clean(value)["url"] == url
    else:
        with pytest.raises(ValidationError):
            block.clean(value)


def test_link_button_needs_a_page_or_an_address():
    block = blocks.LinkButtonBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"label": "바로가기", "page": None, "url": ""}))
