"""Emails the marketplace sends when something needs a person's attention."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils.translation import gettext as _

from .models import Membership, MembershipRole, MembershipStatus, SolutionStatus, SolutionTransition


def _admin_emails(organization) -> list[str]:
    return list(
        Membership.objects.filter(
            organization=organization, role=MembershipRole.ADMIN, status=MembershipStatus.ACTIVE
        ).values_list("user__email", flat=True)
    )


def _send(subject: str, body: str, recipients: list[str]) -> int:
    if not recipients:
        return 0
    return send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)], fail_silently=False)


def membership_requested(membership_id: int) -> int:
    membership = Membership.objects.select_related("user", "organization").get(pk=membership_id)
    subject = _("[스마트도시 오픈랩] %(org)s 가입 신청") % {"org": membership.organization.name}
    body = _(
        "%(user)s 님이 %(org)s 가입을 신청했습니다.\n메시지: %(message)s\n\n"
        "오픈랩 내 대시보드의 '구성원 관리'에서 승인하거나 거절하세요."
    ) % {"user": membership.user.email, "org": membership.organization.name, "message": membership.message or "-"}
    return _send(subject, body, _admin_emails(membership.organization))


def membership_decided(membership_id: int) -> int:
    membership = Membership.objects.select_related("user", "organization").get(pk=membership_id)
    subject = _("[스마트도시 오픈랩] %(org)s 가입 신청 결과: %(status)s") % {
        "org": membership.organization.name,
        "status": membership.get_status_display(),
    }
    body = _("%(org)s 가입 신청이 '%(status)s' 처리되었습니다.") % {
        "org": membership.organization.name,
        "status": membership.get_status_display(),
    }
    return _send(subject, body, [membership.user.email])


def solution_transitioned(transition_id: int) -> int:
    """Tell the company's admins what happened to their listing (operators see the queue)."""
    transition = SolutionTransition.objects.select_related("solution__company").get(pk=transition_id)
    if transition.to_status == SolutionStatus.SUBMITTED:
        return 0
    solution = transition.solution
    subject = _("[스마트도시 오픈랩] '%(name)s' 상태 변경: %(status)s") % {
        "name": solution.name,
        "status": transition.get_to_status_display(),
    }
    body = _("'%(name)s' 솔루션이 '%(from)s'에서 '%(to)s'(으)로 바뀌었습니다.\n사유·메모: %(note)s") % {
        "name": solution.name,
        "from": transition.get_from_status_display(),
        "to": transition.get_to_status_display(),
        "note": transition.note or "-",
    }
    return _send(subject, body, _admin_emails(solution.company))
