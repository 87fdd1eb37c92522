"""What search engines read as data (JSON-LD): the organization, news articles, breadcrumbs."""

import datetime
import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticleAuthor
from demo import content
from demo.loader import DemoLoader
from pages.models import SiteSettings
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_image,
    make_news_index,
    make_person,
    make_site,
    make_standard,
    make_vision,
    translate_page,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld_items(soup):
    """Every schema.org item the page declares, parsed as a search engine parses it."""
    items = []
    for element in soup.find_all("script", type="application/ld+json"):
        data = json.loads(element.string)
        assert data["@context"] == "https://schema.org"
        items.extend(data["@graph"])
    return items


def item_of_type(soup, schema_type):
    matches = [item for item in json_ld_items(soup) if item["@type"] == schema_type]
    assert len(matches) == 1, f"expected one {schema_type}, found {len(matches)}"
    return matches[0]


def types_in(soup):
    return sorted(item["@type"] for item in json_ld_items(soup))


def build_two_sites():
    alliance = make_site(name="Learning Alliance", hero_text="Every child, the best education.")
    SiteSettings.objects.filter(site=alliance).update(
        logo=make_image(title="Alliance logo", size=(300, 300)),
        facebook_url="https://www.facebook.com/learningalliance",
        x_url="https://x.com/learningalliance",
    )
    kidscan = make_site(hostname="kidscan.localhost", name="KidsCAN", default=False)
    SiteSettings.objects.filter(site=kidscan).update(
        logo=make_image(title="KidsCAN logo", size=(300, 300)),
        youtube_url="https://www.youtube.com/@kidscan",
    )
    return alliance, kidscan


two_sites_for_the_module = built_once_per_module(build_two_sites)


@pytest.fixture
def two_sites(two_sites_for_the_module):
    """The Alliance at localhost (with a logo and social links) and a second organization."""
    return fresh_copies(two_sites_for_the_module)


@pytest.mark.parametrize(
    ("host", "name", "same_as"),
    [
        (
            "localhost",
            "Learning Alliance",
            ["https://www.facebook.com/learningalliance", "https://x.com/learningalliance"],
        ),
        ("kidscan.localhost:8000", "KidsCAN", ["https://www.youtube.com/@kidscan"]),
    ],
)
def test_each_home_page_describes_its_organization(client, two_sites, host, name, same_as):
    soup = soup_of(client.get("/", HTTP_HOST=host))
    assert types_in(soup) == ["NGO"]
    organization = item_of_type(soup, "NGO")
    assert organization["name"] == name
    assert organization["url"] == f"http://{host}/"
    assert organization["logo"].startswith(f"http://{host}/media/images/")
    assert organization["sameAs"] == same_as
    logo = client.get(organization["logo"].removeprefix(f"http://{host}"), HTTP_HOST=host)
    assert logo.status_code == 200


def test_an_article_is_a_news_article_with_its_authors_and_publisher(client, two_sites):
    alliance, _kidscan = two_sites
    news = make_news_index(alliance.root_page, title="News", slug="news")
    article = make_article(
        news,
        title="ESSA community forums",
        slug="essa-forums",
        summary="Forums in six regions, starting in Gallup.",
        publication_date=datetime.date(2016, 9, 20),
        image=make_image(alt_text="A forum in Gallup", size=(1600, 900)),
    )
    article.authors = [
        ArticleAuthor(person=make_person(name="Ana Martínez"), sort_order=0),
        ArticleAuthor(person=make_person(name="Luis Ortega", role="Policy lead"), sort_order=1),
    ]
    article.save_revision().publish()

    soup = soup_of(client.get("/news/essa-forums/", HTTP_HOST="localhost:8000"))
    assert types_in(soup) == ["BreadcrumbList", "NewsArticle"]
    data = item_of_type(soup, "NewsArticle")
    url = "http://localhost:8000/news/essa-forums/"
    assert data["headline"] == "ESSA community forums"
    assert data["description"] == "Forums in six regions, starting in Gallup."
    assert data["url"] == url
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["inLanguage"] == "en"
    assert data["datePublished"] == "2016-09-20"
    # Published (and so last modified) today, after the date the article carries.
    assert data["dateModified"] >= "2016-09-20"
    datetime.datetime.fromisoformat(data["dateModified"])
    assert data["author"] == [
        {"@type": "Person", "name": "Ana Martínez"},
        {"@type": "Person", "name": "Luis Ortega"},
    ]
    [image] = data["image"]
    assert image.startswith("http://localhost:8000/media/images/")
    assert image == soup.find("meta", property="og:image")["content"]
    publisher = data["publisher"]
    assert (publisher["@type"], publisher["name"]) == ("NGO", "Learning Alliance")
    assert publisher["url"] == "http://localhost:8000/"
    assert publisher["logo"].startswith("http://localhost:8000/media/images/")


