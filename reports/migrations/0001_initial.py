"""The Report model, moved from the project package: declared on its existing table (state only, no data moved)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import reports.files


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("letsfood", "0004_move_report_to_reports_app"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Report",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("city", "City assessment report"),
                                    ("duo", "Duo report"),
                                    ("compilation", "Compilation report"),
                                ],
                                max_length=12,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "subject",
                            models.SlugField(
                                blank=True,
                                help_text="The city or duo slug; empty for the compilation.",
                                max_length=140,
                                verbose_name="subject",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[("en", "English"), ("fr", "French")], max_length=2, verbose_name="language"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("queued", "Queued"),
                                    ("rendering", "Rendering"),
                                    ("done", "Done"),
                                    ("failed", "Failed"),
                                ],
                                default="queued",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        ("progress", models.PositiveSmallIntegerField(default=0, verbose_name="progress (%)")),
                        (
                            "file",
                            models.FileField(
                                blank=True,
                                storage=reports.files.report_storage,
                                upload_to=reports.files.report_upload_to,
                                verbose_name="file",
                            ),
                        ),
                        ("size", models.PositiveIntegerField(blank=True, null=True, verbose_name="size (bytes)")),
                        ("pages", models.PositiveIntegerField(blank=True, null=True, verbose_name="pages")),
                        (
                            "data_hash",
                            models.CharField(
                                help_text="Hash of the data the report shows.", max_length=64, verbose_name="data hash"
                            ),
                        ),
                        ("requested_at", models.DateTimeField(auto_now_add=True, verbose_name="requested at")),
                        ("started_at", models.DateTimeField(blank=True, null=True, verbose_name="started at")),
                        ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="finished at")),
                        (
                            "heartbeat_at",
                            models.DateTimeField(
                                blank=True,
                                help_text=(
                                    "Renewed every few seconds while a worker renders; a rendering silent for a "
                                    "minute is taken over."
                                ),
                                null=True,
                                verbose_name="last sign of life",
                            ),
                        ),
                        ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                        ("error", models.TextField(blank=True, verbose_name="error")),
                        (
                            "requested_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="reports",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="requested by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "report",
                        "verbose_name_plural": "reports",
                        "ordering": ["-requested_at"],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(("status", "failed"), _negated=True),
                                fields=("kind", "subject", "language", "data_hash"),
                                name="report_one_per_data_version",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("progress__lte", 100)), name="report_progress_max_100"
                            ),
                        ],
                    },
                ),
            ],
        ),
    ]
