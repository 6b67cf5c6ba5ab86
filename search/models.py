"""The database backend's index and the outbox both backends are fed from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexOutbox(models.Model):
    """A pending index change, written in the same transaction as the data it describes.

    A rolled-back transaction leaves no row; a committed one is drained in bulk by
    ``search.tasks.drain_outbox`` (right after commit, and every minute as a retry).
    """

    kind = models.CharField(max_length=20)
    object_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("색인 대기열")
        verbose_name_plural = _("색인 대기열")
        indexes = [models.Index(fields=["kind", "object_id"])]


class SearchEntry(models.Model):
    """One searchable object in the database backend, with its analysed text.

    ``terms``/``title_terms``/``grams`` hold space-separated plain terms from ``search.analysis``;
    SQLite indexes them with FTS5 (``search_fts``), PostgreSQL with a weighted ``tsvector``.
    """

    kind = models.CharField(max_length=20)
    object_id = models.BigIntegerField()
    title = models.CharField(max_length=300)
    title_en = models.CharField(max_length=300, blank=True)
    summary = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True)
    title_terms = models.TextField(blank=True)
    terms = models.TextField(blank=True)
    grams = models.TextField(blank=True)
    boost = models.FloatField(default=1.0)
    tiebreak = models.BigIntegerField(default=0, help_text="crc32 of kind:id; stable, vendor-neutral tie order")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("검색 색인 항목")
        verbose_name_plural = _("검색 색인 항목")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="searchentry_unique_object")]
        indexes = [
            # Covering index for ranking: the few columns a match needs, without the long text
            # columns (on SQLite, reading a column stored after them walks the row's overflow pages).
            models.Index(fields=["id", "kind", "boost", "tiebreak"], name="searchentry_rank"),
        ]


class SearchFacet(models.Model):
    """One facet value of an entry (domain=TRN, type=TRN-04, province=41 …)."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(max_length=30)
    value = models.CharField(max_length=140)

    class Meta:
        indexes = [
            models.Index(fields=["name", "value", "entry"]),
            # Covering index for facet counts: entry → (name, value) without touching the table.
            models.Index(fields=["entry", "name", "value"], name="searchfacet_entry_name_value"),
        ]


class SearchTerm(models.Model):
    """Vocabulary of Latin-script index terms, for spelling suggestions ("did you mean")."""

    term = models.CharField(max_length=60, unique=True)
    first = models.CharField(max_length=1, db_index=True)
