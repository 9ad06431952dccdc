"""factory_boy factories of the summit domain, shared by every app's tests."""

import datetime as dt
import zoneinfo

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from summits.choices import OrganisationKind, SessionKind, SpeakerRole
from summits.models import Organisation, Room, Session, SessionSpeaker, Speaker, Summit, Theme


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.NGO
    country = "FR"


class SummitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Summit

    title = factory.Sequence(lambda n: f"Summit {n}")
    slug = factory.Sequence(lambda n: f"summit-{n}")
    start_date = dt.date(2030, 1, 11)
    end_date = dt.date(2030, 1, 12)
    timezone = "Europe/Paris"
    city = "Paris"
    country = "FR"
    status = "open"
    languages = ["en", "fr"]


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    summit = factory.SubFactory(SummitFactory)
    title = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    summit = factory.SubFactory(SummitFactory)
    name = factory.Sequence(lambda n: f"Room {n}")
    capacity = 100


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    given_name = factory.Sequence(lambda n: f"Given{n}")
    family_name = factory.Sequence(lambda n: f"Family{n}")
    organisation = factory.SubFactory(OrganisationFactory)


def local(summit, day_offset, hour, minute=0):
    """An aware datetime at hour:minute local time of the summit, day_offset days after its start."""
    date = summit.start_date + dt.timedelta(days=day_offset)
    return dt.datetime.combine(date, dt.time(hour, minute), tzinfo=zoneinfo.ZoneInfo(summit.timezone))


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    summit = factory.SubFactory(SummitFactory)
    title = factory.Sequence(lambda n: f"Session {n}")
    slug = factory.Sequence(lambda n: f"session-{n}")
    kind = SessionKind.PLENARY
    start = factory.LazyAttribute(lambda o: local(o.summit, 0, 9))
    end = factory.LazyAttribute(lambda o: local(o.summit, 0, 10))


class SessionSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionSpeaker

    session = factory.SubFactory(SessionFactory)
    speaker = factory.SubFactory(SpeakerFactory)
    role = SpeakerRole.SPEAKER


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("secret-pass-123")


def member(summit, user=None, role="manager", **kwargs):
    """``user`` (a new one by default) given ``role`` in the summit's team."""
    from core import teams

    user = user or UserFactory(**kwargs)
    teams.add_member(summit, user, role)
    from core.permissions import forget

    forget(user)
    return user


def organiser(summits=(), role="manager", **kwargs):
    """A user who manages these summits (a summit manager in each team)."""
    user = UserFactory(**kwargs)
    for summit in summits:
        member(summit, user, role)
    return user
