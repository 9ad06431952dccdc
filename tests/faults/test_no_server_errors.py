"""Zero 500s: Hypothesis posts and queries every public form and query parameter with hostile values.

The forms are not listed by hand: each public page is fetched and every ``<form>`` on it (its method,
action and fields: inputs, selects, textareas, file inputs, buttons' ``name=value``) is parsed from
the HTML, so a field added to a template is fuzzed without touching this file. Each example takes a
form (or one of the query-parameter doors below), starts from valid values where the page or a known
good submission gives them, replaces some fields with hostile values (quotes, NUL, control
characters, overlong text, wrong types, unknown ids, lists where one value is expected, broken
files), adds unknown parameters, and asserts the answer is not a server error. The client re-raises
any exception a view lets escape, so a crash fails the test with its traceback.

``PLENARY_FUZZ_EXAMPLES`` (default 250) sets how many examples run; the CI profile is derandomised so
a failure is reproducible; ``PLENARY_FUZZ_EXAMPLES=2000 PLENARY_FUZZ_RANDOM=1`` explores further.
"""

from __future__ import annotations

import collections
import datetime as dt
import os
import time
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from announcements.services import report_token
from tests.announcements.factories import CoalitionFactory, DeliverableFactory, PublishedCommitmentFactory
from tests.cms import factories as cms
from tests.registrations.factories import CategoryFactory, RegistrationFactory, form_data, image_file
from tests.summits.factories import RoomFactory, SessionFactory, SummitFactory, ThemeFactory

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("PLENARY_FUZZ_EXAMPLES", "250"))
RANDOM = os.environ.get("PLENARY_FUZZ_RANDOM") == "1"  # explore new examples instead of CI's fixed ones
LANGUAGES = ["en", "fr", "es", "ar", "zh-hans", "ru"]

HOSTILE = [
    "", " ", '"', "'", '"quoted', "it's", "\\", "\x00", "a\x00b", "%00", "\x1f\x7f", "\r\n", "\u202e", "\ufeff",
    "x" * 5000, "é" * 400, "字" * 300, "0", "-1", "1.5", "1e309", "NaN", "Infinity", "9" * 40, "١٢٣",
    "null", "true", "[]", "{}", "<script>alert(1)</script>", "{{ 7*7 }}", "{% debug %}", "%(name)s",
    "../../etc/passwd", "javascript:alert(1)", "'); DROP TABLE x; --", "mangroves OR", "NEAR(", "*", "^",
    "2030-02-30", "2030-13-01", "0000-00-00", "99999-01-01", "S-AAAAAA", "xx", "ZZ", "abc",
    "a@b", "@@", "amina@example.org\nBcc: x@y.z",
]
HOSTILE_VALUES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


BROKEN_FILES = [  # (name, bytes, content type): built afresh for each example
    ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 40, "image/jpeg"),  # a JPEG cut short
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 10, "image/png"),
    ("photo.jpg", b"not an image at all", "image/jpeg"),
    ("../../evil.svg", b"<svg onload=alert(1)>", "image/svg+xml"),
    ("x" * 300 + ".jpg", b"\xff\xd8", "image/jpeg"),
]


# --- the world the fuzzer walks --------------------------------------------------------------------------

def build_world():
    now = timezone.now()
    home = cms.home_page(title="Summits for the planet", intro="Six languages, one site.")
    summit = SummitFactory(title="One Planet Summit", slug="ops", timezone="Europe/Paris",
                           languages=["en", "fr", "ar"], registration_opens=now - dt.timedelta(days=1),
                           registration_closes=now + dt.timedelta(days=30))
    cms.summit_page(home, summit, title="One Planet Summit")
    for code in ("fr", "ar"):
        cms.translate(home, code, title=f"Home {code}")
    theme = ThemeFactory(summit=summit, slug="water", title="Water")
    room = RoomFactory(summit=summit, name="Seine Room")
    start = now + dt.timedelta(days=10)
    sessions = [SessionFactory(summit=summit, theme=theme, room=room, slug=f"s{i}", title=f"Session {i}",
                               start=start + dt.timedelta(hours=i), end=start + dt.timedelta(hours=i, minutes=45),
                               capacity=2, is_published=True) for i in range(2)]
    category = CategoryFactory(summit=summit, quota=1000)
    full = CategoryFactory(summit=summit, quota=0, name="Full")
    participant = RegistrationFactory(summit=summit, category=category, preferred_language="fr")
    coalition = CoalitionFactory()
    commitment = PublishedCommitmentFactory(summit=summit, coalition=coalition, amount=1_000_000, currency="EUR")
    commitment.themes.set([theme])
    DeliverableFactory(commitment=commitment)
    news = cms.news_index(home)
    cms.news_page(news, title="Summit opens", slug="summit-opens")
    return {
        "summit": summit, "category": category, "full": full, "sessions": sessions, "participant": participant,
        "commitment": commitment, "coalition": coalition, "theme": theme, "room": room,
        "manage": f"/fr/registration/{participant.manage_token()}/",
        "report": f"/en/commitments/report/{report_token(commitment)}/",
    }


