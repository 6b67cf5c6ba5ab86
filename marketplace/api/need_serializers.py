"""Serializers for needs, matches, proposals, awards and programmes. Shapes only; services hold the rules."""

from rest_framework import serializers

from marketplace.models import (
    Award,
    CityType,
    Domain,
    MustHave,
    Need,
    NeedVisibility,
    Organization,
    OrganizationKind,
    Programme,
    Proposal,
    ProposalTransition,
    Solution,
    SolutionType,
    SolutionVersion,
)

from .serializers import TypeRefSerializer


class OrgRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "slug", "name", "kind"]


class NeedSerializer(serializers.ModelSerializer):
    municipality = OrgRefSerializer(read_only=True)
    domain = serializers.CharField(source="domain.code", read_only=True, allow_null=True, default=None)
    types = TypeRefSerializer(many=True, read_only=True)
    inferred_types = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Type codes inferred from `text` when no types."
    )
    warnings = serializers.SerializerMethodField(help_text="Non-blocking warnings, e.g. types contradicting text.")
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    status = serializers.CharField(
        read_only=True, help_text="draft, published, proposals_open, evaluating, awarded, closed or cancelled"
    )

    class Meta:
        model = Need
        fields = [
            "id",
            "url",
            "municipality",
            "title",
            "text",
            "domain",
            "types",
            "inferred_types",
            "budget_krw",
            "timeline",
            "proposal_deadline",
            "sites",
            "site_points",
            "population_served",
            "city_type",
            "must_haves",
            "status",
            "visibility",
            "published_at",
            "created_at",
            "warnings",
        ]

    def get_warnings(self, need) -> list[str]:
        from marketplace.need_selectors import need_warnings

        return need_warnings(need)


class NeedWriteSerializer(serializers.Serializer):
    """Input of a need. Only types/city fields are checked here for shape; the rules are in services."""

    municipality = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organization.objects.filter(kind=OrganizationKind.MUNICIPALITY),
        required=False,
        help_text="Your municipality's slug; needed only when you belong to several.",
    )
    title = serializers.CharField(max_length=150, allow_blank=True)
    text = serializers.CharField(allow_blank=True, help_text="The problem in the city's own words.")
    types = serializers.SlugRelatedField(
        slug_field="code", queryset=SolutionType.objects.all(), many=True, required=False
    )
    domain = serializers.SlugRelatedField(slug_field="code", queryset=Domain.objects.all(), required=False)
    budget_krw = serializers.IntegerField(required=False, allow_null=True, help_text="KRW; positive.")
    timeline = serializers.CharField(required=False, allow_blank=True, max_length=60)
    proposal_deadline = serializers.DateTimeField(required=False, allow_null=True)
    sites = serializers.IntegerField(required=False)
    site_points = serializers.ListField(
        child=serializers.ListField(child=serializers.FloatField(), min_length=2, max_length=2), required=False
    )
    population_served = serializers.IntegerField(required=False, allow_null=True)
    city_type = serializers.ChoiceField(choices=CityType.choices, required=False, allow_blank=True)
    must_haves = serializers.ListField(child=serializers.ChoiceField(choices=MustHave.choices), required=False)
    visibility = serializers.ChoiceField(choices=NeedVisibility.choices, required=False)


class PreviewSerializer(serializers.Serializer):
    """The fields of a need; only ``text`` is required. Nothing is saved."""

    text = serializers.CharField(allow_blank=True, max_length=5000)
    title = serializers.CharField(required=False, allow_blank=True, max_length=150)
    types = serializers.SlugRelatedField(
        slug_field="code", queryset=SolutionType.objects.all(), many=True, required=False
    )
    budget_krw = serializers.IntegerField(required=False, allow_null=True)
    sites = serializers.IntegerField(required=False, allow_null=True)
    population = serializers.IntegerField(required=False, allow_null=True, help_text="The city's population.")
    city_type = serializers.ChoiceField(choices=CityType.choices, required=False, allow_blank=True)
    must_haves = serializers.ListField(child=serializers.ChoiceField(choices=MustHave.choices), required=False)


