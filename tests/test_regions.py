"""Regions are each site's own data: its moderators keep the list, pages are filed under it.

What an editor and a visitor notice: a site's regions (and no other site's)
are offered in the page editor; moderators add, rename and remove them and
editors only see them; a region's name follows the reader's language; a
story whose region is removed stays up, filed under none.
"""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from editorial.roles import SiteRoles, set_up_all_sites
from stories.models import StoryPage
from taxonomy.models import Region
from tests.admin_forms import edit_form_data
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_region,
    make_site,
    make_staff,
    make_story,
    make_story_index,
    translate_page,
    translate_snippet,
)

pytestmark = pytest.mark.django_db


def build():
    _english, spanish = content_locales()
    ours = make_site("localhost", "Ours")
    theirs = make_site("theirs.localhost", "Theirs", default=False)
    northwest = make_region("northwest", site=ours)
    translate_snippet(northwest, spanish, name="Noroeste")
    make_region("northwest", site=theirs, name="Their northwest")
    stories = make_story_index(ours.root_page, title="Stories", slug="stories")
    story = make_story(stories, title="A reading club", slug="reading-club", region="northwest")
    translate_page(ours.root_page, spanish)
    translate_page(stories, spanish, title="Historias", slug="historias")
    translate_page(story, spanish, title="Un club de lectura", slug="club-de-lectura")
    set_up_all_sites()
    roles = SiteRoles.objects.get(site=ours)
    return {
        "ours": ours,
        "theirs": theirs,
        "northwest": northwest,
        "story": story,
        "editor": make_staff("our-editor", roles.editors),
        "moderator": make_staff("our-moderator", roles.moderators),
    }


built = built_once_per_module(build)


@pytest.fixture
def sites(built):
    return fresh_copies(built)


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def add_url():
    return reverse(Region.snippet_viewset.get_url_name("add")) + "?locale=en"


# --- Visitors ---------------------------------------------------------------------------------


def test_a_story_names_its_region_in_the_readers_language(client, sites):
    english = soup_of(client.get("/stories/reading-club/"))
    spanish = soup_of(client.get("/es/historias/club-de-lectura/"))

    assert english.select_one(".page-header__meta").get_text(strip=True).endswith("· Northwest")
    assert spanish.select_one(".page-header__meta").get_text(strip=True).endswith("· Noroeste")


def test_the_spanish_story_stays_filed_under_the_default_languages_region(sites):
    spanish = StoryPage.objects.get(slug="club-de-lectura")

    assert spanish.region == sites["northwest"]


def test_the_spanish_filter_takes_the_regions_one_slug(client, sites):
    response = client.get("/es/historias/", {"region": "northwest"})

    page = soup_of(response)
    assert page.select_one("#filter-region option[selected]").get_text(strip=True) == "Noroeste"
    assert [title.get_text(strip=True) for title in page.select(".card__title")] == [
        "Un club de lectura"
    ]


def test_another_sites_region_is_no_filter_here(client, sites):
    """Both sites have a "northwest"; only this site's stories are ever listed under it."""
    Region.objects.filter(site=sites["ours"]).delete()

    assert client.get("/stories/", {"region": "northwest"}).status_code == 404


def test_a_removed_region_leaves_its_stories_up_and_filed_under_none(client, sites):
    sites["northwest"].delete()

    page = soup_of(client.get("/stories/reading-club/"))

    assert page.select_one(".page-header__meta").get_text(strip=True) == "A teacher"
    assert StoryPage.objects.get(pk=sites["story"].pk).region is None
    assert soup_of(client.get("/stories/")).select_one("#filter-region") is None


# --- Editors and moderators ---------------------------------------------------------------------


def test_the_story_editor_offers_the_pages_own_sites_regions_in_the_default_language(client, sites):
    client.force_login(sites["editor"])

    response = client.get(f"/admin/pages/{sites['story'].pk}/edit/")

    offered = list(response.context["form"].fields["region"].queryset)
    assert offered == [sites["northwest"]]


def test_a_story_cannot_be_filed_under_another_sites_region(client, sites):
    theirs = Region.objects.get(site=sites["theirs"])
    client.force_login(sites["editor"])
    edit = f"/admin/pages/{sites['story'].pk}/edit/"
    data = edit_form_data(client.get(edit))
    data["region"] = theirs.pk

    response = client.post(edit, data)

    assert response.status_code == 200
    assert "region" in response.context["form"].errors
    assert (
        StoryPage.objects.get(pk=sites["story"].pk).get_latest_revision_as_object().region
        == (sites["northwest"])
    )


def test_a_moderator_adds_a_region_to_their_own_site(client, sites):
    client.force_login(sites["moderator"])

    response = client.post(
        add_url(),
        {"site": sites["ours"].pk, "name": "Four Corners", "slug": "four-corners", "sort_order": 9},
    )

    assert response.status_code == 302
    region = Region.objects.get(slug="four-corners")
    assert region.site == sites["ours"]
    assert region.locale.language_code == "en"


def test_a_second_region_of_the_same_name_is_a_form_error(client, sites):
    client.force_login(sites["moderator"])

    response = client.post(
        add_url(), {"site": sites["ours"].pk, "name": "Northwest", "slug": "nw", "sort_order": 1}
    )

    assert response.status_code == 200
    assert "already has a region with this name" in response.content.decode()
    assert not Region.objects.filter(slug="nw").exists()


def test_an_editor_sees_the_regions_but_cannot_add_change_or_delete_one(client, sites):
    client.force_login(sites["editor"])
    region = sites["northwest"]
    edit = reverse(Region.snippet_viewset.get_url_name("edit"), args=[region.pk])
    delete = reverse(Region.snippet_viewset.get_url_name("delete"), args=[region.pk])

    listing = client.get(reverse(Region.snippet_viewset.get_url_name("list")))
    client.post(add_url(), {"site": sites["ours"].pk, "name": "Mine", "slug": "mine"})
    client.post(edit, {"site": sites["ours"].pk, "name": "Renamed", "slug": "northwest"})
    client.post(delete)

    assert listing.status_code == 200
    assert "Northwest" in listing.content.decode()
    assert "Their northwest" not in listing.content.decode()
    assert not Region.objects.filter(slug="mine").exists()
    assert Region.objects.get(pk=region.pk).name == "Northwest"
