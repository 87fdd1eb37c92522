"""The partner directory: each partner with its logo, region, description and website, by region."""

import json

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from bs4 import BeautifulSoup

from demo import community_partners
from demo.loader import DemoLoader
from home.models import HomePage
from partners.models import Partner, PartnerIndexPage
from tests.factories import (
    content_locales,
    make_image,
    make_partner_index,
    make_region,
    make_site,
    translate_snippet,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]

HOST = "partners.localhost"
OTHER_HOST = "partners-other.localhost"

NM_FIRST = {
    "name": "New Mexico First",
    "region": "statewide",
    "website": "https://nmfirst.org",
    "description": "Ran the ESSA survey with us.",
}
CIRCLE = {
    "name": "Juniper Family Learning Circle",
    "region": "northwest",
    "description": "Families who read together.",
}
TEACHERS = {
    "name": "Caprock Rural Teachers Network",
    "region": "southeast",
    "description": "Teachers at small rural schools.",
}


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def get(client, index, host=HOST, **params):
    return client.get(index.get_url_parts()[2], params, HTTP_HOST=host)


def names_listed(response):
    return [name.get_text(strip=True) for name in soup_of(response).select(".partner__name")]


def robots(response):
    meta = soup_of(response).find("meta", attrs={"name": "robots"})
    return meta["content"] if meta else None


@pytest.fixture
def site():
    return make_site(hostname=HOST, name="Partners Test", default=False)


@pytest.fixture
def directory(site):
    logo = make_image(title="NM First logo", alt_text="New Mexico First logo", size=(300, 150))
    return make_partner_index(
        site.root_page,
        slug="partners",
        introduction="The groups we work with.",
        partners=[{**NM_FIRST, "logo": logo}, CIRCLE, TEACHERS],
    )


# --- The listing -----------------------------------------------------------------------------


def test_each_partner_shows_name_logo_region_description_and_a_link_to_its_website(
    client, directory
):
    page = soup_of(get(client, directory))

    assert page.h1.get_text(strip=True) == "Partners"
    assert "The groups we work with." in page.select_one(".page-header__lead").get_text()
    first = page.select_one(".partner-list > li.partner")
    assert first["id"] == "partner-new-mexico-first"
    assert first.h2.get_text(strip=True) == "New Mexico First"
    assert first.select_one(".partner__region").get_text(strip=True) == "Region: Statewide"
    assert first.select_one(".partner__description").get_text() == "Ran the ESSA survey with us."
    link = first.find("a", string="Visit New Mexico First's website")
    assert link["href"] == "https://nmfirst.org"
    # A plain link: the visitor decides where it opens.
    assert not link.has_attr("target")
    assert page.select_one(".listing-status").get_text(strip=True) == "3 partners listed."


def test_the_logo_is_decorative_sized_lazy_and_offered_as_webp(client, directory):
    page = soup_of(get(client, directory))

    picture = page.select_one("#partner-new-mexico-first picture")
    image = picture.img
    # The name beside it says whose logo it is.
    assert image["alt"] == ""
    assert image["loading"] == "lazy"
    assert not image.has_attr("fetchpriority")
    # Never cropped: a 2:1 logo stays 2:1 within its box.
    assert (image["width"], image["height"]) == ("80", "40")
    assert image["src"].endswith(".png")
    assert picture.find("source", type="image/webp")


def test_a_partner_without_logo_or_website_is_listed_without_them(client, directory):
    circle = soup_of(get(client, directory)).select_one("#partner-juniper-family-learning-circle")

    assert circle.h2.get_text(strip=True) == "Juniper Family Learning Circle"
    assert circle.find("picture") is None
    assert circle.find("a") is None
    assert circle.select_one(".partner__region").get_text(strip=True) == "Region: Northwest"


def test_partners_are_listed_in_the_editors_order_each_with_its_own_anchor(client, site):
    index = make_partner_index(
        site.root_page,
        partners=[TEACHERS, {**CIRCLE, "name": "Same Name"}, {**NM_FIRST, "name": "Same Name"}],
    )
    page = soup_of(get(client, index))

    items = page.select(".partner-list > li")
    assert [item.h2.get_text(strip=True) for item in items] == [
        "Caprock Rural Teachers Network",
        "Same Name",
        "Same Name",
    ]
    assert [item["id"] for item in items] == [
        "partner-caprock-rural-teachers-network",
        "partner-same-name",
        "partner-same-name-2",
    ]


def test_an_empty_directory_says_so(client, site):
    page = soup_of(get(client, make_partner_index(site.root_page)))

    assert "No partners have been listed yet." in page.get_text()
    assert page.find("form", class_="listing-filter") is None


# --- Filtering by region ---------------------------------------------------------------------


