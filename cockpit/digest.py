"""The daily digest to reviewers: what waits for their decision, by email through the outbox.

Sent once a day (celery beat) to every active team member whose role decides on registrations or
commitments, only when something waits, in the language of their admin profile. Sending twice the
same day (beat restarted, task retried) sends nothing more.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core import outbox, permissions
from core.models import OutboxEmail

from . import queues

logger = logging.getLogger(__name__)

KIND = "cockpit.digest"
ACTIONS = ("registrations.change", "commitments.review")


def reviewers():
    roles = sorted({role for action in ACTIONS for role in permissions.roles_granting(action)})
    return (get_user_model().objects.filter(is_active=True, summit_memberships__role__in=roles)
            .exclude(email="").distinct().order_by("pk"))


def language_of(user) -> str:
    from wagtail.users.models import UserProfile

    language = UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def _absolute(url):
    return settings.SITE_URL.rstrip("/") + url


def send_digests(today=None) -> int:
    today = today or timezone.localdate()
    group = f"digest:{today.isoformat()}"
    already = set(OutboxEmail.objects.filter(kind=KIND, group=group).values_list("to", flat=True))
    sent = 0
    for user in reviewers():
        if user.email in already:
            continue
        permissions.forget(user)
        waiting = [q for q in queues.for_user(user) if q.count]
        if not waiting:
            continue
        language = language_of(user)
        with translation.override(language):
            context = {
                "user": user, "queues": waiting, "total": sum(q.count for q in waiting),
                "queue_url": _absolute(reverse("cockpit_queue")),
                "site": settings.SITE_URL,
            }
            for queue in waiting:
                queue.absolute_url = _absolute(queue.more_url)
                for item in queue.items:
                    item["absolute_url"] = _absolute(item["url"])
            subject = render_to_string("cockpit/email/digest_subject.txt", context)
            body = render_to_string("cockpit/email/digest.txt", context)
        outbox.enqueue(to=user.email, kind=KIND, language=language, subject=" ".join(subject.split()), body=body,
                       group=group, target=user)
        already.add(user.email)
        sent += 1
    logger.info("review digests: %d sent for %s", sent, today)
    return sent
