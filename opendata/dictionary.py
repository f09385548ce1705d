"""The data dictionary of the open-data package: every resource and column, in English and French.

The same definitions write the Table Schemas of `datapackage.json`, the "dictionary" sheet of the workbook and the
open-data page, so that the three never disagree. French texts go in the `description_fr` and `title_fr` custom
properties of each field and resource (Table Schema allows custom properties); `description` and `title` are English.
"""

from dataclasses import dataclass, field

from assessments.models import Assessment, Challenge, Confidence, Indicator, Initiative
from cities.models import City, Duo
from workshops.models import Action, Infrastructure

LICENCE = {
    "name": "ODbL-1.0",
    "title": "Open Data Commons Open Database License 1.0",
    "path": "https://opendatacommons.org/licenses/odbl/1-0/",
}
PLATFORM_SOURCE = {"title": "Let's Food Cities platform (Let's Food association)", "path": "https://letsfood.org/"}


def _values(choices) -> list[str]:
    return [str(value) for value in choices.values]


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    en: str
    fr: str
    unit: str = ""
    required: bool = False
    unique: bool = False
    enum: list[str] | None = None
    minimum: int | None = None
    maximum: int | None = None

    def descriptor(self) -> dict:
        """Return the column as a Table Schema field descriptor."""
        descriptor = {"name": self.name, "type": self.type, "description": self.en, "description_fr": self.fr}
        if self.type in {"date", "datetime"}:
            descriptor["format"] = "default"  # ISO 8601
        if self.unit:
            descriptor["unit"] = self.unit
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum is not None:
            constraints["enum"] = self.enum
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if constraints:
            descriptor["constraints"] = constraints
        return descriptor

    def description(self, language: str) -> str:
        """Return the description in the language (French for fr, English otherwise)."""
        return self.fr if language == "fr" else self.en

    def constraint_text(self, language: str = "en") -> str:
        """Return the constraints in a short form for the page and the workbook (French for fr)."""
        parts = []
        if self.required:
            parts.append("obligatoire" if language == "fr" else "required")
        if self.unique:
            parts.append("unique")
        if self.minimum is not None or self.maximum is not None:
            parts.append(
                f"{'' if self.minimum is None else self.minimum}–{'' if self.maximum is None else self.maximum}"
            )
        if self.enum:
            parts.append(" | ".join(self.enum))
        return "; ".join(parts)


@dataclass(frozen=True)
class Resource:
    name: str
    title_en: str
    title_fr: str
    en: str
    fr: str
    columns: list[Column]
    primary_key: list[str]
    foreign_keys: list[tuple[list[str], str, list[str]]] = field(default_factory=list)
    sources: list[dict] = field(default_factory=lambda: [PLATFORM_SOURCE])

    @property
    def path(self) -> str:
        return f"data/{self.name}.csv"

    def title(self, language: str) -> str:
        """Return the title in the language (French for fr, English otherwise)."""
        return self.title_fr if language == "fr" else self.title_en

    def description(self, language: str) -> str:
        """Return the description in the language (French for fr, English otherwise)."""
        return self.fr if language == "fr" else self.en

    def descriptor(self) -> dict:
        """Return the resource as a Frictionless tabular data resource descriptor."""
        schema = {
            "fields": [column.descriptor() for column in self.columns],
            "missingValues": [""],
            "primaryKey": self.primary_key,
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": fields, "reference": {"resource": resource, "fields": target}}
                for fields, resource, target in self.foreign_keys
            ]
        return {
            "name": self.name,
            "path": self.path,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
            "title": self.title_en,
            "title_fr": self.title_fr,
            "description": self.en,
            "description_fr": self.fr,
            "sources": [*self.sources, *([{"title": ROW_SOURCES[self.name]}] if self.name in ROW_SOURCES else [])],
            "licenses": [LICENCE],
            "schema": schema,
        }


def _text(name: str, en: str, fr: str, **options) -> Column:
    return Column(name, "string", en, fr, **options)


def _bilingual(name: str, en: str, fr: str, **options) -> list[Column]:
    """Return the English and French columns of a translated text."""
    return [
        _text(f"{name}_en", f"{en} (English).", f"{fr} (anglais).", **options),
        _text(f"{name}_fr", f"{en} (French).", f"{fr} (français).", **options),
    ]


