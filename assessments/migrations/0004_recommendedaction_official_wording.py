"""The recommended actions' official wording (19 in English, 2 in French), for databases loaded before it was known.

The framework's source text loses a note that was meant for the team, not for readers of reports.

The reference loader only creates what is missing, so existing databases get the new wording here. Each field is
changed only where it still holds what the earlier reference data shipped: a text the team edited is kept. The
earlier paraphrase becomes the short title shown in tables.
"""

from django.db import migrations

MUFPP_SLUG = "mufpp-2019"

# number -> the shipped values before this change, and the values after it (from letsfood/reference/mufpp.json).
CHANGES = {1: {'after': {'note': '',
               'short_title_en': 'Facilitate collaboration across city agencies and departments and align '
                                 'food-related policies and programmes across sectors and administrative levels '
                                 '(rights-based approach)',
               'source': 'https://www.milanurbanfoodpolicypact.org/test/ ; '
                         'https://www.milanurbanfoodpolicypact.org/framework-for-action/food-governance/ ; '
                         'https://www.milanurbanfoodpolicypact.org/the-milan-pact/',
               'title_en': 'Facilitate collaboration across city agencies and departments and seek alignment of '
                           'policies and programmes that impact the food system across multiple sectors and '
                           'administrative levels, adopting and mainstreaming a rights-based approach; options can '
                           'include dedication of permanent city staff, review of tasks and procedures and '
                           'reallocation of resources.',
               'title_fr': '',
               'verified': True},
     'before': {'note': '',
                'source': 'https://www.milanurbanfoodpolicypact.org/test/ ; '
                          'https://www.milanurbanfoodpolicypact.org/framework-for-action/food-governance/',
                'title_en': 'Facilitate collaboration across city agencies and departments and align food-related '
                            'policies and programmes across sectors and administrative levels (rights-based '
                            'approach)',
                'verified': True}},
 2: {'after': {'note': '',
               'short_title_en': 'Enhance stakeholder participation at city level (political dialogue, food policy '
                                 'advisor and/or multi-stakeholder platform or food council, education and '
                                 'awareness raising)',
               'source': 'https://www.milanurbanfoodpolicypact.org/test/ ; '
                         'https://www.milanurbanfoodpolicypact.org/framework-for-action/food-governance/',
               'title_en': 'Enhance stakeholder participation at the city level through political dialogue, and if '
                           'appropriate, appointment of a food policy advisor and/or development of a '
                           'multi-stakeholder platform or food council, as well as through education and awareness '
                           'raising.',
               'title_fr': '',
               'verified': True},
     'before': {'note': '',
                'source': 'https://www.milanurbanfoodpolicypact.org/test/ ; '
                          'https://www.milanurbanfoodpolicypact.org/framework-for-action/food-governance/',
                'title_en': 'Enhance stakeholder participation at city level (political dialogue, food policy '
                            'advisor and/or multi-stakeholder platform or food council, education and awareness '
                            'raising)',
                'verified': True}},
 3: {'after': {'note': '',
               'short_title_en': 'Identify, map and evaluate local initiatives and civil society food movements to '
                                 'turn best practices into programmes and policies',
               'source': 'https://www.milanurbanfoodpolicypact.org/test/ ; '
                         'https://www.milanurbanfoodpolicypact.org/framework-for-action/food-governance/',
               'title_en': 'Identify, map and evaluate local initiatives and civil society food movements in order '
                           'to transform best practices into relevant programmes and policies, with the support of '
                           'local research or academic institutions.',
               'title_fr': '',
               'verified': True},
     'before': {'note': '',
                'source': 'https://www.milanurbanfoodpolicypact.org/test/',
                'title_en': 'Identify, map and evaluate local initiatives and civil society food movements to turn '
                            'best practices into programmes and policies',
                'verified': True}},
 4: {'after': {'note': '',
               'short_title_en': 'Develop or revise urban food policies and plans, allocate resources, harmonise '
                                 'and strengthen municipal regulations, build strategic capacities',
               'source': 'https://www.milanurbanfoodpolicypact.org/test/ ; '
                         'https://www.milanurbanfoodpolicypact.org/framework-for-action/food-governance/',
               'title_en': 'Develop or revise urban food policies and plans and ensure allocation of appropriate '
                           'resources within city administration regarding food-related policies and programmes; '
                           'review, harmonize and strengthen municipal regulations; build up strategic capacities '
                           'for a more sustainable, healthy and equitable food system balancing urban and rural '
                           'interests.',
               'title_fr': '',
               'verified': True},
     'before': {'note': '',
                'source': 'https://www.milanurbanfoodpolicypact.org/test/',
                'title_en': 'Develop or revise urban food policies and plans, allocate resources, harmonise and '
                            'strengthen municipal regulations, build strategic capacities',
                'verified': True}},
 5: {'after': {'note': '',
               'short_title_en': 'Develop or improve multisectoral information systems (urban food system data, '
                                 'incl. civil-society data) for policy development and accountability',
               'source': 'https://www.milanurbanfoodpolicypact.org/test/ ; '
                         'https://www.milanurbanfoodpolicypact.org/framework-for-action/food-governance/',
               'title_en': 'Develop or improve multisectoral information systems for policy development and '
                           'accountability by enhancing the availability, quality, quantity, coverage and '
                           'management and exchange of data related to urban food systems, including both formal '
                           'data collection and data generated by civil society and other partners.',
               'title_fr': '',
               'verified': True},
     'before': {'note': '',
                'source': 'https://www.milanurbanfoodpolicypact.org/test/',
                'title_en': 'Develop or improve multisectoral information systems (urban food system data, incl. '
                            'civil-society data) for policy development and accountability',
                'verified': True}},
 6: {'after': {'note': '',
               'short_title_en': 'Develop a disaster risk reduction strategy to enhance the resilience of urban '
                                 'food systems',
               'source': 'https://www.milanurbanfoodpolicypact.org/test/ ; '
                         'https://vdocuments.net/milan-urban-food-policy-pact-monitoring-framework-.html',
               'title_en': 'Develop a disaster risk reduction strategy to enhance the resilience of urban food '
                           'systems, including those cities most affected by climate change, protracted crises and '
                           'chronic food insecurity in urban and rural areas.',
               'title_fr': '',
               'verified': True},
     'before': {'note': '',
                'source': 'https://www.milanurbanfoodpolicypact.org/test/ ; '
                          'https://vdocuments.net/milan-urban-food-policy-pact-monitoring-framework-.html',
                'title_en': 'Develop a disaster risk reduction strategy to enhance the resilience of urban food '
                            'systems',
                'verified': True}},
 7: {'after': {'note': '',
               'short_title_en': 'Promote sustainable diets through education, health promotion and communication '
                                 'programmes (schools, care centres, markets, media)',
               'source': 'https://www.milanurbanfoodpolicypact.org/framework-for-action/sustainable-diets-and-nutrition/ '
                         '; https://www.milanurbanfoodpolicypact.org/_action/page/2/',
               'title_en': 'Promote sustainable diets (healthy, safe, culturally appropriate, environmentally '
                           'friendly and rights-based) through relevant education, health promotion and '
                           'communication programmes, with special attention to schools, care centres, markets and '
                           'the media.',
               'title_fr': '',
               'verified': True},
     'before': {'note': '',
                'source': 'https://www.milanurbanfoodpolicypact.org/framework-for-action/sustainable-diets-and-nutrition/',
                'title_en': 'Promote sustainable diets through education, health promotion and communication '
                            'programmes (schools, care centres, markets, media)',
                'verified': True}},
 8: {'after': {'note': '',
               'short_title_en': 'Address non-communicable diseases linked to poor diets and obesity (less sugar, '
                                 'salt, trans fats, meat and dairy; more fruit, vegetables and non-processed '
                                 'foods)',
               'source': 'https://www.milanurbanfoodpolicypact.org/framework-for-action/sustainable-diets-and-nutrition/',
               'title_en': 'Address non-communicable diseases associated with poor diets and obesity, giving '
                           'specific attention where appropriate to reducing intake of sugar, salt, transfats, '
                           'meat and dairy products and increasing consumption of fruits and vegetables and '
                           'non-processed foods.',
               'title_fr': '',
               'verified': True},
     'before': {'note': '',
                'source': 'https://www.milanurbanfoodpolicypact.org/framework-for-action/sustainable-diets-and-nutrition/',
                'title_en': 'Address non-communicable diseases linked to poor diets and obesity (less sugar, salt, '
                            'trans fats, meat and dairy; more fruit, vegetables and non-processed foods)',
                'verified': True}},
 9: {'after': {'note': '',
               'short_title_en': 'Develop sustainable dietary guidelines (consumers, city planners/public '
                                 'procurement, food services, retail, producers) and related communication and '
                                 'training',
               'source': 'https://www.milanurbanfoodpolicypact.org/framework-for-action/sustainable-diets-and-nutrition/',
               'title_en': 'Develop sustainable dietary guidelines to inform consumers, city planners (in '
                           'particular for public food procurement), food service providers, retailers, producers '
                           'and processors, and promote communication and training campaigns.',
               'title_fr': '',
               'verified': True},
     'before': {'note': '',
                'source': 'https://www.milanurbanfoodpolicypact.org/framework-for-action/sustainable-diets-and-nutrition/',
                'title_en': 'Develop sustainable dietary guidelines (consumers, city planners/public procurement, '
                            'food services, retail, producers) and related communication and training',
                'verified': True}},
 14: {'after': {'note': '',
                'short_title_en': 'Use cash and food transfers and other social protection systems (food banks, '
                                  'community food kitchens, emergency pantries) to give vulnerable populations '
                                  'dignified, culturally appropriate access to healthy food',
                'source': 'https://www.milanurbanfoodpolicypact.org/_action/action-1-social-and-economic-equity/ ; '
                          'https://www.milanurbanfoodpolicypact.org/_action/page/2/ (the list page truncates it '
                          "with '[…]')",
                'title_en': 'Use cash and food transfers, and other forms of social protection systems (food '
                            'banks, community food kitchens, emergency food pantries etc.) to provide vulnerable '
                            'populations with access to healthy food, while taking into consideration the specific '
                            'beliefs, culture, traditions, dietary habits and preferences of diverse communities, '
                            'as a matter of human dignity and to avoid further marginalization.',
                'title_fr': '',
                'verified': True},
      'before': {'note': '',
                 'source': 'https://www.milanurbanfoodpolicypact.org/_action/action-1-social-and-economic-equity/ '
                           '; https://www.milanurbanfoodpolicypact.org/_action/page/2/',
                 'title_en': 'Use cash and food transfers and other social protection systems (food banks, '
                             'community food kitchens, emergency pantries) to give vulnerable populations '
                             'dignified, culturally appropriate access to healthy food',
                 'verified': True}},
 17: {'after': {'note': '',
                'short_title_en': 'Encourage and support social and solidarity economy activities in the food '
                                  'chain',
                'source': 'https://www.milanurbanfoodpolicypact.org/_action/page/2/',
                'title_en': 'Encourage and support social and solidarity economy activities, that support '
                            'sustainable livelihoods in the food chain and facilitate access to safe and healthy '
                            'foods.',
                'title_fr': '',
                'verified': True},
      'before': {'note': '',
                 'source': 'https://www.milanurbanfoodpolicypact.org/_action/page/2/',
                 'title_en': 'Encourage and support social and solidarity economy activities in the food chain',
                 'verified': True}},
 19: {'after': {'note': '',
                'short_title_en': 'Promote participatory education, training and research to strengthen local '
                                  'action on social and economic equity',
                'source': 'https://www.milanurbanfoodpolicypact.org/_action/page/2/',
                'title_en': 'Promote participatory education, training and research as key elements in '
                            'strengthening local action to increase social and economic equity, promote '
                            'rights-based approaches, alleviate poverty and facilitate access to adequate and '
                            'nutritious foods.',
                'title_fr': '',
                'verified': True},
      'before': {'note': '',
                 'source': 'https://www.milanurbanfoodpolicypact.org/_action/page/2/',
                 'title_en': 'Promote participatory education, training and research to strengthen local action on '
                             'social and economic equity',
                 'verified': True}},
 20: {'after': {'note': '',
                'short_title_en': 'Promote and strengthen sustainable urban and peri-urban food production and '
                                  'processing and integrate it into city resilience plans',
                'source': 'https://www.milanurbanfoodpolicypact.org/_action/page/2/',
                'title_en': 'Promote and strengthen urban and peri-urban food production and processing based on '
                            'sustainable approaches and integrate urban and peri-urban agriculture into city '
                            'resilience plans.',
                'title_fr': '',
                'verified': True},
      'before': {'note': '',
                 'source': 'https://www.milanurbanfoodpolicypact.org/_action/page/2/',
                 'title_en': 'Promote and strengthen sustainable urban and peri-urban food production and '
                             'processing and integrate it into city resilience plans',
                 'verified': True}},
 27: {'after': {'note': '',
                'short_title_en': 'Assess food flows to and through cities to ensure physical access to fresh, '
                                  'affordable food in low-income/underserved neighbourhoods, with low-carbon '
                                  'transport and logistics planning',
                'source': 'https://www.milanurbanfoodpolicypact.org/_action/',
                'title_en': 'Assess the flows of food to and through cities to ensure physical access to fresh, '
                            'affordable foods in low-income or underserved neighbourhoods while addressing '
                            'sustainable transportation and logistics planning to reduce carbon emissions with '
                            'alternative fuels or means of transport.',
                'title_fr': '',
                'verified': True},
      'before': {'note': '',
                 'source': 'https://www.milanurbanfoodpolicypact.org/_action/',
                 'title_en': 'Assess food flows to and through cities to ensure physical access to fresh, '
                             'affordable food in low-income/underserved neighbourhoods, with low-carbon transport '
                             'and logistics planning',
                 'verified': True}},
 28: {'after': {'note': ' The stored source cuts this action short; its end is unverified.',
                'short_title_en': '',
                'source': 'https://www.milanurbanfoodpolicypact.org/_action/',
                'title_en': 'Support improved food storage, processing, transport and distribution technologies '
                            'and infrastructure linking peri-urban and near-rural areas (seasonal consumption, '
                            'less loss and waste, small and medium food businesses)',
                'title_fr': '',
                'verified': False},
      'before': {'note': '',
                 'source': 'https://www.milanurbanfoodpolicypact.org/_action/',
                 'title_en': 'Support improved food storage, processing, transport and distribution technologies '
                             'and infrastructure linking peri-urban and near-rural areas (seasonal consumption, '
                             'less loss and waste, small and medium food businesses)',
                 'verified': True}},
 33: {'after': {'note': '',
                'short_title_en': "Acknowledge the informal sector's contribution to urban food systems and "
                                  'provide support and training (food safety, sustainable diets, waste prevention '
                                  'and management)',
                'source': 'https://www.milanurbanfoodpolicypact.org/_action/page/2/',
                'title_en': 'Acknowledge the informal sector’s contribution to urban food systems (in terms of '
                            'food supply, job creation, promotion of local diets and environment management) and '
                            'provide appropriate support and training in areas such as food safety, sustainable '
                            'diets, waste prevention and management.',
                'title_fr': '',
                'verified': True},
      'before': {'note': '',
                 'source': 'https://www.milanurbanfoodpolicypact.org/_action/page/2/',
                 'title_en': "Acknowledge the informal sector's contribution to urban food systems and provide "
                             'support and training (food safety, sustainable diets, waste prevention and '
                             'management)',
                 'verified': True}},
 34: {'after': {'note': '',
                'short_title_en': 'Convene food system actors to assess and monitor food loss and waste reduction '
                                  'at all stages of the city-region food supply chain',
                'source': 'https://www.milanurbanfoodpolicypact.org/_action/ ; '
                          'https://www.fao.org/save-food/news-and-multimedia/news/news-details/en/c/340046/ (FAO '
                          'page omits the parenthesis) ; French wording: '
                          'https://fao.org/save-food/news-and-multimedia/news/news-details/fr/c/357581',
                'title_en': 'Convene food system actors to assess and monitor food loss and waste reduction at all '
                            'stages of the city region food supply chain, (including production, processing, '
                            'packaging, safe food preparation, presentation and handling, re-use and recycling) '
                            'and ensure holistic planning and design, transparency, accountability and policy '
                            'integration.',
                'title_fr': 'Réunir les principaux acteurs des systèmes alimentaires afin d’évaluer et surveiller '
                            'la réduction des pertes et du gaspillage alimentaires pendant toutes les phases de la '
                            'chaîne d’approvisionnement alimentaire de la région métropolitaine visée et assurer '
                            'une planification et une conception holistiques, la transparence, la responsabilité '
                            'et l’intégration politique.',
                'verified': True},
      'before': {'note': '',
                 'source': 'https://www.milanurbanfoodpolicypact.org/_action/ ; '
                           'https://www.fao.org/save-food/news-and-multimedia/news/news-details/en/c/340046/',
                 'title_en': 'Convene food system actors to assess and monitor food loss and waste reduction at '
                             'all stages of the city-region food supply chain',
                 'verified': True}},
 35: {'after': {'note': '',
                'short_title_en': 'Raise awareness of food loss and waste through targeted events and campaigns',
                'source': 'https://www.milanurbanfoodpolicypact.org/_action/ ; '
                          'https://www.fao.org/save-food/news-and-multimedia/news/news-details/en/c/340046/ ; '
                          'French wording: '
                          'https://fao.org/save-food/news-and-multimedia/news/news-details/fr/c/357581',
                'title_en': 'Raise awareness of food loss and waste through targeted events and campaigns; '
                            'identify focal points such as educational institutions, community markets, company '
                            'shops and other solidarity or circular economy initiatives.',
                'title_fr': 'Sensibiliser le public sur les pertes et le gaspillage alimentaires par le biais '
                            'd’évènements et de campagnes ciblées; identifier des points de référence tels que les '
                            'établissements scolaires, les marchés communautaires, les magasins d’entreprise et '
                            'd’autres initiatives de solidarité ou d’économie circulaire.',
                'verified': True},
      'before': {'note': '',
                 'source': 'https://www.milanurbanfoodpolicypact.org/_action/ ; '
                           'https://www.fao.org/save-food/news-and-multimedia/news/news-details/en/c/340046/',
                 'title_en': 'Raise awareness of food loss and waste through targeted events and campaigns',
                 'verified': True}},
 36: {'after': {'note': '',
                'short_title_en': 'Collaborate with private sector, research, educational and community '
                                  'organisations to develop/review municipal policies and regulations to prevent '
                                  "waste or safely recover food and packaging ('food use-not-waste' hierarchy)",
                'source': 'https://www.milanurbanfoodpolicypact.org/_action/ ; '
                          'https://www.fao.org/save-food/news-and-multimedia/news/news-details/en/c/340046/ (FAO '
                          "page omits the '(e.g. …)' parenthesis)",
                'title_en': 'Collaborate with the private sector along with research, educational and '
                            'community-based organisations to develop and review, as appropriate, municipal '
                            'policies and regulations (e.g. processes, cosmetic and grading standards, expiration '
                            'dates, etc.) to prevent waste or safely recover food and packaging using a “food '
                            'use-not-waste” hierarchy.',
                'title_fr': '',
                'verified': True},
      'before': {'note': '',
                 'source': 'https://www.milanurbanfoodpolicypact.org/_action/ ; '
                           'https://www.fao.org/save-food/news-and-multimedia/news/news-details/en/c/340046/',
                 'title_en': 'Collaborate with private sector, research, educational and community organisations '
                             'to develop/review municipal policies and regulations to prevent waste or safely '
                             "recover food and packaging ('food use-not-waste' hierarchy)",
                 'verified': True}},
 37: {'after': {'note': '',
                'short_title_en': 'Save food by facilitating recovery and redistribution for human consumption of '
                                  'safe and nutritious food at risk of being lost or wasted',
                'source': 'https://www.fao.org/save-food/news-and-multimedia/news/news-details/en/c/340046/ ; '
                          "https://www.milanurbanfoodpolicypact.org/_action/ (truncated there after 'whole')",
                'title_en': 'Save food by facilitating recovery and redistribution for human consumption of safe '
                            'and nutritious foods, if applicable, that are at risk of being lost, discarded or '
                            'wasted from production, manufacturing, retail, catering, wholesale and hospitality.',
                'title_fr': '',
                'verified': True},
      'before': {'note': '',
                 'source': 'https://www.milanurbanfoodpolicypact.org/_action/ ; '
                           'https://www.fao.org/save-food/news-and-multimedia/news/news-details/en/c/340046/',
                 'title_en': 'Save food by facilitating recovery and redistribution for human consumption of safe '
                             'and nutritious food at risk of being lost or wasted',
                 'verified': True}}}


