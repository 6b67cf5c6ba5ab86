"""HTML forms of the data hub pages. They shape input only; rules live in ``datahub.services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ApiKeyScope


class ApiKeyForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=None, label=_("기관"), empty_label=None)
    name = forms.CharField(label=_("키 이름"), max_length=80, help_text=_("예: 주차 안내 앱 개발 서버"))
    scopes = forms.MultipleChoiceField(
        label=_("권한"),
        choices=ApiKeyScope.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[ApiKeyScope.READ_SANDBOX, ApiKeyScope.WRITE_OWN_TENANT],
    )
    expires_at = forms.DateField(
        label=_("만료일"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("비워 두면 폐기할 때까지 쓸 수 있습니다."),
    )
    rate_limit_per_minute = forms.IntegerField(label=_("분당 요청 한도"), min_value=1, max_value=6000, initial=600)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
