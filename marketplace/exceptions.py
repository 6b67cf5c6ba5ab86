"""Errors services raise; the API and the pages turn them into 4xx answers with these messages."""

from django.core.exceptions import PermissionDenied, ValidationError

__all__ = ["ConflictError", "PermissionDenied", "ValidationError"]


class ConflictError(Exception):
    """The request is valid but the object's state does not allow it (HTTP 409)."""

    def __init__(self, message, code="conflict"):
        super().__init__(message)
        self.message = message
        self.code = code
