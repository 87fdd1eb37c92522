import pytest

from tests.factories import make_article, make_news_index, make_site

pytestmark = pytest.mark.django_db


def test_news_index_lists_an_article(client):
    site = make_site()
    index = make_news_index(site.root_page)
    make_article(index, title="Forums announced")
    response = client.get(index.url)
    assert response.status_code == 200
    assert "Forums announced" in response.content.decode()
