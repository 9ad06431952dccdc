"""The commitment submitter's journey (#10): an acknowledgement, a signed link to make the changes the
reviewers ask for, the resubmission back in review; currencies from a list."""

import re

import pytest
from django.core import mail

from announcements import emails, services
from announcements.choices import ReviewState
from announcements.forms import currency_choices
from announcements.models import Commitment

from .test_submission import form_data

pytestmark = pytest.mark.django_db


def test_a_submission_is_acknowledged_in_the_submitters_language(client, summit):
    client.post("/es/commitments/submit/", {**form_data(summit), "currency": ""})
    commitment = Commitment.objects.get()
    [message] = [m for m in mail.outbox if m.to == ["lucia@example.org"]]
    assert commitment.reference in message.subject and "Hemos recibido" in message.subject
    assert "Restaurar 10 000 hectáreas de páramo" in message.body


def test_changes_asked_send_a_signed_link_and_the_resubmission_returns_to_review(client, summit, reviewer, committed):
    client.post("/fr/commitments/submit/", {**form_data(summit), "title": "Restaurer des tourbières"})
    commitment = Commitment.objects.get()
    mail.outbox.clear()
    with committed():
        reviewed = services.review(commitment, "request_changes", reviewer, "Donnez un montant et une date de fin.")
        emails.send_review_notice(reviewed, "request_changes", "Donnez un montant et une date de fin.")
    [message] = mail.outbox
    link = re.search(r"https?://\S+/fr/commitments/edit/\S+/", message.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    assert page.status_code == 200 and "Donnez un montant" in page.content.decode()
    assert page.context["form"].initial["title"] == "Restaurer des tourbières"
    response = client.post("/" + path, {"title": "Restaurer 500 hectares de tourbières", "summary": "Plus précis.",
                                        "kind": "financial", "amount": "2000000", "currency": "EUR",
                                        "start_date": "2030-01-01", "end_date": "2032-12-31", "note": "Fait."})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.review_state == ReviewState.SUBMITTED
    assert (commitment.title_fr, commitment.currency, commitment.amount) == (
        "Restaurer 500 hectares de tourbières", "EUR", 2000000)
    assert commitment.events.filter(action="resubmitted").exists()
    # the link does nothing once the commitment is back in review
    again = client.post("/" + path, {"title": "Autre chose", "summary": "x", "kind": "financial"})
    commitment.refresh_from_db()
    assert again.status_code == 200 and commitment.title_fr == "Restaurer 500 hectares de tourbières"


def test_a_forged_edit_link_is_refused(client, summit):
    assert client.get("/en/commitments/edit/forged-token/").status_code == 404


def test_currencies_come_from_a_list_in_the_visitors_language():
    from django.utils import translation

    with translation.override("fr"):
        choices = dict(currency_choices())
    assert choices["EUR"] == "EUR – euro" and "XOF" in choices and "ADP" not in choices  # no dead currencies


def test_a_currency_outside_the_list_is_refused(client, summit):
    response = client.post("/en/commitments/submit/", {**form_data(summit), "amount": "10", "currency": "ZZZ"})
    assert response.status_code == 200 and not Commitment.objects.exists()
    assert "currency" in response.context["form"].errors
