import os

import pytest

from marketplace.models import OrganizationKind

from .factories import MembershipFactory, MunicipalityFactory, OperatorOrgFactory, OrganizationFactory, UserFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with empty caches: rolled-back tests hand out the same primary keys again, so
    counters keyed by id (API-key rate limits, usage) and cached index entries would leak between tests."""
    from django.core.cache import cache

    from search.backends.entry_cache import reset_entry_caches

    cache.clear()
    reset_entry_caches()


@pytest.fixture(autouse=True)
def _taxonomy_for_transactional_tests(request):
    """Transactional tests flush the database between tests, data migrations included: put the
    national taxonomy back so every test sees the 60 solution types."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))):
        return
    request.getfixturevalue("transactional_db")
    from marketplace.models import Domain, SolutionType
    from marketplace.taxonomy import load_taxonomy

    if not SolutionType.objects.exists():
        load_taxonomy(Domain, SolutionType)
    _restore_site_tree()


def _restore_site_tree():
    """What the Wagtail and portal data migrations create: locales, the page tree's root and the
    Korean home page as the default site, and the root collection."""
    from wagtail.models import Collection, Locale, Page, Site

    from portal.models import HomePage

    if Page.objects.filter(depth=1).exists():
        return
    korean = Locale.objects.get_or_create(language_code="ko")[0]
    Locale.objects.get_or_create(language_code="en")
    root = Page.add_root(instance=Page(title="Root", slug="root", locale=korean))
    home = root.add_child(instance=HomePage(title="스마트도시 오픈랩", slug="home", locale=korean))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=home.title)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


def unavailable(reason: str):
    """Skip a test whose real service is missing; in CI (REQUIRE_REAL_SERVICES=1) fail instead,
    so a missing Redis or Chromium can never turn the suite green by skipping."""
    if os.environ.get("REQUIRE_REAL_SERVICES") == "1":
        pytest.fail(f"required service unavailable: {reason}")
    pytest.skip(reason)


def member_of(organization, **kwargs):
    return MembershipFactory(organization=organization, **kwargs).user


@pytest.fixture
def company(db):
    return OrganizationFactory(kind=OrganizationKind.COMPANY)


@pytest.fixture
def other_company(db):
    return OrganizationFactory(kind=OrganizationKind.COMPANY)


@pytest.fixture
def municipality(db):
    return MunicipalityFactory()


@pytest.fixture
def company_user(company):
    return member_of(company)


@pytest.fixture
def other_company_user(other_company):
    return member_of(other_company)


@pytest.fixture
def municipality_user(municipality):
    return member_of(municipality)


@pytest.fixture
def operator_user(db):
    return member_of(OperatorOrgFactory(), user=UserFactory(is_staff=True))


@pytest.fixture
def anonymous_user():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
