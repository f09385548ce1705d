"""The framework in French: every recommended action's title and short title, and every indicator's name.

The reference loader only creates what is missing, so databases loaded earlier get the French texts here. A French
field is filled only where it is still empty, as the earlier reference data shipped it, and where the English text
beside it is still the one it translates: a text the team wrote or edited is kept.
"""

from django.db import migrations

MUFPP_SLUG = "mufpp-2019"

# number -> English texts as shipped and their French translation (from letsfood/reference/mufpp.json).
ACTIONS = {1: {'title_en': 'Facilitate collaboration across city agencies and departments and seek alignment of policies and '
                 'programmes that impact the food system across multiple sectors and administrative levels, adopting '
                 'and mainstreaming a rights-based approach; options can include dedication of permanent city staff, '
                 'review of tasks and procedures and reallocation of resources.',
     'title_fr': 'Faciliter la collaboration entre les services et départements municipaux et rechercher la '
                 'cohérence des politiques et programmes qui touchent le système alimentaire dans les différents '
                 'secteurs et niveaux administratifs, en adoptant et en généralisant une approche fondée sur les '
                 "droits ; les options peuvent inclure l'affectation de personnel municipal permanent, la révision "
                 'des missions et procédures et la réaffectation des ressources.',
     'short_title_en': 'Facilitate collaboration across city agencies and departments and align food-related '
                       'policies and programmes across sectors and administrative levels (rights-based approach)',
     'short_title_fr': 'Faciliter la collaboration entre services et départements municipaux et mettre en cohérence '
                       'les politiques et programmes alimentaires entre secteurs et niveaux administratifs (approche '
                       'fondée sur les droits)'},
 2: {'title_en': 'Enhance stakeholder participation at the city level through political dialogue, and if '
                 'appropriate, appointment of a food policy advisor and/or development of a multi-stakeholder '
                 'platform or food council, as well as through education and awareness raising.',
     'title_fr': 'Renforcer la participation des parties prenantes au niveau de la ville par le dialogue politique '
                 "et, le cas échéant, la nomination d'un conseiller en politique alimentaire et/ou la création d'une "
                 "plateforme multi-acteurs ou d'un conseil de politique alimentaire, ainsi que par l'éducation et la "
                 'sensibilisation.',
     'short_title_en': 'Enhance stakeholder participation at city level (political dialogue, food policy advisor '
                       'and/or multi-stakeholder platform or food council, education and awareness raising)',
     'short_title_fr': 'Renforcer la participation des parties prenantes au niveau de la ville (dialogue politique, '
                       'conseiller en politique alimentaire et/ou plateforme multi-acteurs ou conseil alimentaire, '
                       'éducation et sensibilisation)'},
 3: {'title_en': 'Identify, map and evaluate local initiatives and civil society food movements in order to '
                 'transform best practices into relevant programmes and policies, with the support of local research '
                 'or academic institutions.',
     'title_fr': 'Identifier, cartographier et évaluer les initiatives locales et les mouvements alimentaires de la '
                 'société civile afin de transformer les bonnes pratiques en programmes et politiques pertinents, '
                 "avec l'appui de la recherche locale ou des établissements universitaires.",
     'short_title_en': 'Identify, map and evaluate local initiatives and civil society food movements to turn best '
                       'practices into programmes and policies',
     'short_title_fr': 'Identifier, cartographier et évaluer les initiatives locales et les mouvements alimentaires '
                       'de la société civile pour transformer les bonnes pratiques en programmes et politiques'},
 4: {'title_en': 'Develop or revise urban food policies and plans and ensure allocation of appropriate resources '
                 'within city administration regarding food-related policies and programmes; review, harmonize and '
                 'strengthen municipal regulations; build up strategic capacities for a more sustainable, healthy '
                 'and equitable food system balancing urban and rural interests.',
     'title_fr': "Élaborer ou réviser les politiques et plans alimentaires urbains et garantir l'allocation de "
                 "ressources appropriées au sein de l'administration municipale pour les politiques et programmes "
                 "liés à l'alimentation ; réviser, harmoniser et renforcer la réglementation municipale ; développer "
                 'des capacités stratégiques pour un système alimentaire plus durable, sain et équitable, qui '
                 'équilibre les intérêts urbains et ruraux.',
     'short_title_en': 'Develop or revise urban food policies and plans, allocate resources, harmonise and '
                       'strengthen municipal regulations, build strategic capacities',
     'short_title_fr': 'Élaborer ou réviser les politiques et plans alimentaires urbains, allouer des ressources, '
                       'harmoniser et renforcer la réglementation municipale, développer des capacités stratégiques'},
 5: {'title_en': 'Develop or improve multisectoral information systems for policy development and accountability by '
                 'enhancing the availability, quality, quantity, coverage and management and exchange of data '
                 'related to urban food systems, including both formal data collection and data generated by civil '
                 'society and other partners.',
     'title_fr': "Développer ou améliorer des systèmes d'information multisectoriels pour l'élaboration des "
                 'politiques et la redevabilité, en améliorant la disponibilité, la qualité, la quantité, la '
                 "couverture, la gestion et l'échange des données sur les systèmes alimentaires urbains, y compris "
                 "la collecte de données formelle et les données produites par la société civile et d'autres "
                 'partenaires.',
     'short_title_en': 'Develop or improve multisectoral information systems (urban food system data, incl. '
                       'civil-society data) for policy development and accountability',
     'short_title_fr': "Développer ou améliorer des systèmes d'information multisectoriels (données sur le système "
                       "alimentaire urbain, y compris celles de la société civile) pour l'élaboration des politiques "
                       'et la redevabilité'},
 6: {'title_en': 'Develop a disaster risk reduction strategy to enhance the resilience of urban food systems, '
                 'including those cities most affected by climate change, protracted crises and chronic food '
                 'insecurity in urban and rural areas.',
     'title_fr': 'Élaborer une stratégie de réduction des risques de catastrophe pour renforcer la résilience des '
                 'systèmes alimentaires urbains, y compris dans les villes les plus touchées par le changement '
                 "climatique, les crises prolongées et l'insécurité alimentaire chronique en zones urbaines et "
                 'rurales.',
     'short_title_en': 'Develop a disaster risk reduction strategy to enhance the resilience of urban food systems',
     'short_title_fr': 'Élaborer une stratégie de réduction des risques de catastrophe pour renforcer la résilience '
                       'des systèmes alimentaires urbains'},
 7: {'title_en': 'Promote sustainable diets (healthy, safe, culturally appropriate, environmentally friendly and '
                 'rights-based) through relevant education, health promotion and communication programmes, with '
                 'special attention to schools, care centres, markets and the media.',
     'title_fr': 'Promouvoir une alimentation durable (saine, sûre, culturellement appropriée, respectueuse de '
                 "l'environnement et fondée sur les droits) par des programmes d'éducation, de promotion de la santé "
                 'et de communication adaptés, avec une attention particulière aux écoles, aux centres de soins, aux '
                 'marchés et aux médias.',
     'short_title_en': 'Promote sustainable diets through education, health promotion and communication programmes '
                       '(schools, care centres, markets, media)',
     'short_title_fr': "Promouvoir une alimentation durable par des programmes d'éducation, de promotion de la santé "
                       'et de communication (écoles, centres de soins, marchés, médias)'},
 8: {'title_en': 'Address non-communicable diseases associated with poor diets and obesity, giving specific '
                 'attention where appropriate to reducing intake of sugar, salt, transfats, meat and dairy products '
                 'and increasing consumption of fruits and vegetables and non-processed foods.',
     'title_fr': "Lutter contre les maladies non transmissibles liées à une mauvaise alimentation et à l'obésité, en "
                 "veillant notamment, le cas échéant, à réduire la consommation de sucre, de sel, d'acides gras "
                 "trans, de viande et de produits laitiers et à augmenter celle de fruits, de légumes et d'aliments "
                 'non transformés.',
     'short_title_en': 'Address non-communicable diseases linked to poor diets and obesity (less sugar, salt, trans '
                       'fats, meat and dairy; more fruit, vegetables and non-processed foods)',
     'short_title_fr': 'Lutter contre les maladies non transmissibles liées à une mauvaise alimentation et à '
                       "l'obésité (moins de sucre, de sel, d'acides gras trans, de viande et de produits laitiers ; "
                       "plus de fruits, de légumes et d'aliments non transformés)"},
 9: {'title_en': 'Develop sustainable dietary guidelines to inform consumers, city planners (in particular for '
                 'public food procurement), food service providers, retailers, producers and processors, and promote '
                 'communication and training campaigns.',
     'title_fr': "Élaborer des recommandations pour une alimentation durable à l'intention des consommateurs, des "
                 'urbanistes (en particulier pour la commande publique alimentaire), des services de restauration, '
                 'des distributeurs, des producteurs et des transformateurs, et promouvoir des campagnes de '
                 'communication et de formation.',
     'short_title_en': 'Develop sustainable dietary guidelines (consumers, city planners/public procurement, food '
                       'services, retail, producers) and related communication and training',
     'short_title_fr': 'Élaborer des recommandations pour une alimentation durable (consommateurs, urbanistes et '
                       'commande publique, restauration, distribution, producteurs) et les actions de communication '
                       'et de formation associées'},
 10: {'title_en': 'Adapt standards and regulations to make sustainable diets and safe drinking water accessible in '
                  'public facilities (schools, hospitals, workplaces, canteens, municipal offices, prisons)',
      'title_fr': "Adapter les normes et réglementations pour rendre une alimentation durable et l'eau potable "
                  'accessibles dans les établissements publics (écoles, hôpitaux, lieux de travail, cantines, '
                  'bureaux municipaux, prisons)',
      'short_title_en': '',
      'short_title_fr': ''},
 11: {'title_en': 'Explore regulatory and voluntary instruments (marketing, advertising, labelling, economic '
                  'incentives) that promote sustainable diets with public and private companies',
      'title_fr': 'Étudier les instruments réglementaires et volontaires (marketing, publicité, étiquetage, '
                  'incitations économiques) qui promeuvent une alimentation durable avec les entreprises publiques '
                  'et privées',
      'short_title_en': '',
      'short_title_fr': ''},
 12: {'title_en': 'Encourage joint action by the health and food sectors on integrated, people-centred strategies '
                  'for healthy lifestyles and social inclusion',
      'title_fr': "Encourager l'action conjointe des secteurs de la santé et de l'alimentation en faveur de "
                  "stratégies intégrées, centrées sur les personnes, pour des modes de vie sains et l'inclusion "
                  'sociale',
      'short_title_en': '',
      'short_title_fr': ''},
 13: {'title_en': 'Invest in universal access to safe drinking water and adequate sanitation, with civil society and '
                  'other partners',
      'title_fr': "Investir dans l'accès universel à l'eau potable et à un assainissement adéquat, avec la société "
                  "civile et d'autres partenaires",
      'short_title_en': '',
      'short_title_fr': ''},
 14: {'title_en': 'Use cash and food transfers, and other forms of social protection systems (food banks, community '
                  'food kitchens, emergency food pantries etc.) to provide vulnerable populations with access to '
                  'healthy food, while taking into consideration the specific beliefs, culture, traditions, dietary '
                  'habits and preferences of diverse communities, as a matter of human dignity and to avoid further '
                  'marginalization.',
      'title_fr': "Recourir aux transferts monétaires et alimentaires et à d'autres formes de protection sociale "
                  "(banques alimentaires, cuisines communautaires, épiceries d'urgence, etc.) pour donner aux "
                  'populations vulnérables accès à une alimentation saine, en tenant compte des croyances, de la '
                  'culture, des traditions, des habitudes et des préférences alimentaires des différentes '
                  'communautés, par respect de la dignité humaine et pour éviter une marginalisation accrue.',
      'short_title_en': 'Use cash and food transfers and other social protection systems (food banks, community food '
                        'kitchens, emergency pantries) to give vulnerable populations dignified, culturally '
                        'appropriate access to healthy food',
      'short_title_fr': "Recourir aux transferts monétaires et alimentaires et à d'autres dispositifs de protection sociale (banques alimentaires, cuisines communautaires, épiceries d'urgence) pour donner aux plus vulnérables un accès digne et adapté à une alimentation saine"},
 15: {'title_en': 'Reorient school feeding and other institutional food services towards healthy, local or regional, '
                  'seasonal and sustainably produced food',
      'title_fr': 'Réorienter la restauration scolaire et les autres services de restauration collective vers des '
                  'aliments sains, locaux ou régionaux, de saison et produits de manière durable',
      'short_title_en': '',
      'short_title_fr': ''},
 16: {'title_en': 'Promote decent employment in the food and agriculture sector: fair economic relations, fair '
                  'wages, better labour conditions, full inclusion of women',
      'title_fr': "Promouvoir l'emploi décent dans le secteur agricole et alimentaire : relations économiques "
                  'équitables, salaires justes, meilleures conditions de travail, pleine inclusion des femmes',
      'short_title_en': '',
      'short_title_fr': ''},
 17: {'title_en': 'Encourage and support social and solidarity economy activities, that support sustainable '
                  'livelihoods in the food chain and facilitate access to safe and healthy foods.',
      'title_fr': "Encourager et soutenir les activités de l'économie sociale et solidaire qui favorisent des moyens "
                  "de subsistance durables dans la chaîne alimentaire et facilitent l'accès à des aliments sûrs et "
                  'sains.',
      'short_title_en': 'Encourage and support social and solidarity economy activities in the food chain',
      'short_title_fr': "Encourager et soutenir les activités de l'économie sociale et solidaire dans la chaîne "
                        'alimentaire'},
 18: {'title_en': 'Promote networks and support grassroots activities (community gardens, community kitchens, social '
                  'pantries) that create social inclusion and feed marginalised people',
      'title_fr': 'Promouvoir les réseaux et soutenir les initiatives de terrain (jardins partagés, cuisines '
                  "communautaires, épiceries sociales) qui créent de l'inclusion sociale et nourrissent les "
                  'personnes marginalisées',
      'short_title_en': '',
      'short_title_fr': ''},
 19: {'title_en': 'Promote participatory education, training and research as key elements in strengthening local '
                  'action to increase social and economic equity, promote rights-based approaches, alleviate poverty '
                  'and facilitate access to adequate and nutritious foods.',
      'title_fr': "Promouvoir l'éducation, la formation et la recherche participatives comme éléments clés du "
                  "renforcement de l'action locale pour accroître l'équité sociale et économique, promouvoir les "
                  "approches fondées sur les droits, réduire la pauvreté et faciliter l'accès à une alimentation "
                  'adéquate et nutritive.',
      'short_title_en': 'Promote participatory education, training and research to strengthen local action on social '
                        'and economic equity',
      'short_title_fr': "Promouvoir l'éducation, la formation et la recherche participatives pour renforcer l'action "
                        "locale en faveur de l'équité sociale et économique"},
 20: {'title_en': 'Promote and strengthen urban and peri-urban food production and processing based on sustainable '
                  'approaches and integrate urban and peri-urban agriculture into city resilience plans.',
      'title_fr': 'Promouvoir et renforcer la production et la transformation alimentaires urbaines et périurbaines '
                  "fondées sur des approches durables, et intégrer l'agriculture urbaine et périurbaine dans les "
                  'plans de résilience des villes.',
      'short_title_en': 'Promote and strengthen sustainable urban and peri-urban food production and processing and '
                        'integrate it into city resilience plans',
      'short_title_fr': 'Promouvoir et renforcer la production et la transformation alimentaires urbaines et '
                        'périurbaines durables et les intégrer aux plans de résilience des villes'},
 21: {'title_en': 'Seek coherence between the city and nearby rural food production, processing and distribution, '
                  'focusing on smallholders and family farmers, women and youth',
      'title_fr': 'Rechercher la cohérence entre la ville et la production, la transformation et la distribution '
                  "alimentaires rurales voisines, en mettant l'accent sur les petits exploitants et les agriculteurs "
                  'familiaux, les femmes et les jeunes',
      'short_title_en': '',
      'short_title_fr': ''},
 22: {'title_en': 'Apply an ecosystem approach to holistic, integrated land-use planning and management with urban '
                  'and rural authorities and other resource managers',
      'title_fr': "Appliquer une approche écosystémique à une planification et une gestion intégrées de l'usage des "
                  'sols, avec les autorités urbaines et rurales et les autres gestionnaires des ressources',
      'short_title_en': '',
      'short_title_fr': ''},
 23: {'title_en': 'Protect and enable secure access and tenure to land for sustainable food production in urban and '
                  'peri-urban areas, including community gardeners and smallholders',
      'title_fr': "Protéger et garantir l'accès sécurisé au foncier pour une production alimentaire durable en zones "
                  'urbaines et périurbaines, y compris pour les jardiniers communautaires et les petits exploitants',
      'short_title_en': '',
      'short_title_fr': ''},
 24: {'title_en': 'Help provide services to food producers in and around cities: technical training and financial '
                  'assistance (credit, technology, food safety, market access)',
      'title_fr': 'Contribuer à offrir des services aux producteurs alimentaires dans et autour des villes : '
                  'formation technique et aide financière (crédit, technologie, sécurité sanitaire des aliments, '
                  'accès aux marchés)',
      'short_title_en': '',
      'short_title_fr': ''},
 25: {'title_en': 'Support short food chains, producer organisations, producer-to-consumer networks and other market '
                  'systems linking urban and rural areas',
      'title_fr': 'Soutenir les circuits courts, les organisations de producteurs, les réseaux de producteurs à '
                  'consommateurs et les autres systèmes de marché reliant zones urbaines et rurales',
      'short_title_en': '',
      'short_title_fr': ''},
 26: {'title_en': 'Improve (waste) water management and reuse in agriculture and food production, with participatory '
                  'approaches',
      'title_fr': "Améliorer la gestion et la réutilisation de l'eau (et des eaux usées) dans l'agriculture et la "
                  'production alimentaire, par des approches participatives',
      'short_title_en': '',
      'short_title_fr': ''},
 27: {'title_en': 'Assess the flows of food to and through cities to ensure physical access to fresh, affordable '
                  'foods in low-income or underserved neighbourhoods while addressing sustainable transportation and '
                  'logistics planning to reduce carbon emissions with alternative fuels or means of transport.',
      'title_fr': "Évaluer les flux alimentaires vers et à travers les villes afin de garantir l'accès physique à "
                  'des aliments frais et abordables dans les quartiers à faibles revenus ou mal desservis, tout en '
                  'planifiant des transports et une logistique durables qui réduisent les émissions de carbone grâce '
                  'à des carburants ou des moyens de transport alternatifs.',
      'short_title_en': 'Assess food flows to and through cities to ensure physical access to fresh, affordable food '
                        'in low-income/underserved neighbourhoods, with low-carbon transport and logistics planning',
      'short_title_fr': "Évaluer les flux alimentaires vers et à travers les villes pour garantir l'accès physique à "
                        'des aliments frais et abordables dans les quartiers à faibles revenus ou mal desservis, '
                        'avec une planification des transports et de la logistique bas carbone'},
 28: {'title_en': 'Support improved food storage, processing, transport and distribution technologies and '
                  'infrastructure linking peri-urban and near-rural areas (seasonal consumption, less loss and '
                  'waste, small and medium food businesses)',
      'title_fr': "Soutenir l'amélioration des technologies et infrastructures de stockage, de transformation, de "
                  'transport et de distribution des aliments reliant les zones périurbaines et rurales proches '
                  '(consommation de saison, moins de pertes et de gaspillage, petites et moyennes entreprises '
                  'alimentaires)',
      'short_title_en': '',
      'short_title_fr': ''},
 29: {'title_en': 'Assess, review or strengthen food control systems through local food-safety rules that keep the '
                  'chain responsible and remove barriers for family farmers and smallholders',
      'title_fr': 'Évaluer, réviser ou renforcer les systèmes de contrôle des aliments par des règles locales de '
                  'sécurité sanitaire qui responsabilisent la chaîne et lèvent les obstacles pour les agriculteurs '
                  'familiaux et les petits exploitants',
      'short_title_en': '',
      'short_title_fr': ''},
 30: {'title_en': 'Review public procurement and trade policy to source from short chains, securing healthy food and '
                  'fair conditions for vulnerable producers and consumers',
      'title_fr': "Revoir la commande publique et la politique commerciale pour s'approvisionner en circuits courts, "
                  'en garantissant une alimentation saine et des conditions équitables aux producteurs et '
                  'consommateurs vulnérables',
      'short_title_en': '',
      'short_title_fr': ''},
 31: {'title_en': "Provide policy and programme support for municipal public markets: farmers' markets, informal, "
                  'retail and wholesale markets, restaurants and other distributors',
      'title_fr': 'Apporter un soutien politique et programmatique aux marchés publics municipaux : marchés de '
                  'producteurs, marchés informels, de détail et de gros, restaurants et autres distributeurs',
      'short_title_en': '',
      'short_title_fr': ''},
 32: {'title_en': 'Improve and expand market-system infrastructure linking urban buyers with urban, peri-urban and '
                  'rural sellers, building social cohesion and trust',
      'title_fr': 'Améliorer et étendre les infrastructures des systèmes de marché reliant les acheteurs urbains aux '
                  'vendeurs urbains, périurbains et ruraux, en renforçant la cohésion sociale et la confiance',
      'short_title_en': '',
      'short_title_fr': ''},
 33: {'title_en': 'Acknowledge the informal sector’s contribution to urban food systems (in terms of food supply, '
                  'job creation, promotion of local diets and environment management) and provide appropriate '
                  'support and training in areas such as food safety, sustainable diets, waste prevention and '
                  'management.',
      'title_fr': 'Reconnaître la contribution du secteur informel aux systèmes alimentaires urbains '
                  "(approvisionnement alimentaire, création d'emplois, promotion des alimentations locales et "
                  "gestion de l'environnement) et lui apporter un soutien et une formation adaptés dans des domaines "
                  "tels que la sécurité sanitaire des aliments, l'alimentation durable, la prévention et la gestion "
                  'des déchets.',
      'short_title_en': "Acknowledge the informal sector's contribution to urban food systems and provide support "
                        'and training (food safety, sustainable diets, waste prevention and management)',
      'short_title_fr': 'Reconnaître la contribution du secteur informel aux systèmes alimentaires urbains et lui '
                        'apporter soutien et formation (sécurité sanitaire des aliments, alimentation durable, '
                        'prévention et gestion des déchets)'},
 34: {'title_en': 'Convene food system actors to assess and monitor food loss and waste reduction at all stages of '
                  'the city region food supply chain, (including production, processing, packaging, safe food '
                  'preparation, presentation and handling, re-use and recycling) and ensure holistic planning and '
                  'design, transparency, accountability and policy integration.',
      'title_fr': 'Réunir les principaux acteurs des systèmes alimentaires afin d’évaluer et surveiller la réduction '
                  'des pertes et du gaspillage alimentaires pendant toutes les phases de la chaîne '
                  'd’approvisionnement alimentaire de la région métropolitaine visée et assurer une planification et '
                  'une conception holistiques, la transparence, la responsabilité et l’intégration politique.',
      'short_title_en': 'Convene food system actors to assess and monitor food loss and waste reduction at all '
                        'stages of the city-region food supply chain',
      'short_title_fr': 'Réunir les acteurs du système alimentaire pour évaluer et suivre la réduction des pertes et '
                        "du gaspillage alimentaires à toutes les étapes de la chaîne d'approvisionnement de la "
                        'ville-région'},
 35: {'title_en': 'Raise awareness of food loss and waste through targeted events and campaigns; identify focal '
                  'points such as educational institutions, community markets, company shops and other solidarity or '
                  'circular economy initiatives.',
      'title_fr': 'Sensibiliser le public sur les pertes et le gaspillage alimentaires par le biais d’évènements et '
                  'de campagnes ciblées; identifier des points de référence tels que les établissements scolaires, '
                  'les marchés communautaires, les magasins d’entreprise et d’autres initiatives de solidarité ou '
                  'd’économie circulaire.',
      'short_title_en': 'Raise awareness of food loss and waste through targeted events and campaigns',
      'short_title_fr': 'Sensibiliser aux pertes et au gaspillage alimentaires par des événements et des campagnes '
                        'ciblés'},
 36: {'title_en': 'Collaborate with the private sector along with research, educational and community-based '
                  'organisations to develop and review, as appropriate, municipal policies and regulations (e.g. '
                  'processes, cosmetic and grading standards, expiration dates, etc.) to prevent waste or safely '
                  'recover food and packaging using a “food use-not-waste” hierarchy.',
      'title_fr': "Collaborer avec le secteur privé ainsi qu'avec les organismes de recherche, d'enseignement et "
                  'associatifs pour élaborer et réviser, le cas échéant, les politiques et réglementations '
                  'municipales (par exemple procédés, normes esthétiques et de calibrage, dates de péremption, etc.) '
                  'afin de prévenir le gaspillage ou de récupérer en toute sécurité les aliments et les emballages '
                  'selon une hiérarchie « utiliser les aliments, ne pas les gaspiller ».',
      'short_title_en': 'Collaborate with private sector, research, educational and community organisations to '
                        'develop/review municipal policies and regulations to prevent waste or safely recover food '
                        "and packaging ('food use-not-waste' hierarchy)",
      'short_title_fr': "Avec le secteur privé et les organismes de recherche, d'enseignement et associatifs, élaborer ou réviser les politiques et règles municipales pour prévenir le gaspillage ou récupérer sans risque aliments et emballages (« utiliser, ne pas gaspiller »)"},
 37: {'title_en': 'Save food by facilitating recovery and redistribution for human consumption of safe and '
                  'nutritious foods, if applicable, that are at risk of being lost, discarded or wasted from '
                  'production, manufacturing, retail, catering, wholesale and hospitality.',
      'title_fr': 'Sauver les aliments en facilitant la récupération et la redistribution, pour la consommation '
                  "humaine, d'aliments sûrs et nutritifs, le cas échéant, qui risquent d'être perdus, jetés ou "
                  'gaspillés lors de la production, de la fabrication, de la distribution, de la restauration, du '
                  "commerce de gros et de l'hôtellerie.",
      'short_title_en': 'Save food by facilitating recovery and redistribution for human consumption of safe and '
                        'nutritious food at risk of being lost or wasted',
      'short_title_fr': 'Sauver les aliments en facilitant la récupération et la redistribution, pour la '
                        "consommation humaine, d'aliments sûrs et nutritifs qui risquent d'être perdus ou gaspillés"}}

