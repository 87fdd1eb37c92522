"""Where each page type may sit in the tree, and creating every type through the admin."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import escape

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from articles.models import ArticlePage, NewsIndexPage
from campaigns.models import ActionIndexPage, ActionPage
from events.models import EventIndexPage
from home.models import HomePage
from issues.models import IssueIndexPage, IssuePage
from legislation.models import BillIndexPage
from newsletter.models import NewsletterPage
from pages.blocks import RICH_TEXT_FEATURES
from pages.models import MissionPage, StandardPage, VisionPage
from partners.models import PartnerIndexPage
from reports.models import ReportIndexPage
from stories.models import StoryIndexPage, StoryPage
from surveys.models import SurveyPage
from tests.campaign_factories import make_action_index
from tests.factories import (
    make_mission,
    make_news_index,
    make_region,
    make_site,
    make_standard,
    make_story_index,
    make_topic,
    make_vision,
)

ALL_PAGE_TYPES = [
    HomePage,
    VisionPage,
    MissionPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    NewsIndexPage,
    ArticlePage,
]


def _add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def _mission_form_data(title, pillars):
    """The POST data of the mission page form, with `pillars` as the inline pillar forms."""
    return nested_form_data(
        {
            "title": title,
            "statement": "Schools that serve their communities.",
            "pillars_heading": "How we do it",
            "pillars": inline_formset(
                [
                    {
                        "title": pillar["title"],
                        "description": pillar.get("description", f"About {pillar['title']}."),
                        "link_page": pillar.get("link_page", ""),
                        "link_url": pillar.get("link_url", ""),
                    }
                    for pillar in pillars
                ]
            ),
            "body": streamfield([]),
        }
    )


class TestTreeRules(WagtailPageTestCase):
    """Which page types the admin's "Add child page" offers where."""

    def test_home_page_sits_at_the_root_and_holds_the_site_sections(self):
        """A home page is added at the top of the tree and offers the site's sections below it."""
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                VisionPage,
                MissionPage,
                StandardPage,
                StoryIndexPage,
                NewsIndexPage,
                EventIndexPage,
                ReportIndexPage,
                IssueIndexPage,
                SurveyPage,
                PartnerIndexPage,
                NewsletterPage,
                ActionIndexPage,
                BillIndexPage,
            },
        )
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_an_issue_page_sits_only_under_the_issues_list_and_has_no_children(self):
        """Issues are listed together; each issue page gathers, it does not hold pages."""
        self.assertAllowedParentPageTypes(IssueIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(IssueIndexPage, {IssuePage})
        self.assertAllowedParentPageTypes(IssuePage, {IssueIndexPage})
        self.assertAllowedSubpageTypes(IssuePage, set())

    def test_vision_page_sits_only_under_a_home_page_and_has_no_children(self):
        """The vision page is offered only under a home page and cannot hold other pages."""
        self.assertAllowedParentPageTypes(VisionPage, {HomePage})
        self.assertAllowedSubpageTypes(VisionPage, set())
        self.assertCanNotCreateAt(StandardPage, VisionPage)
        self.assertCanNotCreateAt(NewsIndexPage, VisionPage)

    def test_mission_page_sits_only_under_a_home_page_and_has_no_children(self):
        """The mission page is offered only under a home page and cannot hold other pages."""
        self.assertAllowedParentPageTypes(MissionPage, {HomePage})
        self.assertAllowedSubpageTypes(MissionPage, set())
        self.assertCanNotCreateAt(StandardPage, MissionPage)
        self.assertCanNotCreateAt(StoryIndexPage, MissionPage)

    def test_standard_page_nests_under_a_home_page_or_another_standard_page(self):
        """Plain pages go under the home page or under each other, and hold only plain pages."""
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(NewsIndexPage, StandardPage)
        self.assertCanNotCreateAt(StoryIndexPage, StandardPage)

    def test_story_index_sits_under_a_home_page_and_holds_only_stories(self):
        """The stories section is offered under a home page and only offers stories below it."""
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage})
        self.assertCanNotCreateAt(StoryIndexPage, ArticlePage)
        self.assertCanNotCreateAt(StoryIndexPage, StandardPage)

    def test_story_sits_only_in_a_story_index(self):
        """A story can only be added in the stories section, not under the home page or the news."""
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})
        self.assertAllowedSubpageTypes(StoryPage, set())
        self.assertCanNotCreateAt(HomePage, StoryPage)
        self.assertCanNotCreateAt(NewsIndexPage, StoryPage)
        self.assertCanNotCreateAt(StandardPage, StoryPage)

    def test_news_index_sits_under_a_home_page_and_holds_only_articles(self):
        """The news section is offered under a home page and only offers articles below it."""
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {ArticlePage})
        self.assertCanNotCreateAt(NewsIndexPage, StoryPage)
        self.assertCanNotCreateAt(NewsIndexPage, StandardPage)

    def test_article_sits_only_in_a_news_index(self):
        """An article can only be added in the news section, not under the home page or stories."""
        self.assertAllowedParentPageTypes(ArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(StoryIndexPage, ArticlePage)
        self.assertCanNotCreateAt(StandardPage, ArticlePage)

    def test_the_take_action_section_sits_under_a_home_page_and_holds_only_actions(self):
        """Actions are added in the take-action section, which sits under a home page."""
        self.assertAllowedParentPageTypes(ActionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ActionIndexPage, {ActionPage})
        self.assertAllowedParentPageTypes(ActionPage, {ActionIndexPage})
        self.assertAllowedSubpageTypes(ActionPage, set())

    def test_no_page_type_offers_a_bare_wagtail_page(self):
        """Editors are never offered Wagtail's untyped "Page" anywhere inside a site."""
        for model in ALL_PAGE_TYPES:
            self.assertCanNotCreateAt(model, Page)


SINGLETONS = [
    pytest.param(VisionPage, make_vision, id="vision"),
    pytest.param(MissionPage, make_mission, id="mission"),
    pytest.param(StoryIndexPage, make_story_index, id="story-index"),
    pytest.param(NewsIndexPage, make_news_index, id="news-index"),
    pytest.param(ActionIndexPage, make_action_index, id="action-index"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("model, make", SINGLETONS)
def test_singleton_is_one_per_home_page(model, make):
    """Once a site has this section it is not offered there again; another site can add its own."""
    site = make_site()
    other = make_site(hostname="other.localhost", name="Other Organization", default=False)
    home, other_home = site.root_page, other.root_page

    assert model.can_create_at(home)
    make(home)
    assert not model.can_create_at(home)
    assert model.can_create_at(other_home)

    make(other_home)
    assert not model.can_create_at(other_home)


@pytest.mark.django_db
@pytest.mark.parametrize("model, make", SINGLETONS)
def test_admin_refuses_a_second_singleton_under_the_same_home(client, model, make):
    """The admin's page-type menu drops a section the home already has, and its add form refuses."""
    site = make_site()
    other = make_site(hostname="other.localhost", name="Other Organization", default=False)
    home, other_home = site.root_page, other.root_page
    make(home)
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(admin)

    menu = client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk]))
    other_menu = client.get(reverse("wagtailadmin_pages:add_subpage", args=[other_home.pk]))
    assert _add_url(model, home) not in menu.content.decode()
    assert _add_url(model, other_home) in other_menu.content.decode()

    # Typing the address anyway sends the admin back to the dashboard instead of a form.
    refused = client.get(_add_url(model, home))
    assert refused.status_code == 302
    assert refused.url == reverse("wagtailadmin_home")
    assert client.get(_add_url(model, other_home)).status_code == 200


