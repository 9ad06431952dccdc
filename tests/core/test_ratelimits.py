"""Every public POST and expensive public GET has a rate limit (core/ratelimits.py, one library)."""

import pytest

pytestmark = pytest.mark.django_db

DOORS = [
    ("submit", "post", "/en/commitments/submit/"),
    ("pdf", "get", "/en/commitments/report.pdf"),
    ("pdf", "get", "/en/summits/no-such-summit/participants.pdf"),
    ("pdf", "get", "/en/summits/no-such-summit/programme.pdf"),
    ("verify", "get", "/en/letters/verify/?ref=NOPE&code=NOPE"),
    ("report", "post", "/en/commitments/report/forged-token/"),
    ("link", "post", "/en/registration/new-link/"),
]


@pytest.mark.parametrize(("group", "method", "url"), DOORS)
def test_the_door_refuses_the_request_over_its_limit(client, settings, group, method, url):
    settings.PLENARY_RATES = {group: "2/3600"}
    answers = [getattr(client, method)(url, {"email": "someone@example.org"} if method == "post" else None)
               for _ in range(3)]
    assert [a.status_code for a in answers[:2]] != [429, 429]
    assert answers[2].status_code == 429, url
    assert "Too many requests" in answers[2].content.decode()


def test_the_refusal_is_in_the_visitors_language(client, settings):
    settings.PLENARY_RATES = {"submit": "1/3600"}
    client.post("/fr/commitments/submit/", {})
    response = client.post("/fr/commitments/submit/", {})
    assert response.status_code == 429 and 'lang="fr"' in response.content.decode()


def test_other_clients_are_not_refused(client, settings):
    settings.PLENARY_RATES = {"pdf": "1/3600"}
    client.get("/en/commitments/report.pdf", REMOTE_ADDR="198.51.100.1")
    assert client.get("/en/commitments/report.pdf", REMOTE_ADDR="198.51.100.1").status_code == 429
    assert client.get("/en/commitments/report.pdf", REMOTE_ADDR="198.51.100.2").status_code != 429


def test_a_group_set_to_zero_is_off(client, settings):
    settings.PLENARY_RATES = {"pdf": "0/0"}
    assert all(client.get("/en/summits/nope/programme.pdf").status_code == 404 for _ in range(5))
