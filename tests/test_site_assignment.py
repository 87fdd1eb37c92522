"""Existing topics and people get a site when migrating, and no page loses one.

The migrations that gave topics and people a site run
`editorial.site_assignment.give_each_row_a_site`; here it runs on rows as an
installation from before would hold them: one topic and one person used by
both organizations' pages, and a topic nobody uses.
"""

from django.apps import apps

import pytest

from articles.models import ArticleAuthor, ArticlePage
from editorial.site_assignment import give_each_row_a_site
from people.models import Person
from taxonomy.models import Topic
from tests.factories import (
    content_locales,
    make_article,
    make_news_index,
    make_person,
    make_site,
    make_topic,
    translate_snippet,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_rows():
    _english, spanish = content_locales()
    alliance = make_site("localhost", "Learning Alliance of New Mexico")
    kidscan = make_site("kidscan.localhost", "NewMexicoKidsCAN", default=False)
    # Before, rows had no site: here they all start on KidsCAN, the wrong one for most.
    essa = make_topic(name="ESSA", slug="essa", site=kidscan)
    translate_snippet(essa, spanish, name="Ley ESSA", slug="ley-essa")
    unused = make_topic(name="Budgets", slug="budgets", site=kidscan)
    ana = make_person(name="Ana Martínez", site=kidscan)
    news = {site: make_news_index(site.root_page, slug="news") for site in (alliance, kidscan)}
    articles = {
        "alliance": [
            make_article(news[alliance], topics=[essa], authors=[ArticleAuthor(person=ana)])
            for _ in range(2)
        ],
        "kidscan": [
            make_article(news[kidscan], topics=[essa], authors=[ArticleAuthor(person=ana)])
        ],
    }
    return {
        "alliance": alliance,
        "kidscan": kidscan,
        "essa": essa,
        "unused": unused,
        "ana": ana,
        "articles": articles,
        "spanish": spanish,
    }


def filed(article):
    return list(ArticlePage.objects.get(pk=article.pk).topics.all())


def authors(article):
    return [author.person for author in ArticlePage.objects.get(pk=article.pk).authors.all()]


def test_a_topic_goes_to_the_site_that_uses_it_most_and_is_copied_for_the_other(shared_rows):
    alliance, kidscan = shared_rows["alliance"], shared_rows["kidscan"]

    give_each_row_a_site(apps, "taxonomy", "Topic")

    essa = Topic.objects.get(pk=shared_rows["essa"].pk)
    assert essa.site == alliance
    assert essa.get_translation(shared_rows["spanish"]).site == alliance
    copy = Topic.objects.get(site=kidscan, slug="essa")
    assert copy.pk != essa.pk
    assert copy.get_translation(shared_rows["spanish"]).name == "Ley ESSA"
    assert all(filed(article) == [essa] for article in shared_rows["articles"]["alliance"])
    assert filed(shared_rows["articles"]["kidscan"][0]) == [copy]


def test_a_topic_nobody_uses_goes_to_the_default_site(shared_rows):
    give_each_row_a_site(apps, "taxonomy", "Topic")

    assert Topic.objects.get(pk=shared_rows["unused"].pk).site == shared_rows["alliance"]


def test_a_person_on_both_sites_keeps_every_byline(shared_rows):
    alliance, kidscan = shared_rows["alliance"], shared_rows["kidscan"]

    give_each_row_a_site(apps, "people", "Person")

    ana = Person.objects.get(pk=shared_rows["ana"].pk)
    copy = Person.objects.get(site=kidscan, name="Ana Martínez")
    assert ana.site == alliance
    assert all(authors(article) == [ana] for article in shared_rows["articles"]["alliance"])
    assert authors(shared_rows["articles"]["kidscan"][0]) == [copy]


def test_running_it_again_changes_nothing(shared_rows):
    give_each_row_a_site(apps, "taxonomy", "Topic")
    before = sorted(Topic.objects.values_list("pk", "site_id"))

    give_each_row_a_site(apps, "taxonomy", "Topic")

    assert sorted(Topic.objects.values_list("pk", "site_id")) == before
