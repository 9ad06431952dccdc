"""Alignment to global frameworks: the GBF/SDG vocabulary shipped in six languages, the one-primary-and-up-to-
three-secondary rule at every door, the registry facet, the dashboard's "pledged towards a target", API and exports."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from lxml import etree

from announcements import services
from announcements.iati import ACTIVITY_SCHEMA
from announcements.models import Commitment, FrameworkTarget
from tests.summits.factories import SummitFactory, ThemeFactory, organiser

from .factories import PublishedCommitmentFactory
from .test_submission import form_data

pytestmark = pytest.mark.django_db

LANGS = ("en", "fr", "es", "ar", "zh_hans", "ru")


def t(code):
    return FrameworkTarget.objects.get(code=code)


def test_vocabulary_has_the_gbf_goals_and_targets_and_the_17_sdgs_in_six_languages():
    counts = {(f, level): FrameworkTarget.objects.filter(framework=f, level=level).count()
              for f, level in (("gbf", "goal"), ("gbf", "target"), ("sdg", "goal"))}
    assert counts == {("gbf", "goal"): 4, ("gbf", "target"): 23, ("sdg", "goal"): 17}
    assert [x.code for x in FrameworkTarget.objects.filter(framework="gbf", level="goal")] == [
        "GBF-A", "GBF-B", "GBF-C", "GBF-D"]
    for target in FrameworkTarget.objects.all():
        labels = [getattr(target, f"label_{lang}") for lang in LANGS]
        assert all(labels) and len(set(labels)) == 6, target.code  # written in every language, none copied
    assert t("GBF-T3").label_fr == "Conserver 30 % des terres, des eaux et des mers"
    assert t("SDG-14").label_ar == "الحياة تحت الماء"


def test_vocabulary_sync_is_idempotent():
    from announcements.frameworks.vocabulary import sync

    before = list(FrameworkTarget.objects.values_list("pk", "code", "label_ru"))
    assert sync() == 44
    assert list(FrameworkTarget.objects.values_list("pk", "code", "label_ru")) == before


def test_one_primary_and_at_most_three_secondary(summit):
    commitment = PublishedCommitmentFactory(summit=summit)
    with pytest.raises(ValidationError) as error:
        services.set_alignment(commitment, t("GBF-T3"), [t("SDG-14"), t("SDG-15"), t("GBF-T2"), t("GBF-T1")])
    assert error.value.message_dict == {"secondary_targets": ["Choose at most three secondary goals or targets."]}
    with pytest.raises(ValidationError) as error:
        services.set_alignment(commitment, t("GBF-T3"), [t("GBF-T3")])
    assert "secondary_targets" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.set_alignment(commitment, None, [t("SDG-14")])
    assert "primary_target" in error.value.message_dict
    services.set_alignment(commitment, t("GBF-T3"), [t("SDG-14"), t("SDG-15"), t("GBF-A")])
    commitment.refresh_from_db()
    assert commitment.primary_target.code == "GBF-T3"
    assert sorted(x.code for x in commitment.secondary_targets.all()) == ["GBF-A", "SDG-14", "SDG-15"]


def test_submission_form_refuses_four_secondary_targets_in_the_visitors_language(client, summit):
    data = form_data(summit, primary_target=t("GBF-T3").pk,
                     secondary_targets=[t(c).pk for c in ("SDG-14", "SDG-15", "GBF-T2", "GBF-T1")])
    response = client.post("/fr/commitments/submit/", data)
    assert response.status_code == 200 and not Commitment.objects.exists()
    assert "Choisissez au plus trois objectifs ou cibles secondaires." in response.content.decode()


def test_submission_keeps_the_alignment_or_takes_it_from_the_themes(client, summit):
    response = client.post("/en/commitments/submit/", {
        **form_data(summit, title="Named targets"), "primary_target": t("GBF-T2").pk,
        "secondary_targets": [t("SDG-15").pk], "confirm": "1"})
    assert response.status_code == 302
    named = Commitment.objects.get(title_en="Named targets")
    assert (named.primary_target.code, [x.code for x in named.secondary_targets.all()]) == ("GBF-T2", ["SDG-15"])

    theme = ThemeFactory(summit=summit)
    t("GBF-T10").themes.add(theme)
    t("SDG-2").themes.add(theme)
    client.post("/en/commitments/submit/", {**form_data(summit, title="From theme"), "themes": [theme.pk],
                                           "confirm": "1"})
    from_theme = Commitment.objects.get(title_en="From theme")
    assert from_theme.primary_target.code == "GBF-T10"
    assert [x.code for x in from_theme.secondary_targets.all()] == ["SDG-2"]


@pytest.fixture
def aligned(summit):
    protect = PublishedCommitmentFactory(summit=summit, title="Protect", amount=Decimal("100"), currency="USD")
    services.set_alignment(protect, t("GBF-T3"), [t("SDG-14")])
    restore = PublishedCommitmentFactory(summit=summit, title="Restore", amount=Decimal("40"), currency="USD")
    services.set_alignment(restore, t("GBF-T2"), [t("GBF-T3")])
    PublishedCommitmentFactory(summit=summit, title="Unaligned", amount=Decimal("7"), currency="USD")
    return protect, restore


def test_registry_facet_and_filter(client, aligned):
    protect, restore = aligned
    page = client.get("/en/commitments/").content.decode()
    assert 'data-facet="target" data-value="GBF-T3"' in page
    response = client.get("/en/commitments/", {"target": "GBF-T3"})
    options = {value: count for _f, _t, opts in response.context["facets"] for value, _l, count, _s in opts
               if _f == "target"}
    assert options == {"GBF-T3": 2, "GBF-T2": 1, "SDG-14": 1}  # GBF-T3: once primary, once secondary
    assert {c.reference for c in response.context["page_obj"].object_list} == {protect.reference, restore.reference}
    assert {c.reference for c in client.get("/en/commitments/", {"target": "SDG-14"}).context["page_obj"]} == {
        protect.reference}


def test_facet_labels_are_translated(client, aligned):
    page = client.get("/es/commitments/").content.decode()
    assert "Conservar el 30 % de las tierras, las aguas y los mares" in page


def test_dashboard_counts_pledges_towards_the_primary_target_only(client, summit, aligned):
    response = client.get(f"/en/commitments/dashboard/{summit.slug}/")
    rows = {r["target"].code: (r["count"], r["pledged"]) for r in response.context["figures"]["by_target"]}
    assert rows == {"GBF-T2": (1, Decimal("40.00")), "GBF-T3": (1, Decimal("100.00"))}
    assert 'data-target="GBF-T3"' in response.content.decode()


def test_api_and_exports_carry_the_alignment(client, aligned):
    protect, _restore = aligned
    data = client.get(f"/api/v1/commitments/{protect.reference}/").json()
    assert data["alignment"] == {"primary": "GBF-T3", "secondary": ["SDG-14"]}
    listed = client.get("/api/v1/commitments/", {"target": "SDG-14"}).json()
    assert [r["reference"] for r in listed["results"]] == [protect.reference]
    vocabulary = client.get("/api/v1/frameworks/").json()
    assert len(vocabulary) == 44 and vocabulary[0]["code"] == "GBF-A" and set(vocabulary[0]["label"]) == {
        "en", "fr", "es", "ar", "zh-hans", "ru"}
    body = client.get("/en/commitments/export.csv", {"target": "SDG-14"}).content.decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(body)))
    assert (row["primary_target"], row["secondary_targets"]) == ("GBF-T3", "SDG-14")
    exported = json.loads(client.get("/en/commitments/export.json", {"target": "GBF-T2"}).content)
    assert [(r["primary_target"], r["secondary_targets"]) for r in exported] == [("GBF-T2", "GBF-T3")]


def test_iati_sectors_use_the_sdg_vocabulary_and_tags_the_gbf(client, aligned):
    protect, restore = aligned
    root = etree.fromstring(client.get("/en/commitments/iati-activities.xml").content)
    assert etree.XMLSchema(etree.parse(str(ACTIVITY_SCHEMA))).validate(root)
    activity = root.xpath("iati-activity[other-identifier/@ref=$ref]", ref=protect.reference)[0]
    assert [(s.get("vocabulary"), s.get("code"), s.get("percentage")) for s in activity.findall("sector")] == [
        ("7", "14", "100.00")]
    assert [(x.get("vocabulary"), x.get("code")) for x in activity.findall("tag")] == [("99", "GBF-T3")]
    spanish = activity.xpath("tag/narrative[@xml:lang='es']")[0].text
    assert spanish == "Conservar el 30 % de las tierras, las aguas y los mares"


def test_demo_commitments_carry_alignments_and_lifecycles():
    call_command("load_demo")
    aligned = Commitment.objects.filter(reference__startswith="OPS21-", primary_target__isnull=False)
    assert aligned.count() == Commitment.objects.filter(reference__startswith="OPS21-").count() == 8
    hac = Commitment.objects.get(reference="OPS21-HAC")
    assert hac.primary_target.code == "GBF-T3" and hac.secondary_targets.count() == 3
    assert t("GBF-T19").themes.filter(slug__isnull=False).exists()
    states = dict(Commitment.objects.filter(reference__startswith="OPS21-").values_list("reference", "lifecycle"))
    assert states == {"OPS21-GGW": "in_progress", "OPS21-HAC": "in_progress", "OPS21-PREZODE": "in_progress",
                      "OPS21-1000L": "lapsed", "OPS21-LEGACY": "completed", "OPS21-TNFD": "completed",
                      "OPS21-GGW-MAP": "closed", "OPS21-MANGROVE": "withdrawn"}


def test_demo_iati_file_validates(client):
    call_command("load_demo")
    root = etree.fromstring(client.get("/en/commitments/iati-activities.xml").content)
    schema = etree.XMLSchema(etree.parse(str(ACTIVITY_SCHEMA)))
    assert schema.validate(root), schema.error_log
    ggw = root.xpath("iati-activity[other-identifier/@ref='OPS21-GGW']")[0]
    assert [(s.get("vocabulary"), s.get("code")) for s in ggw.findall("sector")] == [("7", "1"), ("7", "13"), ("7", "15")]
    assert len(ggw.findall("title/narrative")) == 6


def test_organiser_maps_themes_to_targets_and_an_outsider_cannot(client, summit, reviewer):
    theme = ThemeFactory(summit=summit, title="Oceans")
    other_theme = ThemeFactory(summit=SummitFactory(), title="Someone else's theme")
    client.force_login(reviewer)
    url = f"/admin/commitments/targets/{summit.pk}/"
    assert 'name="theme-%d"' % theme.pk in client.get(url).content.decode()
    client.post(url, {f"theme-{theme.pk}": [t("SDG-14").pk, t("GBF-T3").pk],
                      f"theme-{other_theme.pk}": [t("SDG-1").pk]})  # a theme of another summit is ignored
    assert sorted(x.code for x in theme.framework_targets.all()) == ["GBF-T3", "SDG-14"]
    assert not other_theme.framework_targets.exists()
    outsider = organiser(summits=[other_theme.summit])
    client.force_login(outsider)
    response = client.post(url, {f"theme-{theme.pk}": [t("SDG-1").pk]})
    assert response.status_code in (302, 403, 404) and "Oceans" not in response.content.decode()
    assert sorted(x.code for x in theme.framework_targets.all()) == ["GBF-T3", "SDG-14"]
    with pytest.raises(PermissionDenied):
        services.set_theme_targets(summit, {other_theme.pk: []}, reviewer)