INDICATORS = {1: {'name_en': 'Presence of an active municipal interdepartmental government body for advisory and decision making '
                'of food policies and programmes',
     'name_fr': "Présence d'un organe municipal interdépartemental actif de conseil et de décision sur les "
                'politiques et programmes alimentaires'},
 6: {'name_en': 'Existence of a food supply emergency/food resilience management plan for the municipality (in '
                'response to disasters; vulnerabilities in food production, transport, access; socio economic '
                'shocks, etc.) based on vulnerability assessment',
     'name_fr': "Existence d'un plan municipal de gestion des urgences d'approvisionnement alimentaire / de "
                'résilience alimentaire (en réponse aux catastrophes, aux vulnérabilités de la production, du '
                "transport et de l'accès alimentaires, aux chocs socio-économiques, etc.)"},
 7: {'name_en': 'Minimum dietary diversity for women of reproductive age',
     'name_fr': 'Diversité alimentaire minimale des femmes en âge de procréer'},
 8: {'name_en': 'Number of households living in “food deserts”',
     'name_fr': 'Nombre de ménages vivant dans des « déserts alimentaires »'},
 9: {'name_en': 'Costs of a nutritious food basket at city/community level',
     'name_fr': "Coût d'un panier alimentaire nutritif au niveau de la ville ou de la communauté"},
 10: {'name_en': 'Individual average daily consumption of meat',
      'name_fr': 'Consommation journalière moyenne de viande par personne'},
 11: {'name_en': 'Number of adults with type 2 diabetes',
      'name_fr': "Nombre d'adultes atteints de diabète de type 2"},
 12: {'name_en': 'Prevalence of stunting for children under 5 years',
      'name_fr': 'Prévalence du retard de croissance chez les enfants de moins de 5 ans'},
 13: {'name_en': 'Prevalence of overweight or obesity among adults, youth and children',
      'name_fr': "Prévalence du surpoids ou de l'obésité chez les adultes, les jeunes et les enfants"},
 14: {'name_en': 'Number of city-led or supported activities to promote sustainable diets',
      'name_fr': "Nombre d'activités menées ou soutenues par la ville pour promouvoir une alimentation durable"}}



def _fill(obj, texts: dict, pairs: tuple[tuple[str, str], ...]) -> list[str]:
    """Set each empty French field whose English field still holds the shipped text; return the fields set."""
    fields = []
    for english, french in pairs:
        if texts[french] and not getattr(obj, french) and getattr(obj, english) == texts[english]:
            setattr(obj, french, texts[french])
            fields.append(french)
    return fields


def forward(apps, schema_editor):
    RecommendedAction = apps.get_model("assessments", "RecommendedAction")
    for action in RecommendedAction.objects.filter(framework__slug=MUFPP_SLUG, number__in=ACTIONS):
        fields = _fill(action, ACTIONS[action.number], (("title_en", "title_fr"), ("short_title_en", "short_title_fr")))
        if fields:
            action.save(update_fields=fields)
    Indicator = apps.get_model("assessments", "Indicator")
    for indicator in Indicator.objects.filter(framework__slug=MUFPP_SLUG, number__in=INDICATORS):
        if _fill(indicator, INDICATORS[indicator.number], (("name_en", "name_fr"),)):
            indicator.save(update_fields=["name_fr"])


class Migration(migrations.Migration):
    dependencies = [("assessments", "0007_indicatorvalue_indicator_value_no_data_has_no_provenance")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
