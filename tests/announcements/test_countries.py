"""Countries are rows (one per commitment and country): facets count countries, filters and every
door (form, admin, import, API) read and write the same rows."""

import pytest

from announcements.models import CommitmentCountry
from announcements.queries import country_counts, public

from .factories import CommitmentFactory, PublishedCommitmentFactory

pytestmark = pytest.mark.django_db


def test_country_facet_counts_countries_not_combinations(client, summit):
    PublishedCommitmentFactory(summit=summit, countries=["SN", "ML"])
    PublishedCommitmentFactory(summit=summit, countries=["SN"])
    PublishedCommitmentFactory(summit=summit, countries=["ML", "FR"])
    CommitmentFactory(summit=summit, countries=["FR"])  # not published: not counted
    response = client.get("/en/commitments/")
    facets = {name: {value: count for value, _l, count, _s in options} for name, _t, options in response.context["facets"]}
    assert facets["country"] == {"SN": 2, "ML": 2, "FR": 1}


def test_country_counts_follow_the_other_filters(summit):
    PublishedCommitmentFactory(summit=summit, countries=["SN", "ML"], kind="financial")
    PublishedCommitmentFactory(summit=summit, countries=["SN"], kind="policy")
    assert country_counts(public().filter(kind="financial")) == {"SN": 1, "ML": 1}


def test_setting_countries_replaces_the_rows(summit):
    commitment = PublishedCommitmentFactory(summit=summit, countries=["sn", "ML", "SN"])
    assert sorted(CommitmentCountry.objects.filter(commitment=commitment).values_list("country", flat=True)) == [
        "ML", "SN"]
    commitment.countries = ["FR"]
    commitment.save()
    assert [c.code for c in commitment.countries] == ["FR"]


def test_unknown_country_code_is_a_field_error(summit):
    from django.core.exceptions import ValidationError

    commitment = CommitmentFactory.build(summit=summit, countries=["XX", "SN"])
    commitment.lead_organisation.save()
    commitment.lead_organisation_id = commitment.lead_organisation.pk
    commitment.summit.save()
    commitment.summit_id = commitment.summit.pk
    with pytest.raises(ValidationError) as error:
        commitment.full_clean()
    assert error.value.message_dict["countries"] == ["Unknown country codes: XX (use ISO codes such as FR, SN)."]


def test_country_filter_matches_any_of_the_countries(client, summit):
    both = PublishedCommitmentFactory(summit=summit, countries=["SN", "ML"])
    PublishedCommitmentFactory(summit=summit, countries=["FR"])
    response = client.get("/en/commitments/", {"country": "sn"})
    assert [c.pk for c in response.context["page_obj"].object_list] == [both.pk]


def test_admin_edit_saves_the_countries_picked(client, summit, reviewer):
    commitment = CommitmentFactory(summit=summit, countries=["SN"])
    client.force_login(reviewer)
    url = f"/admin/announcements/commitment/edit/{commitment.pk}/"
    form = client.get(url).context["form"]
    assert form["countries"].value() == ["SN"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    for prefix, formset in form.formsets.items():
        data.update({f"{prefix}-{k}": v for k, v in formset.management_form.initial.items()})
    data["countries"] = ["KE", "TZ"]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert sorted(c.code for c in commitment.countries) == ["KE", "TZ"]


def test_api_lists_the_countries(client, summit):
    commitment = PublishedCommitmentFactory(summit=summit, countries=["SN", "ML"])
    data = client.get(f"/api/v1/commitments/{commitment.reference}/").json()
    assert sorted(data["countries"]) == ["ML", "SN"]
