"""Copying a summit to a new edition: programme shifted, set-up and pages copied, nothing personal."""

import datetime as dt

import pytest
from django.urls import reverse

from cms.models import StandardPage, SummitPage
from core.models import Job, Membership
from registrations.models import EmailTemplate, Invitation, Registration, RegistrationCategory, SessionBooking
from summits import copying
from summits.models import Session, SessionSpeaker, Summit, Theme
from tests.announcements.factories import CommitmentFactory
from tests.cms.factories import home_page, standard_page, summit_page, translate
from tests.registrations.factories import CategoryFactory, EmailTemplateFactory, InvitationFactory, RegistrationFactory
from tests.summits.factories import (
    OrganisationFactory, RoomFactory, SessionFactory, SessionSpeakerFactory, SpeakerFactory, ThemeFactory, UserFactory, local, member,
)

from .conftest import denied

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(summit):
    """The 2030 edition with a programme, set-up, pages in three languages and personal data."""
    summit.co_organisers.add(OrganisationFactory())
    theme = ThemeFactory(summit=summit, title="Oceans", title_fr="Océans", colour="#0B5394", slug="oceans")
    room = RoomFactory(summit=summit, name="Grand Auditorium", capacity=400)
    speaker = SpeakerFactory()
    opening = SessionFactory(summit=summit, title="Opening", slug="opening", theme=theme, room=room,
                             start=local(summit, 0, 9), end=local(summit, 0, 10), capacity=50)
    SessionSpeakerFactory(session=opening, speaker=speaker, role="chair")
    SessionFactory(summit=summit, title="Closing", slug="closing", room=room, start=local(summit, 1, 17),
                   end=local(summit, 1, 18))
    press = CategoryFactory(summit=summit, name="Press", name_fr="Presse", quota=40, sort_order=2,
                            invitation_only=True, invitation_code="PRESS2030", slug="press")
    CategoryFactory(summit=summit, name="Delegates", quota=300, sort_order=1, slug="delegates")
    EmailTemplateFactory(summit=summit, kind="approved", language="fr", subject="Approuvé", body="Bonjour")
    person = RegistrationFactory(summit=summit, category=press)
    SessionBooking.objects.create(registration=person, session=opening)
    InvitationFactory(category=press)
    CommitmentFactory(summit=summit)
    home = home_page()
    page = summit_page(home, summit)
    standard_page(page, title="Getting there", slug="getting-there")
    home_fr = translate(home, "fr")
    home_ar = translate(home, "ar")
    page_fr = translate(page, "fr", title="Sommet")
    translate(page, "ar", title="القمة")
    assert home_fr and home_ar and page_fr
    translate(page.get_children().first().specific, "fr", title="Venir")
    return summit


def copy(summit, user, **overrides):
    values = {"titles": {"en": "One Planet Summit 2031", "fr": "One Planet Summit 2031"},
              "slug": "one-planet-2031", "start_date": dt.date(2031, 3, 27), "user": user}
    values.update(overrides)
    return copying.copy_summit(summit, **values)


def test_programme_is_copied_and_shifted_to_the_new_dates(edition):
    user = member(edition)
    target, summary = copy(edition, user)
    assert (target.start_date, target.end_date, target.status) == (dt.date(2031, 3, 27), dt.date(2031, 3, 28), "draft")
    sessions = {s.slug: s for s in Session.objects.filter(summit=target)}
    assert set(sessions) == {"opening", "closing"}
    # 27 March 2031 is before the clocks change in Paris, the 28th is not far: local times are kept.
    assert sessions["opening"].local_start.replace(tzinfo=None) == dt.datetime(2031, 3, 27, 9, 0)
    assert sessions["closing"].local_start.replace(tzinfo=None) == dt.datetime(2031, 3, 28, 17, 0)
    assert sessions["opening"].theme.summit == target and sessions["opening"].theme.title_fr == "Océans"
    assert sessions["opening"].room.summit == target and sessions["opening"].room.capacity == 400
    assert sessions["opening"].capacity == 50
    assert list(SessionSpeaker.objects.filter(session=sessions["opening"]).values_list("role", flat=True)) == ["chair"]
    assert summary["themes"] == 1 and summary["rooms"] == 1 and summary["sessions"] == 2
    assert target.co_organisers.count() == 1


def test_local_times_survive_a_daylight_saving_change(summit):
    SessionFactory(summit=summit, slug="late", start=local(summit, 0, 18), end=local(summit, 0, 19))
    target, _summary = copy(summit, member(summit), start_date=dt.date(2030, 7, 11))  # winter to summer time
    session = Session.objects.get(summit=target, slug="late")
    assert session.local_start.replace(tzinfo=None) == dt.datetime(2030, 7, 11, 18, 0)
    assert session.start.utcoffset() is not None


def test_set_up_is_copied_but_not_the_shared_invitation_code(edition):
    target, summary = copy(edition, member(edition))
    categories = list(RegistrationCategory.objects.filter(summit=target).order_by("sort_order"))
    assert [(c.name, c.quota, c.sort_order) for c in categories] == [("Delegates", 300, 1), ("Press", 40, 2)]
    assert categories[1].name_fr == "Presse" and categories[1].invitation_only and categories[1].invitation_code == ""
    assert list(EmailTemplate.objects.filter(summit=target).values_list("subject", flat=True)) == ["Approuvé"]
    assert summary["registration categories"] == 2 and summary["email templates"] == 1


