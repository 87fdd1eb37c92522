"""How many SQL queries a page costs when it is not served whole from the page cache.

Two promises:

- Budget: the home page, the news index, an article, a story and a topic
  page each run at most their budget of queries on a page-cache miss, on both
  organizations' sites and in both languages, once the parts every page of a
  site shares (header menu, footer, logo, addresses of the home and news
  pages) are in the content cache, as they are in production after the first
  visit.
- Scale: that number is the same whether the site has 10 articles or 1,000.

The module builds its own two sites, filled as the demo fills them (pictures,
topics, authors, people in stories, menus, footers, Spanish translations), so
the budget is checked in the quick test loop; `tools/bench/queries.py` prints the
same counts for the demo itself, warm and cold.
"""

import datetime
import re
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page
from wagtail.rich_text import RichText

import pytest

from articles.models import ArticleAuthor, ArticlePage
from demo.page_types import address_of, page_of_each_type
from navigation.models import Footer, MainMenu
from pages.models import SiteSettings
from stories.models import StorySubject
from tests.campaign_factories import take_action_pages_in_two_languages
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    link_to,
    make_article,
    make_document,
    make_image,
    make_issue,
    make_issue_index,
    make_news_index,
    make_person,
    make_private,
    make_report,
    make_report_index,
    make_site,
    make_standard,
    make_story,
    make_story_index,
    make_topic,
    translate_page,
    translate_snippet,
)
from tests.legislation_factories import add_bill_tracker_for_budget
from tests.shared_demo import clear_caches

pytestmark = pytest.mark.django_db

# At most 12 queries for every page type, on a page-cache miss.
# Where they go (tools/bench/queries.py prints them per page): Wagtail's own
# routing finds the site, the Locale being read and the home page in it (3 or 4,
# through public APIs only), BasePage.route reads the rest of the address and
# the page (2, routing/router.py), then the page's own content: its listings,
# topics, authors, the languages it exists in.
QUERY_BUDGET = dict.fromkeys(["home", "news index", "article", "story", "topic"], 12)
# The bill tracker's pages, held to the same budget.
BILL_QUERY_BUDGET = dict.fromkeys(["bill tracker", "bill"], 12)
# Take-action pages too: the form, the list, a closed action, the thank-you page.
TAKE_ACTION_QUERY_BUDGET = dict.fromkeys(
    ["index", "action", "action choosing one", "closed action", "thank-you"], 12
)


ALLIANCE = "localhost"
KIDSCAN = "kidscan.localhost"


# --- Two organizations' sites, in English and Spanish ------------------------


def menu_links(*pages):
    return [("link", link_to(page)) for page in pages]


# Bodies shaped as the demo's are. A block that chooses a picture or a page
# reads it when the page is built (a query per block), so a budget holds for
# bodies of a given shape: these are the demo's, where the budget was set.


def article_body(words):
    """Text and a key figure, as the demo's articles have."""
    return [
        ("paragraph", RichText(f"<p>{words}</p><p>What it means for schools.</p>")),
        ("statistic", {"figure": "4,000+", "label": "New Mexicans took part", "source": words}),
    ]


def story_body(words):
    """Text and somebody's own words, as the demo's stories have."""
    return [
        ("paragraph", RichText(f"<p>{words}</p>")),
        ("quote", {"quote": "The kids decided what we read.", "attribution": "A teacher"}),
    ]


def home_body(button_to, cards_to, report, issues):
    """A button, cards linking into the site, a featured report and issues, as the demo's have."""
    return [
        (
            "call_to_action",
            {
                "heading": "Have your say",
                "text": "Before the plan is final.",
                "link": link_to(button_to),
            },
        ),
        (
            "card_list",
            {
                "heading": "Believe in Better",
                "intro": "",
                "numbered": True,
                "cards": [
                    {"title": page.title, "text": "Read more.", "link": link_to(page)}
                    for page in cards_to
                ],
            },
        ),
        ("featured_report", {"report": report, "label": ""}),
        ("issue_list", {"heading": "Important issues", "intro": "", "issues": issues}),
    ]