def test_filtering_by_region_shows_only_that_regions_partners_and_keeps_the_choice(
    client, directory
):
    response = get(client, directory, region="northwest")

    assert names_listed(response) == ["Juniper Family Learning Circle"]
    page = soup_of(response)
    selected = page.select_one("#filter-region option[selected]")
    assert selected["value"] == "northwest"
    status = page.select_one(".listing-status")
    assert status.get_text(" ", strip=True).startswith("1 partner listed under “Northwest”.")
    assert status.find("a", string="All partners")["href"] == "."
    assert page.title.get_text().startswith("Partners (Northwest) |")


def test_the_filter_is_a_labelled_get_form_offering_only_regions_with_partners(client, directory):
    form = soup_of(get(client, directory)).find("form", class_="listing-filter")

    assert form["method"] == "get"
    assert form.find("label", attrs={"for": "filter-region"}).get_text(strip=True) == "Region"
    options = [(o["value"], o.get_text(strip=True)) for o in form.select("option")]
    assert options == [
        ("", "All regions"),
        ("northwest", "Northwest"),
        ("southeast", "Southeast"),
        ("statewide", "Statewide"),
    ]
    assert form.find("button", type="submit").get_text(strip=True) == "Show"


def test_no_filter_is_offered_when_every_partner_is_in_one_region(client, site):
    index = make_partner_index(
        site.root_page, partners=[NM_FIRST, {**CIRCLE, "region": "statewide"}]
    )

    assert soup_of(get(client, index)).find("form", class_="listing-filter") is None


def test_a_region_with_no_partners_yet_says_so_and_stays_selected(client, directory):
    make_region("national", site=directory.get_site())
    response = get(client, directory, region="national")

    page = soup_of(response)
    assert page.select(".partner") == []
    assert "No partners listed under “National” yet." in page.get_text()
    assert page.select_one("#filter-region option[selected]")["value"] == "national"


@pytest.mark.parametrize(
    "region", ["atlantis", "North West", "north\x00west", "\x00", "statewide" * 50, "%00"]
)
def test_an_unknown_region_is_not_found_never_a_server_error(client, directory, region):
    assert get(client, directory, region=region).status_code == 404


def test_an_empty_region_is_the_whole_directory(client, directory):
    response = get(client, directory, region="")

    assert len(names_listed(response)) == 3
    assert robots(response) is None


def test_only_the_filtered_list_is_kept_out_of_search_engines(client, directory):
    assert robots(get(client, directory)) is None
    assert robots(get(client, directory, region="statewide")) == "noindex"


# --- Sites, languages, publishing ------------------------------------------------------------


def test_partners_of_one_site_never_show_on_another(client, directory):
    other = make_site(hostname=OTHER_HOST, name="Other", default=False)
    theirs = make_partner_index(
        other.root_page, slug="partners", partners=[{**TEACHERS, "name": "Their Partner"}]
    )

    assert names_listed(get(client, theirs, host=OTHER_HOST)) == ["Their Partner"]
    ours = names_listed(get(client, directory))
    assert "Their Partner" not in ours
    assert len(ours) == 3


def test_a_partner_added_in_a_draft_appears_only_once_published(client, directory):
    draft = directory.get_latest_revision_as_object()
    central = make_region("central", site=directory.get_site())
    draft.partners.add(Partner(name="Draft Partner", region=central, sort_order=9))
    revision = draft.save_revision()

    assert "Draft Partner" not in names_listed(get(client, directory))

    revision.publish()
    assert names_listed(get(client, directory))[-1] == "Draft Partner"


@pytest.fixture
def spanish_directory(site, directory):
    """The directory translated through wagtail-localize, as the demo and a translator do."""
    _english, spanish = content_locales()
    home = site.root_page.specific
    for slug, name in [("statewide", "Todo el estado"), ("northwest", "Noroeste")]:
        translate_snippet(make_region(slug, site=site), spanish, name=name)
    translations = {
        "New Mexico First": "Realizó con nosotros la encuesta sobre ESSA.",
        "Juniper Family Learning Circle": "Familias que leen juntas.",
        "Caprock Rural Teachers Network": "Maestros de pequeñas escuelas rurales.",
    }
    partners = community_partners.rows_with_descriptions(directory, translations)
    fields = {
        "title": "Socios",
        "slug": "socios",
        "introduction": "Los grupos con los que trabajamos.",
        "partners": partners,
    }
    DemoLoader(log=lambda *args: None).translate_page(directory, spanish, fields, home)
    return directory.get_translation(spanish)


def test_the_spanish_directory_shows_translated_descriptions_and_region_names(
    client, spanish_directory
):
    assert spanish_directory.get_url_parts()[2] == "/es/socios/"
    page = soup_of(client.get("/es/socios/", HTTP_HOST=HOST))

    assert page.h1.get_text(strip=True) == "Socios"
    first = page.select_one(".partner")
    assert first.h2.get_text(strip=True) == "New Mexico First"
    description = first.select_one(".partner__description")
    assert description.get_text() == "Realizó con nosotros la encuesta sobre ESSA."
    assert not description.has_attr("lang")
    assert first.select_one(".partner__region").get_text(strip=True) == "Región: Todo el estado"
    link = first.find("a", href="https://nmfirst.org")
    assert link.get_text(strip=True) == "Visite el sitio web de New Mexico First"
    assert first.find("picture") is not None
    assert "Ran the ESSA survey" not in page.get_text()


