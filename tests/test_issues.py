"""Issue pages: everything a site publishes on one policy issue, gathered on one page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from issues.models import IssueIndexPage
from tests.factories import (
    built_once_per_module,
    fresh_copies,
    make_article,
    make_issue,
    make_issue_index,
    make_news_index,
    make_site,
    make_story,
    make_story_index,
    make_topic,
)

pytestmark = pytest.mark.django_db

OTHER_HOST = "issues-other.localhost"


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def issue_on(home, topic, title="Tutoring and care for every student", slug="tutoring"):
    index = home.get_children().type(IssueIndexPage).first()
    index = index.specific if index else make_issue_index(home)
    summary = "Extra help for any student who needs it."
    return make_issue(index, topic, title=title, slug=slug, summary=summary)


def sections_of(response):
    """{section heading: [card titles]} as a visitor reads the issue page."""
    page = soup_of(response)
    return {
        section.h2.get_text(strip=True): [
            title.get_text(strip=True) for title in section.select(".card__title")
        ]
        for section in page.select("section.issue-section")
    }


def build_site_with_news():
    site = make_site(name="Issues Test")
    other = make_site(hostname=OTHER_HOST, name="Other", default=False)
    return {
        "home": site.root_page,
        "news": make_news_index(site.root_page),
        "stories": make_story_index(site.root_page),
        "other_news": make_news_index(other.root_page),
        "tutoring": make_topic("Tutoring", slug="tutoring"),
        "literacy": make_topic("Literacy", slug="literacy"),
    }


site_with_news_for_the_module = built_once_per_module(build_site_with_news)


@pytest.fixture
def site_with_news(site_with_news_for_the_module):
    return fresh_copies(site_with_news_for_the_module)


def test_issue_page_gathers_articles_and_stories_filed_under_its_topic(client, site_with_news):
    s = site_with_news
    make_article(s["news"], title="Tutoring works", topics=[s["tutoring"]])
    make_article(s["news"], title="Reading first", topics=[s["literacy"]])
    make_article(s["news"], title="Tutoring draft", topics=[s["tutoring"]], live=False)
    make_article(s["other_news"], title="Other site's tutoring", topics=[s["tutoring"]])
    make_story(s["stories"], title="A tutor in Taos", topics=[s["tutoring"]])
    issue = issue_on(s["home"], s["tutoring"])

    response = client.get(issue.get_url_parts()[2])

    assert sections_of(response) == {"Articles": ["Tutoring works"], "Stories": ["A tutor in Taos"]}
    page = soup_of(response)
    assert page.h1.get_text(strip=True) == "Tutoring and care for every student"
    assert "Extra help for any student" in page.select_one(".page-header__lead").get_text()


def test_issue_with_nothing_filed_says_so(client, site_with_news):
    issue = issue_on(site_with_news["home"], site_with_news["literacy"], slug="literacy")
    page = soup_of(client.get(issue.get_url_parts()[2]))
    assert page.select("section.issue-section") == []
    assert "Nothing has been published on this issue yet." in page.get_text()


def test_issue_index_lists_its_issues(client, site_with_news):
    s = site_with_news
    first = issue_on(s["home"], s["tutoring"])
    issue_on(s["home"], s["literacy"], title="Early literacy", slug="literacy")
    index = first.get_parent()

    page = soup_of(client.get(index.get_url_parts()[2]))

    titles = [title.get_text(strip=True) for title in page.select(".card__title")]
    assert titles == ["Tutoring and care for every student", "Early literacy"]


def test_issue_page_costs_the_same_queries_with_more_articles(client, site_with_news):
    s = site_with_news
    issue = issue_on(s["home"], s["tutoring"])
    path = issue.get_url_parts()[2]
    make_article(s["news"], topics=[s["tutoring"], s["literacy"]])
    client.get(path)
    with CaptureQueriesContext(connection) as one:
        client.get(path)
    for _ in range(4):
        make_article(s["news"], topics=[s["tutoring"], s["literacy"]])
    client.get(path)
    with CaptureQueriesContext(connection) as five:
        client.get(path)
    assert len(five) == len(one)
