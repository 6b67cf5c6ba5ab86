"""Simple database search used until the Korean-aware search engine lands (issue #3).

Every word must appear in at least one of the searched fields; Korean words are matched as
substrings, so particles and compounds still find something (주차 finds 스마트주차장).
"""

from functools import reduce
from operator import and_, or_

from django.db.models import Q, QuerySet

SOLUTION_FIELDS = (
    "name",
    "name_en",
    "summary",
    "description",
    "company__name",
    "company__name_en",
    "types__name_ko",
    "types__name_en",
    "types__code",
)
MAX_WORDS = 8


def filter_solutions(queryset: QuerySet, query: str) -> QuerySet:
    words = [w for w in (query or "").split() if w][:MAX_WORDS]
    if not words:
        return queryset
    per_word = [reduce(or_, (Q(**{f"{field}__icontains": word}) for field in SOLUTION_FIELDS)) for word in words]
    return queryset.filter(pk__in=queryset.model.objects.filter(reduce(and_, per_word)).values("pk"))
