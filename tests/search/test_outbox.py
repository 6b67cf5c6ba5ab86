"""No lost updates: the outbox is written with the data, drained after commit, retried when the
backend is down, and a rolled-back transaction indexes nothing."""

import pytest
from django.db import transaction

from marketplace.models import SolutionStatus
from marketplace.services import solution_publish, solution_retire, solution_submit
from search import services
from search.backends.base import SearchQuery
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend, SearchUnavailable
from search.models import IndexOutbox, SearchEntry
from tests.factories import SolutionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def found(text):
    return [hit.object_id for hit in DatabaseBackend().search(SearchQuery(text=text)).hits]


class RefusingTransport:
    """Stands in for an unreachable cluster: the true external boundary, nothing of ours."""

    def perform_request(self, *args, **kwargs):
        import elastic_transport

        raise elastic_transport.ConnectionError("connection refused")


def test_saving_indexes_after_commit():
    solution = SolutionFactory(name="스톱알리미 주정차 단속 알림")
    assert solution.pk in found("주정차 단속")
    assert not IndexOutbox.objects.exists(), "drained right after commit"


def test_rolled_back_transaction_indexes_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        SolutionFactory(name="롤백될 스마트 가로등")
        assert IndexOutbox.objects.exists(), "the outbox row is written in the same transaction"
        raise RuntimeError("rollback")
    assert not IndexOutbox.objects.exists()
    assert found("롤백될") == []


def test_publish_and_retire_follow_through(company, company_user, operator_user):
    solution = SolutionFactory(company=company, name="쉘터원 폭염 쉼터", status=SolutionStatus.DRAFT, published_at=None)
    assert solution.pk not in found("쉘터원"), "drafts are not searchable"
    solution_submit(actor=company_user, solution=solution)
    solution_publish(actor=operator_user, solution=solution)
    assert solution.pk in found("쉘터원")
    solution_retire(actor=operator_user, solution=solution, reason="단종")
    assert solution.pk not in found("쉘터원")


def test_company_rename_reindexes_its_solutions(company):
    solution = SolutionFactory(company=company)
    company.name = "(주)새이름모빌리티"
    company.save()
    assert solution.pk in found("새이름모빌리티")


def test_elasticsearch_down_keeps_changes_and_catches_up(monkeypatch):
    down = ElasticsearchBackend("http://127.0.0.1:9", client=None)
    monkeypatch.setattr(services, "get_backend", lambda: down)
    solution = SolutionFactory(name="스마트 분리수거함 클린봇")  # the save itself succeeds
    rows = IndexOutbox.objects.filter(kind="solution", object_id=solution.pk)
    assert rows.exists() and all(r.attempts >= 1 and "Elasticsearch" in r.last_error for r in rows)
    with pytest.raises(SearchUnavailable):
        down.search(SearchQuery(text="클린봇"))

    monkeypatch.setattr(services, "get_backend", DatabaseBackend)  # the cluster is back
    assert services.outbox_drain() >= 1
    assert not IndexOutbox.objects.exists()
    assert solution.pk in found("클린봇")


def test_rebuild_keeps_changes_queued_during_it():
    SolutionFactory(name="에어노트 대기측정망")
    assert services.index_rebuild() >= 1
    assert SearchEntry.objects.filter(kind="solution").count() == 1
