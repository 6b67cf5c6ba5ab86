"""Pages are published in Korean (default locale) and English."""

from django.db import migrations


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="en")


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_pages")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