def page_urls(world):
    """Public pages whose forms are fuzzed (and which are themselves fetched with hostile queries)."""
    c = world["commitment"]
    return [
        "/en/", "/fr/", "/ar/", "/en/search/", "/en/ops/", "/en/ops/programme/", "/fr/ops/programme/",
        "/en/summits/ops/register/", "/ar/summits/ops/register/", "/en/summits/ops/registration-link/",
        "/en/registration/new-link/", world["manage"], "/en/commitments/", f"/en/commitments/{c.reference}/",
        "/en/commitments/submit/", "/fr/commitments/submit/", world["report"], "/en/letters/verify/",
        f"/en/commitments/dashboard/ops/", "/en/news/",
    ]


def query_doors(world):
    """GET doors and the parameters they read (beyond those their pages' forms show)."""
    c = world["commitment"]
    registry = ["q", "summit", "theme", "target", "kind", "country", "org_kind", "status", "light", "lifecycle",
                "verification", "coalition", "organisation", "sort", "page"]
    doors = [
        ("/{lang}/search/", ["q", "page"]),
        ("/{lang}/ops/programme/", ["theme", "room", "kind", "language", "day"]),
        ("/{lang}/commitments/", registry),
        ("/{lang}/commitments/export.csv", registry),
        ("/{lang}/commitments/export.json", registry),
        ("/{lang}/commitments/iati-activities.xml", registry),
        ("/{lang}/commitments/{reference}/widget/", ["x"]),
        ("/{lang}/commitments/feed/rss/", registry),
        ("/{lang}/commitments/feed/atom/", registry),
        ("/{lang}/letters/verify/", ["code"]),
        ("/{lang}/commitments/submit/thanks/", ["ref"]),
        ("/{lang}/news/", ["tag", "page"]),
        ("/{lang}/summits/ops/register/", ["invitation"]),
        ("/{lang}/registration/{token}/", ["x"]),
        ("/{lang}/registration/{token}/my-data.json", ["x"]),
        ("/{lang}/registration/{token}/programme.ics", ["x"]),
        ("/{lang}/commitments/{reference}/", ["x"]),
        ("/{lang}/commitments/organisations/{id}/", ["page"]),
        ("/{lang}/commitments/coalitions/{slug}/", ["page"]),
        ("/{lang}/commitments/dashboard/{slug}/", ["x"]),
        ("/{lang}/calendar/{slug}.ics", ["x"]),
        ("/{lang}/calendar/ops/{slug}.ics", ["x"]),
        ("/api/v1/commitments/", registry + ["page_size"]),
        ("/api/v1/commitments/{reference}/", ["x"]),
        ("/api/v1/frameworks/", ["x", "framework", "q"]),
    ]
    known = {"token": world["manage"].split("/")[3], "reference": c.reference, "id": str(c.lead_organisation_id),
             "slug": "ops"}
    return doors, known


def parse_forms(html, url):
    """Every form of a page: (method, action, [(name, kind, default, choices)])."""
    soup = BeautifulSoup(html, "html.parser")
    forms = []
    for form in soup.find_all("form"):
        method = (form.get("method") or "get").lower()
        action = form.get("action") or url
        if urlsplit(action).netloc:  # never leaves the site
            continue
        fields = []
        for element in form.find_all(["input", "select", "textarea", "button"]):
            name = element.get("name")
            if not name:
                continue
            tag = element.name
            kind = element.get("type", "text").lower() if tag in ("input", "button") else tag
            if kind == "submit" or tag == "button":
                fields.append((name, "button", element.get("value", ""), []))
            elif tag == "select":
                choices = [o.get("value", o.get_text()) for o in element.find_all("option")]
                selected = [o.get("value", o.get_text()) for o in element.find_all("option", selected=True)]
                kind = "multiple" if element.has_attr("multiple") else "select"
                fields.append((name, kind, selected if kind == "multiple" else (selected[:1] or [""])[0], choices))
            elif kind in ("checkbox", "radio"):
                fields.append((name, kind, element.get("value", "on") if element.has_attr("checked") else None,
                               [element.get("value", "on")]))
            elif kind == "file":
                fields.append((name, "file", None, []))
            else:
                fields.append((name, kind, element.get("value", element.get_text() if tag == "textarea" else ""), []))
        forms.append((method, action, fields))
    return forms


