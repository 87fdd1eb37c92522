"""Readers with the data saver on (`Save-Data: on`) download only the smallest pictures.

Their copy of a page is kept apart from everyone else's, by the page cache
and by any CDN (`Vary: Save-Data`), so neither reader gets the other's.
"""

from django.test import override_settings

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_article, make_image, make_news_index, make_site
from tests.shared_demo import clear_caches

pytestmark = pytest.mark.django_db


@pytest.fixture
def article_path():
    site = make_site()
    index = make_news_index(site.root_page, slug="news")
    make_article(index, slug="forums", image=make_image(size=(1600, 900)))
    return "/news/forums/"


def candidates(response):
    """How many sizes each picture source offers, in page order."""
    soup = BeautifulSoup(response.content, "html.parser")
    sources = soup.select("main picture source[srcset], main picture img[srcset]")
    return [len(source["srcset"].split(",")) for source in sources]


def test_the_data_saver_gets_one_size_of_each_picture(client, article_path):
    saving = client.get(article_path, HTTP_SAVE_DATA="on")
    everyone = client.get(article_path)

    assert candidates(saving) and set(candidates(saving)) == {1}
    assert max(candidates(everyone)) > 1
    assert "Save-Data" in saving["Vary"] and "Save-Data" in everyone["Vary"]


def test_the_page_cache_keeps_the_data_savers_copy_apart(client, article_path):
    clear_caches()
    with override_settings(CONTENT_CACHE_ENABLED=True):
        everyone = client.get(article_path)
        saving = client.get(article_path, HTTP_SAVE_DATA="on")
        saving_again = client.get(article_path, HTTP_SAVE_DATA="on")
        everyone_again = client.get(article_path)

    assert saving["X-Page-Cache"] == "miss" and saving_again["X-Page-Cache"] == "hit"
    assert set(candidates(saving_again)) == {1}
    assert everyone_again["X-Page-Cache"] == "hit"
    assert candidates(everyone_again) == candidates(everyone)
    assert max(candidates(everyone_again)) > 1
