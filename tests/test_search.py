"""The search page, as a visitor uses it: /search/ in English, /es/search/ in Spanish.

The tests read a small site of their own (host search.localhost), built once for the module.
"""

from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from wagtail.rich_text import RichText

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.synctree import synchronize_tree

from site_search.models import PromotedResult
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_news_index,
    make_site,
    make_standard,
    make_story,
    make_story_index,
    translate_page,
)

pytestmark = pytest.mark.django_db

HOST = "search.localhost"
OTHER_HOST = "elsewhere.localhost"
# Stemming needs PostgreSQL's text search; SQLite matches whole words only.
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL full-text search"
)


def search(client, query, host=HOST, prefix="", **params):
    return client.get(f"{prefix}/search/", {"q": query, **params}, HTTP_HOST=host)


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".search-result__title a")]


def path_of(page):
    """The address a visitor of the page's own site follows to it."""
    return page.get_url_parts()[2]


def paragraphs(*texts):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


def build_news():
    site = make_site(hostname=HOST, name="Search Test", default=False)
    return make_news_index(site.root_page, title="News", slug="news")


news_for_the_module = built_once_per_module(build_news)


@pytest.fixture
def news(news_for_the_module):
    """The news index of the site the search tests read (host search.localhost)."""
    return fresh_copies(news_for_the_module)


@pytest.fixture
def spanish_news(news):
    """The Spanish site beside it: the home and news twins tree synchronization makes."""
    english, spanish = content_locales()
    synchronize_tree(english, spanish)
    return news.get_translation(spanish)


def test_finds_an_article_by_a_word_in_its_body_and_marks_it(client, news):
    article = make_article(
        news,
        title="Board meeting notes",
        summary="What the board decided.",
        body=paragraphs("Parents brought a xylophone to the meeting."),
    )
    make_article(news, title="Unrelated news", body=paragraphs("Nothing to see."))

    response = search(client, "xylophone")

    assert result_titles(response) == ["Board meeting notes"]
    result = soup_of(response).select_one(".search-result")
    assert result.select_one("a")["href"] == path_of(article)
    assert result.select_one(".search-result__url").get_text(strip=True) == (
        f"http://{HOST}{path_of(article)}"
    )
    excerpt = result.select_one(".search-result__excerpt")
    assert excerpt.mark.get_text() == "xylophone"
    assert "Parents brought a xylophone" in excerpt.get_text()


def test_drafts_words_are_not_found(client, news):
    make_article(news, title="Never published", body=paragraphs("A quokka appeared."), live=False)
    live = make_article(news, title="Published", body=paragraphs("A platypus appeared."))
    live.body = paragraphs("A platypus and a wombat appeared.")
    live.save_revision()  # a draft of new words, not published

    assert result_titles(search(client, "quokka")) == []
    assert result_titles(search(client, "wombat")) == []
    assert result_titles(search(client, "platypus")) == ["Published"]


def test_finds_only_pages_of_the_site_being_read(client, news):
    other = make_site(hostname=OTHER_HOST, name="Elsewhere", default=False)
    other_news = make_news_index(other.root_page, title="News", slug="news")
    make_article(other_news, title="Narwhal sighted", body=paragraphs("A narwhal."))
    make_article(news, title="Our narwhal", body=paragraphs("Another narwhal."))

    assert result_titles(search(client, "narwhal")) == ["Our narwhal"]
    assert result_titles(search(client, "narwhal", host=OTHER_HOST)) == ["Narwhal sighted"]


def test_spanish_search_finds_no_english_page_only_its_spanish_twin(client, news):
    article = make_article(news, title="Pelican count", body=paragraphs("Pelicans everywhere."))
    make_article(news, title="Heron count", body=paragraphs("Herons, no twin."))

    english, spanish = content_locales()
    synchronize_tree(english, spanish)
    twin = article.get_translation(spanish)

    found = soup_of(search(client, "pelican count", prefix="/es"))
    titles = found.select(".search-result__title")
    assert [title.get_text(strip=True) for title in titles] == ["Pelican count"]
    link = titles[0].a["href"]
    assert link.startswith("/es/") and link == path_of(twin)
    # Its words are English on a Spanish page, and say so.
    assert titles[0]["lang"] == "en"
    assert found.select_one(".search-result__excerpt")["lang"] == "en"
    assert found.html["lang"] == "es"
    # The English page itself is found in English only.
    english_result = soup_of(search(client, "pelican count"))
    assert english_result.select_one(".search-result__title a")["href"] == path_of(article)
    assert not english_result.select_one(".search-result__title").has_attr("lang")


def test_a_spanish_page_is_not_found_from_the_english_search(client, spanish_news):
    make_article(spanish_news, title="Reunión de padres", body=paragraphs("Una reunión."))

    assert result_titles(search(client, "reunión", prefix="/es")) == ["Reunión de padres"]
    assert result_titles(search(client, "reunión")) == []


