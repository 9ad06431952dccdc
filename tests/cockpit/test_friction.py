"""The friction list of #13: badge order and labels, small batches' progress, confirmations, quotas, review."""

import pytest
from django.core import mail
from django.urls import reverse
from weasyprint import HTML

from registrations import documents
from registrations.documents import FORMATS, ID1, A6, BadgeData, badge_html, band_layout, render_badge_sheets, render_badges
from registrations.models import AuditEntry, Registration
from tests.announcements.factories import CommitmentFactory
from tests.registrations.factories import CategoryFactory, RegistrationFactory
from tests.summits.factories import ThemeFactory, member

pytestmark = pytest.mark.django_db


def badge(**kwargs):
    values = dict(given_name="Amina", family_name="Diallo", organisation="Ministry", category="Delegate",
                  colour="#1f5fa8", photo_path=None, summit_title="One Planet Summit", summit_dates="11 January 2030",
                  qr_token="x", language="en")
    values.update(kwargs)
    return BadgeData(**values)


def test_badge_sheets_by_category_follow_the_categorys_own_order_in_every_language(summit):
    press = CategoryFactory(summit=summit, name="Press", name_fr="Presse", name_ar="الصحافة", sort_order=2)
    delegates = CategoryFactory(summit=summit, name="Delegates", name_fr="Délégués", name_ar="المندوبون",
                                sort_order=1)
    people = [
        RegistrationFactory(summit=summit, category=press, family_name="Zhou", preferred_language="fr"),
        RegistrationFactory(summit=summit, category=delegates, family_name="Young", preferred_language="ar"),
        RegistrationFactory(summit=summit, category=press, family_name="Adams", preferred_language="en"),
        RegistrationFactory(summit=summit, category=delegates, family_name="Baker", preferred_language="fr"),
    ]
    badges = documents.sort_badges([documents.badge_data_for(r) for r in people], "category")
    assert [(b.category, b.family_name) for b in badges] == [
        ("Délégués", "Baker"), ("المندوبون", "Young"), ("Press", "Adams"), ("Presse", "Zhou")]


def _boxes(box):
    yield box
    for child in getattr(box, "children", []) or []:
        yield from _boxes(child)


LONG_LABELS = {
    "en": "Indigenous peoples and local communities (observers)",
    "ar": "الشعوب الأصلية والمجتمعات المحلية (مراقبون)",
    "zh-hans": "土著人民和地方社区（观察员）代表团成员",
    "ru": "Коренные народы и местные общины (наблюдатели)",
}


@pytest.mark.parametrize("badge_format", [ID1, A6])
@pytest.mark.parametrize("language", list(LONG_LABELS))
def test_long_category_labels_shrink_to_fit_the_band_uncut(language, badge_format):
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    from core.pdf import BASE_CSS
    from registrations.documents import _badge_css

    label = LONG_LABELS[language]
    html = render_to_string("registrations/documents/badges.html", {
        "fmt": FORMATS[badge_format], "css": mark_safe(BASE_CSS + _badge_css(badge_format)), "lang": "en",
        "dir": "ltr", "badges": [mark_safe(badge_html(badge(category=label, language=language), badge_format))],
    })
    page = HTML(string=html).render().pages[0]
    band = next(b for b in _boxes(page._page_box) if b.element is not None
                and (b.element.get("class") or "") == "band" and b.element_tag == "div")
    top, bottom = band.position_y, band.position_y + band.margin_height()
    left, right = band.position_x, band.position_x + band.margin_width()
    lines = [b for b in _boxes(band) if type(b).__name__ == "LineBox"]
    text = "".join(t.text for line in lines for t in _boxes(line) if type(t).__name__ == "TextBox")
    assert text.replace(" ", "") == label.replace(" ", "")  # every character laid out: nothing cut
    assert all(top - 0.01 <= line.position_y and line.position_y + line.height <= bottom + 0.01 for line in lines)
    assert all(left - 0.01 <= line.position_x and line.position_x + line.width <= right + 0.01 for line in lines)
    layout, short = band_layout(label, badge_format), band_layout("Press", badge_format)
    assert layout["pt"] < short["pt"] or layout["lines"] > 1  # it shrank or wrapped: it did not run off


def test_short_labels_keep_the_full_size():
    assert band_layout("Press") == {"pt": 10.5, "lines": 1, "pad": 9.7}


