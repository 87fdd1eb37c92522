"""Topic pages, filters and the 404 page in Spanish."""

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.synctree import synchronize_tree

from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_news_index,
    make_region,
    make_site,
    make_story,
    make_story_index,
    make_topic,
    translate_page,
    translate_snippet,
)

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def card_titles(response, selector):
    return [title.get_text(strip=True) for title in soup_of(response).select(selector)]


def build_site_in_spanish():
    """A site in Spanish: its news, a topic and an article translated, its stories as twins."""
    english, spanish = content_locales()
    site = make_site()
    home = site.root_page.specific
    news = make_news_index(home, title="News", slug="news", show_in_menus=True)
    stories = make_story_index(home, title="Stories", slug="stories", show_in_menus=True)
    surveys = make_topic("Surveys", slug="surveys")
    translate_snippet(surveys, spanish, name="Encuestas", slug="encuestas")
    article = make_article(
        news, title="Share your input on ESSA through a survey", topics=[surveys]
    )
    # Stories from two regions, so the list offers a region filter.
    make_story(stories, title="A reading club", region="northwest")
    make_story(stories, title="A school garden", region="central")
    translate_snippet(make_region("northwest", site=site), spanish, name="Noroeste")

    translate_page(home, spanish)
    translate_page(news, spanish, title="Noticias", slug="noticias")
    translate_page(stories, spanish, title="Historias", slug="historias")
    translate_page(article, spanish, title="Dé su opinión sobre ESSA en una encuesta")
    # The stories stay English: Spanish twins, as the locale synchronization makes them.
    synchronize_tree(english, spanish)
    return {"site": site, "news": news, "stories": stories}


site_in_spanish_for_the_module = built_once_per_module(build_site_in_spanish)


@pytest.fixture
def site_in_spanish(site_in_spanish_for_the_module):
    """A site on localhost with its news, a topic, an article and its stories in Spanish."""
    return fresh_copies(site_in_spanish_for_the_module)


def test_spanish_topic_page_uses_the_spanish_name_and_address(client, site_in_spanish):
    response = client.get("/es/noticias/temas/encuestas/")
    page = soup_of(response)
    assert page.h1.get_text(strip=True) == "Encuestas"
    titles = card_titles(response, "#topic-articles ~ .card-list .card__title")
    assert "Dé su opinión sobre ESSA en una encuesta" in titles
    # The English word or slug under /es/ moves to the Spanish address.
    for old_address in ("/es/noticias/topics/encuestas/", "/es/noticias/temas/surveys/"):
        moved = client.get(old_address)
        assert (moved.status_code, moved["Location"]) == (301, "/es/noticias/temas/encuestas/")


def test_spanish_region_names_in_the_filter(client, site_in_spanish):
    select = soup_of(client.get("/es/historias/")).select_one("select[name=region]")
    options = [option.get_text(strip=True) for option in select.find_all("option")]
    # A region not yet translated keeps its English name.
    assert options == ["Todas las regiones", "Noroeste", "Central"]


def test_spanish_not_found_page_searches_in_spanish(client, site_in_spanish):
    response = client.get("/es/no-existe/")
    page = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 404
    assert page.select_one("main form.search-form")["action"] == "/es/search/"
    assert "/es/noticias/" in [link["href"] for link in page.select(".not-found__sections a")]
