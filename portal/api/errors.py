"""One error body for every API answer that is not a success:

    {"error": {"status": 400, "code": "invalid", "message": "…", "fields": {"name": ["…"]}}}

``fields`` is present for validation errors only. Services raise Django's ``ValidationError``
and ``PermissionDenied`` or ``ConflictError``; they are translated here so no view needs to.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.views import exception_handler as drf_exception_handler

from marketplace.exceptions import ConflictError


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _from_django(exc):
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        return exceptions.ValidationError(detail)
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(str(exc) or None)
    if isinstance(exc, ConflictError):
        return Conflict(exc.message, code=exc.code)
    if isinstance(exc, Http404):
        return exceptions.NotFound(_("요청한 대상을 찾을 수 없습니다."))
    return exc


def _first_message(detail) -> str:
    if isinstance(detail, dict):
        for value in detail.values():
            return _first_message(value)
    if isinstance(detail, list) and detail:
        return _first_message(detail[0])
    return str(detail)


def exception_handler(exc, context):
    exc = _from_django(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    body = {"status": response.status_code, "code": "error", "message": ""}
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        body["code"] = "invalid"
        body["fields"] = {key: [str(m) for m in (v if isinstance(v, list) else [v])] for key, v in detail.items()}
        body["message"] = _("입력값을 확인하세요: %(first)s") % {"first": _first_message(detail)}
    elif isinstance(exc, exceptions.APIException):
        codes = exc.get_codes()
        body["code"] = codes if isinstance(codes, str) else exc.default_code
        body["message"] = str(exc.detail)
    response.data = {"error": body}
    return response


ErrorSerializer = inline_serializer(
    name="Error",
    fields={
        "error": inline_serializer(
            name="ErrorBody",
            fields={
                "status": serializers.IntegerField(),
                "code": serializers.CharField(
                    help_text="invalid, not_authenticated, permission_denied, not_found, conflict…"
                ),
                "message": serializers.CharField(
                    help_text="Human-readable, in the request's language (Korean default)."
                ),
                "fields": serializers.DictField(
                    child=serializers.ListField(child=serializers.CharField()), required=False
                ),
            },
        )
    },
)


def error_responses(*codes: int) -> dict[int, OpenApiResponse]:
    descriptions = {
        400: "Invalid input (see `fields`)",
        401: "Not authenticated",
        403: "Not allowed for this user",
        404: "Not found",
        409: "Not allowed in the object's current state",
    }
    return {code: OpenApiResponse(ErrorSerializer, description=descriptions[code]) for code in codes}
