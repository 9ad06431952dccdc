"""Review queues: what waits for each user's decision, counted in the menu, on the admin home, in a digest."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from announcements.choices import ReportState, ReviewState
from cockpit import digest, queues
from core.models import OutboxEmail
from tests.announcements.factories import CommitmentFactory, ProgressReportFactory
from tests.registrations.factories import RegistrationFactory
from tests.summits.factories import UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(summit, other_summit):
    return {
        "pending": [RegistrationFactory(summit=summit, status="pending") for _i in range(3)],
        "elsewhere": RegistrationFactory(summit=other_summit, status="pending"),
        "approved": RegistrationFactory(summit=summit, status="approved"),
        "commitment": CommitmentFactory(summit=summit, review_state=ReviewState.SUBMITTED),
        "published": CommitmentFactory(summit=summit, review_state=ReviewState.PUBLISHED),
        "report": ProgressReportFactory(commitment=CommitmentFactory(summit=summit,
                                                                     review_state=ReviewState.PUBLISHED),
                                        state=ReportState.SUBMITTED),
    }


def counts(user, summit=None):
    return {q.name: q.count for q in queues.for_user(user, summit)}


def test_each_role_sees_only_the_decisions_it_takes(summit, waiting):
    assert counts(member(summit, role="registration_desk")) == {"registrations": 3}
    assert counts(member(summit, role="commitments_reviewer")) == {"commitments": 1, "reports": 1}
    assert counts(member(summit, role="manager")) == {"registrations": 3, "commitments": 1, "reports": 1}
    assert counts(member(summit, role="content_editor")) == {}


def test_secretariat_sees_every_summit(summit, waiting):
    assert counts(UserFactory(is_superuser=True))["registrations"] == 4


def test_oldest_first_with_links(summit, waiting):
    queue = queues.pending_registrations(member(summit, role="registration_desk"))
    assert [item["url"] for item in queue.items] == [
        reverse("registrations_participant", args=[r.pk]) for r in waiting["pending"]]


def test_menu_counts_the_decisions_waiting(client, summit, waiting):
    client.force_login(member(summit, role="manager"))
    html = client.get("/admin/").content.decode()
    assert "To review (5)" in html
    assert 'id="plenary-queue-panel-heading">Waiting for your decision (5)' in html


def test_queue_page_lists_every_queue(client, summit, waiting):
    client.force_login(member(summit, role="commitments_reviewer"))
    response = client.get(reverse("cockpit_queue"))
    assert [q.name for q in response.context["queues"]] == ["commitments", "reports"]
    assert f'href="{reverse("announcements_review", args=[waiting["commitment"].pk])}"' in response.content.decode()


def test_overview_shows_this_summits_queue_only(client, summit, other_summit, waiting):
    user = member(summit)
    member(other_summit, user)
    client.force_login(user)
    response = client.get(reverse("cockpit_overview", args=[summit.pk]))
    assert {q.name: q.count for q in response.context["queue"]}["registrations"] == 3


def test_digest_goes_to_each_reviewer_in_their_language(summit, waiting, committed):
    from wagtail.users.models import UserProfile

    desk = member(summit, role="registration_desk", email="desk@example.org")
    reviewer = member(summit, role="commitments_reviewer", email="reviewer@example.org")
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "fr"
    profile.save()
    member(summit, role="content_editor", email="editor@example.org")
    with committed():
        assert digest.send_digests(dt.date(2030, 1, 5)) == 2
    sent = {m.to[0]: m for m in mail.outbox}
    assert set(sent) == {"desk@example.org", "reviewer@example.org"}
    assert sent["desk@example.org"].subject == "Plenary: 3 decisions wait for you"
    assert "Registrations pending review: 3" in sent["desk@example.org"].body
    assert waiting["pending"][0].reference in sent["desk@example.org"].body
    assert "http://" in sent["desk@example.org"].body
    assert sent["reviewer@example.org"].extra_headers["Content-Language"] == "fr"
    assert "2 décisions" in sent["reviewer@example.org"].subject


def test_digest_is_sent_once_a_day_and_only_when_something_waits(summit, waiting, committed):
    member(summit, role="registration_desk", email="desk@example.org")
    with committed():
        digest.send_digests(dt.date(2030, 1, 5))
        digest.send_digests(dt.date(2030, 1, 5))
    assert OutboxEmail.objects.filter(kind="cockpit.digest").count() == 1
    for registration in waiting["pending"]:
        registration.status = "approved"
        registration.save()
    with committed():
        assert digest.send_digests(dt.date(2030, 1, 6)) == 0


def test_digest_task_is_scheduled_every_morning(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["cockpit-review-digests"]
    assert schedule["task"] == "cockpit.send_review_digests"
    assert schedule["schedule"].hour == {6}
