"""What visitors see in listings and navigation: the news and story indexes and the home page."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale, Page

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.synctree import synchronize_tree

from home.models import HomeFeaturedStory
from tests.factories import (
    make_article,
    make_image,
    make_news_index,
    make_private,
    make_site,
    make_standard,
    make_story,
    make_story_index,
    make_topic,
)

pytestmark = pytest.mark.django_db

OTHER_HOST = "kidscan.localhost"

NEWS_CARDS = ".card-list .card__title"
STORY_CARDS = ".card-grid .card__title"
HOME_NEWS_CARDS = 'section[aria-labelledby="news-heading"] .card__title'
HOME_STORY_CARDS = 'section[aria-labelledby="stories-heading"] .card__title'


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def texts(response, selector):
    return [element.get_text(strip=True) for element in soup_of(response).select(selector)]


def set_first_published(page, when):
    """Pretend `page` was first published at `when`, as if published on another day."""
    Page.objects.filter(pk=page.pk).update(first_published_at=when)


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def two_sites():
    """The default site and a second organization's site, each with a news and a story index."""
    main = make_site(name="Learning Alliance Test")
    other = make_site(hostname=OTHER_HOST, name="KidsCAN Test", default=False)
    return {
        "main": main,
        "main_news": make_news_index(main.root_page),
        "main_stories": make_story_index(main.root_page),
        "other": other,
        "other_news": make_news_index(other.root_page),
        "other_stories": make_story_index(other.root_page),
    }


# --- The news index ---------------------------------------------------------------------------


def test_news_index_lists_articles_newest_publication_date_first(client, two_sites):
    """Readers see the newest article first; on one date the one published later comes first."""
    index = two_sites["main_news"]
    # Created in an order that neither creation order nor page id would sort correctly.
    newest_date = make_article(
        index, title="Newest date", publication_date=datetime.date(2024, 5, 1)
    )
    published_later = make_article(
        index, title="Same date, published later", publication_date=datetime.date(2024, 3, 1)
    )
    published_earlier = make_article(
        index, title="Same date, published earlier", publication_date=datetime.date(2024, 3, 1)
    )
    set_first_published(newest_date, days_ago(30))
    set_first_published(published_earlier, days_ago(20))
    set_first_published(published_later, days_ago(10))

    titles = texts(client.get(index.url), NEWS_CARDS)

    assert titles == [newest_date.title, published_later.title, published_earlier.title]


def test_news_index_hides_drafts_private_and_other_sites_articles(client, two_sites):
    """Only published, public articles of this site are listed: no drafts, private or other news."""
    index = two_sites["main_news"]
    public = make_article(index, title="Public article")
    draft = make_article(index, title="Draft article", live=False)
    private = make_article(index, title="Private article")
    make_private(private)
    elsewhere = make_article(two_sites["other_news"], title="Other site's article")

    titles = texts(client.get(index.url), NEWS_CARDS)

    assert titles == [public.title]
    assert draft.title not in titles
    assert private.title not in titles
    assert elsewhere.title not in titles


def test_other_sites_news_index_lists_only_its_own_articles(client, two_sites):
    """The second organization's news page lists its own articles and none of the first site's."""
    make_article(two_sites["main_news"], title="Alliance news")
    own = make_article(two_sites["other_news"], title="KidsCAN news")

    url = two_sites["other_news"].relative_url(two_sites["other"])
    response = client.get(url, HTTP_HOST=OTHER_HOST)

    assert texts(response, NEWS_CARDS) == [own.title]


# --- The story index --------------------------------------------------------------------------


def test_story_index_lists_stories_newest_first(client, two_sites):
    """Stories appear with the most recently first-published one at the top."""
    index = two_sites["main_stories"]
    first, second, third = (make_story(index, title=f"Story {n}") for n in ("one", "two", "three"))
    set_first_published(first, days_ago(20))
    set_first_published(second, days_ago(10))
    set_first_published(third, days_ago(30))

    titles = texts(client.get(index.url), STORY_CARDS)

    assert titles == [second.title, first.title, third.title]


