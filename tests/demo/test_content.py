"""The demo content: `load_demo_content` builds both organizations' sites; rerunning it is harmless.

Loading the demo draws many pictures, so these tests read the one copy the
demo's tests share (tests/shared_demo.py); each test still runs in its own
transaction, rolled back, so nothing one test does is seen by another.
"""

import re
from collections import deque
from io import StringIO
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

import pytest
from bs4 import BeautifulSoup

from demo import community_reports, content
from demo.accounts import demo_staff_usernames
from taxonomy.models import Region
from tests.factories import is_welcome_page

pytestmark = pytest.mark.django_db

ALLIANCE_HOST = content.ALLIANCE["hostname"]
KIDSCAN_HOST = content.KIDSCAN["hostname"]


def get(client, path, host=ALLIANCE_HOST):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, f"{host}{path}: {response.status_code}"
    return BeautifulSoup(response.content, "html.parser")


def texts(soup, selector):
    return [element.get_text(" ", strip=True) for element in soup.select(selector)]


def section(spec, slug):
    return next(page for page in spec["pages"] if page["slug"] == slug)


def body_block(spec, block_type):
    return next(value for kind, value in spec["home"]["body"] if kind == block_type)


def snapshot():
    """What an editor would notice changing: pages, their revisions, images and sites."""
    return {
        "pages": Page.objects.count(),
        "latest_revisions": sorted(Page.objects.values_list("pk", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "images": sorted(get_image_model().objects.values_list("pk", "title", "file")),
        "sites": sorted(
            Site.objects.values_list(
                "hostname", "port", "root_page_id", "is_default_site", "site_name"
            )
        ),
    }


# --- Building the sites -----------------------------------------------------------------------


def test_demo_builds_both_sites(demo):
    """After loading, localhost is the default site and kidscan.localhost the second one."""
    sites = {site.hostname: site for site in Site.objects.all()}

    assert set(sites) == {ALLIANCE_HOST, KIDSCAN_HOST}
    assert sites[ALLIANCE_HOST].is_default_site is True
    assert sites[KIDSCAN_HOST].is_default_site is False
    assert sites[ALLIANCE_HOST].root_page.title == content.ALLIANCE["home"]["title"]
    assert sites[KIDSCAN_HOST].root_page.title == content.KIDSCAN["home"]["title"]


def test_demo_removes_wagtails_welcome_page(demo):
    """Wagtail's 'Welcome to your new Wagtail site' placeholder is gone once the demo is loaded."""
    assert demo["welcome_ids"], "the fresh database should start with Wagtail's welcome page"

    assert not Page.objects.filter(pk__in=demo["welcome_ids"]).exists()
    assert not [page for page in Page.objects.filter(depth=2) if is_welcome_page(page)]


def test_loading_the_demo_again_changes_nothing(demo):
    """Running the loader a second time adds, republishes and replaces nothing."""
    before = snapshot()

    call_command("load_demo_content", stdout=StringIO())

    assert snapshot() == before


# --- What visitors see ------------------------------------------------------------------------


def test_alliance_mission_page_shows_the_four_pillars(client, demo):
    """The Alliance's mission page lists its four pillars by title, in order."""
    expected = [title for title, _ in section(content.ALLIANCE, "mission")["pillars"]]

    soup = get(client, "/mission/")

    assert len(expected) == 4
    assert texts(soup, ".pillars__title") == expected


def test_alliance_news_index_lists_the_essa_articles_newest_first(client, demo):
    """The Alliance's news page lists the four ESSA articles, most recent date first."""
    articles = section(content.ALLIANCE, "news")["children"]
    expected = [
        article["title"]
        for article in sorted(articles, key=lambda item: item["publication_date"], reverse=True)
    ]

    soup = get(client, "/news/")

    assert len(expected) == 4
    assert all("essa" in article["topics"] for article in articles)
    assert texts(soup, ".card__title") == expected


def test_story_index_shows_stories_from_different_regions(client, demo):
    """The stories page shows at least three stories, each from a different part of the state."""
    region_labels = set(
        Region.objects.filter(site__hostname="localhost", locale__language_code="en").values_list(
            "name", flat=True
        )
    )

    soup = get(client, "/stories/")

    cards = soup.select(".card")
    # Each card's meta line reads "subject · region".
    metas = [card.select_one(".card__meta").get_text(strip=True) for card in cards]
    regions = [meta.split("·")[-1].strip() for meta in metas]
    assert len(cards) >= 3
    assert set(regions) <= region_labels
    assert len(set(regions)) == len(regions)


def test_kidscan_home_page_shows_its_story_promises_report_and_issues(client, demo):
    """KidsCAN's home page mentions 2018 and shows the five promises, the report and the issues."""
    promises = body_block(content.KIDSCAN, "card_list")
    issues = body_block(content.KIDSCAN, "issue_list")
    # The report and issues are chosen pages: the home page shows their own titles.
    report = community_reports.REPORTS[KIDSCAN_HOST]["report"]

    soup = get(client, "/", host=KIDSCAN_HOST)

    assert "2018" in soup.select_one("main").get_text()
    assert len(promises["cards"]) == 5
    assert texts(soup, ".card-list-block__title") == [card["title"] for card in promises["cards"]]
    assert texts(soup, ".featured-report__title") == [report["title"]]
    assert issues["heading"] in texts(soup, ".issue-list h2")
    assert len(issues["issues"]) == len(content.IMPORTANT_ISSUES)
    assert texts(soup, ".issue-list .issue-list__title") == [
        title for title, *_ in content.IMPORTANT_ISSUES
    ]


def test_every_image_has_alt_text(demo):
    """Every picture in the image library has a description for people who cannot see it."""
    images = list(get_image_model().objects.all())

    assert images
    assert [image.title for image in images if not image.description.strip()] == []


# --- Every page answers -----------------------------------------------------------------------


def internal_links(soup):
    """Same-site page addresses linked from a page (not static files, media, feeds, stylesheet)."""
    for link in soup.select("a[href]"):
        if link.get("type", "text/html") != "text/html":
            continue  # a feed or a file, announced as such
        parts = urlsplit(link["href"])
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if parts.path.startswith(("/static/", "/media/", "/admin/", "/documents/", "/brand.css")):
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.mark.parametrize("host", [ALLIANCE_HOST, KIDSCAN_HOST])
def test_every_page_of_each_site_answers_with_one_heading_and_a_language(client, demo, host):
    """Every page of the site, linked or not, loads with one main heading and a page language."""
    site = Site.objects.get(hostname=host)
    pages = site.root_page.get_descendants(inclusive=True).live().public()
    tree_pages = [page.relative_url(site) for page in pages]
    to_visit = deque(tree_pages)
    seen = set(tree_pages)
    problems = []

    while to_visit:
        path = to_visit.popleft()
        response = client.get(path, HTTP_HOST=host)
        if response.status_code != 200:
            problems.append(f"{path}: status {response.status_code}")
            continue
        html = response.content.decode()
        soup = BeautifulSoup(html, "html.parser")
        if len(soup.find_all("h1")) != 1:
            problems.append(f"{path}: {len(soup.find_all('h1'))} <h1> elements")
        if not re.search(r'<html lang="[a-z]{2}', html):
            problems.append(f"{path}: no <html lang=...>")
        if any(image.get("alt") is None for image in soup.find_all("img")):
            problems.append(f"{path}: an <img> without an alt attribute")
        for link in internal_links(soup):
            if link not in seen:
                seen.add(link)
                to_visit.append(link)

    assert len(tree_pages) >= 5
    assert problems == []


def test_each_sites_demo_editor_can_choose_that_sites_pictures_and_only_those(client, demo):
    """Editors reuse the demo's pictures in the chooser; the other site's stay out of reach."""
    alliance = Site.objects.get(hostname=ALLIANCE_HOST)
    kidscan = Site.objects.get(hostname=KIDSCAN_HOST)
    alliance_hero = alliance.root_page.specific.hero_image
    kidscan_hero = kidscan.root_page.specific.hero_image
    editor, _ = demo_staff_usernames(alliance)
    client.force_login(get_user_model().objects.get(username=editor))

    def chooser_offers(image):
        # Searched for by title, as an editor would: the library holds more than one page.
        results = client.get("/admin/images/chooser/", {"q": image.title}).content.decode()
        return reverse("wagtailimages_chooser:chosen", args=[image.pk]) in results

    assert chooser_offers(alliance_hero)
    assert not chooser_offers(kidscan_hero)


# --- The ESSA articles lead readers to act ------------------------------------------------------


def links_on(client, path):
    """The addresses the page's main content links to."""
    return {link["href"] for link in get(client, path).select("main a[href]")}


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(
    ("article", "survey"),
    [
        ("/news/share-feedback-essa-state-plan/", "/nm-first-survey/"),
        ("/es/noticias/opinion-plan-estatal-essa/", "/es/encuesta-nm-first/"),
    ],
)
def test_the_feedback_article_gives_the_departments_address_and_the_survey(client, article, survey):
    links = links_on(client, article)

    assert "mailto:ESSA.NMRising@state.nm.us" in links
    assert survey in links


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(
    ("article", "target"),
    [
        ("/news/essa-stakeholder-feedback-report/", "/reports/essa-stakeholder-feedback-report/"),
        ("/es/noticias/informe-opiniones-essa/", "/es/informes/informe-opiniones-essa/"),
        ("/news/nm-first-essa-survey/", "/nm-first-survey/"),
        ("/es/noticias/encuesta-nm-first-essa/", "/es/encuesta-nm-first/"),
    ],
)
def test_the_report_and_survey_articles_link_what_they_announce(client, article, target):
    assert target in links_on(client, article)
    get(client, target)  # and it is there


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(
    ("article", "events"),
    [
        ("/news/essa-community-forums/", "/events/"),
        ("/es/noticias/foros-comunitarios-essa/", "/es/eventos/"),
    ],
)
def test_the_forums_article_lists_the_six_forums(client, article, events):
    forums = {
        link for link in links_on(client, article) if link.startswith(events) and link != events
    }

    assert len(forums) == 6
    for forum in forums:
        get(client, forum)  # each is there


@pytest.mark.usefixtures("demo")
def test_the_seed_texts_own_words_are_there(client):
    assert texts(get(client, "/", KIDSCAN_HOST), "h1") == ["Welcome to NewMexicoKidsCAN"]
    mission = get(client, "/mission/")
    assert "Learning Alliance fulfills its mission by providing the following:" in texts(
        mission, "h2"
    )
    report = get(client, "/reports/parent-survey-second-edition/", KIDSCAN_HOST)
    assert "believe deeply in the promise of New Mexico's students" in report.get_text(" ")


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(("title", "slug", "summary"), content.IMPORTANT_ISSUES)
def test_each_invented_issue_says_it_is_illustrative(client, title, slug, summary):
    issue = get(client, f"/issues/{slug}/", KIDSCAN_HOST)
    assert "An illustrative issue written for the demo site" in issue.get_text(" ")