DEMO = Column(
    "demonstration_data",
    "boolean",
    "True when the row is illustrative demonstration content, not a measurement.",
    "Vrai quand la ligne est un contenu de démonstration, pas une mesure.",
    required=True,
)
LATITUDE = Column(
    "latitude", "number", "Latitude (WGS 84).", "Latitude (WGS 84).", unit="degree", minimum=-90, maximum=90
)
LONGITUDE = Column(
    "longitude", "number", "Longitude (WGS 84).", "Longitude (WGS 84).", unit="degree", minimum=-180, maximum=180
)
FRAMEWORK_FK = Column("framework", "string", "Framework (slug).", "Référentiel (identifiant).", required=True)
LIST_NOTE_EN = "Semicolon-separated list of"
LIST_NOTE_FR = "Liste séparée par des points-virgules de"

RESOURCES = [
    Resource(
        "cities",
        "Cities and territories",
        "Villes et territoires",
        "The published cities and territories of the programme, with their population and location.",
        "Les villes et territoires publiés du programme, avec leur population et leur localisation.",
        [
            _text(
                "slug", "Stable identifier of the city.", "Identifiant stable de la ville.", required=True, unique=True
            ),
            *_bilingual("name", "Name", "Nom"),
            _text("country", "Country, ISO 3166-1 alpha-2 code.", "Pays, code ISO 3166-1 alpha-2.", required=True),
            _text("kind", "Kind of territory.", "Type de territoire.", required=True, enum=_values(City.Kind)),
            _text("role", "Role in the programme.", "Rôle dans le programme.", required=True, enum=_values(City.Role)),
            LATITUDE,
            LONGITUDE,
            _text("location_source", "Source of the location.", "Source de la localisation."),
            Column(
                "population",
                "integer",
                "Population (see population_unit for what it counts).",
                "Population (voir population_unit pour ce qui est compté).",
                unit="inhabitant",
                minimum=0,
            ),
            Column("population_year", "year", "Year of the population figure.", "Année du chiffre de population."),
            _text(
                "population_unit",
                "What the population counts: commune, municipality, metropolis…",
                "Ce que compte la population : commune, municipalité, métropole…",
            ),
            _text("population_source", "Source of the population figure.", "Source du chiffre de population."),
            Column(
                "mufpp_signed",
                "year",
                "Year the city signed the Milan Urban Food Policy Pact.",
                "Année de signature du Pacte de Milan.",
            ),
            _text(
                "languages",
                "Main languages, comma-separated ISO 639-1 codes.",
                "Langues principales, codes ISO 639-1 séparés par des virgules.",
            ),
            _text("timezone", "IANA time zone.", "Fuseau horaire IANA."),
            *_bilingual("description", "Description", "Description"),
        ],
        ["slug"],
    ),
    Resource(
        "duos",
        "Duos",
        "Binômes",
        "The published duos: a French city paired with its partner city, with the dates of the programme phases.",
        "Les binômes publiés : une ville française et sa ville partenaire, avec les dates des phases du programme.",
        [
            _text("slug", "Stable identifier of the duo.", "Identifiant stable du binôme.", required=True, unique=True),
            *_bilingual("name", "Name", "Nom"),
            _text("french_city", "French city (slug).", "Ville française (identifiant).", required=True),
            _text("partner_city", "Partner city (slug).", "Ville partenaire (identifiant).", required=True),
            Column("start_year", "year", "Year the duo started.", "Année de début du binôme."),
            _text(
                "phase",
                "Current programme phase.",
                "Phase actuelle du programme.",
                required=True,
                enum=_values(Duo.Phase),
            ),
            Column("assessment_start", "date", "Start of the assessment phase.", "Début de la phase de diagnostic."),
            Column("assessment_end", "date", "End of the assessment phase.", "Fin de la phase de diagnostic."),
            Column("mission_start", "date", "Start of the mission phase.", "Début de la phase de mission."),
            Column("mission_end", "date", "End of the mission phase.", "Fin de la phase de mission."),
            Column("monitoring_start", "date", "Start of the monitoring phase.", "Début de la phase de suivi."),
            Column("monitoring_end", "date", "End of the monitoring phase.", "Fin de la phase de suivi."),
            *_bilingual("existing_cooperation", "Cooperation before the programme", "Coopération avant le programme"),
            *_bilingual("description", "Description", "Description"),
        ],
        ["slug"],
        [(["french_city"], "cities", ["slug"]), (["partner_city"], "cities", ["slug"])],
    ),
    Resource(
        "frameworks",
        "Assessment frameworks",
        "Référentiels d'évaluation",
        "The assessment frameworks (e.g. the MUFPP Monitoring Framework) the assessments follow.",
        "Les référentiels d'évaluation (p. ex. le cadre de suivi du Pacte de Milan) que suivent les diagnostics.",
        [
            _text(
                "slug",
                "Stable identifier of the framework.",
                "Identifiant stable du référentiel.",
                required=True,
                unique=True,
            ),
            *_bilingual("name", "Name", "Nom"),
            _text("version", "Version.", "Version."),
            *_bilingual("description", "Description", "Description"),
            _text("source", "Source of the framework.", "Source du référentiel."),
        ],
        ["slug"],
    ),
    Resource(
        "pillars",
        "Let's Food pillars",
        "Piliers Let's Food",
        "The seven pillars of a sustainable food system used by the programme to classify initiatives.",
        "Les sept piliers d'un système alimentaire durable qu'utilise le programme pour classer les initiatives.",
        [
            _text(
                "code", "Stable identifier of the pillar.", "Identifiant stable du pilier.", required=True, unique=True
            ),
            Column("order", "integer", "Order of the pillar.", "Ordre du pilier.", required=True),
            *_bilingual("name", "Name", "Nom"),
        ],
        ["code"],
    ),
    Resource(
        "categories",
        "Framework categories",
        "Catégories du référentiel",
        "The categories of each framework (the MUFPP has six).",
        "Les catégories de chaque référentiel (le Pacte de Milan en compte six).",
        [
            FRAMEWORK_FK,
            _text(
                "code",
                "Identifier of the category within its framework.",
                "Identifiant de la catégorie dans son référentiel.",
                required=True,
            ),
            Column("order", "integer", "Order within the framework.", "Ordre dans le référentiel.", required=True),
            *_bilingual("name", "Name", "Nom"),
            *_bilingual("short_name", "Short name", "Nom court"),
            *_bilingual("description", "Description", "Description"),
            _text("source", "Source of the wording.", "Source de la formulation."),
        ],
        ["framework", "code"],
        [(["framework"], "frameworks", ["slug"])],
    ),
    Resource(
        "recommended_actions",
        "Recommended actions",
        "Actions recommandées",
        "The recommended actions of each framework (the MUFPP's 37), numbered across categories.",
        "Les actions recommandées de chaque référentiel (les 37 du Pacte de Milan), numérotées d'une catégorie "
        "à l'autre.",
        [
            FRAMEWORK_FK,
            Column("number", "integer", "Number within the framework.", "Numéro dans le référentiel.", required=True),
            _text("category", "Category (code).", "Catégorie (code).", required=True),
            *_bilingual(
                "title", "Title (official wording where verified)", "Intitulé (formulation officielle si vérifiée)"
            ),
            *_bilingual("short_title", "Short paraphrase", "Paraphrase courte"),
            Column(
                "verified",
                "boolean",
                "True when the title was checked against the official text; otherwise a paraphrase.",
                "Vrai quand l'intitulé a été vérifié sur le texte officiel ; sinon une paraphrase.",
                required=True,
            ),
            _text("source", "Source of the wording.", "Source de la formulation."),
        ],
        ["framework", "number"],
        [(["framework"], "frameworks", ["slug"]), (["framework", "category"], "categories", ["framework", "code"])],
    ),
    Resource(
        "indicators",
        "Indicators",
        "Indicateurs",
        "The indicators of each framework, with the type and range their values respect.",
        "Les indicateurs de chaque référentiel, avec le type et la plage que respectent leurs valeurs.",
        [
            FRAMEWORK_FK,
            _text(
                "code",
                "Stable identifier of the indicator, e.g. mufpp-06.",
                "Identifiant stable de l'indicateur, p. ex. mufpp-06.",
                required=True,
            ),
            Column("number", "integer", "Number within the framework.", "Numéro dans le référentiel."),
            _text("category", "Category (code).", "Catégorie (code).", required=True),
            *_bilingual("name", "Name", "Nom"),
            *_bilingual("description", "Description", "Description"),
            *_bilingual("method", "Method of measurement", "Méthode de mesure"),
            _text("unit", "Unit of the indicator's values.", "Unité des valeurs de l'indicateur."),
            _text(
                "value_type",
                "Type of the values.",
                "Type des valeurs.",
                required=True,
                enum=_values(Indicator.ValueType),
            ),
            Column(
                "scale_min",
                "integer",
                "Lowest value of a scale indicator.",
                "Valeur minimale d'un indicateur à échelle.",
            ),
            Column(
                "scale_max",
                "integer",
                "Highest value of a scale indicator.",
                "Valeur maximale d'un indicateur à échelle.",
            ),
            _text(
                "direction",
                "Whether higher or lower values are better.",
                "Si les valeurs hautes ou basses sont meilleures.",
                required=True,
                enum=_values(Indicator.Direction),
            ),
            Column(
                "per_capita",
                "boolean",
                "True when the value may be normalised per inhabitant.",
                "Vrai quand la valeur peut être rapportée au nombre d'habitants.",
                required=True,
            ),
            _text(
                "recommended_actions",
                f"{LIST_NOTE_EN} recommended action numbers.",
                f"{LIST_NOTE_FR} numéros d'actions recommandées.",
            ),
            Column(
                "verified",
                "boolean",
                "True when the wording was checked against the official text; otherwise a paraphrase.",
                "Vrai quand la formulation a été vérifiée sur le texte officiel ; sinon une paraphrase.",
                required=True,
            ),
            _text("source", "Source of the wording.", "Source de la formulation."),
        ],
        ["framework", "code"],
        [(["framework"], "frameworks", ["slug"]), (["framework", "category"], "categories", ["framework", "code"])],
    ),
    Resource(
        "assessments",
        "Assessments",
        "Diagnostics",
        "The published assessments of the cities' food systems (one per city, framework and edition year).",
        "Les diagnostics publiés des systèmes alimentaires des villes (un par ville, référentiel et année d'édition).",
        [
            _text(
                "slug",
                "Stable identifier of the assessment, e.g. sfax-2019.",
                "Identifiant stable du diagnostic, p. ex. sfax-2019.",
                required=True,
                unique=True,
            ),
            _text("city", "City (slug).", "Ville (identifiant).", required=True),
            FRAMEWORK_FK,
            Column("year", "year", "Edition year.", "Année d'édition.", required=True),
            _text(
                "edition",
                "Baseline or follow-up.",
                "Référence ou suivi.",
                required=True,
                enum=_values(Assessment.Edition),
            ),
            *_bilingual("summary", "Summary", "Résumé"),
            Column(
                "published_at", "datetime", "When the assessment was published (UTC).", "Date de publication (UTC)."
            ),
            DEMO,
        ],
        ["slug"],
        [(["city"], "cities", ["slug"]), (["framework"], "frameworks", ["slug"])],
    ),
    Resource(
        "category_ratings",
        "Category ratings",
        "Notes par catégorie",
        "Each published assessment's reading of the framework categories: a 0–10 rating with its rationale.",
        "La lecture de chaque catégorie du référentiel par les diagnostics publiés : une note sur 10 et sa "
        "justification.",
        [
            _text("assessment", "Assessment (slug).", "Diagnostic (identifiant).", required=True),
            FRAMEWORK_FK,
            _text("category", "Category (code).", "Catégorie (code).", required=True),
            Column(
                "rating",
                "integer",
                "Rating from 0 to 10; empty when the category was not rated (never zero for 'not rated').",
                "Note de 0 à 10 ; vide quand la catégorie n'a pas été notée (jamais zéro pour « non noté »).",
                unit="point (0–10)",
                minimum=0,
                maximum=10,
            ),
            *_bilingual("rating_rationale", "Rationale of the rating", "Justification de la note"),
            *_bilingual("challenges", "Main challenges", "Principaux défis"),
            *_bilingual("strengths", "Strengths", "Points forts"),
        ],
        ["assessment", "category"],
        [
            (["assessment"], "assessments", ["slug"]),
            (["framework", "category"], "categories", ["framework", "code"]),
        ],
    ),
    Resource(
        "indicator_values",
        "Indicator values",
        "Valeurs des indicateurs",
        "The values of the indicators in the published assessments, with their provenance. A 'no data' row has "
        "no value, unit, reference year or confidence.",
        "Les valeurs des indicateurs dans les diagnostics publiés, avec leur provenance. Une ligne « pas de donnée » "
        "n'a ni valeur, ni unité, ni année de référence, ni niveau de confiance.",
        [
            _text("assessment", "Assessment (slug).", "Diagnostic (identifiant).", required=True),
            FRAMEWORK_FK,
            _text("indicator", "Indicator (code).", "Indicateur (code).", required=True),
            Column(
                "no_data",
                "boolean",
                "True when no value could be found.",
                "Vrai quand aucune valeur n'a pu être trouvée.",
                required=True,
            ),
            Column(
                "value_number",
                "number",
                "Numeric value, in the unit of the unit column (dot decimal, no thousands separator).",
                "Valeur numérique, dans l'unité de la colonne unit (point décimal, sans séparateur de milliers).",
            ),
            Column("value_boolean", "boolean", "Yes/no value.", "Valeur oui/non."),
            _text("value_text", "Text value.", "Valeur textuelle."),
            _text("unit", "Unit of the value.", "Unité de la valeur."),
            Column("reference_year", "year", "Year the value refers to.", "Année à laquelle se rapporte la valeur."),
            _text("source_title", "Source of the value.", "Source de la valeur."),
            _text("source_url", "Address of the source.", "Adresse de la source."),
            _text("confidence", "Confidence in the value.", "Confiance dans la valeur.", enum=_values(Confidence)),
            _text(
                "licence",
                "Licence or attribution of the source, which applies to the value.",
                "Licence ou attribution de la source, qui s'applique à la valeur.",
            ),
            DEMO,
        ],
        ["assessment", "indicator"],
        [
            (["assessment"], "assessments", ["slug"]),
            (["framework", "indicator"], "indicators", ["framework", "code"]),
        ],
        [PLATFORM_SOURCE, {"title": "Per value: the columns source_title, source_url and licence"}],
    ),
    Resource(
        "challenges",
        "Challenges",
        "Défis",
        "The main challenges of each city's food system found by the published assessments.",
        "Les principaux défis du système alimentaire de chaque ville relevés par les diagnostics publiés.",
        [
            Column(
                "id", "integer", "Stable number of the challenge.", "Numéro stable du défi.", required=True, unique=True
            ),
            _text("assessment", "Assessment (slug).", "Diagnostic (identifiant).", required=True),
            FRAMEWORK_FK,
            _text("category", "Category (code).", "Catégorie (code).", required=True),
            *_bilingual("title", "Title", "Intitulé"),
            *_bilingual("description", "Description", "Description"),
            _text("severity", "Severity.", "Gravité.", required=True, enum=_values(Challenge.Severity)),
            _text(
                "recommended_actions",
                f"{LIST_NOTE_EN} recommended action numbers.",
                f"{LIST_NOTE_FR} numéros d'actions recommandées.",
            ),
        ],
        ["id"],
        [
            (["assessment"], "assessments", ["slug"]),
            (["framework", "category"], "categories", ["framework", "code"]),
        ],
    ),
    Resource(
        "initiatives",
        "Initiatives",
        "Initiatives",
        "The innovative local initiatives catalogued by the published assessments (the good-practice library).",
        "Les initiatives locales innovantes recensées par les diagnostics publiés (la bibliothèque de bonnes "
        "pratiques).",
        [
            _text(
                "ref",
                "Stable identifier of the initiative.",
                "Identifiant stable de l'initiative.",
                required=True,
                unique=True,
            ),
            _text("assessment", "Assessment (slug).", "Diagnostic (identifiant).", required=True),
            _text("city", "City (slug).", "Ville (identifiant).", required=True),
            *_bilingual("title", "Title", "Intitulé"),
            *_bilingual("description", "Description", "Description"),
            _text("categories", f"{LIST_NOTE_EN} category codes.", f"{LIST_NOTE_FR} codes de catégories."),
            _text(
                "recommended_actions",
                f"{LIST_NOTE_EN} recommended action numbers.",
                f"{LIST_NOTE_FR} numéros d'actions recommandées.",
            ),
            _text("pillars", f"{LIST_NOTE_EN} pillar codes.", f"{LIST_NOTE_FR} codes de piliers."),
            _text("actor_type", "Type of actor.", "Type d'acteur.", required=True, enum=_values(Initiative.ActorType)),
            _text("organisation", "Organisation running the initiative.", "Organisation qui porte l'initiative."),
            LATITUDE,
            LONGITUDE,
            _text("website", "Website.", "Site web."),
            Column("start_year", "year", "Year it started.", "Année de début."),
            _text("status", "Status.", "État.", required=True, enum=_values(Initiative.Status)),
            DEMO,
        ],
        ["ref"],
        [(["assessment"], "assessments", ["slug"]), (["city"], "cities", ["slug"])],
    ),
    Resource(
        "actions",
        "Action plans",
        "Plans d'action",
        "The public actions of the duos' action plans and of the territories' local plans.",
        "Les actions publiques des plans d'action des binômes et des plans locaux des territoires.",
        [
            Column(
                "id",
                "integer",
                "Stable number of the action.",
                "Numéro stable de l'action.",
                required=True,
                unique=True,
            ),
            _text(
                "duo", "Duo whose plan holds the action (slug).", "Binôme dont le plan contient l'action (identifiant)."
            ),
            _text(
                "territory",
                "Instead of a duo: the territory whose local plan holds the action (slug).",
                "À la place d'un binôme : le territoire dont le plan local contient l'action (identifiant).",
            ),
            *_bilingual("title", "Title", "Intitulé"),
            *_bilingual("description", "Description", "Description"),
            _text("status", "Status.", "État.", required=True, enum=_values(Action.Status)),
            Column(
                "budget",
                "number",
                "Budget, in the currency of the currency column.",
                "Budget, dans la devise de la colonne currency.",
                minimum=0,
            ),
            _text("currency", "Currency of the budget, ISO 4217 code.", "Devise du budget, code ISO 4217."),
            _text("funding_source", "Funding source.", "Source de financement."),
            Column("start", "date", "Start date.", "Date de début."),
            Column("end", "date", "End date.", "Date de fin."),
            _text("owners", f"{LIST_NOTE_EN} owning organisations.", f"{LIST_NOTE_FR} organisations porteuses."),
            _text(
                "indicators",
                f"{LIST_NOTE_EN} codes of the indicators it should move.",
                f"{LIST_NOTE_FR} codes des indicateurs qu'elle doit faire évoluer.",
            ),
            _text(
                "recommended_actions",
                f"{LIST_NOTE_EN} recommended action numbers.",
                f"{LIST_NOTE_FR} numéros d'actions recommandées.",
            ),
            DEMO,
        ],
        ["id"],
        [(["duo"], "duos", ["slug"]), (["territory"], "cities", ["slug"])],
    ),
    Resource(
        "milestones",
        "Milestones",
        "Jalons",
        "The milestones of the public actions.",
        "Les jalons des actions publiques.",
        [
            Column(
                "id",
                "integer",
                "Stable number of the milestone.",
                "Numéro stable du jalon.",
                required=True,
                unique=True,
            ),
            Column("action", "integer", "Action (id).", "Action (numéro).", required=True),
            _text("title", "Title.", "Intitulé.", required=True),
            Column("due", "date", "Due date.", "Échéance.", required=True),
            Column("done_on", "date", "Date it was done; empty while not done.", "Date de réalisation ; vide sinon."),
        ],
        ["id"],
        [(["action"], "actions", ["id"])],
    ),
    Resource(
        "infrastructure",
        "Food infrastructure",
        "Infrastructures alimentaires",
        "The food infrastructure of the published territories: mills, processing workshops, abattoirs, storage…",
        "Les infrastructures alimentaires des territoires publiés : moulins, ateliers de transformation, abattoirs…",
        [
            Column(
                "id",
                "integer",
                "Stable number of the infrastructure.",
                "Numéro stable de l'infrastructure.",
                required=True,
                unique=True,
            ),
            _text("city", "Territory (slug).", "Territoire (identifiant).", required=True),
            _text("kind", "Kind.", "Type.", required=True, enum=_values(Infrastructure.Kind)),
            _text("name", "Name.", "Nom.", required=True),
            _text("owner", "Owner.", "Propriétaire."),
            _text(
                "capacity",
                "Capacity, as free text with its unit (e.g. 2 t of flour a day).",
                "Capacité, en texte libre avec son unité (p. ex. 2 t de farine par jour).",
            ),
            _text("status", "Status.", "État.", required=True, enum=_values(Infrastructure.Status)),
            LATITUDE,
            LONGITUDE,
            DEMO,
        ],
        ["id"],
        [(["city"], "cities", ["slug"])],
    ),
]

# Resources whose rows name their own sources, in addition to the platform.
ROW_SOURCES = {
    "cities": "Per city: the columns location_source and population_source",
    "frameworks": "Per framework: the column source (the framework's official texts)",
    "categories": "Per category: the column source",
    "recommended_actions": "Per action: the column source (verified tells whether the wording is official)",
    "indicators": "Per indicator: the column source (verified tells whether the wording is official)",
}
