"""The one place the matching engine asks whether a solution is certified.

Certification of solutions against the City Data Hub interfaces (DESIGN.md §1) does not exist yet, so the
honest answer for every solution is "not certified", with a reason that says why. When the certification
app exists, this function reads its certificates; nothing else in matching needs to change.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class CertificationStatus:
    certified: bool
    reason: str


def certification_status(solution_id: int) -> CertificationStatus:
    return CertificationStatus(
        certified=False,
        reason=_("데이터허브 인증 없음 — 인증 제도가 아직 운영되지 않아 인증된 솔루션이 없습니다"),
    )
