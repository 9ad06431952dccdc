"""The summit workspace: choose a summit once, its sections per role, forms that know the summit."""

import pytest
from django.urls import reverse

from core.models import WorkspaceChoice
from summits.models import Session, Theme
from tests.registrations.factories import CategoryFactory
from tests.summits.factories import RoomFactory, SessionFactory, ThemeFactory, UserFactory, member, local

from .conftest import denied

pytestmark = pytest.mark.django_db


def sections(response):
    return [s.name for s, _url in response.context["sections"]]


def test_switching_remembers_the_summit_for_the_user(client, summit, other_summit):
    user = member(summit)
    member(other_summit, user)
    client.force_login(user)
    response = client.post(reverse("plenary_workspace_switch"), {"summit": other_summit.pk, "section": "programme"})
    assert response["Location"] == reverse("cockpit_programme", args=[other_summit.pk])
    assert WorkspaceChoice.objects.get(user=user).summit == other_summit
    # Another session of the same user opens on the remembered summit.
    client.logout()
    client.force_login(user)
    assert client.get(reverse("plenary_workspace"))["Location"] == reverse("cockpit_overview", args=[other_summit.pk])


def test_switching_to_a_summit_without_a_role_is_refused(client, summit, other_summit):
    user = member(summit)
    client.force_login(user)
    response = client.post(reverse("plenary_workspace_switch"), {"summit": other_summit.pk})
    assert denied(response)
    assert not WorkspaceChoice.objects.filter(user=user).exists()


def test_a_remembered_summit_the_user_lost_is_forgotten(client, summit, other_summit):
    from core import teams

    user = member(summit)
    member(other_summit, user)
    WorkspaceChoice.objects.create(user=user, summit=other_summit)
    teams.remove_member(other_summit, user)
    client.force_login(user)
    assert client.get(reverse("plenary_workspace"))["Location"] == reverse("cockpit_overview", args=[summit.pk])


def test_several_summits_and_no_choice_yet_shows_the_chooser(client, summit, other_summit):
    user = member(summit)
    member(other_summit, user)
    client.force_login(user)
    response = client.get(reverse("plenary_workspace"))
    assert response.status_code == 200
    assert {s.pk for s, _url, _roles in response.context["rows"]} == {summit.pk, other_summit.pk}


@pytest.mark.parametrize("role, expected", [
    ("manager", ["overview", "programme", "timetable", "participants", "messages", "checkin", "documents",
                 "commitments", "pages", "translations", "team", "settings"]),
    ("content_editor", ["overview", "programme", "timetable", "pages", "translations"]),
    ("registration_desk", ["overview", "programme", "timetable", "participants", "messages", "checkin",
                           "documents", "translations"]),
    ("commitments_reviewer", ["overview", "programme", "timetable", "commitments", "translations"]),
])
def test_sections_offered_follow_the_role(client, summit, role, expected):
    client.force_login(member(summit, role=role))
    response = client.get(reverse("cockpit_overview", args=[summit.pk]))
    assert response.status_code == 200
    assert sections(response) == expected


def test_check_in_staff_keep_to_the_check_in_screen(client, summit):
    client.force_login(member(summit, role="checkin"))
    assert denied(client.get(reverse("plenary_workspace")))
    assert denied(client.get(reverse("cockpit_overview", args=[summit.pk])))
    home = client.get("/admin/", follow=True)
    assert home.redirect_chain[-1][0] == reverse("registrations_checkin", args=[summit.pk])
    assert 'href="/admin/workspace/"' not in home.content.decode()


@pytest.mark.parametrize("url_name, role", [
    ("cockpit_participants", "content_editor"), ("cockpit_team", "registration_desk"),
    ("cockpit_settings", "commitments_reviewer"), ("cockpit_pages", "registration_desk"),
    ("cockpit_commitments", "content_editor"), ("cockpit_documents", "commitments_reviewer"),
])
def test_a_section_the_role_does_not_allow_is_refused(client, summit, url_name, role):
    client.force_login(member(summit, role=role))
    assert denied(client.get(reverse(url_name, args=[summit.pk])))


@pytest.mark.parametrize("url_name", ["cockpit_overview", "cockpit_programme", "cockpit_participants",
                                      "cockpit_documents", "cockpit_commitments", "cockpit_pages", "cockpit_team",
                                      "cockpit_settings"])
def test_another_summits_manager_is_refused_every_section(client, summit, other_summit, url_name):
    client.force_login(member(other_summit, role="manager"))
    assert denied(client.get(reverse(url_name, args=[summit.pk])))
    assert not WorkspaceChoice.objects.filter(summit=summit).exists()