@postgresql_only
def test_spanish_words_match_their_stems_after_a_rebuild(client, news, spanish_news):
    """Spanish "encuestas" finds "encuesta"; English "forums" finds "forum"."""
    make_article(
        spanish_news,
        title="Opine sobre las escuelas",
        summary="Díganos lo que piensa.",
        body=paragraphs("Responda la encuesta antes del viernes."),
    )
    make_article(news, title="A public forum", slug="forum")
    call_command("update_index", stdout=StringIO(), stderr=StringIO())

    assert result_titles(search(client, "encuestas", prefix="/es")) == ["Opine sobre las escuelas"]
    # A verb form only Spanish stemming relates ("respond" both; English keeps "responda").
    assert result_titles(search(client, "respondieron", prefix="/es")) == [
        "Opine sobre las escuelas"
    ]
    assert result_titles(search(client, "forums")) == ["A public forum"]
    excerpt = soup_of(search(client, "encuestas", prefix="/es")).select_one(
        ".search-result__excerpt"
    )
    assert excerpt.mark.get_text() == "encuesta"


def test_promoted_pages_come_first_and_only_once(client, news):
    budget = make_article(news, title="Annual budget review", body=paragraphs("Where it went."))
    spending = make_article(news, title="Spending report", body=paragraphs("Finances, in detail."))
    make_article(news, title="Finance committee", body=paragraphs("Our finances, monthly."))
    other = make_site(hostname=OTHER_HOST, name="Elsewhere", default=False)
    elsewhere = make_article(make_news_index(other.root_page), title="Elsewhere budget")
    site = news.get_site()
    # The other site's own pick for the same words is not this site's.
    PromotedResult.objects.create(site=other, query="finances", page=elsewhere, sort_order=0)
    PromotedResult.objects.create(
        site=site,
        query="Finances!",
        page=budget,
        sort_order=1,
        description="Where the money goes, every year.",
    )
    PromotedResult.objects.create(site=site, query="finances", page=spending, sort_order=2)

    soup = soup_of(search(client, "Finances"))

    results = soup.select(".search-result")
    assert [r.select_one(".search-result__title").get_text(strip=True) for r in results] == [
        "Annual budget review",
        "Spending report",
        "Finance committee",
    ]
    labels = [r.select_one(".search-result__label") for r in results]
    assert [label.get_text(strip=True) if label else None for label in labels] == [
        "Recommended",
        "Recommended",
        None,
    ]
    assert "Where the money goes" in results[0].select_one(".search-result__excerpt").get_text()
    assert soup.select_one(".search-count").get_text(strip=True) == "3 results"


def test_a_promoted_page_is_shown_in_the_readers_language(client, news):
    budget = make_article(news, title="Annual budget review", body=paragraphs("Where it went."))
    PromotedResult.objects.create(
        site=news.get_site(), query="finances", page=budget, description="Every year's money."
    )
    english, spanish = content_locales()
    synchronize_tree(english, spanish)

    result = soup_of(search(client, "finances", prefix="/es")).select_one(".search-result")

    assert result.select_one(".search-result__title a")["href"] == path_of(
        budget.get_translation(spanish)
    )
    # The editor wrote the description for the English page, so it stays there.
    assert "Every year's money" not in result.get_text()


def test_results_are_paginated_and_keep_the_query(client, news):
    for number in range(12):
        make_article(news, title=f"Tortoise news {number}", body=paragraphs("A tortoise."))

    first = soup_of(search(client, "tortoise"))
    second = soup_of(search(client, "tortoise", page=2))

    assert len(first.select(".search-result")) == 10
    assert len(second.select(".search-result")) == 2
    assert first.select_one(".search-count").get_text(strip=True) == "12 results"
    assert first.select_one("a[rel=next]")["href"] == "?q=tortoise&page=2"
    titles = {a.get_text() for a in first.select(".search-result__title a")} | {
        a.get_text() for a in second.select(".search-result__title a")
    }
    assert len(titles) == 12


def test_a_longer_page_of_results_costs_no_more_queries(client, news):
    def queries_for_a_search():
        with CaptureQueriesContext(connection) as queries:
            assert search(client, "tortoise").status_code == 200
        return len(queries)

    make_article(news, title="Tortoise news", body=paragraphs("A tortoise."))
    search(client, "tortoise")  # the site's settings and routes, cached once
    one_result = queries_for_a_search()
    for number in range(9):
        make_article(news, title=f"More tortoise news {number}", body=paragraphs("A tortoise."))

    assert queries_for_a_search() == one_result


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%00",
        "q=tortoise%00",
        "q=%FF",
        "q=%FF%FE%00tortoise",
        "q=" + "tortoise+" * 1250,
        "q=" + "x" * 10_000,
        "q=%3Cscript%3Ealert(1)%3C/script%3E",
        "q=%22tortoise%22+AND+NOT+*",
        "q=%E2%80%AE%E2%80%8B",
        "q=+++",
        "q=%21%21%21",
        "",
        "q=tortoise&q=%00",
    ],
)
def test_hostile_queries_get_a_helpful_page_never_an_error(client, news, query_string):
    make_article(news, title="Tortoise news", body=paragraphs("A tortoise."))

    response = client.get(f"/search/?{query_string}", HTTP_HOST=HOST)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "\x00" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select_one("#search-form-q").get("value", "")) <= 200
    assert soup.select(".search-result") or soup.select_one(".search-hint")


