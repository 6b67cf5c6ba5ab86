import pytest
from django.core.exceptions import ValidationError

from marketplace.validators import normalize_business_number, validate_business_number
from tests.factories import valid_business_number


@pytest.mark.parametrize("number", ["220-81-62517", "2208162517", valid_business_number(7)])
def test_valid_numbers_pass(number):
    validate_business_number(number)


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("220-81-62518", "business_number_checksum"),
        ("1234567890", "business_number_checksum"),
        ("123-45-678", "business_number_length"),
        ("", "business_number_length"),
    ],
)
def test_invalid_numbers_say_why(number, code):
    with pytest.raises(ValidationError) as exc:
        validate_business_number(number)
    assert exc.value.code == code
    assert "사업자등록번호" in exc.value.messages[0]


def test_hyphens_and_spaces_are_ignored():
    assert normalize_business_number(" 220-81 62517 ") == "2208162517"
