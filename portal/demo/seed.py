"""Demo CMS content for ``manage.py seed_content`` (run by ``seed_demo`` after the catalogue): the
home page, news, programmes, case studies linked to the demo catalogue, events, guides and FAQ,
in Korean with English translations of the home page, the section indexes and the guides; plus
the editors' permissions and the news moderation workflow. Running it again changes nothing.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.rich_text import RichText

from marketplace.models import Organization, OrganizationKind, Programme, Reference, Solution, SolutionType
from marketplace.wagtail_hooks import OPERATOR_GROUP_NAME, ensure_operator_group
from portal import models as pages
from portal.demo import content

EDITOR_GROUP_NAME = "콘텐츠 편집자"
NEWS_WORKFLOW_NAME = "뉴스 검토"
OPERATOR_EMAIL = "operator@openlab.example"
EDITOR_EMAIL = "editor@openlab.example"
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
CMS_MODEL_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("portal", "add_faq"),
    ("portal", "change_faq"),
    ("portal", "delete_faq"),
)


@dataclass
class ContentReport:
    pages: int = 0
    news: int = 0
    programmes: int = 0
    case_studies: int = 0
    translations: int = 0


def _paragraphs(texts):
    return [("paragraph", RichText("".join(f"<p>{text}</p>" for text in texts)))]


def _publish(page, user):
    page.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    return page


def _child(parent, model, slug, user, **fields):
    """The child ``slug`` of ``parent``, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, owner=user, **fields)
    parent.add_child(instance=page)
    return _publish(page, user)


