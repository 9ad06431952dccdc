"""Traffic lights, reminders (time travel: `today` is passed in) and the overdue list."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from announcements import queries, services
from announcements.choices import ActivityStatus, Light, ReminderStage, ReviewState
from announcements.models import ReminderSent
from tests.summits.factories import UserFactory

from .factories import CommitmentFactory, PublishedCommitmentFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2030, 6, 1)


def light_in_db(commitment, today=TODAY):
    return queries.public().with_light(today).get(pk=commitment.pk).light


@pytest.mark.parametrize("age, expected", [
    (0, Light.GREEN), (365, Light.GREEN), (366, Light.AMBER), (730, Light.AMBER), (731, Light.RED),
])
def test_light_boundaries_in_python_and_database(summit, age, expected):
    commitment = PublishedCommitmentFactory(summit=summit, announced_on=TODAY - dt.timedelta(days=age))
    assert (commitment.light(TODAY), light_in_db(commitment)) == (expected, expected)


def test_light_counts_from_the_last_published_report(summit):
    commitment = PublishedCommitmentFactory(summit=summit, announced_on=TODAY - dt.timedelta(days=1000),
                                            last_reported_on=TODAY - dt.timedelta(days=10))
    assert light_in_db(commitment) == Light.GREEN


def test_overdue_one_turns_amber_then_red(summit):
    commitment = PublishedCommitmentFactory(summit=summit, announced_on=TODAY)
    lights = [light_in_db(commitment, TODAY + dt.timedelta(days=d)) for d in (300, 400, 800)]
    assert lights == [Light.GREEN, Light.AMBER, Light.RED]


@pytest.mark.parametrize("days_after_due, stage", [
    (-15, None), (-14, ReminderStage.BEFORE), (-1, ReminderStage.BEFORE), (0, ReminderStage.DUE),
    (29, ReminderStage.DUE), (30, ReminderStage.LATE30), (89, ReminderStage.LATE30), (90, ReminderStage.LATE90),
])
def test_reminder_stage(days_after_due, stage):
    assert services.reminder_stage(TODAY, TODAY + dt.timedelta(days=days_after_due)) == stage


def _due_on(commitment):
    return commitment.announced_on + dt.timedelta(days=365)


def test_reminders_go_out_before_on_the_day_and_late_once_each(summit, committed):
    commitment = PublishedCommitmentFactory(summit=summit, announced_on=TODAY, contact_language="fr")
    due = _due_on(commitment)
    sent = []
    for offset in (-20, -14, -13, 0, 1, 30, 31, 90, 91, 200):
        mail.outbox.clear()
        with committed():
            services.send_reminders(today=due + dt.timedelta(days=offset))
        sent.append(len(mail.outbox))
    assert sent == [0, 1, 0, 1, 0, 1, 0, 1, 0, 0]
    assert sorted(ReminderSent.objects.values_list("stage", flat=True)) == sorted(
        ["before", "due", "late30", "escalated", "late90"])


def test_reminder_is_in_the_contact_language_with_a_working_link(client, summit, committed):
    commitment = PublishedCommitmentFactory(summit=summit, announced_on=TODAY, contact_language="es")
    with committed():
        services.send_reminders(today=_due_on(commitment))
    message = mail.outbox[0]
    assert message.to == [commitment.contact_email]
    assert message.subject == f"Informe de avance previsto: {commitment.reference}"
    link = next(line for line in message.body.splitlines() if "/commitments/report/" in line)
    assert link.strip().split("testserver")[-1].split("127.0.0.1:8000")[-1].startswith("/es/")
    response = client.get(link.strip().split("127.0.0.1:8000")[-1])
    assert response.status_code == 200 and commitment.title in response.content.decode()


def test_no_reminder_for_unpublished_closed_or_reported(summit):
    CommitmentFactory(summit=summit, announced_on=TODAY, review_state=ReviewState.APPROVED)
    PublishedCommitmentFactory(summit=summit, announced_on=TODAY, status=ActivityStatus.CLOSED)
    PublishedCommitmentFactory(summit=summit, announced_on=TODAY - dt.timedelta(days=500),
                               last_reported_on=TODAY + dt.timedelta(days=300))
    assert services.send_reminders(today=TODAY + dt.timedelta(days=365)) == 0


def test_overdue_digest_lists_overdue_for_the_summit_reviewers(summit, committed):
    from tests.summits.factories import member

    member(summit, UserFactory(email="org@example.org"), role="commitments_reviewer")
    member(summit, UserFactory(email="desk@example.org"), role="registration_desk")
    late = PublishedCommitmentFactory(summit=summit, announced_on=TODAY - dt.timedelta(days=400))
    fresh = PublishedCommitmentFactory(summit=summit, announced_on=TODAY - dt.timedelta(days=100))
    with committed():
        assert services.send_overdue_digest(today=TODAY) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == ["org@example.org"]
    assert late.reference in body and fresh.reference not in body


def test_beat_task_runs_the_service(summit):
    from announcements.tasks import send_reminders

    PublishedCommitmentFactory(summit=summit, announced_on=timezone.localdate() - dt.timedelta(days=365),
                               published_at=timezone.now() - dt.timedelta(days=365))
    assert send_reminders.delay().get() == 1


def test_the_light_starts_from_the_publication_not_an_old_announcement(summit):
    """A commitment of a 2021 summit published today starts green, in Python and in the database."""
    from django.utils import timezone

    old = PublishedCommitmentFactory(summit=summit, announced_on=dt.date(2021, 1, 11),
                                     published_at=timezone.make_aware(dt.datetime(2030, 5, 20, 10)))
    assert old.light(TODAY) == Light.GREEN and light_in_db(old) == Light.GREEN
    assert old.next_report_due() == dt.date(2030, 5, 20) + dt.timedelta(days=365)
    # published long ago and never reported: inactive
    stale = PublishedCommitmentFactory(summit=summit, announced_on=dt.date(2021, 1, 11),
                                       published_at=timezone.make_aware(dt.datetime(2021, 2, 1, 10)))
    assert stale.light(TODAY) == Light.RED and light_in_db(stale) == Light.RED
