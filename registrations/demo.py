"""Demo data for registrations (idempotent): categories of the One Planet Summit for Biodiversity,
about forty participants in every state and the six languages, a few session bookings, an
invitation and a reworded email. Opens the summit's registration window so a visitor can register."""

import datetime as dt
import hashlib


from django_countries import countries

from summits.models import Organisation, Session, Summit

from .choices import BookingStatus, RegistrationStatus
from .models import (REFERENCE_ALPHABET, AuditEntry, EmailTemplate, Invitation, Registration, RegistrationCategory,
                     SessionBooking, summit_prefix)

S = RegistrationStatus

# slug, colour, quota, needs approval, invitation only, code, requires position, names in en fr es ar zh-hans ru
CATEGORIES = [
    ("head-of-delegation", "#8E0000", 60, True, True, "OPS-HOD-2021", True,
     ("Head of delegation", "Chef de délégation", "Jefe de delegación", "رئيس وفد", "代表团团长", "Глава делегации")),
    ("government", "#1B6E3A", 150, True, False, "", True,
     ("Government delegate", "Délégué gouvernemental", "Delegado gubernamental", "مندوب حكومي", "政府代表",
      "Правительственный делегат")),
    ("un-igo", "#1565C0", 80, True, False, "", True,
     ("UN and intergovernmental organisations", "Nations unies et organisations intergouvernementales",
      "Naciones Unidas y organizaciones intergubernamentales", "الأمم المتحدة والمنظمات الحكومية الدولية",
      "联合国和政府间组织", "ООН и межправительственные организации")),
    ("business", "#6A1B9A", 60, True, False, "", False,
     ("Business", "Entreprises", "Empresas", "قطاع الأعمال", "工商界", "Бизнес")),
    ("civil-society", "#EF6C00", 80, False, False, "", False,
     ("Civil society / NGO", "Société civile / ONG", "Sociedad civil / ONG", "المجتمع المدني / المنظمات غير الحكومية",
      "民间社会/非政府组织", "Гражданское общество / НКО")),
    ("iplc", "#795548", 30, False, False, "", False,
     ("Indigenous peoples and local communities", "Peuples autochtones et communautés locales",
      "Pueblos indígenas y comunidades locales", "الشعوب الأصلية والمجتمعات المحلية", "土著人民和地方社区",
      "Коренные народы и местные общины")),
    ("youth", "#00838F", 6, False, False, "", False,
     ("Youth", "Jeunesse", "Juventud", "الشباب", "青年", "Молодёжь")),
    ("media", "#37474F", 40, True, False, "", True,
     ("Media", "Médias", "Medios de comunicación", "وسائل الإعلام", "媒体", "СМИ")),
]

LANG_SUFFIXES = ["en", "fr", "es", "ar", "zh_hans", "ru"]

