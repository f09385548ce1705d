"""The framework's texts in Spanish, Arabic, Vietnamese and Persian: the framework's name and description, its six
categories, the short titles of its 37 actions, its indicators and the Let's Food pillars (the project team's
translations, letsfood/reference/mufpp.json).

The reference loader only creates what is missing, so databases loaded earlier get these names here. A column is
filled only where it is still empty: a text the team wrote or edited is kept. Going back empties nothing.
"""

from django.db import migrations

MUFPP_SLUG = "mufpp-2019"

FRAMEWORK = {'name_es': 'Marco de seguimiento del Pacto de Milán',
 'name_ar': 'إطار رصد ميثاق ميلانو',
 'name_vi': 'Khung giám sát Hiệp ước Milan',
 'name_fa': 'چارچوب پایش پیمان میلان',
 'description_es': 'Pacto de Política Alimentaria Urbana de Milán, firmado el 2015-10-15.',
 'description_ar': 'ميثاق ميلانو للسياسات الغذائية الحضرية، الموقّع في 2015-10-15.',
 'description_vi': 'Hiệp ước Chính sách Lương thực Đô thị Milan, ký ngày 2015-10-15.',
 'description_fa': 'پیمان سیاست غذایی شهری میلان، امضاشده در 2015-10-15.'}

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

