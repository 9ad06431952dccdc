"""Demo summits: the One Planet Summit for Biodiversity (Paris, 11 January 2021) and the
Montréal workshop on technical and scientific cooperation (13–15 January 2026).

Facts (dates, places, co-organisers, the four themes) come from the seed documents; the wording
is ours. Loading is idempotent: records are matched on natural keys and updated in place.
People named here are fictional; organisations are the institutions the seeds mention plus a few
invented ones so every kind of organisation is represented.
"""

import datetime as dt
import zoneinfo

from django.utils import timezone

from .demo_texts import BIOGRAPHIES, SESSION_DESCRIPTIONS, complete
from .models import Organisation, Room, Session, SessionSpeaker, Speaker, Summit, Theme

LANGS = ("en", "fr", "es", "ar", "zh_hans", "ru")


def tr(field, values):
    """{'title_en': …, 'title_fr': …} from a tuple in LANGS order (missing languages left empty)."""
    return {f"{field}_{code}": (values[i] if i < len(values) else None) or None for i, code in enumerate(LANGS)}


ORGANISATIONS = [
    # (key, English name, French name, acronym, kind, country, website)
    ("france", "Government of France", "Gouvernement de la République française", "", "government", "FR",
     "https://www.gouvernement.fr"),
    ("costa-rica", "Government of Costa Rica", "Gouvernement du Costa Rica", "", "government", "CR", ""),
    ("unep", "United Nations Environment Programme", "Programme des Nations unies pour l'environnement", "UNEP", "un",
     "KE", "https://www.unep.org"),
    ("scbd", "Secretariat of the Convention on Biological Diversity",
     "Secrétariat de la Convention sur la diversité biologique", "SCBD", "un", "CA", "https://www.cbd.int"),
    ("oss", "Sahara and Sahel Observatory", "Observatoire du Sahara et du Sahel", "OSS", "igo", "TN",
     "https://www.oss-online.org"),
    ("pagggw", "Pan-African Agency of the Great Green Wall", "Agence panafricaine de la Grande Muraille Verte",
     "APGMV", "igo", "MR", ""),
    ("world-bank", "World Bank", "Banque mondiale", "WB", "finance", "US", "https://www.worldbank.org"),
    ("afd", "French Development Agency", "Agence française de développement", "AFD", "finance", "FR",
     "https://www.afd.fr"),
    ("verdant", "Verdant Supply Group", "Groupe Verdant Supply", "", "business", "NL", ""),
    ("ecoagri", "EcoAgriculture Partners", "EcoAgriculture Partners", "", "ngo", "US", "https://ecoagriculture.org"),
    ("littoral", "Living Coastlines Foundation", "Fondation Littoral vivant", "", "foundation", "FR", ""),
    ("ird", "French National Research Institute for Sustainable Development",
     "Institut de recherche pour le développement", "IRD", "academia", "FR", "https://www.ird.fr"),
    ("forest-peoples", "Forest Peoples' Alliance", "Alliance des peuples des forêts", "", "iplc", "BR", ""),
    ("youth-net", "Youth Biodiversity Network", "Réseau jeunesse pour la biodiversité", "YBN", "youth", "ZA", ""),
    ("planet-press", "Planet Press Agency", "Agence Planète Presse", "", "media", "BE", ""),
]

