"""The public submission form, the SMART and duplicate checks, and reporting through the signed link."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import signing

from announcements import services
from announcements.choices import CommitmentKind, DeliverableStatus, ReportState, ReviewState
from announcements.models import Commitment, Deliverable, ExchangeRate
from summits.models import Organisation
from tests.summits.factories import OrganisationFactory, ThemeFactory

from .factories import CommitmentFactory, DeliverableFactory, PublishedCommitmentFactory

pytestmark = pytest.mark.django_db


def form_data(summit, **overrides):
    data = {
        "summit": summit.pk, "organisation_name": "Coalición Andina", "organisation_kind": "ngo",
        "organisation_country": "PE", "contact_name": "Lucía", "contact_email": "lucia@example.org",
        "title": "Restaurar 10 000 hectáreas de páramo", "summary": "Restauración de ecosistemas de alta montaña.",
        "kind": "area", "amount": "", "currency": "", "is_new_money": "on",
        "start_date": "2030-01-01", "end_date": "2035-12-31",
        "deliverables-TOTAL_FORMS": "3", "deliverables-INITIAL_FORMS": "0",
        "deliverables-MIN_NUM_FORMS": "0", "deliverables-MAX_NUM_FORMS": "10",
        "deliverables-0-title": "Mapa de áreas degradadas", "deliverables-0-due_date": "2031-06-30",
        "deliverables-0-unit": "hectáreas", "deliverables-0-baseline": "0", "deliverables-0-target": "10000",
    }
    data.update(overrides)
    return data


def test_spanish_submission_is_saved_for_review_in_spanish(client, summit):
    theme = ThemeFactory(summit=summit)
    response = client.post("/es/commitments/submit/", {**form_data(summit), "themes": [theme.pk]})
    commitment = Commitment.objects.get()
    assert response.status_code == 302 and commitment.reference in response.url
    assert (commitment.review_state, commitment.title_es, commitment.contact_language) == (
        ReviewState.SUBMITTED, "Restaurar 10 000 hectáreas de páramo", "es")
    assert commitment.title_en == commitment.title_es  # English fallback until translated
    assert list(commitment.themes.all()) == [theme]
    assert commitment.deliverables.get().title_es == "Mapa de áreas degradadas"
    assert commitment.smart_warnings == []
    assert (commitment.lead_organisation.name_en, commitment.lead_organisation.name_es) == ("Coalición Andina",) * 2


def test_submission_reuses_an_existing_organisation_by_english_name(client, summit):
    existing = OrganisationFactory(name_en="Coalición Andina")
    client.post("/es/commitments/submit/", form_data(summit))
    assert Commitment.objects.get().lead_organisation == existing


def test_submission_is_not_public_until_published(client, summit):
    client.post("/es/commitments/submit/", form_data(summit))
    assert client.get("/es/commitments/").context["page_obj"].paginator.count == 0


def test_bad_dates_get_an_error_next_to_the_field_and_nothing_is_saved(client, summit):
    response = client.post("/en/commitments/submit/", form_data(summit, end_date="2020-01-01"))
    assert response.context["form"].errors["end_date"] == ["The end date cannot be before the start date."]
    assert (Commitment.objects.count(), Organisation.objects.filter(name="Coalición Andina").count()) == (0, 0)


def test_smart_check_warns_before_saving(client, summit):
    data = form_data(summit, kind="financial", end_date="", **{"deliverables-0-due_date": "",
                                                                "deliverables-0-baseline": ""})
    response = client.post("/en/commitments/submit/", data)
    assert response.context["warnings"] == [
        "No deliverable has a due date.", "No indicator has a baseline.",
        "A financial pledge needs an amount and a currency.", "The commitment has no end date.",
    ]
    assert Commitment.objects.count() == 0


def test_smart_warnings_are_kept_for_the_reviewer_when_confirmed(client, summit):
    data = form_data(summit, end_date="", confirm="1")
    client.post("/en/commitments/submit/", data)
    assert Commitment.objects.get().smart_warnings == ["The commitment has no end date."]


def test_smart_check_passes_a_complete_commitment(summit):
    commitment = CommitmentFactory(summit=summit, kind=CommitmentKind.FINANCIAL, amount=10, currency="USD",
                                   end_date=dt.date(2031, 1, 1))
    DeliverableFactory(commitment=commitment, baseline=Decimal("0"))
    assert services.smart_warnings(commitment) == []


def test_duplicate_flagged_on_similar_title_same_lead(summit):
    lead = OrganisationFactory()
    first = PublishedCommitmentFactory(summit=summit, lead_organisation=lead, title="Great Green Wall funding")
    second = CommitmentFactory.build(summit=summit, lead_organisation=lead, title="Great Green Wall fundings")
    services.submit_commitment(second)
    assert list(second.possible_duplicates.all()) == [first]


def test_duplicate_flagged_on_same_amount_same_lead(summit):
    lead = OrganisationFactory()
    first = PublishedCommitmentFactory(summit=summit, lead_organisation=lead, title="Fund A", amount=500,
                                       currency="EUR")
    second = CommitmentFactory.build(summit=summit, lead_organisation=lead, title="Something else", amount=500,
                                     currency="EUR")
    services.submit_commitment(second)
    assert list(second.possible_duplicates.all()) == [first]


def test_no_duplicate_for_another_lead(summit):
    PublishedCommitmentFactory(summit=summit, title="Great Green Wall funding")
    second = CommitmentFactory.build(summit=summit, lead_organisation=OrganisationFactory(), title="Great Green Wall funding")
    services.submit_commitment(second)
    assert list(second.possible_duplicates.all()) == []


def test_usd_equivalent_uses_rate_at_announcement_date(summit):
    ExchangeRate.objects.create(currency="EUR", valid_from=dt.date(2020, 1, 1), usd_per_unit=Decimal("1.10"))
    ExchangeRate.objects.create(currency="EUR", valid_from=dt.date(2021, 1, 1), usd_per_unit=Decimal("1.20"))
    commitment = CommitmentFactory(summit=summit, amount=1000, currency="eur", announced_on=dt.date(2020, 6, 1))
    assert (commitment.currency, commitment.amount_usd) == ("EUR", Decimal("1100.00"))


# --- reporting through the signed link --------------------------------------------------------------

def report_data(commitment, **overrides):
    data = {"period_start": "2030-01-01", "period_end": "2030-12-31", "percent_complete": "35",
            "disbursed": "1000", "evidence_links": "https://example.org/report.pdf",
            "narrative": "Se restauraron 3 500 hectáreas."}
    for d in commitment.deliverables.all():
        data[f"deliverable_{d.pk}"] = DeliverableStatus.IN_PROGRESS
    data.update(overrides)
    return data


def test_lead_reports_through_the_link(client, summit):
    commitment = PublishedCommitmentFactory(summit=summit)
    deliverable = DeliverableFactory(commitment=commitment)
    url = f"/es/commitments/report/{services.report_token(commitment)}/"
    response = client.post(url, report_data(commitment))
    report = commitment.reports.get()
    assert response.status_code == 200
    assert (report.state, report.narrative_es, report.percent_complete) == (
        ReportState.SUBMITTED, "Se restauraron 3 500 hectáreas.", 35)
    assert report.deliverable_updates.get().deliverable == deliverable


def test_report_is_not_public_until_published(client, summit, reviewer):
    commitment = PublishedCommitmentFactory(summit=summit)
    client.post(f"/en/commitments/report/{services.report_token(commitment)}/",
                report_data(commitment, narrative="Secret progress"))
    assert "Secret progress" not in client.get(commitment.get_absolute_url()).content.decode()
    report = commitment.reports.get()
    services.review_report(report, "approve", reviewer)
    services.review_report(report, "publish", reviewer)
    assert "Secret progress" in client.get(commitment.get_absolute_url()).content.decode()
    assert "Secret progress" in client.get("/en/commitments/reports/feed/rss/").content.decode()


def test_published_report_updates_deliverable_status(client, summit, reviewer):
    commitment = PublishedCommitmentFactory(summit=summit)
    deliverable = DeliverableFactory(commitment=commitment)
    client.post(f"/en/commitments/report/{services.report_token(commitment)}/",
                report_data(commitment, **{f"deliverable_{deliverable.pk}": DeliverableStatus.ACHIEVED}))
    report = commitment.reports.get()
    services.review_report(report, "approve", reviewer)
    services.review_report(report, "publish", reviewer)
    deliverable.refresh_from_db()
    assert deliverable.status == DeliverableStatus.ACHIEVED


def test_tampered_link_is_refused(client, summit):
    commitment = PublishedCommitmentFactory(summit=summit)
    token = services.report_token(commitment)
    response = client.get(f"/en/commitments/report/{token[:-2]}xx/")
    assert response.status_code == 403 and commitment.reports.count() == 0


def test_link_of_another_purpose_is_refused(client, summit):
    from core.signing import make_token

    commitment = PublishedCommitmentFactory(summit=summit)
    response = client.get(f"/en/commitments/report/{make_token('registration', {'id': commitment.pk})}/")
    assert response.status_code == 403


def test_bad_evidence_link_gets_an_error_and_nothing_is_saved(client, summit):
    commitment = PublishedCommitmentFactory(summit=summit)
    response = client.post(f"/en/commitments/report/{services.report_token(commitment)}/",
                           report_data(commitment, evidence_links="not a link"))
    assert response.context["form"].errors["evidence_links"] == ["“not a link” is not a web address (https://…)."]
    assert commitment.reports.count() == 0


def test_link_for_unpublished_commitment_is_404(client, summit):
    commitment = CommitmentFactory(summit=summit)
    assert client.get(f"/en/commitments/report/{services.report_token(commitment)}/").status_code == 404


def test_signing_is_not_bypassed_with_plain_django_signing(client, summit):
    commitment = PublishedCommitmentFactory(summit=summit)
    forged = signing.dumps({"id": commitment.pk})
    assert client.get(f"/en/commitments/report/{forged}/").status_code == 403


def test_deliverable_rows_need_a_title(client, summit):
    response = client.post("/en/commitments/submit/", form_data(summit, **{"deliverables-1-due_date": "2031-01-01"}))
    assert response.context["formset"].forms[1].errors["title"] == ["Say what will be delivered."]
    assert Deliverable.objects.count() == 0



def test_an_organisation_typed_by_a_submitter_stays_off_public_lists_until_publication(client, summit, reviewer):
    from registrations.forms import RegistrationForm

    known = OrganisationFactory(name_en="Known NGO")
    client.post("/es/commitments/submit/", form_data(summit))
    commitment = Commitment.objects.get()
    typed = commitment.lead_organisation
    offered = lambda: list(RegistrationForm(summit=summit).fields["organisation"].queryset)  # noqa: E731
    assert typed.accepted is False
    assert known in offered() and typed not in offered()
    services.review(commitment, "approve", reviewer)
    typed.refresh_from_db()
    assert typed.accepted is True and typed in offered()