# honorific, given, family, category, status, language, nationality, organisation acronym or typed name, position,
# needs letter, checked in
PEOPLE = [
    ("H.E. Ms", "Hélène", "Marchetti", "head-of-delegation", S.APPROVED, "fr", "FR", "", "Minister for Ecological Transition (demo)", False, True),
    ("H.E. Mr", "Tomás", "Echeverría", "head-of-delegation", S.APPROVED, "es", "CR", "", "Minister of Environment (demo)", True, True),
    ("H.E. Ms", "Salma", "Haddad", "head-of-delegation", S.APPROVED, "ar", "JO", "", "Minister of Environment (demo)", True, False),
    ("H.E. Mr", "Wei", "Zhang", "head-of-delegation", S.PENDING, "zh-hans", "CN", "", "Vice-Minister (demo)", True, False),
    ("H.E. Ms", "Olga", "Sokolova", "head-of-delegation", S.PENDING, "ru", "KZ", "", "Deputy Minister of Ecology (demo)", True, False),
    ("Mr", "Kwame", "Asante", "government", S.APPROVED, "en", "GH", "", "Director of Wildlife (demo)", True, True),
    ("Ms", "Priya", "Raman", "government", S.APPROVED, "en", "IN", "", "Joint Secretary, Forests (demo)", True, False),
    ("Mr", "Lucas", "Ferreira", "government", S.APPROVED, "es", "BR", "", "Negotiator, Biodiversity (demo)", True, False),
    ("Ms", "Fatima", "Benali", "government", S.PENDING, "ar", "MA", "", "Adviser to the Minister (demo)", True, False),
    ("Mr", "Youssef", "Mansour", "government", S.PENDING, "ar", "EG", "", "Head of Protected Areas (demo)", True, False),
    ("Ms", "Anna", "Kowalska", "government", S.APPROVED, "en", "PL", "", "Senior Expert (demo)", False, False),
    ("Mr", "Jean-Baptiste", "Ndiaye", "government", S.REJECTED, "fr", "SN", "", "Attaché (demo)", False, False),
    ("Ms", "Mei", "Lin", "government", S.APPROVED, "zh-hans", "CN", "", "Division Director (demo)", True, False),
    ("Mr", "Dmitri", "Volkov", "government", S.CANCELLED, "ru", "RU", "", "Counsellor (demo)", True, False),
    ("Dr", "Grace", "Wanjiru", "un-igo", S.APPROVED, "en", "KE", "UNEP", "Programme Officer (demo)", False, True),
    ("Ms", "Claire", "Dupont", "un-igo", S.APPROVED, "fr", "FR", "UNESCO", "Programme Specialist (demo)", False, False),
    ("Mr", "Rafael", "Gómez", "un-igo", S.PENDING, "es", "MX", "FAO", "Forestry Officer (demo)", False, False),
    ("Dr", "Ahmed", "Karim", "un-igo", S.APPROVED, "ar", "TN", "IUCN", "Regional Director (demo)", False, False),
    ("Ms", "Laura", "Bianchi", "business", S.APPROVED, "en", "IT", "Verdant Capital (demo)", "Head of Sustainability", False, False),
    ("Mr", "Hiroshi", "Tanaka", "business", S.PENDING, "en", "JP", "Kaiyo Foods (demo)", "Chief Sustainability Officer", True, False),
    ("Ms", "Sophie", "Laurent", "business", S.REJECTED, "fr", "FR", "Forêts & Co (demo)", "Communication", False, False),
    ("Mr", "Carlos", "Medina", "business", S.APPROVED, "es", "CO", "Café Andino (demo)", "CEO", False, False),
    ("Ms", "Aisha", "Abdullahi", "civil-society", S.APPROVED, "en", "NG", "Green Savannah Network (demo)", "Coordinator", True, True),
    ("Mr", "Mathieu", "Girard", "civil-society", S.APPROVED, "fr", "BE", "Réseau Haies Vives (demo)", "Président", False, False),
    ("Ms", "Leila", "Nasser", "civil-society", S.APPROVED, "ar", "LB", "Cedar Keepers (demo)", "Campaigner", True, False),
    ("Ms", "Natalia", "Ivanova", "civil-society", S.APPROVED, "ru", "AM", "Caucasus Wild (demo)", "Director", True, False),
    ("Mr", "Juan", "Pérez", "civil-society", S.CANCELLED, "es", "AR", "Pampa Viva (demo)", "Volunteer", False, False),
    ("Ms", "Xiaoling", "Chen", "civil-society", S.APPROVED, "zh-hans", "CN", "Wetland Friends (demo)", "Researcher", False, False),
    ("Mr", "Tupaq", "Quispe", "iplc", S.APPROVED, "es", "PE", "Ayllu Federation (demo)", "Spokesperson", True, False),
    ("Ms", "Sápmi", "Aikio", "iplc", S.APPROVED, "en", "FI", "Sámi Council (demo)", "Adviser", False, False),
    ("Mr", "Kamau", "Lekishon", "iplc", S.PENDING, "en", "KE", "Maasai Land Trust (demo)", "Elder", True, False),
    ("Ms", "Ines", "Duarte", "youth", S.APPROVED, "es", "PT", "Youth for Oceans (demo)", "Delegate", False, True),
    ("Mr", "Omar", "Saleh", "youth", S.APPROVED, "ar", "JO", "Arab Youth Climate (demo)", "Delegate", True, False),
    ("Ms", "Chloé", "Martin", "youth", S.APPROVED, "fr", "CA", "Jeunes pour la Terre (demo)", "Déléguée", False, False),
    ("Mr", "Ivan", "Petrov", "youth", S.APPROVED, "ru", "BG", "Green Students (demo)", "Delegate", True, False),
    ("Ms", "Yuki", "Sato", "youth", S.APPROVED, "en", "JP", "Nature Youth Japan (demo)", "Delegate", False, False),
    ("Mr", "Diego", "Ramos", "youth", S.APPROVED, "es", "CL", "Jóvenes Andinos (demo)", "Delegate", False, False),
    ("Ms", "Amira", "Fathi", "youth", S.WAITLISTED, "ar", "DZ", "Sahara Youth (demo)", "Delegate", True, False),
    ("Mr", "Li", "Hao", "youth", S.WAITLISTED, "zh-hans", "CN", "Green Campus (demo)", "Delegate", False, False),
    ("Ms", "Rachel", "Moreau", "media", S.APPROVED, "fr", "FR", "Planet Press (demo)", "Environment correspondent", False, True),
    ("Mr", "Ben", "Carter", "media", S.PENDING, "en", "GB", "Daily Ecology (demo)", "Reporter", False, False),
    ("Ms", "Sara", "Haile", "media", S.APPROVED, "en", "ET", "Horn Radio (demo)", "Producer", False, False),
]


