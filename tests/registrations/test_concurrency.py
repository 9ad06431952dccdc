"""Capacity holds under concurrent registrations (real threads, real PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection

from registrations import services
from registrations.models import Registration, SessionBooking
from tests.summits.factories import SessionFactory

from .factories import CategoryFactory, RegistrationFactory, open_summit

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_threads(count, target):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker(i):
        try:
            barrier.wait()
            results.append(target(i))
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors


def fields(i):
    return {"given_name": f"P{i}", "family_name": "Race", "email": f"race{i}@example.org", "nationality": "FR",
            "preferred_language": "en", "consent_privacy": True}


def test_last_places_go_to_exactly_that_many_concurrent_registrations():
    category = CategoryFactory(summit=open_summit(), quota=50, needs_approval=False)
    RegistrationFactory.create_batch(45, summit=category.summit, category=category, status="approved")
    results, errors = run_threads(24, lambda i: services.register(category.summit, category, fields(i)).status)
    assert errors == []
    assert sorted(results).count("approved") == 5
    assert sorted(results).count("waitlisted") == 19
    assert Registration.objects.filter(category=category, status="approved").count() == 50
    assert Registration.objects.filter(category=category).count() == 45 + 24
    assert Registration.objects.values("reference").distinct().count() == 45 + 24


def test_summit_capacity_holds_across_categories_under_concurrency():
    summit = open_summit(capacity=10)
    categories = [CategoryFactory(summit=summit, quota=None) for _ in range(3)]
    results, errors = run_threads(24, lambda i: services.register(summit, categories[i % 3], fields(i)).status)
    assert errors == []
    assert results.count("approved") == 10
    assert Registration.objects.filter(summit=summit, status="approved").count() == 10


def test_concurrent_double_submit_creates_one_registration():
    category = CategoryFactory(summit=open_summit())

    def same_person(_i):
        try:
            return services.register(category.summit, category, fields(0)).pk
        except services.DuplicateRegistration:
            return "duplicate"

    results, errors = run_threads(12, same_person)
    assert errors == []
    assert results.count("duplicate") == 11
    assert Registration.objects.filter(email="race0@example.org").count() == 1


def test_concurrent_session_bookings_fill_exactly_the_seats():
    category = CategoryFactory(summit=open_summit())
    people = RegistrationFactory.create_batch(16, summit=category.summit, category=category, status="approved")
    session = SessionFactory(summit=category.summit, capacity=3)
    results, errors = run_threads(16, lambda i: services.book_session(people[i], session)[0].status)
    assert errors == []
    assert results.count("booked") == 3
    assert SessionBooking.objects.filter(session=session, status="booked").count() == 3