class FactorSerializer(serializers.Serializer):
    name = serializers.CharField()
    value = serializers.FloatField(help_text="In [0, 1].")
    weight = serializers.FloatField()
    reason = serializers.CharField(help_text="Plain-Korean reason (the request's language where translated).")


class MatchSolutionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="solution_id")
    name = serializers.CharField(source="solution_name")
    slug = serializers.CharField(source="solution_slug")
    company = serializers.CharField(source="company_name")


class MatchSerializer(serializers.Serializer):
    solution = MatchSolutionSerializer(source="*")
    score = serializers.FloatField(help_text="Σ weight × value, in [0, 1].")
    factors = FactorSerializer(many=True)
    excluded_reason = serializers.CharField(help_text="Non-empty when a must-have is missed: the solution is excluded.")


class MatchListSerializer(serializers.Serializer):
    weights_version = serializers.CharField()
    type_codes = serializers.ListField(child=serializers.CharField(), help_text="Types used (chosen or inferred).")
    types_inferred = serializers.BooleanField()
    results = MatchSerializer(many=True)


class MatchingNeedSerializer(serializers.Serializer):
    need = NeedSerializer()
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())


class ProposalTransitionSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.email")

    class Meta:
        model = ProposalTransition
        fields = ["from_status", "to_status", "actor", "note", "created_at"]


class ProposalSerializer(serializers.ModelSerializer):
    need = serializers.PrimaryKeyRelatedField(read_only=True)
    company = OrgRefSerializer(read_only=True)
    solution = serializers.SerializerMethodField()
    solution_version = serializers.CharField(source="solution_version.version", read_only=True, default=None)
    status = serializers.CharField(
        read_only=True, help_text="submitted, shortlisted, awarded, not_selected or withdrawn"
    )
    attachments = serializers.SerializerMethodField(help_text="PDFs sent with the proposal: name and url.")

    class Meta:
        model = Proposal
        fields = [
            "id",
            "need",
            "company",
            "solution",
            "solution_version",
            "price_krw",
            "schedule",
            "approach",
            "attachments",
            "status",
            "created_at",
        ]

    def get_attachments(self, proposal) -> list[dict]:
        return [{"name": a.name, "url": a.file.url} for a in proposal.attachments.all()]

    def get_solution(self, proposal) -> dict:
        return {"id": proposal.solution_id, "name": proposal.solution.name, "slug": proposal.solution.slug}


class ProposalWriteSerializer(serializers.Serializer):
    solution = serializers.PrimaryKeyRelatedField(queryset=Solution.objects.all())
    solution_version = serializers.PrimaryKeyRelatedField(queryset=SolutionVersion.objects.all(), required=False)
    price_krw = serializers.IntegerField()
    schedule = serializers.CharField(allow_blank=True, max_length=200)
    approach = serializers.CharField(allow_blank=True)
    attachments = serializers.ListField(
        child=serializers.FileField(), required=False, help_text="Up to 5 PDFs (multipart/form-data)."
    )
    company = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organization.objects.filter(kind=OrganizationKind.COMPANY), required=False
    )


class AwardSerializer(serializers.ModelSerializer):
    proposal = ProposalSerializer(read_only=True)
    snapshot = serializers.IntegerField(source="snapshot_id", read_only=True)

    class Meta:
        model = Award
        fields = ["need", "proposal", "reason", "snapshot", "created_at"]


class AwardWriteSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True)


class InviteSerializer(serializers.Serializer):
    company = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organization.objects.filter(kind=OrganizationKind.COMPANY)
    )
    message = serializers.CharField(required=False, allow_blank=True)


class ProgrammeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Programme
        fields = [
            "id",
            "name",
            "name_en",
            "slug",
            "summary",
            "max_population",
            "city_types",
            "requires_open_source",
            "requires_data_hub_linkage",
            "requires_data_hub_certification",
            "min_climate_inclusion_share",
            "application_deadline",
            "is_active",
        ]