# action number -> short titles
ACTIONS = {1: {'short_title_es': 'Facilitar la colaboración entre organismos y departamentos municipales y armonizar las '
                       'políticas y programas alimentarios entre sectores y niveles administrativos (enfoque '
                       'basado en derechos)',
     'short_title_ar': 'تيسير التعاون بين الهيئات والإدارات البلدية ومواءمة السياسات والبرامج الغذائية بين '
                       'القطاعات والمستويات الإدارية (نهج قائم على الحقوق)',
     'short_title_vi': 'Tạo điều kiện hợp tác giữa các cơ quan, sở ban ngành của thành phố và hài hòa các chính '
                       'sách, chương trình lương thực giữa các lĩnh vực và cấp hành chính (cách tiếp cận dựa trên '
                       'quyền)',
     'short_title_fa': 'تسهیل همکاری میان نهادها و بخش\u200cهای شهرداری و هماهنگ\u200cسازی سیاست\u200cها و '
                       'برنامه\u200cهای غذایی میان بخش\u200cها و سطوح اداری (رویکرد مبتنی بر حقوق)'},
 2: {'short_title_es': 'Reforzar la participación de las partes interesadas a nivel municipal (diálogo político, '
                       'asesor en política alimentaria y/o plataforma multiactor o consejo alimentario, educación '
                       'y sensibilización)',
     'short_title_ar': 'تعزيز مشاركة أصحاب المصلحة على مستوى المدينة (الحوار السياسي، مستشار للسياسة الغذائية و/أو '
                       'منصة متعددة الأطراف أو مجلس للغذاء، التعليم والتوعية)',
     'short_title_vi': 'Tăng cường sự tham gia của các bên liên quan ở cấp thành phố (đối thoại chính sách, cố vấn '
                       'chính sách lương thực và/hoặc diễn đàn đa bên hay hội đồng lương thực, giáo dục và nâng '
                       'cao nhận thức)',
     'short_title_fa': 'تقویت مشارکت ذی\u200cنفعان در سطح شهر (گفت\u200cوگوی سیاستی، مشاور سیاست غذایی و/یا سکوی '
                       'چندذی\u200cنفعی یا شورای غذا، آموزش و آگاهی\u200cبخشی)'},
 3: {'short_title_es': 'Identificar, mapear y evaluar las iniciativas locales y los movimientos alimentarios de la '
                       'sociedad civil para convertir las buenas prácticas en programas y políticas',
     'short_title_ar': 'تحديد المبادرات المحلية وحركات المجتمع المدني الغذائية ورسم خرائطها وتقييمها لتحويل '
                       'الممارسات الجيدة إلى برامج وسياسات',
     'short_title_vi': 'Xác định, lập bản đồ và đánh giá các sáng kiến địa phương và phong trào lương thực của xã '
                       'hội dân sự để biến thực tiễn tốt thành chương trình và chính sách',
     'short_title_fa': 'شناسایی، نقشه\u200cبرداری و ارزیابی ابتکارهای محلی و جنبش\u200cهای غذایی جامعهٔ مدنی برای '
                       'تبدیل تجربه\u200cهای خوب به برنامه و سیاست'},
 4: {'short_title_es': 'Elaborar o revisar políticas y planes alimentarios urbanos, asignar recursos, armonizar y '
                       'reforzar la normativa municipal, desarrollar capacidades estratégicas',
     'short_title_ar': 'وضع السياسات والخطط الغذائية الحضرية أو مراجعتها، وتخصيص الموارد، ومواءمة اللوائح البلدية '
                       'وتعزيزها، وبناء القدرات الاستراتيجية',
     'short_title_vi': 'Xây dựng hoặc sửa đổi chính sách và kế hoạch lương thực đô thị, phân bổ nguồn lực, hài hòa '
                       'và củng cố quy định của thành phố, nâng cao năng lực chiến lược',
     'short_title_fa': 'تدوین یا بازنگری سیاست\u200cها و برنامه\u200cهای غذایی شهری، تخصیص منابع، هماهنگ\u200cسازی '
                       'و تقویت مقررات شهری، ظرفیت\u200cسازی راهبردی'},
 5: {'short_title_es': 'Desarrollar o mejorar sistemas de información multisectoriales (datos del sistema '
                       'alimentario urbano, incluidos los de la sociedad civil) para la formulación de políticas y '
                       'la rendición de cuentas',
     'short_title_ar': 'تطوير نظم معلومات متعددة القطاعات أو تحسينها (بيانات النظام الغذائي الحضري، بما فيها '
                       'بيانات المجتمع المدني) لصنع السياسات والمساءلة',
     'short_title_vi': 'Xây dựng hoặc cải thiện hệ thống thông tin đa ngành (dữ liệu về hệ thống lương thực đô '
                       'thị, kể cả dữ liệu của xã hội dân sự) phục vụ hoạch định chính sách và trách nhiệm giải '
                       'trình',
     'short_title_fa': 'ایجاد یا بهبود نظام\u200cهای اطلاعاتی چندبخشی (داده\u200cهای نظام غذایی شهری، از جمله '
                       'داده\u200cهای جامعهٔ مدنی) برای سیاست\u200cگذاری و پاسخ\u200cگویی'},
 6: {'short_title_es': 'Elaborar una estrategia de reducción del riesgo de desastres para reforzar la resiliencia '
                       'de los sistemas alimentarios urbanos',
     'short_title_ar': 'وضع استراتيجية للحد من مخاطر الكوارث لتعزيز صمود النظم الغذائية الحضرية',
     'short_title_vi': 'Xây dựng chiến lược giảm nhẹ rủi ro thiên tai để tăng khả năng chống chịu của hệ thống '
                       'lương thực đô thị',
     'short_title_fa': 'تدوین راهبرد کاهش خطر بلایا برای افزایش تاب\u200cآوری نظام\u200cهای غذایی شهری'},
 7: {'short_title_es': 'Promover dietas sostenibles mediante programas de educación, promoción de la salud y '
                       'comunicación (escuelas, centros de cuidado, mercados, medios)',
     'short_title_ar': 'تعزيز الأنظمة الغذائية المستدامة عبر برامج التعليم وتعزيز الصحة والتواصل (المدارس، مراكز '
                       'الرعاية، الأسواق، وسائل الإعلام)',
     'short_title_vi': 'Thúc đẩy chế độ ăn bền vững thông qua các chương trình giáo dục, nâng cao sức khỏe và '
                       'truyền thông (trường học, cơ sở chăm sóc, chợ, truyền thông đại chúng)',
     'short_title_fa': 'ترویج رژیم\u200cهای غذایی پایدار از راه برنامه\u200cهای آموزشی، ارتقای سلامت و '
                       'اطلاع\u200cرسانی (مدارس، مراکز مراقبت، بازارها، رسانه\u200cها)'},
 8: {'short_title_es': 'Abordar las enfermedades no transmisibles ligadas a la mala alimentación y la obesidad '
                       '(menos azúcar, sal, grasas trans, carne y lácteos; más frutas, verduras y alimentos no '
                       'procesados)',
     'short_title_ar': 'التصدي للأمراض غير المعدية المرتبطة بسوء التغذية والسمنة (سكر وملح ودهون متحولة ولحوم '
                       'وألبان أقل؛ فواكه وخضروات وأغذية غير مصنعة أكثر)',
     'short_title_vi': 'Ứng phó với các bệnh không lây nhiễm liên quan đến ăn uống kém và béo phì (ít đường, muối, '
                       'chất béo chuyển hóa, thịt và sữa hơn; nhiều rau quả và thực phẩm chưa chế biến hơn)',
     'short_title_fa': 'مقابله با بیماری\u200cهای غیرواگیر ناشی از تغذیهٔ نامناسب و چاقی (قند، نمک، چربی ترانس، '
                       'گوشت و لبنیات کمتر؛ میوه، سبزی و غذای فرآوری\u200cنشدهٔ بیشتر)'},
 9: {'short_title_es': 'Elaborar directrices para una alimentación sostenible (consumidores, urbanistas y compras '
                       'públicas, servicios de alimentación, comercio, productores) con la comunicación y la '
                       'formación correspondientes',
     'short_title_ar': 'وضع إرشادات لتغذية مستدامة (المستهلكون، مخططو المدن والمشتريات العامة، خدمات الطعام، تجارة '
                       'التجزئة، المنتجون) مع التواصل والتدريب المرتبطين بها',
     'short_title_vi': 'Xây dựng hướng dẫn về chế độ ăn bền vững (người tiêu dùng, quy hoạch đô thị và mua sắm '
                       'công, dịch vụ ăn uống, bán lẻ, nhà sản xuất) cùng với truyền thông và đào tạo liên quan',
     'short_title_fa': 'تدوین رهنمودهای تغذیهٔ پایدار (مصرف\u200cکنندگان، برنامه\u200cریزان شهری و خریدهای عمومی، '
                       'خدمات غذایی، خرده\u200cفروشی، تولیدکنندگان) همراه با اطلاع\u200cرسانی و آموزش مرتبط'},
 10: {'short_title_es': 'Adaptar normas y reglamentos para que las dietas sostenibles y el agua potable sean '
                        'accesibles en los establecimientos públicos (escuelas, hospitales, lugares de trabajo, '
                        'comedores, oficinas municipales, prisiones)',
      'short_title_ar': 'تكييف المعايير واللوائح لإتاحة الأنظمة الغذائية المستدامة ومياه الشرب المأمونة في المرافق '
                        'العامة (المدارس، المستشفيات، أماكن العمل، المطاعم الجماعية، المكاتب البلدية، السجون)',
      'short_title_vi': 'Điều chỉnh tiêu chuẩn và quy định để chế độ ăn bền vững và nước uống an toàn có sẵn tại '
                        'các cơ sở công (trường học, bệnh viện, nơi làm việc, căng tin, cơ quan thành phố, trại '
                        'giam)',
      'short_title_fa': 'تطبیق استانداردها و مقررات برای دسترس\u200cپذیر کردن رژیم غذایی پایدار و آب آشامیدنی سالم '
                        'در تأسیسات عمومی (مدارس، بیمارستان\u200cها، محل\u200cهای کار، غذاخوری\u200cها، ادارات '
                        'شهرداری، زندان\u200cها)'},
 11: {'short_title_es': 'Explorar instrumentos reglamentarios y voluntarios (mercadeo, publicidad, etiquetado, '
                        'incentivos económicos) que promuevan dietas sostenibles con empresas públicas y privadas',
      'short_title_ar': 'استكشاف أدوات تنظيمية وطوعية (التسويق، الإعلان، الوسم، الحوافز الاقتصادية) تعزز الأنظمة '
                        'الغذائية المستدامة مع الشركات العامة والخاصة',
      'short_title_vi': 'Tìm hiểu các công cụ pháp quy và tự nguyện (tiếp thị, quảng cáo, ghi nhãn, khuyến khích '
                        'kinh tế) thúc đẩy chế độ ăn bền vững cùng các doanh nghiệp nhà nước và tư nhân',
      'short_title_fa': 'بررسی ابزارهای قانونی و داوطلبانه (بازاریابی، تبلیغات، برچسب\u200cگذاری، مشوق\u200cهای '
                        'اقتصادی) برای ترویج رژیم\u200cهای غذایی پایدار همراه با شرکت\u200cهای دولتی و خصوصی'},
 12: {'short_title_es': 'Fomentar la acción conjunta de los sectores de la salud y la alimentación en estrategias '
                        'integradas y centradas en las personas para estilos de vida saludables y la inclusión '
                        'social',
      'short_title_ar': 'تشجيع العمل المشترك بين قطاعي الصحة والغذاء في استراتيجيات متكاملة محورها الإنسان من أجل '
                        'أنماط حياة صحية والإدماج الاجتماعي',
      'short_title_vi': 'Khuyến khích ngành y tế và ngành lương thực cùng hành động qua các chiến lược tổng hợp, '
                        'lấy con người làm trung tâm, vì lối sống lành mạnh và hòa nhập xã hội',
      'short_title_fa': 'تشویق اقدام مشترک بخش\u200cهای سلامت و غذا در راهبردهای یکپارچه و مردم\u200cمحور برای سبک '
                        'زندگی سالم و شمول اجتماعی'},
 13: {'short_title_es': 'Invertir en el acceso universal al agua potable y a un saneamiento adecuado, con la '
                        'sociedad civil y otros socios',
      'short_title_ar': 'الاستثمار في حصول الجميع على مياه الشرب المأمونة والصرف الصحي الملائم، مع المجتمع المدني '
                        'والشركاء الآخرين',
      'short_title_vi': 'Đầu tư để mọi người được tiếp cận nước uống an toàn và điều kiện vệ sinh đầy đủ, cùng xã '
                        'hội dân sự và các đối tác khác',
      'short_title_fa': 'سرمایه\u200cگذاری برای دسترسی همگانی به آب آشامیدنی سالم و بهداشت مناسب، همراه با جامعهٔ '
                        'مدنی و دیگر شرکا'},
 14: {'short_title_es': 'Usar transferencias monetarias y de alimentos y otros sistemas de protección social '
                        '(bancos de alimentos, comedores comunitarios, despensas de emergencia) para dar a las '
                        'poblaciones vulnerables acceso digno y culturalmente adecuado a alimentos sanos',
      'short_title_ar': 'استخدام التحويلات النقدية والغذائية وغيرها من نظم الحماية الاجتماعية (بنوك الطعام، '
                        'المطابخ المجتمعية، مخازن الطوارئ) لتمكين الفئات الهشة من الحصول بكرامة على غذاء صحي ملائم '
                        'ثقافيًا',
      'short_title_vi': 'Sử dụng chuyển giao tiền mặt, thực phẩm và các hệ thống an sinh xã hội khác (ngân hàng '
                        'thực phẩm, bếp ăn cộng đồng, kho thực phẩm khẩn cấp) để nhóm dễ tổn thương tiếp cận thực '
                        'phẩm lành mạnh một cách đàng hoàng, phù hợp văn hóa',
      'short_title_fa': 'استفاده از انتقال نقدی و غذایی و دیگر نظام\u200cهای حمایت اجتماعی (بانک\u200cهای غذا، '
                        'آشپزخانه\u200cهای محله\u200cای، انبارهای اضطراری) برای دسترسی محترمانه و متناسب با فرهنگ '
                        'گروه\u200cهای آسیب\u200cپذیر به غذای سالم'},
 15: {'short_title_es': 'Reorientar la alimentación escolar y otros servicios de alimentación institucional hacia '
                        'alimentos saludables, locales o regionales, de temporada y producidos de forma sostenible',
      'short_title_ar': 'إعادة توجيه التغذية المدرسية وخدمات الطعام المؤسسية الأخرى نحو غذاء صحي ومحلي أو إقليمي '
                        'وموسمي ومنتج بطريقة مستدامة',
      'short_title_vi': 'Định hướng lại bữa ăn học đường và các dịch vụ ăn uống tập thể khác sang thực phẩm lành '
                        'mạnh, địa phương hoặc trong vùng, theo mùa và được sản xuất bền vững',
      'short_title_fa': 'جهت\u200cدهی دوبارهٔ تغذیهٔ مدارس و دیگر خدمات غذایی نهادی به سوی غذای سالم، محلی یا '
                        'منطقه\u200cای، فصلی و پایدار'},
 16: {'short_title_es': 'Promover el empleo digno en el sector alimentario y agrícola: relaciones económicas '
                        'justas, salarios justos, mejores condiciones laborales, plena inclusión de las mujeres',
      'short_title_ar': 'تعزيز العمل اللائق في قطاع الغذاء والزراعة: علاقات اقتصادية منصفة، أجور عادلة، ظروف عمل '
                        'أفضل، إدماج كامل للنساء',
      'short_title_vi': 'Thúc đẩy việc làm bền vững trong ngành lương thực và nông nghiệp: quan hệ kinh tế công '
                        'bằng, tiền lương công bằng, điều kiện lao động tốt hơn, phụ nữ được tham gia đầy đủ',
      'short_title_fa': 'ترویج اشتغال شایسته در بخش غذا و کشاورزی: روابط اقتصادی منصفانه، دستمزد عادلانه، شرایط '
                        'کاری بهتر، مشارکت کامل زنان'},
 17: {'short_title_es': 'Fomentar y apoyar las actividades de la economía social y solidaria en la cadena '
                        'alimentaria',
      'short_title_ar': 'تشجيع أنشطة الاقتصاد الاجتماعي والتضامني في السلسلة الغذائية ودعمها',
      'short_title_vi': 'Khuyến khích và hỗ trợ các hoạt động kinh tế xã hội và đoàn kết trong chuỗi lương thực',
      'short_title_fa': 'تشویق و حمایت از فعالیت\u200cهای اقتصاد اجتماعی و همبستگی در زنجیرهٔ غذا'},
 18: {'short_title_es': 'Promover redes y apoyar actividades de base (huertos comunitarios, cocinas comunitarias, '
                        'despensas sociales) que generan inclusión social y alimentan a las personas marginadas',
      'short_title_ar': 'تعزيز الشبكات ودعم الأنشطة القاعدية (الحدائق المجتمعية، المطابخ المجتمعية، المخازن '
                        'الاجتماعية) التي تحقق الإدماج الاجتماعي وتطعم الفئات المهمشة',
      'short_title_vi': 'Thúc đẩy mạng lưới và hỗ trợ hoạt động cơ sở (vườn cộng đồng, bếp cộng đồng, kho thực '
                        'phẩm xã hội) tạo ra sự hòa nhập xã hội và nuôi sống người bị gạt ra bên lề',
      'short_title_fa': 'ترویج شبکه\u200cها و حمایت از فعالیت\u200cهای مردمی (باغ\u200cهای محله\u200cای، '
                        'آشپزخانه\u200cهای محله\u200cای، انبارهای غذای اجتماعی) که شمول اجتماعی می\u200cآفرینند و '
                        'به گروه\u200cهای به\u200cحاشیه\u200cرانده غذا می\u200cرسانند'},
 19: {'short_title_es': 'Promover la educación, la formación y la investigación participativas para reforzar la '
                        'acción local en favor de la equidad social y económica',
      'short_title_ar': 'تعزيز التعليم والتدريب والبحث التشاركي لتقوية العمل المحلي من أجل العدالة الاجتماعية '
                        'والاقتصادية',
      'short_title_vi': 'Thúc đẩy giáo dục, đào tạo và nghiên cứu có sự tham gia để tăng cường hành động địa '
                        'phương vì công bằng xã hội và kinh tế',
      'short_title_fa': 'ترویج آموزش، کارآموزی و پژوهش مشارکتی برای تقویت اقدام محلی در راستای عدالت اجتماعی و '
                        'اقتصادی'},
 20: {'short_title_es': 'Promover y reforzar la producción y transformación sostenibles de alimentos urbanas y '
                        'periurbanas e integrarlas en los planes de resiliencia de la ciudad',
      'short_title_ar': 'تعزيز الإنتاج والتصنيع الغذائي المستدام في المناطق الحضرية وشبه الحضرية وإدماجهما في خطط '
                        'صمود المدينة',
      'short_title_vi': 'Thúc đẩy và tăng cường sản xuất, chế biến lương thực bền vững ở đô thị và ven đô, lồng '
                        'ghép vào các kế hoạch chống chịu của thành phố',
      'short_title_fa': 'ترویج و تقویت تولید و فرآوری پایدار غذا در مناطق شهری و پیراشهری و گنجاندن آن در '
                        'برنامه\u200cهای تاب\u200cآوری شهر'},
 21: {'short_title_es': 'Buscar la coherencia entre la ciudad y la producción, transformación y distribución de '
                        'alimentos de las zonas rurales cercanas, con atención a los pequeños productores y la '
                        'agricultura familiar, las mujeres y los jóvenes',
      'short_title_ar': 'السعي إلى الاتساق بين المدينة وإنتاج الغذاء وتصنيعه وتوزيعه في الأرياف المجاورة، مع '
                        'التركيز على صغار المزارعين والمزارع الأسرية والنساء والشباب',
      'short_title_vi': 'Tìm kiếm sự gắn kết giữa thành phố với sản xuất, chế biến và phân phối lương thực ở nông '
                        'thôn lân cận, chú trọng nông hộ nhỏ và nông nghiệp gia đình, phụ nữ và thanh niên',
      'short_title_fa': 'ایجاد هماهنگی میان شهر و تولید، فرآوری و توزیع غذا در روستاهای نزدیک، با تمرکز بر '
                        'خرده\u200cمالکان و کشاورزی خانوادگی، زنان و جوانان'},
 22: {'short_title_es': 'Aplicar un enfoque ecosistémico a la planificación y gestión integrada del uso del suelo '
                        'con las autoridades urbanas y rurales y otros gestores de recursos',
      'short_title_ar': 'تطبيق نهج النظم الإيكولوجية على تخطيط استخدام الأراضي وإدارتها بشكل شامل ومتكامل مع '
                        'السلطات الحضرية والريفية ومديري الموارد الآخرين',
      'short_title_vi': 'Áp dụng cách tiếp cận hệ sinh thái trong quy hoạch và quản lý sử dụng đất tổng thể, tích '
                        'hợp cùng chính quyền đô thị, nông thôn và các đơn vị quản lý tài nguyên khác',
      'short_title_fa': 'به\u200cکارگیری رویکرد بوم\u200cسازگان در برنامه\u200cریزی و مدیریت جامع و یکپارچهٔ '
                        'کاربری زمین همراه با مقامات شهری و روستایی و دیگر مدیران منابع'},
 23: {'short_title_es': 'Proteger y facilitar el acceso seguro a la tierra y su tenencia para la producción '
                        'sostenible de alimentos en zonas urbanas y periurbanas, incluidos los horticultores '
                        'comunitarios y los pequeños productores',
      'short_title_ar': 'حماية الحصول الآمن على الأراضي وحيازتها وتيسيرهما لإنتاج الغذاء المستدام في المناطق '
                        'الحضرية وشبه الحضرية، بما في ذلك بستانيو الحدائق المجتمعية وصغار المنتجين',
      'short_title_vi': 'Bảo vệ và bảo đảm quyền tiếp cận và sử dụng đất ổn định để sản xuất lương thực bền vững ở '
                        'đô thị và ven đô, kể cả người làm vườn cộng đồng và nông hộ nhỏ',
      'short_title_fa': 'حمایت از دسترسی امن به زمین و تصدی آن برای تولید پایدار غذا در مناطق شهری و پیراشهری، از '
                        'جمله باغبانان محله\u200cای و خرده\u200cمالکان'},
 24: {'short_title_es': 'Ayudar a prestar servicios a los productores de alimentos en las ciudades y sus '
                        'alrededores: formación técnica y asistencia financiera (crédito, tecnología, inocuidad '
                        'alimentaria, acceso a mercados)',
      'short_title_ar': 'المساعدة في تقديم الخدمات لمنتجي الغذاء في المدن ومحيطها: التدريب التقني والمساعدة '
                        'المالية (الائتمان، التكنولوجيا، سلامة الغذاء، الوصول إلى الأسواق)',
      'short_title_vi': 'Hỗ trợ cung cấp dịch vụ cho người sản xuất lương thực trong và quanh thành phố: đào tạo '
                        'kỹ thuật và hỗ trợ tài chính (tín dụng, công nghệ, an toàn thực phẩm, tiếp cận thị '
                        'trường)',
      'short_title_fa': 'کمک به ارائهٔ خدمات به تولیدکنندگان غذا در شهر و پیرامون آن: آموزش فنی و کمک مالی '
                        '(اعتبار، فناوری، ایمنی غذا، دسترسی به بازار)'},
 25: {'short_title_es': 'Apoyar las cadenas cortas, las organizaciones de productores, las redes de productores a '
                        'consumidores y otros sistemas de mercado que vinculan las zonas urbanas y rurales',
      'short_title_ar': 'دعم السلاسل الغذائية القصيرة ومنظمات المنتجين وشبكات البيع من المنتج إلى المستهلك وغيرها '
                        'من نظم السوق التي تربط المناطق الحضرية بالريفية',
      'short_title_vi': 'Hỗ trợ chuỗi cung ứng ngắn, tổ chức của người sản xuất, mạng lưới từ người sản xuất đến '
                        'người tiêu dùng và các hệ thống thị trường khác kết nối đô thị với nông thôn',
      'short_title_fa': 'حمایت از زنجیره\u200cهای کوتاه غذا، سازمان\u200cهای تولیدکنندگان، شبکه\u200cهای '
                        'تولیدکننده به مصرف\u200cکننده و دیگر نظام\u200cهای بازار که شهر و روستا را به هم پیوند '
                        'می\u200cدهند'},
 26: {'short_title_es': 'Mejorar la gestión y la reutilización del agua (y de las aguas residuales) en la '
                        'agricultura y la producción de alimentos, con enfoques participativos',
      'short_title_ar': 'تحسين إدارة المياه (والمياه العادمة) وإعادة استخدامها في الزراعة وإنتاج الغذاء، بمقاربات '
                        'تشاركية',
      'short_title_vi': 'Cải thiện quản lý và tái sử dụng nước (và nước thải) trong nông nghiệp và sản xuất lương '
                        'thực, với cách tiếp cận có sự tham gia',
      'short_title_fa': 'بهبود مدیریت و بازچرخانی آب (و پساب) در کشاورزی و تولید غذا، با رویکردهای مشارکتی'},
 27: {'short_title_es': 'Evaluar los flujos de alimentos hacia y a través de las ciudades para garantizar el '
                        'acceso físico a alimentos frescos y asequibles en los barrios de bajos ingresos o '
                        'desatendidos, con una planificación del transporte y la logística baja en carbono',
      'short_title_ar': 'تقييم تدفقات الغذاء نحو المدن وعبرها لضمان الوصول المادي إلى غذاء طازج وميسور التكلفة في '
                        'الأحياء منخفضة الدخل أو المحرومة، مع تخطيط للنقل واللوجستيات منخفض الكربون',
      'short_title_vi': 'Đánh giá các dòng lương thực vào và qua thành phố để bảo đảm tiếp cận thực phẩm tươi, giá '
                        'phải chăng ở các khu dân cư thu nhập thấp hoặc thiếu dịch vụ, với quy hoạch vận tải và '
                        'hậu cần ít phát thải carbon',
      'short_title_fa': 'ارزیابی جریان\u200cهای غذا به سوی شهر و درون آن برای تضمین دسترسی فیزیکی به غذای تازه و '
                        'مقرون\u200cبه\u200cصرفه در محله\u200cهای کم\u200cدرآمد یا محروم، با برنامه\u200cریزی '
                        'حمل\u200cونقل و لجستیک کم\u200cکربن'},
 28: {'short_title_es': 'Apoyar mejores tecnologías e infraestructuras de almacenamiento, transformación, '
                        'transporte y distribución entre zonas periurbanas y rurales cercanas (consumo de '
                        'temporada, menos pérdidas y desperdicio, pymes alimentarias)',
      'short_title_ar': 'دعم تحسين تقنيات وبنى تخزين الغذاء وتصنيعه ونقله وتوزيعه بين المناطق شبه الحضرية والريفية '
                        'القريبة (استهلاك موسمي، فاقد وهدر أقل، منشآت غذائية صغيرة ومتوسطة)',
      'short_title_vi': 'Hỗ trợ cải tiến công nghệ và hạ tầng bảo quản, chế biến, vận chuyển và phân phối lương '
                        'thực kết nối vùng ven đô và nông thôn lân cận (tiêu dùng theo mùa, giảm thất thoát và '
                        'lãng phí, doanh nghiệp thực phẩm vừa và nhỏ)',
      'short_title_fa': 'حمایت از بهبود فناوری\u200cها و زیرساخت\u200cهای انبارداری، فرآوری، حمل و توزیع غذا میان '
                        'مناطق پیراشهری و روستایی نزدیک (مصرف فصلی، هدررفت کمتر، کسب\u200cوکارهای کوچک و متوسط '
                        'غذایی)'},
 29: {'short_title_es': 'Evaluar, revisar o reforzar los sistemas de control de los alimentos mediante normas '
                        'locales de inocuidad que responsabilicen a la cadena y eliminen obstáculos para la '
                        'agricultura familiar y los pequeños productores',
      'short_title_ar': 'تقييم نظم الرقابة على الأغذية أو مراجعتها أو تعزيزها عبر قواعد محلية لسلامة الغذاء تحمّل '
                        'السلسلة مسؤوليتها وتزيل العوائق أمام المزارع الأسرية وصغار المنتجين',
      'short_title_vi': 'Đánh giá, rà soát hoặc củng cố hệ thống kiểm soát thực phẩm bằng các quy định an toàn '
                        'thực phẩm địa phương, bảo đảm trách nhiệm của chuỗi và gỡ bỏ rào cản cho nông nghiệp gia '
                        'đình và nông hộ nhỏ',
      'short_title_fa': 'ارزیابی، بازنگری یا تقویت نظام\u200cهای کنترل غذا با مقررات محلی ایمنی غذا که زنجیره را '
                        'پاسخ\u200cگو کند و موانع کشاورزی خانوادگی و خرده\u200cمالکان را بردارد'},
 30: {'short_title_es': 'Revisar las compras públicas y la política comercial para abastecerse en cadenas cortas, '
                        'garantizando alimentos saludables y condiciones justas para productores y consumidores '
                        'vulnerables',
      'short_title_ar': 'مراجعة المشتريات العامة والسياسة التجارية للتزود من السلاسل القصيرة، بما يضمن غذاءً صحيًا '
                        'وظروفًا عادلة للمنتجين والمستهلكين الهشين',
      'short_title_vi': 'Rà soát mua sắm công và chính sách thương mại để cung ứng từ chuỗi ngắn, bảo đảm thực '
                        'phẩm lành mạnh và điều kiện công bằng cho người sản xuất và người tiêu dùng dễ tổn thương',
      'short_title_fa': 'بازنگری خریدهای عمومی و سیاست تجاری برای تأمین از زنجیره\u200cهای کوتاه، با تضمین غذای '
                        'سالم و شرایط منصفانه برای تولیدکنندگان و مصرف\u200cکنندگان آسیب\u200cپذیر'},
 31: {'short_title_es': 'Dar apoyo político y programático a los mercados públicos municipales: mercados de '
                        'productores, mercados informales, minoristas y mayoristas, restaurantes y otros '
                        'distribuidores',
      'short_title_ar': 'تقديم الدعم السياساتي والبرامجي للأسواق العامة البلدية: أسواق المزارعين، الأسواق غير '
                        'الرسمية وأسواق التجزئة والجملة، المطاعم وسائر الموزعين',
      'short_title_vi': 'Hỗ trợ về chính sách và chương trình cho các chợ công của thành phố: chợ nông sản, chợ '
                        'phi chính thức, chợ bán lẻ và bán buôn, nhà hàng và các nhà phân phối khác',
      'short_title_fa': 'حمایت سیاستی و برنامه\u200cای از بازارهای عمومی شهری: بازارهای کشاورزان، بازارهای '
                        'غیررسمی، خرده\u200cفروشی و عمده\u200cفروشی، رستوران\u200cها و دیگر توزیع\u200cکنندگان'},
 32: {'short_title_es': 'Mejorar y ampliar las infraestructuras de los sistemas de mercado que vinculan a los '
                        'compradores urbanos con los vendedores urbanos, periurbanos y rurales, fortaleciendo la '
                        'cohesión social y la confianza',
      'short_title_ar': 'تحسين بنى نظم السوق وتوسيعها لربط المشترين الحضريين بالبائعين الحضريين وشبه الحضريين '
                        'والريفيين، وبناء التماسك الاجتماعي والثقة',
      'short_title_vi': 'Cải thiện và mở rộng hạ tầng hệ thống thị trường kết nối người mua đô thị với người bán ở '
                        'đô thị, ven đô và nông thôn, xây dựng sự gắn kết xã hội và lòng tin',
      'short_title_fa': 'بهبود و گسترش زیرساخت\u200cهای نظام بازار که خریداران شهری را به فروشندگان شهری، پیراشهری '
                        'و روستایی پیوند می\u200cدهد و انسجام اجتماعی و اعتماد می\u200cسازد'},
 33: {'short_title_es': 'Reconocer la contribución del sector informal a los sistemas alimentarios urbanos y '
                        'brindarle apoyo y formación (inocuidad alimentaria, dietas sostenibles, prevención y '
                        'gestión de residuos)',
      'short_title_ar': 'الاعتراف بمساهمة القطاع غير الرسمي في النظم الغذائية الحضرية وتقديم الدعم والتدريب له '
                        '(سلامة الغذاء، الأنظمة الغذائية المستدامة، الوقاية من النفايات وإدارتها)',
      'short_title_vi': 'Ghi nhận đóng góp của khu vực phi chính thức cho hệ thống lương thực đô thị và hỗ trợ, '
                        'đào tạo khu vực này (an toàn thực phẩm, chế độ ăn bền vững, phòng ngừa và quản lý chất '
                        'thải)',
      'short_title_fa': 'به رسمیت شناختن سهم بخش غیررسمی در نظام\u200cهای غذایی شهری و ارائهٔ حمایت و آموزش به آن '
                        '(ایمنی غذا، رژیم غذایی پایدار، پیشگیری و مدیریت پسماند)'},
 34: {'short_title_es': 'Reunir a los actores del sistema alimentario para evaluar y hacer el seguimiento de la '
                        'reducción de las pérdidas y el desperdicio de alimentos en todas las etapas de la cadena '
                        'de suministro de la ciudad-región',
      'short_title_ar': 'جمع الفاعلين في النظام الغذائي لتقييم ورصد الحد من فاقد الأغذية وهدرها في جميع مراحل '
                        'سلسلة الإمداد الغذائي للمدينة والإقليم',
      'short_title_vi': 'Tập hợp các bên trong hệ thống lương thực để đánh giá và theo dõi việc giảm thất thoát và '
                        'lãng phí lương thực ở mọi khâu của chuỗi cung ứng lương thực thành phố - vùng',
      'short_title_fa': 'گردآوردن کنشگران نظام غذایی برای ارزیابی و پایش کاهش ضایعات و اتلاف غذا در همهٔ مراحل '
                        'زنجیرهٔ تأمین غذای شهر ـ منطقه'},
 35: {'short_title_es': 'Sensibilizar sobre las pérdidas y el desperdicio de alimentos mediante eventos y campañas '
                        'específicos',
      'short_title_ar': 'التوعية بفاقد الأغذية وهدرها من خلال فعاليات وحملات موجهة',
      'short_title_vi': 'Nâng cao nhận thức về thất thoát và lãng phí lương thực qua các sự kiện và chiến dịch có '
                        'mục tiêu',
      'short_title_fa': 'آگاهی\u200cبخشی دربارهٔ ضایعات و اتلاف غذا از راه رویدادها و کارزارهای هدفمند'},
 36: {'short_title_es': 'Colaborar con el sector privado, la investigación, la enseñanza y las organizaciones '
                        'comunitarias en políticas y normas municipales que prevengan el desperdicio o recuperen '
                        'con seguridad alimentos y envases (jerarquía «aprovechar, no desperdiciar»)',
      'short_title_ar': 'التعاون مع القطاع الخاص ومؤسسات البحث والتعليم والمنظمات المجتمعية لوضع سياسات ولوائح '
                        'بلدية أو مراجعتها لمنع الهدر أو استرداد الأغذية والتغليف بأمان (تسلسل «الاستخدام لا '
                        'الهدر»)',
      'short_title_vi': 'Hợp tác với khu vực tư nhân, các tổ chức nghiên cứu, giáo dục và cộng đồng để xây dựng '
                        'hoặc rà soát chính sách, quy định của thành phố nhằm ngăn lãng phí hoặc thu hồi an toàn '
                        'thực phẩm và bao bì (thứ bậc “sử dụng, không lãng phí”)',
      'short_title_fa': 'همکاری با بخش خصوصی، نهادهای پژوهشی و آموزشی و سازمان\u200cهای مردمی برای تدوین یا '
                        'بازنگری سیاست\u200cها و مقررات شهری جهت پیشگیری از اتلاف یا بازیابی ایمن غذا و '
                        'بسته\u200cبندی (سلسله\u200cمراتب «مصرف به\u200cجای اتلاف»)'},
 37: {'short_title_es': 'Ahorrar alimentos facilitando la recuperación y redistribución para el consumo humano de '
                        'alimentos inocuos y nutritivos en riesgo de perderse o desperdiciarse',
      'short_title_ar': 'إنقاذ الغذاء بتيسير استرداد الأغذية المأمونة والمغذية المعرضة للفقد أو الهدر وإعادة '
                        'توزيعها للاستهلاك البشري',
      'short_title_vi': 'Tiết kiệm lương thực bằng cách hỗ trợ thu hồi và phân phối lại cho người dùng những thực '
                        'phẩm an toàn, bổ dưỡng có nguy cơ bị thất thoát hoặc lãng phí',
      'short_title_fa': 'نجات غذا با تسهیل بازیابی و بازتوزیع غذای سالم و مغذی در معرض ضایع یا تلف شدن برای مصرف '
                        'انسانی'}}

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
    RecommendedAction = apps.get_model("assessments", "RecommendedAction")
    Pillar = apps.get_model("assessments", "Pillar")
    framework = Framework.objects.filter(slug=MUFPP_SLUG).first()
    if framework is not None:
        _fill(framework, FRAMEWORK)
        for category in Category.objects.filter(framework=framework, code__in=CATEGORIES):
            _fill(category, CATEGORIES[category.code])
        for action in RecommendedAction.objects.filter(framework=framework, number__in=ACTIONS):
            _fill(action, ACTIONS[action.number])
        for indicator in Indicator.objects.filter(framework=framework, code__in=INDICATORS):
            _fill(indicator, INDICATORS[indicator.code])
    for pillar in Pillar.objects.filter(code__in=PILLARS):
        _fill(pillar, PILLARS[pillar.code])


class Migration(migrations.Migration):
    dependencies = [("assessments", "0009_merge_french_texts_and_language_columns")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
