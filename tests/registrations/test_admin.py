"""Organisers' screens: scoping, filters, counts, bulk actions, audit, export, import, check-in."""

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse

from registrations.models import AuditEntry, Registration
from core.spreadsheets import safe_cell
from core import importing
from core.signing import checkin_token
from tests.summits.factories import OrganisationFactory, UserFactory, organiser

from .factories import CategoryFactory, RegistrationFactory, image_file, open_summit

pytestmark = pytest.mark.django_db

LIST = "/admin/registrations/participants/"


def denied(response):
    """Wagtail turns PermissionDenied into a redirect to the dashboard with an error message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


@pytest.fixture
def summit():
    return open_summit(slug="one-planet-biodiversity")


@pytest.fixture
def staff(client, summit):
    user = organiser(summits=[summit])
    client.force_login(user)
    return user


def test_organiser_sees_only_their_summits(client, staff, summit):
    mine = RegistrationFactory(summit=summit, given_name="Mine")
    theirs = RegistrationFactory(summit=open_summit(), given_name="Theirs")
    response = client.get(LIST)
    refs = [r.reference for r in response.context["page"]]
    assert refs == [mine.reference]
    assert denied(client.get(f"{LIST}{theirs.pk}/"))


def test_admin_user_without_registration_permission_sees_nothing(client, summit):
    from tests.summits.factories import member

    user = member(summit, role="content_editor")
    RegistrationFactory(summit=summit)
    client.force_login(user)
    assert denied(client.get(LIST))


def test_anonymous_is_sent_to_login(client):
    response = client.get(LIST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("params, expected", [
    ({"status": "pending"}, ["P"]),
    ({"nationality": "BR"}, ["B"]),
    ({"needs_letter": "yes"}, ["L"]),
    ({"checked_in": "yes"}, ["C"]),
    ({"organisation_kind": "media"}, ["M"]),
    ({"q": "Zephyrine"}, ["Z"]),
])
def test_filters(client, staff, summit, params, expected):
    from django.utils import timezone

    RegistrationFactory(summit=summit, given_name="P", status="pending")
    RegistrationFactory(summit=summit, given_name="B", nationality="BR")
    RegistrationFactory(summit=summit, given_name="L", needs_letter=True)
    RegistrationFactory(summit=summit, given_name="C", checked_in_at=timezone.now())
    RegistrationFactory(summit=summit, given_name="M", organisation=OrganisationFactory(kind="media"))
    RegistrationFactory(summit=summit, given_name="Z", family_name="Zephyrine")
    response = client.get(LIST, params)
    assert [r.given_name for r in response.context["page"]] == expected


def test_counts_per_status_and_category(client, staff, summit):
    category = CategoryFactory(summit=summit, quota=10)
    RegistrationFactory.create_batch(3, summit=summit, category=category, status="approved")
    RegistrationFactory.create_batch(2, summit=summit, category=category, status="waitlisted")
    response = client.get(LIST, {"summit": summit.pk})
    counts = {value: n for value, _label, n in response.context["counts"]}
    assert (counts["approved"], counts["waitlisted"], counts["pending"]) == (3, 2, 0)
    usage = {c.slug: (c.n_held, c.quota, c.n_waitlisted) for c in response.context["categories"]}
    assert usage[category.slug] == (3, 10, 2)


def test_list_query_count_does_not_grow(client, staff, summit, django_assert_max_num_queries):
    category = CategoryFactory(summit=summit)
    RegistrationFactory.create_batch(30, summit=summit, category=category, organisation=OrganisationFactory())
    with django_assert_max_num_queries(25):
        client.get(LIST)


def test_bulk_approve_with_twenty_others_records_and_emails(client, staff, summit):
    category = CategoryFactory(summit=summit, needs_approval=True)
    registrations = RegistrationFactory.create_batch(21, summit=summit, category=category, status="pending")
    client.post(LIST, {"action": "approve", "ids": [r.pk for r in registrations], "confirmed": "yes"})
    assert Registration.objects.filter(status="approved").count() == 21
    assert set(AuditEntry.objects.filter(action="approve").values_list("actor_label", flat=True)) == {staff.username}
    assert len(mail.outbox) == 21


def test_bulk_ignores_registrations_of_other_summits(client, staff, summit):
    foreign = RegistrationFactory(summit=open_summit(), status="pending")
    client.post(LIST, {"action": "approve", "ids": [foreign.pk], "confirmed": "yes"})
    foreign.refresh_from_db()
    assert foreign.status == "pending"


def test_bulk_reject_without_reason_changes_nothing(client, staff, summit):
    registration = RegistrationFactory(summit=summit, status="pending")
    client.post(LIST, {"action": "reject", "ids": [registration.pk], "confirmed": "yes"})
    registration.refresh_from_db()
    assert registration.status == "pending"


def test_single_reject_with_reason(client, staff, summit):
    registration = RegistrationFactory(summit=summit, status="pending")
    client.post(f"{LIST}{registration.pk}/", {"action": "reject", "reason": "Not an accredited organisation"})
    registration.refresh_from_db()
    assert (registration.status, registration.status_reason) == ("rejected", "Not an accredited organisation")


def test_export_csv_escapes_formulas(client, staff, summit):
    RegistrationFactory(summit=summit, given_name="=HYPERLINK(\"http://evil\")", family_name="+1", position="@SUM(A1)")
    response = client.get(LIST, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, row = rows[0], rows[1]
    assert row[header.index("given_name")] == "'=HYPERLINK(\"http://evil\")"
    assert row[header.index("family_name")] == "'+1"
    assert row[header.index("position")] == "'@SUM(A1)"


def test_export_xlsx_keeps_formulas_as_text(client, staff, summit):
    from openpyxl import load_workbook

    RegistrationFactory(summit=summit, given_name="-2+3")
    response = client.get(LIST, {"export": "xlsx", "status": "approved"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("given_name") + 1)
    assert (cell.value, cell.data_type) == ("-2+3", "s")  # typed as text: kept exactly, never run


def test_export_follows_the_filters(client, staff, summit):
    RegistrationFactory(summit=summit, status="pending", given_name="Pending")
    RegistrationFactory(summit=summit, status="approved", given_name="Approved")
    response = client.get(LIST, {"export": "csv", "status": "pending"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r[5] for r in rows[1:]] == ["Pending"]


@pytest.mark.parametrize("value, expected", [("=1", "'=1"), ("hello", "hello"), ("", ""), (None, ""), ("\t=x", "'\t=x")])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_photo_is_served_only_to_organisers_of_the_summit(client, summit):
    from django.core.files.base import ContentFile

    registration = RegistrationFactory(summit=summit)
    registration.photo.save("p.jpg", ContentFile(image_file().read()))
    outsider = organiser(summits=[open_summit()])
    client.force_login(outsider)
    assert denied(client.get(f"{LIST}{registration.pk}/photo/"))
    client.force_login(organiser(summits=[summit]))
    assert client.get(f"{LIST}{registration.pk}/photo/")["Content-Type"] == "image/jpeg"


# --- check-in screen ------------------------------------------------------------------------

def checkin_url(summit):
    return reverse("registrations_checkin", args=[summit.pk])


def test_checkin_screen_checks_in_then_refuses_the_second_scan(client, staff, summit):
    registration = RegistrationFactory(summit=summit, given_name="Ngozi", family_name="Okafor")
    code = checkin_token(registration.reference, summit.pk)
    first = client.post(checkin_url(summit), {"code": code})
    second = client.post(checkin_url(summit), {"code": code})
    assert first.status_code == 200 and "Checked in: Ngozi Okafor." in first.content.decode()
    assert second.status_code == 409 and "Already checked in at" in second.content.decode()


def test_checkin_screen_of_another_summit_is_forbidden(client, staff):
    assert denied(client.get(checkin_url(open_summit())))


# --- import ---------------------------------------------------------------------------------

HEADER = "summit,category,status,given_name,family_name,email,organisation,nationality,preferred_language,needs_letter\n"


def run(content, user=None, dry_run=False):
    kind = importing.registry()["registrations"]
    dataset = importing.read_dataset(content.encode(), "delegation.csv")
    return importing.run_import(kind, dataset, dry_run=dry_run, user=user)


def test_import_a_delegation(summit):
    CategoryFactory(summit=summit, slug="government", quota=5)
    report = run(HEADER + "one-planet-biodiversity,government,,Ana,Silva,ana@gov.br,,BR,es,no\n"
                 "one-planet-biodiversity,government,approved,João,Souza,joao@gov.br,,BR,es,no\n")
    assert report.ok, [str(e) for e in report.errors]
    assert sorted(Registration.objects.values_list("email", "status")) == [("ana@gov.br", "approved"), ("joao@gov.br", "approved")]


def test_import_is_all_or_nothing_with_row_numbers(summit):
    CategoryFactory(summit=summit, slug="government")
    report = run(HEADER + "one-planet-biodiversity,government,,Ana,Silva,ana@gov.br,,BR,es,no\n"
                 "one-planet-biodiversity,nope,,João,Souza,joao@gov.br,,BR,es,no\n")
    assert not report.ok
    assert [e.line for e in report.errors] == [3], [str(e) for e in report.errors]
    assert Registration.objects.count() == 0


def test_import_refuses_rows_beyond_the_quota(summit):
    CategoryFactory(summit=summit, slug="government", quota=1)
    report = run(HEADER + "one-planet-biodiversity,government,approved,Ana,Silva,ana@gov.br,,BR,es,no\n"
                 "one-planet-biodiversity,government,approved,João,Souza,joao@gov.br,,BR,es,no\n")
    assert [(e.line, e.field) for e in report.errors] == [(3, "status")]
    assert Registration.objects.count() == 0


def test_import_refuses_a_duplicate_email(summit):
    category = CategoryFactory(summit=summit, slug="government")
    RegistrationFactory(summit=summit, category=category, email="ana@gov.br")
    report = run(HEADER + "one-planet-biodiversity,government,,Ana,Silva,ANA@gov.br,,BR,es,no\n")
    assert [e.field for e in report.errors] == ["email"]


def test_import_refuses_summits_the_organiser_does_not_manage(summit):
    CategoryFactory(summit=summit, slug="government")
    outsider = organiser(summits=[open_summit()])
    report = run(HEADER + "one-planet-biodiversity,government,,Ana,Silva,ana@gov.br,,BR,es,no\n", user=outsider)
    assert [e.field for e in report.errors] == ["summit"]


def test_import_dry_run_saves_nothing_and_sends_nothing(summit):
    CategoryFactory(summit=summit, slug="government")
    report = run(HEADER + "one-planet-biodiversity,government,,Ana,Silva,ana@gov.br,,BR,es,no\n", dry_run=True)
    assert report.ok and report.totals["new"] == 1
    assert Registration.objects.count() == 0 and mail.outbox == []


def test_summit_import_kinds_are_still_registered():
    assert {"organisations", "sessions", "registrations"} <= set(importing.registry())


# --- demo -----------------------------------------------------------------------------------

def test_demo_skips_without_the_summit():
    import io

    from registrations import demo

    out = io.StringIO()
    demo.load(out)
    assert "skipped" in out.getvalue() and Registration.objects.count() == 0


def test_demo_is_idempotent(summit):
    import io

    from registrations import demo

    demo.load(io.StringIO())
    first = sorted(Registration.objects.values_list("reference", "status", "email"))
    demo.load(io.StringIO())
    assert sorted(Registration.objects.values_list("reference", "status", "email")) == first
    assert len(first) == 42


def test_organiser_corrects_details_and_it_is_audited(client, staff, summit):
    registration = RegistrationFactory(summit=summit, given_name="Jon", status="approved")
    url = reverse("registrations_registration:edit", args=[registration.pk])
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(given_name="John", category=registration.category_id, needs_letter="", list_publicly="")
    client.post(url, data)
    registration.refresh_from_db()
    assert registration.given_name == "John"
    entry = AuditEntry.objects.get(registration=registration, action="edit")
    assert (entry.actor, entry.note) == (staff, "given_name")


def test_organiser_cannot_edit_another_summits_registration(client, staff):
    foreign = RegistrationFactory(summit=open_summit())
    assert denied(client.get(reverse("registrations_registration:edit", args=[foreign.pk])))


def test_raising_a_quota_in_the_admin_promotes_the_waiting_list(client, staff, summit):
    category = CategoryFactory(summit=summit, quota=1, name="Youth", slug="youth")
    RegistrationFactory(summit=summit, category=category, status="approved")
    waiting = RegistrationFactory(summit=summit, category=category, status="waitlisted")
    url = reverse("registrationcategory:edit", args=[category.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() if form[name].value() is not None else "" for name in form.fields}
    data.update(quota=2, needs_approval="", invitation_only="", requires_organisation="", requires_position="",
                requires_photo="")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    waiting.refresh_from_db()
    assert waiting.status == "approved"
    assert AuditEntry.objects.get(registration=waiting, action="promote").actor == staff


def test_anonymisation_is_scheduled_nightly(settings):
    from config.celery import app

    app.loader.import_default_modules()  # what a worker or beat does at start
    entry = settings.CELERY_BEAT_SCHEDULE["registrations-anonymise-expired"]
    assert entry["task"] in app.tasks
    assert entry["schedule"] == 86400


def test_registrations_cannot_be_added_bypassing_the_form(client, staff):
    assert denied(client.get(reverse("registrations_registration:add")))


def test_a_participants_page_lists_their_emails_and_sends_one_again(client, staff, summit, committed):
    from core import outbox
    from core.models import OutboxEmail

    registration = RegistrationFactory(summit=summit, email="amina@example.org")
    other = RegistrationFactory(summit=summit, email="someone@example.org")
    with committed():
        outbox.enqueue(to="amina@example.org", kind="registrations.received", language="fr", summit=summit.pk,
                       target=registration, subject="Inscription reçue", body="Bonjour")
        foreign = outbox.enqueue(to="someone@example.org", kind="registrations.received", language="en",
                                 summit=summit.pk, target=other, subject="Received", body="Hello")
    page = client.get(f"/admin/registrations/participants/{registration.pk}/")
    [(email, _label)] = page.context["emails"]
    assert (email.to, email.status) == ("amina@example.org", "sent")
    assert "Inscription reçue" in page.content.decode() and "Received" not in page.content.decode()

    with committed():
        response = client.post(f"/admin/registrations/participants/{registration.pk}/",
                               {"action": "resend_email", "email": email.pk})
    assert response.status_code == 302
    assert OutboxEmail.objects.filter(target_id=registration.pk, to="amina@example.org").count() == 2
    # another registration's email cannot be sent again from this page
    assert client.post(f"/admin/registrations/participants/{registration.pk}/",
                       {"action": "resend_email", "email": foreign.pk}).status_code == 404
    assert OutboxEmail.objects.filter(to="someone@example.org").count() == 1
