"""Fail closed: a Content-Security-Policy on every page (public, cached, admin), strict on the public site."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def directives(response):
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_allow_no_inline_script(client, summit_page):
    first = client.get(summit_page.url)
    again = client.get(summit_page.url)  # the page cache answers the second time: the header is still there
    assert first.status_code == again.status_code == 200
    for response in (first, again):
        policy = directives(response)
        assert policy["script-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]


def test_errors_and_the_api_carry_the_policy_too(client):
    for url in ("/en/no-such-page/", "/api/v1/", "/healthz"):
        response = client.get(url)
        assert "default-src 'self'" in response.headers["Content-Security-Policy"], url


def test_the_admin_has_a_policy_with_wagtails_inline_scripts_only(client):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"] and "'self'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]


@pytest.mark.parametrize("address", ["javascript:alert(1)", " JaVa\tScRiPt:alert(1)", "data:text/html,<b>x</b>",
                                     "//evil.example/", "vbscript:msgbox(1)"])
def test_a_menu_link_may_not_run_script_or_leave_for_a_hidden_host(address):
    from django.core.exceptions import ValidationError

    from cms.models import Menu, MenuItem

    item = MenuItem(menu=Menu(), label="Click", link_url=address)
    with pytest.raises(ValidationError) as refused:
        item.full_clean(exclude=["menu", "link_page"])
    assert "link_url" in refused.value.message_dict


@pytest.mark.parametrize("address", ["https://www.cbd.int/", "mailto:secretariat@example.org", "tel:+33140000000",
                                     "/en/practical-information/", "#programme"])
def test_safe_menu_links_are_accepted(address):
    from cms.models import Menu, MenuItem

    MenuItem(menu=Menu(), label="Go", link_url=address).full_clean(exclude=["menu", "link_page"])