@pytest.mark.django_db
def test_standard_pages_are_not_limited_per_home_page():
    """Editors can add as many plain pages as they like under one home page."""
    home = make_site().root_page
    make_standard(home)
    make_standard(home)
    assert StandardPage.can_create_at(home)


class TestAdminCreatesPages(WagtailPageTestCase):
    """An admin fills in each page type's form in the Wagtail admin and publishes it."""

    def setUp(self):
        super().setUp()
        self.site = make_site()
        self.home = self.site.root_page
        admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
        self.client.force_login(admin)

    def test_create_home_page(self):
        """An admin can start a new organization's site by adding a home page at the root."""
        root = Page.get_first_root_node()
        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data(
                {
                    "title": "Second Alliance",
                    "hero_heading": "Every family heard",
                    "hero_text": "Parents shaping their schools.",
                    "hero_link_page": "",
                    "hero_link_label": "",
                    "body": streamfield([]),
                    "news_heading": "Recent articles and news",
                    "news_count": "4",
                    "stories_heading": "Stories",
                    "featured_stories": inline_formset([], max=6),
                }
            ),
        )
        home = HomePage.objects.get(slug="second-alliance")
        assert home.live
        assert home.get_parent().pk == root.pk
        assert home.hero_heading == "Every family heard"

    def test_create_vision_page(self):
        """An admin can add the vision page, with a heading in its body, under the home page."""
        self.assertCanCreate(
            self.home,
            VisionPage,
            nested_form_data(
                {
                    "title": "Our vision",
                    "statement": "Every child in New Mexico thrives.",
                    "body": streamfield([("heading", {"text": "Why it matters", "level": "h2"})]),
                }
            ),
        )
        page = VisionPage.objects.child_of(self.home).get(slug="our-vision")
        assert page.statement == "Every child in New Mexico thrives."
        assert [block.block_type for block in page.body] == ["heading"]
        assert page.body[0].value["text"] == "Why it matters"

    def test_create_mission_page_with_two_pillars(self):
        """An admin can add the mission page with two pillars, and they keep the order given."""
        self.assertCanCreate(
            self.home,
            MissionPage,
            _mission_form_data(
                "Our mission",
                [{"title": "Trustworthy Information"}, {"title": "Community Voice"}],
            ),
        )
        page = MissionPage.objects.child_of(self.home).get(slug="our-mission")
        assert [pillar.title for pillar in page.pillars.all()] == [
            "Trustworthy Information",
            "Community Voice",
        ]
        assert page.pillars.first().description == "About Trustworthy Information."

    def test_create_standard_page_under_home_and_under_another_standard_page(self):
        """An admin can add a plain page under the home page and another one inside it."""
        data = {
            "title": "About us",
            "introduction": "Who we are.",
            "body": streamfield(
                [("paragraph", rich_text("<p>We began in 2019.</p>", features=RICH_TEXT_FEATURES))]
            ),
        }
        self.assertCanCreate(self.home, StandardPage, nested_form_data(data))
        about = StandardPage.objects.child_of(self.home).get(slug="about-us")
        assert "We began in 2019." in str(about.body[0].value)

        self.assertCanCreate(about, StandardPage, nested_form_data({**data, "title": "Our board"}))
        assert StandardPage.objects.child_of(about).filter(slug="our-board").exists()

    def test_create_story_index_and_story(self):
        """An admin can add the stories section and then a story inside it."""
        self.assertCanCreate(
            self.home,
            StoryIndexPage,
            nested_form_data({"title": "Stories", "introduction": "Voices from across the state."}),
        )
        index = StoryIndexPage.objects.child_of(self.home).get(slug="stories")
        northwest = make_region("northwest", site=self.site)

        self.assertCanCreate(
            index,
            StoryPage,
            nested_form_data(
                {
                    "title": "A teacher in Gallup",
                    "subject": "A teacher",
                    "region": northwest.pk,
                    "pull_quote": "We teach in two languages.",
                    "image": "",
                    "subjects": inline_formset([]),
                    "body": streamfield([]),
                }
            ),
        )
        story = StoryPage.objects.child_of(index).get(slug="a-teacher-in-gallup")
        assert story.live
        assert story.region == northwest

    def test_create_news_index(self):
        """An admin can add the news section under the home page."""
        self.assertCanCreate(
            self.home,
            NewsIndexPage,
            nested_form_data({"title": "News", "introduction": "What we have been doing."}),
        )
        index = NewsIndexPage.objects.child_of(self.home).get(slug="news")
        assert index.introduction == "What we have been doing."

    def test_create_article_with_topic_and_paragraph(self):
        """An admin can publish an article filed under a topic, with a paragraph of text."""
        index = make_news_index(self.home)
        essa = make_topic("ESSA")
        make_topic("Community input")
        data = nested_form_data(
            {
                "title": "Forums announced",
                "publication_date": "2024-05-01",
                "summary": "Three forums across the state this spring.",
                "image": "",
                "authors": inline_formset([]),
                "body": streamfield(
                    [
                        (
                            "paragraph",
                            rich_text(
                                "<p>Come and tell the state what you think.</p>",
                                features=RICH_TEXT_FEATURES,
                            ),
                        )
                    ]
                ),
            }
        )
        # A multiple-choice field is a list of values, which nested_form_data would split up.
        data["topics"] = [str(essa.pk)]
        self.assertCanCreate(index, ArticlePage, data)

        article = ArticlePage.objects.child_of(index).get(slug="forums-announced")
        assert article.live
        assert list(article.topics.all()) == [essa]
        assert [block.block_type for block in article.body] == ["paragraph"]
        assert "Come and tell the state what you think." in str(article.body[0].value)
        assert str(article.publication_date) == "2024-05-01"


