"""Managing a summit's team in the admin: list, add by username or email, change, remove, audited;
a summit keeps a manager; only its managers may; a new summit comes with its manager and its draft page."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from core.models import Membership
from core.permissions import Role, roles_of
from core.teams import group_name
from tests.summits.factories import SummitFactory, UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def summit():
    return SummitFactory(title="One Planet Summit", slug="ops")


@pytest.fixture
def manager(client, summit):
    user = member(summit, role=Role.MANAGER, username="chloe", first_name="Chloé", last_name="Martin")
    client.force_login(user)
    return user


def url(summit):
    return f"/admin/plenary/summits/{summit.pk}/team/"


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_the_team_page_lists_members_and_their_roles(client, summit, manager):
    member(summit, role=Role.REGISTRATION_DESK, username="desk1", email="desk1@example.org")
    response = client.get(url(summit))
    assert response.status_code == 200
    members = {user.username: [m.role for m in memberships] for user, memberships in response.context["members"].items()}
    assert members == {"chloe": [Role.MANAGER], "desk1": [Role.REGISTRATION_DESK]}
    assert "desk1@example.org" in response.content.decode()


def test_a_manager_adds_an_existing_user_by_username(client, summit, manager, django_capture_on_commit_callbacks):
    newcomer = UserFactory(username="amadou")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(summit), {"action": "add", "who": "AMADOU", "role": Role.CONTENT_EDITOR},
                               follow=True)
    assert roles_of(newcomer, summit) == [Role.CONTENT_EDITOR]
    assert "amadou is now Content editor of One Planet Summit." in messages_of(response)
    # Wagtail's page and image permissions follow: the content editor is in the summit's editing group.
    assert newcomer.groups.filter(name=group_name(summit)).exists()
    entry = ModelLogEntry.objects.get(action="plenary.team.add", object_id=str(summit.pk), data__member="amadou")
    assert (entry.user, entry.data["role"]) == (manager, Role.CONTENT_EDITOR)


def test_a_manager_adds_a_user_by_email(client, summit, manager):
    newcomer = UserFactory(username="li.wei", email="Li.Wei@example.org")
    client.post(url(summit), {"action": "add", "who": "li.wei@EXAMPLE.org", "role": Role.CHECKIN})
    assert roles_of(newcomer, summit) == [Role.CHECKIN]


def test_an_unknown_person_is_explained_and_nothing_changes(client, summit, manager):
    response = client.post(url(summit), {"action": "add", "who": "nobody@example.org", "role": Role.CHECKIN},
                           follow=True)
    assert messages_of(response) == ["No account has this username or email address. The secretariat creates "
                                     "accounts; ask them, then add the person here."]
    assert Membership.objects.filter(summit=summit).count() == 1


def test_an_email_shared_by_two_accounts_asks_for_the_username(client, summit, manager):
    UserFactory(username="a1", email="shared@example.org")
    UserFactory(username="a2", email="shared@example.org")
    response = client.post(url(summit), {"action": "add", "who": "shared@example.org", "role": Role.CHECKIN},
                           follow=True)
    assert messages_of(response) == ["Several accounts use this email address: give the username instead."]


def test_a_manager_changes_a_role(client, summit, manager, django_capture_on_commit_callbacks):
    editor = member(summit, role=Role.CONTENT_EDITOR, username="editor1")
    membership = Membership.objects.get(user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(summit), {"action": "change", "membership": membership.pk, "role": Role.REGISTRATION_DESK})
    assert roles_of(editor, summit) == [Role.REGISTRATION_DESK]
    assert not editor.groups.filter(name=group_name(summit)).exists()  # no longer edits pages
    assert ModelLogEntry.objects.filter(action="plenary.team.change", data__member="editor1",
                                        data__previous_role=Role.CONTENT_EDITOR).count() == 1


def test_a_manager_removes_a_member(client, summit, manager):
    desk = member(summit, role=Role.REGISTRATION_DESK, username="desk1")
    client.post(url(summit), {"action": "remove", "membership": Membership.objects.get(user=desk).pk})
    assert roles_of(desk, summit) == []
    assert ModelLogEntry.objects.filter(action="plenary.team.remove", data__member="desk1").count() == 1


@pytest.mark.parametrize("action", ["remove", "change"])
def test_the_last_manager_stays(client, summit, manager, action):
    mine = Membership.objects.get(user=manager)
    response = client.post(url(summit), {"action": action, "membership": mine.pk, "role": Role.CHECKIN}, follow=True)
    assert messages_of(response) == ["A summit keeps at least one manager: make someone else manager first."]
    assert roles_of(manager, summit) == [Role.MANAGER]


def test_with_a_second_manager_the_first_may_step_down(client, summit, manager):
    member(summit, role=Role.MANAGER, username="second")
    client.post(url(summit), {"action": "remove", "membership": Membership.objects.get(user=manager).pk})
    assert roles_of(manager, summit) == []


@pytest.mark.parametrize("role", [Role.CONTENT_EDITOR, Role.REGISTRATION_DESK, Role.CHECKIN,
                                  Role.COMMITMENTS_REVIEWER])
def test_only_managers_manage_the_team(client, summit, role):
    user = member(summit, role=role)
    target = member(summit, role=Role.MANAGER)
    client.force_login(user)
    assert client.get(url(summit)).status_code in (302, 403)
    response = client.post(url(summit), {"action": "remove", "membership": Membership.objects.get(user=target).pk})
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") in ("/admin/",)
    assert roles_of(target, summit) == [Role.MANAGER]


def test_another_summit_manager_cannot_touch_this_team(client, summit, manager):
    outsider = member(SummitFactory(slug="other"), role=Role.MANAGER)
    client.force_login(outsider)
    response = client.post(url(summit), {"action": "add", "who": outsider.username, "role": Role.MANAGER})
    assert response.status_code in (302, 403)
    assert roles_of(outsider, summit) == []


def test_a_new_summit_comes_with_its_manager_and_a_draft_summit_page(client, django_capture_on_commit_callbacks):
    from cms.models import SummitPage
    from summits.models import Summit
    from tests.cms import factories as cms

    home = cms.home_page()
    creator = member(SummitFactory(), role=Role.MANAGER, username="creator")
    client.force_login(creator)
    data = {"slug": "landscapes-forum", "start_date": "2030-06-02", "end_date": "2030-06-04",
            "timezone": "Africa/Nairobi", "country": "KE", "status": "draft", "languages": ["en"],
            "registration_opens": "", "registration_closes": "", "capacity": "", "retention_days": "365",
            "colour": "#123456", "signatory_name": "", "signatory_title": "", "badge_format": "id1"}
    for field in ("title", "tagline", "description", "city", "venue"):
        for code in ("en", "fr", "es", "ar", "zh_hans", "ru"):
            data[f"{field}_{code}"] = ""
    data.update(title_en="Landscapes Forum", city_en="Nairobi")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/summits/summits/new/", data)
    assert response.status_code == 302, response.context["form"].errors
    summit = Summit.objects.get(slug="landscapes-forum")
    assert roles_of(creator, summit) == [Role.MANAGER]
    page = SummitPage.objects.get(summit=summit)
    assert (page.title, page.live, page.get_parent().pk, page.locale.language_code) == (
        "Landscapes Forum", False, home.pk, "en")
    assert page.permissions_for_user(creator).can_publish()
    assert Group.objects.get(name=group_name(summit)).user_set.filter(pk=creator.pk).exists()
