"""Translations of the demo's domain records, keyed by their English text.

Loaders set the English (and, where they had it, French) text of a record, then ``complete()`` fills
the other languages from ``TEXTS``: one place to read and correct a translation, and a record whose
English text changes simply stops being translated rather than showing a stale sentence.
Organisations use their official name in each UN language where one exists; proper names that are
not translated (a company's, an NGO's brand) are in ``PROPER_NAMES`` and written the same everywhere.
"""

LANGS = ("fr", "es", "ar", "zh_hans", "ru")

PROPER_NAMES = {
    "EcoAgriculture Partners", "Rainforest Alliance", "Commonland", "Conservation International", "Tech Matters",
    "Landscape Finance Lab", "PREZODE", "OSS", "UNEP", "SCBD", "APGMV", "WB", "AFD", "IRD", "YBN",
}

# English: (French, Spanish, Arabic, Chinese, Russian)
TEXTS = {
    # --- organisations (official names in the UN languages where they exist) ----------------------
    "Taskforce on Nature-related Financial Disclosures": (
        "Groupe de travail sur la publication d’informations financières relatives à la nature",
        "Grupo de Trabajo sobre Divulgaciones Financieras relacionadas con la Naturaleza",
        "فرقة العمل المعنية بالإفصاحات المالية المتعلقة بالطبيعة", "自然相关财务信息披露工作组",
        "Рабочая группа по раскрытию финансовой информации, связанной с природой"),
    "Casamance Mangrove Network": ("Réseau des mangroves de Casamance", "Red de Manglares de Casamance",
                                   "شبكة مانغروف كازامانس", "卡萨芒斯红树林网络", "Сеть мангровых лесов Казаманса"),
    "Government of France": ("Gouvernement de la République française", "Gobierno de Francia", "حكومة فرنسا",
                             "法国政府", "Правительство Франции"),
    "Government of Costa Rica": ("Gouvernement du Costa Rica", "Gobierno de Costa Rica", "حكومة كوستاريكا",
                                 "哥斯达黎加政府", "Правительство Коста-Рики"),
    "United Nations Environment Programme": (
        "Programme des Nations unies pour l'environnement", "Programa de las Naciones Unidas para el Medio Ambiente",
        "برنامج الأمم المتحدة للبيئة", "联合国环境规划署",
        "Программа Организации Объединённых Наций по окружающей среде"),
    "Secretariat of the Convention on Biological Diversity": (
        "Secrétariat de la Convention sur la diversité biologique",
        "Secretaría del Convenio sobre la Diversidad Biológica", "أمانة اتفاقية التنوع البيولوجي",
        "《生物多样性公约》秘书处", "Секретариат Конвенции о биологическом разнообразии"),
    "Sahara and Sahel Observatory": ("Observatoire du Sahara et du Sahel", "Observatorio del Sáhara y del Sahel",
                                     "مرصد الصحراء والساحل", "撒哈拉和萨赫勒观察站", "Обсерватория Сахары и Сахеля"),
    "Pan-African Agency of the Great Green Wall": (
        "Agence panafricaine de la Grande Muraille Verte", "Agencia Panafricana de la Gran Muralla Verde",
        "الوكالة الأفريقية للسور الأخضر العظيم", "泛非绿色长城机构", "Панафриканское агентство Великой зелёной стены"),
    "World Bank": ("Banque mondiale", "Banco Mundial", "البنك الدولي", "世界银行", "Всемирный банк"),
    "French Development Agency": ("Agence française de développement", "Agencia Francesa de Desarrollo",
                                  "الوكالة الفرنسية للتنمية", "法国开发署", "Французское агентство развития"),
    "Verdant Supply Group": ("Groupe Verdant Supply", "Grupo Verdant Supply", "مجموعة فيردانت سبلاي",
                             "Verdant 供应集团", "Группа Verdant Supply"),
    "Living Coastlines Foundation": ("Fondation Littoral vivant", "Fundación Litorales Vivos", "مؤسسة السواحل الحية",
                                     "生机海岸基金会", "Фонд «Живые побережья»"),
    "French National Research Institute for Sustainable Development": (
        "Institut de recherche pour le développement",
        "Instituto Francés de Investigación para el Desarrollo Sostenible",
        "المعهد الفرنسي للبحث من أجل التنمية المستدامة", "法国可持续发展研究所",
        "Французский институт исследований в целях устойчивого развития"),
    "Forest Peoples' Alliance": ("Alliance des peuples des forêts", "Alianza de los Pueblos del Bosque",
                                 "تحالف شعوب الغابات", "森林民族联盟", "Альянс лесных народов"),
    "Youth Biodiversity Network": ("Réseau jeunesse pour la biodiversité", "Red Juvenil por la Biodiversidad",
                                   "شبكة الشباب من أجل التنوع البيولوجي", "青年生物多样性网络",
                                   "Молодёжная сеть за биоразнообразие"),
    "Planet Press Agency": ("Agence Planète Presse", "Agencia Planeta Prensa", "وكالة كوكب للصحافة", "星球新闻社",
                            "Агентство «Планета Пресс»"),
    "Great Green Wall Accelerator partners": (
        "Partenaires de l'Accélérateur de la Grande Muraille verte", "Socios del Acelerador de la Gran Muralla Verde",
        "شركاء مسرّع السور الأخضر العظيم", "绿色长城加速器伙伴", "Партнёры Акселератора Великой зелёной стены"),
    "Legacy Landscapes Fund": ("Fonds Legacy Landscapes", "Fondo Legacy Landscapes", "صندوق المناظر الطبيعية الموروثة",
                               "遗产景观基金", "Фонд «Наследие ландшафтов»"),
    "African Development Bank": ("Banque africaine de développement", "Banco Africano de Desarrollo",
                                 "مصرف التنمية الأفريقي", "非洲开发银行", "Африканский банк развития"),
    "United Nations Development Programme": (
        "Programme des Nations unies pour le développement", "Programa de las Naciones Unidas para el Desarrollo",
        "برنامج الأمم المتحدة الإنمائي", "联合国开发计划署", "Программа развития Организации Объединённых Наций"),

    # --- speakers' positions ---------------------------------------------------------------------
    "Minister for the Ecological Transition (demo)": (
        "Ministre de la Transition écologique (démo)", "Ministra para la Transición Ecológica (demo)",
        "وزيرة التحول البيئي (عرض تجريبي)", "生态转型部长（演示）", "Министр экологического перехода (демо)"),
    "Minister of Environment (demo)": ("Ministre de l'Environnement (démo)", "Ministro de Ambiente (demo)",
                                       "وزير البيئة (عرض تجريبي)", "环境部长（演示）", "Министр окружающей среды (демо)"),
    "Director, Ecosystems Division": ("Directrice de la Division des écosystèmes", "Directora de la División de Ecosistemas",
                                      "مديرة شعبة النظم الإيكولوجية", "生态系统司司长", "Директор Отдела экосистем"),
    "Programme Officer, Technical Cooperation": (
        "Chargée de programme, coopération technique", "Oficial de programas, cooperación técnica",
        "موظفة برامج، التعاون التقني", "技术合作方案干事", "Сотрудник по программам, техническое сотрудничество"),
    "Head of Environment Programme": ("Responsable du programme Environnement", "Responsable del Programa de Medio Ambiente",
                                      "رئيس برنامج البيئة", "环境方案负责人", "Руководитель программы по окружающей среде"),
    "Technical Director": ("Directeur technique", "Director técnico", "المدير التقني", "技术主任", "Технический директор"),
    "Global Director for Environment": ("Directrice mondiale de l'environnement", "Directora mundial de Medio Ambiente",
                                        "المديرة العالمية لشؤون البيئة", "全球环境总监",
                                        "Глобальный директор по окружающей среде"),
    "Head of Biodiversity Finance": ("Responsable de la finance biodiversité",
                                     "Responsable de financiación de la biodiversidad",
                                     "رئيس قسم تمويل التنوع البيولوجي", "生物多样性融资负责人",
                                     "Руководитель направления финансирования биоразнообразия"),
    "Chief Sustainability Officer": ("Directrice du développement durable", "Directora de Sostenibilidad",
                                     "المديرة المسؤولة عن الاستدامة", "首席可持续发展官", "Директор по устойчивому развитию"),
    "Landscape Partnerships Lead": ("Responsable des partenariats paysagers", "Responsable de alianzas territoriales",
                                    "مسؤول شراكات المناظر الطبيعية", "景观伙伴关系负责人",
                                    "Руководитель ландшафтных партнёрств"),
    "Executive Director": ("Directrice exécutive", "Directora ejecutiva", "المديرة التنفيذية", "执行主任",
                           "Исполнительный директор"),
    "Research Director, One Health": ("Directrice de recherche, Une seule santé",
                                      "Directora de investigación, Una sola salud", "مديرة البحوث، الصحة الواحدة",
                                      "“同一健康”研究主任", "Директор по исследованиям, «Единое здоровье»"),
    "Spokesperson": ("Porte-parole", "Portavoz", "المتحدث الرسمي", "发言人", "Официальный представитель"),
    "Youth Delegate": ("Déléguée jeunesse", "Delegada juvenil", "مندوبة الشباب", "青年代表", "Молодёжный делегат"),
    "Environment Editor": ("Rédacteur environnement", "Redactor de medio ambiente", "محرر شؤون البيئة", "环境版编辑",
                           "Редактор отдела окружающей среды"),
    "Epidemiologist": ("Épidémiologiste", "Epidemiólogo", "عالم أوبئة", "流行病学家", "Эпидемиолог"),
    "Data and Knowledge Officer": ("Chargée des données et des savoirs", "Oficial de datos y conocimientos",
                                   "موظفة البيانات والمعارف", "数据与知识干事", "Сотрудник по данным и знаниям"),

    # --- rooms -------------------------------------------------------------------------------------
    "Ground floor, east wing": ("Rez-de-chaussée, aile est", "Planta baja, ala este", "الطابق الأرضي، الجناح الشرقي",
                                "一层东翼", "Первый этаж, восточное крыло"),
    "Ground floor, west wing": ("Rez-de-chaussée, aile ouest", "Planta baja, ala oeste", "الطابق الأرضي، الجناح الغربي",
                                "一层西翼", "Первый этаж, западное крыло"),
    "First floor": ("Premier étage", "Primera planta", "الطابق الأول", "二层", "Второй этаж"),
    "Level 2": ("Niveau 2", "Nivel 2", "المستوى 2", "第2层", "Уровень 2"),
    "Level 3": ("Niveau 3", "Nivel 3", "المستوى 3", "第3层", "Уровень 3"),
    "Plenary Hall": ("Salle plénière", "Sala plenaria", "قاعة الجلسات العامة", "全体会议厅", "Пленарный зал"),
    "Breakout Room A": ("Salle de travail A", "Sala de trabajo A", "قاعة الاجتماعات الفرعية A", "分组会议室A",
                        "Зал для рабочих групп A"),

    # --- the Montréal workshop ----------------------------------------------------------------
    "The Secretariat of the Convention on Biological Diversity brings together 18 regional support centres, "
    "their scientific partners and the interim global coordination entity to finalise their 2025–2026 work "
    "plans and agree on shared performance and reporting criteria ahead of SBI 6 and COP 17.": (
        "Le Secrétariat de la Convention sur la diversité biologique réunit 18 centres d'appui régionaux, leurs "
        "partenaires scientifiques et l'entité de coordination mondiale intérimaire pour finaliser leurs plans "
        "de travail 2025-2026 et convenir de critères communs de performance et de rapportage avant le SBI 6 "
        "et la COP 17.",
        "La Secretaría del Convenio sobre la Diversidad Biológica reúne a 18 centros regionales de apoyo, a sus "
        "asociados científicos y a la entidad provisional de coordinación mundial para ultimar sus planes de "
        "trabajo 2025-2026 y acordar criterios comunes de desempeño y de presentación de informes antes del "
        "OSA 6 y la COP 17.",
        "تجمع أمانة اتفاقية التنوع البيولوجي 18 مركز دعم إقليمياً وشركاءها العلميين والكيان المؤقت للتنسيق "
        "العالمي، لوضع الصيغة النهائية لخطط عملها للفترة 2025-2026 والاتفاق على معايير مشتركة للأداء والإبلاغ "
        "قبل الاجتماع السادس للهيئة الفرعية للتنفيذ والاجتماع السابع عشر لمؤتمر الأطراف.",
        "《生物多样性公约》秘书处召集18个区域支持中心及其科学合作伙伴和临时全球协调机构，在附属履行机构"
        "第六次会议和缔约方大会第十七届会议之前，最终确定2025—2026年工作计划，并商定共同的绩效和报告标准。",
        "Секретариат Конвенции о биологическом разнообразии собирает 18 региональных центров поддержки, их "
        "научных партнёров и временный орган глобальной координации, чтобы завершить планы работы на "
        "2025–2026 годы и согласовать общие критерии эффективности и отчётности до ВОО-6 и КС-17."),
    "Biennial work plans 2025–2026": ("Plans de travail biennaux 2025-2026", "Planes de trabajo bienales 2025-2026",
                                      "خطط العمل لفترة السنتين 2025-2026", "2025—2026年两年期工作计划",
                                      "Двухгодичные планы работы на 2025–2026 годы"),
    "Each centre finalises its plan with its peers.": (
        "Chaque centre finalise son plan avec ses pairs.", "Cada centro ultima su plan con sus pares.",
        "يضع كل مركز الصيغة النهائية لخطته مع نظرائه.", "各中心与同行共同敲定各自的计划。",
        "Каждый центр дорабатывает свой план вместе с коллегами."),
    "Regional coordination": ("Coordination régionale", "Coordinación regional", "التنسيق الإقليمي", "区域协调",
                              "Региональная координация"),
    "How centres and the global coordination entity work together.": (
        "Comment les centres et l'entité de coordination mondiale travaillent ensemble.",
        "Cómo colaboran los centros y la entidad de coordinación mundial.",
        "كيف تعمل المراكز والكيان العالمي للتنسيق معاً.", "各中心与全球协调机构如何协同工作。",
        "Как центры и орган глобальной координации работают вместе."),
    "Data and knowledge": ("Données et savoirs", "Datos y conocimientos", "البيانات والمعارف", "数据与知识",
                           "Данные и знания"),
    "Mobilising data and integrating existing knowledge and tools.": (
        "Mobiliser les données et intégrer les savoirs et outils existants.",
        "Movilizar datos e integrar los conocimientos y herramientas existentes.",
        "حشد البيانات ودمج المعارف والأدوات القائمة.", "调动数据，整合现有知识和工具。",
        "Мобилизация данных и интеграция существующих знаний и инструментов."),
    "Resource mobilisation": ("Mobilisation des ressources", "Movilización de recursos", "حشد الموارد", "资源调动",
                              "Мобилизация ресурсов"),
    "Funding the centres' demand-driven support.": (
        "Financer l'appui des centres, fondé sur la demande.", "Financiar el apoyo de los centros, basado en la demanda.",
        "تمويل الدعم الذي تقدمه المراكز بناءً على الطلب.", "为各中心按需提供的支持筹措资金。",
        "Финансирование поддержки, которую центры оказывают по запросу."),
    "Welcome and objectives": ("Accueil et objectifs", "Bienvenida y objetivos", "الترحيب والأهداف", "欢迎致辞与会议目标",
                               "Приветствие и цели"),
    "Peer review of work plans": ("Revue par les pairs des plans de travail",
                                  "Revisión por pares de los planes de trabajo", "استعراض الأقران لخطط العمل",
                                  "工作计划同行评审", "Взаимный обзор планов работы"),
    "Governance and regional coordination": ("Gouvernance et coordination régionale",
                                             "Gobernanza y coordinación regional", "الحوكمة والتنسيق الإقليمي",
                                             "治理与区域协调", "Управление и региональная координация"),
    "Mobilising and using data": ("Mobiliser et exploiter les données", "Movilizar y utilizar los datos",
                                  "حشد البيانات واستخدامها", "调动和利用数据", "Мобилизация и использование данных"),
    "Resource mobilisation for the centres": ("Mobilisation des ressources pour les centres",
                                              "Movilización de recursos para los centros", "حشد الموارد للمراكز",
                                              "为各中心调动资源", "Мобилизация ресурсов для центров"),
    "Memorandum of understanding and closing": ("Protocole d'accord et clôture",
                                                "Memorando de entendimiento y clausura", "مذكرة التفاهم والاختتام",
                                                "签署谅解备忘录及闭幕", "Меморандум о взаимопонимании и закрытие"),
}

