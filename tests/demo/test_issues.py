"""The demo's issue pages: KidsCAN's promises and important issues, each gathering its pages."""

import pytest
from bs4 import BeautifulSoup

from demo import content, content_es

pytestmark = pytest.mark.django_db

KIDSCAN = "kidscan.localhost"


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def test_tutoring_promise_gathers_what_is_filed_under_it(client, demo):
    home = soup_of(client.get("/", HTTP_HOST=KIDSCAN))
    promise = home.find("a", string=lambda text: text and "Tutoring and care" in text)
    assert promise is not None, "the home page's promise links to its issue page"

    issue = soup_of(client.get(promise["href"], HTTP_HOST=KIDSCAN))

    assert issue.h1.get_text(strip=True) == "Tutoring and care for every student"
    articles = [title.get_text(strip=True) for title in issue.select(".issue-section .card__title")]
    assert "Second edition of our parent survey is out" in articles


def test_spanish_promise_page_is_in_spanish(client, demo):
    issue = soup_of(client.get("/es/temas/tutoria-y-atencion/", HTTP_HOST=KIDSCAN))
    assert issue.h1.get_text(strip=True) == "Tutoría y atención para cada estudiante"
    titles = [title.get_text(strip=True) for title in issue.select(".issue-section .card__title")]
    assert "Ya salió la segunda edición de nuestra encuesta a padres de familia" in titles


@pytest.mark.parametrize(
    ("home_path", "heading", "school_accountability"),
    [
        ("/", "Important Issues", "School accountability"),
        ("/es/", "Temas importantes", "Rendición de cuentas de las escuelas"),
    ],
)
def test_each_important_issue_links_to_its_own_issue_page(
    client, demo, home_path, heading, school_accountability
):
    """The home page's "Important Issues" list is rendered on the server, each with its page."""
    home = soup_of(client.get(home_path, HTTP_HOST=KIDSCAN))
    issue_list = home.find("h2", string=heading).find_parent("section")
    items = issue_list.select(".issue-list__item")
    assert len(items) == 5
    for item in items:
        link = item.find("a")
        assert link is not None, f"{item.h3.get_text()} has no page"
        page = soup_of(client.get(link["href"], HTTP_HOST=KIDSCAN))
        assert page.h1.get_text(strip=True) == item.h3.get_text(strip=True)

    # The parent survey article is filed under school accountability, so its page shows it.
    link = issue_list.find("a", string=school_accountability)
    page = soup_of(client.get(link["href"], HTTP_HOST=KIDSCAN))
    assert page.select(".issue-section .card__title")


# --- Each issue page is worth a visit: why it matters, the asks, and what a reader can do -----

ISSUE_SLUGS = [slug for _title, slug, _summary in content.PROMISES + content.IMPORTANT_ISSUES]
KIDSCAN_SPANISH_PAGES = content_es.SPANISH[KIDSCAN]["pages"]


def issue_address(slug, language):
    if language == "en":
        return f"/issues/{slug}/"
    index = KIDSCAN_SPANISH_PAGES["issues"]["slug"]
    return f"/es/{index}/{KIDSCAN_SPANISH_PAGES[f'issues/{slug}']['slug']}/"


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("slug", ISSUE_SLUGS)
def test_each_issue_page_says_why_what_we_ask_and_what_readers_can_do(client, slug, language):
    headings = content.ISSUE_HEADINGS if language == "en" else content_es.ISSUE_HEADINGS
    issue = soup_of(client.get(issue_address(slug, language), HTTP_HOST=KIDSCAN))
    body = issue.select_one(".body-stream")

    sections = [heading.get_text(strip=True) for heading in body.select("h2.block-heading")]
    assert sections == list(headings)
    asks = body.find("h2", string=headings[1]).find_next_sibling()
    assert len(asks.select("li")) >= 3, "the policy asks are a list"
    assert body.select_one(f'a[href="mailto:{content.KIDSCAN_EMAIL}"]') is not None


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("slug", ISSUE_SLUGS)
def test_each_issue_pages_calls_to_action_lead_to_live_pages_in_its_language(
    client, slug, language
):
    issue = soup_of(client.get(issue_address(slug, language), HTTP_HOST=KIDSCAN))
    buttons = [link["href"] for link in issue.select(".body-stream .call-to-action a[href]")]

    assert len(buttons) == len(content.ISSUE_PAGES[slug]["actions"])
    for href in buttons:
        assert href.startswith("/es/") == (language == "es"), href
        soup_of(client.get(href, HTTP_HOST=KIDSCAN))  # the page is there


PROMISE_NOTES = ("This promise is one of the five", "Esta promesa es una de las cinco")
ISSUE_NOTES = ("An illustrative issue", "Un tema ilustrativo")


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(
    ("slug", "notes"),
    [(slug, PROMISE_NOTES) for _title, slug, _summary in content.PROMISES]
    + [(slug, ISSUE_NOTES) for _title, slug, _summary in content.IMPORTANT_ISSUES],
)
def test_the_invented_asks_say_they_are_illustrative_in_both_languages(client, slug, notes):
    """The promises are 50CAN's and the issues invented; the asks under all ten are invented."""
    for language, note in zip(("en", "es"), notes, strict=True):
        issue = soup_of(client.get(issue_address(slug, language), HTTP_HOST=KIDSCAN))
        assert note in issue.select_one(".body-stream em").get_text(" ")
