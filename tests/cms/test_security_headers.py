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
