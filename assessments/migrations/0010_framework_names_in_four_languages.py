"""The framework's names in Spanish, Arabic, Vietnamese and Persian: the framework, its six categories, its indicators
and the Let's Food pillars (the project team's translations, letsfood/reference/mufpp.json).

The reference loader only creates what is missing, so databases loaded earlier get these names here. A column is
filled only where it is still empty: a text the team wrote or edited is kept. Going back empties nothing.
"""

from django.db import migrations

MUFPP_SLUG = "mufpp-2019"

FRAMEWORK = {'name_es': 'Marco de seguimiento del Pacto de Milán',
 'name_ar': 'إطار رصد ميثاق ميلانو',
 'name_vi': 'Khung giám sát Hiệp ước Milan',
 'name_fa': 'چارچوب پایش پیمان میلان'}

# category code -> names
CATEGORIES = {'governance': {'name_es': 'Gobernanza',
                'name_ar': 'الحوكمة',
                'name_vi': 'Quản trị',
                'name_fa': 'حکمرانی',
                'short_name_es': 'Gobernanza',
                'short_name_ar': 'الحوكمة',
                'short_name_vi': 'Quản trị',
                'short_name_fa': 'حکمرانی'},
 'sustainable_diets_nutrition': {'name_es': 'Dietas sostenibles y nutrición',
                                 'name_ar': 'النظم الغذائية المستدامة والتغذية',
                                 'name_vi': 'Chế độ ăn bền vững và dinh dưỡng',
                                 'name_fa': 'رژیم\u200cهای غذایی پایدار و تغذیه',
                                 'short_name_es': 'Dietas sostenibles y nutrición',
                                 'short_name_ar': 'النظم الغذائية المستدامة والتغذية',
                                 'short_name_vi': 'Chế độ ăn bền vững và dinh dưỡng',
                                 'short_name_fa': 'رژیم\u200cهای غذایی پایدار و تغذیه'},
 'social_economic_equity': {'name_es': 'Equidad social y económica',
                            'name_ar': 'العدالة الاجتماعية والاقتصادية',
                            'name_vi': 'Công bằng xã hội và kinh tế',
                            'name_fa': 'عدالت اجتماعی و اقتصادی',
                            'short_name_es': 'Equidad social y económica',
                            'short_name_ar': 'العدالة الاجتماعية والاقتصادية',
                            'short_name_vi': 'Công bằng xã hội và kinh tế',
                            'short_name_fa': 'عدالت اجتماعی و اقتصادی'},
 'food_production': {'name_es': 'Producción de alimentos',
                     'name_ar': 'إنتاج الغذاء',
                     'name_vi': 'Sản xuất lương thực',
                     'name_fa': 'تولید غذا',
                     'short_name_es': 'Producción de alimentos',
                     'short_name_ar': 'إنتاج الغذاء',
                     'short_name_vi': 'Sản xuất lương thực',
                     'short_name_fa': 'تولید غذا'},
 'food_supply_distribution': {'name_es': 'Abastecimiento y distribución de alimentos',
                              'name_ar': 'الإمداد الغذائي والتوزيع',
                              'name_vi': 'Cung ứng và phân phối lương thực',
                              'name_fa': 'تأمین و توزیع غذا',
                              'short_name_es': 'Abastecimiento y distribución de alimentos',
                              'short_name_ar': 'الإمداد الغذائي والتوزيع',
                              'short_name_vi': 'Cung ứng và phân phối lương thực',
                              'short_name_fa': 'تأمین و توزیع غذا'},
 'food_waste': {'name_es': 'Desperdicio de alimentos',
                'name_ar': 'هدر الغذاء',
                'name_vi': 'Lãng phí thực phẩm',
                'name_fa': 'ضایعات غذایی',
                'short_name_es': 'Desperdicio de alimentos',
                'short_name_ar': 'هدر الغذاء',
                'short_name_vi': 'Lãng phí thực phẩm',
                'short_name_fa': 'ضایعات غذایی'}}

