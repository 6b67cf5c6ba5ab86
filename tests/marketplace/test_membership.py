import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from marketplace.exceptions import ConflictError
from marketplace.models import MembershipStatus
from marketplace.services import membership_approve, membership_decline, membership_request
from tests.conftest import member_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_join_waits_for_the_admin_and_the_admin_is_emailed(company, company_user, django_capture_on_commit_callbacks):
    newcomer = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        membership = membership_request(user=newcomer, organization=company, message="영업팀입니다")
    assert membership.status == MembershipStatus.PENDING
    assert mail.outbox and company_user.email in mail.outbox[0].to
    assert "가입 신청" in mail.outbox[0].subject


def test_admin_approves(company, company_user):
    membership = membership_request(user=UserFactory(), organization=company)
    membership_approve(actor=company_user, membership=membership)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    assert membership.decided_by == company_user


def test_plain_member_cannot_approve(company):
    plain = member_of(company, role="member")
    membership = membership_request(user=UserFactory(), organization=company)
    with pytest.raises(PermissionDenied):
        membership_approve(actor=plain, membership=membership)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING


def test_admin_of_another_org_cannot_decide(company, other_company_user):
    membership = membership_request(user=UserFactory(), organization=company)
    with pytest.raises(PermissionDenied):
        membership_decline(actor=other_company_user, membership=membership)


def test_asking_twice_is_a_conflict(company):
    user = UserFactory()
    membership_request(user=user, organization=company)
    with pytest.raises(ConflictError, match="승인을 기다려"):
        membership_request(user=user, organization=company)


def test_declined_user_may_ask_again(company, company_user):
    user = UserFactory()
    membership = membership_request(user=user, organization=company)
    membership_decline(actor=company_user, membership=membership)
    again = membership_request(user=user, organization=company)
    assert again.pk == membership.pk and again.status == MembershipStatus.PENDING