SPEAKERS = [
    # (key, honorific, given, family, org key, country, position en, position fr)
    ("moreau", "H.E.", "Claire", "Moreau", "france", "FR", "Minister for the Ecological Transition (demo)",
     "Ministre de la Transition écologique (démo)"),
    ("alvarado", "H.E.", "Jorge", "Alvarado", "costa-rica", "CR", "Minister of Environment (demo)",
     "Ministre de l'Environnement (démo)"),
    ("njoroge", "Dr", "Wanjiru", "Njoroge", "unep", "KE", "Director, Ecosystems Division",
     "Directrice de la Division des écosystèmes"),
    ("tremblay", "Ms", "Isabelle", "Tremblay", "scbd", "CA", "Programme Officer, Technical Cooperation",
     "Chargée de programme, coopération technique"),
    ("benali", "Mr", "Karim", "Benali", "oss", "TN", "Head of Environment Programme",
     "Responsable du programme Environnement"),
    ("diallo", "Mr", "Amadou", "Diallo", "pagggw", "SN", "Technical Director", "Directeur technique"),
    ("hughes", "Ms", "Rebecca", "Hughes", "world-bank", "US", "Global Director for Environment",
     "Directrice mondiale de l'environnement"),
    ("lefevre", "Mr", "Antoine", "Lefèvre", "afd", "FR", "Head of Biodiversity Finance",
     "Responsable de la finance biodiversité"),
    ("vandijk", "Ms", "Sanne", "van Dijk", "verdant", "NL", "Chief Sustainability Officer",
     "Directrice du développement durable"),
    ("okafor", "Dr", "Chidi", "Okafor", "ecoagri", "NG", "Landscape Partnerships Lead",
     "Responsable des partenariats paysagers"),
    ("marchetti", "Ms", "Giulia", "Marchetti", "littoral", "IT", "Executive Director", "Directrice exécutive"),
    ("roux", "Prof.", "Hélène", "Roux", "ird", "FR", "Research Director, One Health", "Directrice de recherche, Une seule santé"),
    ("yawanawa", "Mr", "Tashka", "Rocha", "forest-peoples", "BR", "Spokesperson", "Porte-parole"),
    ("mokoena", "Ms", "Lerato", "Mokoena", "youth-net", "ZA", "Youth Delegate", "Déléguée jeunesse"),
    ("dubois", "Mr", "Marc", "Dubois", "planet-press", "BE", "Environment Editor", "Rédacteur environnement"),
    ("nguyen", "Dr", "Minh", "Nguyen", "ird", "VN", "Epidemiologist", "Épidémiologiste"),
    ("santos", "Ms", "Ana", "Santos", "scbd", "BR", "Data and Knowledge Officer", "Chargée des données et des savoirs"),
]

OPS = {
    "slug": "one-planet-biodiversity",
    "title": ("One Planet Summit for Biodiversity", "One Planet Summit pour la biodiversité",
              "Cumbre One Planet por la Biodiversidad", "قمة كوكب واحد من أجل التنوع البيولوجي",
              "“一个星球”生物多样性峰会", "Саммит «Одна планета» по биоразнообразию"),
    "tagline": ("Raising the ambition for nature on the road to COP15",
                "Relever l'ambition pour la nature sur la route de la COP15",
                "Elevar la ambición por la naturaleza rumbo a la COP15",
                "رفع سقف الطموح من أجل الطبيعة في الطريق إلى COP15",
                "在迈向 COP15 的道路上提升自然保护雄心",
                "Повышаем амбиции в защите природы на пути к КС-15"),
    "description": (
        "France, the United Nations and the World Bank bring heads of state and government, international "
        "organisations, financial institutions, businesses and NGOs together in Paris. Each participant comes "
        "with concrete commitments to protect and restore biodiversity, ahead of the negotiations in Kunming.",
        "La France, les Nations unies et la Banque mondiale réunissent à Paris chefs d'État et de gouvernement, "
        "organisations internationales, institutions financières, entreprises et ONG. Chacun vient avec des "
        "engagements concrets pour protéger et restaurer la biodiversité, avant les négociations de Kunming.",
        "Francia, las Naciones Unidas y el Banco Mundial reúnen en París a jefes de Estado y de Gobierno, "
        "organizaciones internacionales, instituciones financieras, empresas y ONG, con compromisos concretos "
        "para proteger y restaurar la biodiversidad antes de las negociaciones de Kunming.",
        "تجمع فرنسا والأمم المتحدة والبنك الدولي في باريس رؤساء الدول والحكومات والمنظمات الدولية والمؤسسات "
        "المالية والشركات والمنظمات غير الحكومية، ويأتي كل مشارك بالتزامات ملموسة لحماية التنوع البيولوجي "
        "واستعادته قبل مفاوضات كونمينغ.",
        "法国、联合国和世界银行在巴黎召集各国元首和政府首脑、国际组织、金融机构、企业和非政府组织，"
        "每位参与者都带来保护和恢复生物多样性的具体承诺，为昆明谈判做准备。",
        "Франция, ООН и Всемирный банк собирают в Париже глав государств и правительств, международные "
        "организации, финансовые институты, компании и НКО. Каждый участник приходит с конкретными "
        "обязательствами по защите и восстановлению биоразнообразия накануне переговоров в Куньмине.",
    ),
    "city": ("Paris", "Paris", "París", "باريس", "巴黎", "Париж"),
    "venue": ("Palais de l'Élysée and online", "Palais de l'Élysée et en ligne", "Palacio del Elíseo y en línea",
              "قصر الإليزيه وعبر الإنترنت", "爱丽舍宫及线上", "Елисейский дворец и онлайн"),
    "start_date": dt.date(2021, 1, 11),
    "end_date": dt.date(2021, 1, 11),
    "timezone": "Europe/Paris",
    "country": "FR",
    "languages": ["en", "fr", "es", "ar", "zh-hans", "ru"],
    # The demo keeps this (2021) summit open for registration so every participant flow can be
    # tried on it, and keeps its participants' data for ten years so the nightly retention job
    # does not anonymise the demo registrations.
    "status": "open",
    "colour": "#1B6E3A",
    "capacity": 600,
    "retention_days": 3650,
    "signatory_name": "Claire Moreau",
    "contact_email": "secretariat@one-planet-summit.example.org",
    "signatory_title": "Head of the Summit Secretariat (demo)",
    "co_organisers": ["france", "unep", "world-bank"],
}

