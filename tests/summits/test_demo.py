import pytest
from django.core.management import call_command

from summits.choices import OrganisationKind
from summits.models import Organisation, Room, Session, SessionSpeaker, Speaker, Summit, Theme

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "summits": sorted(Summit.objects.values_list("slug", "title_en", "title_fr", "start_date", "end_date")),
        "themes": sorted(Theme.objects.values_list("summit__slug", "slug", "title_en", "title_fr", "sort_order")),
        "rooms": sorted(Room.objects.values_list("summit__slug", "name_en", "name_fr", "capacity")),
        "sessions": sorted(Session.objects.values_list("summit__slug", "slug", "title_en", "title_fr", "start", "end",
                                                         "room__name_en", "theme__slug")),
        "speakers": sorted(SessionSpeaker.objects.values_list("session__slug", "speaker__family_name", "role")),
        "people": Speaker.objects.count(),
        "organisations": sorted(Organisation.objects.values_list("name_en", "kind")),
    }


def test_demo_loader_is_idempotent(capsys):
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first
    assert "organiser  / plenary-demo" in capsys.readouterr().out


def test_demo_has_the_one_planet_summit_and_a_second_summit():
    call_command("load_demo")
    ops = Summit.objects.get(slug="one-planet-biodiversity")
    assert (ops.start_date.isoformat(), ops.city_en, ops.timezone) == ("2021-01-11", "Paris", "Europe/Paris")
    assert sorted(o.acronym or o.name_en for o in ops.co_organisers.all()) == [
        "Government of France", "UNEP", "WB"]
    assert [t.title_en for t in ops.themes.order_by("sort_order")] == [
        "Protecting terrestrial and marine ecosystems", "Agro-ecology and the Great Green Wall",
        "Financing for biodiversity", "Deforestation, species and human health"]
    assert ops.sessions.count() >= 15
    assert all(s.title_fr for s in ops.sessions.all())
    assert not ops.sessions.filter(speaker_roles__isnull=True).exists()
    assert {k for k, _ in OrganisationKind.choices} == set(Organisation.objects.values_list("kind", flat=True))
    montreal = Summit.objects.get(slug="montreal-science-cooperation-2026")
    assert (montreal.start_date.isoformat(), montreal.end_date.isoformat()) == ("2026-01-13", "2026-01-15")


def test_demo_organiser_can_sign_in():
    from django.contrib.auth import authenticate

    call_command("load_demo")
    user = authenticate(username="organiser", password="plenary-demo")
    assert user is not None
    from core.permissions import summits_for

    assert summits_for(user, "team.manage").count() == Summit.objects.count()
    desk = authenticate(username="desk", password="plenary-demo")
    assert [s.slug for s in summits_for(desk, "registrations.view")] == ["one-planet-biodiversity"]
    assert not summits_for(desk, "commitments.review").exists()
