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
              for f, level in (("gbf", "goal"), ("gbf", "target"), ("sdg", "goal"), ("sdg", "target"))}
    assert counts == {("gbf", "goal"): 4, ("gbf", "target"): 23, ("sdg", "goal"): 17, ("sdg", "target"): 169}
    assert [x.code for x in FrameworkTarget.objects.filter(framework="gbf", level="goal")] == [
        "GBF-A", "GBF-B", "GBF-C", "GBF-D"]
    for target in FrameworkTarget.objects.all():
        labels = [getattr(target, f"label_{lang}") for lang in LANGS]
        assert all(labels) and len(set(labels)) == 6, target.code  # written in every language, none copied
    assert t("GBF-T3").label_fr == "Conserver 30 % des terres, des eaux et des mers"
    assert t("SDG-14").label_ar == "الحياة تحت الماء"


def test_the_169_sdg_targets_sit_under_their_goals_in_six_languages():
    import re

    from announcements.frameworks.vocabulary import CODE_RE

    targets = list(FrameworkTarget.objects.filter(framework="sdg", level="target").select_related("parent"))
    per_goal = {}
    for target in targets:
        goal_number = target.number.split(".")[0]
        assert target.code == f"SDG-{target.number}" and CODE_RE.match(target.code), target.code
        assert target.parent.code == f"SDG-{goal_number}" and target.parent.level == "goal", target.code
        per_goal[goal_number] = per_goal.get(goal_number, 0) + 1
        labels = {lang: getattr(target, f"label_{lang}") for lang in LANGS}
        assert all(text and text.strip() for text in labels.values()), target.code
        assert all(labels[lang] != labels["en"] for lang in LANGS if lang != "en"), target.code
        assert 3 <= len(labels["en"].split()) <= 16, target.code  # a short label, not the official text
        assert re.search("[\u0600-\u06ff]", labels["ar"]) and re.search("[\u4e00-\u9fff]", labels["zh_hans"])
        assert re.search("[\u0400-\u04ff]", labels["ru"]), target.code
    # the UN's numbering: 7 targets under goal 1 … 19 under goal 17, the lettered ones included
    assert per_goal == {"1": 7, "2": 8, "3": 13, "4": 10, "5": 9, "6": 8, "7": 5, "8": 12, "9": 8, "10": 10,
                        "11": 10, "12": 11, "13": 5, "14": 10, "15": 12, "16": 12, "17": 19}
    assert {"SDG-1.a", "SDG-14.a", "SDG-14.c", "SDG-15.c", "SDG-16.10", "SDG-17.19"} <= {x.code for x in targets}
    assert t("SDG-14.5").label_en == "Conserve at least 10% of coastal and marine areas"
    assert t("SDG-14.5").label_fr == "Préserver au moins 10 % des zones marines et côtières"
    assert t("SDG-14.5").label_zh_hans == "保护至少10%的沿海和海洋区域"
    assert not FrameworkTarget.objects.filter(framework="gbf", parent__isnull=False).exists()


def test_sdg_targets_sort_after_their_goal_in_the_uns_order():
    codes = list(FrameworkTarget.objects.filter(framework="sdg").values_list("code", flat=True))
    assert codes[:10] == ["SDG-1", "SDG-1.1", "SDG-1.2", "SDG-1.3", "SDG-1.4", "SDG-1.5", "SDG-1.a", "SDG-1.b",
                          "SDG-2", "SDG-2.1"]
    assert codes.index("SDG-17.9") < codes.index("SDG-17.10") < codes.index("SDG-17.11")
    assert codes.index("SDG-14.7") < codes.index("SDG-14.a") < codes.index("SDG-15")
    assert codes[-1] == "SDG-17.19"
    all_codes = list(FrameworkTarget.objects.values_list("code", flat=True))
    assert all_codes.index("GBF-T23") < all_codes.index("SDG-1")  # the GBF first, as before


def test_sdg_target_labels_in_six_languages():
    from django.utils import translation

    expected = {"en": "SDG target 14.5", "fr": "Cible 14.5 des ODD", "es": "Meta 14.5 de los ODS",
                "ar": "الغاية 14.5 من أهداف التنمية المستدامة", "zh-hans": "可持续发展目标具体目标14.5",
                "ru": "Задача 14.5 ЦУР"}
    for language, text in expected.items():
        with translation.override(language):
            assert t("SDG-14.5").short_label == text
            assert str(t("SDG-14.5")).startswith(text + " – ")
    with translation.override("fr"):
        assert t("SDG-14").short_label == "ODD 14"


