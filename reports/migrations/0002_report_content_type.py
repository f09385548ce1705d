"""The reports' content type follows the model to its new app, so permissions and admin history still point at it."""

from django.db import migrations


def content_type_rename(apps, schema_editor, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if ContentType.objects.using(db).filter(app_label=new, model="report").exists():
        return  # already created for the new app (a fresh database): nothing points at the old one
    ContentType.objects.using(db).filter(app_label=old, model="report").update(app_label=new)


def forwards(apps, schema_editor):
    content_type_rename(apps, schema_editor, "letsfood", "reports")


def backwards(apps, schema_editor):
    content_type_rename(apps, schema_editor, "reports", "letsfood")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reports", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
