"""The issue's acceptance scenario, end to end through the HTTP views."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from registrations.models import Registration
from core.signing import checkin_token
from tests.summits.factories import SessionFactory, local, organiser

from .factories import CategoryFactory, RegistrationFactory, form_data, open_summit

pytestmark = pytest.mark.django_db


def test_arabic_visitor_to_checked_in_participant(client):
    summit = open_summit(slug="one-planet-biodiversity")
    category = CategoryFactory(summit=summit, needs_approval=True, quota=100)
    others = RegistrationFactory.create_batch(20, summit=summit, category=category, status="pending")

    # A new visitor registers in Arabic and receives the Arabic email.
    client.post(f"/ar/summits/{summit.slug}/register/", form_data(category, preferred_language="ar"))
    visitor = Registration.objects.get(email="amina.diallo@example.org")
    assert visitor.status == "pending"
    assert "تم استلام التسجيل" in mail.outbox[-1].subject
    manage_path = re.search(r"/ar/registration/[^/\s]+/", mail.outbox[-1].body).group(0)

    # An organiser approves them in bulk with 20 others.
    staff = client.__class__()
    staff.force_login(organiser(summits=[summit]))
    staff.post("/admin/registrations/participants/", {"action": "approve", "ids": [visitor.pk] + [o.pk for o in others], "confirmed": "yes"})
    assert Registration.objects.filter(summit=summit, status="approved").count() == 21
    assert "تم قبول تسجيلك" in [m for m in mail.outbox if m.to == [visitor.email]][-1].subject

    # The participant books two sessions and sees a clash warning for a third.
    first = SessionFactory(summit=summit, capacity=30, title="Oceans", start=local(summit, 0, 9), end=local(summit, 0, 10))
    second = SessionFactory(summit=summit, capacity=30, title="Forests", start=local(summit, 0, 11), end=local(summit, 0, 12))
    third = SessionFactory(summit=summit, capacity=30, title="Finance", start=local(summit, 0, 9, 30), end=local(summit, 0, 10, 30))
    for session in (first, second):
        response = client.post(manage_path, {"action": "book", "session": session.pk}, follow=True)
        assert [str(m) for m in response.context["messages"]][-1] == f"تم حجز مقعدك في «{session.title}»."
    response = client.post(manage_path, {"action": "book", "session": third.pk}, follow=True)
    assert "تنبيه: «Finance» تتداخل مع «Oceans» التي حجزتها أيضاً." in [str(m) for m in response.context["messages"]]

    # The badge's QR code checks them in once and is refused the second time.
    code = checkin_token(visitor.reference, summit.pk)
    checkin = reverse("registrations_checkin", args=[summit.pk])
    assert staff.post(checkin, {"code": code}).status_code == 200
    second_scan = staff.post(checkin, {"code": code})
    assert second_scan.status_code == 409
    assert "Already checked in at" in second_scan.content.decode()
