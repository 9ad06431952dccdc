"""The global frameworks commitments align to, as a controlled vocabulary shipped with Plenary.

- Kunming-Montreal Global Biodiversity Framework (CBD decision 15/4, December 2022): goals A–D and
  targets 1–23, labelled with short titles after the CBD's own (https://www.cbd.int/gbf/).
- The 17 Sustainable Development Goals (UN General Assembly resolution 70/1) and their 169 targets
  (``sdg_targets.py``), each target under its goal (``parent``) and right after it in the order.

Labels are short paraphrases of the official titles, written for Plenary in its six languages
(en, fr, es, ar, zh-hans, ru); the official texts are in the frameworks' own documents.
Each row: (code, framework, level, number, {language: label}, order, parent code). ``sync()`` loads
them (run after every migrate, so changing this file and migrating updates the table).

Codes: GBF-A … GBF-D, GBF-T1 … GBF-T23, SDG-1 … SDG-17, SDG-1.1 … SDG-17.19 (SDG-14.a: the lettered
targets keep the UN's lower-case letter). ``CODE_PATTERN`` is the shape every door checks first.
"""

import re

from .sdg_targets import SDG_TARGETS

GBF, SDG = "gbf", "sdg"
GOAL, TARGET = "goal", "target"
CODE_PATTERN = r"^(GBF-([A-D]|T[0-9]{1,2})|SDG-[0-9]{1,2}(\.([0-9]{1,2}|[a-z]))?)$"
CODE_RE = re.compile(CODE_PATTERN)


def _l(en, fr, es, ar, zh, ru):
    return {"en": en, "fr": fr, "es": es, "ar": ar, "zh_hans": zh, "ru": ru}


GBF_GOALS = [
    ("A", _l("Ecosystems, species and genetic diversity protected and restored",
             "Écosystèmes, espèces et diversité génétique protégés et restaurés",
             "Ecosistemas, especies y diversidad genética protegidos y restaurados",
             "حماية النظم الإيكولوجية والأنواع والتنوع الجيني واستعادتها",
             "保护和恢复生态系统、物种和遗传多样性",
             "Экосистемы, виды и генетическое разнообразие сохранены и восстановлены")),
    ("B", _l("Biodiversity used sustainably and nature's contributions to people valued",
             "Biodiversité utilisée durablement et contributions de la nature aux populations valorisées",
             "Biodiversidad utilizada de forma sostenible y contribuciones de la naturaleza valoradas",
             "استخدام التنوع البيولوجي على نحو مستدام وتقدير مساهمات الطبيعة للناس",
             "可持续利用生物多样性，重视自然对人类的贡献",
             "Устойчивое использование биоразнообразия и ценность вклада природы в жизнь людей")),
    ("C", _l("Benefits from genetic resources shared fairly and equitably",
             "Avantages tirés des ressources génétiques partagés de manière juste et équitable",
             "Beneficios de los recursos genéticos compartidos de forma justa y equitativa",
             "تقاسم المنافع الناشئة عن الموارد الجينية بشكل عادل ومنصف",
             "公正公平地分享遗传资源所产生的惠益",
             "Справедливое и равноправное распределение выгод от генетических ресурсов")),
    ("D", _l("Means of implementation secured for all Parties: finance, capacity and technology",
             "Moyens de mise en œuvre garantis pour toutes les Parties : financement, capacités et technologies",
             "Medios de implementación garantizados para todas las Partes: financiación, capacidad y tecnología",
             "تأمين وسائل التنفيذ لجميع الأطراف: التمويل وبناء القدرات والتكنولوجيا",
             "确保所有缔约方获得执行手段：资金、能力和技术",
             "Средства осуществления для всех Сторон: финансы, потенциал и технологии")),
]

