"""City needs (수요), the procurement around them (invitations, proposals, award), and their audit trail."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .organizations import CityType, Organization
from .solutions import Solution, SolutionVersion, StatusTransition
from .taxonomy import Domain, SolutionType


class NeedStatus(models.TextChoices):
    DRAFT = "draft", _("작성 중")
    PUBLISHED = "published", _("공개")
    PROPOSALS_OPEN = "proposals_open", _("제안 접수 중")
    EVALUATING = "evaluating", _("평가 중")
    AWARDED = "awarded", _("선정 완료")
    CLOSED = "closed", _("종료")
    CANCELLED = "cancelled", _("취소")


OPEN_NEED_STATUSES = (NeedStatus.PUBLISHED, NeedStatus.PROPOSALS_OPEN, NeedStatus.EVALUATING)


class NeedVisibility(models.TextChoices):
    PUBLIC = "public", _("전체 공개")
    INVITED = "invited", _("초청 기업만")


class MustHave(models.TextChoices):
    """Requirements a solution must meet to be considered at all (hard filters of the matching engine)."""

    DATA_HUB_LINKAGE = "data_hub_linkage", _("데이터허브 연계")
    DATA_HUB_CERTIFIED = "data_hub_certified", _("데이터허브 인증")
    OPEN_SOURCE = "open_source", _("오픈소스")
    ON_PREMISE = "on_premise", _("설치형(온프레미스)")
    CLOUD = "cloud", _("클라우드·SaaS")


class Need(models.Model):
    """A municipality's problem (수요) in its own words, with what it can spend and must have.

    Types are optional: when the city leaves them out, the matching engine infers them from the text and
    stores what it inferred in ``inferred_types`` (shown on the page). Goes draft → published →
    proposals open → evaluating → awarded | closed | cancelled; each change is a ``NeedTransition``.
    """

    municipality = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="needs", verbose_name=_("지자체")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("작성자")
    )
    title = models.CharField(_("제목"), max_length=150)
    text = models.TextField(_("문제 설명"), help_text=_("도시가 겪는 문제를 현장의 말로 적어 주세요."))
    domain = models.ForeignKey(
        Domain, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("분야")
    )
    types = models.ManyToManyField(SolutionType, blank=True, related_name="needs", verbose_name=_("솔루션 유형"))
    inferred_types = models.JSONField(
        _("추론한 유형"),
        default=list,
        blank=True,
        help_text=_("유형을 고르지 않았을 때 문제 설명에서 추론한 유형 코드"),
    )
    budget_krw = models.PositiveBigIntegerField(_("예산(원)"), null=True, blank=True)
    timeline = models.CharField(_("추진 시기"), max_length=60, blank=True, help_text=_("예: 2026년 하반기"))
    proposal_deadline = models.DateTimeField(_("제안 마감일시"), null=True, blank=True)
    sites = models.PositiveIntegerField(_("대상 개소 수"), default=1)
    site_points = models.JSONField(_("대상 위치(위도, 경도)"), default=list, blank=True)
    population_served = models.PositiveIntegerField(_("수혜 인구"), null=True, blank=True)
    city_type = models.CharField(_("도시 유형"), max_length=20, choices=CityType.choices, blank=True)
    must_haves = models.JSONField(_("필수 요건"), default=list, blank=True)
    status = models.CharField(
        _("상태"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.DRAFT, db_index=True
    )
    visibility = models.CharField(
        _("공개 범위"), max_length=10, choices=NeedVisibility.choices, default=NeedVisibility.PUBLIC
    )
    published_at = models.DateTimeField(_("공개일시"), null=True, blank=True)
    created_at = models.DateTimeField(_("등록일시"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일시"), auto_now=True)

    class Meta:
        ordering = ["-published_at", "-created_at", "-id"]
        verbose_name = _("수요")
        verbose_name_plural = _("수요")
        indexes = [models.Index(fields=["status", "visibility"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("marketplace:need_detail", kwargs={"pk": self.pk})

    @property
    def must_have_labels(self) -> list[str]:
        return [str(MustHave(m).label) for m in self.must_haves if m in MustHave.values]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_NEED_STATUSES


class NeedTransition(StatusTransition):
    """One change of a need's status: who, when, from, to, and why."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("수요"))
    from_status = models.CharField(_("이전 상태"), max_length=20, choices=NeedStatus.choices)
    to_status = models.CharField(_("변경 상태"), max_length=20, choices=NeedStatus.choices)

    class Meta(StatusTransition.Meta):
        verbose_name = _("수요 상태 변경 이력")
        verbose_name_plural = _("수요 상태 변경 이력")

    def __str__(self):
        return f"{self.need}: {self.from_status} → {self.to_status}"


