"""Each organization's staff see and change only their own site's menus, footers, topics and people.

Django's model permissions cannot tell one row from another, so the server
checks each object's `site` (editorial/ownership.py). These tests sign in as
one site's moderator with a real client and try every admin address for the
other site's objects: each answers 404 and changes nothing, while listings,
choosers and forms offer only the moderator's own site. A superuser sees all.
"""

from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.models import TranslatableMixin
from wagtail.snippets.models import get_snippet_models

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticlePage
from decision_makers.models import DecisionMaker
from editorial.models import SiteRoles
from editorial.ownership import SiteOwnedSnippetViewSet, SitePermissionPolicy, sites_of
from editorial.roles import set_up_all_sites
from navigation.models import Footer, MainMenu
from people.models import Person
from site_search.models import PromotedResult
from taxonomy.models import Region, Topic
from tests.decision_maker_factories import make_decision_maker
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_menu_and_footer,
    make_news_index,
    make_person,
    make_region,
    make_site,
    make_staff,
    make_topic,
)

pytestmark = pytest.mark.django_db

ALLIANCE = "Learning Alliance of New Mexico"
KIDSCAN = "NewMexicoKidsCAN"

# Every view of one object that a snippet viewset serves, by URL name.
OBJECT_VIEWS = ("edit", "delete", "copy", "history", "usage")


def build_sites():
    content_locales()
    alliance = make_site("localhost", ALLIANCE)
    kidscan = make_site("kidscan.localhost", KIDSCAN, default=False)
    for site in (alliance, kidscan):
        make_menu_and_footer(site, tagline=f"{site.site_name} tagline")
        make_topic(name=f"{site.site_name} topic", slug="community-input", site=site)
        make_person(name=f"{site.site_name} person", role="Director", site=site)
        make_region("northwest", site=site, name=f"{site.site_name} region")
        make_decision_maker(site, name=f"{site.site_name} senator")
        PromotedResult.objects.create(site=site, query="annual report", page=site.root_page)
    news = make_news_index(alliance.root_page, title="News", slug="news")
    set_up_all_sites()
    alliance_roles = SiteRoles.objects.get(site=alliance)
    kidscan_roles = SiteRoles.objects.get(site=kidscan)
    return {
        "alliance": alliance,
        "kidscan": kidscan,
        "article": make_article(news, title="Forum dates", slug="forum-dates"),
        "moderator": make_staff("alliance-moderator", alliance_roles.moderators),
        "editor": make_staff("alliance-editor", alliance_roles.editors),
        "kidscan_moderator": make_staff("kidscan-moderator", kidscan_roles.moderators),
        "superuser": get_user_model().objects.create_superuser(
            "admin", "admin@example.org", "a-long-password"
        ),
    }


sites_for_the_module = built_once_per_module(build_sites)


@pytest.fixture
def sites(sites_for_the_module):
    return fresh_copies(sites_for_the_module)


def site_owned_snippet_models():
    return [model for model in get_snippet_models() if hasattr(model, "site")]


def url(model, view, *args):
    return reverse(model.snippet_viewset.get_url_name(view), args=[quote(arg) for arg in args])


def edit_form(site, label, **fields):
    """What an edit form of any site-owned snippet posts (each model reads the fields it has)."""
    return {
        "site": site.pk,
        "name": label,
        "slug": label.lower().replace(" ", "-"),
        "tagline": label,
        "query": label,
        "page": site.root_page_id,
        "sort_order": "0",
        "links-count": "0",
        **fields,
    }


def refused(response):
    """Not found, forbidden, or Wagtail's "permission denied" redirect to the dashboard."""
    if response.status_code == 302:
        return response.url == reverse("wagtailadmin_home")
    return response.status_code in (403, 404)


def snapshot(model):
    """Every row of `model` as plain values, to show that nothing changed."""
    return sorted(map(repr, model.objects.order_by("pk").values()))


# --- The rule, for every snippet with a site ---------------------------------------------------


SITE_OWNED = [MainMenu, Footer, Topic, Region, Person, PromotedResult, DecisionMaker]
TRANSLATABLE = [model for model in SITE_OWNED if issubclass(model, TranslatableMixin)]
by_name = {"ids": lambda model: model.__name__}


def test_every_snippet_belongs_to_a_site_and_is_served_by_a_site_owned_viewset():
    models = site_owned_snippet_models()

    assert set(models) == set(get_snippet_models()) == set(SITE_OWNED)
    for model in models:
        assert isinstance(model.snippet_viewset, SiteOwnedSnippetViewSet), model
        assert isinstance(model.snippet_viewset.permission_policy, SitePermissionPolicy), model


