"""Translations of the demo commitments' texts, keyed by their English text (see summits/demo_texts.py)."""

# English: (French, Spanish, Arabic, Chinese, Russian)
# The units of the demo's indicators, in (fr, es, ar, zh-hans, ru).
UNITS = {
    "hectares": ("hectares", "hectáreas", "هكتار", "公顷", "гектаров"),
    "%": ("%", "%", "%", "%", "%"),
    "networks": ("réseaux", "redes", "شبكات", "个网络", "сетей"),
    "partnerships": ("partenariats", "alianzas", "شراكات", "个伙伴关系", "партнёрств"),
    "people trained": ("personnes formées", "personas capacitadas", "أشخاص مدرَّبون", "名受训人员", "обученных человек"),
}

TEXTS = {
    # --- coalitions ---------------------------------------------------------------------------------
    "An intergovernmental group of more than 50 countries, co-chaired by Costa Rica and France, with the "
    "United Kingdom as ocean co-chair, pushing for a global goal to protect at least 30% of land and sea "
    "by 2030.": (
        "Un groupe intergouvernemental de plus de 50 pays, coprésidé par le Costa Rica et la France, avec le "
        "Royaume-Uni pour l’océan, qui défend un objectif mondial de protection d’au moins 30 % des terres et "
        "des mers d’ici 2030.",
        "Un grupo intergubernamental de más de 50 países, copresidido por Costa Rica y Francia, con el Reino Unido "
        "como copresidente para el océano, que impulsa una meta mundial de proteger al menos el 30 % de la tierra "
        "y el mar para 2030.",
        "مجموعة حكومية دولية تضم أكثر من 50 بلداً، تشترك في رئاستها كوستاريكا وفرنسا، مع المملكة المتحدة "
        "رئيساً مشاركاً لشؤون المحيطات، وتدفع نحو هدف عالمي لحماية 30٪ على الأقل من اليابسة والبحر بحلول "
        "عام 2030.",
        "由50多个国家组成的政府间集团，由哥斯达黎加和法国共同主持，英国担任海洋事务共同主席，推动到2030年"
        "保护至少30%陆地和海洋的全球目标。",
        "Межправительственная группа из более чем 50 стран под сопредседательством Коста-Рики и Франции "
        "(Соединённое Королевство — сопредседатель по океану), добивающаяся глобальной цели охранять не менее "
        "30 % суши и моря к 2030 году."),
    "Convened by EcoAgriculture Partners with Rainforest Alliance, Commonland, Conservation International, "
    "UNDP, Landscape Finance Lab and Tech Matters, the initiative equips landscape partnerships with tools, "
    "finance and connections.": (
        "Réunie par EcoAgriculture Partners avec Rainforest Alliance, Commonland, Conservation International, le "
        "PNUD, Landscape Finance Lab et Tech Matters, l’initiative donne aux partenariats paysagers des outils, "
        "des financements et des relations.",
        "Convocada por EcoAgriculture Partners con Rainforest Alliance, Commonland, Conservation International, "
        "el PNUD, Landscape Finance Lab y Tech Matters, la iniciativa dota a las alianzas territoriales de "
        "herramientas, financiación y contactos.",
        "مبادرة دعت إليها EcoAgriculture Partners مع Rainforest Alliance وCommonland وConservation International "
        "وبرنامج الأمم المتحدة الإنمائي وLandscape Finance Lab وTech Matters، وتزوّد شراكات المناظر الطبيعية "
        "بالأدوات والتمويل والصلات.",
        "该倡议由EcoAgriculture Partners联合雨林联盟、Commonland、保护国际、联合国开发计划署、"
        "Landscape Finance Lab和Tech Matters发起，为景观伙伴关系提供工具、资金和联系网络。",
        "Инициатива, созванная EcoAgriculture Partners вместе с Rainforest Alliance, Commonland, Conservation "
        "International, ПРООН, Landscape Finance Lab и Tech Matters, даёт ландшафтным партнёрствам инструменты, "
        "финансирование и связи."),

    # --- commitments' summaries --------------------------------------------------------------------
    "Donors and development banks pledged about US$14.3 billion over 2021–2025 to restore degraded land "
    "across eleven Sahel countries, with an accelerator to track and coordinate the money.": (
        "Bailleurs et banques de développement ont annoncé environ 14,3 milliards de dollars sur 2021-2025 pour "
        "restaurer les terres dégradées de onze pays du Sahel, avec un accélérateur pour suivre et coordonner "
        "les fonds.",
        "Donantes y bancos de desarrollo anunciaron unos 14 300 millones de dólares para 2021-2025 a fin de "
        "restaurar tierras degradadas en once países del Sahel, con un acelerador para seguir y coordinar los "
        "fondos.",
        "تعهّد المانحون ومصارف التنمية بنحو 14.3 مليار دولار للفترة 2021-2025 لاستصلاح الأراضي المتدهورة في "
        "أحد عشر بلداً من بلدان الساحل، مع مسرّع لتتبّع الأموال وتنسيقها.",
        "捐助方和开发银行承诺在2021—2025年间提供约143亿美元，用于恢复萨赫勒地区十一个国家的退化土地，"
        "并设立加速器跟踪和协调资金。",
        "Доноры и банки развития объявили о выделении около 14,3 млрд долларов США на 2021–2025 годы для "
        "восстановления деградировавших земель в одиннадцати странах Сахеля и создали акселератор для "
        "отслеживания и координации средств."),
    "More than 50 countries committed to champion a global target of protecting at least 30% of the "
    "planet’s land and ocean by 2030 in the new global biodiversity framework.": (
        "Plus de 50 pays se sont engagés à défendre un objectif mondial de protection d’au moins 30 % des terres "
        "et de l’océan d’ici 2030 dans le nouveau cadre mondial pour la biodiversité.",
        "Más de 50 países se comprometieron a defender en el nuevo marco mundial de la biodiversidad una meta "
        "mundial de proteger al menos el 30 % de la tierra y el océano del planeta para 2030.",
        "التزم أكثر من 50 بلداً بالدفاع، في الإطار العالمي الجديد للتنوع البيولوجي، عن هدف عالمي لحماية 30٪ "
        "على الأقل من يابسة الكوكب ومحيطاته بحلول عام 2030.",
        "50多个国家承诺在新的全球生物多样性框架中倡导到2030年保护地球至少30%陆地和海洋的全球目标。",
        "Более 50 стран обязались отстаивать в новой глобальной рамочной программе в области биоразнообразия "
        "цель охранять к 2030 году не менее 30 % суши и океана планеты."),
    "An international research initiative launched by French research institutes to understand and "
    "prevent the risks of emergence of diseases passed from animals to humans.": (
        "Une initiative internationale de recherche lancée par des instituts français pour comprendre et "
        "prévenir les risques d’émergence de maladies transmises de l’animal à l’humain.",
        "Una iniciativa internacional de investigación lanzada por institutos franceses para comprender y "
        "prevenir los riesgos de aparición de enfermedades transmitidas de los animales a los seres humanos.",
        "مبادرة بحثية دولية أطلقتها معاهد بحث فرنسية لفهم مخاطر ظهور الأمراض التي تنتقل من الحيوان إلى "
        "الإنسان والوقاية منها.",
        "由法国科研机构发起的一项国际研究倡议，旨在了解并预防由动物传给人类的疾病出现的风险。",
        "Международная исследовательская инициатива французских научных институтов, призванная изучать и "
        "предотвращать риски появления болезней, передающихся от животных человеку."),
    "By 2030, more than 1000 landscape partnerships benefiting a billion people, with shared tools, "
    "finance and a digital platform for integrated landscape management.": (
        "D’ici 2030, plus de 1000 partenariats paysagers bénéficiant à un milliard de personnes, avec des "
        "outils partagés, des financements et une plateforme numérique de gestion intégrée des paysages.",
        "Para 2030, más de 1000 alianzas territoriales en beneficio de mil millones de personas, con "
        "herramientas compartidas, financiación y una plataforma digital de gestión integrada del paisaje.",
        "بحلول عام 2030، أكثر من 1000 شراكة للمناظر الطبيعية يستفيد منها مليار شخص، مع أدوات مشتركة وتمويل "
        "ومنصة رقمية للإدارة المتكاملة للمناظر الطبيعية.",
        "到2030年，建立1000多个惠及十亿人的景观伙伴关系，并提供共享工具、资金和综合景观管理数字平台。",
        "К 2030 году — более 1000 ландшафтных партнёрств в интересах миллиарда человек, с общими "
        "инструментами, финансированием и цифровой платформой комплексного управления ландшафтами."),
    "A public-private fund to finance the long-term management of outstanding protected areas.": (
        "Un fonds public-privé pour financer la gestion à long terme d’aires protégées remarquables.",
        "Un fondo público-privado para financiar la gestión a largo plazo de áreas protegidas excepcionales.",
        "صندوق يجمع القطاعين العام والخاص لتمويل الإدارة الطويلة الأمد لمناطق محمية استثنائية.",
        "一个公私合营基金，为杰出保护区的长期管理提供资金。",
        "Государственно-частный фонд для финансирования долгосрочного управления выдающимися охраняемыми "
        "территориями."),

    # --- deliverables ---------------------------------------------------------------------------------
    "Accelerator secretariat operating": ("Secrétariat de l’accélérateur opérationnel",
                                          "Secretaría del acelerador en funcionamiento", "تشغيل أمانة المسرّع",
                                          "加速器秘书处投入运作", "Секретариат акселератора начал работу"),
    "Hectares of degraded land under restoration": (
        "Hectares de terres dégradées en cours de restauration", "Hectáreas de tierras degradadas en restauración",
        "هكتارات الأراضي المتدهورة قيد الاستصلاح", "正在恢复的退化土地面积",
        "Площадь деградировавших земель в процессе восстановления"),
    "30x30 target adopted in the global biodiversity framework": (
        "Objectif 30x30 adopté dans le cadre mondial de la biodiversité",
        "Meta 30x30 adoptada en el marco mundial de la biodiversidad",
        "اعتماد هدف 30×30 في الإطار العالمي للتنوع البيولوجي", "全球生物多样性框架通过“30×30”目标",
        "Цель «30×30» принята в глобальной рамочной программе в области биоразнообразия"),
    "Share of land and sea protected among members": (
        "Part des terres et des mers protégées chez les membres", "Proporción de tierra y mar protegidos entre los miembros",
        "نسبة اليابسة والبحر المحمية لدى الأعضاء", "成员国受保护陆地和海洋的比例", "Доля охраняемой суши и моря у членов"),
    "Regional research networks in Africa, Asia and Latin America": (
        "Réseaux régionaux de recherche en Afrique, en Asie et en Amérique latine",
        "Redes regionales de investigación en África, Asia y América Latina",
        "شبكات بحث إقليمية في أفريقيا وآسيا وأمريكا اللاتينية", "非洲、亚洲和拉丁美洲区域研究网络",
        "Региональные исследовательские сети в Африке, Азии и Латинской Америке"),
    "Digital platform for landscape partnerships online": (
        "Plateforme numérique des partenariats paysagers en ligne",
        "Plataforma digital de las alianzas territoriales en línea",
        "إطلاق المنصة الرقمية لشراكات المناظر الطبيعية على الإنترنت", "景观伙伴关系数字平台上线",
        "Цифровая платформа ландшафтных партнёрств запущена"),
    "Landscape partnerships supported": ("Partenariats paysagers accompagnés", "Alianzas territoriales apoyadas",
                                         "شراكات المناظر الطبيعية المدعومة", "获得支持的景观伙伴关系",
                                         "Поддержанные ландшафтные партнёрства"),
    "First protected areas funded": ("Premières aires protégées financées", "Primeras áreas protegidas financiadas",
                                     "تمويل أولى المناطق المحمية", "首批保护区获得资助",
                                     "Первые охраняемые территории получили финансирование"),

    # --- progress reports -------------------------------------------------------------------------------
    "The accelerator was set up and a first tracking of pledges was published.": (
        "L’accélérateur a été mis en place et un premier suivi des annonces a été publié.",
        "Se creó el acelerador y se publicó un primer seguimiento de los compromisos.",
        "أُنشئ المسرّع ونُشر أول تتبّع للتعهدات.", "加速器已设立，并发布了首份认捐跟踪报告。",
        "Акселератор создан, опубликован первый обзор выполнения обещаний."),
    "About 8.1 billion dollars were disbursed or committed to projects by the end of 2024.": (
        "Environ 8,1 milliards de dollars avaient été décaissés ou engagés dans des projets fin 2024.",
        "A finales de 2024 se habían desembolsado o comprometido en proyectos unos 8100 millones de dólares.",
        "صُرف نحو 8.1 مليار دولار أو خُصّص لمشاريع بحلول نهاية عام 2024.",
        "截至2024年底，约81亿美元已拨付或承诺用于项目。",
        "К концу 2024 года около 8,1 млрд долларов было выплачено или выделено на проекты."),
    "Target 3 of the Kunming-Montreal framework took up the 30x30 goal in December 2022.": (
        "La cible 3 du cadre de Kunming-Montréal a repris l’objectif 30x30 en décembre 2022.",
        "La meta 3 del Marco de Kunming-Montreal recogió el objetivo 30x30 en diciembre de 2022.",
        "تبنّت الغاية 3 من إطار كونمينغ-مونتريال هدف 30×30 في كانون الأول/ديسمبر 2022.",
        "2022年12月，《昆明-蒙特利尔框架》目标3纳入了“30×30”目标。",
        "В декабре 2022 года цель 3 Куньминско-Монреальской рамочной программы закрепила задачу «30×30»."),
    "Consortium formed and first research projects funded.": (
        "Consortium constitué et premiers projets de recherche financés.",
        "Consorcio constituido y primeros proyectos de investigación financiados.",
        "تشكيل الاتحاد وتمويل أولى المشاريع البحثية.", "联盟已组建，首批研究项目获得资助。",
        "Консорциум сформирован, первые исследовательские проекты профинансированы."),
    "Three regional networks are active; surveillance pilots have started.": (
        "Trois réseaux régionaux sont actifs ; des projets pilotes de surveillance ont démarré.",
        "Tres redes regionales están activas; han comenzado los proyectos piloto de vigilancia.",
        "ثلاث شبكات إقليمية ناشطة، وبدأت المشاريع التجريبية للرصد.", "三个区域网络已投入运作；监测试点已经启动。",
        "Действуют три региональные сети; начаты пилотные проекты по эпиднадзору."),

    # --- second generation: completed, closed, withdrawn and not started commitments ---------------------
    "Governments, financial institutions and companies backed a taskforce to give businesses a common way "
    "to assess and disclose how they depend on and affect nature.": (
        "Gouvernements, institutions financières et entreprises ont soutenu un groupe de travail chargé de donner "
        "aux entreprises une manière commune d’évaluer et de publier leur dépendance à la nature et leurs "
        "effets sur elle.",
        "Gobiernos, instituciones financieras y empresas respaldaron un grupo de trabajo para dar a las empresas "
        "una forma común de evaluar y divulgar cómo dependen de la naturaleza y cómo la afectan.",
        "دعمت حكومات ومؤسسات مالية وشركات فرقة عمل تمنح الشركات طريقة مشتركة لتقييم اعتمادها على الطبيعة "
        "وأثرها فيها والإفصاح عن ذلك.",
        "各国政府、金融机构和企业支持成立一个工作组，为企业提供评估和披露其对自然的依赖和影响的统一方法。",
        "Правительства, финансовые учреждения и компании поддержали целевую группу, которая даёт бизнесу общий "
        "способ оценивать и раскрывать свою зависимость от природы и воздействие на неё."),
    "The observatory committed to map the state of the land across the Great Green Wall countries, so that "
    "restoration can be measured against a shared baseline.": (
        "L’observatoire s’est engagé à cartographier l’état des terres dans les pays de la Grande Muraille verte, "
        "afin que la restauration se mesure par rapport à une référence commune.",
        "El observatorio se comprometió a cartografiar el estado de la tierra en los países de la Gran Muralla "
        "Verde, para que la restauración se mida con respecto a una referencia común.",
        "التزم المرصد برسم خريطة لحالة الأراضي في بلدان السور الأخضر العظيم، حتى يُقاس الاستصلاح بالنسبة إلى "
        "مرجع مشترك.",
        "该观测站承诺绘制绿色长城沿线各国的土地状况图，以便对照共同基线衡量恢复成效。",
        "Обсерватория обязалась составить карту состояния земель в странах Великой зелёной стены, чтобы "
        "восстановление измерялось относительно общей базовой линии."),
    "Village associations planned to replant mangroves along the Casamance river with local schools "
    "(a demonstration record).": (
        "Des associations villageoises prévoyaient de replanter des mangroves le long du fleuve Casamance avec "
        "les écoles locales (fiche de démonstration).",
        "Asociaciones de aldeas preveían replantar manglares a lo largo del río Casamance con las escuelas "
        "locales (registro de demostración).",
        "خططت جمعيات قروية لإعادة زراعة المانغروف على طول نهر كازامانس مع المدارس المحلية (سجل توضيحي).",
        "村民协会曾计划与当地学校一起沿卡萨芒斯河重新种植红树林（演示记录）。",
        "Сельские объединения планировали вместе с местными школами восстановить мангровые леса вдоль реки "
        "Казаманс (демонстрационная запись)."),
    "Under a memorandum of understanding with the Convention on Biological Diversity, the observatory will "
    "host and run a support centre of the cooperation mechanism set up by decision 15/8.": (
        "En vertu d’un protocole d’accord avec la Convention sur la diversité biologique, l’observatoire "
        "hébergera et fera fonctionner un centre d’appui du mécanisme de coopération établi par la décision 15/8.",
        "En virtud de un memorando de entendimiento con el Convenio sobre la Diversidad Biológica, el observatorio "
        "acogerá y gestionará un centro de apoyo del mecanismo de cooperación establecido por la decisión 15/8.",
        "بموجب مذكرة تفاهم مع اتفاقية التنوع البيولوجي، سيستضيف المرصد ويشغّل مركز دعم لآلية التعاون التي "
        "أنشأها المقرر 15/8.",
        "根据与《生物多样性公约》签署的谅解备忘录，该观测站将承办并运营第15/8号决定设立的合作机制支持中心。",
        "В соответствии с меморандумом о взаимопонимании с Конвенцией о биологическом разнообразии обсерватория "
        "разместит у себя и будет обеспечивать работу центра поддержки механизма сотрудничества, созданного "
        "решением 15/8."),
    "Final disclosure recommendations published": (
        "Recommandations finales de publication d’informations parues", "Recomendaciones finales de divulgación publicadas",
        "نشر التوصيات النهائية للإفصاح", "最终披露建议已发布", "Опубликованы окончательные рекомендации по раскрытию информации"),
    "Baseline map shared with the eleven countries": (
        "Carte de référence transmise aux onze pays", "Mapa de referencia compartido con los once países",
        "تقاسم الخريطة المرجعية مع البلدان الأحد عشر", "基线地图已与十一个国家共享",
        "Базовая карта передана одиннадцати странам"),
    "Hectares of mangroves replanted": (
        "Hectares de mangroves replantés", "Hectáreas de manglares replantadas", "هكتارات المانغروف المعاد زراعتها",
        "重新种植的红树林面积", "Площадь восстановленных мангровых лесов"),
    "Biennial work plan finalised": (
        "Plan de travail biennal finalisé", "Plan de trabajo bienal finalizado", "وضع خطة العمل لفترة السنتين في صيغتها النهائية",
        "两年期工作计划定稿", "Двухгодичный план работы утверждён"),
    "Common performance and reporting criteria agreed": (
        "Critères communs de performance et de rapportage adoptés", "Criterios comunes de desempeño y de informe acordados",
        "الاتفاق على معايير مشتركة للأداء والإبلاغ", "商定共同的绩效和报告标准",
        "Согласованы общие критерии эффективности и отчётности"),
    "The fund was set up and made its first long-term grants to protected areas.": (
        "Le fonds a été créé et a accordé ses premiers financements à long terme à des aires protégées.",
        "Se creó el fondo, que concedió sus primeras subvenciones a largo plazo a áreas protegidas.",
        "أُنشئ الصندوق وقدّم أولى منحه الطويلة الأمد لمناطق محمية.", "该基金已设立，并向保护区发放了首批长期赠款。",
        "Фонд создан и выделил первые долгосрочные гранты охраняемым территориям."),
    "The final recommendations were published in September 2023 after four beta versions.": (
        "Les recommandations finales ont été publiées en septembre 2023 après quatre versions bêta.",
        "Las recomendaciones finales se publicaron en septiembre de 2023 tras cuatro versiones beta.",
        "نُشرت التوصيات النهائية في أيلول/سبتمبر 2023 بعد أربع نسخ تجريبية.",
        "经过四个测试版本后，最终建议于2023年9月发布。",
        "Окончательные рекомендации опубликованы в сентябре 2023 года после четырёх бета-версий."),
    "The baseline map was delivered to the national agencies of the Great Green Wall.": (
        "La carte de référence a été remise aux agences nationales de la Grande Muraille verte.",
        "El mapa de referencia se entregó a los organismos nacionales de la Gran Muralla Verde.",
        "سُلّمت الخريطة المرجعية إلى الوكالات الوطنية للسور الأخضر العظيم.", "基线地图已交付绿色长城各国家机构。",
        "Базовая карта передана национальным агентствам Великой зелёной стены."),

    # --- indicator units ------------------------------------------------------------------------------------
    "hectares": ("hectares", "hectáreas", "هكتار", "公顷", "гектаров"),
    "%": ("%", "%", "٪", "%", "%"),
    "networks": ("réseaux", "redes", "شبكات", "个网络", "сетей"),
    "partnerships": ("partenariats", "alianzas", "شراكات", "个伙伴关系", "партнёрств"),
}