def test_vocabulary_sync_is_idempotent():
    from announcements.frameworks.vocabulary import sync

    before = list(FrameworkTarget.objects.values_list("pk", "code", "label_ru"))
    assert sync() == 213
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
    assert len(vocabulary) == 213 and vocabulary[0]["code"] == "GBF-A" and set(vocabulary[0]["label"]) == {
        "en", "fr", "es", "ar", "zh-hans", "ru"}
    by_code = {entry["code"]: entry for entry in vocabulary}
    assert by_code["SDG-14.a"] == {
        "code": "SDG-14.a", "framework": "sdg", "level": "target", "number": "14.a", "parent": "SDG-14",
        "iati_code": "14.a", "label": {lang.replace("_", "-"): getattr(t("SDG-14.a"), f"label_{lang}") for lang in LANGS}}
    assert by_code["SDG-14"]["parent"] is None and by_code["GBF-T3"]["iati_code"] is None
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
    assert [(x.get("vocabulary"), x.get("code")) for x in activity.findall("tag")] == [("99", "GBF-T3"), ("2", "14")]
    spanish = activity.xpath("tag[@vocabulary='99']/narrative[@xml:lang='es']")[0].text
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
    page = client.get(url).content.decode()
    assert 'name="theme-%d"' % theme.pk in page
    assert page.count("<optgroup") == 2 + 17  # one select: the GBF's goals, its targets, each SDG with its targets
    assert '<optgroup label="SDG 14 – Life below water">' in page
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


# --- SDG targets (SDG-14.5, SDG-14.a …) at every door ----------------------------------------------

def test_the_submission_form_groups_the_targets_by_goal_and_takes_an_sdg_target(client, summit):
    page = client.get("/en/commitments/submit/").content.decode()
    assert '<optgroup label="SDG 14 – Life below water">' in page
    assert '<optgroup label="Global Biodiversity Framework: targets">' in page
    option = f'<option value="{t("SDG-14.5").pk}">SDG target 14.5 – Conserve at least 10% of coastal and marine areas'
    assert option in page
    assert page.index('<optgroup label="SDG 14 – Life below water">') < page.index(option) < page.index(
        '<optgroup label="SDG 15 – Life on land">')
    assert "<summary>SDG 14 – Life below water</summary>" in page  # the secondary ones, folded per goal
    response = client.post("/en/commitments/submit/", {
        **form_data(summit, title="Marine areas"), "primary_target": t("SDG-14.5").pk,
        "secondary_targets": [t("SDG-14.a").pk, t("GBF-T3").pk], "confirm": "1"})
    assert response.status_code == 302
    saved = Commitment.objects.get(title_en="Marine areas")
    assert saved.primary_target.code == "SDG-14.5"
    assert sorted(x.code for x in saved.secondary_targets.all()) == ["GBF-T3", "SDG-14.a"]


@pytest.fixture
def marine(summit):
    """Aligned to SDG targets only (14.5, with 14.1 as a secondary), and one aligned to the goal SDG 14."""
    marine = PublishedCommitmentFactory(summit=summit, title="Marine areas", amount=Decimal("50"), currency="USD")
    services.set_alignment(marine, t("SDG-14.5"), [t("SDG-14.1"), t("GBF-T3")])
    ocean = PublishedCommitmentFactory(summit=summit, title="Ocean", amount=Decimal("5"), currency="USD")
    services.set_alignment(ocean, t("SDG-14"), [t("SDG-15.c")])
    PublishedCommitmentFactory(summit=summit, title="Unaligned")
    return marine, ocean


def _target_options(response):
    return {value: count for name, _t, opts in response.context["facets"] for value, _l, count, _s in opts
            if name == "target"}


def test_the_facet_lists_goals_and_opens_the_chosen_goals_targets(client, marine):
    marine, ocean = marine
    response = client.get("/en/commitments/")
    # SDG 14 counts both, the marine one once though it names two of its targets; no target listed yet
    assert _target_options(response) == {"GBF-T3": 1, "SDG-14": 2, "SDG-15": 1}
    response = client.get("/en/commitments/", {"target": "SDG-14"})
    assert {c.reference for c in response.context["page_obj"]} == {marine.reference, ocean.reference}
    options = _target_options(response)
    assert options == {"GBF-T3": 1, "SDG-14": 2, "SDG-14.1": 1, "SDG-14.5": 1, "SDG-15": 1}
    assert list(options) == ["GBF-T3", "SDG-14", "SDG-14.1", "SDG-14.5", "SDG-15"]  # targets under their goal
    page = response.content.decode()
    assert 'data-facet="target" data-value="SDG-14.5"' in page and "SDG target 14.5 – Conserve at least 10%" in page
    response = client.get("/en/commitments/", {"target": "SDG-14.5"})
    assert [c.reference for c in response.context["page_obj"]] == [marine.reference]
    assert "SDG-14.1" in _target_options(response)  # a chosen target keeps its goal's targets open
    assert [c.reference for c in client.get("/en/commitments/", {"target": "SDG-15"}).context["page_obj"]] == [
        ocean.reference]
    spanish = client.get("/es/commitments/", {"target": "SDG-14"}).content.decode()
    assert "Meta 14.5 de los ODS – Conservar al menos el 10 % de las zonas costeras y marinas" in spanish


