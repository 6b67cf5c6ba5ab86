from django.db import migrations

from marketplace.taxonomy import load_taxonomy


def forwards(apps, schema_editor):
    load_taxonomy(apps.get_model("marketplace", "Domain"), apps.get_model("marketplace", "SolutionType"))


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
