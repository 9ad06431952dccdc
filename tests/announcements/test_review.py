"""Review states of commitments and reports, and who may move them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from announcements import services
from announcements.choices import ReportState, ReviewState
from announcements.models import ReviewEvent
from tests.summits.factories import SummitFactory, UserFactory, organiser

from .factories import CommitmentFactory, ProgressReportFactory

pytestmark = pytest.mark.django_db


def test_approve_moves_submitted_to_approved(summit, reviewer):
    commitment = CommitmentFactory(summit=summit)
    services.review(commitment, "approve", reviewer)
    commitment.refresh_from_db()
    assert commitment.review_state == ReviewState.APPROVED


def test_publish_requires_approval_first(summit, reviewer):
    commitment = CommitmentFactory(summit=summit)
    with pytest.raises(ValidationError):
        services.review(commitment, "publish", reviewer)
    commitment.refresh_from_db()
    assert commitment.review_state == ReviewState.SUBMITTED


def test_publish_sets_date_and_first_version(summit, reviewer):
    commitment = CommitmentFactory(summit=summit, review_state=ReviewState.APPROVED)
    services.review(commitment, "publish", reviewer)
    commitment.refresh_from_db()
    assert commitment.review_state == ReviewState.PUBLISHED
    assert commitment.published_at is not None
    assert [v.number for v in commitment.versions.all()] == [1]


def test_request_changes_needs_a_comment(summit, reviewer):
    commitment = CommitmentFactory(summit=summit)
    with pytest.raises(ValidationError) as info:
        services.review(commitment, "request_changes", reviewer, comment=" ")
    assert "comment" in info.value.message_dict


def test_request_changes_is_logged_with_comment(summit, reviewer):
    commitment = CommitmentFactory(summit=summit)
    services.review(commitment, "request_changes", reviewer, comment="Add a due date")
    event = ReviewEvent.objects.get(commitment=commitment, action="request_changes")
    assert (event.user, event.comment) == (reviewer, "Add a due date")


def test_reject(summit, reviewer):
    commitment = CommitmentFactory(summit=summit)
    services.review(commitment, "reject", reviewer)
    commitment.refresh_from_db()
    assert commitment.review_state == ReviewState.REJECTED


def test_unpublish_returns_to_approved(summit, reviewer):
    commitment = CommitmentFactory(summit=summit, review_state=ReviewState.PUBLISHED)
    services.review(commitment, "unpublish", reviewer)
    commitment.refresh_from_db()
    assert commitment.review_state == ReviewState.APPROVED


def test_organiser_of_another_summit_cannot_review(summit):
    other = organiser(summits=[SummitFactory()])
    commitment = CommitmentFactory(summit=summit)
    with pytest.raises(PermissionDenied):
        services.review(commitment, "approve", other)


def test_staff_without_review_permission_cannot_review(summit):
    from tests.summits.factories import member

    user = member(summit, UserFactory(is_staff=True), role="content_editor")
    commitment = CommitmentFactory(summit=summit)
    with pytest.raises(PermissionDenied):
        services.review(commitment, "approve", user)


def test_report_approve_then_publish_updates_commitment(summit, reviewer):
    report = ProgressReportFactory(commitment__summit=summit, percent_complete=40, disbursed=1000,
                                   commitment__currency="USD", commitment__amount=5000)
    services.review_report(report, "approve", reviewer)
    services.review_report(report, "publish", reviewer)
    report.refresh_from_db()
    commitment = report.commitment
    commitment.refresh_from_db()
    assert report.state == ReportState.PUBLISHED
    assert (commitment.percent_complete, commitment.disbursed_usd) == (40, 1000)
    assert commitment.last_reported_on == report.published_at.date()


def test_report_cannot_be_published_before_approval(summit, reviewer):
    report = ProgressReportFactory(commitment__summit=summit)
    with pytest.raises(ValidationError):
        services.review_report(report, "publish", reviewer)


def test_report_return_needs_a_comment(summit, reviewer):
    report = ProgressReportFactory(commitment__summit=summit)
    with pytest.raises(ValidationError):
        services.review_report(report, "return", reviewer, "")


def test_report_return_keeps_the_comment(summit, reviewer):
    report = ProgressReportFactory(commitment__summit=summit)
    services.review_report(report, "return", reviewer, "Add evidence")
    report.refresh_from_db()
    assert (report.state, report.reviewer_comment) == (ReportState.RETURNED, "Add evidence")


def test_report_review_by_other_summit_organiser_is_refused(summit):
    report = ProgressReportFactory(commitment__summit=summit)
    with pytest.raises(PermissionDenied):
        services.review_report(report, "approve", organiser(summits=[SummitFactory()]))


def test_admin_review_page_publishes(client, summit, reviewer):
    commitment = CommitmentFactory(summit=summit, review_state=ReviewState.APPROVED)
    client.force_login(reviewer)
    response = client.post(f"/admin/commitments/review/{commitment.pk}/", {"action": "publish"})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.review_state == ReviewState.PUBLISHED


def test_admin_review_page_refuses_organiser_of_other_summit(client, summit):
    commitment = CommitmentFactory(summit=summit, review_state=ReviewState.APPROVED)
    client.force_login(organiser(summits=[SummitFactory()]))
    response = client.post(f"/admin/commitments/review/{commitment.pk}/", {"action": "publish"})
    assert (response.status_code, response.url) == (302, "/admin/")  # Wagtail's "permission denied"
    commitment.refresh_from_db()
    assert commitment.review_state == ReviewState.APPROVED