def test_the_api_and_exports_take_an_sdg_target(client, marine):
    marine, ocean = marine
    data = client.get(f"/api/v1/commitments/{marine.reference}/").json()
    assert data["alignment"] == {"primary": "SDG-14.5", "secondary": ["GBF-T3", "SDG-14.1"]}
    listed = client.get("/api/v1/commitments/", {"target": "SDG-14.5"}).json()
    assert [r["reference"] for r in listed["results"]] == [marine.reference]
    goal = client.get("/api/v1/commitments/", {"target": "SDG-14"}).json()
    assert {r["reference"] for r in goal["results"]} == {marine.reference, ocean.reference}
    body = client.get("/en/commitments/export.csv", {"target": "SDG-14.5"}).content.decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(body)))
    assert row["primary_target"] == "SDG-14.5"


@pytest.mark.parametrize("code, message", [
    ("SDG-14.z9", "“SDG-14.z9” is not the code of a global goal or target: write it like GBF-T3, SDG-14 or SDG-14.5."),
    ("sdg-14", "“sdg-14” is not the code of a global goal or target: write it like GBF-T3, SDG-14 or SDG-14.5."),
    ("SDG-14.9", "There is no global goal or target “SDG-14.9”: the codes are listed at /api/v1/frameworks/."),
    ("SDG-18", "There is no global goal or target “SDG-18”: the codes are listed at /api/v1/frameworks/."),
])
def test_a_bad_target_code_is_refused_with_a_clear_message(client, marine, code, message):
    response = client.get("/api/v1/commitments/", {"target": code})
    assert response.status_code == 400 and response.json() == {"error": message}
    for url in ("/en/commitments/export.csv", "/en/commitments/iati-activities.xml"):
        response = client.get(url, {"target": code})
        assert response.status_code == 400 and response.content.decode() == message
    page = client.get("/en/commitments/", {"target": code})
    assert page.status_code == 200 and f'id="target-error">{message}</p>' in page.content.decode()
    assert len(page.context["page_obj"].object_list) == 3  # the list itself, unfiltered


def test_the_iati_file_tags_and_sectors_sdg_targets_and_validates(client, marine):
    marine, ocean = marine
    root = etree.fromstring(client.get("/en/commitments/iati-activities.xml").content)
    schema = etree.XMLSchema(etree.parse(str(ACTIVITY_SCHEMA)))
    assert schema.validate(root), schema.error_log
    activity = root.xpath("iati-activity[other-identifier/@ref=$ref]", ref=marine.reference)[0]
    assert [(s.get("vocabulary"), s.get("code"), s.get("percentage")) for s in activity.findall("sector")] == [
        ("8", "14.5", "50.00"), ("8", "14.1", "50.00")]
    assert [(x.get("vocabulary"), x.get("code")) for x in activity.findall("tag")] == [
        ("3", "14.5"), ("99", "GBF-T3"), ("3", "14.1")]  # primary first, then in the vocabulary's order
    french = activity.xpath("sector[@code='14.5']/narrative[@xml:lang='fr']")[0].text
    assert french == "Préserver au moins 10 % des zones marines et côtières"
    ocean_activity = root.xpath("iati-activity[other-identifier/@ref=$ref]", ref=ocean.reference)[0]
    assert [(s.get("vocabulary"), s.get("code")) for s in ocean_activity.findall("sector")] == [("7", "14"), ("8", "15.c")]
    assert [(x.get("vocabulary"), x.get("code")) for x in ocean_activity.findall("tag")] == [("2", "14"), ("3", "15.c")]


def test_the_admin_edit_form_groups_the_targets(client, marine, reviewer):
    marine, _ocean = marine
    client.force_login(reviewer)
    page = client.get(f"/admin/announcements/commitment/edit/{marine.pk}/").content.decode()
    assert '<optgroup label="SDG 14 – Life below water">' in page
    assert f'<option value="{t("SDG-14.5").pk}" selected>SDG target 14.5' in page
    assert "<details open><summary>SDG 14 – Life below water</summary>" in page  # 14.1 is ticked in it
