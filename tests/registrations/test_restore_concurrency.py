"""Undoing a cancellation decides capacity under the same locks as registering (real threads, PostgreSQL)."""

import pytest

from registrations import services
from registrations.models import Registration

from .factories import CategoryFactory, RegistrationFactory, open_summit
from .test_concurrency import fields, run_threads

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_restores_and_new_registrations_racing_for_the_last_place_never_oversell():
    category = CategoryFactory(summit=open_summit(), quota=5, needs_approval=False)
    RegistrationFactory.create_batch(4, summit=category.summit, category=category, status="approved")
    cancelled = RegistrationFactory.create_batch(6, summit=category.summit, category=category, status="approved")
    for registration in cancelled:  # 4 + 6 approved is over the quota: the factory skips the service on purpose
        services.cancel_by_participant(registration)
    assert Registration.objects.filter(category=category, status="approved").count() == 4

    def race(i):
        if i % 2:
            return services.restore_by_participant(cancelled[i // 2]).status
        return services.register(category.summit, category, fields(i)).status

    results, errors = run_threads(12, race)
    assert errors == []
    assert results.count("approved") == 1
    assert results.count("waitlisted") == 11
    assert Registration.objects.filter(category=category, status="approved").count() == 5
