"""The issue's "done when", end to end: a coalition submits in Spanish, an organiser publishes it,
it shows in the list, feeds, API and PDF in every language; its lead reports through the link;
an overdue one turns amber then red and the reminders go out."""

import datetime as dt
import io

import pytest
from django.core import mail
from pypdf import PdfReader

from announcements import queries, services
from announcements.choices import Light, ReportState
from announcements.models import Commitment
from tests.summits.factories import ThemeFactory

pytestmark = pytest.mark.django_db

TRANSLATIONS = {"en": "Restore 10,000 hectares of páramo", "fr": "Restaurer 10 000 hectares de páramo",
                "ar": "استعادة 10000 هكتار من البارامو", "zh_hans": "恢复一万公顷帕拉莫", "ru": "Восстановить 10 000 га парамо"}


def test_commitment_lifecycle(client, summit, reviewer, django_capture_on_commit_callbacks):
    theme = ThemeFactory(summit=summit)
    # 1. A coalition submits it in Spanish.
    response = client.post("/es/commitments/submit/", {
        "summit": summit.pk, "organisation_name": "Coalición Andina por los Páramos", "organisation_kind": "ngo",
        "contact_name": "Lucía", "contact_email": "lucia@example.org", "title": "Restaurar 10 000 hectáreas de páramo",
        "summary": "Restauración de páramos andinos.", "kind": "area", "themes": [theme.pk],
        "start_date": "2030-01-01", "end_date": "2034-12-31", "confirm": "1",
        "deliverables-TOTAL_FORMS": "1", "deliverables-INITIAL_FORMS": "0", "deliverables-MIN_NUM_FORMS": "0",
        "deliverables-MAX_NUM_FORMS": "10", "deliverables-0-title": "Mapa de páramos degradados",
        "deliverables-0-due_date": "2031-01-01", "deliverables-0-baseline": "0", "deliverables-0-target": "10000",
        "deliverables-0-unit": "ha",
    })
    assert response.status_code == 302
    commitment = Commitment.objects.get()
    # 2. An organiser translates, approves and publishes it in the admin.
    for code, text in TRANSLATIONS.items():
        setattr(commitment, f"title_{code}", text)
    commitment.save()
    client.force_login(reviewer)
    for action in ("approve", "publish"):
        client.post(f"/admin/commitments/review/{commitment.pk}/", {"action": action})
    client.logout()
    commitment.refresh_from_db()
    assert commitment.is_published
    # 3. It shows in the list, the feeds, the API and the PDF in every language.
    for lang, suffix in (("en", "en"), ("fr", "fr"), ("es", "es"), ("ar", "ar"), ("zh-hans", "zh_hans"), ("ru", "ru")):
        title = getattr(commitment, f"title_{suffix}")
        assert title in client.get(f"/{lang}/commitments/").content.decode(), lang
        assert title in client.get(f"/{lang}/commitments/feed/rss/").content.decode(), lang
        pdf = client.get(f"/{lang}/commitments/report.pdf", {"summit": summit.slug}).content
        assert commitment.reference in "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages), lang
    api = client.get(f"/api/v1/commitments/{commitment.reference}/").json()
    assert api["title"]["es"] == "Restaurar 10 000 hectáreas de páramo" and api["title"]["ru"] == TRANSLATIONS["ru"]
    # 4. Its lead reports through the signed link; the organiser publishes the report.
    link = f"/es/commitments/report/{services.report_token(commitment)}/"
    deliverable = commitment.deliverables.get()
    client.post(link, {"period_start": "2030-01-01", "period_end": "2030-12-31", "percent_complete": "20",
                       "narrative": "Se mapearon los páramos.", f"deliverable_{deliverable.pk}": "achieved"})
    report = commitment.reports.get()
    services.review_report(report, "approve", reviewer)
    services.review_report(report, "publish", reviewer)
    report.refresh_from_db()
    assert report.state == ReportState.PUBLISHED
    assert "Se mapearon los páramos." in client.get(f"/es/commitments/{commitment.reference}/").content.decode()
    # 5. Without further reports it turns amber then red, and reminders go out.
    commitment.refresh_from_db()
    last = commitment.last_reported_on
    lights = [queries.public().with_light(last + dt.timedelta(days=d)).get(pk=commitment.pk).light
              for d in (100, 400, 800)]
    assert lights == [Light.GREEN, Light.AMBER, Light.RED]
    mail.outbox.clear()
    due = commitment.next_report_due()
    for day in (due - dt.timedelta(days=14), due, due + dt.timedelta(days=30), due + dt.timedelta(days=90)):
        with django_capture_on_commit_callbacks(execute=True):
            services.send_reminders(today=day)
    reminders = [m for m in mail.outbox if "lucia@example.org" in m.to]
    assert len(reminders) == 4 and all("/es/commitments/report/" in m.body for m in reminders)
    # the third reminder without a report also told the summit's reviewers (escalation), once
    assert [m.to for m in mail.outbox if "lucia@example.org" not in m.to] == [[reviewer.email]]
