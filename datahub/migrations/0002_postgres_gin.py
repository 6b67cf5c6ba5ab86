"""On PostgreSQL, a GIN index on the entity JSON (jsonb_path_ops) serves containment filters; SQLite has no
equivalent and relies on the (tenant, type) index plus filtering in Python."""

from django.db import migrations


def create_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS datahub_entity_data_gin ON datahub_entity USING GIN (data jsonb_path_ops)"
        )


def drop_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS datahub_entity_data_gin")


class Migration(migrations.Migration):
    dependencies = [("datahub", "0001_initial")]

    operations = [migrations.RunPython(create_gin, drop_gin)]