# indicator code -> names
INDICATORS = {'mufpp-01': {'name_es': 'Presencia de un órgano municipal interdepartamental activo de asesoramiento y toma de '
                         'decisiones sobre las políticas y los programas alimentarios',
              'name_ar': 'وجود هيئة بلدية نشطة مشتركة بين الإدارات للاستشارة واتخاذ القرار بشأن السياسات والبرامج '
                         'الغذائية',
              'name_vi': 'Có một cơ quan liên ngành của thành phố đang hoạt động để tư vấn và ra quyết định về các '
                         'chính sách và chương trình lương thực',
              'name_fa': 'وجود نهادی فعال و بین\u200cبخشی در شهرداری برای مشورت و تصمیم\u200cگیری دربارهٔ '
                         'سیاست\u200cها و برنامه\u200cهای غذایی'},
 'mufpp-06': {'name_es': 'Existencia de un plan municipal de emergencia del abastecimiento alimentario o de '
                         'gestión de la resiliencia alimentaria (ante desastres, vulnerabilidades en la '
                         'producción, el transporte y el acceso a los alimentos, crisis socioeconómicas, etc.) '
                         'basado en una evaluación de la vulnerabilidad',
              'name_ar': 'وجود خطة بلدية لطوارئ الإمداد الغذائي أو لإدارة الصمود الغذائي (في مواجهة الكوارث ومواطن '
                         'الضعف في إنتاج الغذاء ونقله والوصول إليه والصدمات الاجتماعية والاقتصادية، إلخ) مبنية على '
                         'تقييم لمواطن الضعف',
              'name_vi': 'Có kế hoạch khẩn cấp về cung ứng lương thực hoặc quản lý khả năng chống chịu lương thực '
                         'của thành phố (trước thiên tai, các điểm dễ tổn thương trong sản xuất, vận chuyển và '
                         'tiếp cận lương thực, các cú sốc kinh tế - xã hội, v.v.) dựa trên đánh giá tính dễ tổn '
                         'thương',
              'name_fa': 'وجود برنامهٔ شهرداری برای شرایط اضطراری تأمین غذا یا مدیریت تاب\u200cآوری غذایی (در '
                         'برابر بلایا، آسیب\u200cپذیری\u200cهای تولید، حمل\u200cونقل و دسترسی به غذا، '
                         'تکانه\u200cهای اجتماعی و اقتصادی و غیره) بر پایهٔ ارزیابی آسیب\u200cپذیری'},
 'mufpp-07': {'name_es': 'Diversidad alimentaria mínima de las mujeres en edad reproductiva',
              'name_ar': 'الحد الأدنى للتنوع الغذائي لدى النساء في سن الإنجاب',
              'name_vi': 'Mức đa dạng tối thiểu trong khẩu phần ăn của phụ nữ trong độ tuổi sinh sản',
              'name_fa': 'حداقل تنوع غذایی زنان در سن باروری'},
 'mufpp-08': {'name_es': 'Número de hogares que viven en «desiertos alimentarios»',
              'name_ar': 'عدد الأسر التي تعيش في «صحارى غذائية»',
              'name_vi': 'Số hộ gia đình sống trong các “sa mạc thực phẩm”',
              'name_fa': 'شمار خانوارهایی که در «بیابان\u200cهای غذایی» زندگی می\u200cکنند'},
 'mufpp-09': {'name_es': 'Costo de una canasta de alimentos nutritivos a nivel de la ciudad o de la comunidad',
              'name_ar': 'تكلفة سلة غذائية مغذية على مستوى المدينة أو المجتمع المحلي',
              'name_vi': 'Chi phí một giỏ thực phẩm bổ dưỡng ở cấp thành phố hoặc cộng đồng',
              'name_fa': 'هزینهٔ یک سبد غذایی مغذی در سطح شهر یا اجتماع محلی'},
 'mufpp-10': {'name_es': 'Consumo medio diario de carne por persona',
              'name_ar': 'متوسط الاستهلاك اليومي للفرد من اللحوم',
              'name_vi': 'Lượng thịt tiêu thụ trung bình mỗi ngày của một người',
              'name_fa': 'میانگین مصرف روزانهٔ گوشت برای هر نفر'},
 'mufpp-11': {'name_es': 'Número de adultos con diabetes de tipo 2',
              'name_ar': 'عدد البالغين المصابين بداء السكري من النوع الثاني',
              'name_vi': 'Số người trưởng thành mắc bệnh đái tháo đường típ 2',
              'name_fa': 'شمار بزرگسالان مبتلا به دیابت نوع دو'},
 'mufpp-12': {'name_es': 'Prevalencia del retraso del crecimiento en niños y niñas menores de 5 años',
              'name_ar': 'معدل انتشار التقزم لدى الأطفال دون سن الخامسة',
              'name_vi': 'Tỷ lệ suy dinh dưỡng thấp còi ở trẻ em dưới 5 tuổi',
              'name_fa': 'شیوع کوتاه\u200cقدی در کودکان زیر پنج سال'},
 'mufpp-13': {'name_es': 'Prevalencia del sobrepeso o la obesidad en adultos, jóvenes y niños',
              'name_ar': 'معدل انتشار زيادة الوزن أو السمنة بين البالغين والشباب والأطفال',
              'name_vi': 'Tỷ lệ thừa cân hoặc béo phì ở người lớn, thanh thiếu niên và trẻ em',
              'name_fa': 'شیوع اضافه\u200cوزن یا چاقی در میان بزرگسالان، جوانان و کودکان'},
 'mufpp-14': {'name_es': 'Número de actividades dirigidas o apoyadas por la ciudad para promover dietas '
                         'sostenibles',
              'name_ar': 'عدد الأنشطة التي تقودها المدينة أو تدعمها لتعزيز النظم الغذائية المستدامة',
              'name_vi': 'Số hoạt động do thành phố chủ trì hoặc hỗ trợ nhằm thúc đẩy chế độ ăn bền vững',
              'name_fa': 'شمار فعالیت\u200cهایی که شهر برای ترویج رژیم\u200cهای غذایی پایدار انجام می\u200cدهد یا '
                         'از آن\u200cها حمایت می\u200cکند'}}

