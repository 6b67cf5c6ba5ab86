"""Input checks shared by forms, serializers and services."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

BUSINESS_NUMBER_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
IMAGE_MAX_BYTES = 5 * 1024 * 1024
BROCHURE_EXTENSIONS = {".pdf"}
BROCHURE_MAX_BYTES = 20 * 1024 * 1024


def normalize_business_number(value: str) -> str:
    """``123-45-67890`` and ``1234567890`` are the same number; keep digits only."""
    return "".join(ch for ch in (value or "") if ch.isdigit())


def business_number_check_digit(first_nine: str) -> int:
    """The 10th digit of a 사업자등록번호 (National Tax Service checksum)."""
    digits = [int(ch) for ch in first_nine]
    total = sum(d * w for d, w in zip(digits, BUSINESS_NUMBER_WEIGHTS, strict=True))
    total += (digits[8] * 5) // 10
    return (10 - total % 10) % 10


def validate_business_number(value: str) -> None:
    digits = normalize_business_number(value)
    if len(digits) != 10:
        raise ValidationError(_("사업자등록번호는 숫자 10자리입니다(예: 123-45-67891)."), code="business_number_length")
    if business_number_check_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(
            _("유효하지 않은 사업자등록번호입니다. 번호를 다시 확인하세요(검증번호 불일치)."),
            code="business_number_checksum",
        )


def _size_mb(limit: int) -> int:
    return limit // (1024 * 1024)


def validate_image_upload(upload) -> None:
    """JPEG, PNG or WebP up to 5 MB, checked by content, not only by name."""
    ext = Path(upload.name).suffix.lower()
    if ext not in IMAGE_EXTENSIONS:
        raise ValidationError(
            _("이미지는 JPG, PNG, WebP 파일만 올릴 수 있습니다(받은 파일: %(name)s).") % {"name": upload.name},
            code="image_type",
        )
    if upload.size > IMAGE_MAX_BYTES:
        raise ValidationError(
            _("이미지는 %(limit)sMB 이하여야 합니다.") % {"limit": _size_mb(IMAGE_MAX_BYTES)}, code="image_size"
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
            fmt = image.format
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValidationError(
            _("이미지 파일을 읽을 수 없습니다. 손상되었거나 이미지가 아닌 파일입니다."), code="image_corrupt"
        ) from exc
    finally:
        upload.seek(0)
    if fmt not in IMAGE_FORMATS:
        raise ValidationError(_("이미지는 JPG, PNG, WebP 파일만 올릴 수 있습니다."), code="image_type")


def validate_brochure_upload(upload) -> None:
    """PDF up to 20 MB, checked by its ``%PDF-`` header."""
    ext = Path(upload.name).suffix.lower()
    if ext not in BROCHURE_EXTENSIONS:
        raise ValidationError(
            _("브로슈어는 PDF 파일만 올릴 수 있습니다(받은 파일: %(name)s).") % {"name": upload.name},
            code="brochure_type",
        )
    if upload.size > BROCHURE_MAX_BYTES:
        raise ValidationError(
            _("브로슈어는 %(limit)sMB 이하여야 합니다.") % {"limit": _size_mb(BROCHURE_MAX_BYTES)},
            code="brochure_size",
        )
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("PDF 형식이 아닌 파일입니다. PDF로 저장해 다시 올리세요."), code="brochure_type")
