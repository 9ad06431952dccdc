import datetime as dt

import pytest

from registrations.documents import (
    CertificateData, LetterData, ParticipantRow, letter_code, read_letter_code, render_certificate, render_letter,
    render_letters, render_participants_list,
)
from summits.documents import date_text

from .helpers import page_texts, reader, text


def letter(language="en", **kwargs):
    values = dict(
        language=language, reference="OPS-7Q2K9", code=letter_code("OPS-7Q2K9", 7),
        verify_url="http://testserver/letters/verify/", issued_on=dt.date(2020, 12, 1), honorific="Dr",
        given_name="Amina", family_name="Diallo", position="Director", organisation="Ministry of Environment",
        nationality="Senegal", passport_number="A01234567", passport_expiry=dt.date(2027, 5, 1),
        date_of_birth=dt.date(1980, 3, 14), summit_title="One Planet Summit",
        summit_dates=date_text(dt.date(2021, 1, 11), language), summit_city="Paris", summit_country="France",
        summit_venue="", summit_colour="#1B6E3A", signatory_name="Jean Dupont", signatory_title="Secretary-General",
    )
    values.update(kwargs)
    return LetterData(**values)


def flat(pdf):
    return text(pdf).replace("\n", " ")


def test_letter_carries_addressee_passport_dates_signatory_and_reference():
    content = flat(render_letter(letter()))
    for expected in ["Amina Diallo", "A01234567", "Senegal", "11 January 2021", "1 May 2027", "14 March 1980",
                     "Jean Dupont", "Secretary-General", "OPS-7Q2K9", letter_code("OPS-7Q2K9", 7)]:
        assert expected in content, expected


def test_arabic_letter_is_right_to_left_with_arabic_dates():
    content = flat(render_letter(letter("ar", given_name="أمينة", family_name="ديالو")))
    assert "أمينة" in content and "يناير" in content


def test_letter_code_reads_back_to_summit_and_reference():
    assert read_letter_code(letter_code("OPS-7Q2K9", 7)) == (7, "OPS-7Q2K9")


def test_forged_letter_code_is_refused():
    code = letter_code("OPS-7Q2K9", 7)
    assert read_letter_code(code.replace("OPS-7Q2K9", "OPS-7Q2K8")) is None
    assert read_letter_code("OPS-7Q2K9.7") is None


def test_batch_of_letters_starts_each_letter_on_a_new_page_in_its_language():
    pages = page_texts(render_letters([letter("fr"), letter("ru", family_name="Иванова")]))
    assert len(pages) == 2
    assert "janvier" in pages[0] and "Иванова" in pages[1] and "января" in pages[1]


def certificate(language="en", **kwargs):
    values = dict(
        language=language, full_name="Dr Amina Diallo", organisation="Ministry of Environment",
        summit_title="One Planet Summit", summit_dates=date_text(dt.date(2021, 1, 11), language),
        summit_city="Paris", summit_country="France", summit_colour="#1B6E3A",
        checked_in_on=date_text(dt.date(2021, 1, 11), language), signatory_name="Jean Dupont",
        signatory_title="Secretary-General", reference="OPS-7Q2K9",
    )
    values.update(kwargs)
    return CertificateData(**values)


def test_certificate_names_the_participant_and_the_summit_on_one_landscape_page():
    pdf = render_certificate(certificate())
    content = flat(pdf)
    assert len(reader(pdf).pages) == 1
    assert float(reader(pdf).pages[0].mediabox.width) > float(reader(pdf).pages[0].mediabox.height)
    for expected in ["Dr Amina Diallo", "Ministry of Environment", "One Planet Summit", "Jean Dupont", "OPS-7Q2K9"]:
        assert expected in content, expected


def test_chinese_certificate_keeps_chinese_name_and_date():
    content = flat(render_certificate(certificate("zh-hans", full_name="王伟"))).replace(" ", "")
    assert "王伟" in content and "2021年1月11日" in content