GBF_TARGETS = [
    ("1", _l("Plan and manage all areas to reduce biodiversity loss",
             "Planifier et gérer tous les espaces pour réduire la perte de biodiversité",
             "Planificar y gestionar todas las zonas para reducir la pérdida de biodiversidad",
             "تخطيط جميع المناطق وإدارتها للحد من فقدان التنوع البيولوجي",
             "规划和管理所有区域以减少生物多样性丧失",
             "Планировать и управлять всеми территориями, чтобы сократить утрату биоразнообразия")),
    ("2", _l("Restore 30% of degraded ecosystems",
             "Restaurer 30 % des écosystèmes dégradés",
             "Restaurar el 30 % de los ecosistemas degradados",
             "استعادة 30٪ من النظم الإيكولوجية المتدهورة",
             "恢复30%的退化生态系统",
             "Восстановить 30% деградировавших экосистем")),
    ("3", _l("Conserve 30% of land, waters and seas",
             "Conserver 30 % des terres, des eaux et des mers",
             "Conservar el 30 % de las tierras, las aguas y los mares",
             "حفظ 30٪ من اليابسة والمياه والبحار",
             "保护30%的陆地、水域和海洋",
             "Сохранить 30% суши, вод и морей")),
    ("4", _l("Halt species extinction, protect genetic diversity and manage human-wildlife conflict",
             "Enrayer l’extinction des espèces, protéger la diversité génétique et gérer les conflits entre humains et faune",
             "Detener la extinción de especies, proteger la diversidad genética y gestionar los conflictos entre personas y fauna",
             "وقف انقراض الأنواع وحماية التنوع الجيني وإدارة النزاعات بين الإنسان والحياة البرية",
             "制止物种灭绝，保护遗传多样性，管理人与野生动物冲突",
             "Остановить вымирание видов, сохранить генетическое разнообразие и регулировать конфликты человека и дикой природы")),
    ("5", _l("Ensure sustainable, safe and legal harvesting and trade of wild species",
             "Assurer une exploitation et un commerce durables, sûrs et légaux des espèces sauvages",
             "Garantizar un aprovechamiento y un comercio sostenibles, seguros y legales de las especies silvestres",
             "ضمان أن يكون حصاد الأنواع البرية والاتجار بها مستدامًا وآمنًا وقانونيًا",
             "确保野生物种的捕捞和贸易可持续、安全且合法",
             "Обеспечить устойчивую, безопасную и законную добычу диких видов и торговлю ими")),
    ("6", _l("Reduce the introduction of invasive alien species by 50% and minimise their impact",
             "Réduire de 50 % l’introduction d’espèces exotiques envahissantes et limiter leurs effets",
             "Reducir un 50 % la introducción de especies exóticas invasoras y minimizar su impacto",
             "خفض إدخال الأنواع الغريبة الغازية بنسبة 50٪ والحد من آثارها",
             "将外来入侵物种的引入减少50%并尽量减少其影响",
             "Сократить на 50% занос инвазивных чужеродных видов и свести к минимуму их воздействие")),
    ("7", _l("Reduce pollution to levels that are not harmful to biodiversity",
             "Réduire la pollution à des niveaux sans danger pour la biodiversité",
             "Reducir la contaminación a niveles que no sean perjudiciales para la biodiversidad",
             "خفض التلوث إلى مستويات غير ضارة بالتنوع البيولوجي",
             "将污染降低到不损害生物多样性的水平",
             "Снизить загрязнение до уровней, безвредных для биоразнообразия")),
    ("8", _l("Minimise the impacts of climate change on biodiversity and build resilience",
             "Réduire au minimum les effets des changements climatiques sur la biodiversité et renforcer la résilience",
             "Minimizar los efectos del cambio climático en la biodiversidad y aumentar la resiliencia",
             "التقليل إلى أدنى حد من آثار تغير المناخ على التنوع البيولوجي وبناء القدرة على الصمود",
             "尽量减少气候变化对生物多样性的影响并增强韧性",
             "Свести к минимуму воздействие изменения климата на биоразнообразие и повысить устойчивость")),
    ("9", _l("Manage wild species sustainably to benefit people",
             "Gérer durablement les espèces sauvages au bénéfice des populations",
             "Gestionar de forma sostenible las especies silvestres en beneficio de las personas",
             "إدارة الأنواع البرية على نحو مستدام لفائدة الناس",
             "可持续管理野生物种，造福人类",
             "Устойчиво управлять дикими видами на благо людей")),
    ("10", _l("Sustainable agriculture, aquaculture, fisheries and forestry",
              "Agriculture, aquaculture, pêche et foresterie durables",
              "Agricultura, acuicultura, pesca y silvicultura sostenibles",
              "الزراعة وتربية الأحياء المائية ومصايد الأسماك والحراجة المستدامة",
              "可持续的农业、水产养殖、渔业和林业",
              "Устойчивое сельское хозяйство, аквакультура, рыболовство и лесное хозяйство")),
    ("11", _l("Restore, maintain and enhance nature's contributions to people",
              "Restaurer, maintenir et renforcer les contributions de la nature aux populations",
              "Restaurar, mantener y mejorar las contribuciones de la naturaleza a las personas",
              "استعادة مساهمات الطبيعة للناس والحفاظ عليها وتعزيزها",
              "恢复、维持和增强自然对人类的贡献",
              "Восстановить, сохранить и усилить вклад природы в жизнь людей")),
    ("12", _l("Green and blue spaces in cities for people and biodiversity",
              "Espaces verts et bleus en ville pour les habitants et la biodiversité",
              "Espacios verdes y azules en las ciudades para las personas y la biodiversidad",
              "المساحات الخضراء والزرقاء في المدن لصالح الناس والتنوع البيولوجي",
              "城市绿色和蓝色空间，惠及人类和生物多样性",
              "Зелёные и голубые пространства в городах для людей и биоразнообразия")),
    ("13", _l("Share the benefits of genetic resources, digital sequence information and traditional knowledge",
              "Partager les avantages des ressources génétiques, de l’information de séquençage numérique et des savoirs traditionnels",
              "Compartir los beneficios de los recursos genéticos, la información digital sobre secuencias y los conocimientos tradicionales",
              "تقاسم منافع الموارد الجينية ومعلومات التسلسل الرقمي والمعارف التقليدية",
              "分享遗传资源、数字序列信息和传统知识的惠益",
              "Распределять выгоды от генетических ресурсов, цифровой информации о последовательностях и традиционных знаний")),
    ("14", _l("Integrate biodiversity in decision-making at every level",
              "Intégrer la biodiversité dans les décisions à tous les niveaux",
              "Integrar la biodiversidad en la toma de decisiones a todos los niveles",
              "إدماج التنوع البيولوجي في صنع القرار على جميع المستويات",
              "将生物多样性纳入各级决策",
              "Учитывать биоразнообразие при принятии решений на всех уровнях")),
    ("15", _l("Businesses assess, disclose and reduce biodiversity-related risks and impacts",
              "Les entreprises évaluent, publient et réduisent leurs risques et impacts sur la biodiversité",
              "Las empresas evalúan, divulgan y reducen sus riesgos e impactos en la biodiversidad",
              "تقييم الشركات للمخاطر والآثار المتعلقة بالتنوع البيولوجي والإفصاح عنها والحد منها",
              "企业评估、披露并减少与生物多样性相关的风险和影响",
              "Компании оценивают, раскрывают и снижают риски и воздействие на биоразнообразие")),
    ("16", _l("Sustainable consumption: less waste and overconsumption",
              "Consommation durable : moins de gaspillage et de surconsommation",
              "Consumo sostenible: menos desperdicio y consumo excesivo",
              "الاستهلاك المستدام: تقليل الهدر والإفراط في الاستهلاك",
              "可持续消费：减少浪费和过度消费",
              "Устойчивое потребление: меньше отходов и чрезмерного потребления")),
    ("17", _l("Strengthen biosafety and share the benefits of biotechnology",
              "Renforcer la biosécurité et partager les avantages des biotechnologies",
              "Reforzar la seguridad de la biotecnología y compartir sus beneficios",
              "تعزيز السلامة الأحيائية وتقاسم منافع التكنولوجيا الحيوية",
              "加强生物安全，分享生物技术惠益",
              "Укрепить биобезопасность и распределять выгоды от биотехнологий")),
    ("18", _l("Reduce harmful incentives by at least $500 billion a year and scale up positive ones",
              "Réduire les incitations néfastes d’au moins 500 milliards de dollars par an et développer les incitations positives",
              "Reducir los incentivos perjudiciales en al menos 500 000 millones de dólares al año y ampliar los positivos",
              "خفض الحوافز الضارة بما لا يقل عن 500 مليار دولار سنويًا وزيادة الحوافز الإيجابية",
              "每年减少至少5000亿美元的有害激励措施，扩大积极激励措施",
              "Сократить вредные стимулы не менее чем на 500 млрд долларов в год и расширить позитивные")),
    ("19", _l("Mobilise $200 billion a year for biodiversity from all sources",
              "Mobiliser 200 milliards de dollars par an pour la biodiversité, toutes sources confondues",
              "Movilizar 200 000 millones de dólares al año para la biodiversidad de todas las fuentes",
              "حشد 200 مليار دولار سنويًا للتنوع البيولوجي من جميع المصادر",
              "每年从各种来源为生物多样性筹集2000亿美元",
              "Мобилизовать 200 млрд долларов в год на биоразнообразие из всех источников")),
    ("20", _l("Strengthen capacity-building, technology transfer and scientific cooperation",
              "Renforcer les capacités, le transfert de technologies et la coopération scientifique",
              "Reforzar la creación de capacidad, la transferencia de tecnología y la cooperación científica",
              "تعزيز بناء القدرات ونقل التكنولوجيا والتعاون العلمي",
              "加强能力建设、技术转让和科学合作",
              "Укреплять потенциал, передачу технологий и научное сотрудничество")),
    ("21", _l("Make knowledge available and accessible to guide biodiversity action",
              "Rendre les connaissances disponibles et accessibles pour guider l’action en faveur de la biodiversité",
              "Poner el conocimiento a disposición de todos para orientar la acción por la biodiversidad",
              "إتاحة المعارف وتيسير الوصول إليها لتوجيه العمل من أجل التنوع البيولوجي",
              "确保知识可获取，以指导生物多样性行动",
              "Обеспечить доступность знаний для действий по сохранению биоразнообразия")),
    ("22", _l("Participation, justice and information on biodiversity for all",
              "Participation, justice et information sur la biodiversité pour tous",
              "Participación, justicia e información sobre la biodiversidad para todos",
              "المشاركة والعدالة والمعلومات المتعلقة بالتنوع البيولوجي للجميع",
              "人人享有生物多样性相关的参与、司法和信息",
              "Участие, правосудие и информация о биоразнообразии для всех")),
    ("23", _l("Gender equality and a gender-responsive approach to biodiversity action",
              "Égalité des genres et approche tenant compte du genre dans l’action pour la biodiversité",
              "Igualdad de género y un enfoque con perspectiva de género en la acción por la biodiversidad",
              "المساواة بين الجنسين ونهج مراعٍ للمنظور الجنساني في العمل من أجل التنوع البيولوجي",
              "性别平等和对性别问题有敏感认识的生物多样性行动",
              "Гендерное равенство и учёт гендерных аспектов в действиях по сохранению биоразнообразия")),
]