OPS_THEMES = [
    ("ecosystems", "#1565C0",
     ("Protecting terrestrial and marine ecosystems", "Protéger les écosystèmes terrestres et marins",
      "Proteger los ecosistemas terrestres y marinos", "حماية النظم الإيكولوجية البرية والبحرية",
      "保护陆地和海洋生态系统", "Защита наземных и морских экосистем"),
     ("Protected areas and the species that live in them are a pillar of any plan to halt and reverse the "
      "loss of biodiversity.",
      "Les aires protégées et les espèces qui y vivent sont un pilier de tout plan visant à enrayer puis "
      "inverser la perte de biodiversité.",
      "Las áreas protegidas y las especies que las habitan son un pilar de todo plan para detener e invertir "
      "la pérdida de biodiversidad.",
      "تشكل المناطق المحمية والأنواع التي تعيش فيها ركيزة لأي خطة لوقف فقدان التنوع البيولوجي وعكس اتجاهه.",
      "保护区及其中生活的物种是任何遏制并扭转生物多样性丧失计划的支柱。",
      "Охраняемые территории и обитающие в них виды — опора любого плана по остановке и обращению вспять "
      "утраты биоразнообразия.")),
    ("agroecology", "#8D6E00",
     ("Agro-ecology and the Great Green Wall", "L'agroécologie et la Grande Muraille verte",
      "La agroecología y la Gran Muralla Verde", "الزراعة الإيكولوجية والسور الأخضر العظيم",
      "农业生态与绿色长城", "Агроэкология и Великая зелёная стена"),
     ("Farming that works with nature cuts pollution, creates jobs and feeds people; the summit speeds up "
      "the Great Green Wall across the Sahara and the Sahel.",
      "Une agriculture qui s'appuie sur la nature réduit la pollution, crée des emplois et nourrit les "
      "populations ; le sommet accélère la Grande Muraille verte au Sahara et au Sahel.",
      "Una agricultura que trabaja con la naturaleza reduce la contaminación, crea empleo y alimenta a la "
      "población; la cumbre acelera la Gran Muralla Verde en el Sáhara y el Sahel.",
      "الزراعة التي تعمل مع الطبيعة تقلل التلوث وتخلق فرص العمل وتطعم الناس؛ وتسرّع القمة إنجاز السور "
      "الأخضر العظيم في الصحراء والساحل.",
      "顺应自然的农业减少污染、创造就业并保障粮食；峰会将加快撒哈拉和萨赫勒地区绿色长城的建设。",
      "Сельское хозяйство в согласии с природой снижает загрязнение, создаёт рабочие места и кормит людей; "
      "саммит ускоряет создание Великой зелёной стены в Сахаре и Сахеле.")),
    ("finance", "#6A1B9A",
     ("Financing for biodiversity", "Financer la biodiversité", "Financiación de la biodiversidad",
      "تمويل التنوع البيولوجي", "生物多样性融资", "Финансирование биоразнообразия"),
     ("New and innovative funding, and public and private investment steered towards protecting, managing "
      "and restoring ecosystems.",
      "Des financements nouveaux et innovants, et des investissements publics et privés orientés vers la "
      "protection, la gestion et la restauration des écosystèmes.",
      "Financiación nueva e innovadora, e inversión pública y privada orientada a proteger, gestionar y "
      "restaurar los ecosistemas.",
      "تمويل جديد ومبتكر، واستثمارات عامة وخاصة موجهة نحو حماية النظم الإيكولوجية وإدارتها واستعادتها.",
      "新的创新型资金，以及引导公共和私人投资用于保护、管理和恢复生态系统。",
      "Новое и инновационное финансирование, государственные и частные инвестиции в охрану, управление и "
      "восстановление экосистем.")),
    ("health", "#C62828",
     ("Deforestation, species and human health", "Déforestation, espèces et santé humaine",
      "Deforestación, especies y salud humana", "إزالة الغابات والأنواع وصحة الإنسان",
      "毁林、物种与人类健康", "Обезлесение, виды и здоровье человека"),
     ("Fighting deforestation and reducing risky contact with wild species to prevent the next pandemic.",
      "Lutter contre la déforestation et réduire les contacts à risque avec les espèces sauvages pour "
      "prévenir la prochaine pandémie.",
      "Luchar contra la deforestación y reducir el contacto de riesgo con especies silvestres para prevenir "
      "la próxima pandemia.",
      "مكافحة إزالة الغابات والحد من الاحتكاك الخطر بالأنواع البرية للوقاية من الجائحة القادمة.",
      "打击毁林并减少与野生物种的高风险接触，以预防下一次大流行。",
      "Борьба с обезлесением и снижение рискованных контактов с дикими видами ради предотвращения следующей "
      "пандемии.")),
]

