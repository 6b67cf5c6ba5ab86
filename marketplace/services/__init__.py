"""Writes. Every function is keyword-only, checks permissions and rules, and runs in a transaction."""

from .matches import matches_recompute_for_need, matches_recompute_for_solution
from .needs import (
    invitation_create,
    need_close,
    need_create,
    need_open_proposals,
    need_publish,
    need_update,
    question_answer,
    question_ask,
)
from .organizations import (
    membership_approve,
    membership_decline,
    membership_request,
    organization_create,
)
from .proposals import proposal_award, proposal_shortlist, proposal_submit, proposal_withdraw
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
    "invitation_create",
    "need_close",
    "need_create",
    "need_open_proposals",
    "need_publish",
    "need_update",
    "question_answer",
    "question_ask",
    "matches_recompute_for_need",
    "matches_recompute_for_solution",
    "proposal_award",
    "proposal_shortlist",
    "proposal_submit",
    "proposal_withdraw",
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
