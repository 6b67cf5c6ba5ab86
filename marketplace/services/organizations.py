from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace import tasks
from marketplace.exceptions import ConflictError, PermissionDenied, ValidationError
from marketplace.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationKind,
)
from marketplace.permissions import user_is_org_admin
from marketplace.validators import normalize_business_number, validate_business_number

from ._slugs import unique_slug

COMPANY_ONLY = ("business_number", "is_startup", "founded_year", "employees", "regions_served")
MUNICIPALITY_ONLY = ("admin_code", "population", "city_type", "smart_city_status")


def _check_kind_fields(kind: str, data: dict) -> dict:
    errors: dict[str, list[str]] = {}
    if kind == OrganizationKind.COMPANY:
        number = normalize_business_number(data.get("business_number", ""))
        if not number:
            errors["business_number"] = [_("기업은 사업자등록번호를 입력해야 합니다.")]
        else:
            try:
                validate_business_number(number)
            except ValidationError as exc:
                errors["business_number"] = exc.messages
        data["business_number"] = number
    elif kind == OrganizationKind.MUNICIPALITY:
        code = (data.get("admin_code") or "").strip()
        if not code:
            errors["admin_code"] = [_("지자체는 행정표준코드(시군구 5자리)를 입력해야 합니다.")]
        elif not (len(code) == 5 and code.isdigit()):
            errors["admin_code"] = [_("행정표준코드는 숫자 5자리여야 합니다(예: 41290).")]
        if not data.get("province"):
            errors["province"] = [_("지자체는 광역자치단체를 선택해야 합니다.")]
        elif code and not code.startswith(data["province"]):
            errors["admin_code"] = [
                _("행정표준코드 앞 두 자리(%(prefix)s)가 선택한 광역자치단체 코드(%(province)s)와 다릅니다.")
                % {"prefix": code[:2], "province": data["province"]}
            ]
        if not data.get("population"):
            errors["population"] = [_("지자체는 인구를 입력해야 합니다.")]
        if not data.get("city_type"):
            errors["city_type"] = [_("지자체는 도시 유형을 선택해야 합니다.")]
    for field in COMPANY_ONLY if kind != OrganizationKind.COMPANY else ():
        data.pop(field, None)
    for field in MUNICIPALITY_ONLY if kind != OrganizationKind.MUNICIPALITY else ():
        data.pop(field, None)
    if errors:
        raise ValidationError(errors)
    return data


def _check_duplicates(kind: str, name: str, data: dict) -> None:
    checks = [
        (
            "business_number",
            data.get("business_number"),
            _("이미 등록된 사업자등록번호입니다. 기존 기관에 가입을 신청하세요."),
        ),
        ("admin_code", data.get("admin_code"), _("이미 등록된 지자체입니다. 기존 기관에 가입을 신청하세요.")),
    ]
    for field, value, message in checks:
        if value and Organization.objects.filter(**{field: value}).exists():
            raise ValidationError({field: [message]}, code="duplicate")
    if Organization.objects.filter(kind=kind, name=name).exists():
        raise ValidationError(
            {"name": [_("같은 이름의 기관이 이미 있습니다. 기존 기관에 가입을 신청하세요.")]}, code="duplicate"
        )


@transaction.atomic
def organization_create(*, actor, kind: str, name: str, **data) -> Organization:
    """Register an organization; its creator becomes its first admin.

    Operator organizations (ministry/agency) are created by site administrators only, so no one
    can grant themselves the right to publish listings.
    """
    if kind not in OrganizationKind.values:
        raise ValidationError({"kind": [_("알 수 없는 기관 유형입니다: %(kind)s") % {"kind": kind}]})
    if kind == OrganizationKind.OPERATOR and not actor.is_superuser:
        raise PermissionDenied(_("운영기관은 사이트 관리자만 등록할 수 있습니다."))
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": [_("기관명을 입력하세요.")]})
    data = _check_kind_fields(kind, dict(data))
    _check_duplicates(kind, name, data)
    organization = Organization(kind=kind, name=name, **data)
    organization.slug = unique_slug(Organization, data.get("name_en") or name)
    organization.full_clean()
    organization.save()
    Membership.objects.create(
        user=actor,
        organization=organization,
        role=MembershipRole.ADMIN,
        status=MembershipStatus.ACTIVE,
        decided_by=actor,
        decided_at=timezone.now(),
    )
    return organization


@transaction.atomic
def membership_request(*, user, organization: Organization, message: str = "") -> Membership:
    """Ask to join an existing organization; its admins are told and one of them decides."""
    existing = Membership.objects.filter(user=user, organization=organization).first()
    if existing and existing.status == MembershipStatus.ACTIVE:
        raise ConflictError(_("이미 이 기관의 구성원입니다."), code="already_member")
    if existing and existing.status == MembershipStatus.PENDING:
        raise ConflictError(_("이미 가입 신청을 했습니다. 기관 관리자의 승인을 기다려 주세요."), code="already_pending")
    if existing:
        existing.status = MembershipStatus.PENDING
        existing.message = message
        existing.decided_by = existing.decided_at = None
        existing.save(update_fields=["status", "message", "decided_by", "decided_at"])
        membership = existing
    else:
        membership = Membership.objects.create(user=user, organization=organization, message=message)
    tasks.enqueue_on_commit(tasks.notify_membership_requested, membership.pk)
    return membership


def _decide(actor, membership: Membership, status: str) -> Membership:
    if not user_is_org_admin(actor, membership.organization):
        raise PermissionDenied(_("기관 관리자만 가입 신청을 처리할 수 있습니다."))
    if membership.status != MembershipStatus.PENDING:
        raise ConflictError(_("이미 처리된 가입 신청입니다."), code="already_decided")
    membership.status = status
    membership.decided_by = actor
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_by", "decided_at"])
    tasks.enqueue_on_commit(tasks.notify_membership_decided, membership.pk)
    return membership


@transaction.atomic
def membership_approve(*, actor, membership: Membership) -> Membership:
    return _decide(actor, membership, MembershipStatus.ACTIVE)


@transaction.atomic
def membership_decline(*, actor, membership: Membership) -> Membership:
    return _decide(actor, membership, MembershipStatus.DECLINED)