def test_the_spanish_directory_filters_by_region_too(client, spanish_directory):
    response = client.get("/es/socios/", {"region": "northwest"}, HTTP_HOST=HOST)

    assert names_listed(response) == ["Juniper Family Learning Circle"]
    page = soup_of(response)
    assert page.select_one("#filter-region option[selected]").get_text(strip=True) == "Noroeste"
    assert robots(response) == "noindex"
    assert client.get("/es/socios/", {"region": "noroeste"}, HTTP_HOST=HOST).status_code == 404


def test_names_logos_regions_and_websites_follow_the_english_rows(directory, spanish_directory):
    english = PartnerIndexPage.objects.get(pk=directory.pk)
    pairs = zip(english.partners.all(), spanish_directory.partners.all(), strict=True)
    for original, translated in pairs:
        assert original.translation_key == translated.translation_key
        assert (translated.name, translated.region, translated.website, translated.logo_id) == (
            original.name,
            original.region,
            original.website,
            original.logo_id,
        )


# --- Search engines, site search, editors ----------------------------------------------------


def test_structured_data_lists_the_partners_as_organizations(client, directory):
    page = soup_of(get(client, directory))
    items = []
    for element in page.find_all("script", type="application/ld+json"):
        items += json.loads(element.string)["@graph"]

    [listing] = [item for item in items if item["@type"] == "ItemList"]
    assert listing["numberOfItems"] == 3
    first, second = (element["item"] for element in listing["itemListElement"][:2])
    assert first["@type"] == "Organization"
    assert first["name"] == "New Mexico First"
    assert first["url"] == "https://nmfirst.org"
    assert first["@id"] == f"http://{HOST}/partners/#partner-new-mexico-first"
    assert first["logo"].startswith(f"http://{HOST}/") and first["logo"].endswith(".png")
    assert second["name"] == "Juniper Family Learning Circle"
    assert "url" not in second and "logo" not in second


def test_site_search_finds_the_directory_by_a_partners_name_or_description(client, directory):
    for query in ("Caprock", "rural"):
        response = client.get("/search/", {"q": query}, HTTP_HOST=HOST)
        titles = [
            a.get_text(strip=True) for a in soup_of(response).select(".search-result__title a")
        ]
        assert titles == ["Partners"], query


def test_one_directory_per_home_page_with_no_pages_below_it(site, directory):
    home = HomePage.objects.get(pk=site.root_page.pk)

    assert PartnerIndexPage in home.specific_class.allowed_subpage_models()
    assert not PartnerIndexPage.can_create_at(home)
    assert PartnerIndexPage.allowed_subpage_models() == []
    assert not PartnerIndexPage.can_create_at(Page.get_first_root_node())


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("partners-admin", "a@example.org", "pw")
    client.force_login(user)
    return client


def test_an_editor_adds_a_directory_with_partners_in_the_admin(admin_client, site):
    statewide = make_region("statewide", site=site)
    elsewhere = make_region(
        "central", site=make_site(hostname="elsewhere.localhost", default=False)
    )
    url = reverse(
        "wagtailadmin_pages:add", args=["partners", "partnerindexpage", site.root_page.pk]
    )
    data = nested_form_data(
        {
            "title": "Partners",
            "slug": "partners",
            "introduction": "Who we work with.",
            "partners": inline_formset(
                [
                    {
                        "name": "New Mexico First",
                        "region": statewide.pk,
                        "description": "",
                        "website": "https://nmfirst.org",
                        "logo": "",
                    },
                    {
                        "name": "A group",
                        # Another site's region is not this page's to choose.
                        "region": elsewhere.pk,
                        "description": "",
                        "website": "",
                        "logo": "",
                    },
                ]
            ),
            "action-publish": "publish",
        }
    )

    refused = admin_client.post(url, data)
    assert refused.status_code == 200
    assert not PartnerIndexPage.objects.exists()

    data["partners-1-region"] = ""
    assert admin_client.post(url, data).status_code == 302
    index = PartnerIndexPage.objects.get(slug="partners", locale__language_code="en")
    assert [p.name for p in index.partners.all()] == ["New Mexico First", "A group"]
    assert index.live


def test_the_preview_shows_partners_not_saved_yet(directory):
    draft = directory.get_latest_revision_as_object()
    national = make_region("national", site=directory.get_site())
    draft.partners.add(Partner(name="Unsaved Partner", region=national, sort_order=9))

    response = draft.make_preview_request()

    assert "Unsaved Partner" in names_listed(response)