class Match(models.Model):
    """The stored score of one need × solution, recomputed when the need is published or the solution
    is published or updated. Companies' "matching needs" read these rows."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="matches", verbose_name=_("수요"))
    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="matches", verbose_name=_("솔루션"))
    score = models.FloatField(_("점수"))
    factors = models.JSONField(_("요인별 점수와 근거"), default=list)
    weights_version = models.CharField(_("가중치 버전"), max_length=20)
    computed_at = models.DateTimeField(_("계산일시"), auto_now=True)

    class Meta:
        ordering = ["-score", "id"]
        verbose_name = _("매칭 결과")
        verbose_name_plural = _("매칭 결과")
        constraints = [models.UniqueConstraint(fields=["need", "solution"], name="match_unique_need_solution")]
        indexes = [models.Index(fields=["solution", "-score"])]


class MatchSnapshot(models.Model):
    """The ranked match list exactly as the city saw it when it shortlisted or awarded (frozen for audit)."""

    class Reason(models.TextChoices):
        SHORTLIST = "shortlist", _("후보 선정")
        AWARD = "award", _("최종 선정")

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="snapshots", verbose_name=_("수요"))
    reason = models.CharField(_("계기"), max_length=10, choices=Reason.choices)
    weights_version = models.CharField(_("가중치 버전"), max_length=20)
    weights = models.JSONField(_("가중치"))
    results = models.JSONField(_("매칭 목록"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("처리자")
    )
    created_at = models.DateTimeField(_("일시"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("매칭 목록 기록")
        verbose_name_plural = _("매칭 목록 기록")


class Invitation(models.Model):
    """A city asks a company for a proposal; invited companies see invited-only needs and their Q&A."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("수요"))
    company = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("기업")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("초청자")
    )
    message = models.TextField(_("메시지"), blank=True)
    created_at = models.DateTimeField(_("초청일시"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("제안 초청")
        verbose_name_plural = _("제안 초청")
        constraints = [models.UniqueConstraint(fields=["need", "company"], name="invitation_unique_need_company")]


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("제출")
    SHORTLISTED = "shortlisted", _("후보 선정")
    AWARDED = "awarded", _("최종 선정")
    NOT_SELECTED = "not_selected", _("미선정")
    WITHDRAWN = "withdrawn", _("철회")


class Proposal(models.Model):
    """A company's answer to a need: which solution (and version), price, schedule and approach.
    Visible only to the need's municipality and the proposing company."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("수요"))
    company = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("제안 기업")
    )
    solution = models.ForeignKey(Solution, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("솔루션"))
    solution_version = models.ForeignKey(
        SolutionVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("솔루션 버전"),
    )
    price_krw = models.PositiveBigIntegerField(_("제안 금액(원)"))
    schedule = models.CharField(_("추진 일정"), max_length=200)
    approach = models.TextField(_("추진 방법"))
    status = models.CharField(
        _("상태"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("제출자")
    )
    created_at = models.DateTimeField(_("제출일시"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일시"), auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("제안")
        verbose_name_plural = _("제안")
        constraints = [models.UniqueConstraint(fields=["need", "company"], name="proposal_unique_need_company")]

    def __str__(self):
        return f"{self.company} → {self.need}"


class ProposalAttachment(models.Model):
    """A PDF sent with a proposal (제안서, 견적서, 인증서 사본 …); type and size are checked on upload."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("제안"))
    file = models.FileField(_("파일"), upload_to="proposals/%Y/%m/")
    name = models.CharField(_("파일 이름"), max_length=200)
    created_at = models.DateTimeField(_("등록일시"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("제안 첨부파일")
        verbose_name_plural = _("제안 첨부파일")

    def __str__(self):
        return self.name


class ProposalTransition(StatusTransition):
    """One change of a proposal's status: who, when, from, to, and why."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("제안"))
    from_status = models.CharField(_("이전 상태"), max_length=20, choices=ProposalStatus.choices)
    to_status = models.CharField(_("변경 상태"), max_length=20, choices=ProposalStatus.choices)

    class Meta(StatusTransition.Meta):
        verbose_name = _("제안 상태 변경 이력")
        verbose_name_plural = _("제안 상태 변경 이력")


class Award(models.Model):
    """The city's final choice for a need, with its reason. One per need."""

    need = models.OneToOneField(Need, on_delete=models.CASCADE, related_name="award", verbose_name=_("수요"))
    proposal = models.OneToOneField(
        Proposal, on_delete=models.PROTECT, related_name="award", verbose_name=_("선정 제안")
    )
    reason = models.TextField(_("선정 사유"))
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("선정자")
    )
    snapshot = models.ForeignKey(
        MatchSnapshot, on_delete=models.PROTECT, related_name="+", verbose_name=_("선정 시 매칭 목록")
    )
    created_at = models.DateTimeField(_("선정일시"), auto_now_add=True)

    class Meta:
        verbose_name = _("최종 선정")
        verbose_name_plural = _("최종 선정")


class Question(models.Model):
    """A company's question about a need and the city's answer (Q&A visible to invited companies)."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="questions", verbose_name=_("수요"))
    company = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("질문 기업"))
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("질문자")
    )
    text = models.TextField(_("질문"))
    answer = models.TextField(_("답변"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("답변자"),
    )
    answered_at = models.DateTimeField(_("답변일시"), null=True, blank=True)
    created_at = models.DateTimeField(_("질문일시"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("질의응답")
        verbose_name_plural = _("질의응답")
