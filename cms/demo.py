"""Demo content of the public site (idempotent: running it twice gives the same pages).

Creates the six Wagtail locales, the English home page as the site root and, in every language, the
same pages: home (with the same sections), summit pages, news index and articles (with their bodies
and tags), practical information, and the menus. English and French texts are here, the other
languages' in ``cms/demo_texts.py``. Summit pages are made for the summits that exist
(``summits/demo.py`` runs first); none is required.
"""

import datetime as dt
import json
import uuid

from django.conf import settings
from wagtail.models import Locale, Page, Site

from summits.models import Summit

from . import demo_texts
from .models import HomePage, Menu, MenuItem, NewsIndexPage, NewsPage, StandardPage, SummitPage

FLAGSHIP = "one-planet-biodiversity"
# Stable translation keys so every language of one page is recognised as the same page on rerun.
NS = uuid.UUID("6f1d3c2e-8a4b-4c59-9f0e-2b7d5a1c9e40")


def key(name):
    return uuid.uuid5(NS, name)


def stream(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


HOME = {
    "en": {"title": "Plenary: summits for the planet",
           "intro": "Programmes, speakers, news and commitments of the international summits on biodiversity, "
                    "in the six official languages of the United Nations."},
    "fr": {"title": "Plenary : des sommets pour la planète",
           "intro": "Programmes, intervenants, actualités et engagements des sommets internationaux sur la "
                    "biodiversité, dans les six langues officielles des Nations unies."},
    "es": {"title": "Plenary: cumbres por el planeta",
           "intro": "Programas, oradores, noticias y compromisos de las cumbres internacionales sobre la "
                    "biodiversidad, en los seis idiomas oficiales de las Naciones Unidas."},
    "ar": {"title": "بلينري: قمم من أجل الكوكب",
           "intro": "برامج القمم الدولية المعنية بالتنوع البيولوجي ومتحدثوها وأخبارها والتزاماتها، "
                    "باللغات الرسمية الست للأمم المتحدة."},
    "zh-hans": {"title": "Plenary：为地球而举行的峰会",
                "intro": "以联合国六种正式语文介绍生物多样性国际峰会的议程、发言人、新闻和承诺。"},
    "ru": {"title": "Plenary: саммиты ради планеты",
           "intro": "Программы, докладчики, новости и обязательства международных саммитов по биоразнообразию "
                    "на шести официальных языках Организации Объединённых Наций."},
}

HOME_BODY = {
    "en": stream(
        ("heading", "Why these summits matter"),
        ("paragraph", p("One Planet summits are not summits of governments alone: heads of state sit with "
                        "international organisations, development banks, businesses and civil society, and each "
                        "comes to announce concrete action, then report back on it.")),
        ("key_figures", {"title": "The movement in figures", "figures": [
            {"figure": "2017", "label": "first One Planet Summit, in Paris"},
            {"figure": "4", "label": "themes for the biodiversity summit"},
            {"figure": "6", "label": "languages of this site"}]}),
    ),
    "fr": stream(
        ("heading", "Pourquoi ces sommets comptent"),
        ("paragraph", p("Les One Planet Summits ne réunissent pas que des gouvernements : chefs d’État, "
                        "organisations internationales, banques de développement, entreprises et société civile "
                        "y viennent annoncer des actions concrètes, puis rendre compte de leur mise en œuvre.")),
        ("key_figures", {"title": "Le mouvement en chiffres", "figures": [
            {"figure": "2017", "label": "premier One Planet Summit, à Paris"},
            {"figure": "4", "label": "thèmes pour le sommet sur la biodiversité"},
            {"figure": "6", "label": "langues de ce site"}]}),
    ),
}

for _code, (_heading, _text, _figures_title, _figures) in demo_texts.HOME_BODY.items():
    HOME_BODY[_code] = stream(
        ("heading", _heading),
        ("paragraph", p(_text)),
        ("key_figures", {"title": _figures_title,
                         "figures": [{"figure": figure, "label": label} for figure, label in _figures]}),
    )

OPS = {
    "en": {"title": "One Planet Summit for Biodiversity",
           "intro": p("France, with the United Nations and the World Bank, hosts a One Planet Summit on "
                      "biodiversity in Paris on 11 January 2021, to raise the ambition of the international "
                      "community on the way to the biodiversity conference (COP15) in Kunming.")},
    "fr": {"title": "One Planet Summit pour la biodiversité",
           "intro": p("La France, avec les Nations unies et la Banque mondiale, accueille à Paris le 11 janvier "
                      "2021 un One Planet Summit consacré à la biodiversité, pour relever l’ambition de la "
                      "communauté internationale sur la route de la conférence de Kunming (COP15).")},
    "es": {"title": "One Planet Summit por la Biodiversidad",
           "intro": p("Francia, junto con las Naciones Unidas y el Banco Mundial, organiza en París el 11 de enero "
                      "de 2021 una cumbre One Planet dedicada a la biodiversidad, para elevar la ambición de la "
                      "comunidad internacional en el camino hacia la COP15 de Kunming.")},
    "ar": {"title": "قمة كوكب واحد من أجل التنوع البيولوجي",
           "intro": p("تستضيف فرنسا، بالتعاون مع الأمم المتحدة والبنك الدولي، قمة «كوكب واحد» المخصصة للتنوع "
                      "البيولوجي في باريس يوم 11 كانون الثاني/يناير 2021، من أجل رفع طموح المجتمع الدولي على "
                      "الطريق إلى مؤتمر كونمينغ (COP15).")},
    "zh-hans": {"title": "“一个星球”生物多样性峰会",
                "intro": p("法国与联合国和世界银行合作，于2021年1月11日在巴黎举办以生物多样性为主题的“一个星球”峰会，"
                           "在通往昆明第十五次缔约方大会的进程中提升国际社会的雄心。")},
    "ru": {"title": "Саммит «Одна планета» по биоразнообразию",
           "intro": p("Франция совместно с Организацией Объединённых Наций и Всемирным банком проводит в Париже "
                      "11 января 2021 года саммит «Одна планета», посвящённый биоразнообразию, чтобы повысить "
                      "амбиции международного сообщества на пути к конференции в Куньмине (КС-15).")},
}

OPS_BODY = {
    "en": stream(
        ("paragraph", p("Heads of state and government meet leaders of international organisations, financial "
                        "institutions, businesses and NGOs. Each is expected to arrive with commitments for "
                        "concrete action to protect and restore nature, and to launch initiatives able to change "
                        "the scale of what is done.")),
        ("quote", {"quote": "By showing that acting for the planet is possible, we help build the conditions for "
                            "an ambitious agreement in Kunming.", "attribution": "Summit organisers", "role": ""}),
    ),
    "fr": stream(
        ("paragraph", p("Chefs d’État et de gouvernement y retrouvent les dirigeants d’organisations "
                        "internationales, d’institutions financières, d’entreprises et d’ONG. Chacun est attendu "
                        "avec des engagements d’action concrète pour protéger et restaurer la nature, et pour lancer "
                        "des initiatives capables de changer d’échelle.")),
        ("quote", {"quote": "En montrant qu’il est possible d’agir pour la planète, nous contribuons à réunir les "
                            "conditions d’un accord ambitieux à Kunming.", "attribution": "Les organisateurs du sommet",
                   "role": ""}),
    ),
}

for _code, (_text, _quote, _attribution) in demo_texts.OPS_BODY.items():
    OPS_BODY[_code] = stream(("paragraph", p(_text)),
                             ("quote", {"quote": _quote, "attribution": _attribution, "role": ""}))

OPS_PRACTICAL = {
    "en": stream(
        ("heading", "Venue and access"),
        ("paragraph", p("The summit is held in Paris. Because of the health situation, most delegations take part "
                        "remotely and the sessions are broadcast live.",
                        "Accredited media receive their access details by email the day before.")),
        ("heading", "Interpretation"),
        ("paragraph", p("Plenary sessions are interpreted into the six official languages of the United Nations. "
                        "Side events state their languages in the programme.")),
    ),
    "fr": stream(
        ("heading", "Lieu et accès"),
        ("paragraph", p("Le sommet se tient à Paris. En raison de la situation sanitaire, la plupart des "
                        "délégations participent à distance et les sessions sont retransmises en direct.",
                        "Les médias accrédités reçoivent leurs informations d’accès par courriel la veille.")),
        ("heading", "Interprétation"),
        ("paragraph", p("Les séances plénières sont interprétées dans les six langues officielles des Nations "
                        "unies. Les événements parallèles indiquent leurs langues dans le programme.")),
    ),
}

for _code, (_venue, _venue_text, _interpretation, _interpretation_text) in demo_texts.OPS_PRACTICAL.items():
    OPS_PRACTICAL[_code] = stream(("heading", _venue), ("paragraph", p(*_venue_text)),
                                  ("heading", _interpretation), ("paragraph", p(*_interpretation_text)))

NEWS_INDEX = {"en": "News", "fr": "Actualités", "es": "Noticias", "ar": "الأخبار", "zh-hans": "新闻", "ru": "Новости"}
NEWS_SLUG = {"en": "news", "fr": "actualites", "es": "noticias", "ar": "news-ar", "zh-hans": "news-zh",
             "ru": "novosti"}

NEWS = [
    ("ops-announced", dt.date(2021, 1, 6), ["biodiversity", "Paris"], {
        "en": ("One Planet Summit for Biodiversity announced for 11 January",
               "France, the United Nations and the World Bank convene a summit on nature in Paris, with four themes "
               "chosen to protect life on Earth."),
        "fr": ("Le One Planet Summit pour la biodiversité annoncé pour le 11 janvier",
               "La France, les Nations unies et la Banque mondiale réunissent à Paris un sommet consacré à la nature, "
               "autour de quatre thèmes choisis pour protéger le vivant."),
        "es": ("Anunciada la cumbre One Planet por la Biodiversidad para el 11 de enero",
               "Francia, las Naciones Unidas y el Banco Mundial convocan en París una cumbre sobre la naturaleza, "
               "con cuatro temas para proteger la vida en la Tierra."),
        "ar": ("الإعلان عن قمة كوكب واحد من أجل التنوع البيولوجي في 11 كانون الثاني/يناير",
               "تدعو فرنسا والأمم المتحدة والبنك الدولي إلى قمة في باريس مخصصة للطبيعة، حول أربعة محاور "
               "اختيرت لحماية الحياة على الأرض."),
        "zh-hans": ("“一个星球”生物多样性峰会定于1月11日举行",
                    "法国、联合国和世界银行在巴黎召集一次以自然为主题的峰会，围绕保护地球生命的四个主题展开。"),
        "ru": ("Саммит «Одна планета» по биоразнообразию пройдёт 11 января",
               "Франция, ООН и Всемирный банк созывают в Париже саммит о природе, посвящённый четырём темам "
               "защиты жизни на Земле."),
    }),
    ("great-green-wall", dt.date(2021, 1, 11), ["agro-ecology", "Sahel"], {
        "en": ("Accelerating the Great Green Wall across the Sahara and the Sahel",
               "Agro-ecology protects the diversity of ecosystems while creating jobs and improving food security; "
               "the summit looks for ways to speed up the Great Green Wall."),
        "fr": ("Accélérer la Grande Muraille verte au Sahara et au Sahel",
               "L’agroécologie protège la diversité des écosystèmes tout en créant des emplois et en renforçant la "
               "sécurité alimentaire ; le sommet cherche à accélérer la Grande Muraille verte."),
    }),
    ("finance-for-nature", dt.date(2021, 1, 11), ["finance"], {
        "en": ("New money for nature: finance takes centre stage",
               "Innovative funding and the convergence of public finance for climate and biodiversity are on the "
               "table, to direct more investment to protecting and restoring ecosystems."),
        "fr": ("De l’argent neuf pour la nature : la finance au premier plan",
               "Financements innovants et convergence des fonds publics pour le climat et la biodiversité sont sur "
               "la table, pour orienter davantage d’investissements vers la protection des écosystèmes."),
    }),
]

PRACTICAL = {
    "en": ("Information for participants and media", "practical-information",
           "How to register, get accredited as a journalist and follow the sessions.",
           stream(("heading", "Registration"),
                  ("paragraph", p("Delegates, speakers, media and observers register online in their own language. "
                                  "Some categories are reviewed by the secretariat before approval.")),
                  ("heading", "Media accreditation"),
                  ("paragraph", p("Journalists apply with a press card or a letter from their editor. Approved "
                                  "media receive a badge and the press conference schedule.")))),
    "fr": ("Informations pour les participants et les médias", "informations-pratiques",
           "S’inscrire, obtenir une accréditation de presse et suivre les sessions.",
           stream(("heading", "Inscription"),
                  ("paragraph", p("Délégués, intervenants, médias et observateurs s’inscrivent en ligne dans leur "
                                  "langue. Certaines catégories sont examinées par le secrétariat avant validation.")),
                  ("heading", "Accréditation des médias"),
                  ("paragraph", p("Les journalistes présentent une carte de presse ou une lettre de leur "
                                  "rédaction. Les médias acceptés reçoivent un badge et le calendrier des "
                                  "conférences de presse.")))),
}

for _name, _date, _tags, _texts in NEWS:
    _texts.update(demo_texts.NEWS.get(_name, {}))
for _code, (_title, _slug, _intro, _h1, _t1, _h2, _t2) in demo_texts.PRACTICAL.items():
    PRACTICAL[_code] = (_title, _slug, _intro, stream(("heading", _h1), ("paragraph", p(_t1)),
                                                      ("heading", _h2), ("paragraph", p(_t2))))


def news_body(name, code):
    return stream(*(("paragraph", p(text)) for text in demo_texts.NEWS_BODIES.get(name, {}).get(code, [])))


def news_tags(tags, code):
    return [demo_texts.TAGS.get(tag, {}).get(code, tag) if code != "en" else tag for tag in tags]


MENU_LABELS = {
    "en": ("Summits", "News", "Practical information", "Search", "Plenary · an open-source platform for "
           "multi-stakeholder summits."),
    "fr": ("Sommets", "Actualités", "Informations pratiques", "Recherche", "Plenary · une plateforme libre pour les "
           "sommets multi-acteurs."),
    "es": ("Cumbres", "Noticias", "Información práctica", "Búsqueda", "Plenary · una plataforma libre para cumbres "
           "de múltiples actores."),
    "ar": ("القمم", "الأخبار", "معلومات عملية", "البحث", "بلينري · منصة مفتوحة المصدر للقمم المتعددة أصحاب "
           "المصلحة."),
    "zh-hans": ("峰会", "新闻", "实用信息", "搜索", "Plenary · 面向多利益攸关方峰会的开源平台。"),
    "ru": ("Саммиты", "Новости", "Практическая информация", "Поиск", "Plenary · открытая платформа для саммитов "
           "с участием многих сторон."),
}


def ensure_locales():
    locales = {}
    for code, _name in settings.LANGUAGES:
        locales[code], _ = Locale.objects.get_or_create(language_code=code)
    return locales


def _without_block_ids(data):
    if isinstance(data, list):
        return [_without_block_ids(item) for item in data]
    if isinstance(data, dict):
        block = "type" in data and "value" in data
        return {key: _without_block_ids(item) for key, item in data.items() if not (block and key == "id")}
    return data


def publish(page, **fields):
    """Set fields on a page and publish it if anything changed (keeps reruns from piling up revisions)."""
    changed = not page.live
    for name, value in fields.items():
        current = getattr(page, name)
        if name in ("body", "practical"):
            # Stored blocks carry ids the demo's source does not: compare without them (else every
            # reload republished every page — a third of a demo load).
            current = json.dumps(_without_block_ids(list(current.raw_data))) if current is not None else None
            wanted = json.dumps(_without_block_ids(json.loads(value))) if isinstance(value, str) else value
            if current != wanted:
                changed = True
                setattr(page, name, value)
        elif current != value:
            changed = True
            setattr(page, name, value)
    if changed or page.has_unpublished_changes:
        page.save_revision().publish()
    return page


def child(parent, model, translation_key, locale, existing=None, **fields):
    page = existing or model.objects.filter(translation_key=translation_key, locale=locale).first()
    if page is None:
        page = model(translation_key=translation_key, locale=locale, live=False, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
    return publish(page, **fields)


def translation_of(page, locale, **fields):
    """The translation of ``page`` in ``locale`` (created with Wagtail's copy for translation), published."""
    existing = page.get_translation_or_none(locale)
    if existing is None:
        existing = page.copy_for_translation(locale)
    return publish(existing.specific, **fields)


def load(stdout):
    locales = ensure_locales()
    en = locales["en"]
    root = Page.get_first_root_node()
    if root is None:  # a flushed database (Wagtail's migration normally creates the root)
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=en))
    home = HomePage.objects.filter(translation_key=key("home"), locale=en).first()
    if home is None:
        home = HomePage(translation_key=key("home"), locale=en, slug="home-en", title=HOME["en"]["title"],
                        intro=HOME["en"]["intro"], body=HOME_BODY["en"])
        root.add_child(instance=home)
        home.save_revision().publish()
    publish(home, title=HOME["en"]["title"], intro=HOME["en"]["intro"], body=HOME_BODY["en"])
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True,
                                   site_name="Plenary")
    elif site.root_page_id != home.pk:
        old = site.root_page
        site.root_page = home
        site.site_name = "Plenary"
        site.save()
        if type(old.specific) is Page and old.depth == 2:  # Wagtail's "Welcome" placeholder
            old.delete()
    homes = {"en": home}
    for code in locales:
        if code != "en":
            homes[code] = translation_of(home, locales[code], title=HOME[code]["title"], intro=HOME[code]["intro"],
                                         body=HOME_BODY.get(code, stream()))

    summit_pages = load_summit_pages(homes, locales)
    news_indexes = load_news(homes, locales)
    practical = {}
    for code in locales:
        title, slug, intro, body = PRACTICAL[code]
        practical[code] = child(homes[code], StandardPage, key("practical"), locales[code], title=title, slug=slug,
                                intro=intro, body=body)
    load_menus(locales, summit_pages, news_indexes, practical)
    stdout.write(f"cms: home page in {len(homes)} languages, {len(summit_pages)} summit page(s), "
                 f"{NewsPage.objects.count()} news pages")