def _translate(page, locale, user, **fields):
    """The English translation of ``page`` (copied, then given its English fields), if missing."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    translated = page.copy_for_translation(locale, copy_parents=False)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return _publish(translated, user), True


def _home_fields(data, links):
    return {
        "title": data["title"],
        "draft_title": data["title"],
        "hero_title": data["hero_title"],
        "intro": data["intro"],
        "summary": data["summary"],
        "audiences": [
            (
                "entry",
                {
                    "audience": audience,
                    "title": title,
                    "text": text,
                    "link": {"label": label, "page": links.get(target), "url": links.get(f"{target}-url", "")},
                },
            )
            for audience, title, text, label, target in data["audiences"]
        ],
    }


def ensure_editor_permissions(home) -> tuple[Group, Group]:
    """Operators edit and publish every page; content editors write pages and send news for review."""
    operator_group = ensure_operator_group()
    editor_group, _created = Group.objects.get_or_create(name=EDITOR_GROUP_NAME)
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    editor_group.permissions.add(admin_access)
    for app_label, codename in CMS_MODEL_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        operator_group.permissions.add(permission)
        editor_group.permissions.add(permission)
    for root in home.get_translations(inclusive=True):
        for group, codenames in ((operator_group, PAGE_PERMISSIONS), (editor_group, EDITOR_PAGE_PERMISSIONS)):
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
                GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
    return operator_group, editor_group


def ensure_news_workflow(news_indexes, reviewers: Group) -> Workflow:
    """News goes draft → review by the operators → published."""
    workflow, _created = Workflow.objects.get_or_create(name=NEWS_WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name="운영기관 검토").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="운영기관 검토")
        task.groups.set([reviewers])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index in news_indexes:
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def _case_study_fields(item, municipalities, programmes):
    slug, title, city, year, programme_name, programme_slug, solution_names, summary, body = item
    municipality = municipalities[city]
    solutions = list(Solution.objects.filter(name__in=solution_names, status="published"))
    references = Reference.objects.filter(solution__in=solutions, municipality=municipality).prefetch_related("kpis")
    kpis = [
        (
            "kpi",
            {
                "metric": kpi.metric,
                "baseline": kpi.baseline,
                "result": kpi.result,
                "unit": kpi.unit,
                "lower_is_better": kpi.lower_is_better,
                "verified_by": kpi.verified_by,
            },
        )
        for reference in references
        for kpi in reference.kpis.all()
    ]
    budget = references.aggregate(total=Sum("budget_krw"))["total"]
    return solutions, {
        "title": title,
        "municipality": municipality,
        "year": year,
        "programme_name": programme_name,
        "programme_page": programmes.get(programme_slug),
        "budget_krw": budget,
        "summary": summary,
        "kpis": kpis,
        "body": _paragraphs(body),
    }


@transaction.atomic
def seed_content() -> ContentReport:
    report = ContentReport()
    user = get_user_model().objects.filter(email=OPERATOR_EMAIL).first()
    korean, english = Locale.get_default(), Locale.objects.get_or_create(language_code="en")[0]
    home = pages.HomePage.objects.filter(locale=korean).first()
    if home is None:
        raise LookupError("No Korean HomePage: run `manage.py migrate` first.")
    today = timezone.localdate()

    indexes = {}
    index_models = {
        "news": pages.NewsIndexPage,
        "programmes": pages.ProgrammeIndexPage,
        "cases": pages.CaseStudyIndexPage,
        "events": pages.EventIndexPage,
        "guides": pages.GuideIndexPage,
    }
    for key, model in index_models.items():
        title, slug, summary = content.INDEXES[key]["ko"]
        indexes[key] = _child(home, model, slug, user, title=title, summary=summary, show_in_menus=True)

    for slug, category, days_ago, title, summary, paragraphs, tags in content.NEWS:
        if indexes["news"].get_children().filter(slug=slug).exists():
            continue
        news = pages.NewsPage(
            slug=slug,
            owner=user,
            title=title,
            category=category,
            date=today - timedelta(days=days_ago),
            summary=summary,
            body=_paragraphs(paragraphs),
        )
        news.tags.add(*tags)
        indexes["news"].add_child(instance=news)
        _publish(news, user)
        report.news += 1

    programmes = {}
    for item in content.PROGRAMMES:
        slug, title, summary, organizer, budget, opens, deadline, rows, milestones, types, body = item
        programme = _child(
            indexes["programmes"],
            pages.ProgrammePage,
            slug,
            user,
            title=title,
            summary=summary,
            organizer=organizer,
            budget_note=budget,
            application_opens=today + timedelta(days=opens),
            application_deadline=today + timedelta(days=deadline),
            eligibility=[("row", {"criterion": c, "requirement": r, "mandatory": m}) for c, r, m in rows],
            milestones=[
                ("milestone", {"label": label, "date": today + timedelta(days=offset)}) for label, offset in milestones
            ],
            apply_url="https://www.molit.go.kr/",
            body=_paragraphs([body]),
        )
        if not programme.solution_types.exists():
            programme.solution_types.set(SolutionType.objects.filter(code__in=types))
            # The rules the matching engine applies, when the marketplace knows this programme.
            programme.programme = Programme.objects.filter(name=title).first()
            programme.save()
            _publish(programme, user)
            report.programmes += 1
        programmes[slug] = programme

    municipalities = {o.name: o for o in Organization.objects.filter(kind=OrganizationKind.MUNICIPALITY)}
    for item in content.CASE_STUDIES:
        slug, city = item[0], item[2]
        if city not in municipalities or indexes["cases"].get_children().filter(slug=slug).exists():
            continue
        solutions, fields = _case_study_fields(item, municipalities, programmes)
        case = pages.CaseStudyPage(slug=slug, owner=user, **fields)
        indexes["cases"].add_child(instance=case)
        case.solutions.set(solutions)
        _publish(case, user)
        report.case_studies += 1

    for slug, title, summary, start, end, location, organizer, text in content.EVENTS:
        _child(
            indexes["events"],
            pages.EventPage,
            slug,
            user,
            title=title,
            summary=summary,
            start_date=today + timedelta(days=start),
            end_date=today + timedelta(days=end),
            location=location,
            organizer=organizer,
            registration_url="" if end < 0 else "https://www.smartcity.go.kr/",
            body=_paragraphs([text]),
        )

    guides = {}
    for slug, audience, title, summary, steps, *_english in content.GUIDES:
        guides[slug] = _child(
            indexes["guides"],
            pages.GuidePage,
            slug,
            user,
            title=title,
            summary=summary,
            audience=audience,
            body=[
                ("steps", {"heading": "", "steps": [{"title": t, "text": RichText(f"<p>{x}</p>")} for t, x in steps]})
            ],
        )

    for category, question, answer in content.FAQS:
        pages.FAQ.objects.get_or_create(
            locale=korean, question=question, defaults={"answer": f"<p>{answer}</p>", "category": category}
        )
    faq_page = _child(
        home,
        pages.StandardPage,
        "faq",
        user,
        title="자주 묻는 질문",
        summary="오픈랩 이용, 솔루션 심사, 지원사업과 데이터허브에 관해 자주 묻는 질문",
        show_in_menus=True,
        body=[("faq", {"heading": "", "category": ""})],
    )

    links = {
        "catalogue": None,
        "catalogue-url": "/ko/solutions/",
        "guide-list": guides["list-a-solution"],
        "guide-sandbox": guides["sandbox-data"],
    }
    if not home.audiences:
        for name, value in _home_fields(content.HOME["ko"], links).items():
            setattr(home, name, value)
        home.save()
        _publish(home, user)
        home.featured_case_studies.set(
            pages.CaseStudyPage.objects.filter(
                slug__in=["gwacheon-illegal-parking", "siheung-smart-shelter", "goryeong-smart-stop"]
            )
        )
        _publish(home, user)

    # English: the home page, the section indexes and the guides.
    english_home, created = _translate(home, english, user)
    if created:
        report.translations += 1
        en_guides = {}
        for key, index in indexes.items():
            title, slug, summary = content.INDEXES[key]["en"]
            en_index, _ = _translate(index, english, user, title=title, draft_title=title, summary=summary)
            report.translations += 1
            if key == "guides":
                for slug, _aud, _t, _s, _steps, en_title, en_summary, en_steps in content.GUIDES:
                    steps = [{"title": t, "text": RichText(f"<p>{x}</p>")} for t, x in en_steps]
                    en_guides[slug], _ = _translate(
                        guides[slug],
                        english,
                        user,
                        title=en_title,
                        draft_title=en_title,
                        summary=en_summary,
                        body=[("steps", {"heading": "", "steps": steps})],
                    )
                    report.translations += 1
        title, summary = content.FAQ_PAGE_EN
        _translate(faq_page, english, user, title=title, draft_title=title, summary=summary)
        report.translations += 1
        for faq in pages.FAQ.objects.filter(locale=korean):
            if faq.question in content.FAQS_EN and not faq.get_translation_or_none(english):
                translated = faq.copy_for_translation(english)
                translated.question, answer = content.FAQS_EN[faq.question]
                translated.answer = f"<p>{answer}</p>"
                translated.save()
        english_home = pages.HomePage.objects.get(pk=english_home.pk)  # its children were added elsewhere
        en_links = {**links, "catalogue-url": "/en/solutions/"}
        en_links["guide-list"], en_links["guide-sandbox"] = en_guides["list-a-solution"], en_guides["sandbox-data"]
        for name, value in _home_fields(content.HOME["en"], en_links).items():
            setattr(english_home, name, value)
        english_home.save()
        _publish(english_home, user)

    operator_group, _editors = ensure_editor_permissions(home)
    ensure_news_workflow([indexes["news"], *indexes["news"].get_translations()], operator_group)
    _editor_login(_editors)
    report.pages = Page.objects.filter(depth__gt=1).count()
    return report


def _editor_login(group):
    from marketplace.demo.seed import DEMO_PASSWORD

    user_model = get_user_model()
    editor = user_model.objects.filter(email=EDITOR_EMAIL).first()
    if editor is None:
        editor = user_model.objects.create_user(email=EDITOR_EMAIL, password=DEMO_PASSWORD, name="오픈랩 콘텐츠 편집자")
    editor.groups.add(group)
    return editor


__all__ = ["OPERATOR_GROUP_NAME", "ContentReport", "seed_content"]
