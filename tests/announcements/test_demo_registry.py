"""The demo registry shows every stage of the lifecycle, every verification level, indicator values over
time, evidence (a link and a file) and places on the map, in six languages, and loads twice to the same data."""

import datetime as dt
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from announcements.choices import Lifecycle, Verification
from announcements.models import Commitment, DeliverableUpdate, Evidence

pytestmark = pytest.mark.django_db

LANGS = ("en", "fr", "es", "ar", "zh_hans", "ru")


def registry():
    return {
        "commitments": sorted(Commitment.objects.values_list(
            "reference", "summit__slug", "lifecycle", "verification", "verifier", "status", "latitude", "longitude",
            "area_hectares", "place_name_fr", "percent_complete", "last_reported_on", "lifecycle_changed_on")),
        "values": sorted(DeliverableUpdate.objects.values_list("deliverable__commitment__reference",
                                                               "report__period_end", "value")),
        "evidence": sorted(Evidence.objects.values_list("commitment__reference", "description", "url",
                                                        "confirmed_at")),
    }


@pytest.fixture
def demo(db):
    call_command("load_demo")


def test_demo_registry_loads_twice_to_the_same_data(demo):
    first = registry()
    call_command("load_demo")
    assert registry() == first
    assert Evidence.objects.filter(file__gt="").count() == 1


def check_demo_has_every_lifecycle_stage_and_verification_level():
    stages = set(Commitment.objects.values_list("lifecycle", flat=True))
    assert stages == {value for value, _label in Lifecycle.choices}
    levels = set(Commitment.objects.values_list("verification", flat=True))
    assert levels == {value for value, _label in Verification.choices}
    hac = Commitment.objects.get(reference="OPS21-HAC")
    assert (hac.verification, hac.verifier) == (
        Verification.INDEPENDENT, "UNEP World Conservation Monitoring Centre (Protected Planet Report 2024)")
    assert Commitment.objects.get(reference="MTL26-OSS").summit.slug == "montreal-science-cooperation-2026"


def check_completed_demo_commitments_carry_confirmed_evidence_a_link_and_a_file():
    tnfd = Commitment.objects.get(reference="OPS21-TNFD")
    legacy = Commitment.objects.get(reference="OPS21-LEGACY")
    assert (tnfd.lifecycle, tnfd.percent_complete) == (Lifecycle.COMPLETED, 100)
    assert [e.url for e in tnfd.evidence.all()] == ["https://tnfd.global/recommendations-of-the-tnfd/"]
    file_evidence = legacy.evidence.get()
    assert file_evidence.file.name.endswith(".txt") and file_evidence.confirmed_at is not None
    assert b"evidence of completion" in file_evidence.file.read()


def check_demo_indicators_have_values_over_time():
    values = list(DeliverableUpdate.objects.filter(deliverable__commitment__reference="OPS21-GGW")
                  .order_by("report__period_end").values_list("report__period_end", "value"))
    assert values == [(dt.date(2021, 11, 30), Decimal("4300000.00")), (dt.date(2024, 12, 31), Decimal("5200000.00"))]


def check_demo_texts_and_places_exist_in_six_languages():
    for commitment in Commitment.objects.all():
        for code in LANGS:
            assert getattr(commitment, f"title_{code}"), (commitment.reference, code)
            assert getattr(commitment, f"summary_{code}"), (commitment.reference, code)
            if commitment.has_point:
                assert getattr(commitment, f"place_name_{code}"), (commitment.reference, code)
        for deliverable in commitment.deliverables.all():
            assert all(getattr(deliverable, f"title_{code}") for code in LANGS), deliverable.title_en
            if deliverable.unit_en:
                assert all(getattr(deliverable, f"unit_{code}") for code in LANGS), deliverable.unit_en
        for report in commitment.reports.all():
            assert all(getattr(report, f"narrative_{code}") for code in LANGS), report.narrative_en
    assert Commitment.objects.filter(latitude__isnull=False).count() >= 3


FACETS = [
    ("fr", "Retiré", "Caduc : aucun rapport pendant deux cycles de suivi"),
    ("ar", "مسحوب", "منقضٍ: لا تقرير خلال دورتي إبلاغ"),
]


def check_registry_facets_and_map_show_the_demo_in_the_readers_language(client, lang, withdrawn, lapsed):
    page = BeautifulSoup(client.get(f"/{lang}/commitments/").content, "html.parser")
    text = page.get_text(" ")
    assert withdrawn in text and lapsed in text
    assert len(page.select("figure.world-map svg circle")) == Commitment.objects.filter(
        latitude__isnull=False, review_state="published").count()


def test_the_demo_registry_in_every_state_and_six_languages(client, demo):
    """One demo load for the read-only checks (a load takes tens of seconds)."""
    check_demo_has_every_lifecycle_stage_and_verification_level()
    check_completed_demo_commitments_carry_confirmed_evidence_a_link_and_a_file()
    check_demo_indicators_have_values_over_time()
    check_demo_texts_and_places_exist_in_six_languages()
    for lang, withdrawn, lapsed in FACETS:
        check_registry_facets_and_map_show_the_demo_in_the_readers_language(client, lang, withdrawn, lapsed)