ROWS = [
    ParticipantRow("Diallo", "Amina", "Ministry of Environment", "Delegate", "Senegal", "Director"),
    ParticipantRow("Andersen", "Inger", "UNEP", "Delegate", "Denmark"),
    ParticipantRow("Zhang", "Wei", "UNEP", "Delegate", "China"),
    ParticipantRow("Smith", "Jo", "The Daily Planet", "Press", "United Kingdom"),
]


def test_organisers_list_groups_by_category_then_organisation():
    content = flat(render_participants_list("One Planet Summit", "11 January 2021", ROWS, language="en"))
    assert content.index("Delegate") < content.index("Ministry of Environment") < content.index("Diallo")
    assert content.index("UNEP") < content.index("Andersen") < content.index("Zhang") < content.index("Press")
    assert "4 participants" in content


def test_public_list_has_no_categories():
    content = flat(render_participants_list("One Planet Summit", "11 January 2021", ROWS, language="en",
                                            public=True))
    assert "Delegate" not in content and "Press" not in content
    assert content.index("Ministry of Environment") < content.index("The Daily Planet") < content.index("UNEP")


LETTER_WORDS = {
    "en": ["Invitation and visa support letter", "Passport number", "11 January 2021"],
    "fr": ["Lettre d’invitation", "Numéro de passeport", "janvier"],
    "es": ["Carta de invitación", "Número de pasaporte", "enero"],
    "ar": ["رسالة دعوة", "رقم جواز السفر", "يناير"],
    "zh-hans": ["邀请函", "护照号码", "2021年1月11日"],
    "ru": ["Приглашение", "Номер паспорта", "января"],
}


@pytest.mark.parametrize("language", list(LETTER_WORDS))
def test_letter_is_written_in_the_addressees_language(language):
    content = flat(render_letter(letter(language)))
    if language == "zh-hans":
        content = content.replace(" ", "")
    for word in LETTER_WORDS[language]:
        assert word in content, word


CERTIFICATE_WORDS = {"en": "Certificate of attendance", "fr": "Attestation de participation",
                     "es": "Certificado de asistencia", "ar": "شهادة حضور", "zh-hans": "参会证明",
                     "ru": "Сертификат об участии"}


@pytest.mark.parametrize("language", list(CERTIFICATE_WORDS))
def test_certificate_is_written_in_the_participants_language(language):
    content = flat(render_certificate(certificate(language)))
    assert CERTIFICATE_WORDS[language] in (content.replace(" ", "") if language == "zh-hans" else content)


@pytest.mark.parametrize("title", ["Post-2020 Summit: l'avenir", "قمة ما بعد 2020: «المستقبل»", "2020年后峰会：“未来”"])
def test_participants_list_header_prints_the_summit_title_as_written_on_every_page(title):
    rows = [ParticipantRow(f"Family{n:03}", "Given", f"Organisation {n // 10}", "Delegate", "Senegal")
            for n in range(160)]
    pages = page_texts(render_participants_list(title, "11 January 2021", rows, language="en"))
    assert len(pages) >= 3
    # The running header is the line above the page number; the subtitle of page 1 shows the title as
    # the body prints it (Arabic comes out of the PDF in visual order: compare like with like).
    in_body = pages[0].splitlines()[1].split(" · ")[0]
    headers = [page.splitlines()[-2].strip() for page in pages]
    assert headers == [in_body] * len(pages)
    if title.isascii():
        assert in_body == title
    assert not any("u002D" in page or "u0027" in page for page in pages)


def test_each_page_of_a_letter_batch_shows_its_own_letters_reference_in_the_footer():
    pages = page_texts(render_letters([letter(), letter(reference="OPS-ZZZZ9", given_name="Inger")]))
    assert [page.splitlines()[-1].replace("\u200e", "").strip() for page in pages] == [
        "Reference: OPS-7Q2K9", "Reference: OPS-ZZZZ9"]