def build_site_in_two_languages(hostname, name, default):
    """A site filled as the demo's are: every budgeted page type, in English and Spanish.

    Three articles and two stories, each with a picture, topics and named
    people; a home page with a hero picture, a button, cards, a featured report
    and three issues; a header menu, a
    footer, a logo and a privacy page; and all of it translated, the topics,
    people, menu and footer included, with Spanish links leading to Spanish
    pages.
    """
    _english, spanish = content_locales()
    prefix = hostname.split(".")[0]
    site = make_site(
        hostname=hostname,
        name=name,
        default=default,
        hero_text="Every child, the best education.",
        hero_image=make_image(title=f"{name} hero"),
    )
    home = site.root_page.specific
    topics = [
        make_topic(
            name=f"{name} ESSA", slug=f"{prefix}-essa", description="The federal law.", site=site
        ),
        make_topic(
            name=f"{name} forums",
            slug=f"{prefix}-forums",
            description="Public meetings.",
            site=site,
        ),
    ]
    spanish_topics = [("Ley ESSA", "ley-essa", "La ley federal."), ("Foros", "foros", "Reuniones.")]
    for topic, (spanish_name, spanish_slug, description) in zip(
        topics, spanish_topics, strict=True
    ):
        translate_snippet(
            topic,
            spanish,
            name=f"{name} {spanish_name}",
            slug=f"{prefix}-{spanish_slug}",
            description=description,
        )
    people = [
        make_person(name=name, role="Policy team", site=site),
        make_person(name="Marisol", role="Fourth-grade teacher", site=site),
    ]
    translate_snippet(people[0], spanish, role="Equipo de políticas")
    translate_snippet(people[1], spanish, role="Maestra de cuarto grado")

    about = make_standard(home, title="About us", slug="about", show_in_menus=True)
    privacy = make_standard(home, title="Privacy", slug="privacy")
    news = make_news_index(home, title="News", slug="news", show_in_menus=True)
    articles = [
        make_article(
            news,
            title=f"Article {number}",
            slug=f"article-{number}",
            publication_date=datetime.date(2024, 1, number),
            image=make_image(),
            topics=topics[: 1 + number % 2],
            authors=[
                ArticleAuthor(person=person, sort_order=position)
                for position, person in enumerate(people[: 1 + number % 2])
            ],
            body=article_body(f"Article {number}."),
        )
        for number in (1, 2, 3)
    ]
    stories_index = make_story_index(home, title="Stories", slug="stories", show_in_menus=True)
    stories = [
        make_story(
            stories_index,
            title=f"Story {number}",
            slug=f"story-{number}",
            pull_quote="We turned the club into a library.",
            image=make_image(),
            topics=topics[:1],
            subjects=[StorySubject(person=people[1], sort_order=0)],
            body=story_body(f"Story {number}."),
        )
        for number in (1, 2)
    ]
    reports = make_report_index(home, title="Reports", slug="reports")
    document = make_document()
    # Its size recorded, as an upload through the admin does; otherwise Wagtail
    # saves it on first display, and that save retires the content cache.
    document.get_file_size()
    report = make_report(
        reports,
        title=f"{name} parent survey",
        slug="parent-survey",
        image=make_image(),
        document=document,
    )
    issue_index = make_issue_index(home, title="Issues", slug="issues")
    issues = [
        make_issue(issue_index, topics[0], title=f"Issue {number}", slug=f"issue-{number}")
        for number in (1, 2, 3)
    ]
    home.hero_link_page = about
    home.body = home_body(articles[0], [about, *articles], report, issues)
    home.save_revision().publish()
    SiteSettings.objects.filter(site=site).update(
        logo=make_image(title=f"{name} logo", size=(300, 300)),
        privacy_page=privacy,
        contact_email="info@example.org",
        facebook_url="https://www.facebook.com/",
    )
    english_menu = MainMenu.objects.create(
        site=site, locale=home.locale, links=menu_links(about, news)
    )
    english_footer = Footer.objects.create(
        site=site, locale=home.locale, tagline="Better schools, together.", links=menu_links(about)
    )

    spanish_home = translate_page(home, spanish, title="Inicio", hero_heading="Bienvenidos")
    spanish_about = translate_page(about, spanish, title="Quiénes somos", slug="quienes")
    translate_page(privacy, spanish, title="Privacidad", slug="privacidad")
    spanish_news = translate_page(news, spanish, title="Noticias", slug="noticias")
    spanish_articles = [
        translate_page(
            article,
            spanish,
            title=f"Artículo {number}",
            slug=f"articulo-{number}",
            body=article_body(f"Artículo {number}."),
        )
        for number, article in enumerate(articles, start=1)
    ]
    translate_page(stories_index, spanish, title="Historias", slug="historias")
    for number, story in enumerate(stories, start=1):
        translate_page(
            story,
            spanish,
            title=f"Historia {number}",
            slug=f"historia-{number}",
            body=story_body(f"Historia {number}."),
        )
    translate_page(reports, spanish, title="Informes", slug="informes")
    translate_page(report, spanish, title="Encuesta a padres", slug="encuesta-a-padres")
    translate_page(issue_index, spanish, title="Temas", slug="temas")
    for number, issue in enumerate(issues, start=1):
        translate_page(issue, spanish, title=f"Tema {number}", slug=f"tema-{number}")
    # Its sections were translated below it since: publishing keeps the tree as it is now.
    spanish_home.refresh_from_db()
    spanish_home.hero_link_page = spanish_about
    # The report and issues chosen in English, as a translation keeps them: shown in Spanish.
    spanish_home.body = home_body(
        spanish_articles[0], [spanish_about, *spanish_articles], report, issues
    )
    spanish_home.save_revision().publish()
    translate_snippet(english_menu, spanish, links=menu_links(spanish_about, spanish_news))
    translate_snippet(
        english_footer,
        spanish,
        tagline="Mejores escuelas, juntos.",
        links=menu_links(spanish_about),
    )
    return {"site": site, "articles": articles}


