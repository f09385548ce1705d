"""A database created before locations became our own field keeps every point when it migrates."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from assessments.models import Initiative
from cities.models import City, Organisation
from workshops.models import Infrastructure

# The migrations that created the located models, with the GeoJSON field that came before ours.
BEFORE = [
    ("cities", "0001_initial"),
    ("assessments", "0002_assessment_categoryassessment_challenge_and_more"),
    ("workshops", "0001_initial"),
]
SFAX = {"type": "Point", "coordinates": [10.7603, 34.7406]}
MARKET = {"type": "Point", "coordinates": [10.7551, 34.7390]}
MILL = {"type": "Point", "coordinates": [10.8012, 34.7688]}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


# A transactional test, as the browser tests are: the flush that ends it runs post_migrate, which re-creates the
# content types and permissions (a serialized rollback would leave them out until the next such test).
@pytest.mark.django_db(transaction=True)
def test_located_rows_of_an_earlier_schema_keep_their_points_when_the_database_migrates():
    old = migrate(BEFORE)
    city = old.get_model("cities", "City").objects.create(
        name_en="Sfax", name="Sfax", slug="sfax-then", country="TN", role="partner", location=SFAX
    )
    old.get_model("cities", "Organisation").objects.create(name="University of Sfax", kind="university", city=city)
    framework = old.get_model("assessments", "Framework").objects.create(slug="mufpp-then", name="MUFPP")
    assessment = old.get_model("assessments", "Assessment").objects.create(
        city=city, framework=framework, year=2019, slug="sfax-2019-then"
    )
    old.get_model("assessments", "Initiative").objects.create(
        assessment=assessment, ref="market", title="Market", title_en="Market", actor_type="public", location=MARKET
    )
    old.get_model("assessments", "Initiative").objects.create(
        assessment=assessment, ref="unplaced", title="Unplaced", title_en="Unplaced", actor_type="public"
    )
    old.get_model("workshops", "Infrastructure").objects.create(city=city, kind="mill", name="Mill", location=MILL)

    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())

    assert City.objects.get(slug="sfax-then").location == SFAX
    assert (City.objects.get(slug="sfax-then").latitude, City.objects.get(slug="sfax-then").longitude) == (
        34.7406,
        10.7603,
    )
    assert Initiative.objects.get(ref="market").location == MARKET
    assert Initiative.objects.get(ref="unplaced").location is None
    assert Infrastructure.objects.get(name="Mill").location == MILL
    assert Organisation.objects.get(name="University of Sfax").location is None
    assert not MigrationExecutor(connection).migration_plan(executor.loader.graph.leaf_nodes())