# A session's description, from its theme; a speaker's short biography, from position and organisation.
SESSION_DESCRIPTIONS = {
    "en": "Part of the {theme} track. Speakers present what they will do, with dates and figures, and take "
          "questions from the floor.",
    "fr": "Dans le parcours « {theme} ». Les intervenants présentent ce qu'ils feront, avec des dates et des "
          "chiffres, puis répondent aux questions de la salle.",
    "es": "Forma parte del eje «{theme}». Los oradores presentan lo que harán, con fechas y cifras, y responden "
          "a las preguntas del público.",
    "ar": "ضمن محور «{theme}». يعرض المتحدثون ما سيقومون به، بالتواريخ والأرقام، ويجيبون عن أسئلة الحضور.",
    "zh_hans": "属于“{theme}”专题。发言人介绍将采取的行动及其时间和数据，并回答现场提问。",
    "ru": "В рамках направления «{theme}». Докладчики рассказывают, что они сделают, с датами и цифрами, и "
          "отвечают на вопросы зала.",
}

BIOGRAPHIES = {
    "en": "{name} is {position} at {organisation}.",
    "fr": "{name} : {position}, {organisation}.",
    "es": "{name}: {position}, {organisation}.",
    "ar": "{name}: {position}، {organisation}.",
    "zh_hans": "{name}：{organisation}{position}。",
    "ru": "{name} — {position}, {organisation}.",
}


def translations(english, texts=None):
    """{code: text} of the other languages for an English text (proper names: the same text)."""
    if english in PROPER_NAMES:
        return dict.fromkeys(LANGS, english)
    found = (texts or TEXTS).get(english) or TEXTS.get(english)
    return dict(zip(LANGS, found)) if found else {}


def complete(obj, *fields, texts=None):
    """Fill ``<field>_<code>`` of every other language from the English text of ``obj``."""
    for field in fields:
        for code, text in translations(getattr(obj, f"{field}_en", None) or "", texts).items():
            setattr(obj, f"{field}_{code}", text)
    return obj
