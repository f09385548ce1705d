"""The Report model moves to the `reports` app: its table is renamed, its rows and content type are kept.

The project package forgets the model (state only) after renaming its table to the name the `reports` app expects;
`reports.0001_initial` then declares the model on that table without touching the database.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("letsfood", "0003_merge_report_storage_and_heartbeat"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AlterModelTable(name="report", table="reports_report")],
            state_operations=[migrations.DeleteModel(name="Report")],
        ),
    ]
