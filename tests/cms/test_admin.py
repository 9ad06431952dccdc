import pytest

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(trees):
    index = factories.news_index(trees["en"]["home"])
    return {
        "home": trees["en"]["home"],
        "summit": trees["en"]["summit"],
        "standard": factories.standard_page(trees["en"]["home"]),
        "news index": index,
        "news": factories.news_page(index),
    }


@pytest.mark.parametrize("kind", ["home", "summit", "standard", "news index", "news"])
def test_organisers_edit_form_opens_for_each_page_type(admin_client, pages, kind):
    response = admin_client.get(f"/admin/pages/{pages[kind].pk}/edit/")
    assert response.status_code == 200
    assert response.context["page"].pk == pages[kind].pk


def test_menus_are_listed_per_language_in_the_admin(admin_client, trees):
    factories.menu("fr", links=[("Sommet", trees["fr"]["summit"])])
    response = admin_client.get("/admin/snippets/cms/menu/")
    assert response.status_code == 200
    assert "Main navigation (fr)" in response.content.decode()


def test_summit_page_refuses_a_second_page_for_the_same_summit_in_one_language(trees, summit):
    from django.core.exceptions import ValidationError

    from cms.models import SummitPage

    duplicate = SummitPage(title="Copy", slug="copy", summit=summit)
    with pytest.raises(ValidationError) as error:
        trees["en"]["home"].add_child(instance=duplicate)
    assert "summit" in error.value.message_dict