OPS_ROOMS = [
    ("Grand Auditorium", ("Grand Auditorium", "Gran Auditorio", "القاعة الكبرى", "大礼堂", "Большой зал"), 400,
     "Ground floor, east wing"),
    ("Seine Room", ("Salle Seine", "Sala Sena", "قاعة السين", "塞纳厅", "Зал «Сена»"), 120, "First floor"),
    ("Lumière Room", ("Salle Lumière", "Sala Lumière", "قاعة لوميير", "光明厅", "Зал «Люмьер»"), 80, "First floor"),
    ("Press Room", ("Salle de presse", "Sala de prensa", "قاعة الصحافة", "新闻发布厅", "Пресс-центр"), 60,
     "Ground floor, west wing"),
]

# (slug, kind, theme, room, start HH:MM, end HH:MM, titles in LANGS, capacity, speakers [(key, role)])
OPS_SESSIONS = [
    ("opening", "opening", None, "Grand Auditorium", "09:00", "09:45",
     ("Opening of the summit", "Ouverture du sommet", "Apertura de la cumbre", "افتتاح القمة", "峰会开幕",
      "Открытие саммита"), None, [("moreau", "chair"), ("njoroge", "speaker"), ("hughes", "speaker")]),
    ("ecosystems-panel", "panel", "ecosystems", "Grand Auditorium", "10:00", "11:00",
     ("Protected areas for 30% of the planet", "Des aires protégées pour 30 % de la planète",
      "Áreas protegidas para el 30 % del planeta", "مناطق محمية لـ30% من الكوكب", "为地球 30% 的面积建立保护区",
      "Охраняемые территории для 30 % планеты"), None,
     [("alvarado", "chair"), ("njoroge", "panellist"), ("yawanawa", "panellist"), ("marchetti", "panellist")]),
    ("ocean-roundtable", "roundtable", "ecosystems", "Seine Room", "10:00", "11:00",
     ("Roundtable: marine protected areas that work", "Table ronde : des aires marines protégées efficaces",
      "Mesa redonda: áreas marinas protegidas eficaces", "مائدة مستديرة: مناطق بحرية محمية فعالة",
      "圆桌会议：行之有效的海洋保护区", "Круглый стол: эффективные морские охраняемые районы"), 100,
     [("mokoena", "moderator"), ("vandijk", "speaker")]),
    ("indigenous-stewardship", "side_event", "ecosystems", "Lumière Room", "10:00", "11:00",
     ("Indigenous stewardship of forests", "La gestion autochtone des forêts", "La gestión indígena de los bosques",
      "إدارة الشعوب الأصلية للغابات", "原住民对森林的守护", "Управление лесами коренными народами"), 60,
     [("okafor", "moderator"), ("santos", "speaker")]),
    ("great-green-wall", "panel", "agroecology", "Grand Auditorium", "11:15", "12:15",
     ("Accelerating the Great Green Wall", "Accélérer la Grande Muraille verte", "Acelerar la Gran Muralla Verde",
      "تسريع إنجاز السور الأخضر العظيم", "加快绿色长城建设", "Ускорение Великой зелёной стены"), None,
     [("diallo", "chair"), ("benali", "panellist"), ("hughes", "panellist"), ("lefevre", "panellist")]),
    ("agroecology-roundtable", "roundtable", "agroecology", "Seine Room", "11:15", "12:15",
     ("Roundtable: agro-ecology, jobs and food security",
      "Table ronde : agroécologie, emploi et sécurité alimentaire",
      "Mesa redonda: agroecología, empleo y seguridad alimentaria",
      "مائدة مستديرة: الزراعة الإيكولوجية والعمل والأمن الغذائي", "圆桌会议：农业生态、就业与粮食安全",
      "Круглый стол: агроэкология, занятость и продовольственная безопасность"), 100,
     [("okafor", "chair"), ("vandijk", "panellist"), ("mokoena", "panellist")]),
    ("press-morning", "press", None, "Press Room", "12:30", "13:00",
     ("Press briefing: morning announcements", "Point presse : annonces de la matinée",
      "Rueda de prensa: anuncios de la mañana", "إحاطة صحفية: إعلانات الصباح", "新闻简报：上午发布的消息",
      "Брифинг для прессы: утренние объявления"), None,
     [("dubois", "moderator"), ("moreau", "speaker"), ("diallo", "speaker")]),
    ("landscapes-side-event", "side_event", "agroecology", "Lumière Room", "12:30", "13:30",
     ("1000 Landscapes for 1 billion people", "Mille paysages pour un milliard de personnes",
      "Mil paisajes para mil millones de personas", "ألف منظر طبيعي لمليار شخص", "千景观惠及十亿人",
      "Тысяча ландшафтов для миллиарда людей"), 60,
     [("okafor", "speaker"), ("benali", "speaker")]),
    ("finance-panel", "panel", "finance", "Grand Auditorium", "14:00", "15:00",
     ("Mobilising finance for nature", "Mobiliser la finance pour la nature", "Movilizar financiación para la naturaleza",
      "حشد التمويل من أجل الطبيعة", "为自然调动资金", "Мобилизация финансирования для природы"), None,
     [("hughes", "chair"), ("lefevre", "panellist"), ("vandijk", "panellist"), ("marchetti", "panellist")]),
    ("climate-biodiversity-finance", "roundtable", "finance", "Seine Room", "14:00", "15:00",
     ("Roundtable: aligning climate and biodiversity finance",
      "Table ronde : faire converger finance climat et biodiversité",
      "Mesa redonda: alinear la financiación del clima y de la biodiversidad",
      "مائدة مستديرة: مواءمة تمويل المناخ والتنوع البيولوجي", "圆桌会议：协调气候与生物多样性融资",
      "Круглый стол: согласование климатического финансирования и финансирования биоразнообразия"), 100,
     [("alvarado", "moderator"), ("njoroge", "speaker")]),
    ("nature-markets", "side_event", "finance", "Lumière Room", "14:00", "15:00",
     ("Business pledges: from promise to practice", "Engagements des entreprises : de la promesse à la pratique",
      "Compromisos empresariales: de la promesa a la práctica", "تعهدات الشركات: من الوعد إلى التطبيق",
      "企业承诺：从承诺到实践", "Обязательства бизнеса: от обещаний к практике"), 60,
     [("dubois", "moderator"), ("mokoena", "speaker")]),
    ("one-health-panel", "panel", "health", "Grand Auditorium", "15:15", "16:15",
     ("Preventing the next pandemic at its source", "Prévenir la prochaine pandémie à la source",
      "Prevenir la próxima pandemia en su origen", "الوقاية من الجائحة القادمة من مصدرها", "从源头预防下一次大流行",
      "Предотвратить следующую пандемию у истоков"), None,
     [("roux", "chair"), ("nguyen", "panellist"), ("njoroge", "panellist"), ("yawanawa", "panellist")]),
    ("deforestation-roundtable", "roundtable", "health", "Seine Room", "15:15", "16:15",
     ("Roundtable: deforestation-free supply chains", "Table ronde : des chaînes d'approvisionnement sans déforestation",
      "Mesa redonda: cadenas de suministro libres de deforestación",
      "مائدة مستديرة: سلاسل إمداد خالية من إزالة الغابات", "圆桌会议：零毁林供应链",
      "Круглый стол: цепочки поставок без обезлесения"), 100,
     [("vandijk", "moderator"), ("okafor", "speaker"), ("santos", "speaker")]),
    ("youth-voices", "side_event", None, "Lumière Room", "15:15", "16:15",
     ("Youth voices for biodiversity", "La jeunesse s'engage pour la biodiversité",
      "Voces jóvenes por la biodiversidad", "أصوات الشباب من أجل التنوع البيولوجي", "青年为生物多样性发声",
      "Голос молодёжи в защиту биоразнообразия"), 60,
     [("mokoena", "chair"), ("marchetti", "speaker")]),
    ("press-afternoon", "press", None, "Press Room", "16:30", "17:00",
     ("Press conference: the summit's commitments", "Conférence de presse : les engagements du sommet",
      "Conferencia de prensa: los compromisos de la cumbre", "مؤتمر صحفي: التزامات القمة", "新闻发布会：峰会承诺",
      "Пресс-конференция: обязательства саммита"), None,
     [("dubois", "moderator"), ("hughes", "speaker"), ("roux", "speaker")]),
    ("closing", "closing", None, "Grand Auditorium", "17:15", "18:00",
     ("Closing plenary and the road to Kunming", "Plénière de clôture et route vers Kunming",
      "Plenaria de clausura y camino a Kunming", "الجلسة العامة الختامية والطريق إلى كونمينغ",
      "闭幕全体会议及通往昆明之路", "Заключительное пленарное заседание и путь в Куньмин"), None,
     [("moreau", "chair"), ("alvarado", "speaker"), ("njoroge", "speaker"), ("mokoena", "speaker")]),
]