SDG_GOALS = [
    ("1", _l("No poverty", "Pas de pauvreté", "Fin de la pobreza", "القضاء على الفقر", "无贫穷", "Ликвидация нищеты")),
    ("2", _l("Zero hunger", "Faim « zéro »", "Hambre cero", "القضاء التام على الجوع", "零饥饿", "Ликвидация голода")),
    ("3", _l("Good health and well-being", "Bonne santé et bien-être", "Salud y bienestar", "الصحة الجيدة والرفاه",
             "良好健康与福祉", "Хорошее здоровье и благополучие")),
    ("4", _l("Quality education", "Éducation de qualité", "Educación de calidad", "التعليم الجيد", "优质教育",
             "Качественное образование")),
    ("5", _l("Gender equality", "Égalité entre les sexes", "Igualdad de género", "المساواة بين الجنسين", "性别平等",
             "Гендерное равенство")),
    ("6", _l("Clean water and sanitation", "Eau propre et assainissement", "Agua limpia y saneamiento",
             "المياه النظيفة والنظافة الصحية", "清洁饮水和卫生设施", "Чистая вода и санитария")),
    ("7", _l("Affordable and clean energy", "Énergie propre et d’un coût abordable", "Energía asequible y no contaminante",
             "طاقة نظيفة وبأسعار معقولة", "经济适用的清洁能源", "Недорогостоящая и чистая энергия")),
    ("8", _l("Decent work and economic growth", "Travail décent et croissance économique",
             "Trabajo decente y crecimiento económico", "العمل اللائق ونمو الاقتصاد", "体面工作和经济增长",
             "Достойная работа и экономический рост")),
    ("9", _l("Industry, innovation and infrastructure", "Industrie, innovation et infrastructure",
             "Industria, innovación e infraestructura", "الصناعة والابتكار والهياكل الأساسية", "产业、创新和基础设施",
             "Индустриализация, инновации и инфраструктура")),
    ("10", _l("Reduced inequalities", "Inégalités réduites", "Reducción de las desigualdades", "الحد من أوجه عدم المساواة",
              "减少不平等", "Уменьшение неравенства")),
    ("11", _l("Sustainable cities and communities", "Villes et communautés durables", "Ciudades y comunidades sostenibles",
              "مدن ومجتمعات محلية مستدامة", "可持续城市和社区", "Устойчивые города и населённые пункты")),
    ("12", _l("Responsible consumption and production", "Consommation et production responsables",
              "Producción y consumo responsables", "الاستهلاك والإنتاج المسؤولان", "负责任消费和生产",
              "Ответственное потребление и производство")),
    ("13", _l("Climate action", "Mesures relatives à la lutte contre les changements climatiques", "Acción por el clima",
              "العمل المناخي", "气候行动", "Борьба с изменением климата")),
    ("14", _l("Life below water", "Vie aquatique", "Vida submarina", "الحياة تحت الماء", "水下生物",
              "Сохранение морских экосистем")),
    ("15", _l("Life on land", "Vie terrestre", "Vida de ecosistemas terrestres", "الحياة في البر", "陆地生物",
              "Сохранение экосистем суши")),
    ("16", _l("Peace, justice and strong institutions", "Paix, justice et institutions efficaces",
              "Paz, justicia e instituciones sólidas", "السلام والعدل والمؤسسات القوية", "和平、正义与强大机构",
              "Мир, правосудие и эффективные институты")),
    ("17", _l("Partnerships for the goals", "Partenariats pour la réalisation des objectifs", "Alianzas para lograr los objetivos",
              "عقد الشراكات لتحقيق الأهداف", "促进目标实现的伙伴关系", "Партнёрство в интересах устойчивого развития")),
]


