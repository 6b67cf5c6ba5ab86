"""PostgreSQL: a small, unweighted tsvector of the title terms for autocomplete.

Prefix queries restricted to a weight (``주차:*A``) on the full ``document`` make PostgreSQL recheck,
and so de-TOAST, the large document of every candidate; the GIN index of this column answers a
title prefix on its own. SQLite needs nothing: FTS5 filters by column in the index.
"""

from django.db import migrations

POSTGRES = [
    """ALTER TABLE search_searchentry ADD COLUMN title_document tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', title_terms)) STORED""",
    "CREATE INDEX search_searchentry_title_document ON search_searchentry USING GIN (title_document)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS search_searchentry_title_document",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS title_document",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_searchentry_rank_index")]

    operations = [migrations.RunPython(_run(POSTGRES), _run(POSTGRES_REVERSE))]