MONTREAL = {
    "slug": "montreal-science-cooperation-2026",
    "title": ("Workshop on technical and scientific cooperation support centres",
              "Atelier sur les centres d'appui à la coopération technique et scientifique",
              "Taller sobre los centros de apoyo a la cooperación técnica y científica",
              "ورشة عمل حول مراكز دعم التعاون التقني والعلمي", "技术和科学合作支持中心研讨会",
              "Семинар центров поддержки научно-технического сотрудничества"),
    "tagline": ("Putting the Kunming-Montreal Global Biodiversity Framework to work",
                "Mettre en œuvre le Cadre mondial de la biodiversité de Kunming-Montréal",
                "Poner en práctica el Marco Mundial de Biodiversidad de Kunming-Montreal",
                "وضع إطار كونمينغ-مونتريال العالمي للتنوع البيولوجي موضع التنفيذ",
                "落实《昆明-蒙特利尔全球生物多样性框架》",
                "Воплощение Куньминско-Монреальской глобальной рамочной программы в области биоразнообразия"),
    "description": (
        "The Secretariat of the Convention on Biological Diversity brings together 18 regional support centres, "
        "their scientific partners and the interim global coordination entity to finalise their 2025–2026 work "
        "plans and agree on shared performance and reporting criteria ahead of SBI 6 and COP 17.",
        "Le Secrétariat de la Convention sur la diversité biologique réunit 18 centres d'appui régionaux, leurs "
        "partenaires scientifiques et l'entité de coordination mondiale intérimaire pour finaliser leurs plans "
        "de travail 2025-2026 et convenir de critères communs de performance et de rapportage avant le SBI 6 "
        "et la COP 17.",
    ),
    "city": ("Montréal", "Montréal", "Montreal", "مونتريال", "蒙特利尔", "Монреаль"),
    "venue": ("CBD Secretariat", "Secrétariat de la CDB", "Secretaría del CDB", "أمانة اتفاقية التنوع البيولوجي",
              "《生物多样性公约》秘书处", "Секретариат КБР"),
    "start_date": dt.date(2026, 1, 13),
    "end_date": dt.date(2026, 1, 15),
    "timezone": "America/Toronto",
    "country": "CA",
    "languages": ["en", "fr", "es"],
    "status": "closed",
    "colour": "#00695C",
    "capacity": 90,
    "retention_days": 365,
    "signatory_name": "Isabelle Tremblay",
    "contact_email": "secretariat@cbd-summit.example.org",
    "signatory_title": "Programme Officer, Technical Cooperation (demo)",
    "co_organisers": ["scbd", "oss"],
}

