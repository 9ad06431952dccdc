"""Lifecycle, evidence and verification, with time travel (``today`` is passed in):
no report for two cycles → lapsed; the third reminder → escalation to the coalition lead and the summit's
reviewers through the outbox; evidence attached and confirmed → completed and verified; all shown publicly."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from announcements import queries, services
from announcements.choices import ActivityStatus, Lifecycle, ReminderStage, ReportState, Verification
from announcements.models import Commitment, Evidence, ReminderSent
from core.models import OutboxEmail
from tests.summits.factories import SummitFactory, organiser

from .factories import CoalitionFactory, ProgressReportFactory, PublishedCommitmentFactory

pytestmark = pytest.mark.django_db

ANNOUNCED = dt.date(2030, 1, 10)
DUE = ANNOUNCED + dt.timedelta(days=365)


@pytest.fixture
def coalition():
    return CoalitionFactory(lead_contact_email="lead@coalition.example", lead_contact_language="fr")


@pytest.fixture
def commitment(summit, coalition):
    return PublishedCommitmentFactory(
        summit=summit, coalition=coalition, announced_on=ANNOUNCED, verification=Verification.REVIEWED,
        published_at=timezone.make_aware(dt.datetime(2030, 1, 10, 12, 0)))


def reminders_on(day, committed):
    with committed():
        return services.send_reminders(today=day)


def test_third_reminder_escalates_to_the_coalition_lead_and_the_reviewers(summit, reviewer, commitment, committed):
    other_summit_reviewer = organiser(summits=[SummitFactory()])
    for day in (DUE - dt.timedelta(days=10), DUE):
        reminders_on(day, committed)
        assert not OutboxEmail.objects.filter(kind="announcements.escalation").exists()
    reminders_on(DUE + dt.timedelta(days=30), committed)  # the third reminder
    escalations = OutboxEmail.objects.filter(kind="announcements.escalation")
    assert sorted(escalations.values_list("to", "language")) == [
        ("lead@coalition.example", "fr"), (reviewer.email, "en")]
    assert other_summit_reviewer.email not in set(OutboxEmail.objects.values_list("to", flat=True))
    french = escalations.get(to="lead@coalition.example")
    assert french.subject == f"Aucun rapport d’avancement après trois rappels : {commitment.reference}"
    sent = {m.to[0]: m for m in mail.outbox}
    assert "3 rappels" in sent["lead@coalition.example"].body
    assert commitment.get_absolute_url() in sent[reviewer.email].body
    # once per due date: the fourth reminder does not escalate again
    reminders_on(DUE + dt.timedelta(days=90), committed)
    assert escalations.count() == 2
    assert ReminderSent.objects.filter(commitment=commitment, stage=ReminderStage.ESCALATED).count() == 1


def test_no_escalation_when_a_report_came_in(summit, reviewer, commitment, committed):
    reminders_on(DUE - dt.timedelta(days=10), committed)
    reminders_on(DUE, committed)
    ProgressReportFactory(commitment=commitment, state=ReportState.APPROVED)
    services.review_report(commitment.reports.get(), "publish", reviewer)
    reminders_on(DUE + dt.timedelta(days=30), committed)
    assert not OutboxEmail.objects.filter(kind="announcements.escalation").exists()


def test_no_report_for_two_cycles_lapses_and_a_report_resumes(client, summit, reviewer, commitment):
    assert services.refresh_lifecycles(today=ANNOUNCED + dt.timedelta(days=730)) == 0
    assert services.refresh_lifecycles(today=ANNOUNCED + dt.timedelta(days=731)) == 1
    commitment.refresh_from_db()
    assert (commitment.lifecycle, commitment.lifecycle_changed_on) == (
        Lifecycle.LAPSED, ANNOUNCED + dt.timedelta(days=731))
    assert services.refresh_lifecycles(today=ANNOUNCED + dt.timedelta(days=800)) == 0  # once
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert 'data-lifecycle="lapsed">Lapsed: no report for two reporting cycles' in page
    listed = client.get("/en/commitments/", {"lifecycle": "lapsed"}).context["page_obj"]
    assert [c.pk for c in listed] == [commitment.pk]
    assert client.get(f"/api/v1/commitments/{commitment.reference}/").json()["lifecycle"] == "lapsed"

    ProgressReportFactory(commitment=commitment, state=ReportState.APPROVED)
    services.review_report(commitment.reports.get(), "publish", reviewer)
    commitment.refresh_from_db()
    assert commitment.lifecycle == Lifecycle.IN_PROGRESS
    assert commitment.events.filter(action="resumed").exists()


def test_a_commitment_published_late_for_an_old_summit_does_not_lapse_at_once(summit):
    late = PublishedCommitmentFactory(summit=summit, announced_on=dt.date(2021, 1, 11),
                                      published_at=timezone.make_aware(dt.datetime(2030, 3, 1, 9, 0)))
    assert services.refresh_lifecycles(today=dt.date(2030, 3, 2)) == 0
    assert services.refresh_lifecycles(today=dt.date(2032, 3, 2)) == 1
    late.refresh_from_db()
    assert late.lifecycle == Lifecycle.LAPSED


def test_evidence_attached_and_confirmed_completes_and_verifies(client, summit, reviewer, commitment):
    with pytest.raises(ValidationError):
        services.confirm_completion(commitment, reviewer)  # nothing attached yet
    services.add_evidence(commitment, reviewer, "Final audit of the restored land",
                          url="https://example.org/audit.pdf")
    assert "Final audit" not in client.get(commitment.get_absolute_url()).content.decode()  # not yet public
    services.confirm_completion(commitment, reviewer, "Audit checked")
    commitment.refresh_from_db()
    assert (commitment.lifecycle, commitment.verification, commitment.verified_by, commitment.status,
            commitment.percent_complete) == (Lifecycle.COMPLETED, Verification.EVIDENCE, reviewer,
                                             ActivityStatus.FINALISATION, 100)
    assert Evidence.objects.get().confirmed_by == reviewer
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert 'data-lifecycle="completed">Completed' in page
    assert 'data-verification="evidence">Evidence attached and confirmed — by the organisers of One Planet Summit' \
        in page
    assert '<a href="https://example.org/audit.pdf" rel="nofollow noopener"><bdi>Final audit of the restored land</bdi></a>' in page

    services.verify_independently(commitment, reviewer, "Sahel Audit Bureau")
    commitment.refresh_from_db()
    assert (commitment.verification, commitment.verifier) == (Verification.INDEPENDENT, "Sahel Audit Bureau")
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Independently verified — by <bdi>Sahel Audit Bureau</bdi>" in page
    data = client.get(f"/api/v1/commitments/{commitment.reference}/").json()
    assert data["verification"]["level"] == "independent" and data["verification"]["verifier"] == "Sahel Audit Bureau"
    # a completed commitment is no longer reminded nor lapses
    assert not queries.active_public().filter(pk=commitment.pk).exists()
    assert services.refresh_lifecycles(today=ANNOUNCED + dt.timedelta(days=2000)) == 0


def test_evidence_file_through_the_review_page(client, summit, reviewer, commitment, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(reviewer)
    url = f"/admin/commitments/review/{commitment.pk}/"
    client.post(url, {"action": "add_evidence", "description": "Signed completion report",
                      "file": SimpleUploadedFile("report.pdf", b"%PDF-1.4 evidence", "application/pdf")})
    client.post(url, {"action": "confirm_completion", "comment": ""})
    commitment.refresh_from_db()
    evidence = Evidence.objects.get()
    assert evidence.file.name.startswith("commitment-evidence/") and evidence.confirmed_at is not None
    assert commitment.lifecycle == Lifecycle.COMPLETED
    client.post(url, {"action": "close"})
    commitment.refresh_from_db()
    assert (commitment.lifecycle, commitment.status) == (Lifecycle.CLOSED, ActivityStatus.CLOSED)


def test_outsider_cannot_attach_confirm_or_verify(client, summit, commitment):
    outsider = organiser(summits=[SummitFactory()])
    for call in (lambda: services.add_evidence(commitment, outsider, "x", url="https://example.org/x"),
                 lambda: services.confirm_completion(commitment, outsider),
                 lambda: services.verify_independently(commitment, outsider, "Anyone"),
                 lambda: services.set_lifecycle(commitment, "withdraw", outsider, "no")):
        with pytest.raises(PermissionDenied):
            call()
    client.force_login(outsider)
    response = client.post(f"/admin/commitments/review/{commitment.pk}/",
                           {"action": "verify", "verifier": "Forged verifier"})
    assert response.status_code in (302, 403, 404) and response.get("Location", "") != \
        f"/admin/commitments/review/{commitment.pk}/"  # refused (Wagtail sends outsiders to the dashboard)
    assert commitment.title not in response.content.decode()
    commitment.refresh_from_db()
    assert (commitment.verification, commitment.verifier, Evidence.objects.count()) == (Verification.REVIEWED, "", 0)


def test_withdrawal_needs_a_reason_and_stops_reminders(summit, reviewer, commitment):
    with pytest.raises(ValidationError):
        services.set_lifecycle(commitment, "withdraw", reviewer, "")
    services.set_lifecycle(commitment, "withdraw", reviewer, "The fund was not created.")
    commitment.refresh_from_db()
    assert (commitment.lifecycle, commitment.status) == (Lifecycle.WITHDRAWN, ActivityStatus.CANCELLED)
    assert services.send_reminders(today=DUE) == 0
    with pytest.raises(ValidationError):
        services.set_lifecycle(commitment, "close", reviewer)  # only a completed commitment closes


def test_publishing_marks_the_commitment_reviewed(summit, reviewer):
    from .factories import CommitmentFactory

    commitment = CommitmentFactory(summit=summit)
    assert Commitment.objects.get(pk=commitment.pk).verification == Verification.SELF_REPORTED
    services.review(commitment, "approve", reviewer)
    services.review(commitment, "publish", reviewer)
    assert Commitment.objects.get(pk=commitment.pk).verification == Verification.REVIEWED


@pytest.mark.parametrize("lifecycle", [Lifecycle.COMPLETED, Lifecycle.CLOSED, Lifecycle.WITHDRAWN])
def test_an_ended_commitment_shows_no_follow_up_light(client, summit, lifecycle):
    """Completed, closed or withdrawn: no more reports are expected, so it is neither listed as inactive
    nor shown with a red light years later."""
    old = PublishedCommitmentFactory(summit=summit, announced_on=dt.date(2019, 1, 1), lifecycle=lifecycle)
    open_one = PublishedCommitmentFactory(summit=summit, announced_on=dt.date(2019, 1, 1))
    assert old.light() == "ended" and open_one.light() == "red"
    assert set(Commitment.objects.with_light().filter(light="red")) == {open_one}
    page = client.get("/en/commitments/", {"light": "red"}).content.decode()
    assert open_one.reference in page and old.reference not in page
    detail = client.get(old.get_absolute_url()).content.decode()
    assert "light-ended" in detail and "light-red" not in detail
