"""Korean and English: URL prefixes, the language switcher keeping the page, the Korean fallback
for pages without a translation, machine URLs without a prefix, and templates without
untranslatable text."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from .conftest import publish

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
TEMPLATE_DIRS = [ROOT / app / "templates" for app in ("portal", "marketplace", "search", "accounts")]


def test_root_redirects_by_accept_language(client, home):
    assert client.get("/")["Location"] == "/ko/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/"


def test_english_home_is_the_translation_with_english_interface(client, english_home):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert "Compare smart-city solutions" in html
    assert "Solution catalogue" in html and "솔루션 카탈로그" not in html
    assert "This page has not been translated yet." not in html


def test_switcher_links_each_language_to_this_page(client, tree, english):
    guide = tree["guide"]
    translated = guide.copy_for_translation(english, copy_parents=True)
    translated.title = translated.draft_title = "Get city data from the sandbox"
    translated.save()
    publish(translated)
    english_url = translated.get_url()
    assert english_url.startswith("/en/")

    html = client.get("/ko/guides/sandbox/").content.decode()
    assert f'formaction="/i18n/setlang/?next={english_url}"' in html
    response = client.post(f"/i18n/setlang/?next={english_url}", {"language": "en"})
    assert response["Location"] == english_url
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "Get city data from the sandbox" in client.get(english_url).content.decode()
    back = client.get(english_url).content.decode()
    assert 'formaction="/i18n/setlang/?next=/ko/guides/sandbox/"' in back


def test_switcher_on_a_catalogue_page_keeps_path_and_query(client, tree):
    html = client.get("/ko/solutions/?domain=TRN").content.decode()
    assert 'next=/en/solutions/%3Fdomain%3DTRN"' in html


def test_page_without_translation_falls_back_to_korean_with_a_notice(client, tree, english_home):
    response = client.get("/en/news/launch/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "오픈랩 정식 서비스 시작" in html
    assert "This page has not been translated yet." in html
    assert '<article class="portal-page portal-page--newspage" lang="ko">' in html


def test_english_without_any_english_pages_still_serves_the_korean_site(client, tree):
    for url in ("/en/", "/en/case-studies/gwacheon/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "This page has not been translated yet." in response.content.decode()


def test_missing_page_in_english_is_a_404_not_a_500(client, tree, english_home):
    assert client.get("/en/news/no-such-news/").status_code == 404


def test_machine_urls_have_no_prefix_and_keep_their_404(client, db):
    assert client.get("/healthz/").status_code == 200
    response = client.get("/api/v1/solutions/999999/")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404
    assert client.get("/ngsi-ld/v1/no-such-thing/").status_code == 404
    assert client.get("/admin/login/").status_code == 200


def _visible_literals(source: str) -> list[str]:
    """Korean text in a template that no {% translate %}/{% blocktranslate %} wraps."""
    source = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", "", source, flags=re.S)
    source = re.sub(r"{#.*?#}", "", source, flags=re.S)
    source = re.sub(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", "", source, flags=re.S)
    source = re.sub(r"{%.*?%}|{{.*?}}", "", source, flags=re.S)
    source = re.sub(r"<!--.*?-->", "", source, flags=re.S)
    return re.findall(r"[^<>\"\n]*[\uac00-\ud7a3][^<>\"\n]*", source)


@pytest.mark.parametrize("directory", TEMPLATE_DIRS, ids=lambda d: d.parent.name)
def test_every_visible_template_string_goes_through_translation(directory):
    untranslated = {
        str(path.relative_to(ROOT)): literals
        for path in directory.rglob("*.html")
        # 500.html is rendered without context or template tags and carries both languages inline.
        if path.name != "500.html" and (literals := _visible_literals(path.read_text(encoding="utf-8")))
    }
    assert not untranslated, f"wrap these in {{% translate %}}: {untranslated}"


def test_the_literal_finder_finds_what_it_should():
    assert _visible_literals('<p>안녕하세요</p>{% translate "번역됨" %}') == ["안녕하세요"]
    assert _visible_literals('<a aria-label="닫기">{% blocktranslate %}{{ n }}개{% endblocktranslate %}</a>') == [
        "닫기"
    ]
