"""People on the sites: article bylines and author cards, people in stories, the People snippet.

Articles and stories point at the default language's people; a Spanish reader
gets each person's Spanish role and bio where a translator has written them.
"""

from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.synctree import synchronize_tree

from articles.models import ArticleAuthor
from people.models import Person
from stories.models import StoryPage, StorySubject
from tests.factories import (
    content_locales,
    make_article,
    make_image,
    make_news_index,
    make_person,
    make_site,
    make_story,
    make_story_index,
    make_topic,
    translate_snippet,
)

pytestmark = pytest.mark.django_db

BIO = "Leads the Alliance's work with families across the state."


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def page_of(client, page):
    """The page as a visitor reads it at its own address."""
    page = Page.objects.get(pk=page.pk).specific
    _site_id, root_url, path = page.get_url_parts()
    response = client.get(path, HTTP_HOST=urlsplit(root_url).hostname)
    assert response.status_code == 200, f"{path}: {response.status_code}"
    return BeautifulSoup(response.content, "html.parser")


def spanish_twin(page):
    """The Spanish address of `page`, made the way locale synchronization makes it."""
    english, spanish = content_locales()
    synchronize_tree(english, spanish)
    return page.get_translation(spanish)


def text_of(element):
    """The words a visitor reads in `element`, spaces tidied."""
    return " ".join(element.get_text().split()) if element else ""


def article_with(*people, **fields):
    site = make_site()
    news = make_news_index(site.root_page, slug="news")
    return make_article(
        news,
        slug=fields.pop("slug", "forum-report"),
        authors=[
            ArticleAuthor(person=person, sort_order=position)
            for position, person in enumerate(people)
        ],
        **fields,
    )


# --- Articles: byline and "About the author" ---------------------------------------------------


def test_article_names_its_author_with_role_and_ends_with_their_card(client):
    photo = make_image("Portrait of Ana", size=(300, 300))
    ana = make_person(bio=BIO, photo=photo)
    article = article_with(ana)

    soup = page_of(client, article)

    assert text_of(soup.select_one(".byline")) == "By Ana Martínez, Executive Director"
    section = soup.select_one("section.people-section")
    assert text_of(section.h2) == "About the author"
    assert section["aria-labelledby"] == section.h2["id"]
    card = section.select_one(".person-card")
    assert text_of(card.h3) == "Ana Martínez"
    assert text_of(card.select_one(".person-card__role")) == "Executive Director"
    assert text_of(card.select_one(".person-card__bio")) == BIO
    # The portrait sits next to the name that says who it is: decorative, in modern formats.
    assert card.img["alt"] == ""
    assert {source["type"] for source in card.select("picture source")} == {
        "image/avif",
        "image/webp",
    }
    assert card.img.get("width") and card.img.get("height") and card.img.get("sizes")


def test_several_authors_are_named_in_the_editors_order(client):
    first = make_person(name="Zoe Baca", role="Policy Director")
    second = make_person(name="Ana Martínez", role="Executive Director")
    article = article_with(first, second)

    soup = page_of(client, article)

    assert [text_of(span) for span in soup.select(".byline__person")] == [
        "Zoe Baca, Policy Director",
        "Ana Martínez, Executive Director",
    ]
    assert " and " in text_of(soup.select_one(".byline"))
    assert text_of(soup.select_one(".people-section h2")) == "About the authors"
    assert [text_of(h3) for h3 in soup.select(".person-card h3")] == ["Zoe Baca", "Ana Martínez"]


def test_article_without_authors_has_no_byline_or_card(client):
    soup = page_of(client, article_with())

    assert soup.select_one(".byline") is None
    assert soup.select_one(".people-section") is None


def test_spanish_reader_gets_the_authors_spanish_role_and_bio(client):
    _english, spanish = content_locales()
    ana = make_person(bio=BIO)
    translate_snippet(
        ana, spanish, role="Directora ejecutiva", bio="Dirige el trabajo con las familias."
    )
    untranslated = make_person(name="Zoe Baca", role="Policy Director", bio="Writes on policy.")
    article = article_with(ana, untranslated)

    soup = page_of(client, spanish_twin(article))

    assert soup.html["lang"] == "es"
    byline = soup.select_one(".byline")
    assert text_of(byline).startswith("Por Ana Martínez, Directora ejecutiva")
    assert "Executive Director" not in text_of(soup.main)
    assert text_of(soup.select_one(".people-section h2")) == "Quiénes lo escriben"
    cards = soup.select(".person-card")
    spanish_bio = text_of(cards[0].select_one(".person-card__bio"))
    assert spanish_bio == "Dirige el trabajo con las familias."
    # Someone nobody has translated yet is shown as filed, marked as English for screen readers.
    assert cards[1].select_one(".person-card__role")["lang"] == "en"
    assert cards[1].select_one(".person-card__bio")["lang"] == "en"
    assert not cards[0].select_one(".person-card__role").has_attr("lang")