class TestMissionPillarLinks(WagtailPageTestCase):
    """A pillar links to a page on the site or to another website, never both."""

    def setUp(self):
        super().setUp()
        self.site = make_site()
        self.home = self.site.root_page
        admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
        self.client.force_login(admin)

    def test_pillar_with_page_and_url_is_rejected(self):
        """Giving a pillar both a page and an address shows an error and publishes nothing."""
        vision = make_vision(self.home)
        data = _mission_form_data(
            "Our mission",
            [
                {"title": "Community Voice"},
                {
                    "title": "Trustworthy Information",
                    "link_page": str(vision.pk),
                    "link_url": "https://example.org/trust",
                },
            ],
        )
        data["action-publish"] = "action-publish"

        response = self.client.post(_add_url(MissionPage, self.home), data)

        assert response.status_code == 200
        self.assertContains(response, "Choose a page or enter an address, not both.")
        pillar_errors = response.context["form"].formsets["pillars"].errors
        assert pillar_errors[0] == {}
        assert pillar_errors[1]["link_url"] == ["Choose a page or enter an address, not both."]
        assert not MissionPage.objects.exists()

    def test_pillar_with_only_a_url_shows_a_more_about_link(self):
        """Mission page visitors see "More about ..." linking to a pillar's outside address."""
        self.assertCanCreate(
            self.home,
            MissionPage,
            _mission_form_data(
                "Our mission",
                [
                    {"title": "Trustworthy Information", "link_url": "https://example.org/trust"},
                    {"title": "Community Voice"},
                ],
            ),
        )
        page = MissionPage.objects.get(slug="our-mission", alias_of__isnull=True)
        self.client.logout()

        response = self.client.get(page.url)

        self.assertContains(
            response,
            '<a href="https://example.org/trust">More about Trustworthy Information</a>',
            html=True,
        )
        self.assertNotContains(response, "More about Community Voice")

    def test_pillar_with_only_a_page_links_to_that_page(self):
        """A visitor sees "More about ..." linking to the site page a pillar was given."""
        vision = make_vision(self.home, title="Our vision")
        self.assertCanCreate(
            self.home,
            MissionPage,
            _mission_form_data(
                "Our mission", [{"title": "Community Voice", "link_page": str(vision.pk)}]
            ),
        )
        page = MissionPage.objects.get(slug="our-mission", alias_of__isnull=True)
        self.client.logout()

        response = self.client.get(page.url)

        self.assertContains(
            response, f'<a href="{vision.url}">More about Community Voice</a>', html=True
        )


# --- What editors read when they add a page ---------------------------------------------------


def test_every_page_type_tells_editors_in_one_line_what_it_is_for():
    descriptions = {
        model.__name__: model.get_page_description()
        for model in get_page_models()
        if model is not Page
    }

    assert all(descriptions.values()), [name for name, text in descriptions.items() if not text]
    assert all(len(text) <= 100 and "\n" not in text for text in descriptions.values())
    assert len(set(descriptions.values())) == len(descriptions)


@pytest.mark.django_db
def test_the_add_page_list_shows_each_types_description(client):
    site = make_site()
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "pw"))

    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[site.root_page.pk]))

    assert response.status_code == 200
    for model in (VisionPage, NewsIndexPage, SurveyPage, NewsletterPage):
        assert escape(model.get_page_description()) in response.content.decode()