def load_summit_pages(homes, locales):
    summits = list(Summit.objects.all())
    summits.sort(key=lambda s: (s.slug != FLAGSHIP, s.start_date))
    made = []
    for summit in summits:
        texts = OPS if summit.slug == FLAGSHIP else None
        pages = {}
        for code in locales:
            suffix = code.replace("-", "_")
            title = texts[code]["title"] if texts else (getattr(summit, f"title_{suffix}", "") or summit.title_en)
            intro = texts[code]["intro"] if texts else p(getattr(summit, f"tagline_{suffix}", "") or
                                                         summit.tagline_en or "")
            fields = {"title": title, "intro": intro}
            # Languages without a written body show the translated overview and practical fallbacks
            # rather than English paragraphs in the middle of an Arabic or Chinese page.
            fields["body"] = (OPS_BODY if texts else {}).get(code, stream())
            fields["practical"] = (OPS_PRACTICAL if texts else {}).get(code, stream())
            if code == "en":
                # An organiser may already have made this summit's page: complete it, don't duplicate it.
                existing = SummitPage.objects.filter(summit=summit, locale=locales["en"]).first()
                pages[code] = child(homes["en"], SummitPage, key(f"summit:{summit.slug}"), locales["en"],
                                    existing=existing, slug=existing.slug if existing else summit.slug,
                                    summit=summit, **fields)
            else:
                pages[code] = translation_of(pages["en"], locales[code], **fields)
        made.append(pages)
    return made