def test_a_photo_added_after_translating_is_shown_in_spanish_too(client):
    _english, spanish = content_locales()
    ana = make_person()
    translate_snippet(ana, spanish, role="Directora ejecutiva")
    ana.photo = make_image("Portrait of Ana", size=(200, 200))
    ana.save()

    soup = page_of(client, spanish_twin(article_with(ana)))

    card = soup.select_one(".person-card")
    assert text_of(card.select_one(".person-card__role")) == "Directora ejecutiva"
    assert card.img is not None and card.img["alt"] == ""


def test_a_translation_with_its_own_photo_shows_it_in_spanish_only(client):
    _english, spanish = content_locales()
    ana = make_person(photo=make_image("ana-english", size=(200, 200)))
    translate_snippet(ana, spanish, photo=make_image("ana-spanish", size=(200, 200)))
    article = article_with(ana)

    english_photo = page_of(client, article).select_one(".person-card img")["src"]
    spanish_photo = page_of(client, spanish_twin(article)).select_one(".person-card img")["src"]

    assert "ana-english" in english_photo and "ana-spanish" in spanish_photo


def test_teams_sharing_a_name_are_told_apart_by_role_in_both_languages(client):
    """An organization may sign as its teams: one name twice, each with its own role."""
    _english, spanish = content_locales()
    policy = make_person(name="Learning Alliance", role="Policy team")
    community = make_person(name="Learning Alliance", role="Community engagement team")
    translate_snippet(policy, spanish, role="Equipo de políticas educativas")
    translate_snippet(community, spanish, role="Equipo de participación comunitaria")
    article = article_with(policy, community)

    english = page_of(client, article)
    assert [text_of(span) for span in english.select(".byline__person")] == [
        "Learning Alliance, Policy team",
        "Learning Alliance, Community engagement team",
    ]

    spanish_page = page_of(client, spanish_twin(article))
    assert [text_of(span) for span in spanish_page.select(".byline__person")] == [
        "Learning Alliance, Equipo de políticas educativas",
        "Learning Alliance, Equipo de participación comunitaria",
    ]


def test_english_reader_still_gets_the_english_role(client):
    _english, spanish = content_locales()
    ana = make_person()
    translate_snippet(ana, spanish, role="Directora ejecutiva")

    soup = page_of(client, article_with(ana))

    assert "Executive Director" in text_of(soup.select_one(".byline"))
    assert "Directora" not in text_of(soup.main)


def _queries_to_read(client, page):
    page_of(client, page)  # the first visit makes the photos' renditions
    with CaptureQueriesContext(connection) as queries:
        page_of(client, page)
    return len(queries)


def test_more_authors_cost_no_more_queries(client):
    site = make_site()
    news = make_news_index(site.root_page, slug="news")
    one = [make_person(name="Ana", photo=make_image(size=(200, 200)))]
    four = [make_person(name=f"Person {n}", photo=make_image(size=(200, 200))) for n in range(4)]
    with_one = make_article(news, authors=[ArticleAuthor(person=p) for p in one])
    with_four = make_article(news, authors=[ArticleAuthor(person=p) for p in four])

    assert len(page_of(client, with_four).select(".person-card img")) == 4
    assert _queries_to_read(client, with_four) == _queries_to_read(client, with_one)


def test_deleting_a_person_takes_them_off_the_byline_and_leaves_the_article(client):
    ana = make_person(name="Ana Martínez")
    zoe = make_person(name="Zoe Baca", role="Policy Director")
    article = article_with(ana, zoe, title="Forum report")

    ana.delete()

    soup = page_of(client, article)
    assert text_of(soup.h1) == "Forum report"
    assert "Ana Martínez" not in text_of(soup.main)
    assert text_of(soup.select_one(".byline")) == "By Zoe Baca, Policy Director"
    # The editor can still open the article, whose last revision named her.
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(admin)
    assert client.get(f"/admin/pages/{article.pk}/edit/").status_code == 200