def build_two_sites_in_two_languages():
    return {
        ALLIANCE: build_site_in_two_languages(ALLIANCE, "Learning Alliance", default=True),
        KIDSCAN: build_site_in_two_languages(KIDSCAN, "KidsCAN", default=False),
    }


two_sites_for_the_module = built_once_per_module(build_two_sites_in_two_languages)


@pytest.fixture
def two_sites(two_sites_for_the_module):
    """{host: its site's rows}: the Alliance at localhost and KidsCAN at kidscan.localhost."""
    return fresh_copies(two_sites_for_the_module)


# --- The budget per page type --------------------------------------------------


def queries_on_a_miss(client, host, path, warm_with):
    """(queries, response) for `path` on a page-cache miss, the shared parts already cached.

    The caches are emptied first. Another page of the site and language then
    fills the shared parts, as any visit does in production. The page itself
    is asked once with a query string the page cache keys apart, so its
    pictures' renditions exist (Wagtail keeps them in their own cache, which
    publishing does not empty); the plain address is then a miss: the cost
    of building the page.
    """
    clear_caches()
    assert client.get(warm_with, HTTP_HOST=host).status_code == 200
    assert client.get(path, {"renditions": "made"}, HTTP_HOST=host).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (path, response.status_code)
    # Measured on a miss, never on a copy served whole.
    assert response.get("X-Page-Cache") in (None, "miss")
    return len(queries), response


@pytest.mark.parametrize("language_code", ["en", "es"])
@pytest.mark.parametrize("hostname", [ALLIANCE, KIDSCAN])
def test_pages_stay_within_their_query_budget(client, two_sites, hostname, language_code):
    with translation.override(language_code):
        pages = page_of_each_type(hostname, language_code)
    # Both sites are built with every budgeted page type.
    assert set(pages) == set(QUERY_BUDGET)
    if language_code == "es":
        assert all(path.startswith("/es/") for path in pages.values())

    over_budget = {}
    with override_settings(CONTENT_CACHE_ENABLED=True):
        for kind, path in pages.items():
            # Another page of the same site and language warms the shared parts.
            warm_with = pages["news index"] if kind == "home" else pages["home"]
            count, _response = queries_on_a_miss(client, hostname, path, warm_with)
            if count > QUERY_BUDGET[kind]:
                over_budget[f"{kind} {path}"] = count
    assert over_budget == {}, f"queries over budget on {hostname}: {over_budget}"


def without_per_request_values(content):
    """The page as a visitor reads it, minus what differs per response (nonces, CSRF tokens)."""
    content = re.sub(rb' nonce="[^"]*"', b"", content)
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)


