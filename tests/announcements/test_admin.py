"""The organisers' admin screens: scoped lists, the review page, editing keeps versions."""

import pytest

from announcements.choices import ReviewState
from tests.summits.factories import SummitFactory, UserFactory, organiser

from .factories import CommitmentFactory, ProgressReportFactory, PublishedCommitmentFactory

pytestmark = pytest.mark.django_db


def test_commitment_index_is_scoped_to_the_organisers_summits(client, summit, reviewer):
    mine = CommitmentFactory(summit=summit, title="Mine to review")
    CommitmentFactory(summit=SummitFactory(), title="Somebody else's")
    client.force_login(reviewer)
    body = client.get("/admin/announcements/commitment/").content.decode()
    assert mine.reference in body and "Somebody else" not in body


def test_review_page_shows_warnings_duplicates_and_contact(client, summit, reviewer):
    commitment = CommitmentFactory(summit=summit, smart_warnings=["The commitment has no end date."])
    other = CommitmentFactory(summit=summit, lead_organisation=commitment.lead_organisation)
    commitment.possible_duplicates.add(other)
    client.force_login(reviewer)
    body = client.get(f"/admin/commitments/review/{commitment.pk}/").content.decode()
    assert "The commitment has no end date." in body
    assert other.reference in body and commitment.contact_email in body


def test_review_page_of_other_summit_is_refused(client, summit):
    commitment = CommitmentFactory(summit=summit)
    client.force_login(organiser(summits=[SummitFactory()]))
    response = client.get(f"/admin/commitments/review/{commitment.pk}/")
    assert commitment.contact_email not in response.content.decode()


def test_review_page_needs_admin_access(client, summit):
    commitment = CommitmentFactory(summit=summit)
    client.force_login(UserFactory())
    response = client.get(f"/admin/commitments/review/{commitment.pk}/")
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_published_commitment_shows_the_reporting_link(client, summit, reviewer):
    commitment = PublishedCommitmentFactory(summit=summit)
    client.force_login(reviewer)
    body = client.get(f"/admin/commitments/review/{commitment.pk}/").content.decode()
    assert "/commitments/report/" in body


def test_returning_a_report_from_the_admin_emails_the_lead(client, summit, reviewer, mailoutbox,
                                                           django_capture_on_commit_callbacks):
    report = ProgressReportFactory(commitment__summit=summit)
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/commitments/review/{report.commitment.pk}/",
                    {"action": "return", "report": report.pk, "comment": "Please add the evidence link."})
    assert [m.to for m in mailoutbox] == [[report.commitment.contact_email]]
    assert "Please add the evidence link." in mailoutbox[0].body


def test_editing_a_published_commitment_in_the_admin_keeps_a_version(client, summit, reviewer):
    from announcements import services

    commitment = CommitmentFactory(summit=summit, review_state=ReviewState.APPROVED, title="Before")
    services.review(commitment, "publish", reviewer)
    client.force_login(reviewer)
    url = f"/admin/announcements/commitment/edit/{commitment.pk}/"
    form = client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None:
            continue
        data[name] = value
    for prefix, formset in form.formsets.items():
        data.update({f"{prefix}-{k}": v for k, v in formset.management_form.initial.items()})
    data["title_en"] = "After"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    versions = list(commitment.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert {"field": "title_en", "old": "Before", "new": "After"} in versions[1].changes


def test_publishing_emails_the_lead_its_reporting_link(client, summit, reviewer, mailoutbox,
                                                       django_capture_on_commit_callbacks):
    commitment = CommitmentFactory(summit=summit, review_state=ReviewState.APPROVED, contact_language="fr")
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/commitments/review/{commitment.pk}/", {"action": "publish"})
    assert [m.to for m in mailoutbox] == [[commitment.contact_email]]
    assert mailoutbox[0].subject == f"Votre engagement est publié : {commitment.reference}"
    assert "/fr/commitments/report/" in mailoutbox[0].body


def test_requesting_changes_emails_the_comment(client, summit, reviewer, mailoutbox,
                                               django_capture_on_commit_callbacks):
    commitment = CommitmentFactory(summit=summit)
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/commitments/review/{commitment.pk}/",
                    {"action": "request_changes", "comment": "Add an end date."})
    assert "Add an end date." in mailoutbox[0].body


def test_admin_csv_export_escapes_formulae(client, summit, reviewer):
    commitment = CommitmentFactory(summit=summit, title="=cmd|' /C calc'!A0")
    client.force_login(reviewer)
    response = client.get("/admin/announcements/commitment/", {"export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert f"{commitment.reference},'=cmd|' /C calc'!A0," in body


def test_overdue_list_shows_only_overdue_of_my_summits(client, summit, reviewer):
    import datetime as dt

    from django.utils import timezone

    late = PublishedCommitmentFactory(summit=summit, announced_on=timezone.localdate() - dt.timedelta(days=400))
    fresh = PublishedCommitmentFactory(summit=summit, announced_on=timezone.localdate() - dt.timedelta(days=10))
    other = PublishedCommitmentFactory(summit=SummitFactory(), announced_on=timezone.localdate() - dt.timedelta(days=400))
    client.force_login(reviewer)
    rows = client.get("/admin/commitments/overdue/").context["rows"]
    assert [(c.pk, days) for c, _due, days, _light in rows] == [(late.pk, 35)]