def test_staff_work_on_their_own_site_and_a_superuser_on_all(sites):
    assert list(sites_of(sites["moderator"])) == [sites["alliance"]]
    assert list(sites_of(sites["editor"])) == [sites["alliance"]]
    assert set(sites_of(sites["superuser"])) == {sites["alliance"], sites["kidscan"]}


@pytest.mark.parametrize("model", SITE_OWNED, **by_name)
@pytest.mark.parametrize("view", OBJECT_VIEWS)
def test_the_other_sites_object_is_not_found_for_any_view(client, sites, model, view):
    other = model.objects.get(site=sites["kidscan"])
    before = snapshot(model)
    client.force_login(sites["moderator"])

    shown = client.get(url(model, view, other.pk))
    posted = client.post(url(model, view, other.pk), {"site": sites["alliance"].pk})

    # Views the moderator has the model permission for answer 404; the
    # others (copy and delete need "add" and "delete") are refused before.
    assert refused(shown), shown
    assert refused(posted), posted
    if view in ("edit", "history", "usage"):
        assert shown.status_code == posted.status_code == 404
    assert snapshot(model) == before


@pytest.mark.parametrize("model", SITE_OWNED, **by_name)
def test_a_direct_post_cannot_replace_the_other_sites_menu(client, sites, model):
    """The POST an attacker would send: the form's own fields, pointing at an outside link."""
    other = model.objects.get(site=sites["kidscan"])
    before = snapshot(model)
    client.force_login(sites["moderator"])

    response = client.post(
        url(model, "edit", other.pk),
        edit_form(
            sites["kidscan"],
            "Taken over",
            **{
                "links-count": "1",
                "links-0-type": "link",
                "links-0-deleted": "",
                "links-0-order": "0",
                "links-0-value-url": "https://example.com/",
                "links-0-value-label": "Elsewhere",
            },
        ),
    )

    assert response.status_code == 404
    assert snapshot(model) == before


@pytest.mark.parametrize("model", SITE_OWNED, **by_name)
def test_the_own_sites_object_opens_for_its_moderator(client, sites, model):
    own = model.objects.get(site=sites["alliance"])
    client.force_login(sites["moderator"])

    assert client.get(url(model, "edit", own.pk)).status_code == 200
    assert client.get(url(model, "history", own.pk)).status_code == 200


@pytest.mark.parametrize("model", SITE_OWNED, **by_name)
def test_the_listing_shows_only_the_own_sites_objects(client, sites, model):
    client.force_login(sites["moderator"])

    listing = client.get(url(model, "list"))

    assert listing.status_code == 200
    text = BeautifulSoup(listing.content, "html.parser").get_text()
    assert ALLIANCE in text
    assert KIDSCAN not in text


@pytest.mark.parametrize("model", SITE_OWNED, **by_name)
def test_a_superuser_lists_every_sites_objects(client, sites, model):
    client.force_login(sites["superuser"])

    text = client.get(url(model, "list")).content.decode()

    assert ALLIANCE in text
    assert KIDSCAN in text


@pytest.mark.parametrize("model", SITE_OWNED, **by_name)
def test_the_chooser_offers_only_the_own_sites_objects(client, sites, model):
    chooser = model.snippet_viewset.chooser_viewset
    own = model.objects.get(site=sites["alliance"])
    other = model.objects.get(site=sites["kidscan"])
    client.force_login(sites["moderator"])

    listing = client.get(reverse(chooser.get_url_name("choose")))
    chosen_own = client.get(reverse(chooser.get_url_name("chosen"), args=[own.pk]))
    chosen_other = client.get(reverse(chooser.get_url_name("chosen"), args=[other.pk]))
    several = client.get(
        reverse(chooser.get_url_name("chosen_multiple")) + f"?id={own.pk}&id={other.pk}"
    )

    assert listing.status_code == 200
    assert ALLIANCE in listing.content.decode()
    assert KIDSCAN not in listing.content.decode()
    assert chosen_own.status_code == 200
    assert chosen_other.status_code == 404
    assert [item["id"] for item in several.json()["result"]] == [str(own.pk)]


@pytest.mark.parametrize("model", SITE_OWNED, **by_name)
def test_searching_the_chooser_and_the_listing_finds_only_the_own_sites_objects(
    client, sites, model
):
    # A search runs on the already site-limited rows, so the search index must know `site`.
    chooser = model.snippet_viewset.chooser_viewset
    client.force_login(sites["moderator"])

    found_in_chooser = client.get(reverse(chooser.get_url_name("choose_results")), {"q": "a"})
    found_in_listing = client.get(url(model, "list"), {"q": "a"})

    for found in (found_in_chooser, found_in_listing):
        assert found.status_code == 200
        assert KIDSCAN not in found.content.decode()


