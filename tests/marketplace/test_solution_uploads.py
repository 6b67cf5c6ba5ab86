import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from marketplace.models import SolutionMedia
from marketplace.services import solution_media_add
from marketplace.validators import BROCHURE_MAX_BYTES, IMAGE_MAX_BYTES
from tests.factories import SolutionFactory

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0b50d0").save(buffer, "PNG")
    return buffer.getvalue()


def test_png_image_and_pdf_brochure_are_stored(company, company_user):
    solution = SolutionFactory(company=company)
    solution_media_add(
        actor=company_user, solution=solution, kind="image", file=SimpleUploadedFile("shot.png", png_bytes())
    )
    solution_media_add(
        actor=company_user,
        solution=solution,
        kind="brochure",
        file=SimpleUploadedFile("brochure.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf"),
    )
    assert sorted(solution.media.values_list("kind", flat=True)) == ["brochure", "image"]


@pytest.mark.parametrize(
    ("kind", "upload", "message"),
    [
        ("image", SimpleUploadedFile("virus.exe", b"MZ\x90\x00"), "JPG, PNG, WebP"),
        ("image", SimpleUploadedFile("fake.png", b"not an image at all"), "읽을 수 없습니다"),
        ("image", SimpleUploadedFile("huge.png", b"\x89PNG" + b"0" * IMAGE_MAX_BYTES), "5MB"),
        ("brochure", SimpleUploadedFile("brochure.docx", b"PK\x03\x04"), "PDF"),
        ("brochure", SimpleUploadedFile("renamed.pdf", b"PK\x03\x04 zip"), "PDF 형식"),
        ("brochure", SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * BROCHURE_MAX_BYTES), "20MB"),
    ],
)
def test_wrong_type_or_oversize_uploads_are_refused(company, company_user, kind, upload, message):
    solution = SolutionFactory(company=company)
    with pytest.raises(ValidationError) as exc:
        solution_media_add(actor=company_user, solution=solution, kind=kind, file=upload)
    assert message in exc.value.message_dict["file"][0]
    assert not SolutionMedia.objects.exists()
