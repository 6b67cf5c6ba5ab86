from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from marketplace.models import (
    CityType,
    Domain,
    Organization,
    OrganizationKind,
    OutcomeKPI,
    PricingModel,
    Province,
    Reference,
    SmartCityStatus,
    Solution,
    SolutionMedia,
    SolutionType,
    SolutionVersion,
)


class SolutionTypeSerializer(serializers.ModelSerializer):
    domain = serializers.CharField(source="domain.code", read_only=True)

    class Meta:
        model = SolutionType
        fields = ["code", "domain", "name_ko", "name_en", "smart_data_models"]


class DomainSerializer(serializers.ModelSerializer):
    types = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    solution_count = serializers.IntegerField(read_only=True, help_text="Published solutions in this domain.")

    class Meta:
        model = Domain
        fields = ["code", "name_ko", "name_en", "types", "solution_count"]


class DomainRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Domain
        fields = ["code", "name_ko", "name_en"]


class TypeRefSerializer(serializers.ModelSerializer):
    domain = serializers.CharField(source="domain.code", read_only=True)

    class Meta:
        model = SolutionType
        fields = ["code", "name_ko", "name_en", "domain"]


class OrganizationSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Organization
        fields = [
            "id",
            "kind",
            "name",
            "name_en",
            "slug",
            "url",
            "description",
            "website",
            "email",
            "phone",
            "province",
            "is_verified",
            "business_number",
            "is_startup",
            "founded_year",
            "employees",
            "regions_served",
            "admin_code",
            "population",
            "city_type",
            "smart_city_status",
            "created_at",
        ]
        read_only_fields = fields