MONTREAL_THEMES = [
    ("work-plans", "#00695C", ("Biennial work plans 2025–2026", "Plans de travail biennaux 2025-2026"),
     ("Each centre finalises its plan with its peers.", "Chaque centre finalise son plan avec ses pairs.")),
    ("regional-coordination", "#2E7D32", ("Regional coordination", "Coordination régionale"),
     ("How centres and the global coordination entity work together.",
      "Comment les centres et l'entité de coordination mondiale travaillent ensemble.")),
    ("data-knowledge", "#1565C0", ("Data and knowledge", "Données et savoirs"),
     ("Mobilising data and integrating existing knowledge and tools.",
      "Mobiliser les données et intégrer les savoirs et outils existants.")),
    ("resources", "#6A1B9A", ("Resource mobilisation", "Mobilisation des ressources"),
     ("Funding the centres' demand-driven support.", "Financer l'appui des centres, fondé sur la demande.")),
]

MONTREAL_ROOMS = [("Plenary Hall", ("Salle plénière",), 100, "Level 2"),
                  ("Breakout Room A", ("Salle de travail A",), 30, "Level 3")]

MONTREAL_SESSIONS = [
    ("welcome", "opening", None, "Plenary Hall", 0, "09:00", "09:45",
     ("Welcome and objectives", "Accueil et objectifs"), None, [("tremblay", "chair")]),
    ("work-plans-peer-review", "roundtable", "work-plans", "Breakout Room A", 0, "10:00", "12:00",
     ("Peer review of work plans", "Revue par les pairs des plans de travail"), 30,
     [("benali", "moderator"), ("santos", "speaker")]),
    ("governance", "plenary", "regional-coordination", "Plenary Hall", 1, "09:00", "10:30",
     ("Governance and regional coordination", "Gouvernance et coordination régionale"), None,
     [("tremblay", "moderator"), ("benali", "speaker")]),
    ("data-mobilisation", "roundtable", "data-knowledge", "Breakout Room A", 1, "11:00", "12:30",
     ("Mobilising and using data", "Mobiliser et exploiter les données"), 30,
     [("santos", "chair"), ("roux", "speaker")]),
    ("resource-mobilisation", "plenary", "resources", "Plenary Hall", 2, "09:00", "10:30",
     ("Resource mobilisation for the centres", "Mobilisation des ressources pour les centres"), None,
     [("lefevre", "speaker"), ("tremblay", "moderator")]),
    ("mou-signing", "closing", None, "Plenary Hall", 2, "11:00", "12:00",
     ("Memorandum of understanding and closing", "Protocole d'accord et clôture"), None,
     [("benali", "speaker"), ("tremblay", "chair")]),
]


