"""Demo needs: Gwacheon's 24 planned services and the programme cities, with proposals in several states."""

import pytest
from django.core.management import call_command

from marketplace.demo.needs import NEEDS
from marketplace.models import Award, Match, Need, NeedStatus, Programme, Proposal, ProposalStatus

pytestmark = pytest.mark.django_db


def test_seed_demo_loads_needs_programmes_and_procurement(capsys):
    call_command("seed_demo")
    assert Need.objects.filter(municipality__name="과천시").count() == 24
    assert Need.objects.count() == len(NEEDS) >= 36
    assert set(Programme.objects.values_list("name", flat=True)) >= {"스마트도시 솔루션 확산사업", "스마트챌린지"}
    statuses = set(Need.objects.values_list("status", flat=True))
    assert statuses >= {NeedStatus.DRAFT, NeedStatus.PUBLISHED, NeedStatus.PROPOSALS_OPEN, NeedStatus.EVALUATING,
                        NeedStatus.AWARDED, NeedStatus.CLOSED}  # fmt: skip
    proposal_states = set(Proposal.objects.values_list("status", flat=True))
    assert proposal_states >= {ProposalStatus.SUBMITTED, ProposalStatus.SHORTLISTED, ProposalStatus.AWARDED,
                               ProposalStatus.NOT_SELECTED}  # fmt: skip
    award = Award.objects.get()
    assert award.snapshot.results and award.need.title == "스마트주차장 서비스"
    assert Match.objects.filter(need__status=NeedStatus.PUBLISHED).exists()
    assert not Need.objects.filter(inferred_types=[]).exclude(types__isnull=False).exists(), "types inferred for all"
    counts = (Need.objects.count(), Proposal.objects.count())
    call_command("seed_demo")
    assert (Need.objects.count(), Proposal.objects.count()) == counts
    assert "Needs:" in capsys.readouterr().out