@pytest.mark.parametrize("language_code", ["en", "es"])
@pytest.mark.parametrize("hostname", [ALLIANCE, KIDSCAN])
def test_cached_shared_parts_change_nothing_a_visitor_sees(
    client, two_sites, hostname, language_code
):
    """Each page is the same, byte for byte, built from cached shared parts or from the database."""
    with translation.override(language_code):
        pages = page_of_each_type(hostname, language_code)
    assert set(pages) == set(QUERY_BUDGET)
    for kind, path in pages.items():
        clear_caches()
        with override_settings(CONTENT_CACHE_ENABLED=False):
            from_database = client.get(path, HTTP_HOST=hostname)
        warm_with = pages["news index"] if kind == "home" else pages["home"]
        with override_settings(CONTENT_CACHE_ENABLED=True):
            _count, from_shared_parts = queries_on_a_miss(client, hostname, path, warm_with)
        assert from_database.status_code == 200
        assert without_per_request_values(from_shared_parts.content) == (
            without_per_request_values(from_database.content)
        ), f"{kind} {path} differs with content caching on"


@pytest.mark.parametrize("language_code", ["en", "es"])
@pytest.mark.parametrize("hostname", [ALLIANCE, KIDSCAN])
def test_bill_tracker_pages_stay_within_their_budget_and_the_same_with_caching_on(
    client, two_sites, hostname, language_code
):
    pages = add_bill_tracker_for_budget(two_sites[hostname]["site"])[language_code]
    with translation.override(language_code):
        home = page_of_each_type(hostname, language_code)["home"]
    over_budget = {}
    for kind, path in pages.items():
        clear_caches()
        with override_settings(CONTENT_CACHE_ENABLED=False):
            from_database = client.get(path, HTTP_HOST=hostname)
        with override_settings(CONTENT_CACHE_ENABLED=True):
            count, from_shared_parts = queries_on_a_miss(client, hostname, path, home)
        if count > BILL_QUERY_BUDGET[kind]:
            over_budget[f"{kind} {path}"] = count
        assert without_per_request_values(from_shared_parts.content) == (
            without_per_request_values(from_database.content)
        ), f"{kind} {path} differs with content caching on"
    assert over_budget == {}, f"queries over budget on {hostname}: {over_budget}"


@pytest.mark.parametrize("language_code", ["en", "es"])
@pytest.mark.parametrize("hostname", [ALLIANCE, KIDSCAN])
def test_take_action_pages_stay_within_their_budget_and_the_same_with_caching_on(
    client, two_sites, hostname, language_code
):
    built = take_action_pages_in_two_languages(two_sites[hostname]["site"])
    pages = {kind: address_of(versions[language_code]) for kind, versions in built.items()}
    pages["thank-you"] = pages["action"] + "thank-you/"
    with translation.override(language_code):
        home = page_of_each_type(hostname, language_code)["home"]
    over_budget = {}
    for kind, path in pages.items():
        clear_caches()
        with override_settings(CONTENT_CACHE_ENABLED=False):
            from_database = client.get(path, HTTP_HOST=hostname)
        with override_settings(CONTENT_CACHE_ENABLED=True):
            count, from_shared_parts = queries_on_a_miss(client, hostname, path, home)
        if count > TAKE_ACTION_QUERY_BUDGET[kind]:
            over_budget[f"{kind} {path}"] = count
        # The form's fill-time token is new in every response, like the CSRF token.
        shown = [
            re.sub(rb'name="form-started" value="[^"]*"', b"", without_per_request_values(page))
            for page in (from_shared_parts.content, from_database.content)
        ]
        assert shown[0] == shown[1], f"{kind} {path} differs with content caching on"
    assert over_budget == {}, f"queries over budget on {hostname}: {over_budget}"


def test_a_page_made_private_asks_for_its_password_at_once(client, two_sites):
    """Where restrictions lie is cached; making a page private retires that at once."""
    article = two_sites[ALLIANCE]["articles"][0]
    path = address_of(article)
    host = article.get_site().hostname
    with override_settings(CONTENT_CACHE_ENABLED=True):
        clear_caches()
        before = client.get(path, HTTP_HOST=host)
        make_private(article, password="only-members")
        with_caching = client.get(path, HTTP_HOST=host)
    clear_caches()
    with override_settings(CONTENT_CACHE_ENABLED=False):
        without_caching = client.get(path, HTTP_HOST=host)
    assert b'name="password"' not in before.content
    assert b'name="password"' in with_caching.content  # Wagtail's password form
    assert without_per_request_values(with_caching.content) == (
        without_per_request_values(without_caching.content)
    )


