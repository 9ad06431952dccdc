import datetime as dt
from pathlib import Path

import pytest
from weasyprint import HTML

from registrations.documents import (
    A6, FORMATS, ID1, BadgeData, badge_html, name_font_size, render_badge, render_badge_sheets, render_badges,
    sheet_geometry, sort_badges, text_colour_on,
)
from summits.documents import date_range_text
from core.signing import BadToken, checkin_token, read_checkin_token

from .helpers import decode_qr_codes, make_photo, page_size_mm, page_texts, reader, text

SUMMIT_TITLES = {
    "en": "One Planet Summit", "fr": "Sommet One Planet", "es": "Cumbre One Planet",
    "ar": "قمة كوكب واحد", "zh-hans": "一个星球峰会", "ru": "Саммит «Одна планета»",
}
CATEGORIES = {"en": "Delegate", "fr": "Délégué", "es": "Delegado", "ar": "مندوب", "zh-hans": "代表", "ru": "Делегат"}
MONTH = {"en": "January", "fr": "janvier", "es": "enero", "ar": "يناير", "zh-hans": "2021年1月11日", "ru": "января"}


@pytest.fixture
def photo(settings):
    return make_photo(Path(settings.MEDIA_ROOT) / "photos" / "p.jpg")


def badge(language="en", photo=None, **kwargs):
    values = dict(
        given_name="Amina", family_name="Diallo", organisation="Ministry of Environment",
        category=CATEGORIES[language], colour="#1f5fa8", photo_path=photo,
        summit_title=SUMMIT_TITLES[language],
        summit_dates=date_range_text(dt.date(2021, 1, 11), dt.date(2021, 1, 11), language),
        qr_token=checkin_token("OPS-7Q2K9", 42), language=language, country="SN",
    )
    values.update(kwargs)
    return BadgeData(**values)


def flat(pdf):
    return text(pdf).replace("\n", " ")


@pytest.mark.parametrize("language", list(SUMMIT_TITLES))
def test_badge_shows_name_category_summit_and_dates_in_each_language(language):
    content = flat(render_badge(badge(language)))
    for expected in ["Amina", "Diallo", "Ministry of Environment", CATEGORIES[language], SUMMIT_TITLES[language]]:
        assert expected in content, expected
    assert MONTH[language] in content.replace(" ", "") if language == "zh-hans" else MONTH[language] in content


def test_arabic_badge_names_are_shaped_in_arabic():
    content = flat(render_badge(badge("ar", given_name="فاطمة", family_name="الزهراء")))
    assert "فاطمة" in content and "الزهراء" in content


def test_chinese_badge_names_keep_their_glyphs():
    content = flat(render_badge(badge("zh-hans", given_name="伟", family_name="王"))).replace(" ", "")
    assert "伟" in content and "王" in content


def test_badge_qr_code_decodes_to_a_check_in_token_for_the_registration(photo):
    pdf = render_badge(badge(photo=photo))
    codes = decode_qr_codes(pdf)
    assert len(codes) == 1
    assert read_checkin_token(codes[0]) == ("OPS-7Q2K9", 42)


def test_badge_qr_code_carries_no_personal_data_in_clear():
    codes = decode_qr_codes(render_badge(badge()))
    assert "Diallo" not in codes[0] and "Amina" not in codes[0] and "OPS-7Q2K9" not in codes[0]


def test_tampered_badge_code_is_refused():
    token = decode_qr_codes(render_badge(badge()))[0]
    with pytest.raises(BadToken):
        read_checkin_token(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))


def test_badge_embeds_the_photo_and_the_qr_code(photo):
    assert len(reader(render_badge(badge(photo=photo))).pages[0].images) == 2


def test_badge_without_photo_shows_initials_instead():
    pdf = render_badge(badge(photo=None))
    assert len(reader(pdf).pages[0].images) == 1
    assert "AD" in flat(pdf)


def test_id1_badge_is_a_card_sized_page():
    assert page_size_mm(render_badge(badge(), ID1)) == (54.0, 85.6)


def test_a6_badge_is_an_a6_page():
    assert page_size_mm(render_badge(badge(), A6)) == (105.0, 148.0)


LONG_FAMILY = "Rodríguez de la Santísima Trinidad y Montenegro-Villalobos Castellanos de Aragón"
LONG_GIVEN = "Maria Fernanda Alejandra Guadalupe Esperanza"


@pytest.mark.parametrize("badge_format", [ID1, A6])
def test_too_long_name_stays_on_one_page(badge_format):
    pdf = render_badges([badge(given_name=LONG_GIVEN, family_name=LONG_FAMILY), badge()], badge_format)
    pages = page_texts(pdf)
    assert len(pages) == 2
    assert "Castellanos" in pages[0].replace("\n", " ")


def test_long_names_get_a_smaller_font_than_short_ones():
    fmt = FORMATS[ID1]
    short = name_font_size("Diallo", fmt.name_width, fmt.name_max_pt, fmt.name_min_pt, bold=True)
    long = name_font_size(LONG_FAMILY, fmt.name_width, fmt.name_max_pt, fmt.name_min_pt, bold=True)
    assert short == fmt.name_max_pt
    assert long == fmt.name_min_pt