@pytest.mark.parametrize("model", SITE_OWNED, **by_name)
def test_the_edit_form_offers_only_the_own_site(client, sites, model):
    own = model.objects.get(site=sites["alliance"])
    client.force_login(sites["moderator"])

    response = client.get(url(model, "edit", own.pk))

    choices = list(response.context["form"].fields["site"].queryset)
    assert choices == [sites["alliance"]]


@pytest.mark.parametrize("model", SITE_OWNED, **by_name)
def test_an_own_object_cannot_be_moved_to_the_other_site(client, sites, model):
    own = model.objects.get(site=sites["alliance"])
    before = snapshot(model)
    client.force_login(sites["moderator"])

    response = client.post(
        url(model, "edit", own.pk),
        edit_form(sites["kidscan"], "Moved"),
    )

    assert response.status_code == 200
    assert "site" in response.context["form"].errors
    assert snapshot(model) == before


# --- The translation tool ----------------------------------------------------------------------


def start_translation(snippet, locale):
    """What "Translate" in the admin makes: a source, a translation and its target."""
    from wagtail_localize.models import Translation, TranslationSource

    source, _ = TranslationSource.get_or_create_from_instance(snippet)
    translation = Translation.objects.create(source=source, target_locale=locale)
    translation.save_target()
    return translation


@pytest.mark.parametrize("model", TRANSLATABLE, **by_name)
def test_the_translation_tool_refuses_the_other_sites_snippet(client, sites, model):
    _english, spanish = content_locales()
    other = model.objects.get(site=sites["kidscan"])
    own = model.objects.get(site=sites["alliance"])
    translation = start_translation(other, spanish)
    segment = translation.source.stringsegment_set.first()
    before = snapshot(model)
    meta = model._meta
    client.force_login(sites["moderator"])

    submit = f"/admin/localize/submit/snippet/{meta.app_label}/{meta.model_name}/"
    assert client.get(submit + f"{own.pk}/").status_code == 200
    assert client.get(submit + f"{other.pk}/").status_code == 404
    assert client.post(submit + f"{other.pk}/", {"locales": [spanish.pk]}).status_code == 404
    assert client.get(f"/admin/localize/update/{translation.source.pk}/").status_code == 404
    assert (
        client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/").status_code
        == 404
    )
    if segment is not None:
        edit = f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"
        assert client.put(edit, "value=Taken").status_code == 404
    assert client.post(f"/admin/localize/translate/{translation.pk}/disable/").status_code == 404
    assert snapshot(model) == before
    assert translation.source.translations.get().enabled


# --- Adding, as an editor -------------------------------------------------------------------------


@pytest.mark.parametrize("model", [Topic, Person], **by_name)
def test_an_editors_add_form_offers_their_own_site_only(client, sites, model):
    client.force_login(sites["editor"])

    response = client.get(url(model, "add") + "?locale=en")

    field = response.context["form"].fields["site"]
    assert list(field.queryset) == [sites["alliance"]]
    assert response.context["form"].initial["site"] == sites["alliance"].pk


def test_an_editor_cannot_add_a_topic_to_the_other_site(client, sites):
    client.force_login(sites["editor"])
    add = url(Topic, "add") + "?locale=en"

    refused = client.post(add, {"site": sites["kidscan"].pk, "name": "Theirs", "slug": "theirs"})
    added = client.post(add, {"site": sites["alliance"].pk, "name": "Ours", "slug": "ours"})

    assert refused.status_code == 200
    assert "site" in refused.context["form"].errors
    assert not Topic.objects.filter(name="Theirs").exists()
    assert added.status_code == 302
    assert Topic.objects.get(name="Ours").site == sites["alliance"]


def test_an_editor_cannot_edit_the_other_sites_topic(client, sites):
    """The report's case: a KidsCAN editor changing the Alliance's "Community input" topic."""
    other = Topic.objects.get(site=sites["kidscan"])
    client.force_login(sites["editor"])

    response = client.post(
        url(Topic, "edit", other.pk),
        {"site": sites["kidscan"].pk, "name": "Renamed", "slug": "renamed"},
    )

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.name == f"{KIDSCAN} topic"


# --- The page editor ------------------------------------------------------------------------------


def test_the_page_editor_offers_only_the_pages_own_sites_topics_and_people(client, sites):
    client.force_login(sites["editor"])

    response = client.get(f"/admin/pages/{sites['article'].pk}/edit/")

    form = response.context["form"]
    assert [topic.site for topic in form.fields["topics"].queryset] == [sites["alliance"]]
    # A new author row, as "Add author" makes it, offers the Alliance's people only.
    new_author = form.formsets["authors"].empty_form
    assert {person.site for person in new_author.fields["person"].queryset} == {sites["alliance"]}
    text = response.content.decode()
    assert f"{ALLIANCE} topic" in text
    assert f"{KIDSCAN} topic" not in text
    assert f"{KIDSCAN} person" not in text