def load_news(homes, locales):
    indexes = {}
    for code in locales:
        if code == "en":
            indexes[code] = child(homes["en"], NewsIndexPage, key("news"), locales["en"], title=NEWS_INDEX["en"],
                                  slug=NEWS_SLUG["en"])
        else:
            indexes[code] = translation_of(indexes["en"], locales[code], title=NEWS_INDEX[code], slug=NEWS_SLUG[code])
    flagship = Summit.objects.filter(slug=FLAGSHIP).first()
    for name, date, tags, texts in NEWS:
        english = None
        for code, (title, intro) in texts.items():
            fields = {"title": title, "intro": intro, "date": date, "summit": flagship, "body": news_body(name, code)}
            if code == "en":
                english = child(indexes["en"], NewsPage, key(f"news:{name}"), locales["en"], slug=name, **fields)
                if sorted(english.tags.names()) != sorted(tags):
                    english.tags.set(tags)
                    english.save_revision().publish()
            else:
                translated = translation_of(english, locales[code], **fields)
                local_tags = news_tags(tags, code)
                if sorted(translated.tags.names()) != sorted(local_tags):
                    translated.tags.set(local_tags)
                    translated.save_revision().publish()
    return indexes


def load_menus(locales, summit_pages, news_indexes, practical):
    flagship = summit_pages[0] if summit_pages else {}
    for code, locale in locales.items():
        summits_label, news_label, practical_label, _search, note = MENU_LABELS[code]
        main, _ = Menu.objects.get_or_create(handle="main", locale=locale,
                                             defaults={"translation_key": key("menu:main")})
        links = []
        if flagship:
            links.append((summits_label, flagship.get(code) or flagship["en"]))
        links.append((news_label, news_indexes.get(code) or news_indexes["en"]))
        links.append((practical_label, practical.get(code) or practical["en"]))
        wanted = [(label, page.pk) for label, page in links]
        if [(i.label, i.link_page_id) for i in main.items.order_by("sort_order")] != wanted:
            main.items.all().delete()
            for order, (label, page_id) in enumerate(wanted):
                MenuItem.objects.create(menu=main, label=label, link_page_id=page_id, sort_order=order)
        footer, _ = Menu.objects.get_or_create(handle="footer", locale=locale,
                                               defaults={"translation_key": key("menu:footer")})
        if footer.note != note:
            footer.note = note
            footer.save()
        wanted = [(practical_label, (practical.get(code) or practical["en"]).pk)]
        if [(i.label, i.link_page_id) for i in footer.items.order_by("sort_order")] != wanted:
            footer.items.all().delete()
            for order, (label, page_id) in enumerate(wanted):
                MenuItem.objects.create(menu=footer, label=label, link_page_id=page_id, sort_order=order)
