"""Rules an import checks on each row beyond the summit: review decisions, published contacts."""

import pytest

from announcements.choices import ReviewState
from announcements.models import Commitment
from core import importing
from core.permissions import ROLE_ACTIONS, Role
from tests.announcements.factories import CommitmentFactory, PublishedCommitmentFactory
from tests.summits.factories import OrganisationFactory, SummitFactory, member

pytestmark = pytest.mark.django_db

HEADER = "summit,title_en,lead_organisation,kind,review_state,contact_email\n"


def run(text, user):
    dataset = importing.read_dataset(text.encode(), "commitments.csv")
    return importing.run_import(importing.registry()["commitments"], dataset, dry_run=False, user=user)


@pytest.fixture
def summit():
    OrganisationFactory(name="Great Green Wall Agency")
    return SummitFactory(slug="ops")


@pytest.fixture
def editor_of_commitments(summit, monkeypatch):
    """A role that may change commitments but not review them (no built-in role is like that today)."""
    monkeypatch.setitem(ROLE_ACTIONS, Role.CONTENT_EDITOR,
                        ROLE_ACTIONS[Role.CONTENT_EDITOR] | {"commitments.view", "commitments.change"})
    return member(summit, role=Role.CONTENT_EDITOR)


def test_only_a_reviewer_imports_a_published_commitment(summit, editor_of_commitments):
    report = run(HEADER + "ops,Restore the Sahel,Great Green Wall Agency,initiative,published,a@example.org\n",
                 editor_of_commitments)
    assert [str(e) for e in report.errors] == [
        "Row 2, column “review_state”: Only a commitments reviewer of this summit may set a review state "
        "other than “submitted”."]
    assert not Commitment.objects.exists()


def test_a_submitted_commitment_imports_without_review_rights(summit, editor_of_commitments):
    report = run(HEADER + "ops,Restore the Sahel,Great Green Wall Agency,initiative,submitted,a@example.org\n",
                 editor_of_commitments)
    assert report.ok, [str(e) for e in report.errors]
    assert Commitment.objects.get().review_state == ReviewState.SUBMITTED


def test_changing_a_review_state_by_import_needs_review_rights(summit, editor_of_commitments):
    commitment = CommitmentFactory(summit=summit, title="Restore the Sahel")
    text = ("reference,summit,title_en,lead_organisation,kind,review_state\n"
            f"{commitment.reference},ops,Restore the Sahel,{commitment.lead_organisation.name_en},initiative,published\n")
    report = run(text, editor_of_commitments)
    assert [(e.line, e.field) for e in report.errors] == [(2, "review_state")]
    commitment.refresh_from_db()
    assert commitment.review_state == ReviewState.SUBMITTED


def test_a_reviewer_imports_a_published_commitment(summit):
    report = run(HEADER + "ops,Restore the Sahel,Great Green Wall Agency,initiative,published,a@example.org\n",
                 member(summit, role=Role.COMMITMENTS_REVIEWER))
    assert report.ok, [str(e) for e in report.errors]
    assert Commitment.objects.get().review_state == ReviewState.PUBLISHED


def test_another_summit_reviewer_cannot_replace_a_published_contact_email(summit):
    published = PublishedCommitmentFactory(summit=summit, contact_email="lead@ops.example")
    outsider = member(SummitFactory(slug="other"), role=Role.COMMITMENTS_REVIEWER)
    text = ("reference,summit,title_en,lead_organisation,kind,review_state,contact_email\n"
            f"{published.reference},ops,{published.title_en},{published.lead_organisation.name_en},initiative,"
            "published,attacker@example.org\n")
    report = run(text, outsider)
    assert [(e.line, e.field) for e in report.errors] == [(2, "summit")]
    published.refresh_from_db()
    assert published.contact_email == "lead@ops.example"


def test_every_import_kind_authorises_each_row():
    from core.importing import RowPermissionsMixin

    assert all(issubclass(kind.resource_class, RowPermissionsMixin) for kind in importing.registry().values())