def good_values(url, world):
    """A known good submission for forms whose defaults are empty (the registration form)."""
    if "/register/" in url:
        return {k: v for k, v in form_data(world["category"]).items()}
    return {}


def form_submission(forms):
    # The forms are reached through a closure: as an argument, their repr (kilobytes) would be built.
    return _form_submission(lambda: forms)


@st.composite
def _form_submission(draw, get_forms):
    forms = get_forms()
    url, method, action, fields, good = forms[draw(st.integers(0, len(forms) - 1))]
    data = {}
    files = {}
    for name, kind, default, choices in fields:
        if kind == "button":
            if draw(st.integers(0, 3)) == 0:
                data[name] = draw(HOSTILE_VALUES)
            elif name not in data:
                data[name] = default
            continue
        base = good.get(name, default)
        mutate = draw(st.integers(0, 4)) == 0
        if kind == "file":
            if mutate:
                filename, content, content_type = draw(st.sampled_from(BROKEN_FILES))
                files[name] = SimpleUploadedFile(filename, content, content_type=content_type)
            continue
        if not mutate:
            if base is not None:
                data[name] = base
            continue
        choice = draw(st.integers(0, 5))
        if choice == 0 and choices:
            data[name] = draw(st.sampled_from(choices))
        elif choice == 1:
            data[name] = draw(st.lists(HOSTILE_VALUES, min_size=2, max_size=4))  # many values for one field
        elif choice == 2:
            continue  # missing
        else:
            data[name] = draw(HOSTILE_VALUES)
    for _ in range(draw(st.integers(0, 2))):
        data[draw(st.sampled_from(["id", "pk", "summit", "session", "status", "action", "next", "language"]))] = \
            draw(HOSTILE_VALUES)
    return url, method, action, data, files


def query(doors, known):
    return _query(lambda: (doors, known))


@st.composite
def _query(draw, get_doors):
    doors, known = get_doors()
    template, names = doors[draw(st.integers(0, len(doors) - 1))]
    values = {}
    for part in ("token", "reference", "id", "slug"):
        if "{" + part + "}" in template:
            values[part] = draw(st.one_of(st.just(known[part]), st.sampled_from(HOSTILE[3:]).filter(
                lambda v: "/" not in v and "?" not in v and "#" not in v and "\x00" not in v)))
    path = template.replace("{lang}", draw(st.sampled_from(LANGUAGES)))
    for part, value in values.items():
        path = path.replace("{" + part + "}", value)
    params = {name: draw(st.one_of(HOSTILE_VALUES, st.lists(HOSTILE_VALUES, min_size=2, max_size=3)))
              for name in draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names)))}
    return path, params


# --- the test ---------------------------------------------------------------------------------------------

