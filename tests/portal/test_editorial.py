"""How operators run the content: news goes draft → review → published through a workflow,
pages publish themselves at a scheduled time, and the demo content is complete."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale, Page

from marketplace.models import SolutionStatus
from portal import models as pages
from portal.demo.seed import EDITOR_GROUP_NAME, ensure_editor_permissions, ensure_news_workflow
from portal.tasks import publish_scheduled_pages
from tests.conftest import member_of
from tests.factories import OperatorOrgFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(home):
    operator_group, editor_group = ensure_editor_permissions(home)
    operator = UserFactory(email="ops@openlab.example")
    operator.groups.add(operator_group)
    member_of(OperatorOrgFactory(), user=operator)
    editor = UserFactory(email="editor@openlab.example")
    editor.groups.add(editor_group)
    return operator, editor


def test_news_goes_through_review_before_it_is_published(tree, people):
    operator, editor = people
    ensure_news_workflow([tree["news_index"]], Group.objects.get(name="운영기관"))
    news = pages.NewsPage(title="2027년 확산사업 설명회 개최", slug="briefing", body=[], live=False)
    tree["news_index"].add_child(instance=news)
    news.save_revision(user=editor)
    assert not news.permissions_for_user(editor).can_publish()
    assert news.permissions_for_user(operator).can_publish()

    workflow = news.get_workflow()
    assert workflow is not None and workflow.name == "뉴스 검토"
    state = workflow.start(news, editor)
    news.refresh_from_db()
    assert not news.live and state.status == "in_progress"
    task = state.current_task_state.task.specific
    assert task.user_can_access_editor(news, operator)
    assert not task.user_can_access_editor(news, editor) or not task.get_actions(news, editor)

    state.current_task_state.approve(user=operator)
    news.refresh_from_db()
    assert news.live
    state.refresh_from_db()
    assert state.status == "approved"


def test_editor_group_can_write_but_not_publish_pages(home, people):
    _operator, editor = people
    assert Group.objects.get(name=EDITOR_GROUP_NAME) in editor.groups.all()
    permissions = home.permissions_for_user(editor)
    assert permissions.can_add_subpage() and permissions.can_edit() and not permissions.can_publish()


def test_scheduled_page_goes_live_when_its_time_comes(tree):
    news = pages.NewsPage(title="예약 게시 공지", slug="scheduled", body=[], live=False)
    tree["news_index"].add_child(instance=news)
    news.go_live_at = timezone.now() + timedelta(hours=2)
    revision = news.save_revision()
    revision.publish()
    news.refresh_from_db()
    assert not news.live and news.has_unpublished_changes

    publish_scheduled_pages()
    news.refresh_from_db()
    assert not news.live  # not yet

    # Three hours later (the clock is the one thing faked here).
    later = timezone.now() + timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        publish_scheduled_pages()
    news.refresh_from_db()
    assert news.live


def test_scheduled_publishing_runs_every_minute():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["portal-publish-scheduled"]
    assert entry["task"] == "portal.tasks.publish_scheduled_pages" and entry["schedule"] == 60.0


def test_demo_content_is_complete_bilingual_and_idempotent():
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)
    korean, english = Locale.get_default(), Locale.objects.get(language_code="en")
    live = Page.objects.live()
    assert pages.NewsPage.objects.live().filter(locale=korean).count() >= 10
    programme_titles = set(pages.ProgrammePage.objects.live().values_list("title", flat=True))
    expected = {"스마트도시 솔루션 확산사업", "강소형 스마트도시 조성사업", "거점형 스마트도시 조성사업"}
    assert expected <= programme_titles
    cases = pages.CaseStudyPage.objects.live().filter(locale=korean)
    assert cases.count() >= 8
    for case in cases:
        assert case.solutions.filter(status=SolutionStatus.PUBLISHED).exists(), case.title
        assert case.kpi_rows(), case.title
    gwacheon = cases.get(slug="gwacheon-illegal-parking")
    assert gwacheon.municipality.name == "과천시" and gwacheon.solutions.count() >= 4
    assert pages.HomePage.objects.live().filter(locale=english).exists()
    korean_guides = pages.GuidePage.objects.live().filter(locale=korean)
    assert korean_guides.count() >= 3
    assert all(guide.get_translation_or_none(english) for guide in korean_guides)
    assert pages.FAQ.objects.filter(locale=korean).count() >= 5
    assert pages.FAQ.objects.filter(locale=english).count() == pages.FAQ.objects.filter(locale=korean).count()
    assert pages.StandardPage.objects.live().filter(locale=english, title="Frequently asked questions").exists()
    assert pages.EventPage.objects.filter(title__contains="월드스마트시티엑스포").exists()
    assert pages.NewsIndexPage.objects.get(locale=korean).get_workflow().name == "뉴스 검토"

    before = live.count()
    call_command("seed_demo", verbosity=0)
    assert Page.objects.live().count() == before
