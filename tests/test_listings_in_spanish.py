"""Topic pages, filters and the 404 page in Spanish, on the demo content."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def card_titles(response, selector):
    return [title.get_text(strip=True) for title in soup_of(response).select(selector)]


def test_spanish_topic_page_uses_the_spanish_name_and_address(client, demo):
    response = client.get("/es/noticias/topics/encuestas/")
    page = soup_of(response)
    assert page.h1.get_text(strip=True) == "Encuestas"
    titles = card_titles(response, "#topic-articles ~ .card-list .card__title")
    assert "Dé su opinión sobre ESSA en la encuesta de NM First" in titles
    # The English slug also works under /es/, for a topic not yet translated.
    assert client.get("/es/noticias/topics/surveys/").status_code == 200


def test_spanish_region_names_in_the_filter(client, demo):
    select = soup_of(client.get("/es/historias/")).select_one("select[name=region]")
    assert select.find("option").get_text(strip=True) == "Todas las regiones"


def test_spanish_not_found_page_searches_in_spanish(client, demo):
    response = client.get("/es/no-existe/")
    page = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 404
    assert page.select_one("main form.search-form")["action"] == "/es/search/"
    assert "/es/noticias/" in [link["href"] for link in page.select(".not-found__sections a")]