def test_no_public_form_or_query_answers_a_server_error(settings, capsys):
    # Rate limits off: thousands of submissions from one address must reach the forms (429s have their tests).
    settings.PLENARY_REGISTRATION_RATE = "0/0"
    settings.PLENARY_RATES = dict.fromkeys(settings.PLENARY_RATES, "0/0")
    world = build_world()
    browser = Client()
    forms = []
    for url in page_urls(world):
        response = browser.get(url)
        assert response.status_code == 200, (url, response.status_code)
        for method, action, fields in parse_forms(response.content.decode(), url):
            forms.append((url, method, action, fields, good_values(url, world)))
    # The self-service actions by hand too (booking buttons show only for some sessions and states).
    session_ids = [str(session.pk) for session in world["sessions"]]
    forms.append((world["manage"], "post", world["manage"], [
        ("action", "select", "book", ["book", "unbook", "cancel", "erase", "save", "undo", ""]),
        ("session", "select", session_ids[0], session_ids + ["abc", "0", "-1", "99999999"]),
        ("confirm", "checkbox", None, ["yes"]),
    ], {}))
    assert len(forms) >= 15, [f[:3] for f in forms]
    with capsys.disabled():
        print("\nfuzz: forms " + "; ".join(sorted({f"{m.upper()} {a.split('?')[0]} ({len(f)} fields)"
                                                  for _u, m, a, f, _g in forms})))
    actions = {(method, action.split("?")[0]) for _u, method, action, _f, _g in forms}
    doors, known = query_doors(world)
    tally = collections.Counter()
    seconds = collections.Counter()

    @hsettings(max_examples=EXAMPLES, deadline=None, derandomize=not RANDOM, database=None,
               suppress_health_check=list(HealthCheck))
    @given(case=st.one_of(  # noqa: B023form_submission(forms).map(lambda c: ("form", c)),
                          query(doors, known).map(lambda c: ("query", c))))
    def run(case):
        what, payload = case
        client = Client()
        started = time.monotonic()
        if what == "form":
            url, method, action, data, files = payload
            if method == "post":
                response = client.post(action, {**data, **files})
            else:
                response = client.get(action, data)
            door = f"{method.upper()} {urlsplit(action).path}"
        else:
            path, params = payload
            response = client.get(path, params)
            door = f"GET {path}"
        tally[response.status_code // 100] += 1
        seconds[door.split("?")[0][:50]] += time.monotonic() - started
        assert response.status_code < 500, (door, payload, response.status_code)

    run()
    with capsys.disabled():
        print(f"\nfuzz: {sum(tally.values())} cases on {len(forms)} forms ({len(actions)} distinct actions) and "
              f"{len(doors)} query doors; answers by class: "
              + ", ".join(f"{k}xx={v}" for k, v in sorted(tally.items())))
        slowest = ", ".join(f"{door} {total:.1f}s" for door, total in seconds.most_common(5))
        print(f"fuzz: slowest doors in total: {slowest}")
    assert sum(tally.values()) >= min(EXAMPLES, 100)


@pytest.mark.parametrize("path", ["/en/commitments/", "/ar/commitments/export.json", "/en/commitments/export.csv",
                                  "/api/v1/commitments/"])
@pytest.mark.parametrize("name", ["theme", "organisation"])
def test_registry_ids_beyond_any_database_integer_are_ignored(client, path, name):
    """Found by the fuzzer: a 70-bit id in the registry filters overflowed SQLite's integers (500)."""
    commitment = PublishedCommitmentFactory()
    for value in (str(2**70), str(2**63), str(2**63 - 1), str(2**31)):
        response = client.get(path, {name: value})
        assert response.status_code == 200, (value, response.status_code)
    listed = client.get("/api/v1/commitments/", {name: str(2**70)}).json()
    assert [c["reference"] for c in listed["results"]] == [commitment.reference]  # the bad filter is dropped


def test_a_news_tag_with_a_nul_lists_the_tagged_news(client):
    """Found by the fuzzer on PostgreSQL (which refuses NUL characters in a query): ``/en/news/?tag=%00``."""
    home = cms.home_page(title="Home")
    news = cms.news_index(home)
    tagged = cms.news_page(news, title="Mangroves return", slug="mangroves")
    tagged.tags.add("ocean")
    tagged.save_revision().publish()
    cms.news_page(news, title="Other news", slug="other")
    for value in ("\x00", "oce\x00an", "ocean\x00"):
        response = client.get("/en/news/", {"tag": value})
        assert response.status_code == 200, value
    soup = BeautifulSoup(client.get("/en/news/", {"tag": "oce\x00an"}).content, "html.parser")
    assert "Mangroves return" in soup.get_text() and "Other news" not in soup.get_text()


@pytest.mark.parametrize("path", ["/api/v1/commitments/%00/", "/en/commitments/%00/", "/en/commitments/S%00X/",
                                  "/en/registration/%00/", "/fr/summits/%00/register/", "/en/no-such-page%00/",
                                  "/admin/pages/%01/", "/en/calendar/o%1fps.ics"])
def test_a_path_with_a_control_character_is_a_bad_request(client, path):
    """Found by the fuzzer on PostgreSQL: a NUL in a path reached the database (reference lookups, Wagtail's
    redirects) and answered 500."""
    PublishedCommitmentFactory()
    response = client.get(path)
    assert response.status_code == 400
