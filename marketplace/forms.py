"""HTML forms. They shape input only; the rules live in ``marketplace.services``."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import (
    CityType,
    DeploymentOption,
    Domain,
    Organization,
    OrganizationKind,
    PricingModel,
    Province,
    SmartCityStatus,
    SolutionMedia,
    SolutionType,
)


def apply_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form: per field where the field exists."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _commas(value: str) -> list[str]:
    return [item.strip() for item in (value or "").replace("\n", ",").split(",") if item.strip()]


class TypeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {obj.name}"


def grouped_type_choices():
    types_by_domain: dict[int, list] = {}
    for solution_type in SolutionType.objects.select_related("domain"):
        types_by_domain.setdefault(solution_type.domain_id, []).append(solution_type)
    return [
        (domain.name, [(t.pk, f"{t.code} {t.name}") for t in types_by_domain.get(domain.pk, [])])
        for domain in Domain.objects.all()
    ]


class SolutionForm(forms.Form):
    name = forms.CharField(label=_("솔루션명"), max_length=150)
    name_en = forms.CharField(label=_("영문 솔루션명"), max_length=200, required=False)
    types = TypeChoiceField(
        label=_("솔루션 유형"),
        queryset=SolutionType.objects.all(),
        help_text=_("최대 3개. 처음 선택한 유형이 대표 유형입니다."),
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    summary = forms.CharField(label=_("한 줄 소개"), max_length=200)
    description = forms.CharField(label=_("상세 설명"), widget=forms.Textarea(attrs={"rows": 8}))
    problems = forms.CharField(
        label=_("해결하는 도시문제"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("한 줄에 하나씩"),
    )
    features = forms.CharField(
        label=_("주요 기능"), required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text=_("한 줄에 하나씩")
    )
    specs = forms.CharField(
        label=_("사양"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("한 줄에 '항목: 값' 형식(예: 통신: LTE-M)"),
    )
    tags = forms.CharField(label=_("키워드"), required=False, help_text=_("쉼표로 구분"))
    pricing_model = forms.ChoiceField(label=_("가격 모델"), choices=PricingModel.choices)
    price_min = forms.IntegerField(label=_("최저 가격(원)"), min_value=0, required=False)
    price_max = forms.IntegerField(label=_("최고 가격(원)"), min_value=0, required=False)
    price_unit = forms.CharField(
        label=_("가격 단위"), max_length=30, required=False, help_text=_("예: 개소당, 대당, 연간")
    )
    deployment_options = forms.MultipleChoiceField(
        label=_("구축 방식"), choices=DeploymentOption.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    open_source_license = forms.CharField(
        label=_("오픈소스 라이선스"), max_length=40, required=False, help_text=_("SPDX 식별자(예: Apache-2.0)")
    )
    data_models_produced = forms.CharField(
        label=_("생산 데이터 모델"),
        required=False,
        help_text=_("Smart Data Models 엔티티 유형, 쉼표로 구분(예: ParkingSpot)"),
    )
    data_models_consumed = forms.CharField(label=_("사용 데이터 모델"), required=False, help_text=_("쉼표로 구분"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["types"].choices = grouped_type_choices()

    def clean_types(self):
        # Keep the order the user chose in: the first is the main type.
        chosen = [str(v) for v in self.data.getlist("types")] if hasattr(self.data, "getlist") else []
        types = list(self.cleaned_data["types"])
        return sorted(types, key=lambda t: chosen.index(str(t.pk)) if str(t.pk) in chosen else len(chosen))

    def clean_problems(self):
        return _lines(self.cleaned_data["problems"])

    def clean_features(self):
        return _lines(self.cleaned_data["features"])

    def clean_tags(self):
        return _commas(self.cleaned_data["tags"])

    def clean_data_models_produced(self):
        return _commas(self.cleaned_data["data_models_produced"])

    def clean_data_models_consumed(self):
        return _commas(self.cleaned_data["data_models_consumed"])

    def clean_specs(self):
        specs = {}
        for line in _lines(self.cleaned_data["specs"]):
            key, sep, value = line.partition(":")
            if not sep or not key.strip():
                raise ValidationError(_("'%(line)s' 줄에 ':'가 없습니다. '항목: 값' 형식으로 쓰세요.") % {"line": line})
            specs[key.strip()] = value.strip()
        return specs

    @classmethod
    def initial_from(cls, solution) -> dict:
        return {
            "name": solution.name,
            "name_en": solution.name_en,
            "types": [t.pk for t in solution.types.all()],
            "summary": solution.summary,
            "description": solution.description,
            "problems": "\n".join(solution.problems),
            "features": "\n".join(solution.features),
            "specs": "\n".join(f"{k}: {v}" for k, v in solution.specs.items()),
            "tags": ", ".join(solution.tags),
            "pricing_model": solution.pricing_model,
            "price_min": solution.price_min,
            "price_max": solution.price_max,
            "price_unit": solution.price_unit,
            "deployment_options": solution.deployment_options,
            "open_source_license": solution.open_source_license,
            "data_models_produced": ", ".join(solution.data_models_produced),
            "data_models_consumed": ", ".join(solution.data_models_consumed),
        }


class MediaUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("종류"), choices=SolutionMedia.Kind.choices)
    file = forms.FileField(label=_("파일"), help_text=_("이미지: JPG·PNG·WebP 5MB 이하 / 브로슈어: PDF 20MB 이하"))
    caption = forms.CharField(label=_("설명"), max_length=200, required=False)


class VersionForm(forms.Form):
    version = forms.CharField(label=_("버전"), max_length=30)
    released_on = forms.DateField(label=_("출시일"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    changelog = forms.CharField(label=_("변경 내역"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ReferenceForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("지자체"),
        queryset=Organization.objects.filter(kind=OrganizationKind.MUNICIPALITY).order_by("name"),
        error_messages={"invalid_choice": _("목록에 있는 지자체를 선택하세요.")},
    )
    year = forms.IntegerField(label=_("구축 연도"), min_value=1990, max_value=2100)
    programme = forms.CharField(label=_("사업명"), max_length=100, required=False, help_text=_("예: 스마트챌린지"))
    budget_krw = forms.IntegerField(label=_("사업비(원)"), min_value=0, required=False)
    summary = forms.CharField(label=_("사례 요약"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class OutcomeKPIForm(forms.Form):
    metric = forms.CharField(label=_("지표"), max_length=120)
    baseline = forms.DecimalField(label=_("도입 전"), max_digits=16, decimal_places=2)
    result = forms.DecimalField(label=_("도입 후"), max_digits=16, decimal_places=2)
    unit = forms.CharField(label=_("단위"), max_length=30, required=False)
    lower_is_better = forms.BooleanField(label=_("낮을수록 좋음"), required=False)
    verified_by = forms.CharField(label=_("검증 기관"), max_length=120, required=False)


OutcomeKPIFormSet = forms.formset_factory(OutcomeKPIForm, extra=3, max_num=5)


class TransitionNoteForm(forms.Form):
    note = forms.CharField(label=_("메모"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class OrganizationForm(forms.Form):
    """Register a new organization during onboarding. Operators are created by site admins."""

    kind = forms.ChoiceField(
        label=_("기관 유형"),
        choices=[(k, label) for k, label in OrganizationKind.choices if k != OrganizationKind.OPERATOR],
    )
    name = forms.CharField(label=_("기관명"), max_length=120)
    name_en = forms.CharField(label=_("영문 기관명"), max_length=160, required=False)
    business_number = forms.CharField(
        label=_("사업자등록번호"), max_length=12, required=False, help_text=_("기업만 입력. 예: 123-45-67891")
    )
    is_startup = forms.BooleanField(label=_("새싹기업(창업 7년 이내)"), required=False)
    admin_code = forms.CharField(
        label=_("행정표준코드"), max_length=5, required=False, help_text=_("지자체만 입력. 시군구 5자리(예: 41290)")
    )
    province = forms.ChoiceField(
        label=_("광역자치단체"), choices=[("", "---------"), *Province.choices], required=False
    )
    population = forms.IntegerField(label=_("인구"), min_value=1, required=False, help_text=_("지자체만 입력"))
    city_type = forms.ChoiceField(label=_("도시 유형"), choices=[("", "---------"), *CityType.choices], required=False)
    smart_city_status = forms.ChoiceField(
        label=_("스마트도시 추진 단계"), choices=[("", "---------"), *SmartCityStatus.choices], required=False
    )
    website = forms.URLField(label=_("웹사이트"), required=False, assume_scheme="https")
    description = forms.CharField(label=_("소개"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def service_kwargs(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if v not in ("", None)}
        data.setdefault("is_startup", False)
        return data


class JoinForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("가입할 기관"),
        queryset=Organization.objects.exclude(kind=OrganizationKind.OPERATOR).order_by("name"),
        error_messages={"invalid_choice": _("목록에 있는 기관을 선택하세요.")},
    )
    message = forms.CharField(label=_("기관 관리자에게 남길 말"), max_length=300, required=False)