def test_script_in_a_query_is_shown_as_text(client, news):
    soup = soup_of(search(client, "<script>alert(1)</script>"))

    assert soup.h1.get_text(strip=True) == "Search results for “<script>alert(1)</script>”"
    assert soup.main.find("script") is None
    assert "No results for “<script>alert(1)</script>”" in soup.main.get_text()


# Not named `page`: pytest-playwright would take it for its browser page fixture.
@pytest.mark.parametrize(
    "page_number", ["abc", "-1", "0", "99999999999999999999", "2", "1.5", "%00", "1e3"]
)
def test_a_page_number_that_does_not_exist_is_not_found(client, news, page_number):
    make_article(news, title="Tortoise news", body=paragraphs("A tortoise."))

    response = client.get(f"/search/?q=tortoise&page={page_number}", HTTP_HOST=HOST)

    assert response.status_code == 404


def test_empty_and_wordless_queries_ask_for_a_word(client, news):
    empty = soup_of(client.get("/search/", HTTP_HOST=HOST))
    wordless = soup_of(search(client, "?!…"))

    assert empty.h1.get_text(strip=True) == "Search"
    assert empty.select_one(".search-hint").get_text(strip=True) == (
        "Type a word to search this site."
    )
    assert "has no letters or numbers" in wordless.select_one(".search-hint").get_text()
    assert empty.title.get_text() == "Search | Search Test"


def test_no_results_suggest_the_main_sections(client, news):
    news.show_in_menus = True
    news.save_revision().publish()

    soup = soup_of(search(client, "zanzibar"))

    assert "No results for “zanzibar”" in soup.select_one(".search-hint").get_text()
    sections = [(a.get_text(strip=True), a["href"]) for a in soup.select(".search-sections a")]
    assert ("News", path_of(news)) in sections


def test_results_page_is_kept_out_of_search_engines_and_titled(client, news):
    soup = soup_of(search(client, "tortoise"))

    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.title.get_text() == "Search results for “tortoise” | Search Test"


def test_every_page_has_a_search_form_in_its_header_in_its_language(client, spanish_news):
    english = soup_of(client.get("/news/", HTTP_HOST=HOST))
    spanish = soup_of(client.get(path_of(spanish_news), HTTP_HOST=HOST))

    with translation.override("es"):
        spanish_label = gettext("Search this site")
    for soup, action, label in [
        (english, "/search/", "Search this site"),
        (spanish, "/es/search/", spanish_label),
    ]:
        form = soup.select_one(".site-header form[role=search]")
        assert form["action"] == action
        assert form["method"] == "get"
        field = form.select_one("input[name=q]")
        assert form.select_one(f"label[for={field['id']}]").get_text(strip=True) == label
        assert form.select_one("button[type=submit]")


def test_stories_and_plain_pages_are_found_by_their_own_text(client, news):
    """Every page type's text is searchable, not only articles' (and not only titles)."""
    home = news.get_parent()
    stories = make_story_index(home, slug="stories")
    make_story(stories, title="A story", pull_quote="We planted a zucchini garden.")
    make_standard(home, title="About", introduction="Founded by teachers in Zuni.")

    assert result_titles(search(client, "zucchini")) == ["A story"]
    assert result_titles(search(client, "Zuni")) == ["About"]


def test_language_switcher_repeats_the_search_in_the_other_language(client, spanish_news):
    switcher = soup_of(search(client, "forums")).select_one("nav.language-switcher")
    assert switcher.find("a", hreflang="es")["href"] == "/es/search/?q=forums"


def test_search_refuses_a_post(client, news):
    assert client.post("/search/", {"q": "x"}, HTTP_HOST=HOST).status_code == 405


def test_finds_an_article_by_a_word_in_its_title(client, news):
    make_article(
        news,
        title="ESSA Community Forums",
        summary="Held in six regions of the state.",
        body=paragraphs("The first is in Gallup in October."),
    )
    make_article(news, title="Board meeting notes", body=paragraphs("What the board decided."))

    assert result_titles(search(client, "forums")) == ["ESSA Community Forums"]


@postgresql_only
def test_a_spanish_translation_is_found_by_a_stem_as_soon_as_it_is_published(
    client, news, spanish_news
):
    """Publishing indexes a translation with Spanish stemming at once, with no rebuild."""
    _english, spanish = content_locales()
    article = make_article(news, title="Share your input on ESSA through NM First survey")
    translate_page(article, spanish, title="Dé su opinión sobre ESSA en la encuesta de NM First")

    titles = result_titles(search(client, "encuestas", prefix="/es"))

    assert "Dé su opinión sobre ESSA en la encuesta de NM First" in titles