# --- Stories: the people in them and their topics -----------------------------------------------


def test_story_shows_the_people_it_is_about_and_its_topics(client):
    _english, spanish = content_locales()
    site = make_site()
    stories = make_story_index(site.root_page, slug="stories")
    marisol = make_person(name="Marisol", role="Fourth-grade teacher", bio="Runs a reading club.")
    translate_snippet(marisol, spanish, role="Maestra de cuarto grado", bio="Dirige un club.")
    topic = make_topic(name="Community input", slug="community-input")
    translate_snippet(
        topic, spanish, name="Opinión de la comunidad", slug="opinion-de-la-comunidad"
    )
    story = make_story(
        stories, subjects=[StorySubject(person=marisol)], title="A reading club that grew"
    )
    story.topics = [topic]
    story.save_revision().publish()

    soup = page_of(client, story)
    section = soup.select_one("section.people-section")
    assert text_of(section.h2) == "People in this story"
    assert text_of(section.h3) == "Marisol"
    assert text_of(section.select_one(".person-card__role")) == "Fourth-grade teacher"
    assert [text_of(tag) for tag in soup.select(".topic-tags .tag")] == ["Community input"]

    spanish_soup = page_of(client, spanish_twin(story))
    assert text_of(spanish_soup.select_one(".people-section h2")) == "Personas en esta historia"
    assert text_of(spanish_soup.select_one(".person-card__role")) == "Maestra de cuarto grado"
    assert [text_of(tag) for tag in spanish_soup.select(".topic-tags .tag")] == [
        "Opinión de la comunidad"
    ]


def test_story_without_people_has_no_people_section(client):
    site = make_site()
    story = make_story(make_story_index(site.root_page))

    assert page_of(client, story).select_one(".people-section") is None


# --- The People snippet in the admin -------------------------------------------------------------


@pytest.fixture
def admin_client(client):
    content_locales()
    admin = get_user_model().objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(admin)
    return client


def test_people_are_listed_and_edited_in_the_admin(admin_client):
    ana = make_person(bio=BIO)

    listing = admin_client.get("/admin/snippets/people/person/")
    assert listing.status_code == 200
    assert "Ana Martínez" in listing.text and "Executive Director" in listing.text

    found = admin_client.get("/admin/snippets/people/person/", {"q": "Ana", "locale": "en"})
    assert found.status_code == 200 and "Ana Martínez" in found.text

    edit = admin_client.get(f"/admin/snippets/people/person/edit/{ana.pk}/")
    assert edit.status_code == 200
    form = edit.context["form"]
    assert {"site", "name", "role", "photo", "bio"} <= set(form.fields)
    assert all(form.fields[name].help_text for name in ("name", "role", "photo", "bio"))


def test_editor_adds_a_person_in_the_admin(admin_client):
    site = make_site()
    response = admin_client.post(
        "/admin/snippets/people/person/add/?locale=en",
        {"site": site.pk, "name": "Luis Chávez", "role": "Board member", "bio": "", "photo": ""},
    )

    assert response.status_code == 302
    luis = Person.objects.get(name="Luis Chávez")
    assert (luis.locale.language_code, luis.site) == ("en", site)


def test_article_editor_offers_only_default_language_people(admin_client):
    _english, spanish = content_locales()
    ana = make_person()
    translate_snippet(ana, spanish, role="Directora ejecutiva")
    article = article_with()

    edit = admin_client.get(f"/admin/pages/{article.pk}/edit/")

    assert edit.status_code == 200
    assert "Ana Martínez (Executive Director)" in edit.text
    assert "Directora ejecutiva" not in edit.text


def test_story_editor_offers_people_and_topics(admin_client):
    site = make_site()
    story = make_story(make_story_index(site.root_page))
    make_person(name="Marisol", role="Teacher")
    make_topic(name="Forums", slug="forums")

    edit = admin_client.get(f"/admin/pages/{story.pk}/edit/")

    assert edit.status_code == 200
    assert "Marisol (Teacher)" in edit.text
    assert "Forums" in edit.text
    assert isinstance(Page.objects.get(pk=story.pk).specific, StoryPage)
