"""Report files in two places: a duo report's file moves from the public media folder to the private storage."""

from django.db import migrations, models, transaction

from reports import files as report_files


def move_private_report_files(apps, schema_editor):
    """Move the file of every duo report made before private storage into it, under a private/ name.

    The public copy is deleted only once the new names are committed: an interrupted migration loses no file.
    """
    from django.core.files.storage import storages

    Report = apps.get_model("letsfood", "Report")
    public, private = storages["default"], storages["private"]
    reports = Report.objects.filter(kind="duo").exclude(file="").exclude(file__startswith="private/")
    for report in reports.order_by("pk"):
        name = report.file.name
        if not public.exists(name):
            continue
        with public.open(name, "rb") as source:
            saved = private.save(name, source)
        Report.objects.filter(pk=report.pk).update(file=report_files.PRIVATE_PREFIX + saved)
        transaction.on_commit(lambda name=name: public.delete(name))


class Migration(migrations.Migration):
    dependencies = [
        ("letsfood", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="report",
            name="file",
            field=models.FileField(
                blank=True,
                storage=report_files.report_storage,
                upload_to=report_files.report_upload_to,
                verbose_name="file",
            ),
        ),
        # Leaving the files where they are on the way back is safe: they stay readable under their private/ names.
        migrations.RunPython(move_private_report_files, migrations.RunPython.noop),
    ]