def test_nothing_personal_is_copied(edition):
    target, _summary = copy(edition, member(edition))
    assert not Registration.objects.filter(summit=target).exists()
    assert not SessionBooking.objects.filter(session__summit=target).exists()
    assert not Invitation.objects.filter(category__summit=target).exists()
    assert not target.commitments.exists()
    assert Registration.objects.filter(summit=edition).count() == 1  # the source keeps its own


def test_pages_are_copied_in_every_language_as_translations_of_each_other(edition):
    target, summary = copy(edition, member(edition))
    pages = {p.locale.language_code: p for p in SummitPage.objects.filter(summit=target).select_related("locale")}
    assert set(pages) == {"en", "fr", "ar"}
    assert all(not p.live for p in pages.values())
    assert pages["en"].title == "One Planet Summit 2031" and pages["en"].slug == "one-planet-2031"
    assert len({p.translation_key for p in pages.values()}) == 1
    assert pages["fr"].get_translation(pages["en"].locale).pk == pages["en"].pk
    children = {code: page.get_children().specific().get() for code, page in pages.items()
                if page.get_children().exists()}
    assert set(children) == {"en", "fr"}
    assert (children["en"].title, children["fr"].title) == ("Getting there", "Venir")
    assert isinstance(children["fr"], StandardPage) and not children["fr"].live
    assert children["fr"].translation_key == children["en"].translation_key
    assert summary["pages (drafts, every language)"] == 5
    # The original pages are untouched.
    assert SummitPage.objects.filter(summit=edition, live=True).count() == 3


def test_the_copier_becomes_manager_of_the_copy_and_nobody_else(edition):
    user = member(edition)
    member(edition, role="registration_desk")
    target, _summary = copy(edition, user)
    assert list(Membership.objects.filter(summit=target).values_list("user", "role")) == [(user.pk, "manager")]
    assert target.collection is not None and target.collection_id != edition.collection_id


def test_a_failing_step_leaves_nothing_behind(edition, monkeypatch):
    def broken(ctx):
        raise RuntimeError("disk full")

    monkeypatch.setitem(copying._COPIERS, "zz-broken", copying.Copier("zz-broken", "Broken", broken, order=999))
    before = Summit.objects.count()
    with pytest.raises(RuntimeError):
        copy(edition, member(edition))
    assert Summit.objects.count() == before
    assert not Theme.objects.filter(summit__slug="one-planet-2031").exists()
    assert not SummitPage.objects.exclude(summit=edition).exists()


def test_copy_from_the_admin_runs_as_a_job_with_progress(client, edition):
    user = member(edition)
    client.force_login(user)
    form = client.get(reverse("summits_summit:copy", args=[edition.pk]))
    assert form.status_code == 200
    assert [t.name for t in form.templates][0] == "summits/admin/copy_summit.html"
    assert form.context["form"].initial["slug"] == f"{edition.slug}-2031"
    assert form.context["form"].initial["start_date"] == dt.date(2031, 1, 11)
    response = client.post(reverse("summits_summit:copy", args=[edition.pk]), {
        "title_en": "One Planet Summit 2031", "title_fr": "One Planet Summit 2031", "title_ar": "قمة 2031",
        "slug": "one-planet-2031", "start_date": "2031-01-13"})
    job = Job.objects.get(kind="summits.copy")
    assert response["Location"] == reverse("plenary_job", args=[job.uuid.hex])
    assert job.state == "succeeded" and job.done == job.total == 4
    target = Summit.objects.get(slug="one-planet-2031")
    assert target.title_ar == "قمة 2031"
    status = client.get(reverse("plenary_job_status", args=[job.uuid.hex])).json()
    assert status["state"] == "succeeded"
    assert status["result_url"] == f"{reverse('plenary_workspace')}?summit={target.pk}"
    page = client.get(reverse("plenary_job", args=[job.uuid.hex]))
    assert "2 sessions" in page.content.decode()
    assert client.get(status["result_url"])["Location"] == reverse("cockpit_overview", args=[target.pk])


def test_copy_form_refuses_a_taken_address(client, edition, other_summit):
    client.force_login(member(edition))
    response = client.post(reverse("summits_summit:copy", args=[edition.pk]), {
        "title_en": "Again", "slug": other_summit.slug, "start_date": "2031-01-13"})
    assert response.context["form"].errors["slug"] == ["Another summit already uses this address; choose another one."]
    assert not Job.objects.exists()


def test_another_summits_manager_cannot_copy_it(client, edition, other_summit):
    client.force_login(member(other_summit))
    assert denied(client.get(reverse("summits_summit:copy", args=[edition.pk])))
    response = client.post(reverse("summits_summit:copy", args=[edition.pk]), {
        "title_en": "Mine now", "slug": "stolen", "start_date": "2031-01-13"})
    assert denied(response)
    assert not Summit.objects.filter(slug="stolen").exists()


def test_a_content_editor_cannot_copy(client, edition):
    client.force_login(member(edition, role="content_editor"))
    assert denied(client.get(reverse("summits_summit:copy", args=[edition.pk])))


def test_only_the_owner_follows_the_copy_job(client, edition):
    owner = member(edition)
    job = copying.start(edition, titles={"en": "X"}, slug="x-2031", start_date=dt.date(2031, 1, 1), user=owner)
    client.force_login(member(edition, UserFactory()))
    assert client.get(reverse("plenary_job_status", args=[job.uuid.hex])).status_code == 404
    client.force_login(owner)
    assert client.get(reverse("plenary_job_status", args=[job.uuid.hex])).status_code == 200