# The framework's source, as the earlier reference data wrote it (with a note meant for the team) and as it is now.
FRAMEWORK_SOURCE_BEFORE = "Milan Urban Food Policy Pact (signed 15 October 2015): 6 categories, 37 recommended actions (Framework for Action), and the FAO/RUAF/MUFPP Monitoring Framework (2019) of 44 indicators. Titles are short paraphrases, not the official wording. 'verified': true means checked against a stored public source named in 'source'. Only 10 of the 44 indicators could be read; the platform must let the team load and edit the rest (framework data is editable, versioned data, not code)."
FRAMEWORK_SOURCE_AFTER = "Milan Urban Food Policy Pact (signed 15 October 2015): 6 categories, 37 recommended actions (Framework for Action), and the FAO/RUAF/MUFPP Monitoring Framework (2019) of 44 indicators. Where 'verified' is true, title_en is the full official wording of the action (read on the Pact's site); elsewhere it is a short paraphrase. title_fr, where present, is FAO's French wording. 'verified': true means checked against a stored public source named in 'source'. Of the 44 indicators, the 10 read from public copies are included; the others are loaded by the programme team."


def forward(apps, schema_editor):
    Framework = apps.get_model("assessments", "Framework")
    Framework.objects.filter(slug=MUFPP_SLUG, source=FRAMEWORK_SOURCE_BEFORE).update(source=FRAMEWORK_SOURCE_AFTER)
    RecommendedAction = apps.get_model("assessments", "RecommendedAction")
    for action in RecommendedAction.objects.filter(framework__slug=MUFPP_SLUG, number__in=CHANGES):
        change = CHANGES[action.number]
        before, after = change["before"], change["after"]
        fields = []
        if action.title_en == before["title_en"] and after["title_en"] != before["title_en"]:
            if not action.short_title_en:
                action.short_title_en = after["short_title_en"]
                fields.append("short_title_en")
            action.title_en = after["title_en"]
            action.title = after["title_en"]
            fields += ["title_en", "title"]
        if after["title_fr"] and not action.title_fr:
            action.title_fr = after["title_fr"]
            fields.append("title_fr")
        for name in ("verified", "note", "source"):
            if getattr(action, name) == before[name] and before[name] != after[name]:
                setattr(action, name, after[name])
                fields.append(name)
        if fields:
            action.save(update_fields=fields)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0003_recommendedaction_short_title")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