def test_story_index_hides_drafts_private_and_other_sites_stories(client, two_sites):
    """Only published, public stories of this site are listed."""
    index = two_sites["main_stories"]
    public = make_story(index, title="Public story")
    draft = make_story(index, title="Draft story", live=False)
    private = make_story(index, title="Private story")
    make_private(private)
    elsewhere = make_story(two_sites["other_stories"], title="Other site's story")

    titles = texts(client.get(index.url), STORY_CARDS)

    assert titles == [public.title]
    assert {draft.title, private.title, elsewhere.title}.isdisjoint(titles)


# --- The home page ----------------------------------------------------------------------------


def test_home_page_shows_latest_articles_of_its_own_site_newest_first(client, two_sites):
    """The home page's news section lists this site's public articles, newest first."""
    index = two_sites["main_news"]
    older = make_article(index, title="Older news", publication_date=datetime.date(2023, 1, 1))
    newer = make_article(index, title="Newer news", publication_date=datetime.date(2024, 1, 1))
    make_article(index, title="Draft news", live=False, publication_date=datetime.date(2025, 1, 1))
    private = make_article(index, title="Private news", publication_date=datetime.date(2025, 1, 2))
    make_private(private)
    make_article(
        two_sites["other_news"],
        title="Other site's news",
        publication_date=datetime.date(2025, 1, 3),
    )

    titles = texts(client.get("/"), HOME_NEWS_CARDS)

    assert titles == [newer.title, older.title]


def test_home_page_news_count_limits_the_articles_shown(client, two_sites):
    """An editor's 'how many articles' setting caps the home page's news at the newest ones."""
    home = two_sites["main"].root_page.specific
    home.news_count = 2
    home.save_revision().publish()
    index = two_sites["main_news"]
    articles = [
        make_article(
            index, title=f"News from day {day}", publication_date=datetime.date(2024, 1, day)
        )
        for day in (1, 2, 3, 4)
    ]
    newest_first = sorted(articles, key=lambda article: article.publication_date, reverse=True)

    titles = texts(client.get("/"), HOME_NEWS_CARDS)

    assert titles == [article.title for article in newest_first[: home.news_count]]


def test_home_page_without_chosen_stories_shows_the_newest_three(client, two_sites):
    """With no stories chosen, the home page features the three most recently published stories."""
    index = two_sites["main_stories"]
    stories = [make_story(index, title=f"Story {n}") for n in range(1, 6)]
    ages = [5, 40, 10, 30, 20]  # days since first published, not in creation order
    for story, age in zip(stories, ages, strict=True):
        set_first_published(story, days_ago(age))
    draft = make_story(index, title="Draft story", live=False)
    private = make_story(index, title="Private story")
    make_private(private)
    make_story(two_sites["other_stories"], title="Other site's story")
    by_age = sorted(zip(ages, stories, strict=True), key=lambda pair: pair[0])
    newest_three = [story for _, story in by_age][:3]

    titles = texts(client.get("/"), HOME_STORY_CARDS)

    assert titles == [story.title for story in newest_three]
    assert draft.title not in titles


def test_home_page_shows_chosen_stories_in_the_editors_order(client, two_sites):
    """Stories an editor picks for the home page appear in the order the editor put them."""
    index = two_sites["main_stories"]
    oldest = make_story(index, title="Oldest story")
    middle = make_story(index, title="Middle story")
    newest = make_story(index, title="Newest story")
    set_first_published(oldest, days_ago(30))
    set_first_published(middle, days_ago(20))
    set_first_published(newest, days_ago(10))
    home = two_sites["main"].root_page.specific
    home.featured_stories = [HomeFeaturedStory(story=oldest), HomeFeaturedStory(story=middle)]
    home.save_revision().publish()

    titles = texts(client.get("/"), HOME_STORY_CARDS)

    assert titles == [oldest.title, middle.title]