class OrganizationCreateSerializer(serializers.Serializer):
    """Shape only; ``organization_create`` checks the rules (checksum, duplicates, kind fields)."""

    kind = serializers.ChoiceField(choices=OrganizationKind.choices)
    name = serializers.CharField(max_length=120)
    name_en = serializers.CharField(max_length=160, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    website = serializers.URLField(required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True)
    province = serializers.ChoiceField(choices=Province.choices, required=False, allow_blank=True)
    business_number = serializers.CharField(
        max_length=12, required=False, allow_blank=True, help_text="사업자등록번호, e.g. 123-45-67891"
    )
    is_startup = serializers.BooleanField(required=False, default=False)
    founded_year = serializers.IntegerField(required=False, min_value=1900, max_value=2100, allow_null=True)
    employees = serializers.IntegerField(required=False, min_value=0, allow_null=True)
    regions_served = serializers.ListField(
        child=serializers.ChoiceField(choices=Province.choices), required=False, default=list
    )
    admin_code = serializers.CharField(max_length=5, required=False, allow_blank=True, help_text="행정표준코드 5자리")
    population = serializers.IntegerField(required=False, min_value=1, allow_null=True)
    city_type = serializers.ChoiceField(choices=CityType.choices, required=False, allow_blank=True)
    smart_city_status = serializers.ChoiceField(choices=SmartCityStatus.choices, required=False, allow_blank=True)


class CompanyRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name", "name_en", "slug", "is_startup"]


class SolutionSerializer(serializers.ModelSerializer):
    company = CompanyRefSerializer(read_only=True)
    types = TypeRefSerializer(many=True, read_only=True)
    main_type = serializers.CharField(source="main_type.code", read_only=True)
    domain = DomainRefSerializer(source="main_type.domain", read_only=True)
    price_band = serializers.CharField(read_only=True, allow_null=True)
    reference_count = serializers.IntegerField(read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Solution
        fields = [
            "id",
            "slug",
            "url",
            "name",
            "name_en",
            "summary",
            "status",
            "company",
            "main_type",
            "domain",
            "types",
            "pricing_model",
            "price_min",
            "price_max",
            "price_unit",
            "price_band",
            "open_source_license",
            "reference_count",
            "published_at",
            "updated_at",
        ]
        read_only_fields = fields


class OutcomeKPISerializer(serializers.ModelSerializer):
    change_percent = serializers.DecimalField(max_digits=8, decimal_places=1, read_only=True, allow_null=True)

    class Meta:
        model = OutcomeKPI
        fields = ["metric", "baseline", "result", "unit", "lower_is_better", "change_percent", "verified_by"]


class ReferenceSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    municipality_name = serializers.CharField(source="municipality.name", read_only=True)
    kpis = OutcomeKPISerializer(many=True, read_only=True)

    class Meta:
        model = Reference
        fields = ["id", "municipality", "municipality_name", "year", "programme", "budget_krw", "summary", "kpis"]


class SolutionVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = SolutionVersion
        fields = ["version", "released_on", "changelog"]


class SolutionMediaSerializer(serializers.ModelSerializer):
    class Meta:
        model = SolutionMedia
        fields = ["id", "kind", "file", "caption"]


class SolutionDetailSerializer(SolutionSerializer):
    versions = SolutionVersionSerializer(many=True, read_only=True)
    references = ReferenceSerializer(many=True, read_only=True)
    media = SolutionMediaSerializer(many=True, read_only=True)

    class Meta(SolutionSerializer.Meta):
        fields = [
            *SolutionSerializer.Meta.fields,
            "description",
            "problems",
            "features",
            "specs",
            "tags",
            "deployment_options",
            "data_models_produced",
            "data_models_consumed",
            "versions",
            "references",
            "media",
        ]
        read_only_fields = fields


class SolutionWriteSerializer(serializers.Serializer):
    """Shape only; ``solution_create``/``solution_update`` check the listing rules."""

    company = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organization.objects.filter(kind=OrganizationKind.COMPANY),
        required=False,
        help_text="Company slug; optional when you belong to exactly one company.",
    )
    types = serializers.SlugRelatedField(
        slug_field="code", queryset=SolutionType.objects.all(), many=True, help_text="Type codes, e.g. ['TRN-04']"
    )
    name = serializers.CharField(max_length=150)
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    summary = serializers.CharField(max_length=200)
    description = serializers.CharField()
    problems = serializers.ListField(child=serializers.CharField(max_length=200), required=False)
    features = serializers.ListField(child=serializers.CharField(max_length=200), required=False)
    specs = serializers.DictField(child=serializers.CharField(max_length=200), required=False)
    tags = serializers.ListField(child=serializers.CharField(max_length=50), required=False)
    pricing_model = serializers.ChoiceField(choices=PricingModel.choices)
    price_min = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    price_max = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    price_unit = serializers.CharField(max_length=30, required=False, allow_blank=True)
    deployment_options = serializers.ListField(child=serializers.CharField(), required=False)
    open_source_license = serializers.CharField(max_length=40, required=False, allow_blank=True)
    data_models_produced = serializers.ListField(child=serializers.CharField(max_length=64), required=False)
    data_models_consumed = serializers.ListField(child=serializers.CharField(max_length=64), required=False)


class OutcomeKPIWriteSerializer(serializers.Serializer):
    metric = serializers.CharField(max_length=120)
    baseline = serializers.DecimalField(max_digits=16, decimal_places=2)
    result = serializers.DecimalField(max_digits=16, decimal_places=2)
    unit = serializers.CharField(max_length=30, required=False, allow_blank=True)
    lower_is_better = serializers.BooleanField(required=False, default=False)
    verified_by = serializers.CharField(max_length=120, required=False, allow_blank=True)


class ReferenceWriteSerializer(serializers.Serializer):
    """Shape only; ``reference_create`` checks who may add it and the year."""

    municipality = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organization.objects.filter(kind=OrganizationKind.MUNICIPALITY),
        help_text="Municipality slug (see /api/v1/organizations/?kind=municipality)",
    )
    year = serializers.IntegerField(min_value=1990, max_value=2100)
    programme = serializers.CharField(max_length=100, required=False, allow_blank=True)
    budget_krw = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    summary = serializers.CharField(required=False, allow_blank=True)
    kpis = OutcomeKPIWriteSerializer(many=True, required=False)


class TransitionSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="", help_text=_("메모"))


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(help_text="Why; the company sees it.")