def test_progress_moves_for_a_batch_under_a_hundred_badges():
    calls = []
    render_badges([badge(family_name=f"P{i}") for i in range(30)], ID1,
                  progress=lambda done, total: calls.append((done, total)))
    assert len(calls) == 10
    assert calls[0] == (3, 30) and calls[-1] == (30, 30)
    assert [done for done, _t in calls] == sorted({done for done, _t in calls})


def test_progress_moves_for_a_few_badge_sheets():
    calls = []
    render_badge_sheets([badge(family_name=f"P{i}") for i in range(40)], ID1,
                        progress=lambda done, total: calls.append((done, total)))
    assert calls == [(9, 40), (18, 40), (27, 40), (36, 40), (40, 40)]


def test_bulk_action_asks_for_confirmation_with_the_count(client, manager, summit):
    category = CategoryFactory(summit=summit)
    pending = RegistrationFactory.create_batch(3, summit=summit, category=category, status="pending")
    already = RegistrationFactory(summit=summit, category=category, status="approved")
    ids = [r.pk for r in pending] + [already.pk]
    response = client.post(reverse("registrations_participants"), {"action": "approve", "ids": ids})
    assert response.status_code == 200
    assert response.context["preview"] == {"selected": 4, "changing": 3, "unchanged": 1}
    assert "Approve: 3 registrations will change and each participant will be emailed." in response.content.decode()
    assert Registration.objects.filter(status="pending").count() == 3 and not mail.outbox
    response = client.post(reverse("registrations_participants"), {"action": "approve", "ids": ids,
                                                                     "confirmed": "yes"})
    assert response.status_code == 302
    assert Registration.objects.filter(status="approved").count() == 4
    assert len(mail.outbox) == 3


def _category_post(client, category, **changes):
    url = reverse("registrationcategory:edit", args=[category.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() if form[name].value() is not None else "" for name in form.fields}
    data.update(needs_approval="", invitation_only="", requires_organisation="", requires_position="",
                requires_photo="", **changes)
    return client.post(url, data, follow=True)


def test_raising_a_quota_says_how_many_were_promoted(client, manager, summit):
    category = CategoryFactory(summit=summit, quota=1, name="Youth", slug="youth")
    RegistrationFactory(summit=summit, category=category, status="approved")
    RegistrationFactory.create_batch(3, summit=summit, category=category, status="waitlisted")
    response = _category_post(client, category, quota=3)
    texts = [str(m) for m in response.context["messages"]]
    assert "2 registrations were promoted from the waiting list; each participant is told by email." in texts
    assert Registration.objects.filter(category=category, status="approved").count() == 3
    assert AuditEntry.objects.filter(action="promote").count() == 2


def test_lowering_a_quota_below_the_places_held_is_refused(client, manager, summit):
    category = CategoryFactory(summit=summit, quota=10, name="Youth", slug="youth")
    RegistrationFactory.create_batch(3, summit=summit, category=category, status="approved")
    RegistrationFactory(summit=summit, category=category, status="pending")
    response = _category_post(client, category, quota=2)
    assert response.context["form"].errors["quota"] == [
        "3 approved and 1 pending registrations already hold places in this category: the quota cannot be lower "
        "than 4. Move registrations to the waiting list or reject them first."]
    category.refresh_from_db()
    assert category.quota == 10
    assert _category_post(client, category, quota=4).redirect_chain


def test_commitment_review_shows_amount_countries_themes_and_dates(client, summit):
    import datetime as dt

    theme = ThemeFactory(summit=summit, title="Protecting ecosystems")
    commitment = CommitmentFactory(summit=summit, amount=2500000, currency="EUR", start_date=dt.date(2030, 1, 1),
                                   end_date=dt.date(2032, 12, 31))
    commitment.countries = ["SN", "ML"]
    commitment.save()
    commitment.themes.add(theme)
    client.force_login(member(summit, role="commitments_reviewer"))
    html = client.get(reverse("announcements_review", args=[commitment.pk])).content.decode()
    facts = html[html.index('id="review-facts"'):html.index("</table>", html.index('id="review-facts"'))]
    assert "2500000.00 EUR" in facts
    assert "Mali" in facts and "Senegal" in facts
    assert "Protecting ecosystems" in facts
    assert "2032" in facts and "2030" in facts