def test_home_page_chosen_stories_skip_private_drafts_and_other_sites(client, two_sites):
    """A chosen story that is private, unpublished or from another site is skipped; others stay."""
    index = two_sites["main_stories"]
    kept_second = make_story(index, title="Kept second")
    private = make_story(index, title="Chosen but private")
    kept_first = make_story(index, title="Kept first")
    unpublished = make_story(index, title="Chosen then unpublished")
    elsewhere = make_story(two_sites["other_stories"], title="Chosen from the other site")
    home = two_sites["main"].root_page.specific
    home.featured_stories = [
        HomeFeaturedStory(story=kept_first),
        HomeFeaturedStory(story=private),
        HomeFeaturedStory(story=elsewhere),
        HomeFeaturedStory(story=unpublished),
        HomeFeaturedStory(story=kept_second),
    ]
    home.save_revision().publish()
    make_private(private)
    unpublished.unpublish()

    titles = texts(client.get("/"), HOME_STORY_CARDS)

    assert titles == [kept_first.title, kept_second.title]


def test_other_sites_home_page_shows_only_its_own_news_and_stories(client, two_sites):
    """The second organization's home page features its own articles and stories only."""
    make_article(two_sites["main_news"], title="Alliance article")
    make_story(two_sites["main_stories"], title="Alliance story")
    own_article = make_article(two_sites["other_news"], title="KidsCAN article")
    own_story = make_story(two_sites["other_stories"], title="KidsCAN story")

    response = client.get("/", HTTP_HOST=OTHER_HOST)

    assert texts(response, HOME_NEWS_CARDS) == [own_article.title]
    assert texts(response, HOME_STORY_CARDS) == [own_story.title]


# --- Navigation -------------------------------------------------------------------------------


def menu_titles(response):
    return texts(response, ".site-header .main-menu a")


def test_page_shown_in_menus_appears_in_its_own_sites_header_only(client, two_sites):
    """A page ticked 'Show in menus' is in its own site's header menu, not the other site's."""
    home = two_sites["main"].root_page
    in_menu = make_standard(home, title="Get involved", show_in_menus=True)
    not_in_menu = make_standard(home, title="Not in the menu", show_in_menus=False)
    draft = make_standard(home, title="Draft menu page", show_in_menus=True, live=False)
    private = make_standard(home, title="Private menu page", show_in_menus=True)
    make_private(private)

    main_menu = menu_titles(client.get("/"))
    other_menu = menu_titles(client.get("/", HTTP_HOST=OTHER_HOST))

    assert in_menu.title in main_menu
    assert {not_in_menu.title, draft.title, private.title}.isdisjoint(main_menu)
    assert in_menu.title not in other_menu


def test_menu_marks_the_section_being_read(client, two_sites):
    """On a page in the menu, its menu link is marked as the current page."""
    page = make_standard(two_sites["main"].root_page, title="Get involved", show_in_menus=True)

    soup = soup_of(client.get(page.url))

    current_links = soup.select('.main-menu a[aria-current="page"]')
    current = [link.get_text(strip=True) for link in current_links]
    assert current == [page.title]


def test_menu_marks_the_section_of_a_page_below_it_without_calling_it_the_page(client, two_sites):
    """Screen readers hear 'current' for the section, and 'current page' only for the page."""
    section = make_standard(two_sites["main"].root_page, title="Get involved", show_in_menus=True)
    child = make_standard(section, title="Volunteer")

    soup = soup_of(client.get(child.url))

    assert soup.select('.main-menu a[aria-current="page"]') == []
    marked = soup.select('.main-menu a[aria-current="true"]')
    assert [link.get_text(strip=True) for link in marked] == [section.title]


def test_breadcrumbs_show_the_trail_on_a_page_below_home(client, two_sites):
    """A page two levels down shows breadcrumbs from Home through its parent to itself."""
    parent = make_standard(two_sites["main"].root_page, title="About us")
    child = make_standard(parent, title="Our team")

    soup = soup_of(client.get(child.url))

    trail = [link.get_text(strip=True) for link in soup.select("nav.breadcrumbs a")]
    assert trail == ["Home", parent.title, child.title]


def test_no_breadcrumbs_on_the_home_page(client, two_sites):
    """The home page has no breadcrumb trail, though pages below it do."""
    page = make_standard(two_sites["main"].root_page, title="About us")

    home_soup = soup_of(client.get("/"))
    page_soup = soup_of(client.get(page.url))

    assert home_soup.select("nav.breadcrumbs") == []
    assert len(page_soup.select("nav.breadcrumbs")) == 1