def test_a_page_cannot_be_filed_under_the_other_sites_topic(client, sites):
    other = Topic.objects.get(site=sites["kidscan"])
    client.force_login(sites["editor"])
    news = sites["article"].get_parent()

    response = client.post(
        f"/admin/pages/add/articles/articlepage/{news.pk}/",
        {
            "title": "Filed elsewhere",
            "slug": "filed-elsewhere",
            "publication_date": "2026-12-04",
            "summary": "A summary.",
            "topics": [other.pk],
            "body-count": "0",
            "authors-TOTAL_FORMS": "0",
            "authors-INITIAL_FORMS": "0",
            "authors-MIN_NUM_FORMS": "0",
            "authors-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 200
    assert "topics" in response.context["form"].errors
    assert not ArticlePage.objects.filter(slug="filed-elsewhere").exists()


# --- What belongs to every site at once: superusers only -----------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "/admin/settings/pages/sitesettings/{kidscan}/",
        "/admin/settings/pages/sitesettings/{alliance}/",
        "/admin/redirects/",
        "/admin/sites/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/workflows/list/",
    ],
)
@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_installation_wide_settings_are_closed_to_a_sites_staff(client, sites, address, role):
    """Site settings, redirects, sites, users, groups and workflows."""
    from pages.models import SiteSettings

    address = address.format(alliance=sites["alliance"].pk, kidscan=sites["kidscan"].pk)
    before = snapshot(SiteSettings)
    client.force_login(sites[role])

    shown = client.get(address)
    posted = client.post(address, {"organization_name": "Taken over"})

    assert refused(shown), (address, shown.status_code)
    assert refused(posted), (address, posted.status_code)
    assert snapshot(SiteSettings) == before


# --- The dashboard --------------------------------------------------------------------------------


def test_the_dashboard_counts_the_editors_own_sites_pages_in_both_languages(client, sites):
    from wagtail_localize.synctree import synchronize_tree

    english, spanish = content_locales()
    synchronize_tree(english, spanish)
    set_up_all_sites()  # the Spanish home pages join each site's roles
    client.force_login(sites["editor"])

    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")

    summary = " ".join(dashboard.select_one(".w-summary").get_text().split())
    # Home, news and one article, in English and Spanish; none of KidsCAN's.
    assert "6 Pages" in summary, summary


# --- Bulk actions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("model", [Topic, Region, Person], **by_name)
def test_a_bulk_delete_removes_only_the_own_sites_objects(client, sites, model):
    """Even a group given Django's delete permission deletes its own site's objects only."""
    moderators = sites["moderator"].groups.get()
    moderators.permissions.add(
        Permission.objects.get(
            content_type__app_label=model._meta.app_label,
            codename=f"delete_{model._meta.model_name}",
        )
    )
    own = model.objects.get(site=sites["alliance"])
    other = model.objects.get(site=sites["kidscan"])
    client.force_login(sites["moderator"])
    meta = model._meta
    bulk = f"/admin/bulk/{meta.app_label}/{meta.model_name}/delete/?id={own.pk}&id={other.pk}"

    confirm = client.get(bulk)
    client.post(bulk)

    assert confirm.status_code == 200
    # The other site's object is not even named on the confirmation page.
    assert str(own) in confirm.content.decode()
    assert str(other) not in confirm.content.decode()
    assert not model.objects.filter(pk=own.pk).exists()
    assert model.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("model", [Topic, Region, Person], **by_name)
def test_a_bulk_delete_of_everything_listed_is_the_own_sites_only(client, sites, model):
    moderators = sites["moderator"].groups.get()
    moderators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label=model._meta.app_label,
            codename=f"delete_{model._meta.model_name}",
        )
    )
    client.force_login(sites["moderator"])
    meta = model._meta
    bulk = f"/admin/bulk/{meta.app_label}/{meta.model_name}/delete/?id=all"

    confirm = client.get(bulk)
    client.post(bulk)

    assert str(model.objects.get(site=sites["kidscan"])) not in confirm.content.decode()
    assert not model.objects.filter(site=sites["alliance"]).exists()
    assert model.objects.filter(site=sites["kidscan"]).count() == 1


def test_a_bulk_delete_naming_only_another_sites_objects_is_not_found(client, sites):
    other = Topic.objects.get(site=sites["kidscan"])
    client.force_login(sites["moderator"])

    response = client.get(f"/admin/bulk/taxonomy/topic/delete/?id={other.pk}")

    assert response.status_code == 404
    assert Topic.objects.filter(pk=other.pk).exists()
