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
from .models import Coalition, Commitment, Deliverable, ExchangeRate, FrameworkTarget, ProgressReport

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
     [("First protected areas funded", None, DeliverableStatus.PLANNED, "", None, None)],
     []),
]


# Alignment of each demo commitment: (primary, [secondary]) GBF/SDG codes.
ALIGNMENTS = {
    "OPS21-GGW": ("GBF-T2", ["SDG-15", "SDG-13", "SDG-1"]),
    "OPS21-HAC": ("GBF-T3", ["SDG-14", "SDG-15", "GBF-A"]),
    "OPS21-PREZODE": ("SDG-3", ["GBF-T21", "GBF-T20"]),
    "OPS21-1000L": ("GBF-T1", ["GBF-T10", "SDG-2", "SDG-15"]),
    "OPS21-LEGACY": ("GBF-T19", ["GBF-T3", "GBF-D"]),
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
    for (reference, kind, status, lead, coalition_slug, titles, summaries, amount, currency, new_money, start, end,
         theme_words, countries, deliverables, reports) in COMMITMENTS:
        commitment = Commitment.objects.filter(reference=reference).first() or Commitment(reference=reference)
        commitment.summit = summit
        commitment.kind, commitment.status = kind, status
        commitment.lead_organisation = _org(*lead)
        commitment.coalition = coalitions.get(coalition_slug)
        _set(commitment, "title", titles)
        _set(commitment, "summary", summaries)
        complete(commitment, "summary", texts=TEXTS)
        commitment.amount, commitment.currency, commitment.is_new_money = amount, currency, new_money
        commitment.announced_on, commitment.start_date, commitment.end_date = summit.start_date, start, end
        commitment.countries = countries
        commitment.contact_name = "Demo reporter"
        commitment.contact_email = f"{reference.lower()}@example.org"
        commitment.contact_language = "fr" if reference in ("OPS21-PREZODE",) else "en"
        if commitment.review_state != ReviewState.PUBLISHED:
            commitment.review_state = ReviewState.PUBLISHED
            commitment.published_at = timezone.make_aware(dt.datetime(2021, 1, 12, 9, 0))
        commitment.save()
        theme = _theme(summit, *theme_words)
        commitment.themes.set([theme] if theme else [])
        if lead[0] == "Great Green Wall Accelerator partners":
            commitment.partners.all().delete()
            for name, org_kind, role in (("African Development Bank", "finance", PartnerRole.FUNDING),
                                         ("World Bank", "finance", PartnerRole.FUNDING),
                                         ("Pan-African Agency of the Great Green Wall", "igo",
                                          PartnerRole.IMPLEMENTING)):
                commitment.partners.create(organisation=_org(name, org_kind), role=role)
        for order, (title, due, d_status, unit, baseline, target) in enumerate(deliverables):
            deliverable = Deliverable.objects.filter(commitment=commitment, sort_order=order).first() or Deliverable(
                commitment=commitment, sort_order=order)
            deliverable.title_en = title
            complete(deliverable, "title", texts=TEXTS)
            deliverable.due_date, deliverable.status, deliverable.unit_en = due, d_status, unit
            complete(deliverable, "unit", texts=UNITS)
            deliverable.baseline, deliverable.target = baseline, target
            deliverable.save()
        last = None
        for period_start, period_end, published, percent, disbursed, narrative, state in reports:
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
            if published:
                last = published.date()
                commitment.last_reported_on = last
                commitment.percent_complete = percent
                if report.disbursed_usd is not None:
                    commitment.disbursed_usd = report.disbursed_usd
        # Reviewed by the organisers when published; reporting ones are in progress, the others lapse below.
        commitment.verification = Verification.REVIEWED
        commitment.lifecycle = Lifecycle.IN_PROGRESS if last else Lifecycle.NOT_STARTED
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
