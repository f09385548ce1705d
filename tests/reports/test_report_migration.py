"""A database made when the reports belonged to the project package keeps them and their permissions once migrated."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from reports.models import Report

# The last state in which the Report model lived in the project package (the `reports` app unapplied with it).
BEFORE = [("letsfood", "0003_merge_report_storage_and_heartbeat")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


# Transactional, as the other migration tests: the flush that ends it re-creates the content types and permissions.
@pytest.mark.django_db(transaction=True)
def test_reports_of_a_database_migrated_from_the_project_package_are_kept_with_their_permissions():
    old = migrate(BEFORE)
    old.get_model("letsfood", "Report").objects.create(
        kind="city", subject="lyon", language="fr", status="done", data_hash="before-the-move", pages=12
    )
    old_type = old.get_model("contenttypes", "ContentType").objects.get(app_label="letsfood", model="report")
    view_permission = old.get_model("auth", "Permission").objects.get(content_type=old_type, codename="view_report")

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    report = Report.objects.get(data_hash="before-the-move")
    assert (report.kind, report.subject, report.language, report.pages) == ("city", "lyon", "fr", 12)
    assert ContentType.objects.get_for_model(Report).pk == old_type.pk
    assert Permission.objects.get(codename="view_report", content_type__app_label="reports").pk == view_permission.pk
    assert not ContentType.objects.filter(app_label="letsfood", model="report").exists()
