"""HTML forms for needs, proposals, quick match and the inbox. They shape input; services hold the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import TypeChoiceField, grouped_type_choices
from .models import CityType, MustHave, NeedVisibility, NotificationKind, SolutionType


class NeedForm(forms.Form):
    title = forms.CharField(label=_("제목"), max_length=150)
    text = forms.CharField(
        label=_("문제 설명"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("현장의 말로 적어 주세요. 유형을 고르지 않으면 이 설명으로 유형을 추론합니다."),
    )
    types = TypeChoiceField(
        label=_("솔루션 유형(선택)"),
        queryset=SolutionType.objects.all(),
        required=False,
        help_text=_("최대 3개. 비워 두면 문제 설명에서 추론합니다."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    budget_krw = forms.IntegerField(label=_("예산(원)"), required=False, help_text=_("예: 3억 원 = 300000000"))
    timeline = forms.CharField(label=_("추진 시기"), max_length=60, required=False)
    proposal_deadline = forms.DateTimeField(
        label=_("제안 마감일시"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    sites = forms.IntegerField(label=_("대상 개소 수"), initial=1)
    population_served = forms.IntegerField(label=_("수혜 인구"), required=False)
    city_type = forms.ChoiceField(
        label=_("도시 유형"), choices=[("", _("지자체 정보 사용"))] + CityType.choices, required=False
    )
    must_haves = forms.MultipleChoiceField(
        label=_("필수 요건"), choices=MustHave.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    visibility = forms.ChoiceField(label=_("공개 범위"), choices=NeedVisibility.choices, initial=NeedVisibility.PUBLIC)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["types"].choices = grouped_type_choices()


class QuickMatchForm(forms.Form):
    text = forms.CharField(
        label=_("도시 문제"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("예: 도심 불법주정차로 소방차 진입이 어렵습니다."),
    )
    budget_krw = forms.IntegerField(label=_("예산(원)"), required=False)
    sites = forms.IntegerField(label=_("대상 개소 수"), required=False, min_value=1)
    population = forms.IntegerField(label=_("지자체 인구"), required=False)
    city_type = forms.ChoiceField(label=_("도시 유형"), choices=[("", "—")] + CityType.choices, required=False)
    must_haves = forms.MultipleChoiceField(
        label=_("필수 요건"), choices=MustHave.choices, required=False, widget=forms.CheckboxSelectMultiple
    )


class InviteForm(forms.Form):
    company = forms.CharField(widget=forms.HiddenInput)
    message = forms.CharField(label=_("초청 메시지"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern); cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "application/pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class ProposalForm(forms.Form):
    solution = forms.ModelChoiceField(label=_("제안 솔루션"), queryset=None)
    price_krw = forms.IntegerField(label=_("제안 금액(원)"))
    schedule = forms.CharField(label=_("추진 일정"), max_length=200)
    approach = forms.CharField(label=_("추진 방법"), widget=forms.Textarea(attrs={"rows": 6}))
    attachments = MultipleFileField(
        label=_("첨부파일(PDF)"), required=False, help_text=_("제안서, 견적서 등 PDF 파일 최대 5개")
    )

    def __init__(self, *args, solutions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["solution"].queryset = solutions


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("사유"), widget=forms.Textarea(attrs={"rows": 3}))


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("질문"), widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("답변"), widget=forms.Textarea(attrs={"rows": 2}))


class PreferencesForm(forms.Form):
    """One inbox and one email checkbox per kind of notification."""

    def __init__(self, *args, current: dict[str, tuple[bool, bool]], **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in NotificationKind.choices:
            inbox, email = current.get(kind, (True, True))
            self.fields[f"{kind}__inbox"] = forms.BooleanField(
                label=_("%(kind)s: 알림함") % {"kind": label}, required=False, initial=inbox
            )
            self.fields[f"{kind}__email"] = forms.BooleanField(
                label=_("%(kind)s: 이메일") % {"kind": label}, required=False, initial=email
            )

    def choices(self) -> dict[str, dict[str, bool]]:
        return {
            kind: {"inbox": self.cleaned_data[f"{kind}__inbox"], "email": self.cleaned_data[f"{kind}__email"]}
            for kind in NotificationKind.values
        }