# pillar code -> names
PILLARS = {'produce-local-and-good-food': {'name_es': 'Producir alimentos locales y buenos',
                                 'name_ar': 'إنتاج غذاء محلي وجيد',
                                 'name_vi': 'Sản xuất thực phẩm địa phương và ngon lành',
                                 'name_fa': 'تولید غذای محلی و خوب'},
 'reduce-and-manage-food-waste': {'name_es': 'Reducir y gestionar el desperdicio de alimentos',
                                  'name_ar': 'الحد من هدر الغذاء وإدارته',
                                  'name_vi': 'Giảm và quản lý lãng phí thực phẩm',
                                  'name_fa': 'کاهش و مدیریت ضایعات غذایی'},
 'eat-well-and-smart': {'name_es': 'Comer bien y con inteligencia',
                        'name_ar': 'تناول الطعام الجيد بذكاء',
                        'name_vi': 'Ăn ngon và ăn thông minh',
                        'name_fa': 'خوب و هوشمندانه خوردن'},
 'ensure-inclusive-governance': {'name_es': 'Garantizar una gobernanza inclusiva',
                                 'name_ar': 'ضمان حوكمة شاملة',
                                 'name_vi': 'Bảo đảm quản trị bao trùm',
                                 'name_fa': 'تضمین حکمرانی فراگیر'},
 'add-value-locally': {'name_es': 'Crear valor a nivel local',
                       'name_ar': 'خلق القيمة محليًا',
                       'name_vi': 'Tạo giá trị tại địa phương',
                       'name_fa': 'ایجاد ارزش در سطح محلی'},
 'mutualize-transport': {'name_es': 'Compartir el transporte',
                         'name_ar': 'تشارك وسائل النقل',
                         'name_vi': 'Dùng chung phương tiện vận chuyển',
                         'name_fa': 'اشتراک حمل\u200cونقل'},
 'trade-at-fair-prices': {'name_es': 'Comerciar a precios justos',
                          'name_ar': 'التجارة بأسعار عادلة',
                          'name_vi': 'Buôn bán với giá công bằng',
                          'name_fa': 'تجارت با قیمت\u200cهای منصفانه'}}


def _fill(instance, texts: dict) -> None:
    empty = {field: text for field, text in texts.items() if not getattr(instance, field)}
    if empty:
        for field, text in empty.items():
            setattr(instance, field, text)
        instance.save(update_fields=list(empty))


def forwards(apps, schema_editor):
    Framework = apps.get_model("assessments", "Framework")
    Category = apps.get_model("assessments", "Category")
    Indicator = apps.get_model("assessments", "Indicator")
    Pillar = apps.get_model("assessments", "Pillar")
    framework = Framework.objects.filter(slug=MUFPP_SLUG).first()
    if framework is not None:
        _fill(framework, FRAMEWORK)
        for category in Category.objects.filter(framework=framework, code__in=CATEGORIES):
            _fill(category, CATEGORIES[category.code])
        for indicator in Indicator.objects.filter(framework=framework, code__in=INDICATORS):
            _fill(indicator, INDICATORS[indicator.code])
    for pillar in Pillar.objects.filter(code__in=PILLARS):
        _fill(pillar, PILLARS[pillar.code])


class Migration(migrations.Migration):
    dependencies = [("assessments", "0009_merge_french_texts_and_language_columns")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
