"""The demo's people: bylines and people in stories, in both languages, added once.

The behavior is checked on rows built for each test in tests/test_people.py;
these check that the demo loader credits its own people, translates their
roles and adds none twice.
"""

from io import StringIO

from django.core.management import call_command

import pytest

from articles.models import ArticleAuthor, ArticlePage
from demo import content
from people.models import Person
from stories.models import StoryPage, StorySubject
from tests.factories import content_locales
from tests.test_people import page_of, text_of

pytestmark = pytest.mark.django_db


def test_demo_articles_name_their_authors_in_both_languages(client, demo):
    article = ArticlePage.objects.get(
        slug="essa-stakeholder-feedback-report", locale__language_code="en"
    )
    english = page_of(client, article)
    assert [text_of(span) for span in english.select(".byline__person")] == [
        "Learning Alliance of New Mexico, Policy team",
        "Learning Alliance of New Mexico, Community engagement team",
    ]

    spanish_article = article.get_translation(content_locales()[1])
    spanish = page_of(client, spanish_article)
    assert [text_of(span) for span in spanish.select(".byline__person")] == [
        "Learning Alliance of New Mexico, Equipo de políticas educativas",
        "Learning Alliance of New Mexico, Equipo de participación comunitaria",
    ]


def test_demo_stories_name_their_people_and_topics(client, demo):
    story = StoryPage.objects.get(slug="reading-club-library", locale__language_code="en")
    soup = page_of(client, story)

    assert text_of(soup.select_one(".person-card h3")) == "Marisol"
    assert [text_of(tag) for tag in soup.select(".topic-tags .tag")] == ["Community input"]


def test_loading_the_demo_again_adds_no_people(demo):
    def people_and_credits():
        return (
            sorted(Person.objects.values_list("name", "role", "locale__language_code")),
            sorted(ArticleAuthor.objects.values_list("page_id", "person_id")),
            sorted(StorySubject.objects.values_list("page_id", "person_id")),
        )

    before = people_and_credits()
    call_command("load_demo_content", stdout=StringIO())

    assert people_and_credits() == before
    assert Person.objects.filter(locale__language_code="es").count() == len(
        content.ALLIANCE["people"]
    ) + len(content.KIDSCAN["people"])
