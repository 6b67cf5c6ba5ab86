"""The operators' review of solutions in the Wagtail admin: the queue, the inspect page with the
status history, and the approve / reject / retire confirmations.

The rules live in ``marketplace.services``; these views show what an operator can do, call the
service with ``actor=request.user`` and turn its errors into form errors.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, Table, UserColumn
from wagtail.admin.views.generic import IndexView, InspectView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton, ListingButton

from marketplace.exceptions import ConflictError, ValidationError
from marketplace.models import DeploymentOption, Solution, SolutionStatus, SolutionTransition
from marketplace.permissions import user_is_operator
from marketplace.services import solution_publish, solution_reject, solution_retire


def field_label(model, name: str) -> str:
    return capfirst(model._meta.get_field(name).verbose_name)


@dataclass(frozen=True)
class ReviewAction:
    """A decision an operator takes on a solution.

    ``from_statuses`` only decides where the admin offers the action; the service is what
    enforces which transitions are allowed.
    """

    name: str
    label: str
    icon: str
    from_statuses: tuple[str, ...]
    note_label: str
    note_help: str
    note_required: bool
    success_message: str
    perform: Callable[..., Solution]

    def applies_to(self, solution: Solution) -> bool:
        return solution.status in self.from_statuses

    def url(self, url_namespace: str, solution: Solution) -> str:
        return reverse(f"{url_namespace}:{self.name}", args=[quote(solution.pk)])


REVIEW_ACTIONS = (
    ReviewAction(
        name="approve",
        label=_("게시 승인"),
        icon="check",
        from_statuses=(SolutionStatus.SUBMITTED, SolutionStatus.RETIRED),
        note_label=_("메모"),
        note_help=_("선택 사항입니다. 기업에 전달되고 상태 변경 이력에 남습니다."),
        note_required=False,
        success_message=_("'%(name)s' 솔루션을 게시했습니다."),
        perform=lambda *, actor, solution, note: solution_publish(actor=actor, solution=solution, note=note),
    ),
    ReviewAction(
        name="reject",
        label=_("반려"),
        icon="cross",
        from_statuses=(SolutionStatus.SUBMITTED,),
        note_label=_("반려 사유"),
        note_help=_("기업에 그대로 전달됩니다. 무엇을 고쳐야 다시 제출할 수 있는지 적어 주세요."),
        note_required=True,
        success_message=_("'%(name)s' 솔루션을 반려했습니다. 기업이 수정해 다시 제출할 수 있습니다."),
        perform=lambda *, actor, solution, note: solution_reject(actor=actor, solution=solution, reason=note),
    ),
    ReviewAction(
        name="retire",
        label=_("게시 중단"),
        icon="no-view",
        from_statuses=(SolutionStatus.PUBLISHED,),
        note_label=_("게시 중단 사유"),
        note_help=_("기업에 그대로 전달되고 상태 변경 이력에 남습니다."),
        note_required=True,
        success_message=_("'%(name)s' 솔루션의 게시를 중단했습니다."),
        perform=lambda *, actor, solution, note: solution_retire(actor=actor, solution=solution, reason=note),
    ),
)


def actions_for(solution: Solution) -> list[ReviewAction]:
    return [action for action in REVIEW_ACTIONS if action.applies_to(solution)]


def review_queue_url(url_namespace: str) -> str:
    """Submissions waiting for a decision, oldest first."""
    return reverse(f"{url_namespace}:index") + f"?status={SolutionStatus.SUBMITTED}&ordering=updated_at"


class SolutionReviewIndexView(IndexView):
    """The list of solutions, with the decisions that apply to each row as buttons."""

    url_namespace = None

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("company", "main_type")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for priority, action in enumerate(actions_for(instance)):
            buttons.append(
                ListingButton(
                    action.label,
                    url=action.url(self.url_namespace, instance),
                    icon_name=action.icon,
                    priority=priority,
                )
            )
        return buttons


class SolutionInspectView(InspectView):
    """A solution as the company wrote it, its status history, and the decisions available."""

    url_namespace = None
    template_name = "marketplace/admin/solution_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(Solution.objects.select_related("company", "main_type"), pk=unquote(str(self.pk)))

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(action.label, url=action.url(self.url_namespace, self.object), icon_name=action.icon)
            for action in actions_for(self.object)
        ]

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return "-"
        if isinstance(value, datetime):
            # The generic template formats the value as is, which would show UTC.
            return timezone.localtime(value)
        if field_name == "deployment_options":
            value = [DeploymentOption(v).label if v in DeploymentOption.values else v for v in value]
        if field_name in ("price_min", "price_max"):
            return _("%(amount)s원") % {"amount": f"{value:,}"}
        if isinstance(value, list):
            return ", ".join(str(v) for v in value) or "-"
        if isinstance(value, dict):
            return "; ".join(f"{k}: {v}" for k, v in value.items()) or "-"
        return value

    def get_history_table(self):
        transitions = self.object.transitions.select_related("actor")
        return Table(
            [
                DateColumn("created_at", label=field_label(SolutionTransition, "created_at")),
                UserColumn("actor", label=field_label(SolutionTransition, "actor")),
                StatusTagColumn("get_from_status_display", label=field_label(SolutionTransition, "from_status")),
                StatusTagColumn(
                    "get_to_status_display", label=field_label(SolutionTransition, "to_status"), primary=True
                ),
                Column("note", label=field_label(SolutionTransition, "note")),
            ],
            list(transitions),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history_table"] = self.get_history_table()
        return context


class ReviewNoteForm(forms.Form):
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, action: ReviewAction, **kwargs):
        super().__init__(*args, **kwargs)
        note = self.fields["note"]
        note.label, note.help_text, note.required = action.note_label, action.note_help, action.note_required


class SolutionReviewActionView(WagtailAdminTemplateMixin, FormView):
    """Confirms one ``ReviewAction`` on one solution, then goes back to the review queue."""

    action: ReviewAction = None
    model = Solution
    url_namespace = None
    index_url_name = None
    inspect_url_name = None
    header_icon = "tasks"
    template_name = "marketplace/admin/solution_review_action.html"

    def dispatch(self, request, *args, **kwargs):
        if not user_is_operator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            Solution.objects.select_related("company", "main_type"), pk=unquote(str(kwargs["pk"]))
        )

    @cached_property
    def inspect_url(self):
        return reverse(self.inspect_url_name, args=[quote(self.object.pk)])

    def get(self, request, *args, **kwargs):
        if not self.action.applies_to(self.object):
            messages.error(
                request,
                _("'%(status)s' 상태의 솔루션에는 '%(action)s'을(를) 할 수 없습니다.")
                % {"status": self.object.get_status_display(), "action": self.action.label},
            )
            return redirect(self.inspect_url)
        return super().get(request, *args, **kwargs)

    def get_form(self, form_class=None):
        return ReviewNoteForm(**self.get_form_kwargs(), action=self.action)

    def form_valid(self, form):
        try:
            self.action.perform(actor=self.request.user, solution=self.object, note=form.cleaned_data["note"])
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.message_dict.items():
                    form.add_error("note" if field in ("note", "reason") else None, errors)
            else:
                form.add_error(None, exc.messages)
            return self.form_invalid(form)
        except ConflictError as exc:
            form.add_error(None, exc.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            self.action.success_message % {"name": self.object.name},
            buttons=[messages.button(self.inspect_url, _("심사 기록 보기"))],
        )
        return redirect(review_queue_url(self.url_namespace))

    def get_page_title(self):
        return self.action.label

    def get_page_subtitle(self):
        return self.object.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": capfirst(Solution._meta.verbose_name_plural)},
            {"url": self.inspect_url, "label": self.object.name},
            {"url": "", "label": self.action.label, "sublabel": self.object.name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action=self.action,
            object=self.object,
            latest_transition=self.object.transitions.select_related("actor").first(),
            inspect_url=self.inspect_url,
            action_url=self.request.path,
            submit_button_label=self.action.label,
            submit_button_active_label=_("처리 중…"),
        )
        return context
