"""Public texts only: a 'no data' row loses the year, confidence and unit it kept, and the framework's source, which
described the reference file for the team, becomes the citation of the Pact and its Monitoring Framework."""

from django.db import migrations

MUFPP_SLUG = "mufpp-2019"
# The source as migration 0004 left it (kept when the team edited it) and the citation of letsfood/reference/mufpp.json.
FRAMEWORK_SOURCE_BEFORE = "Milan Urban Food Policy Pact (signed 15 October 2015): 6 categories, 37 recommended actions (Framework for Action), and the FAO/RUAF/MUFPP Monitoring Framework (2019) of 44 indicators. Where 'verified' is true, title_en is the full official wording of the action (read on the Pact's site); elsewhere it is a short paraphrase. title_fr, where present, is FAO's French wording. 'verified': true means checked against a stored public source named in 'source'. Of the 44 indicators, the 10 read from public copies are included; the others are loaded by the programme team."  # noqa: E501
FRAMEWORK_CITATION = "Milan Urban Food Policy Pact (Milan, 15 October 2015): Framework for Action, 6 categories and 37 recommended actions; FAO, RUAF Foundation and MUFPP: Monitoring Framework (2019), 44 indicators. https://www.milanurbanfoodpolicypact.org/"  # noqa: E501


def forward(apps, schema_editor):
    IndicatorValue = apps.get_model("assessments", "IndicatorValue")
    IndicatorValue.objects.filter(no_data=True).update(reference_year=None, confidence="", unit="")
    Framework = apps.get_model("assessments", "Framework")
    Framework.objects.filter(slug=MUFPP_SLUG, source=FRAMEWORK_SOURCE_BEFORE).update(source=FRAMEWORK_CITATION)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0005_initiative_carried_from")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