def test_naming_more_authors_costs_no_more_queries(client, two_sites):
    """The byline's people come in one query however many there are."""
    alliance, _kidscan = two_sites
    news = make_news_index(alliance.root_page, slug="news")
    people = [make_person(name=f"Author {number}") for number in range(4)]

    def queries_for(article_slug, authors):
        article = make_article(news, slug=article_slug)
        article.authors = [
            ArticleAuthor(person=person, sort_order=index) for index, person in enumerate(authors)
        ]
        article.save_revision().publish()
        path = f"/news/{article_slug}/"
        client.get(path, HTTP_HOST="localhost")  # renditions made once, as in production
        with CaptureQueriesContext(connection) as queries:
            soup = soup_of(client.get(path, HTTP_HOST="localhost"))
        assert len(item_of_type(soup, "NewsArticle")["author"]) == len(authors)
        return len(queries)

    assert queries_for("one-author", people[:1]) == queries_for("four-authors", people)


def test_an_article_without_authors_is_credited_to_the_organization(client, two_sites):
    _alliance, kidscan = two_sites
    article = make_article(make_news_index(kidscan.root_page), title="Parents survey")
    soup = soup_of(client.get(article.get_url_parts()[2], HTTP_HOST="kidscan.localhost"))
    data = item_of_type(soup, "NewsArticle")
    assert [(author["@type"], author["name"]) for author in data["author"]] == [("NGO", "KidsCAN")]
    assert data["url"].startswith("http://kidscan.localhost/")


def test_breadcrumbs_below_home_match_the_visible_trail_with_full_addresses(client, two_sites):
    alliance, _kidscan = two_sites
    about = make_standard(alliance.root_page, title="About us", slug="about")
    team = make_standard(about, title="Our team", slug="team")

    soup = soup_of(client.get("/about/team/", HTTP_HOST="localhost"))
    assert types_in(soup) == ["BreadcrumbList"]
    crumbs = item_of_type(soup, "BreadcrumbList")["itemListElement"]
    visible = [
        (link.get_text(strip=True), f"http://localhost{link['href']}")
        for link in soup.select("nav.breadcrumbs a")
    ]
    assert (
        [(crumb["name"], crumb["item"]) for crumb in crumbs]
        == visible
        == [
            ("Home", "http://localhost/"),
            ("About us", "http://localhost/about/"),
            ("Our team", "http://localhost/about/team/"),
        ]
    )
    assert [crumb["position"] for crumb in crumbs] == [1, 2, 3]
    assert team.title == "Our team"


def test_a_title_cannot_break_out_of_the_structured_data(client, two_sites):
    """Text an editor types is data: `</script>` in a title closes nothing and runs nothing."""
    alliance, _kidscan = two_sites
    hostile = "</script><script>alert(1)</script> & <b>more</b>"
    make_article(make_news_index(alliance.root_page, slug="news"), title=hostile, slug="x")

    response = client.get("/news/x/", HTTP_HOST="localhost")
    assert b"<script>alert(1)" not in response.content
    assert b"</script><script>" not in response.content
    soup = soup_of(response)
    assert item_of_type(soup, "NewsArticle")["headline"] == hostile
    assert item_of_type(soup, "BreadcrumbList")["itemListElement"][-1]["name"] == hostile


