"""Messages to participants: recipients, languages, placeholders, opt-out, test, confirmation, outbox, log."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from core.models import Job, OutboxEmail
from core.signing import read_token
from registrations import messages
from registrations.choices import BookingStatus
from registrations.models import Message, Registration, SessionBooking
from tests.registrations.factories import CategoryFactory, RegistrationFactory, form_data
from tests.summits.factories import SessionFactory, member

from .conftest import denied

pytestmark = pytest.mark.django_db


def compose(summit, **fields):
    data = {"status": ["waitlisted"], "subject_en": "News for {{ name }}", "body_en": "Hello {{ given_name }}, "
            "see {{ manage_url }}", "subject_fr": "Nouvelles pour {{ name }}", "body_fr": "Bonjour {{ given_name }}"}
    data.update(fields)
    return data


@pytest.fixture
def people(summit):
    category = CategoryFactory(summit=summit, name="Delegates")
    return {
        "fr": RegistrationFactory(summit=summit, category=category, status="waitlisted", preferred_language="fr",
                                  given_name="Amélie", family_name="Martin", nationality="FR"),
        "ar": RegistrationFactory(summit=summit, category=category, status="waitlisted", preferred_language="ar",
                                  given_name="ليلى", family_name="حداد", nationality="JO"),
        "en": RegistrationFactory(summit=summit, category=category, status="waitlisted", preferred_language="en",
                                  nationality="SN"),
        "approved": RegistrationFactory(summit=summit, category=category, status="approved", preferred_language="fr",
                                        nationality="FR"),
        "opted_out": RegistrationFactory(summit=summit, category=category, status="waitlisted",
                                         preferred_language="fr", accepts_updates=False, nationality="FR"),
    }


def draft(summit, **kwargs):
    values = {"summit": summit, "subjects": {"en": "Update", "fr": "Nouvelles", "ar": "مستجدات"},
              "bodies": {"en": "Hello {{ name }}", "fr": "Bonjour {{ name }}", "ar": "مرحبا {{ name }}"},
              "audience": {"status": ["waitlisted"]}}
    values.update(kwargs)
    return Message.objects.create(**values)


def test_compose_saves_a_draft_and_shows_the_recipient_count(client, manager, summit, people):
    response = client.post(reverse("registrations_message_new", args=[summit.pk]), compose(summit))
    message = Message.objects.get()
    assert response["Location"] == reverse("registrations_message", args=[summit.pk, message.pk])
    assert message.state == "draft" and message.languages == ["en", "fr"]
    page = client.get(response["Location"])
    assert page.context["summary"]["total"] == 3  # waitlisted, not the one who opted out of news
    assert page.context["summary"]["opted_out"] == 1
    languages = {row["code"]: (row["count"], row["fallback"]) for row in page.context["summary"]["languages"]}
    # Arabic is not written: the Arabic reader gets the summit's first language written, English.
    assert languages == {"en": (2, 1), "fr": (1, 0)}
    assert 'id="recipient-count" data-count="3"' in page.content.decode()


@pytest.mark.parametrize("filters, expected", [
    ({"status": ["approved"]}, ["approved"]),
    ({"status": ["waitlisted"], "country": ["FR"]}, ["fr"]),
    ({"status": ["waitlisted"], "language": ["ar"]}, ["ar"]),
    ({"status": [], "checked_in": "yes"}, ["en"]),
    ({"status": ["waitlisted", "approved"], "checked_in": "no"}, ["fr", "ar", "approved"]),
])
def test_recipient_filters(summit, people, filters, expected):
    Registration.objects.filter(pk=people["en"].pk).update(checked_in_at=timezone.now())
    message = draft(summit, audience=filters)
    assert set(messages.audience(message)) == {people[key] for key in expected}


def test_session_booking_filter(summit, people):
    session = SessionFactory(summit=summit, capacity=5)
    SessionBooking.objects.create(registration=people["approved"], session=session, status=BookingStatus.BOOKED)
    SessionBooking.objects.create(registration=people["fr"], session=session, status=BookingStatus.WAITLISTED)
    message = draft(summit, audience={"session": session.pk})
    assert list(messages.audience(message)) == [people["approved"]]


def test_category_filter_and_other_summits_never_included(summit, other_summit, people):
    press = CategoryFactory(summit=summit, name="Press")
    journalist = RegistrationFactory(summit=summit, category=press, status="waitlisted")
    RegistrationFactory(summit=other_summit, status="waitlisted")
    message = draft(summit, audience={"status": ["waitlisted"], "category": [press.pk]})
    assert list(messages.audience(message)) == [journalist]


def test_erased_registrations_are_never_written_to(summit, people):
    Registration.objects.filter(pk=people["en"].pk).update(anonymised_at=timezone.now(), email="")
    assert people["en"] not in set(messages.audience(draft(summit)))


def test_essential_message_reaches_those_who_opted_out(summit, people):
    assert people["opted_out"] not in set(messages.audience(draft(summit)))
    assert people["opted_out"] in set(messages.audience(draft(summit, essential=True)))


def test_each_recipient_reads_their_language_or_the_nearest_written(summit, people):
    message = draft(summit, subjects={"en": "Update", "fr": "Nouvelles"}, bodies={"en": "Hi", "fr": "Salut"})
    assert messages.language_for(message, "fr") == "fr"
    assert messages.language_for(message, "ar") == "en"  # the summit's languages are en, fr, ar
    summit.languages = ["ar", "fr", "en"]
    summit.save()
    message = Message.objects.get(pk=message.pk)
    assert messages.language_for(message, "zh-hans") == "fr"


def test_placeholders_are_filled_for_each_recipient(summit, people):
    subject, body, language = messages.render(draft(summit), people["ar"])
    assert language == "ar"
    assert subject == "مستجدات"
    assert body.startswith(f"مرحبا {people['ar'].full_name}")
    link = body.split("/registration/")[1].split("/")[0]
    assert read_token("manage", link) == {"id": people["ar"].pk}
    assert "/ar/registration/" in body


def test_unknown_placeholder_is_refused_next_to_its_field(client, manager, summit, people):
    response = client.post(reverse("registrations_message_new", args=[summit.pk]),
                           compose(summit, body_fr="Bonjour {{ prenom }}"))
    assert response.status_code == 200
    errors = response.context["form"].errors["body_fr"]
    assert errors[0].startswith("Unknown placeholder: {{ prenom }}.")
    assert not Message.objects.exists()


def test_a_subject_without_text_is_refused(client, manager, summit, people):
    response = client.post(reverse("registrations_message_new", args=[summit.pk]),
                           compose(summit, body_fr=""))
    assert response.context["form"].errors["body_fr"] == ["Write the text too, or leave the subject empty."]


def test_a_message_needs_one_complete_language(client, manager, summit, people):
    response = client.post(reverse("registrations_message_new", args=[summit.pk]),
                           {"status": ["waitlisted"]})
    assert response.context["form"].non_field_errors() == ["Write the subject and the text in at least one language."]


def test_preview_in_each_language_as_a_recipient_reads_it(client, manager, summit, people):
    message = draft(summit)
    previews = {p["code"]: p for p in client.get(reverse("registrations_message", args=[summit.pk, message.pk]))
                .context["previews"]}
    assert set(previews) == {"en", "fr", "ar"}
    assert previews["ar"]["recipient"] == people["ar"]
    assert previews["ar"]["body"].startswith(f"مرحبا {people['ar'].full_name}")


def test_send_a_test_to_yourself(client, manager, summit, people):
    manager.email = "me@example.org"
    manager.save()
    message = draft(summit)
    client.post(reverse("registrations_message_action", args=[summit.pk, message.pk]),
                {"action": "test", "language": "fr"})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["me@example.org"]
    assert mail.outbox[0].subject == "[Test] Nouvelles"
    assert OutboxEmail.objects.get().kind == "registrations.message_test"
    assert Message.objects.get().state == "draft"


def test_send_refuses_a_stale_count(client, manager, summit, people):
    message = draft(summit)
    client.post(reverse("registrations_message_action", args=[summit.pk, message.pk]),
                {"action": "send", "count": "2"})
    message.refresh_from_db()
    assert message.state == "draft"
    assert not OutboxEmail.objects.exists()


def test_waitlisted_in_french_and_arabic_each_receive_their_language(client, manager, summit, people):
    message = draft(summit)
    response = client.post(reverse("registrations_message_action", args=[summit.pk, message.pk]),
                           {"action": "send", "count": "3"})
    assert response["Location"] == reverse("registrations_message", args=[summit.pk, message.pk])
    message.refresh_from_db()
    assert message.state == "sent" and message.recipient_count == 3
    assert Job.objects.get(pk=message.job_id).state == "succeeded"
    rows = OutboxEmail.objects.filter(group=f"message:{message.pk}")
    assert rows.count() == 3 and set(rows.values_list("status", flat=True)) == {"sent"}
    sent = {email.to[0]: email for email in mail.outbox}
    assert sent[people["fr"].email].subject == "Nouvelles"
    assert sent[people["ar"].email].subject == "مستجدات"
    assert sent[people["en"].email].subject == "Update"
    assert sent[people["ar"].email].extra_headers["Content-Language"] == "ar"
    assert people["opted_out"].email not in sent
    log = client.get(reverse("registrations_message", args=[summit.pk, message.pk]))
    assert log.context["delivery"] == {"queued": 0, "sent": 3, "failed": 0, "total": 3}
    assert log.content.decode().count('data-status="sent"') == 3
    status = client.get(reverse("registrations_message_status", args=[summit.pk, message.pk])).json()
    assert status["counts"]["sent"] == 3 and status["finished"] is True


def test_a_sent_message_cannot_be_sent_again_or_changed(client, manager, summit, people, committed):
    message = draft(summit)
    with committed():
        messages.send(message, manager, confirmed_count=3)
    with pytest.raises(messages.MessageError):
        messages.send(message, manager, confirmed_count=3)
    response = client.get(reverse("registrations_message_edit", args=[summit.pk, message.pk]))
    assert response["Location"] == reverse("registrations_message", args=[summit.pk, message.pk])
    assert OutboxEmail.objects.filter(group=message.group).count() == 3


def test_erased_or_opted_out_after_queuing_is_not_sent(summit, people, manager, django_capture_on_commit_callbacks):
    from core import outbox

    message = draft(summit)
    messages.send(message, manager, confirmed_count=3)
    job = Message.objects.get().job
    from core import jobs

    with django_capture_on_commit_callbacks(execute=False):
        jobs.run(job.pk)  # queued, not sent yet
    Registration.objects.filter(pk=people["fr"].pk).update(accepts_updates=False)
    Registration.objects.filter(pk=people["ar"].pk).update(anonymised_at=timezone.now())
    for row in OutboxEmail.objects.filter(group=message.group):
        outbox.deliver(row.pk)
    statuses = dict(OutboxEmail.objects.filter(group=message.group).values_list("target_id", "status"))
    assert statuses == {people["fr"].pk: "failed", people["ar"].pk: "failed", people["en"].pk: "sent"}
    assert [e.to for e in mail.outbox] == [[people["en"].email]]


def test_failed_emails_can_be_sent_again(client, manager, summit, people, settings):
    message = draft(summit)
    settings.EMAIL_BACKEND = "tests.cockpit.test_messages.BrokenBackend"
    with TestCaseCallbacks():
        messages.send(message, manager, confirmed_count=3)
    OutboxEmail.objects.filter(group=message.group).update(status="failed", attempts=6)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(reverse("registrations_message_action", args=[summit.pk, message.pk]), {"action": "resend_failed"})
    assert OutboxEmail.objects.filter(group=message.group, status="sent").count() == 3
    assert OutboxEmail.objects.filter(group=message.group, status="failed").count() == 3  # the log keeps both


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages_):
        raise OSError("SMTP is down")


class TestCaseCallbacks:
    def __enter__(self):
        from django.test import TestCase

        self.context = TestCase.captureOnCommitCallbacks(execute=True)
        return self.context.__enter__()

    def __exit__(self, *exc):
        return self.context.__exit__(*exc)


@pytest.mark.parametrize("role", ["content_editor", "commitments_reviewer", "checkin"])
def test_roles_without_the_message_permission_are_refused(client, summit, people, role):
    message = draft(summit)
    client.force_login(member(summit, role=role))
    assert denied(client.get(reverse("registrations_messages", args=[summit.pk])))
    assert denied(client.get(reverse("registrations_message_new", args=[summit.pk])))
    assert denied(client.post(reverse("registrations_message_action", args=[summit.pk, message.pk]),
                              {"action": "send", "count": "3"}))
    assert Message.objects.get().state == "draft"


def test_registration_desk_may_write(client, summit, people):
    client.force_login(member(summit, role="registration_desk"))
    assert client.get(reverse("registrations_message_new", args=[summit.pk])).status_code == 200


def test_another_summits_manager_cannot_see_or_send(client, summit, other_summit, people):
    message = draft(summit)
    client.force_login(member(other_summit))
    assert denied(client.get(reverse("registrations_message", args=[summit.pk, message.pk])))
    assert denied(client.get(reverse("registrations_message_status", args=[summit.pk, message.pk])))
    # Through its own summit's address the message does not exist.
    assert client.get(reverse("registrations_message", args=[other_summit.pk, message.pk]), follow=True).status_code == 404


def test_the_log_lists_every_message(client, manager, summit, people):
    draft(summit, subjects={"en": "First"}, bodies={"en": "x"})
    draft(summit, subjects={"en": "Second"}, bodies={"en": "y"})
    response = client.get(reverse("registrations_messages", args=[summit.pk]))
    assert [m.subject for m, _counts in response.context["rows"]] == ["Second", "First"]


def test_registration_form_offers_the_opt_out(client, summit):
    from registrations.models import Registration as R

    category = CategoryFactory(summit=summit)
    url = reverse("registrations:register", kwargs={"summit_slug": summit.slug})
    assert 'name="accepts_updates"' in client.get(url).content.decode()
    client.post(url, form_data(category, email="optout@example.org"))
    assert R.objects.get(email="optout@example.org").accepts_updates is False
    client.post(url, form_data(category, email="news@example.org", accepts_updates="on"))
    assert R.objects.get(email="news@example.org").accepts_updates is True


def test_self_service_page_lets_the_participant_opt_out(client, summit):
    from core.signing import make_token

    registration = RegistrationFactory(summit=summit, status="pending")
    with translation.override("en"):
        url = reverse("registrations:manage", kwargs={"token": make_token("manage", {"id": registration.pk})})
    assert 'name="accepts_updates"' in client.get(url).content.decode()
    client.post(url, {"action": "save", "given_name": "A", "family_name": "B", "nationality": "SN",
                      "preferred_language": "fr", "organisation_name": "X"})
    registration.refresh_from_db()
    assert registration.accepts_updates is False