def _save(obj):
    obj.full_clean()
    obj.save()
    return obj


def _summit(data, orgs):
    summit = Summit.objects.filter(slug=data["slug"]).first() or Summit(slug=data["slug"])
    for field in ("title", "tagline", "description", "city", "venue"):
        for key, value in tr(field, data[field]).items():
            setattr(summit, key, value)
    complete(summit, "description")
    for field in ("start_date", "end_date", "timezone", "country", "languages", "status", "colour", "capacity",
                  "retention_days", "signatory_name", "signatory_title", "contact_email"):
        setattr(summit, field, data[field])
    _save(summit)
    summit.co_organisers.set([orgs[key] for key in data["co_organisers"]])
    return summit


def _themes(summit, themes):
    result = {}
    for order, (slug, colour, titles, descriptions) in enumerate(themes):
        theme = Theme.objects.filter(summit=summit, slug=slug).first() or Theme(summit=summit, slug=slug)
        for key, value in {**tr("title", titles), **tr("description", descriptions)}.items():
            setattr(theme, key, value)
        complete(theme, "title", "description")
        theme.colour, theme.sort_order = colour, order
        result[slug] = _save(theme)
    return result


def _rooms(summit, rooms):
    result = {}
    for name_en, others, capacity, location in rooms:
        room = Room.objects.filter(summit=summit, name_en=name_en).first() or Room(summit=summit)
        for key, value in tr("name", (name_en, *others)).items():
            setattr(room, key, value)
        room.location_en, room.capacity = location, capacity
        complete(room, "name", "location")
        result[name_en] = _save(room)
    return result


