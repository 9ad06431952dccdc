"""Redis stopped during registrations: each answers at once, no email is lost once Redis is back."""

import signal
import time

import pytest
from django.urls import reverse
from django.utils import translation

from core import broker
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


def test_registrations_answer_at_once_while_redis_is_frozen_or_down_and_no_email_is_lost(client, category,
                                                                                         own_redis, workers):
    """Three faults in a row, as a bad night would bring them, then one worker and beat's flush:

    1. Redis frozen (SIGSTOP: it accepts connections and never answers, like a hung machine): one
       request pays the socket timeout (5 s), the next ones answer at once (core.broker's breaker).
    2. Redis stopped: connections refused, every request answers at once.
    3. Redis started again, empty (the message published before the freeze is gone with it).
    Every registration is saved and its email waits in the outbox; the flush queues them again and
    the worker sends each exactly once.
    """
    warm = post_registrations(client, category, 1, "warm")  # published: a pooled connection, as in a live server
    own_redis.process.send_signal(signal.SIGSTOP)
    try:
        frozen = post_registrations(client, category, 5, "frozen")
    finally:
        own_redis.process.send_signal(signal.SIGCONT)
    own_redis.stop()
    broker.reset()  # as 15 s later: the first refused connection is tried again, and answers at once
    down = post_registrations(client, category, N, "down")
    print(f"\nredis frozen: answers in {', '.join(f'{s:.2f}s' for _, s in frozen)}; "
          f"redis down: {N} answers in {max(s for _, s in down):.2f}s at most")
    assert [status for status, _ in warm + frozen + down] == [302] * (1 + 5 + N)
    assert frozen[0][1] < 6
    assert max(seconds for _, seconds in frozen[1:] + down) < 2
    assert Registration.objects.count() == 1 + 5 + N
    rows = OutboxEmail.objects.all()
    assert sorted(rows.values_list("status", "attempts")) == [(OutboxEmail.Status.QUEUED, 0)] * (1 + 5 + N)

    own_redis.start()
    worker = workers("mail", PLENARY_OUTBOX_GRACE_SECONDS="0")
    flush_outbox.apply_async()  # what beat sends every minute, here at once
    wait_until(lambda: rows.filter(status=OutboxEmail.Status.SENT).count() == 1 + 5 + N, 30, interval=0.2,
               what="every email sent", log=worker)
    expected = sorted(["warm0@example.org"] + [f"frozen{i}@example.org" for i in range(5)]
                      + [f"down{i}@example.org" for i in range(N)])
    assert sorted(worker.recipients()) == expected  # 0 lost, none sent twice
    assert sorted(rows.values_list("status", "attempts")) == [(OutboxEmail.Status.SENT, 1)] * (1 + 5 + N)
