"""The demo's issue pages: KidsCAN's promises and important issues, each gathering its pages."""

import pytest
from bs4 import BeautifulSoup

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