def test_spanish_article_data_is_in_spanish(client, two_sites):
    """Under /es/ the article says it is in Spanish and the trail starts at "Inicio"."""
    alliance, _kidscan = two_sites
    _english, spanish = content_locales()
    news = make_news_index(alliance.root_page, title="News", slug="news")
    article = make_article(news, title="Forums", slug="forums", summary="Six forums.")
    translate_page(alliance.root_page.specific, spanish)
    translate_page(news, spanish, title="Noticias", slug="noticias")
    translate_page(article, spanish, title="Foros", slug="foros", summary="Seis foros.")

    soup = soup_of(client.get("/es/noticias/foros/", HTTP_HOST="localhost"))
    data = item_of_type(soup, "NewsArticle")
    assert (data["headline"], data["description"], data["inLanguage"]) == (
        "Foros",
        "Seis foros.",
        "es",
    )
    assert data["url"] == "http://localhost/es/noticias/foros/"
    crumbs = item_of_type(soup, "BreadcrumbList")["itemListElement"]
    assert [(crumb["name"], crumb["item"]) for crumb in crumbs] == [
        ("Inicio", "http://localhost/es/"),
        ("Noticias", "http://localhost/es/noticias/"),
        ("Foros", "http://localhost/es/noticias/foros/"),
    ]


def test_pages_without_a_page_declare_nothing(client, two_sites):
    """A 404 has no page to describe: no structured data rather than wrong data."""
    soup = BeautifulSoup(client.get("/no-such-page/", HTTP_HOST="localhost").content, "html.parser")
    assert json_ld_items(soup) == []


def with_the_demo_settings(site, spec):
    """`site`'s settings replaced by those the demo loader gives organization `spec`.

    The loader's own step (demo.loader.DemoLoader.site_settings): the name,
    social links, a generated logo and a picture for pages without one.
    """
    SiteSettings.objects.filter(site=site).delete()
    DemoLoader(log=lambda *args: None).site_settings(site, spec, site.root_page)
    return SiteSettings.objects.get(site=site)


def test_each_organization_with_the_demo_settings_declares_itself(client, two_sites):
    """Both demo organizations, with the settings the demo loads, pass the same checks."""
    for site, spec in zip(two_sites, [content.ALLIANCE, content.KIDSCAN], strict=True):
        assert site.hostname == spec["hostname"]
        settings = with_the_demo_settings(site, spec)
        # A picture for pages without one, so every page of the demo can be shared.
        assert settings.default_social_image is not None
        soup = soup_of(client.get("/", HTTP_HOST=site.hostname))
        organization = item_of_type(soup, "NGO")
        assert organization["name"] == SiteSettings.for_site(site).display_name
        assert organization["logo"].startswith(f"http://{site.hostname}/media/")


def test_spanish_pages_of_each_site_are_described_in_spanish(client, two_sites):
    """Each site's Spanish pages: Spanish description, es_MX, the site's share picture."""
    _english, spanish_locale = content_locales()
    for site in two_sites:
        SiteSettings.objects.filter(site=site).update(
            default_social_image=make_image(title=f"{site.site_name} share picture")
        )
        home = site.root_page.specific
        translate_page(home, spanish_locale)
        vision = translate_page(
            make_vision(home, statement="Every child thrives."),
            spanish_locale,
            title="Visión",
            statement="Cada niño prospera.",
        )
        assert vision.alias_of_id is None  # translated, not the English shown under /es/
        soup = soup_of(client.get(vision.get_url_parts()[2], HTTP_HOST=site.hostname))
        head = soup.head
        assert head.find("meta", attrs={"name": "description"})["content"] == vision.statement
        assert head.find("meta", property="og:locale")["content"] == "es_MX"
        assert head.find("meta", property="og:locale:alternate")["content"] == "en_US"
        default_image = SiteSettings.for_site(site).default_social_image
        assert default_image is not None
        og_image = head.find("meta", property="og:image")["content"]
        assert og_image == f"http://{site.hostname}" + (
            default_image.get_rendition("fill-1200x630|format-jpeg").url
        )
        crumbs = item_of_type(soup, "BreadcrumbList")["itemListElement"]
        assert crumbs[0]["name"] == "Inicio"
        assert crumbs[0]["item"] == f"http://{site.hostname}/es/"
