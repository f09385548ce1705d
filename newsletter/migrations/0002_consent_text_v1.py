"""The first consent text, so that every subscription from day one records the version it agreed to."""

from django.db import migrations

TEXT_EN = (
    "I agree to receive the Let's Food Cities newsletter on the topics I chose, in the language I chose. "
    "Let's Food keeps my address only for this purpose. I can unsubscribe in one click from every email, "
    "change my preferences, download my data or have it erased at any time."
)
TEXT_FR = (
    "J'accepte de recevoir la lettre d'information de Let's Food Cities sur les thèmes choisis, dans la langue "
    "choisie. Let's Food ne conserve mon adresse qu'à cette fin. Je peux me désinscrire en un clic depuis chaque "
    "courriel, modifier mes préférences, télécharger mes données ou les faire effacer à tout moment."
)


def create(apps, schema_editor):
    ConsentText = apps.get_model("newsletter", "ConsentText")
    ConsentText.objects.get_or_create(
        version=1, defaults={"text": TEXT_EN, "text_en": TEXT_EN, "text_fr": TEXT_FR}
    )


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
