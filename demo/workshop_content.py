"""The illustrative text of the workshops demo: missions, participants, proposals, milestones, the Perche
simulation's scenarios, hazards, roles, outcomes and food-processing tools, and the plan's progress notes, in English
and French. demo/workshops.py loads them; the real facts among them are listed in its docstring."""

from datetime import date

from workshops.models import Infrastructure, Participant, RoleAssignment

DEMO_NOTE_EN = "Illustrative content (demonstration data)."
DEMO_NOTE_FR = "Contenu illustratif (données de démonstration)."

# slug, city slug, start, end, film (title, minutes, languages, synopsis en, synopsis fr) or None, description en/fr
MISSIONS = [
    (
        "ho-chi-minh-city-2019",
        "ho-chi-minh-city",
        date(2019, 2, 1),
        date(2019, 4, 30),
        "The team stayed in Ho Chi Minh City from February to April 2019.",
        "L'équipe a séjourné à Hô-Chi-Minh-Ville de février à avril 2019.",
        None,
    ),
    (
        "sfax-2019",
        "sfax",
        date(2019, 10, 1),
        date(2019, 12, 31),
        "The team stayed in Sfax from October to December 2019.",
        "L'équipe a séjourné à Sfax d'octobre à décembre 2019.",
        None,
    ),
    (
        "fez-2019",
        "fez",
        None,
        None,
        "The mission to Fez took place in 2019; its film was selected at Festival ALIMENTERRE 2020.",
        "La mission à Fès a eu lieu en 2019 ; son film a été sélectionné au Festival ALIMENTERRE 2020.",
        (
            29,
            "Arabic, French",
            "A 29-minute documentary on the food system of Fez, selected at Festival ALIMENTERRE 2020.",
            "Un documentaire de 29 minutes sur le système alimentaire de Fès, sélectionné au Festival ALIMENTERRE "
            "2020.",
        ),
    ),
    ("guanajuato-2019", "guanajuato", date(2019, 5, 6), date(2019, 6, 28), "", "", None),
    ("valparaiso-2019", "valparaiso", date(2019, 9, 2), date(2019, 10, 25), "", "", None),
    ("tehran-2019", "tehran", date(2019, 4, 8), date(2019, 5, 31), "", "", None),
    ("durban-2020", "durban", date(2020, 1, 13), date(2020, 3, 6), "", "", None),
]

# name, organisation kind, participant kind, consents
FEZ_PARTICIPANTS = [
    ("Amina Benali", "local_authority", Participant.Kind.LOCAL_AUTHORITY, True),
    ("Youssef El Idrissi", "farmers", Participant.Kind.FARMER, True),
    ("Khadija Alaoui", "association", Participant.Kind.ASSOCIATION, True),
    ("Omar Tazi", "research", Participant.Kind.RESEARCH, True),
    ("Salma Berrada", "business", Participant.Kind.BUSINESS, True),
    ("Participant 6", "", Participant.Kind.FARMER, False),
    ("Participant 7", "", Participant.Kind.CITIZEN, False),
    ("Participant 8", "", Participant.Kind.CITIZEN, False),
    ("Participant 9", "", Participant.Kind.ASSOCIATION, False),
    ("Participant 10", "", Participant.Kind.LOCAL_AUTHORITY, False),
    ("Participant 11", "", Participant.Kind.BUSINESS, False),
    ("Participant 12", "", Participant.Kind.PUBLIC_SERVICE, False),
]

# title en, title fr, category code
FEZ_PROPOSALS = [
    (
        "A producers' market in every district",
        "Un marché de producteurs dans chaque arrondissement",
        "food_supply_distribution",
    ),
    (
        "Local produce in school canteens",
        "Des produits locaux dans les cantines scolaires",
        "sustainable_diets_nutrition",
    ),
    ("Recover unsold food at the wholesale market", "Récupérer les invendus du marché de gros", "food_waste"),
    (
        "Protect the farmland of the Saïss plain",
        "Protéger les terres agricoles de la plaine du Saïss",
        "food_production",
    ),
    ("A municipal food policy council", "Un conseil municipal de politique alimentaire", "governance"),
    (
        "Nutrition workshops in health centres",
        "Des ateliers de nutrition dans les centres de santé",
        "sustainable_diets_nutrition",
    ),
    ("Composting of market biowaste", "Compostage des biodéchets des marchés", "food_waste"),
    ("Fair prices for small producers", "Des prix justes pour les petits producteurs", "social_economic_equity"),
]