def test_anonymous_visitor_is_sent_to_the_login(client, summit):
    response = client.get(reverse("cockpit_overview", args=[summit.pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_opening_a_section_makes_its_summit_the_current_one(client, summit, other_summit):
    user = member(summit)
    member(other_summit, user)
    client.force_login(user)
    client.get(reverse("cockpit_programme", args=[other_summit.pk]))
    assert WorkspaceChoice.objects.get(user=user).summit == other_summit


# --- Forms that know the summit -----------------------------------------------------------------

def test_add_theme_from_the_workspace_has_the_summit_fixed(client, summit, other_summit):
    user = member(summit)
    member(other_summit, user)
    client.force_login(user)
    response = client.get(reverse("summits_theme:add") + f"?summit={summit.pk}")
    field = response.context["form"].fields["summit"]
    assert list(field.queryset) == [summit]
    assert field.empty_label is None
    assert response.context["form"].initial["summit"] == summit.pk


def test_add_form_starts_in_the_current_summit(client, summit, other_summit):
    user = member(summit)
    member(other_summit, user)
    client.force_login(user)
    client.post(reverse("plenary_workspace_switch"), {"summit": other_summit.pk})
    response = client.get(reverse("summits_room:add"))
    assert list(response.context["form"].fields["summit"].queryset) == [other_summit]


def test_prefill_with_a_summit_the_user_may_not_use_is_ignored(client, summit, other_summit):
    client.force_login(member(summit))
    response = client.get(reverse("summits_theme:add") + f"?summit={other_summit.pk}")
    assert list(response.context["form"].fields["summit"].queryset) == [summit]


def test_session_form_offers_only_its_summits_themes_and_rooms(client, summit, other_summit):
    user = member(summit)
    member(other_summit, user)
    mine = ThemeFactory(summit=summit, title="Protecting ecosystems")
    ThemeFactory(summit=other_summit, title="Someone else's theme")
    room = RoomFactory(summit=summit, name="Grand Auditorium")
    RoomFactory(summit=other_summit, name="Elsewhere")
    client.force_login(user)
    form = client.get(reverse("summits_session:add") + f"?summit={summit.pk}").context["form"]
    assert list(form.fields["theme"].queryset) == [mine]
    assert list(form.fields["room"].queryset) == [room]
    assert form.fields["theme"].label_from_instance(mine) == "Protecting ecosystems"
    session = SessionFactory(summit=summit, theme=mine, room=room)
    form = client.get(reverse("summits_session:edit", args=[session.pk])).context["form"]
    assert list(form.fields["theme"].queryset) == [mine]
    assert list(form.fields["summit"].queryset) == [summit]


def test_posting_another_summits_theme_to_a_session_is_refused(client, summit, other_summit):
    user = member(summit)
    member(other_summit, user)
    client.force_login(user)
    theirs = ThemeFactory(summit=other_summit)
    data = {
        "summit": summit.pk, "kind": "plenary", "theme": theirs.pk, "title_en": "Opening", "slug": "opening",
        "start": "2030-01-11 09:00", "end": "2030-01-11 10:00", "languages": "", "interpretation": "",
        "speaker_roles-TOTAL_FORMS": "0", "speaker_roles-INITIAL_FORMS": "0", "speaker_roles-MIN_NUM_FORMS": "0",
        "speaker_roles-MAX_NUM_FORMS": "1000", "is_published": "on",
    }
    response = client.post(reverse("summits_session:add"), data)
    assert response.status_code == 200
    assert "theme" in response.context["form"].errors
    assert not Session.objects.filter(slug="opening").exists()


def test_theme_added_from_the_workspace_belongs_to_the_summit(client, summit, other_summit):
    user = member(summit)
    member(other_summit, user)
    client.force_login(user)
    response = client.post(reverse("summits_theme:add") + f"?summit={summit.pk}", {
        "summit": summit.pk, "slug": "oceans", "colour": "#0B5394", "sort_order": "3", "title_en": "Oceans"})
    assert response.status_code == 302
    assert Theme.objects.get(slug="oceans").summit == summit


def test_category_add_form_knows_the_summit(client, summit, other_summit):
    user = member(summit, role="registration_desk")
    client.force_login(user)
    CategoryFactory(summit=other_summit)
    form = client.get(reverse("registrationcategory:add") + f"?summit={summit.pk}").context["form"]
    assert list(form.fields["summit"].queryset) == [summit]


def test_programme_section_links_add_forms_with_the_summit(client, manager, summit):
    response = client.get(reverse("cockpit_programme", args=[summit.pk]))
    assert response.context["add_theme"] == reverse("summits_theme:add") + f"?summit={summit.pk}"
    assert response.context["add_session"] == reverse("summits_session:add") + f"?summit={summit.pk}"
    assert f'href="{reverse("summits_room:add")}?summit={summit.pk}"' in response.content.decode()


def test_programme_section_lists_times_in_the_summits_zone(client, manager, summit):
    SessionFactory(summit=summit, title="Opening", start=local(summit, 0, 9, 30), end=local(summit, 0, 10))
    response = client.get(reverse("cockpit_programme", args=[summit.pk]))
    assert "09:30–10:00" in response.content.decode()


def test_participants_list_opens_on_the_current_summit(client, summit, other_summit):
    from tests.registrations.factories import RegistrationFactory

    user = member(summit)
    member(other_summit, user)
    client.force_login(user)
    mine = RegistrationFactory(summit=summit)
    RegistrationFactory(summit=other_summit)
    client.get(reverse("cockpit_overview", args=[summit.pk]))
    response = client.get(reverse("registrations_participants"))
    assert [r.pk for r in response.context["page"]] == [mine.pk]
    everything = client.get(reverse("registrations_participants") + "?summit=")
    assert len(everything.context["page"]) == 2


def test_team_section_lists_members_and_roles(client, manager, summit):
    member(summit, UserFactory(username="amina"), role="registration_desk")
    response = client.get(reverse("cockpit_team", args=[summit.pk]))
    rows = {user.get_username(): [str(r) for r in roles] for user, roles in response.context["members"]}
    assert rows["amina"] == ["Registration desk"]
    assert rows[manager.get_username()] == ["Summit manager"]


def test_pages_section_lists_the_summit_page_in_each_language(client, manager, summit):
    from tests.cms.factories import home_page, summit_page, translate

    home = home_page()
    page = summit_page(home, summit)
    home_fr = translate(home, "fr")
    assert home_fr
    translate(page, "fr", title="Sommet")
    response = client.get(reverse("cockpit_pages", args=[summit.pk]))
    rows = {row["code"]: row["page"] for row in response.context["rows"]}
    assert rows["en"].pk == page.pk
    assert rows["fr"].title == "Sommet"
    assert rows["ar"] is None
