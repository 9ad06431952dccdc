import pytest

from summits.choices import SpeakerRole
from summits.documents import date_range_text, programme_booklet_pdf
from tests.summits.factories import (
    RoomFactory, SessionFactory, SessionSpeakerFactory, SpeakerFactory, SummitFactory, ThemeFactory, local,
)

from .helpers import page_texts, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def summit():
    summit = SummitFactory(
        title="One Planet Summit", title_fr="Sommet One Planet", title_ar="قمة كوكب واحد",
        title_zh_hans="一个星球峰会", title_es="Cumbre Un Planeta", title_ru="Саммит «Одна планета»",
    )
    theme = ThemeFactory(summit=summit, title="Protecting ecosystems", title_fr="Protéger les écosystèmes",
                         title_ar="حماية النظم البيئية", title_zh_hans="保护生态系统")
    room = RoomFactory(summit=summit, name="Grand Hall", name_ar="القاعة الكبرى", name_zh_hans="大厅")
    session = SessionFactory(
        summit=summit, theme=theme, room=room, title="Opening plenary", title_fr="Plénière d'ouverture",
        title_ar="الجلسة العامة الافتتاحية", title_zh_hans="开幕全体会议", title_es="Plenaria de apertura",
        title_ru="Пленарное заседание открытия",
        start=local(summit, 0, 9), end=local(summit, 0, 10, 30),
    )
    speaker = SpeakerFactory(given_name="Inger", family_name="Andersen")
    SessionSpeakerFactory(session=session, speaker=speaker, role=SpeakerRole.CHAIR)
    SessionFactory(summit=summit, title="Hidden draft", is_published=False,
                   start=local(summit, 1, 9), end=local(summit, 1, 10))
    SessionFactory(summit=summit, title="Financing nature", room=room,
                   start=local(summit, 1, 14), end=local(summit, 1, 15))
    return summit


def flat(pdf):
    return text(pdf).replace("\n", " ")


def test_english_booklet_lists_sessions_rooms_speakers_and_times(summit):
    content = flat(programme_booklet_pdf(summit, "en"))
    for expected in ["One Planet Summit", "Opening plenary", "Grand Hall", "Inger Andersen", "Chair",
                     "09:00–10:30", "Protecting ecosystems", "Friday", "Financing nature"]:
        assert expected in content, expected


def test_booklet_leaves_out_unpublished_sessions(summit):
    assert "Hidden draft" not in flat(programme_booklet_pdf(summit, "en"))


def test_booklet_starts_a_page_per_day(summit):
    pages = page_texts(programme_booklet_pdf(summit, "en"))
    day_pages = [i for i, page in enumerate(pages) if "Opening plenary" in page and "Friday" in page]
    next_day = [i for i, page in enumerate(pages) if "Financing nature" in page and "Saturday" in page]
    assert day_pages and next_day and next_day[0] > day_pages[0]


def test_french_booklet_is_in_french(summit):
    content = flat(programme_booklet_pdf(summit, "fr"))
    for expected in ["Sommet One Planet", "Plénière d'ouverture", "Protéger les écosystèmes", "vendredi",
                     "janvier", "Thèmes", "Intervenants", "Salle"]:
        assert expected in content, expected


def test_arabic_booklet_is_in_arabic(summit):
    content = flat(programme_booklet_pdf(summit, "ar"))
    for expected in ["قمة كوكب واحد", "الجلسة العامة الافتتاحية", "القاعة الكبرى", "حماية النظم البيئية", "يناير",
                     "المتحدثون", "المحاور"]:
        assert expected in content, expected


def test_chinese_booklet_is_in_chinese(summit):
    content = flat(programme_booklet_pdf(summit, "zh-hans")).replace(" ", "")
    for expected in ["一个星球峰会", "开幕全体会议", "大厅", "保护生态系统", "2030年1月11日", "发言人", "主题"]:
        assert expected in content, expected


def test_russian_and_spanish_booklets_use_their_month_names(summit):
    russian, spanish = flat(programme_booklet_pdf(summit, "ru")), flat(programme_booklet_pdf(summit, "es"))
    assert "января" in russian and "Программа" in russian
    assert "enero" in spanish and "Programa" in spanish


def test_date_range_text_is_localised():
    import datetime as dt

    assert date_range_text(dt.date(2021, 1, 11), dt.date(2021, 1, 11), "fr") == "11 janvier 2021"
    assert date_range_text(dt.date(2021, 1, 11), dt.date(2021, 1, 12), "en") == "11\u2009–\u200912 January 2021"


def test_booklet_query_count_does_not_grow_with_sessions(summit, django_assert_max_num_queries):
    for hour in range(10, 18):
        session = SessionFactory(summit=summit, start=local(summit, 1, hour, 0), end=local(summit, 1, hour, 45))
        SessionSpeakerFactory(session=session)
    with django_assert_max_num_queries(8):
        programme_booklet_pdf(summit, "en")


def test_public_booklet_is_served_in_the_pages_language(client, summit):
    from django.urls import reverse
    from django.utils import translation

    with translation.override("fr"):
        url = reverse("registrations:programme_pdf", args=[summit.slug])
    response = client.get(url)
    assert response.status_code == 200 and url.startswith("/fr/")
    assert "Plénière d'ouverture" in flat(response.content)


def test_public_booklet_of_a_draft_summit_is_not_found(client, summit):
    from django.urls import reverse

    summit.status = "draft"
    summit.save()
    assert client.get(reverse("registrations:programme_pdf", args=[summit.slug])).status_code == 404


def test_booklet_is_laid_out_once_per_version_of_the_programme(summit):
    from django.core.files.storage import default_storage

    from summits.documents import BOOKLET_DIR, programme_booklet_cached

    first = programme_booklet_cached(summit, "en")
    assert programme_booklet_cached(summit, "en") == first
    assert len(default_storage.listdir(BOOKLET_DIR)[1]) == 1
    session = summit.sessions.get(start=local(summit, 1, 14))
    session.title = "Financing nature, revised"
    session.save()
    assert "Financing nature, revised" in flat(programme_booklet_cached(summit, "en"))
    assert len(default_storage.listdir(BOOKLET_DIR)[1]) == 2