LYON_PROPOSALS = [
    (
        "Exchange of school-canteen cooks with Ho Chi Minh City",
        "Échange de cuisiniers de cantine avec Hô-Chi-Minh-Ville",
        "sustainable_diets_nutrition",
    ),
    (
        "Shared method for mapping urban farms",
        "Méthode partagée de cartographie des fermes urbaines",
        "food_production",
    ),
    (
        "Joint study of wet-market food safety",
        "Étude commune de la sécurité sanitaire des marchés frais",
        "food_supply_distribution",
    ),
    ("Food-waste reduction in wholesale markets", "Réduction du gaspillage sur les marchés de gros", "food_waste"),
    ("A bilingual guide to food-policy governance", "Un guide bilingue de la gouvernance alimentaire", "governance"),
    ("Solidarity groceries twinning", "Jumelage d'épiceries solidaires", "social_economic_equity"),
]

# (title en, title fr, months from now of due dates, done?) for the three actions' milestones
LYON_MILESTONES = [
    [
        ("Choose the two pilot schools", "Choisir les deux écoles pilotes", -5, True),
        ("First cooks' exchange visit", "Première visite d'échange des cuisiniers", -1, False),
        ("Shared menu published", "Menu commun publié", 2, False),
    ],
    [
        ("Agree the mapping method", "S'accorder sur la méthode de cartographie", -4, True),
        ("Map the first 50 farms", "Cartographier les 50 premières fermes", -2, False),
        ("Open data release", "Publication en données ouvertes", 3, False),
    ],
    [
        ("Survey protocol agreed", "Protocole d'enquête validé", -3, True),
        ("Field survey in 10 markets", "Enquête de terrain dans 10 marchés", -1, True),
        ("Joint report", "Rapport commun", 1, False),
    ],
]

SNOWSTORM = (
    "snowstorm-power-communications-transport",
    "Snowstorm cutting power, communications and transport",
    "Tempête de neige coupant l'électricité, les communications et les transports",
    "Snowstorm",
    "A heavy snowfall cuts power lines, mobile networks and roads across the territory for several days.",
    "De fortes chutes de neige coupent lignes électriques, réseaux mobiles et routes du territoire plusieurs jours.",
    [
        (
            "Snow falls",
            "La neige tombe",
            "Thirty centimetres overnight; school buses stay in the depot.",
            "Trente centimètres pendant la nuit ; les cars scolaires restent au dépôt.",
        ),
        (
            "The power goes out",
            "Le courant est coupé",
            "Power lines are down; cold rooms and milking machines stop.",
            "Des lignes sont à terre ; chambres froides et machines à traire s'arrêtent.",
        ),
        (
            "No network, no trucks",
            "Plus de réseau, plus de camions",
            "Mobile networks fail; supermarket deliveries stop.",
            "Les réseaux mobiles tombent ; les livraisons des supermarchés s'arrêtent.",
        ),
        (
            "Day four",
            "Quatrième jour",
            "Shelves are empty; isolated elderly people need meals; roads reopen slowly.",
            "Les rayons sont vides ; des personnes âgées isolées ont besoin de repas ; les routes rouvrent lentement.",
        ),
    ],
)

# The scenarios' hazards in French (the library below writes them in English).
HAZARDS_FR = {
    "Snowstorm": "Tempête de neige",
    "Fuel shortage": "Pénurie de carburant",
    "Heatwave": "Canicule",
    "Cyber-attack": "Cyberattaque",
}

