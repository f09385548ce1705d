"""Side-effecting operations on frameworks and assessments."""

from collections import Counter

from django.db import transaction
from django.utils.text import slugify

from .models import Category, Framework, Indicator, Pillar, RecommendedAction


class AssessmentError(Exception):
    """An assessment or framework operation could not be carried out."""


MUFPP_SLUG = "mufpp-2019"


@transaction.atomic
def framework_load_mufpp(*, data: dict) -> Counter:
    """Create the MUFPP framework records missing from the database; existing records keep the team's edits."""
    created: Counter = Counter()
    pact = data["pact"]
    framework, was_created = Framework.objects.get_or_create(
        slug=MUFPP_SLUG,
        defaults={
            "name_en": "MUFPP Monitoring Framework",
            "name_fr": "Cadre de suivi du Pacte de Milan",
            "version": "2019",
            "description_en": f"{pact['name_en']}, signed on {pact['signed_on']}.",
            "description_fr": f"{pact['name_fr']}, signé le {pact['signed_on']}.",
            "source": data["about"],
        },
    )
    created["frameworks"] += was_created

    categories = {}
    for order, item in enumerate(data["categories"], start=1):
        category, was_created = Category.objects.get_or_create(
            framework=framework,
            code=item["code"],
            defaults={
                "order": order,
                "name_en": item["name_en"],
                "name_fr": item["name_fr"],
                "short_name_en": item.get("short_name_en", ""),
                "short_name_fr": item.get("short_name_fr", ""),
                "source": item.get("source", ""),
            },
        )
        categories[item["code"]] = category
        created["categories"] += was_created

    actions = {}
    for item in data["actions"]:
        if item["category"] not in categories:
            raise AssessmentError(f"Action {item['number']}: unknown category {item['category']!r}.")
        action, was_created = RecommendedAction.objects.get_or_create(
            framework=framework,
            number=item["number"],
            defaults={
                "category": categories[item["category"]],
                "title_en": item["title_en"],
                "title_fr": item.get("title_fr", ""),
                "verified": bool(item.get("verified")),
                "note": item.get("note") or "",
                "source": item.get("source") or "",
            },
        )
        actions[item["number"]] = action
        created["actions"] += was_created

    for item in data["indicators"]:
        indicator, was_created = Indicator.objects.get_or_create(
            framework=framework,
            code=f"mufpp-{item['number']:02d}",
            defaults={
                "number": item["number"],
                "category": categories[item["category"]],
                "name_en": item["name_en"],
                "name_fr": item.get("name_fr", ""),
                "unit": item.get("unit") or "",
                "value_type": item.get("value_type", Indicator.ValueType.NUMBER),
                "direction": item.get("direction", Indicator.Direction.NEUTRAL),
                "per_capita": bool(item.get("per_capita")),
                "verified": bool(item.get("verified")),
                "note": "; ".join(filter(None, [item.get("note"), item.get("unit_note")])),
                "source": item.get("source") or "",
            },
        )
        if was_created:
            indicator.actions.set([actions[number] for number in item.get("actions", [])])
        created["indicators"] += was_created

    for order, item in enumerate(data["letsfood_pillars"], start=1):
        _, was_created = Pillar.objects.get_or_create(
            code=slugify(item["name_en"]),
            defaults={"order": order, "name_en": item["name_en"], "name_fr": item["name_fr"]},
        )
        created["pillars"] += was_created
    return created
