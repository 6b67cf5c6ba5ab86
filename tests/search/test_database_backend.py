import pytest

from search.backends.database import DatabaseBackend, highlight

from .contract import BackendContract

pytestmark = pytest.mark.django_db


class TestDatabaseBackend(BackendContract):
    @pytest.fixture
    def backend(self):
        return DatabaseBackend()


def test_highlight_escapes_html_before_marking():
    assert highlight("<b>주차</b> 안내", {"주차"}) == "&lt;b&gt;<mark>주차</mark>&lt;/b&gt; 안내"
