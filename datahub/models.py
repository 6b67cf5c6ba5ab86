"""Storage of the sandbox data hub.

* :class:`Tenant` — an isolated NGSI-LD tenant; the default tenant (``tenancy.DEFAULT_TENANT``) holds the shared
  sandbox city data, every other tenant belongs to one organization.
* :class:`Entity` — the current state of one NGSI-LD entity: the normalized entity with *expanded* attribute
  names in ``data`` (``{attribute IRI: [instance, …]}``, one instance per datasetId), plus indexed columns for
  what queries filter on (tenant, id, type, bounding box of ``location``, timestamps). On PostgreSQL ``data``
  is ``jsonb`` with a GIN index (migration 0002).
* :class:`AttributeInstance` — the history of attribute values for the temporal API: one row per instance,
  indexed by (tenant, entity, attribute, observedAt); ``number`` copies numeric values so aggregation runs in SQL.
* :class:`StoredContext` — remote JSON-LD contexts fetched once and kept (offline afterwards).
* :class:`ApiKey` / :class:`ApiKeyDailyUsage` — keys of organizations for the NGSI-LD API, stored hashed.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Tenant(models.Model):
    """An isolated space of entities. A startup writes into its own; reads of the default tenant are shared."""

    name = models.CharField(_("테넌트 이름"), max_length=64, unique=True)
    organization = models.ForeignKey(
        "marketplace.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="datahub_tenants",
        verbose_name=_("기관"),
    )
    created_at = models.DateTimeField(_("생성일시"), auto_now_add=True)

    class Meta:
        verbose_name = _("테넌트")
        verbose_name_plural = _("테넌트")

    def __str__(self):
        return self.name


class Entity(models.Model):
    """Current state of one NGSI-LD entity in one tenant."""

    tenant = models.CharField(_("테넌트"), max_length=64)
    entity_id = models.CharField(_("엔티티 ID"), max_length=256)
    type = models.CharField(_("유형 IRI"), max_length=256)
    data = models.JSONField(_("속성"), default=dict)
    min_lon = models.FloatField(null=True, blank=True)
    min_lat = models.FloatField(null=True, blank=True)
    max_lon = models.FloatField(null=True, blank=True)
    max_lat = models.FloatField(null=True, blank=True)
    # Larger side of the bounding box in degrees: small geometries (almost all: points) are found by a tight
    # range on min_lat, the few large ones by this column (see selectors.entities_query).
    extent = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(_("생성일시"), default=timezone.now)
    modified_at = models.DateTimeField(_("수정일시"), default=timezone.now)

    class Meta:
        verbose_name = _("엔티티")
        verbose_name_plural = _("엔티티")
        constraints = [models.UniqueConstraint(fields=["tenant", "entity_id"], name="datahub_entity_unique_id")]
        indexes = [
            models.Index(fields=["tenant", "type", "entity_id"], name="datahub_entity_type"),
            models.Index(fields=["tenant", "min_lat", "min_lon"], name="datahub_entity_bbox"),
            models.Index(fields=["tenant", "extent"], name="datahub_entity_extent"),
        ]

    def set_bbox(self, box: tuple | None) -> None:
        self.min_lon, self.min_lat, self.max_lon, self.max_lat = box or (None, None, None, None)
        self.extent = max(box[2] - box[0], box[3] - box[1]) if box else None

    def __str__(self):
        return self.entity_id


class AttributeInstance(models.Model):
    """One historical value of one attribute of one entity (temporal representation)."""

    tenant = models.CharField(max_length=64)
    entity_id = models.CharField(max_length=256)
    entity_type = models.CharField(max_length=256)
    attribute = models.CharField(max_length=256)
    dataset_id = models.CharField(max_length=256, blank=True, default="")
    observed_at = models.DateTimeField(null=True, blank=True)
    modified_at = models.DateTimeField(default=timezone.now)
    number = models.FloatField(null=True, blank=True)
    instance = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("속성 이력")
        verbose_name_plural = _("속성 이력")
        indexes = [
            models.Index(fields=["tenant", "entity_id", "attribute", "observed_at"], name="datahub_history_time"),
            models.Index(fields=["tenant", "entity_type", "observed_at"], name="datahub_history_type"),
        ]


class StoredContext(models.Model):
    """A remote JSON-LD @context document, fetched once."""

    url = models.URLField(max_length=500, unique=True)
    document = models.JSONField()
    fetched_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("JSON-LD 컨텍스트")
        verbose_name_plural = _("JSON-LD 컨텍스트")


class ApiKeyScope(models.TextChoices):
    READ_SANDBOX = "read-sandbox", _("샌드박스 데이터 읽기")
    WRITE_OWN_TENANT = "write-own-tenant", _("우리 테넌트 쓰기")


class ApiKey(models.Model):
    """A key of an organization for the NGSI-LD API. The secret is shown once; only its SHA-256 is kept."""

    organization = models.ForeignKey(
        "marketplace.Organization", on_delete=models.CASCADE, related_name="datahub_keys", verbose_name=_("기관")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("만든 사람")
    )
    name = models.CharField(_("키 이름"), max_length=80)
    prefix = models.CharField(_("키 앞자리"), max_length=16, db_index=True)
    hashed = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(_("권한"), default=list)
    tenant = models.CharField(_("쓰기 테넌트"), max_length=64)
    rate_limit_per_minute = models.PositiveIntegerField(_("분당 요청 한도"), default=600)
    expires_at = models.DateTimeField(_("만료일시"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("폐기일시"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("마지막 사용"), null=True, blank=True)
    request_count = models.PositiveBigIntegerField(_("요청 수"), default=0)
    created_at = models.DateTimeField(_("생성일시"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API 키")
        verbose_name_plural = _("API 키")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > timezone.now())


class ApiKeyDailyUsage(models.Model):
    """Requests made with one key on one day (shown on the dashboard)."""

    key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="daily_usage")
    day = models.DateField()
    requests = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "day"], name="datahub_usage_unique_day")]


class SubscriptionStatus(models.TextChoices):
    ACTIVE = "active", _("활성")
    PAUSED = "paused", _("일시 중지")
    EXPIRED = "expired", _("만료")
    FAILED = "failed", _("전송 실패")


class Subscription(models.Model):
    """An NGSI-LD subscription: entities to watch, and where to notify (HTTP endpoint or MQTT topic).

    ``document`` is the subscription as created (short names, as the subscriber wrote it); ``context`` is the
    @context it came with, used to expand its filters and to compact notifications.
    """

    tenant = models.CharField(max_length=64)
    subscription_id = models.CharField(max_length=256)
    document = models.JSONField(default=dict)
    context = models.JSONField(null=True, blank=True)
    api_key = models.ForeignKey(ApiKey, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    is_active = models.BooleanField(default=True)
    status = models.CharField(max_length=10, choices=SubscriptionStatus.choices, default=SubscriptionStatus.ACTIVE)
    expires_at = models.DateTimeField(null=True, blank=True)
    throttling = models.PositiveIntegerField(default=0)
    times_sent = models.PositiveIntegerField(default=0)
    times_failed = models.PositiveIntegerField(default=0)
    last_notification = models.DateTimeField(null=True, blank=True)
    last_success = models.DateTimeField(null=True, blank=True)
    last_failure = models.DateTimeField(null=True, blank=True)
    last_failure_reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    modified_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("구독")
        verbose_name_plural = _("구독")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "subscription_id"], name="datahub_subscription_unique_id")
        ]

    def __str__(self):
        return self.subscription_id


class NotificationDelivery(models.Model):
    """One notification to one subscriber, with its delivery attempts (the delivery log)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("대기")
        SENT = "sent", _("전송됨")
        FAILED = "failed", _("실패")

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    notification_id = models.CharField(max_length=100)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("알림 전송 기록")
        verbose_name_plural = _("알림 전송 기록")


