import pytest
from tests.browser.test_accessibility import _load_demo, _page_urls, HOSTNAMES
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

def test_probe(live_server, page):
    _load_demo()
    for h in HOSTNAMES:
        for url in _page_urls(live_server, h):
            page.goto(url)
            hrefs = page.evaluate("""() => [...document.querySelectorAll('a[href]')].filter(a => a.getAttribute('href').startsWith('http://') && a.getAttribute('href').includes('localhost')).map(a => (a.closest('nav,aside,section,main,footer,header')||{}).className + ' ' + a.getAttribute('href'))""")
            print(url, hrefs)
