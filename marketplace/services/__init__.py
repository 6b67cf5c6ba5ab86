"""Writes. Every function is keyword-only, checks permissions and rules, and runs in a transaction."""

from .organizations import (
    membership_approve,
    membership_decline,
    membership_request,
    organization_create,
)
from .solutions import (
    reference_create,
    solution_create,
    solution_delete,
    solution_media_add,
    solution_publish,
    solution_reject,
    solution_retire,
    solution_submit,
    solution_update,
    solution_version_add,
)

__all__ = [
    "membership_approve",
    "membership_decline",
    "membership_request",
    "organization_create",
    "reference_create",
    "solution_create",
    "solution_delete",
    "solution_media_add",
    "solution_publish",
    "solution_reject",
    "solution_retire",
    "solution_submit",
    "solution_update",
    "solution_version_add",
]