class DataModel(models.Model):
    """A City Data Hub data model (Data Manager ``/datamodels``): the attributes an entity type must have, with
    their NGSI-LD attribute type, value type, observedAt/unitCode requirements and value constraints."""

    tenant = models.CharField(max_length=64)
    model_id = models.CharField(_("데이터 모델 ID"), max_length=256)
    type = models.CharField(_("엔티티 유형"), max_length=256)
    document = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    modified_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("데이터 모델")
        verbose_name_plural = _("데이터 모델")
        constraints = [models.UniqueConstraint(fields=["tenant", "model_id"], name="datahub_datamodel_unique_id")]

    def __str__(self):
        return self.model_id


class Dataset(models.Model):
    """A City Data Hub dataset (Data Manager ``/datasets``): a named, licensed stream of entities of one data
    model. Entities ingested with its ``datasetId`` are validated against that model."""

    tenant = models.CharField(max_length=64)
    dataset_id = models.CharField(_("데이터셋 ID"), max_length=256)
    data_model = models.ForeignKey(DataModel, on_delete=models.PROTECT, related_name="datasets")
    document = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    modified_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("데이터셋")
        verbose_name_plural = _("데이터셋")
        constraints = [models.UniqueConstraint(fields=["tenant", "dataset_id"], name="datahub_dataset_unique_id")]

    def __str__(self):
        return self.dataset_id


class ContextSourceRegistration(models.Model):
    """An NGSI-LD context source registration (ETSI GS CIM 009 §5.9): which entities or attributes another
    broker (the context source at ``endpoint``) can provide. Stored and answered as registered; this hub does
    not forward queries to registered sources."""

    tenant = models.CharField(max_length=64)
    registration_id = models.CharField(max_length=256)
    document = models.JSONField(default=dict)
    context = models.JSONField(null=True, blank=True)
    api_key = models.ForeignKey(ApiKey, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    modified_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("컨텍스트 소스 등록")
        verbose_name_plural = _("컨텍스트 소스 등록")
        constraints = [models.UniqueConstraint(fields=["tenant", "registration_id"], name="datahub_csource_unique_id")]