def _boxes(box):
    yield box
    for child in getattr(box, "children", []) or []:
        yield from _boxes(child)


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_long_name_is_laid_out_inside_the_name_area(language):
    """Every line of a very long name ends above the bottom of the badge's name area (no overflow)."""
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    from registrations.documents import _badge_css
    from core.pdf import BASE_CSS

    long_family = {"en": LONG_FAMILY, "ar": "الزهراء بنت عبد الرحمن بن محمد بن عبد الله آل سعود الهاشمي القرشي",
                   "zh-hans": "欧阳司马诸葛上官端木长孙慕容皇甫令狐钟离宇文长孙"}[language]
    html = render_to_string("registrations/documents/badges.html", {
        "fmt": FORMATS[ID1], "css": mark_safe(BASE_CSS + _badge_css(ID1)), "lang": "en", "dir": "ltr",
        "badges": [mark_safe(badge_html(badge(language, given_name=LONG_GIVEN, family_name=long_family)))],
    })
    page = HTML(string=html).render().pages[0]
    boxes = list(_boxes(page._page_box))
    names = next(b for b in boxes if b.element is not None and "names" in (b.element.get("class") or "")
                 and b.element_tag == "div")
    bottom = names.position_y + names.margin_height()
    lines = [b for b in _boxes(names) if type(b).__name__ == "LineBox"]
    assert lines
    assert all(line.position_y + line.height <= bottom + 0.01 for line in lines)


def test_band_text_is_readable_on_light_and_dark_colours():
    assert text_colour_on("#ffffff") == "#000000"
    assert text_colour_on("#1f5fa8") == "#ffffff"


def test_sheet_holds_nine_card_badges_per_a4_page():
    pdf = render_badge_sheets([badge(family_name=f"Name{i:02d}") for i in range(10)], ID1)
    assert len(reader(pdf).pages) == 2
    assert page_size_mm(pdf) == (210.0, 297.0)


def test_a6_sheets_are_a4_landscape_with_two_badges():
    pdf = render_badge_sheets([badge(family_name=f"Name{i}") for i in range(3)], A6)
    assert len(reader(pdf).pages) == 2
    assert page_size_mm(pdf) == (297.0, 210.0)


def test_sheet_orders_badges_by_family_name():
    people = [badge(family_name=name) for name in ["Zulu", "Alpha", "Mike"]]
    content = flat(render_badge_sheets(people, ID1, order="family_name"))
    assert content.index("Alpha") < content.index("Mike") < content.index("Zulu")


def test_sort_by_category_then_family_name():
    people = [badge(category="Press", family_name="Adams"), badge(category="Delegate", family_name="Young"),
              badge(category="Delegate", family_name="Baker")]
    assert [b.family_name for b in sort_badges(people, "category")] == ["Baker", "Young", "Adams"]


def test_sort_by_country():
    people = [badge(country="SN", family_name="A"), badge(country="BR", family_name="B"),
              badge(country="FR", family_name="C")]
    assert [b.country for b in sort_badges(people, "country")] == ["BR", "FR", "SN"]


def test_unknown_order_is_refused():
    with pytest.raises(ValueError):
        sort_badges([badge()], "age")


@pytest.mark.parametrize("badge_format", [ID1, A6])
def test_crop_marks_never_cross_a_badge(badge_format):
    fmt = FORMATS[badge_format]
    geo = sheet_geometry(badge_format)
    badges = [
        (geo["x0"] + c * (fmt.width + fmt.gap), geo["y0"] + r * (fmt.height + fmt.gap))
        for c in range(fmt.columns) for r in range(fmt.rows)
    ]
    for x1, y1, x2, y2 in geo["lines"]:
        for bx, by in badges:
            inside_x = bx + 0.01 < max(x1, x2) and min(x1, x2) < bx + fmt.width - 0.01
            inside_y = by + 0.01 < max(y1, y2) and min(y1, y2) < by + fmt.height - 0.01
            assert not (inside_x and inside_y), ((x1, y1, x2, y2), (bx, by))
    assert 0 <= geo["x0"] and geo["x0"] + geo["block_w"] <= geo["page_w"]
    assert 0 <= geo["y0"] and geo["y0"] + geo["block_h"] <= geo["page_h"]


def test_sheet_badges_keep_their_holders_language():
    content = flat(render_badge_sheets([badge("ar"), badge("fr")], ID1, order="family_name"))
    assert CATEGORIES["ar"] in content and "janvier" in content


def test_sheet_reports_progress_as_badges_are_laid_out():
    calls = []
    pdf = render_badge_sheets([badge() for _ in range(30)], ID1, sheets_per_chunk=2,
                              progress=lambda done, total: calls.append((done, total)))
    assert calls == [(18, 30), (30, 30)]
    assert len(reader(pdf).pages) == 4


def test_badges_rendered_in_chunks_keep_one_page_per_badge_in_order():
    people = [badge(family_name=f"Person{i:02d}") for i in range(7)]
    pages = page_texts(render_badges(people, ID1, chunk_size=3))
    assert [next(w for w in page.split() if w.startswith("Person")) for page in pages] == [
        f"Person{i:02d}" for i in range(7)]
