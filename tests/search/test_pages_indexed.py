"""CMS pages are searchable: publishing indexes a page, unpublishing or deleting removes it."""

import pytest
from wagtail.models import Locale, Page

from portal.models import HomePage
from search import sources
from search.backends.base import SearchQuery
from search.backends.database import DatabaseBackend

pytestmark = pytest.mark.django_db(transaction=True)


def found_pages(text):
    return [hit.object_id for hit in DatabaseBackend().search(SearchQuery(text=text, kinds=("page",))).hits]


@pytest.fixture
def home():
    """The page tree a fresh site has (transactional tests start from an empty database)."""
    Locale.objects.get_or_create(language_code="ko")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    return root.add_child(instance=HomePage(title="스마트도시 오픈랩", slug="openlab"))


def publish_child(home, title, slug):
    page = home.add_child(instance=Page(title=title, slug=slug, live=False))
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk)


def test_publishing_indexes_and_unpublishing_removes(home):
    page = publish_child(home, "스마트도시 솔루션 확산사업 공모 안내", "diffusion-call")
    assert page.pk in found_pages("확산사업 공모")

    page.unpublish()
    assert page.pk not in found_pages("확산사업 공모")


def test_deleting_a_page_removes_it(home):
    page = publish_child(home, "스마트 버스정류장 구축 사례", "shelter-case")
    assert page.pk in found_pages("버스정류장 사례")
    page.delete()
    assert page.pk not in found_pages("버스정류장 사례")


def test_page_documents_carry_locale_and_type_facets_and_their_own_text(home, monkeypatch):
    from wagtail.rich_text import RichText
    from wagtail.search import index

    home.intro = "도시 문제를 해결하는 솔루션을 찾고 비교하세요"
    home.body = [("heading", "기업과 지자체"), ("paragraph", RichText("<p>지자체와 <b>기업</b>을 잇습니다</p>"))]
    # The home page's body is not among its search fields; make it one to see StreamField text extracted.
    monkeypatch.setattr(HomePage, "search_fields", [*HomePage.search_fields, index.SearchField("body")])

    document = sources.page_document(home)

    assert document.kind == "page"
    assert document.facets == {"locale": ["ko"], "page_type": ["homepage"]}
    assert "도시 문제를 해결하는" in document.body and "지자체와 기업을 잇습니다" in document.body
    assert "기업과 지자체" in document.body and "<b>" not in document.body
