"""StreamField blocks the operators compose pages from; each renders with a template in
``portal/templates/blocks/``."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

AUDIENCES = [
    ("municipality", _("지자체")),
    ("company", _("기업")),
    ("startup", _("새싹기업")),
    ("public", _("시민·누구나")),
]

FAQ_CATEGORIES = [
    ("general", _("오픈랩 이용")),
    ("solution", _("솔루션 등록·심사")),
    ("procurement", _("도입·구매")),
    ("programme", _("지원사업")),
    ("datahub", _("데이터허브·샌드박스")),
]


class AccessibleImageBlock(blocks.StructBlock):
    """An image with the alternative text screen readers announce; publishing without it is refused."""

    image = ImageChooserBlock(label=_("이미지"))
    alt = blocks.CharBlock(
        label=_("대체 텍스트"),
        max_length=250,
        required=False,
        help_text=_("화면낭독기가 읽는 이미지 설명(필수). 예: 과천시 공영주차장 입구의 주차정보 안내판"),
    )
    caption = blocks.CharBlock(label=_("캡션"), max_length=250, required=False)

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not (value.get("alt") or "").strip():
            raise StructBlockValidationError(
                block_errors={"alt": ValidationError(_("이미지의 대체 텍스트를 입력하세요."))}
            )
        return value

    class Meta:
        icon = "image"
        label = _("이미지")
        template = "blocks/image_block.html"


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("종류"),
        choices=[("info", _("안내")), ("warning", _("주의")), ("success", _("완료"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("제목"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("내용"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("강조 안내")
        template = "blocks/callout_block.html"


class LinkButtonBlock(blocks.StructBlock):
    """A call to action pointing at a page of the site or an external address."""

    label = blocks.CharBlock(label=_("버튼 문구"), max_length=60)
    page = blocks.PageChooserBlock(label=_("사이트 페이지"), required=False)
    url = blocks.CharBlock(
        label=_("주소"),
        max_length=300,
        required=False,
        help_text=_("외부 주소(https://…) 또는 사이트 경로(예: /ko/solutions/)"),
    )

    def clean(self, value):
        value = super().clean(value)
        url = (value.get("url") or "").strip()
        if not value.get("page") and not url:
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("사이트 페이지나 주소 중 하나를 지정하세요."))}
            )
        if url and not url.startswith("/"):
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError:
                raise StructBlockValidationError(
                    block_errors={
                        "url": ValidationError(_("https://로 시작하는 주소나 /로 시작하는 사이트 경로를 입력하세요."))
                    }
                ) from None
        return value

    class Meta:
        icon = "link"
        label = _("버튼 링크")
        template = "blocks/link_button_block.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("단계 제목"), max_length=120)
    text = blocks.RichTextBlock(label=_("설명"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "list-ol"
        label = _("단계")


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("제목"), max_length=120, required=False)
    steps = blocks.ListBlock(StepBlock(), label=_("단계"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("절차")
        template = "blocks/steps_block.html"


class FAQListBlock(blocks.StructBlock):
    """Shows the FAQ snippets of one category in the reader's language."""

    heading = blocks.CharBlock(label=_("제목"), max_length=120, required=False)
    category = blocks.ChoiceBlock(label=_("분류"), choices=FAQ_CATEGORIES, required=False)

    def get_context(self, value, parent_context=None):
        from portal.selectors import faq_list

        context = super().get_context(value, parent_context)
        context["faqs"] = faq_list(category=value.get("category") or None)
        return context

    class Meta:
        icon = "help"
        label = _("자주 묻는 질문 목록")
        template = "blocks/faq_list_block.html"


class AudienceEntryBlock(blocks.StructBlock):
    """One "what can I find here" entry point on the home page, per audience."""

    audience = blocks.ChoiceBlock(label=_("대상"), choices=AUDIENCES)
    title = blocks.CharBlock(label=_("제목"), max_length=80)
    text = blocks.TextBlock(label=_("설명"), max_length=300)
    link = LinkButtonBlock(label=_("바로가기"))

    class Meta:
        icon = "user"
        label = _("이용자별 바로가기")
        template = "blocks/audience_entry_block.html"


class EligibilityRowBlock(blocks.StructBlock):
    """One eligibility criterion of a support programme, as a structured row."""

    criterion = blocks.CharBlock(label=_("요건"), max_length=120, help_text=_("예: 인구 규모, 필수 요건"))
    requirement = blocks.CharBlock(label=_("기준"), max_length=250, help_text=_("예: 인구 30만 명 미만 시·군"))
    mandatory = blocks.BooleanBlock(label=_("필수"), required=False, default=True)

    class Meta:
        icon = "tick"
        label = _("신청 자격")


class MilestoneBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("일정"), max_length=120, help_text=_("예: 사업계획서 접수 마감"))
    date = blocks.DateBlock(label=_("날짜"))

    class Meta:
        icon = "date"
        label = _("주요 일정")


class KPIRowBlock(blocks.StructBlock):
    """A measured outcome of a case study: metric, before, after (e.g. 불법주정차 민원 −30%)."""

    metric = blocks.CharBlock(label=_("지표"), max_length=120)
    baseline = blocks.DecimalBlock(label=_("도입 전"), decimal_places=2)
    result = blocks.DecimalBlock(label=_("도입 후"), decimal_places=2)
    unit = blocks.CharBlock(label=_("단위"), max_length=30, required=False)
    lower_is_better = blocks.BooleanBlock(label=_("낮을수록 좋음"), required=False)
    verified_by = blocks.CharBlock(label=_("검증 기관"), max_length=120, required=False)

    class Meta:
        icon = "order"
        label = _("성과 지표")


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("소제목"), max_length=120, form_classname="title", template="blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("문단"),
        features=["h3", "h4", "bold", "italic", "link", "ol", "ul", "document-link"],
        template="blocks/paragraph_block.html",
    )
    image = AccessibleImageBlock()
    callout = CalloutBlock()
    steps = StepsBlock()
    button = LinkButtonBlock()
    document = DocumentChooserBlock(label=_("첨부 문서"), template="blocks/document_block.html")
    faq = FAQListBlock()

    class Meta:
        label = _("본문")
