"""Demo commitments of the One Planet Summit for Biodiversity (Paris, 11 January 2021).

Idempotent: records are matched on natural keys (reference, coalition slug, organisation name,
deliverable order, report period), so running it twice gives the same data. Figures follow public
announcements of the summit; sentences are our own.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from summits.demo_texts import complete
from summits.models import Organisation, Summit, Theme

from . import services
from .choices import (
    ActivityStatus, CommitmentKind, DeliverableStatus, Lifecycle, PartnerRole, ReportState, ReviewState, Verification,
)
from .demo_texts import TEXTS, UNITS
from .models import (
    Coalition, Commitment, Deliverable, DeliverableUpdate, Evidence, ExchangeRate, FrameworkTarget, ProgressReport,
    ReviewEvent,
)

LANGS = ("en", "fr", "es", "ar", "zh_hans", "ru")


def _org(name, kind, country="", acronym=""):
    org, _created = Organisation.objects.get_or_create(
        name_en=name, defaults={"name": name, "kind": kind, "country": country, "acronym": acronym}
    )
    before = [getattr(org, f"name_{code}") for code in LANGS]
    complete(org, "name")
    if [getattr(org, f"name_{code}") for code in LANGS] != before:
        org.save()
    return org


def _set(obj, field, texts):
    for code, text in zip(LANGS, texts):
        setattr(obj, f"{field}_{code}", text)


def _theme(summit, *words):
    for theme in Theme.objects.filter(summit=summit):
        title = (theme.title_en or "").lower()
        if any(word in title or word in theme.slug for word in words):
            return theme
    return None


COALITIONS = [
    ("high-ambition-coalition", ("High Ambition Coalition for Nature and People",
                                 "Coalition de la haute ambition pour la nature et les peuples",
                                 "Coalición de Alta Ambición por la Naturaleza y las Personas",
                                 "تحالف الطموح العالي من أجل الطبيعة والناس", "大自然和人民高雄心联盟",
                                 "Коалиция высоких амбиций в интересах природы и людей"),
     ("An intergovernmental group of more than 50 countries, co-chaired by Costa Rica and France, with the "
      "United Kingdom as ocean co-chair, pushing for a global goal to protect at least 30% of land and sea "
      "by 2030.",
      "Un groupe intergouvernemental de plus de 50 pays, coprésidé par le Costa Rica et la France, avec le "
      "Royaume-Uni pour l’océan, qui défend un objectif mondial de protection d’au moins 30 % des terres et "
      "des mers d’ici 2030."),
     "https://www.hacfornatureandpeople.org/",
     ["FR", "CR", "GB", "DE", "ES", "NG", "CL", "CO", "PE", "SN", "MX", "PA", "KE", "JP", "CA", "GA", "NO",
      "FI", "DK", "BE", "LU", "MC", "GR", "IT", "PT", "IE", "NL", "SE", "AT", "CZ", "SK", "SI", "HR", "CY",
      "MT", "BF", "BJ", "CM", "ET", "GN", "MW", "MA", "MZ", "NE", "RW", "TD", "TG", "UG", "AM", "AE", "PK",
      "MN", "MV", "GT", "DO", "EC", "HN", "GD"]),
    ("1000-landscapes", ("1000 Landscapes for 1 Billion People", "Mille paysages pour un milliard de personnes",
                         "Mil paisajes para mil millones de personas", "ألف منظر طبيعي لمليار شخص",
                         "千景观惠及十亿人倡议", "Тысяча ландшафтов для миллиарда людей"),
     ("Convened by EcoAgriculture Partners with Rainforest Alliance, Commonland, Conservation International, "
      "UNDP, Landscape Finance Lab and Tech Matters, the initiative equips landscape partnerships with tools, "
      "finance and connections.",
      "Réunie par EcoAgriculture Partners avec Rainforest Alliance, Commonland, Conservation International, le "
      "PNUD, Landscape Finance Lab et Tech Matters, l’initiative donne aux partenariats paysagers des outils, "
      "des financements et des relations."),
     "https://landscapes.global/", []),
]

# reference, kind, status, lead, coalition, titles (6 languages), summary (en, fr), amount, currency,
# new money, start, end, theme words, countries, deliverables [(title, due, status, unit, baseline, target)],
# reports [(period_start, period_end, published, percent, disbursed, narrative, state)]
COMMITMENTS = [
    ("OPS21-GGW", CommitmentKind.FINANCIAL, ActivityStatus.IMPLEMENTATION,
     ("Great Green Wall Accelerator partners", "finance"), None,
     ("Funding to accelerate the Great Green Wall for the Sahara and the Sahel",
      "Financements pour accélérer la Grande Muraille verte au Sahara et au Sahel",
      "Financiación para acelerar la Gran Muralla Verde del Sáhara y el Sahel",
      "تمويل لتسريع السور الأخضر العظيم للصحراء والساحل", "加速撒哈拉和萨赫勒绿色长城建设的资金",
      "Финансирование для ускорения создания Великой зелёной стены Сахары и Сахеля"),
     ("Donors and development banks pledged about US$14.3 billion over 2021–2025 to restore degraded land "
      "across eleven Sahel countries, with an accelerator to track and coordinate the money.",
      "Bailleurs et banques de développement ont annoncé environ 14,3 milliards de dollars sur 2021-2025 pour "
      "restaurer les terres dégradées de onze pays du Sahel, avec un accélérateur pour suivre et coordonner "
      "les fonds."),
     Decimal("14300000000"), "USD", True, dt.date(2021, 1, 11), dt.date(2025, 12, 31), ("agro", "green"),
     ["SN", "MR", "ML", "BF", "NE", "NG", "TD", "SD", "ER", "ET", "DJ"],
     [("Accelerator secretariat operating", dt.date(2021, 6, 30), DeliverableStatus.ACHIEVED, "", None, None),
      ("Hectares of degraded land under restoration", dt.date(2025, 12, 31), DeliverableStatus.IN_PROGRESS,
       "hectares", Decimal("4000000"), Decimal("100000000"))],
     [(dt.date(2021, 1, 11), dt.date(2021, 11, 30), dt.datetime(2021, 12, 15, 10, 0), 15, Decimal("2500000000"),
       "The accelerator was set up and a first tracking of pledges was published.", ReportState.PUBLISHED),
      (dt.date(2022, 1, 1), dt.date(2024, 12, 31), dt.datetime(2026, 2, 10, 10, 0), 45, Decimal("8100000000"),
       "About 8.1 billion dollars were disbursed or committed to projects by the end of 2024.",
       ReportState.PUBLISHED)]),
    ("OPS21-HAC", CommitmentKind.INITIATIVE, ActivityStatus.IMPLEMENTATION,
     ("Government of Costa Rica", "government", "CR"), "high-ambition-coalition",
     ("High Ambition Coalition for Nature and People: protect 30% of land and sea by 2030",
      "Coalition de la haute ambition pour la nature et les peuples : protéger 30 % des terres et des mers d’ici 2030",
      "Coalición de Alta Ambición: proteger el 30 % de la tierra y el mar para 2030",
      "تحالف الطموح العالي: حماية 30٪ من اليابسة والبحر بحلول 2030",
      "高雄心联盟：到2030年保护30%的陆地和海洋", "Коалиция высоких амбиций: охранять 30% суши и моря к 2030 году"),
     ("More than 50 countries committed to champion a global target of protecting at least 30% of the "
      "planet’s land and ocean by 2030 in the new global biodiversity framework.",
      "Plus de 50 pays se sont engagés à défendre un objectif mondial de protection d’au moins 30 % des terres "
      "et de l’océan d’ici 2030 dans le nouveau cadre mondial pour la biodiversité."),
     None, "", True, dt.date(2021, 1, 11), dt.date(2030, 12, 31), ("terrestrial", "marine", "ecosystem"),
     ["CR", "FR", "GB"],
     [("30x30 target adopted in the global biodiversity framework", dt.date(2022, 12, 19),
       DeliverableStatus.ACHIEVED, "", None, None),
      ("Share of land and sea protected among members", dt.date(2030, 12, 31), DeliverableStatus.IN_PROGRESS,
       "%", Decimal("17"), Decimal("30"))],
     [(dt.date(2021, 1, 11), dt.date(2022, 12, 31), dt.datetime(2025, 12, 1, 9, 0), 50, None,
       "Target 3 of the Kunming-Montreal framework took up the 30x30 goal in December 2022.",
       ReportState.PUBLISHED)]),
    ("OPS21-PREZODE", CommitmentKind.RESEARCH, ActivityStatus.IMPLEMENTATION,
     ("French National Research Institute for Sustainable Development", "academia", "FR"), None,
     ("PREZODE: preventing zoonotic disease emergence", "PREZODE : prévenir l’émergence des zoonoses",
      "PREZODE: prevenir la aparición de enfermedades zoonóticas", "بريزود: الوقاية من ظهور الأمراض الحيوانية المنشأ",
      "PREZODE：预防人畜共患病的出现", "PREZODE: предотвращение появления зоонозов"),
     ("An international research initiative launched by French research institutes to understand and "
      "prevent the risks of emergence of diseases passed from animals to humans.",
      "Une initiative internationale de recherche lancée par des instituts français pour comprendre et "
      "prévenir les risques d’émergence de maladies transmises de l’animal à l’humain."),
     Decimal("30000000"), "EUR", True, dt.date(2021, 1, 11), dt.date(2030, 12, 31), ("health", "zoono", "deforest"),
     ["FR", "SN", "KH", "MG"],
     [("Regional research networks in Africa, Asia and Latin America", dt.date(2023, 12, 31),
       DeliverableStatus.IN_PROGRESS, "networks", Decimal("0"), Decimal("3"))],
     [(dt.date(2021, 1, 11), dt.date(2022, 6, 30), dt.datetime(2025, 8, 1, 9, 0), 30, Decimal("9000000"),
       "Consortium formed and first research projects funded.", ReportState.PUBLISHED),
      (dt.date(2022, 7, 1), dt.date(2025, 6, 30), None, 55, Decimal("16000000"),
       "Three regional networks are active; surveillance pilots have started.", ReportState.SUBMITTED)]),
    ("OPS21-1000L", CommitmentKind.INITIATIVE, ActivityStatus.IMPLEMENTATION,
     ("EcoAgriculture Partners", "ngo", "US"), "1000-landscapes",
     ("1000 Landscapes for 1 Billion People", "Mille paysages pour un milliard de personnes",
      "Mil paisajes para mil millones de personas", "ألف منظر طبيعي لمليار شخص", "千景观惠及十亿人",
      "Тысяча ландшафтов для миллиарда людей"),
     ("By 2030, more than 1000 landscape partnerships benefiting a billion people, with shared tools, "
      "finance and a digital platform for integrated landscape management.",
      "D’ici 2030, plus de 1000 partenariats paysagers bénéficiant à un milliard de personnes, avec des "
      "outils partagés, des financements et une plateforme numérique de gestion intégrée des paysages."),
     None, "", True, dt.date(2021, 1, 11), dt.date(2030, 12, 31), ("agro", "ecosystem"), [],
     [("Digital platform for landscape partnerships online", dt.date(2022, 12, 31), DeliverableStatus.DELAYED,
       "", None, None),
      ("Landscape partnerships supported", dt.date(2030, 12, 31), DeliverableStatus.IN_PROGRESS, "partnerships",
       Decimal("12"), Decimal("1000"))],
     []),
    ("OPS21-LEGACY", CommitmentKind.FINANCIAL, ActivityStatus.PIPELINE,
     ("Legacy Landscapes Fund", "foundation", "DE"), None,
     ("Legacy Landscapes Fund for protected areas", "Fonds Legacy Landscapes pour les aires protégées",
      "Fondo Legacy Landscapes para áreas protegidas", "صندوق المناظر الطبيعية الموروثة للمناطق المحمية",
      "遗产景观保护区基金", "Фонд «Наследие ландшафтов» для охраняемых территорий"),
     ("A public-private fund to finance the long-term management of outstanding protected areas.",
      "Un fonds public-privé pour financer la gestion à long terme d’aires protégées remarquables."),
     Decimal("100000000"), "EUR", False, dt.date(2021, 1, 11), None, ("financ", "funding"), ["DE"],
     [("First protected areas funded", dt.date(2023, 12, 31), DeliverableStatus.ACHIEVED, "", None, None)],
     [(dt.date(2021, 1, 11), dt.date(2023, 12, 31), dt.datetime(2024, 3, 4, 10, 0), 100, Decimal("100000000"),
       "The fund was set up and made its first long-term grants to protected areas.", ReportState.PUBLISHED)]),
    ("OPS21-TNFD", CommitmentKind.POLICY, ActivityStatus.IMPLEMENTATION,
     ("Taskforce on Nature-related Financial Disclosures", "finance"), None,
     ("Taskforce on Nature-related Financial Disclosures: a framework for reporting nature-related risks",
      "Groupe de travail sur la publication d’informations financières liées à la nature : un cadre de "
      "publication des risques liés à la nature",
      "Grupo de Trabajo sobre Divulgaciones Financieras relacionadas con la Naturaleza: un marco para informar "
      "de los riesgos relacionados con la naturaleza",
      "فرقة العمل المعنية بالإفصاحات المالية المتعلقة بالطبيعة: إطار للإبلاغ عن المخاطر المتعلقة بالطبيعة",
      "自然相关财务披露工作组：自然相关风险报告框架",
      "Целевая группа по раскрытию финансовой информации, связанной с природой: рамочная основа отчётности "
      "о природных рисках"),
     ("Governments, financial institutions and companies backed a taskforce to give businesses a common way "
      "to assess and disclose how they depend on and affect nature.",
      "Gouvernements, institutions financières et entreprises ont soutenu un groupe de travail chargé de donner "
      "aux entreprises une manière commune d’évaluer et de publier leur dépendance à la nature et leurs "
      "effets sur elle."),
     None, "", True, dt.date(2021, 1, 11), dt.date(2023, 9, 30), ("financ", "funding"), [],
     [("Final disclosure recommendations published", dt.date(2023, 9, 30), DeliverableStatus.ACHIEVED, "", None,
       None)],
     [(dt.date(2021, 6, 1), dt.date(2023, 9, 30), dt.datetime(2023, 11, 6, 10, 0), 100, None,
       "The final recommendations were published in September 2023 after four beta versions.",
       ReportState.PUBLISHED)]),
    ("OPS21-GGW-MAP", CommitmentKind.RESEARCH, ActivityStatus.IMPLEMENTATION,
     ("Sahara and Sahel Observatory", "igo", "TN", "OSS"), None,
     ("A baseline map of land degradation in the Great Green Wall countries",
      "Une carte de référence de la dégradation des terres dans les pays de la Grande Muraille verte",
      "Un mapa de referencia de la degradación de la tierra en los países de la Gran Muralla Verde",
      "خريطة مرجعية لتدهور الأراضي في بلدان السور الأخضر العظيم", "绿色长城沿线国家土地退化基线地图",
      "Базовая карта деградации земель в странах Великой зелёной стены"),
     ("The observatory committed to map the state of the land across the Great Green Wall countries, so that "
      "restoration can be measured against a shared baseline.",
      "L’observatoire s’est engagé à cartographier l’état des terres dans les pays de la Grande Muraille verte, "
      "afin que la restauration se mesure par rapport à une référence commune."),
     None, "", True, dt.date(2021, 1, 11), dt.date(2023, 6, 30), ("agro", "green"),
     ["SN", "MR", "ML", "BF", "NE", "NG", "TD", "SD", "ER", "ET", "DJ"],
     [("Baseline map shared with the eleven countries", dt.date(2023, 6, 30), DeliverableStatus.ACHIEVED, "", None,
       None)],
     [(dt.date(2021, 1, 11), dt.date(2023, 6, 30), dt.datetime(2023, 9, 12, 10, 0), 100, None,
       "The baseline map was delivered to the national agencies of the Great Green Wall.",
       ReportState.PUBLISHED)]),
    ("OPS21-MANGROVE", CommitmentKind.AREA, ActivityStatus.IMPLEMENTATION,
     ("Casamance Mangrove Network", "ngo", "SN"), None,
     ("Replant 2,000 hectares of mangroves in Casamance", "Replanter 2 000 hectares de mangroves en Casamance",
      "Replantar 2000 hectáreas de manglares en Casamance", "إعادة زراعة 2000 هكتار من المانغروف في كازامانس",
      "在卡萨芒斯重新种植2000公顷红树林", "Восстановить 2000 гектаров мангровых лесов в Казамансе"),
     ("Village associations planned to replant mangroves along the Casamance river with local schools "
      "(a demonstration record).",
      "Des associations villageoises prévoyaient de replanter des mangroves le long du fleuve Casamance avec "
      "les écoles locales (fiche de démonstration)."),
     None, "", True, dt.date(2021, 3, 1), dt.date(2026, 12, 31), ("terrestrial", "marine", "ecosystem"), ["SN"],
     [("Hectares of mangroves replanted", dt.date(2026, 12, 31), DeliverableStatus.PLANNED, "hectares",
       Decimal("0"), Decimal("2000"))],
     []),
    ("MTL26-OSS", CommitmentKind.INITIATIVE, ActivityStatus.PIPELINE,
     ("Sahara and Sahel Observatory", "igo", "TN", "OSS"), None,
     ("Host a support centre for technical and scientific cooperation for North Africa and the Sahel",
      "Accueillir un centre d’appui à la coopération scientifique et technique pour l’Afrique du Nord et le Sahel",
      "Acoger un centro de apoyo a la cooperación técnica y científica para el norte de África y el Sahel",
      "استضافة مركز لدعم التعاون التقني والعلمي لشمال أفريقيا والساحل", "为北非和萨赫勒设立技术和科学合作支持中心",
      "Разместить центр поддержки научно-технического сотрудничества для Северной Африки и Сахеля"),
     ("Under a memorandum of understanding with the Convention on Biological Diversity, the observatory will "
      "host and run a support centre of the cooperation mechanism set up by decision 15/8.",
      "En vertu d’un protocole d’accord avec la Convention sur la diversité biologique, l’observatoire "
      "hébergera et fera fonctionner un centre d’appui du mécanisme de coopération établi par la décision 15/8."),
     None, "", True, dt.date(2026, 7, 1), dt.date(2030, 12, 31), (), ["TN", "DZ", "MA", "MR", "ML", "NE", "TD"],
     [("Biennial work plan finalised", dt.date(2026, 6, 30), DeliverableStatus.PLANNED, "", None, None),
      ("Common performance and reporting criteria agreed", dt.date(2027, 6, 30), DeliverableStatus.PLANNED, "",
       None, None)],
     []),
]

# What the demo shows beyond the records above: where they are, the stage of their lifecycle, how far they
# were verified, the indicator values of their reports and the evidence an organiser confirmed.
# values: {report index: {deliverable order: value reached}}; evidence: [(description, link, file name)].
TODAY_ISH = dt.datetime(2026, 2, 2, 10, 0)
EXTRAS = {
    "OPS21-GGW": {"point": (Decimal("13.51"), Decimal("2.11")), "area": Decimal("100000000"),
                  "place": ("Great Green Wall belt, Sahel", "Tracé de la Grande Muraille verte, Sahel",
                            "Franja de la Gran Muralla Verde, Sahel", "حزام السور الأخضر العظيم، الساحل",
                            "萨赫勒绿色长城带", "Полоса Великой зелёной стены, Сахель"),
                  "values": {0: {1: Decimal("4300000")}, 1: {1: Decimal("5200000")}}},
    "OPS21-HAC": {"verifier": "UNEP World Conservation Monitoring Centre (Protected Planet Report 2024)",
                  "values": {0: {1: Decimal("17.6")}}},
    "OPS21-PREZODE": {"values": {0: {0: Decimal("1")}}},
    "OPS21-LEGACY": {"lifecycle": Lifecycle.COMPLETED,
                     "evidence": [("Summary of the fund’s first grants to protected areas", "",
                                   "legacy-landscapes-fund-first-grants.txt")]},
    "OPS21-TNFD": {"lifecycle": Lifecycle.COMPLETED,
                   "evidence": [("Final recommendations of the TNFD (September 2023)",
                                 "https://tnfd.global/recommendations-of-the-tnfd/", "")]},
    "OPS21-GGW-MAP": {"lifecycle": Lifecycle.CLOSED,
                      "evidence": [("The observatory’s Great Green Wall monitoring pages",
                                    "https://www.oss-online.org/", "")]},
    "OPS21-MANGROVE": {"lifecycle": Lifecycle.WITHDRAWN, "verification": Verification.SELF_REPORTED,
                       "withdrawn": "The network joined the national mangrove programme, which carries the work on.",
                       "point": (Decimal("12.58"), Decimal("-16.27")), "area": Decimal("2000"),
                       "place": ("Ziguinchor, Casamance", "Ziguinchor, Casamance", "Ziguinchor, Casamance",
                                 "زيغينشور، كازامانس", "济金绍尔，卡萨芒斯", "Зигиншор, Казаманс")},
    "MTL26-OSS": {"summit": "montreal-science-cooperation-2026", "published": dt.datetime(2026, 2, 2, 10, 0),
                  "point": (Decimal("36.84"), Decimal("10.24")),
                  "place": ("Tunis, Tunisia", "Tunis, Tunisie", "Túnez, Túnez", "تونس، تونس", "突尼斯，突尼斯",
                            "Тунис, Тунис")},
}


# Alignment of each demo commitment: (primary, [secondary]) GBF/SDG codes.
ALIGNMENTS = {
    "OPS21-GGW": ("GBF-T2", ["SDG-15", "SDG-13", "SDG-1"]),
    "OPS21-HAC": ("GBF-T3", ["SDG-14", "SDG-15", "GBF-A"]),
    "OPS21-PREZODE": ("SDG-3", ["GBF-T21", "GBF-T20"]),
    "OPS21-1000L": ("GBF-T1", ["GBF-T10", "SDG-2", "SDG-15"]),
    "OPS21-LEGACY": ("GBF-T19", ["GBF-T3", "GBF-D"]),
    "OPS21-TNFD": ("GBF-T15", ["SDG-12", "GBF-T14"]),
    "OPS21-GGW-MAP": ("GBF-T2", ["GBF-T21", "SDG-15"]),
    "OPS21-MANGROVE": ("GBF-T2", ["SDG-14"]),
    "MTL26-OSS": ("GBF-T20", ["GBF-T21", "SDG-17"]),
}
# The summit's themes (found by a word of their title or slug) and the targets they work towards.
THEME_TARGETS = [
    (("agro",), ["GBF-T10", "SDG-2"]),
    (("marine", "terrestrial", "ecosystem"), ["GBF-T3", "SDG-14", "SDG-15"]),
    (("health", "zoono"), ["SDG-3", "GBF-T21"]),
    (("financ", "funding"), ["GBF-T19", "GBF-D"]),
]


def _targets(codes):
    found = {t.code: t for t in FrameworkTarget.objects.filter(code__in=codes)}
    return [found[code] for code in codes if code in found]


def _evidence(commitment, description, url, filename, on):
    """An organiser-confirmed piece of evidence, found again by its description (idempotent)."""
    from django.core.files.base import ContentFile

    evidence = Evidence.objects.filter(commitment=commitment, description=description).first()
    if evidence is None:
        evidence = Evidence(commitment=commitment, description=description, url=url)
        if filename:
            evidence.file.save(filename, ContentFile(
                (f"{commitment.title_en}\n\n{description}.\nA demonstration file attached by the organisers "
                 "as evidence of completion.\n").encode("utf-8")), save=False)
    evidence.url, evidence.added_at, evidence.confirmed_at = url, on, on
    evidence.save()
    return evidence


def _lifecycle(commitment, extra):
    """Move a demo commitment to the stage ``extra`` gives it, as the services would have (fixed dates)."""
    lifecycle = extra.get("lifecycle")
    on = timezone.make_aware(TODAY_ISH)
    if extra.get("verifier"):
        commitment.verification, commitment.verifier, commitment.verified_at = (
            Verification.INDEPENDENT, extra["verifier"], on)
    if lifecycle in (Lifecycle.COMPLETED, Lifecycle.CLOSED):
        for description, url, filename in extra.get("evidence", []):
            _evidence(commitment, description, url, filename, on)
        commitment.lifecycle, commitment.percent_complete = lifecycle, 100
        commitment.status = ActivityStatus.CLOSED if lifecycle == Lifecycle.CLOSED else ActivityStatus.FINALISATION
        commitment.verification, commitment.verified_at = Verification.EVIDENCE, on
        commitment.lifecycle_changed_on = on.date()
    elif lifecycle == Lifecycle.WITHDRAWN:
        commitment.lifecycle, commitment.status = lifecycle, ActivityStatus.CANCELLED
        commitment.lifecycle_changed_on = dt.date(2023, 5, 15)
        if not ReviewEvent.objects.filter(commitment=commitment, action="withdraw").exists():
            ReviewEvent.objects.create(commitment=commitment, action="withdraw", comment=extra["withdrawn"],
                                       created_at=timezone.make_aware(dt.datetime(2023, 5, 15, 9, 0)))


def load(stdout):
    summit = Summit.objects.filter(slug="one-planet-biodiversity").first()
    if summit is None:
        stdout.write("announcements: no summit “one-planet-biodiversity”; demo commitments skipped.")
        return
    ExchangeRate.objects.update_or_create(currency="EUR", valid_from=dt.date(2021, 1, 1),
                                          defaults={"usd_per_unit": Decimal("1.2200")})
    coalitions = {}
    for slug, names, descriptions, website, countries in COALITIONS:
        coalition = Coalition.objects.filter(slug=slug).first() or Coalition(slug=slug)
        _set(coalition, "name", names)
        _set(coalition, "description", descriptions)
        complete(coalition, "description", texts=TEXTS)
        coalition.website = website
        coalition.member_countries = countries
        coalition.lead_contact_email = f"lead@{slug}.example.org"
        coalition.save()
        coalitions[slug] = coalition
    coalitions["high-ambition-coalition"].leads.set([_org("Government of Costa Rica", "government", "CR"),
                                                     _org("Government of France", "government", "FR")])
    coalitions["1000-landscapes"].leads.set([_org("EcoAgriculture Partners", "ngo", "US")])
    coalitions["1000-landscapes"].members.set([
        _org(name, kind) for name, kind in (("Rainforest Alliance", "ngo"), ("Commonland", "ngo"),
                                            ("Conservation International", "ngo"),
                                            ("United Nations Development Programme", "un"),
                                            ("Tech Matters", "business"))])
    summits = {summit.slug: summit}
    for (reference, kind, status, lead, coalition_slug, titles, summaries, amount, currency, new_money, start, end,
         theme_words, countries, deliverables, reports) in COMMITMENTS:
        extra = EXTRAS.get(reference, {})
        slug = extra.get("summit", summit.slug)
        if slug not in summits:
            summits[slug] = Summit.objects.filter(slug=slug).first()
        home = summits[slug]
        if home is None:
            continue
        commitment = Commitment.objects.filter(reference=reference).first() or Commitment(reference=reference)
        commitment.summit = home
        commitment.kind, commitment.status = kind, status
        commitment.lead_organisation = _org(*lead)
        commitment.coalition = coalitions.get(coalition_slug)
        _set(commitment, "title", titles)
        _set(commitment, "summary", summaries)
        complete(commitment, "summary", texts=TEXTS)
        commitment.amount, commitment.currency, commitment.is_new_money = amount, currency, new_money
        commitment.announced_on, commitment.start_date, commitment.end_date = home.start_date, start, end
        commitment.countries = countries
        commitment.latitude, commitment.longitude = extra.get("point", (None, None))
        commitment.area_hectares = extra.get("area")
        _set(commitment, "place_name", extra.get("place", ("",) * len(LANGS)))
        commitment.contact_name = "Demo reporter"
        commitment.contact_email = f"{reference.lower()}@example.org"
        commitment.contact_language = "fr" if reference in ("OPS21-PREZODE", "MTL26-OSS") else "en"
        commitment.review_state = ReviewState.PUBLISHED
        commitment.published_at = timezone.make_aware(extra.get("published", dt.datetime(2021, 1, 12, 9, 0)))
        commitment.save()
        theme = _theme(home, *theme_words) if theme_words else None
        commitment.themes.set([theme] if theme else [])
        if lead[0] == "Great Green Wall Accelerator partners":
            commitment.partners.all().delete()
            for name, org_kind, role in (("African Development Bank", "finance", PartnerRole.FUNDING),
                                         ("World Bank", "finance", PartnerRole.FUNDING),
                                         ("Pan-African Agency of the Great Green Wall", "igo",
                                          PartnerRole.IMPLEMENTING)):
                commitment.partners.create(organisation=_org(name, org_kind), role=role)
        saved = []
        for order, (title, due, d_status, unit, baseline, target) in enumerate(deliverables):
            deliverable = Deliverable.objects.filter(commitment=commitment, sort_order=order).first() or Deliverable(
                commitment=commitment, sort_order=order)
            deliverable.title_en = title
            complete(deliverable, "title", texts=TEXTS)
            deliverable.due_date, deliverable.status, deliverable.unit_en = due, d_status, unit
            complete(deliverable, "unit", texts=UNITS)
            deliverable.baseline, deliverable.target = baseline, target
            deliverable.save()
            saved.append(deliverable)
        last = None
        for index, (period_start, period_end, published, percent, disbursed, narrative, state) in enumerate(reports):
            report = ProgressReport.objects.filter(commitment=commitment, period_start=period_start).first() or \
                ProgressReport(commitment=commitment, period_start=period_start)
            report.period_end, report.percent_complete, report.disbursed = period_end, percent, disbursed
            report.narrative_en = narrative
            complete(report, "narrative", texts=TEXTS)
            report.state = state
            submitted = timezone.make_aware(published or dt.datetime(2025, 9, 1, 9, 0)) - dt.timedelta(days=20)
            report.submitted_at = submitted
            report.due_on = (last or commitment.announced_on) + dt.timedelta(days=365)
            report.published_at = timezone.make_aware(published) if published else None
            report.disbursed_usd = ExchangeRate.usd(disbursed, currency, period_end) if published else None
            report.save()
            for order, value in extra.get("values", {}).get(index, {}).items():
                DeliverableUpdate.objects.update_or_create(
                    report=report, deliverable=saved[order],
                    defaults={"status": saved[order].status, "value": value})
            if published:
                last = published.date()
                commitment.last_reported_on = last
                commitment.percent_complete = percent
                if report.disbursed_usd is not None:
                    commitment.disbursed_usd = report.disbursed_usd
        # Reviewed by the organisers when published; reporting ones are in progress, the others lapse below.
        commitment.verification = extra.get("verification", Verification.REVIEWED)
        commitment.verifier, commitment.verified_at = "", None
        if last or commitment.lifecycle != Lifecycle.LAPSED:  # a lapsed one stays lapsed until it reports
            commitment.lifecycle = Lifecycle.IN_PROGRESS if last else Lifecycle.NOT_STARTED
            commitment.lifecycle_changed_on = last or commitment.announced_on
        _lifecycle(commitment, extra)
        commitment.save()
        if reference in ALIGNMENTS:
            primary, secondary = ALIGNMENTS[reference]
            services.set_alignment(commitment, (_targets([primary]) or [None])[0], _targets(secondary))
        services.record_version(commitment)
    services.refresh_lifecycles()  # commitments without a report for two cycles lapse
    for words, codes in THEME_TARGETS:
        theme = _theme(summit, *words)
        if theme is not None:
            for target in _targets(codes):
                target.themes.add(theme)
    stdout.write(f"announcements: {len(COMMITMENTS)} demo commitments, {len(COALITIONS)} coalitions.")