# --- Query counts -----------------------------------------------------------------------------


def add_articles(index, count, topics):
    for _ in range(count):
        make_article(index, topics=topics, image=make_image())


def queries_for(client, url):
    """SQL queries a repeat visit to `url` runs, once image renditions exist."""
    assert client.get(url).status_code == 200  # make the renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.load
@pytest.mark.parametrize("page_kind", ["news index", "home page"])
def test_query_count_does_not_grow_with_the_number_of_articles(client, page_kind):
    """A listing of 50 illustrated, tagged articles costs as many database queries as one of 5."""
    site = make_site(news_count=8)  # more than 5, so the home page shows more cards with 50
    index = make_news_index(site.root_page)
    stories = make_story_index(site.root_page)
    for _ in range(3):
        make_story(stories, image=make_image())
    topics = [make_topic(name="ESSA"), make_topic(name="Surveys")]
    url = index.url if page_kind == "news index" else "/"
    selector = NEWS_CARDS if page_kind == "news index" else HOME_NEWS_CARDS

    add_articles(index, 5, topics)
    few, few_response = queries_for(client, url)
    add_articles(index, 45, topics)
    many, many_response = queries_for(client, url)

    # The larger listing really shows more cards, with their images and topics.
    assert len(texts(few_response, selector)) == 5
    assert len(texts(many_response, selector)) > 5
    assert "<img" in many_response.content.decode()
    assert "Surveys" in many_response.content.decode()
    assert many == few


@pytest.mark.load
def test_spanish_listing_query_count_does_not_grow_with_untranslated_articles(client):
    """Spanish news, mostly English twins labelled as such, costs the same with 5 or 50 articles."""
    english_locale, _ = Locale.objects.get_or_create(language_code="en")
    spanish_locale, _ = Locale.objects.get_or_create(language_code="es")
    site = make_site()
    index = make_news_index(site.root_page)
    topics = [make_topic(name="ESSA"), make_topic(name="Surveys")]
    add_articles(index, 5, topics)
    synchronize_tree(english_locale, spanish_locale)
    spanish_index_url = index.get_translation(spanish_locale).url

    few, few_response = queries_for(client, spanish_index_url)
    add_articles(index, 45, topics)
    synchronize_tree(english_locale, spanish_locale)
    many, many_response = queries_for(client, spanish_index_url)

    assert spanish_index_url.startswith("/es/")
    assert len(texts(many_response, NEWS_CARDS)) > len(texts(few_response, NEWS_CARDS)) == 5
    # Untranslated articles say which language their text is in.
    card_titles = soup_of(many_response).select(NEWS_CARDS)
    assert any(title.get("lang") == "en" for title in card_titles)
    assert many == few


def test_spanish_page_links_cost_the_same_however_many(client):
    """Card links chosen in English lead to the Spanish pages, at a fixed cost in queries."""
    english_locale, _ = Locale.objects.get_or_create(language_code="en")
    spanish_locale, _ = Locale.objects.get_or_create(language_code="es")
    site = make_site()
    targets = [make_standard(site.root_page, title=f"Target {n}") for n in range(12)]

    def page_linking_to(count):
        cards = [
            {"title": f"Card {n}", "text": "", "link": {"page": target, "url": "", "label": ""}}
            for n, target in enumerate(targets[:count])
        ]
        card_list = {"heading": "What we do", "intro": "", "numbered": False, "cards": cards}
        return make_standard(site.root_page, body=[("card_list", card_list)])

    few, many = page_linking_to(2), page_linking_to(12)
    synchronize_tree(english_locale, spanish_locale)
    few_url = few.get_translation(spanish_locale).url
    many_url = many.get_translation(spanish_locale).url

    few_queries, _ = queries_for(client, few_url)
    many_queries, response = queries_for(client, many_url)

    hrefs = [a["href"] for a in soup_of(response).select(".card-list-block__item a")]
    assert hrefs == [target.get_translation(spanish_locale).url for target in targets]
    assert all(href.startswith("/es/") for href in hrefs)
    assert many_queries == few_queries