OTHER_SCENARIOS = [
    (
        "fuel-shortage",
        "Fuel shortage",
        "Pénurie de carburant",
        "Fuel shortage",
        "Fuel deliveries stop: tractors, delivery vans and shoppers' cars run dry.",
        "Les livraisons de carburant s'arrêtent : tracteurs, camionnettes et voitures tombent en panne sèche.",
        [
            (
                "Queues at the pumps",
                "Files d'attente aux pompes",
                "A refinery strike: stations ration fuel; farmers fear for the harvest.",
                "Grève dans une raffinerie : les stations rationnent ; les agriculteurs craignent pour la récolte.",
            ),
            (
                "Dry tanks",
                "Cuves vides",
                "Delivery vans stay parked; the weekly market loses half its stalls.",
                "Les camionnettes restent garées ; le marché hebdomadaire perd la moitié de ses étals.",
            ),
            (
                "Week two",
                "Deuxième semaine",
                "Milk collection stops; school canteens and care homes run short of supplies.",
                "La collecte de lait s'arrête ; cantines et maisons de retraite manquent de provisions.",
            ),
        ],
    ),
    (
        "heatwave-and-drought",
        "Heatwave and drought",
        "Canicule et sécheresse",
        "Heatwave",
        "Weeks of heat and water restrictions: crops wilt, livestock suffer, cold chains strain.",
        "Des semaines de chaleur et de restrictions d'eau : cultures flétries, bétail en souffrance, chaîne du "
        "froid sous tension.",
        [
            (
                "Hot days",
                "Jours de chaleur",
                "38 °C for a week; irrigation is restricted by prefectoral order.",
                "38 °C pendant une semaine ; l'irrigation est restreinte par arrêté préfectoral.",
            ),
            (
                "Wells run low",
                "Les puits baissent",
                "Vegetable crops wilt; livestock need water carried in; cold rooms overheat.",
                "Les légumes flétrissent ; il faut apporter l'eau au bétail ; les chambres froides surchauffent.",
            ),
            (
                "Power cuts at the peak",
                "Coupures au pic de chaleur",
                "The grid sheds load in the afternoon; fresh food spoils in shops and kitchens.",
                "Le réseau déleste l'après-midi ; les produits frais se perdent dans les commerces et les cuisines.",
            ),
        ],
    ),
    (
        "cyber-attack-on-logistics",
        "Cyber-attack on logistics",
        "Cyberattaque sur la logistique",
        "Cyber-attack",
        "A cyber-attack paralyses the ordering systems of the region's food distribution centres.",
        "Une cyberattaque paralyse les systèmes de commande des centrales de distribution alimentaire de la région.",
        [
            (
                "Orders vanish",
                "Les commandes disparaissent",
                "The distribution centres' software is locked; no order reaches the warehouses.",
                "Le logiciel des centrales est bloqué ; aucune commande n'arrive aux entrepôts.",
            ),
            (
                "Empty shelves",
                "Rayons vides",
                "Supermarkets receive nothing for three days; card payments fail in some shops.",
                "Les supermarchés ne reçoivent rien pendant trois jours ; le paiement par carte tombe dans certains "
                "commerces.",
            ),
            (
                "Local supply steps in",
                "L'approvisionnement local prend le relais",
                "Farms, markets and the food bank must feed the town without the usual chain.",
                "Fermes, marchés et banque alimentaire doivent nourrir la ville sans la chaîne habituelle.",
            ),
        ],
    ),
]

# The outcomes of the Perche restitution (22 January 2024, 26 participants), from the ATLASS II record.
PERCHE_OUTCOMES = [
    ("Network the local actors of food", "Mettre en réseau les acteurs locaux de l'alimentation", "governance"),
    (
        "Spread practical know-how (preserving, baking, gardening)",
        "Diffuser les savoir-faire pratiques (conserves, pain, jardinage)",
        "sustainable_diets_nutrition",
    ),
    (
        "Use public and private spaces for food solidarity (shared gardens, orchards)",
        "Utiliser des espaces publics et privés pour la solidarité alimentaire (jardins partagés, vergers)",
        "social_economic_equity",
    ),
    (
        "Inventory the food-processing tools of the territory",
        "Inventorier les outils de transformation alimentaire du territoire",
        "food_supply_distribution",
    ),
    (
        "Have communes invest in basic processing equipment such as mills",
        "Faire investir les communes dans des équipements de transformation de base comme des moulins",
        "food_production",
    ),
]

PERCHE_INFRASTRUCTURE = [
    (
        Infrastructure.Kind.MILL,
        "Moulin communal (illustrative)",
        "Commune",
        "1 t de farine par jour",
        Infrastructure.Status.UNDERUSED,
        (0.71, 48.36),
    ),
    (
        Infrastructure.Kind.MARKET,
        "Marché de plein vent (illustrative)",
        "Commune",
        "30 étals",
        Infrastructure.Status.ACTIVE,
        (0.83, 48.45),
    ),
    (
        Infrastructure.Kind.FOOD_BANK,
        "Épicerie solidaire (illustrative)",
        "Association",
        "120 ménages",
        Infrastructure.Status.ACTIVE,
        (0.92, 48.32),
    ),
    (
        Infrastructure.Kind.PROCESSING,
        "Atelier de transformation partagé (illustrative)",
        "Cooperative",
        "",
        Infrastructure.Status.PLANNED,
        (0.66, 48.50),
    ),
    (
        Infrastructure.Kind.COLLECTIVE_KITCHEN,
        "Cuisine centrale (illustrative)",
        "Intercommunality",
        "800 meals a day",
        Infrastructure.Status.ACTIVE,
        (0.78, 48.28),
    ),
]

ROLES = [
    RoleAssignment.Role.FIREFIGHTER,
    RoleAssignment.Role.MUNICIPAL_TECHNICIAN,
    RoleAssignment.Role.FARMER,
    RoleAssignment.Role.SHOPKEEPER,
    RoleAssignment.Role.ELECTED_OFFICIAL,
    RoleAssignment.Role.RESIDENT,
]


# (English, French) notes of the Lyon–Ho Chi Minh City actions' progress updates
UPDATES = [
    (
        "Work started with both cities (illustrative update).",
        "Travail engagé avec les deux villes (mise à jour illustrative).",
    ),
    (
        "Field survey done in ten markets (illustrative update).",
        "Enquête de terrain réalisée dans dix marchés (mise à jour illustrative).",
    ),
]
