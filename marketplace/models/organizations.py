"""Organizations (지자체, 기업, 운영기관, 연구기관) and the people who act for them."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marketplace.validators import validate_business_number


class OrganizationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("지자체")
    COMPANY = "company", _("기업")
    OPERATOR = "operator", _("운영기관")
    INSTITUTE = "institute", _("연구기관")


class Province(models.TextChoices):
    """광역자치단체, keyed by the 2-digit 시도 code that starts every 시군구 code."""

    SEOUL = "11", _("서울특별시")
    BUSAN = "26", _("부산광역시")
    DAEGU = "27", _("대구광역시")
    INCHEON = "28", _("인천광역시")
    GWANGJU = "29", _("광주광역시")
    DAEJEON = "30", _("대전광역시")
    ULSAN = "31", _("울산광역시")
    SEJONG = "36", _("세종특별자치시")
    GYEONGGI = "41", _("경기도")
    CHUNGBUK = "43", _("충청북도")
    CHUNGNAM = "44", _("충청남도")
    JEONNAM = "46", _("전라남도")
    GYEONGBUK = "47", _("경상북도")
    GYEONGNAM = "48", _("경상남도")
    JEJU = "50", _("제주특별자치도")
    GANGWON = "51", _("강원특별자치도")
    JEONBUK = "52", _("전북특별자치도")


class CityType(models.TextChoices):
    NEW_TOWN = "new_town", _("신도시")
    EXISTING = "existing", _("기존도시")
    RURAL = "rural", _("농어촌")


class SmartCityStatus(models.TextChoices):
    NONE = "none", _("미추진")
    PLANNING = "planning", _("스마트도시계획 수립 중")
    BUILDING = "building", _("조성 중")
    OPERATING = "operating", _("운영 중")
    CERTIFIED = "certified", _("스마트도시 인증")


admin_code_validator = RegexValidator(r"^\d{5}$", _("행정표준코드는 숫자 5자리여야 합니다(예: 41290)."))


class Organization(models.Model):
    """A party on the Open Lab: a municipality that procures, a company that lists solutions, an
    operator (ministry/agency) that approves listings, or a research institute.

    Kind-specific fields are blank for other kinds; ``organization_create`` checks which are
    required for which kind.
    """

    kind = models.CharField(_("기관 유형"), max_length=20, choices=OrganizationKind.choices)
    name = models.CharField(_("기관명"), max_length=120)
    name_en = models.CharField(_("영문 기관명"), max_length=160, blank=True)
    slug = models.SlugField(_("주소용 이름"), max_length=140, unique=True, allow_unicode=True)
    description = models.TextField(_("소개"), blank=True)
    description_en = models.TextField(_("영문 소개"), blank=True)
    website = models.URLField(_("웹사이트"), blank=True)
    email = models.EmailField(_("대표 이메일"), blank=True)
    phone = models.CharField(_("대표 전화"), max_length=30, blank=True)
    province = models.CharField(_("광역자치단체"), max_length=2, choices=Province.choices, blank=True)
    is_verified = models.BooleanField(
        _("운영기관 확인"), default=False, help_text=_("운영기관이 실재 기관임을 확인했는지 여부")
    )

    # Companies (기업)
    business_number = models.CharField(
        _("사업자등록번호"),
        max_length=10,
        blank=True,
        validators=[validate_business_number],
        help_text=_("숫자 10자리(하이픈 없이)"),
    )
    is_startup = models.BooleanField(_("새싹기업"), default=False)
    founded_year = models.PositiveSmallIntegerField(_("설립연도"), null=True, blank=True)
    employees = models.PositiveIntegerField(_("임직원 수"), null=True, blank=True)
    regions_served = models.JSONField(_("사업 지역(시도 코드)"), default=list, blank=True)

    # Municipalities (지자체)
    admin_code = models.CharField(_("행정표준코드"), max_length=5, blank=True, validators=[admin_code_validator])
    population = models.PositiveIntegerField(_("인구"), null=True, blank=True)
    city_type = models.CharField(_("도시 유형"), max_length=20, choices=CityType.choices, blank=True)
    smart_city_status = models.CharField(
        _("스마트도시 추진 단계"), max_length=20, choices=SmartCityStatus.choices, blank=True
    )

    created_at = models.DateTimeField(_("등록일시"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일시"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("기관")
        verbose_name_plural = _("기관")
        constraints = [
            models.UniqueConstraint(
                fields=["business_number"],
                condition=~Q(business_number=""),
                name="organization_unique_business_number",
            ),
            models.UniqueConstraint(
                fields=["admin_code"], condition=~Q(admin_code=""), name="organization_unique_admin_code"
            ),
            models.UniqueConstraint(fields=["kind", "name"], name="organization_unique_kind_name"),
        ]
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("marketplace:organization_detail", kwargs={"slug": self.slug})

    @property
    def is_company(self) -> bool:
        return self.kind == OrganizationKind.COMPANY

    @property
    def is_municipality(self) -> bool:
        return self.kind == OrganizationKind.MUNICIPALITY

    @property
    def is_operator(self) -> bool:
        return self.kind == OrganizationKind.OPERATOR

    @property
    def business_number_display(self) -> str:
        n = self.business_number
        return f"{n[:3]}-{n[3:5]}-{n[5:]}" if len(n) == 10 else n


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("관리자")
    MEMBER = "member", _("구성원")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("승인 대기")
    ACTIVE = "active", _("활동 중")
    DECLINED = "declined", _("거절됨")


class Membership(models.Model):
    """A user acting for an organization. Joining an existing organization starts as
    ``pending`` until one of its admins approves; the creator of an organization is its admin."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("사용자")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("기관")
    )
    role = models.CharField(_("역할"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    status = models.CharField(
        _("상태"), max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.PENDING
    )
    message = models.CharField(_("가입 신청 메시지"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("처리자"),
    )
    decided_at = models.DateTimeField(_("처리일시"), null=True, blank=True)
    created_at = models.DateTimeField(_("신청일시"), auto_now_add=True)

    class Meta:
        ordering = ["organization__name", "created_at"]
        verbose_name = _("소속")
        verbose_name_plural = _("소속")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="membership_unique_user_organization")
        ]

    def __str__(self):
        return f"{self.user} @ {self.organization} ({self.get_role_display()})"
