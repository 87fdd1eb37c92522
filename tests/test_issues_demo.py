"""The demo's issue pages: NewMexicoKidsCAN's five promises, each gathering its own pages."""

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
    issue = soup_of(client.get("/es/promesas/tutoria-y-atencion/", HTTP_HOST=KIDSCAN))
    assert issue.h1.get_text(strip=True) == "Tutoría y atención para cada estudiante"
    titles = [title.get_text(strip=True) for title in issue.select(".issue-section .card__title")]
    assert "Ya salió la segunda edición de nuestra encuesta a padres de familia" in titles
