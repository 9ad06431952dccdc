"""The permission matrix: every admin URL the resolver knows × every persona of summit A's team.

For each URL pattern under /admin/ (Wagtail's and ours), the rule table (rules.py) says who may
open it and fills its path with summit B's records. Then, signed in as each role of summit A (and
as a user with no team):

- a URL holding one of B's records refuses (403, 404, or a redirect to the login page or the admin
  home), for GET and for POST, and nothing of B changes;
- a URL without B's records opens for the roles the rule names and refuses the others;
- no response ever contains B's sensitive text (names, emails, invitation codes, narratives, …).

A URL pattern without a rule fails the test, so a new admin view cannot slip through unclassified.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlparse

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core import permissions

from . import rules
from .world import NO_TEAM, PERSONAS, build

pytestmark = pytest.mark.django_db

PARAM_RE = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>|\(\?P<(?P<rname>\w+)>")


def admin_patterns():
    """(route, name, params) of every URL pattern under /admin/."""

    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace
                full_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), full_ns)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or "")
                yield route, name, pattern

    for route, name, pattern in walk(get_resolver().url_patterns):
        if route.startswith("admin/"):
            params = [m.group("name") or m.group("rname") for m in PARAM_RE.finditer(route)]
            yield route, name or f"<unnamed>:{route}", params


def rule_key(name):
    return name


def _value(world, value):
    obj = world.objects.get(value, value) if isinstance(value, str) else value
    if obj is world.objects.get("job"):
        return obj.uuid.hex, True
    if hasattr(obj, "pk"):
        return obj.pk, True
    return obj, False


def build_url(world, route, name, params, rule):
    """The URL with its parameters filled from the rule; and whether a B record is in it."""
    kwargs, holds_b = {}, False
    for param in params:
        if param not in rule.fill:
            raise AssertionError(f"rule for {name} does not say how to fill <{param}> of admin/{route}")
        value, is_record = _value(world, rule.fill[param])
        kwargs[param] = value
        holds_b = holds_b or (is_record and not rule.shared)
    if name.startswith("<unnamed>:"):
        path = "/" + route.replace("^.*/$", "plenary-nowhere/").replace("^", "").replace("$", "")
    else:
        try:
            path = reverse(name, kwargs=kwargs)
        except Exception as exc:  # pragma: no cover - a rule that fills the path wrongly
            raise AssertionError(f"cannot build {name} with {kwargs}: {exc}") from exc
    # A query naming B's records tries to widen a listing: it must show nothing of B (checked on every
    # response), but an empty listing is a fine answer.
    query = rule.query.format(**{key: _value(world, key)[0] for key in re.findall(r"{(\w+)}", rule.query)})
    return path + query, holds_b


def allowed(persona_user, who, summit):
    if who == rules.PUBLIC:
        return True
    if who == rules.SECRETARIAT:
        return False
    if who == rules.MEMBERS:
        return permissions.has_any_membership(persona_user)
    return any(permissions.can(persona_user, action, summit) for action in who)


def status(response):
    if response.status_code in (301, 302):
        return f"{response.status_code} → {response['Location']}"
    return str(response.status_code)


def refused(response, client=None, user=None, hops=3):
    """403, 404 or 405 (the view did not run); or a redirect to the login page, the admin home, the
    user's own section of the page explorer (where Wagtail sends people outside theirs), or to a URL
    that refuses in its turn."""
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code not in (301, 302):
        return False
    target = urlparse(response["Location"])
    if target.path in ("/admin/", "/admin/login/"):
        return True
    if user is not None and permissions.checkin_only(user) and target.path == "/admin/registrations/checkin/":
        return True  # check-in staff are sent to the only screen they have
    if user is not None:
        from wagtail.permission_policies.pages import PagePermissionPolicy

        root = PagePermissionPolicy().explorable_root_instance(user)
        if root is not None and target.path == f"/admin/pages/{root.pk}/":
            return True
    if client is not None and hops and target.path.startswith("/admin/") and not target.netloc:
        return refused(client.get(response["Location"]), client, user, hops - 1)
    return False


def body_of(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


SKIP_TABLES = {"django_session", "wagtailusers_userprofile", "wagtailadmin_admin", "wagtailimages_rendition",
               "wagtailsearch_indexentry", "wagtailcore_referenceindex", "django_content_type", "auth_permission"}


def fingerprint():
    """A hash of every row of every table (but sessions, profiles and caches): did anything change?"""
    digest = {}
    for model in apps.get_models():
        table = model._meta.db_table
        if table in SKIP_TABLES or model._meta.proxy:
            continue
        rows = list(model._base_manager.order_by("pk").values_list())
        digest[table] = hashlib.sha1(repr(rows).encode()).hexdigest()
    return digest


@pytest.fixture
def world(db):
    return build()


def every_admin_url():
    return list(admin_patterns())


def test_every_admin_url_has_a_rule():
    missing = [f"{name}  (admin/… {route})" for route, name, _params in every_admin_url() if rules.rule_for(name) is None]
    assert missing == [], "new admin URL without a rule in tests/permissions/rules.py:\n" + "\n".join(missing)


def test_the_matrix_covers_every_admin_url():
    urls = every_admin_url()
    # The closing note of issue #9 quotes this number; it grows as the admin grows.
    print(f"\nadmin URL patterns covered: {len(urls)}")
    assert len(urls) >= 370


# Listings with a spreadsheet export besides the viewsets' index views.
EXPORTING = {"registrations_participants", "wagtailadmin_reports:site_history", "wagtailadmin_reports:aging_pages",
             "wagtailadmin_reports:locked_pages", "wagtailadmin_reports:workflow", "wagtailadmin_reports:workflow_tasks"}


def walk(client, world, persona):
    """Open every admin URL as ``persona``; the list of problems found."""
    user = world.users[persona]
    client.force_login(user)
    problems, posts = [], []
    staff = persona != NO_TEAM and not permissions.checkin_only(user)

    def check_body(method, url, name, response):
        body = body_of(response)
        leaked = [secret for secret in world.secrets if secret in body]
        if leaked:
            problems.append(f"{method} {url} [{name}] shows B's {leaked} ({status(response)})")

    for route, name, params in every_admin_url():
        rule = rules.rule_for(name)
        url, holds_b = build_url(world, route, name, params, rule)
        response = client.get(url)
        check_body("GET", url, name, response)
        who = rule.who_for(name)
        may = allowed(user, who, world.a) and not holds_b
        if holds_b or not may:
            if not refused(response, client, user) and not (rule.others_ok and staff and not holds_b
                                                              and response.status_code < 500):
                problems.append(f"GET {url} [{name}] answered {status(response)}, expected a refusal")
        elif rule.opens and who != rules.PUBLIC and refused(response):
            problems.append(f"GET {url} [{name}] refused {persona} ({status(response)})")
        if may and (name.endswith(":index") or name in EXPORTING):  # the listing's spreadsheet export too
            export = client.get(url + ("&" if "?" in url else "?") + "export=csv")
            check_body("GET", f"{url} (export=csv)", name, export)
        if rule.post and (holds_b or not may):
            posts.append((url, name, rule, holds_b))
        if response.status_code in (301, 302) and urlparse(response["Location"]).path == "/admin/login/":
            client.force_login(user)  # a refusal that signed the user out (none should); sign in again

    def post(url, name, rule, holds_b):
        response = client.post(url, {})
        check_body("POST", url, name, response)
        empty_ok = rule.others_ok and staff and not holds_b and response.status_code < 500
        if not refused(response, client, user) and not empty_ok:
            problems.append(f"POST {url} [{name}] answered {status(response)}, expected a refusal")

    before = fingerprint()
    for url, name, rule, holds_b in posts:
        post(url, name, rule, holds_b)
    after = fingerprint()
    if after != before:  # find which POSTs changed what (slow, only when something is wrong)
        for url, name, _rule, _holds_b in posts:
            snapshot = fingerprint()
            client.post(url, {})
            changed = sorted(t for t, h in fingerprint().items() if h != snapshot.get(t))
            if changed:
                problems.append(f"POST {url} [{name}] changed {changed}")
        problems.append(f"the refused POSTs changed {sorted(t for t in after if after[t] != before.get(t))}")
    return problems


def test_summit_a_team_cannot_reach_summit_b(client, world):
    """Every persona of summit A, every admin URL: see the module docstring."""
    client.raise_request_exception = False  # a server error is one more problem to list, not the end of the walk
    report = {}
    for persona in PERSONAS:
        problems = walk(client, world, persona)
        if problems:
            report[persona] = problems
    lines = [f"{persona}: {len(problems)} problem(s)\n  " + "\n  ".join(problems) for persona, problems in report.items()]
    assert report == {}, "\n".join(lines)