def _sessions(summit, themes, rooms, speakers, sessions):
    tz = zoneinfo.ZoneInfo(summit.timezone)
    wanted = []
    # First pass: clear speakers of sessions we are about to move, so re-loading never clashes with itself.
    for row in sessions:
        if len(row) == 9:
            slug, kind, theme, room, start, end, titles, capacity, people = row
            day = 0
        else:
            slug, kind, theme, room, day, start, end, titles, capacity, people = row
        date = summit.start_date + dt.timedelta(days=day)
        session = Session.objects.filter(summit=summit, slug=slug).first() or Session(summit=summit, slug=slug)
        for key, value in tr("title", titles).items():
            setattr(session, key, value)
        complete(session, "title")
        theme_obj = themes.get(theme) if theme else None
        for code in LANGS:
            theme_title = (getattr(theme_obj, f"title_{code}") or theme_obj.title_en) if theme_obj else ""
            setattr(session, f"description_{code}",
                    SESSION_DESCRIPTIONS[code].format(theme=theme_title) if theme_obj else "")
        session.kind, session.theme, session.room, session.capacity = kind, theme_obj, rooms[room], capacity
        session.start = timezone.make_aware(dt.datetime.combine(date, dt.time.fromisoformat(start)), tz)
        session.end = timezone.make_aware(dt.datetime.combine(date, dt.time.fromisoformat(end)), tz)
        session.languages = list(summit.languages)
        session.interpretation = [code for code in summit.languages if code != "en"]
        session.is_published = True
        session._pending_speaker_ids = []  # speakers are (re)attached below
        _save(session)
        wanted.append((session, people))
    for session, people in wanted:
        SessionSpeaker.objects.filter(session=session).exclude(
            speaker__in=[speakers[key] for key, _role in people]
        ).delete()
        for order, (key, role) in enumerate(people):
            link = SessionSpeaker.objects.filter(session=session, speaker=speakers[key]).first() or SessionSpeaker(
                session=session, speaker=speakers[key]
            )
            link.role, link.sort_order = role, order
            _save(link)


def load(stdout):
    orgs = {}
    for key, name_en, name_fr, acronym, kind, country, website in ORGANISATIONS:
        org = Organisation.objects.filter(name_en=name_en).first() or Organisation()
        org.name_en, org.name_fr, org.acronym, org.kind, org.country, org.website = (
            name_en, name_fr, acronym, kind, country, website)
        complete(org, "name")
        orgs[key] = _save(org)
    speakers = {}
    for key, honorific, given, family, org_key, country, position_en, position_fr in SPEAKERS:
        speaker = Speaker.objects.filter(given_name=given, family_name=family).first() or Speaker(
            given_name=given, family_name=family
        )
        speaker.honorific, speaker.organisation, speaker.country = honorific, orgs[org_key], country
        speaker.position_en, speaker.position_fr = position_en, position_fr
        complete(speaker, "position")
        for code in LANGS:
            position = getattr(speaker, f"position_{code}") or position_en
            if code in ("en", "fr", "es", "ru"):
                position = position[0].lower() + position[1:]
            organisation = getattr(orgs[org_key], f"name_{code}") or orgs[org_key].name_en
            setattr(speaker, f"bio_{code}", BIOGRAPHIES[code].format(name=f"{given} {family}", position=position,
                                                                   organisation=organisation))
        speakers[key] = _save(speaker)

    ops = _summit(OPS, orgs)
    _sessions(ops, _themes(ops, OPS_THEMES), _rooms(ops, OPS_ROOMS), speakers, OPS_SESSIONS)
    montreal = _summit(MONTREAL, orgs)
    _sessions(montreal, _themes(montreal, MONTREAL_THEMES), _rooms(montreal, MONTREAL_ROOMS), speakers,
              MONTREAL_SESSIONS)
    stdout.write(
        f"Summits: {Summit.objects.count()}, themes: {Theme.objects.count()}, rooms: {Room.objects.count()}, "
        f"sessions: {Session.objects.count()}, speakers: {Speaker.objects.count()}, "
        f"organisations: {Organisation.objects.count()}"
    )
