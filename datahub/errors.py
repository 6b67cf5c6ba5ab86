"""NGSI-LD errors, answered as ProblemDetails (RFC 7807) with the NGSI-LD error type URIs.

Services raise these; the API layer turns them into ``application/json`` ProblemDetails bodies:
``{"type": "https://uri.etsi.org/ngsi-ld/errors/BadRequestData", "title": "...", "status": 400,
"detail": "..."}``.
"""

ERRORS = "https://uri.etsi.org/ngsi-ld/errors/"


class NgsiLdError(Exception):
    error_type = "InternalError"
    status = 500
    title = "Internal error"

    def __init__(self, detail: str = "", *, headers: dict | None = None):
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.headers = headers or {}

    @property
    def type_uri(self) -> str:
        return ERRORS + self.error_type

    def problem(self) -> dict:
        return {"type": self.type_uri, "title": self.title, "status": self.status, "detail": self.detail}


class InvalidRequest(NgsiLdError):
    error_type, status, title = (
        "InvalidRequest",
        400,
        "The request associated to the operation is syntactically invalid",
    )


class BadRequestData(NgsiLdError):
    error_type, status, title = (
        "BadRequestData",
        400,
        "The request includes input data which does not meet the requirements",
    )


class AlreadyExists(NgsiLdError):
    error_type, status, title = "AlreadyExists", 409, "The referred element already exists"


class OperationNotSupported(NgsiLdError):
    error_type, status, title = "OperationNotSupported", 422, "The operation is not supported"


class ResourceNotFound(NgsiLdError):
    error_type, status, title = "ResourceNotFound", 404, "The referred resource has not been found"


class NonexistentTenant(NgsiLdError):
    error_type, status, title = "NonexistentTenant", 404, "The addressed tenant does not exist"


class LdContextNotAvailable(NgsiLdError):
    error_type, status, title = "LdContextNotAvailable", 503, "A remote JSON-LD @context could not be retrieved"


class TooComplexQuery(NgsiLdError):
    error_type, status, title = "TooComplexQuery", 403, "The query is too complex"


class TooManyResults(NgsiLdError):
    error_type, status, title = "TooManyResults", 403, "The query result is too large"


class NotAcceptable(NgsiLdError):
    error_type, status, title = "NotAcceptable", 406, "The requested media type is not supported"


class UnsupportedMediaType(NgsiLdError):
    error_type, status, title = "UnsupportedMediaType", 415, "The request's Content-Type is not supported"


class PayloadTooLarge(NgsiLdError):
    error_type, status, title = "PayloadTooLarge", 413, "The request payload is too large"


class Unauthorized(NgsiLdError):
    error_type, status, title = "Unauthorized", 401, "A valid API key is required"


class Forbidden(NgsiLdError):
    error_type, status, title = "Forbidden", 403, "The API key does not allow this operation"


class RateLimited(NgsiLdError):
    error_type, status, title = "TooManyRequests", 429, "Rate limit of the API key exceeded"