def _reference(summit, email):
    digest = hashlib.sha256(f"{summit.slug}:{email}".encode()).digest()
    return f"{summit_prefix(summit)}-" + "".join(REFERENCE_ALPHABET[b % len(REFERENCE_ALPHABET)] for b in digest[:6])


def _email(given, family):
    import unicodedata

    text = unicodedata.normalize("NFKD", f"{given}.{family}").encode("ascii", "ignore").decode().lower()
    return f"{text.replace(' ', '').replace('-', '')}@example.org"


def load(stdout):
    summit = Summit.objects.filter(slug="one-planet-biodiversity").first()
    if summit is None:
        stdout.write("Registrations demo skipped: the summit one-planet-biodiversity is not loaded.")
        return
    if summit.registration_opens is None or summit.registration_closes is None:
        summit.registration_opens = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
        summit.registration_closes = dt.datetime(2030, 12, 31, 23, 59, tzinfo=dt.timezone.utc)
        summit.save(update_fields=["registration_opens", "registration_closes"])
    categories = {}
    for order, (slug, colour, quota, approval, invitation, code, position, names) in enumerate(CATEGORIES):
        category = RegistrationCategory.objects.filter(summit=summit, slug=slug).first() or RegistrationCategory(
            summit=summit, slug=slug)
        category.badge_colour, category.quota, category.needs_approval = colour, quota, approval
        category.invitation_only, category.invitation_code, category.requires_position = invitation, code, position
        category.requires_organisation, category.sort_order = True, order
        for suffix, name in zip(LANG_SUFFIXES, names):
            setattr(category, f"name_{suffix}", name)
        category.name = names[0]
        category.save()
        categories[slug] = category

    organisations = {o.acronym: o for o in Organisation.objects.exclude(acronym="")}
    base = dt.datetime(2026, 10, 1, 8, 0, tzinfo=dt.timezone.utc)
    people = []
    for index, row in enumerate(PEOPLE):
        honorific, given, family, cat, status, lang, country, org, position, letter, checked_in = row
        email = _email(given, family)
        registration = Registration.objects.filter(summit=summit, email=email).first() or Registration(
            summit=summit, email=email, reference=_reference(summit, email))
        registration.category = categories[cat]
        registration.honorific, registration.given_name, registration.family_name = honorific, given, family
        registration.status, registration.preferred_language, registration.nationality = status, lang, country
        registration.organisation = organisations.get(org) if org else None
        registration.organisation_name = "" if registration.organisation else (org or f"Government of {countries.name(country)}")
        registration.position, registration.needs_letter = position, letter
        registration.passport_number = f"X{index:07d}" if letter else ""
        registration.passport_expiry = dt.date(2031, 6, 30) if letter else None
        registration.date_of_birth = dt.date(1970 + index % 30, 1 + index % 12, 1 + index % 28) if letter else None
        registration.consent_privacy, registration.list_publicly = True, index % 3 == 0
        registration.status_reason = "Outside the scope of the accreditation rules (demo)." if status == S.REJECTED else ""
        registration.checked_in_at = base + dt.timedelta(days=40, minutes=index) if checked_in else None
        registration.save()
        # A stable registration time gives a stable waiting-list order.
        Registration.objects.filter(pk=registration.pk).update(created_at=base + dt.timedelta(hours=index))
        if not registration.audit.exists():
            AuditEntry.objects.create(registration=registration, actor_label="participant", action="register",
                                      to_status=status)
        people.append(registration)

    sessions = list(Session.objects.filter(summit=summit, capacity__isnull=False).order_by("start")[:3])
    approved = [p for p in people if p.status == S.APPROVED]
    for i, person in enumerate(approved[:12]):
        for session in sessions[: 1 + i % 2]:
            SessionBooking.objects.get_or_create(registration=person, session=session,
                                                 defaults={"status": BookingStatus.BOOKED})

    Invitation.objects.get_or_create(category=categories["head-of-delegation"], email="minister.demo@example.gov")
    EmailTemplate.objects.update_or_create(
        summit=summit, kind="approved", language="en",
        defaults={"subject": "{{ summit }}: you are accredited ({{ reference }})",
                  "body": "Dear {{ name }},\n\nYou are accredited to the {{ summit }}. Bring your badge and an "
                          "identity document.\n\nYour badge, letters and sessions: {{ manage_url }}\n\n"
                          "The summit secretariat"},
    )
    counts = Registration.objects.filter(summit=summit).values_list("status")
    stdout.write(f"Registrations: {len(people)} demo participants in {len(categories)} categories "
                 f"({sum(1 for (s,) in counts if s == S.APPROVED)} approved); registration open until "
                 f"{summit.registration_closes:%Y-%m-%d}.")