# --- The same cost with 10 or 1,000 articles ---------------------------------

SCALE_KINDS = ["home", "news index", "article", "topic"]
SCALE_HOST = "scale.localhost"


def add_published_articles(index, count, topics, image):
    """`count` live articles below `index`, written straight to the tree.

    Wagtail's add_child plus a revision and a publish per article would take
    minutes for a thousand; these rows are what publishing leaves in the
    tables a visitor's page reads (tree path and depth, url_path, live,
    dates, topics), made with treebeard's own path arithmetic.
    """
    index = Page.objects.get(pk=index.pk)  # fresh numchild
    content_type = ContentType.objects.get_for_model(ArticlePage)
    last_child = index.get_last_child()
    next_number = (Page._str2int(last_child.path[-Page.steplen :]) + 1) if last_child else 1
    published = datetime.datetime(2023, 1, 1, tzinfo=datetime.UTC)
    for offset in range(count):
        slug = f"bulk-article-{next_number + offset}"
        article = ArticlePage(
            title=f"Bulk article {next_number + offset}",
            draft_title=f"Bulk article {next_number + offset}",
            slug=slug,
            summary="Written in bulk for the scale test.",
            publication_date=datetime.date(2023, 1, 1) + datetime.timedelta(days=offset % 300),
            image=image,
            path=Page._get_path(index.path, index.depth + 1, next_number + offset),
            depth=index.depth + 1,
            numchild=0,
            url_path=f"{index.url_path}{slug}/",
            content_type=content_type,
            locale_id=index.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            first_published_at=published,
            last_published_at=published,
        )
        article.save()
        article.topics.set(topics)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)


@pytest.fixture
def growing_site():
    # On a host of its own, apart from the two sites the other tests share.
    site = make_site(hostname=SCALE_HOST, name="Scale Test", default=False, news_count=8)
    index = make_news_index(site.root_page)
    stories = make_story_index(site.root_page)
    topic = make_topic(name="Scale ESSA", slug="scale-essa", site=site)
    image = make_image()
    for _ in range(10):
        make_article(index, topics=[topic], image=image)
    make_story(stories, topics=[topic])
    article = ArticlePage.objects.child_of(index).first()
    return {
        "index": index,
        "topic": topic,
        "image": image,
        "paths": {
            "home": "/",
            "news index": address_of(index),
            "article": address_of(article),
            "topic": address_of(index) + "topics/scale-essa/",
        },
    }


def counts_for(client, paths):
    counts = {}
    for kind in SCALE_KINDS:
        warm_with = paths["news index"] if kind == "home" else paths["home"]
        with override_settings(CONTENT_CACHE_ENABLED=True):
            counts[kind], _response = queries_on_a_miss(client, SCALE_HOST, paths[kind], warm_with)
    return counts


@pytest.mark.load
def test_query_counts_are_the_same_with_ten_or_a_thousand_articles(client, growing_site):
    few = counts_for(client, growing_site["paths"])
    add_published_articles(
        growing_site["index"], 990, [growing_site["topic"]], growing_site["image"]
    )
    assert ArticlePage.objects.live().child_of(growing_site["index"]).count() == 1000
    many = counts_for(client, growing_site["paths"])

    # The bulk articles really are listed: the newest is on the first page.
    listing = client.get(growing_site["paths"]["news index"], HTTP_HOST=SCALE_HOST)
    assert listing.status_code == 200
    assert b"?page=84" in listing.content  # 1,000 articles, 12 to a page
    assert many == few


def test_a_bulk_written_article_is_served_like_any_other(client, growing_site):
    """The scale test's shortcut makes real, routable, listed articles."""
    add_published_articles(growing_site["index"], 3, [growing_site["topic"]], growing_site["image"])
    newest = ArticlePage.objects.child_of(growing_site["index"]).order_by("-path").first()
    response = client.get(address_of(newest), HTTP_HOST=SCALE_HOST)
    assert response.status_code == 200
    assert newest.title.encode() in response.content
    assert b"Scale Test" in response.content