def rows():
    """Every entry in display order: (code, framework, level, number, labels, sort_order, parent code).
    An SDG goal is followed by its targets (1.1 < 1.2 < 1.a < 2 < 2.1 …, 17.9 < 17.10: the UN's order)."""
    order = 0
    for framework, level, entries, prefix in ((GBF, GOAL, GBF_GOALS, "GBF-"), (GBF, TARGET, GBF_TARGETS, "GBF-T")):
        for number, labels in entries:
            order += 1
            yield prefix + number, framework, level, number, labels, order, None
    for number, labels in SDG_GOALS:
        order += 1
        yield f"SDG-{number}", SDG, GOAL, number, labels, order, None
        for target_number, target_labels in SDG_TARGETS[number]:
            order += 1
            yield f"SDG-{target_number}", SDG, TARGET, target_number, target_labels, order, f"SDG-{number}"


def sync(using="default"):
    """Create or update every entry of the vocabulary (idempotent: one query when nothing changed, as
    after most migrates and every test flush). Returns the number of entries."""
    from ..models import FrameworkTarget

    manager = FrameworkTarget.objects.using(using)
    existing = {t.code: t for t in manager.all()}
    entries = list(rows())
    # After a flush (every transactional test) the table is empty: create it in one statement.
    missing = [FrameworkTarget(code=code, label=labels["en"], framework=framework, level=level, number=number,
                               sort_order=order, **{f"label_{lang}": text for lang, text in labels.items()})
               for code, framework, level, number, labels, order, _parent in entries if code not in existing]
    if missing:
        manager.bulk_create(missing)
        existing = {t.code: t for t in manager.all()}
    changed_targets, changed_fields = [], set()
    for code, framework, level, number, labels, order, parent in entries:
        values = {"framework": framework, "level": level, "number": number, "sort_order": order,
                  "parent_id": existing[parent].pk if parent else None,
                  **{f"label_{lang}": text for lang, text in labels.items()}}
        target = existing[code]
        changed = [field for field, value in values.items() if getattr(target, field) != value]
        if changed:
            for field in changed:
                setattr(target, field, values[field])
            changed_targets.append(target)
            changed_fields.update(changed)
    if changed_targets:
        manager.bulk_update(changed_targets, sorted(changed_fields))
    count = len(entries)
    return count
