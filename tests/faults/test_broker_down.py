"""Redis stopped during registrations: each answers at once, no email is lost once Redis is back."""

import time

import pytest
from django.urls import reverse
from django.utils import translation

from core.models import OutboxEmail
from core.tasks import flush_outbox
from registrations.models import Registration
from tests.registrations.factories import CategoryFactory, form_data, open_summit

from .conftest import wait_until

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

N = 12


def register_url(summit):
    with translation.override("en"):
        return reverse("registrations:register", kwargs={"summit_slug": summit.slug})


@pytest.fixture
def category(settings):
    settings.PLENARY_REGISTRATION_RATE = "1000/3600"
    return CategoryFactory(summit=open_summit(), quota=100)


def post_registrations(client, category, count, prefix):
    """POST ``count`` registrations; returns (status, seconds) of each."""
    answers = []
    for i in range(count):
        started = time.monotonic()
        response = client.post(register_url(category.summit),
                               form_data(category, email=f"{prefix}{i}@example.org", preferred_language="fr"))
        answers.append((response.status_code, time.monotonic() - started))
    return answers


def test_registrations_answer_at_once_while_redis_is_down_and_every_email_arrives_after(client, category, own_redis,
                                                                                        workers):
    own_redis.stop()
    answers = post_registrations(client, category, N, "down")
    print(f"\nredis down: {N} registrations answered in {max(s for _, s in answers):.2f}s at most")
    assert [status for status, _ in answers] == [302] * N
    assert max(seconds for _, seconds in answers) < 2
    assert Registration.objects.filter(email__startswith="down").count() == N
    rows = OutboxEmail.objects.filter(to__startswith="down")
    assert sorted(rows.values_list("status", "attempts")) == [(OutboxEmail.Status.QUEUED, 0)] * N

    own_redis.start()
    worker = workers("mail", PLENARY_OUTBOX_GRACE_SECONDS="0")
    flush_outbox.apply_async()  # what beat sends every minute, here at once
    wait_until(lambda: rows.filter(status=OutboxEmail.Status.SENT).count() == N, 30, interval=0.2,
               what=f"{N} emails sent", log=worker)
    expected = sorted(f"down{i}@example.org" for i in range(N))
    assert sorted(worker.recipients()) == expected  # 0 lost of N, none twice
    assert sorted(rows.values_list("status", "attempts")) == [(OutboxEmail.Status.SENT, 1)] * N


def test_a_frozen_redis_holds_one_registration_for_the_socket_timeout_and_no_other(client, category, own_redis,
                                                                                  workers):
    """A broker that accepts connections but never answers (SIGSTOP: a hung machine) costs the socket
    timeout (5 s) to one request; the next ones answer at once (core.broker's circuit breaker) and the
    outbox keeps every email until Redis answers again."""
    import signal

    post_registrations(client, category, 1, "warm")  # a pooled connection exists, as in a running server
    own_redis.process.send_signal(signal.SIGSTOP)
    try:
        answers = post_registrations(client, category, 5, "frozen")
    finally:
        own_redis.process.send_signal(signal.SIGCONT)
    print(f"\nredis frozen: answers in {', '.join(f'{s:.2f}s' for _, s in answers)}")
    assert [status for status, _ in answers] == [302] * 5
    assert answers[0][1] < 6
    assert max(seconds for _, seconds in answers[1:]) < 1
    worker = workers("mail", PLENARY_OUTBOX_GRACE_SECONDS="0")
    flush_outbox.apply_async()
    rows = OutboxEmail.objects.filter(to__startswith="frozen")
    wait_until(lambda: rows.filter(status=OutboxEmail.Status.SENT).count() == 5, 30, interval=0.2,
               what="5 emails sent", log=worker)
    assert sorted(r for r in worker.recipients() if r.startswith("frozen")) == [f"frozen{i}@example.org"
                                                                               for i in range(5)]
