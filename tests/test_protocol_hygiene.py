"""What any HTTP client may send, answered as HTTP says rather than by luck.

- HEAD gets the headers a GET gets and no body, whether the page comes from
  the cache or not;
- a method an address does not answer (TRACE, PUT, DELETE…) is a 405, and a
  document's file is never sent to one;
- a malformed cookie is ignored: the visitor still gets the page;
- a link stored with an unsafe scheme (`javascript:`…), which the admin's
  forms refuse but an import or a direct database change can still store,
  is never rendered as a live link; its words stay on the page.
"""

from wsgiref.util import setup_testing_defaults

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

import pytest
from bs4 import BeautifulSoup

from events.models import EventPage
from navigation.models import MainMenu
from pages.models import SiteSettings, StandardPage
from tests.factories import (
    content_locales,
    make_article,
    make_document,
    make_event,
    make_event_index,
    make_menu_and_footer,
    make_news_index,
    make_newsletter,
    make_site,
    make_standard,
)

pytestmark = pytest.mark.django_db

HOST = "localhost"
# Different on every response, by design.
PER_RESPONSE_HEADERS = {"x-request-id", "content-security-policy", "x-page-cache"}


@pytest.fixture
def site():
    content_locales()
    return make_site(HOST, name="Protocol Alliance")


def path_of(page):
    return page.get_url_parts()[2]


def served(method, path, **environ):
    """(status, headers, body) exactly as the site hands them to the WSGI server.

    Django's test client drops the body of a HEAD answer itself, as servers
    do, so it cannot show whether the site sent one; gunicorn drops it too,
    logging a warning for each.
    """
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "HTTP_HOST": HOST, **environ}
    setup_testing_defaults(environ)
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"] = int(status.split()[0])
        started["headers"] = headers

    # As Django's test client does: the test's transaction must outlive the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = WSGIHandler()(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return started["status"], started["headers"], body


def lasting_headers(headers):
    return sorted(
        (name.lower(), value) for name, value in headers if name.lower() not in PER_RESPONSE_HEADERS
    )


# --- HEAD -------------------------------------------------------------------------------------


@pytest.mark.parametrize("cache", ["page cache on", "page cache off"])
def test_head_on_a_page_has_the_headers_of_get_and_no_body(site, settings, cache):
    settings.CONTENT_CACHE_ENABLED = cache == "page cache on"
    path = path_of(make_standard(site.root_page, title="About us"))
    served("GET", path)  # fills the cache when it is on

    get_status, get_headers, get_body = served("GET", path)
    head_status, head_headers, head_body = served("HEAD", path)

    assert (get_status, head_status) == (200, 200)
    assert b"About us" in get_body
    assert head_body == b""
    assert lasting_headers(head_headers) == lasting_headers(get_headers)
    if cache == "page cache on":
        assert dict(head_headers)["X-Page-Cache"] == "hit"


def test_head_on_a_page_with_a_form_has_no_body(site):
    """Never cached (its CSRF cookie is the visitor's own), and still no body."""
    path = path_of(make_newsletter(site.root_page))

    status, headers, body = served("HEAD", path)

    assert status == 200
    assert dict(headers)["Content-Type"].startswith("text/html")
    assert body == b""


def test_head_on_a_document_sends_its_headers_not_its_file(site):
    document = make_document(content=b"%PDF-1.4 the annual report")

    get_status, get_headers, get_body = served("GET", document.url)
    head_status, head_headers, head_body = served("HEAD", document.url)

    assert (get_status, head_status) == (200, 200)
    assert get_body == b"%PDF-1.4 the annual report"
    assert head_body == b""
    assert lasting_headers(head_headers) == lasting_headers(get_headers)


def test_every_kind_of_public_address_answers_head_like_get(site):
    news = make_news_index(site.root_page, title="News", slug="news")
    make_article(news, title="School board adopts literacy plan")
    events = make_event_index(site.root_page, title="Events", slug="events")
    addresses = [
        "/robots.txt",
        "/sitemap.xml",
        "/brand.css",
        "/search/?q=literacy",
        "/news/feeds/rss/",
        "/news/feeds/atom/",
        path_of(events) + "calendar/",
        "/no-such-page/",
    ]

    for address in addresses:
        path, _, query = address.partition("?")
        get_status, get_headers, _get_body = served("GET", path, QUERY_STRING=query)
        head_status, head_headers, head_body = served("HEAD", path, QUERY_STRING=query)
        assert head_status == get_status, address
        assert head_body == b"", address
        assert lasting_headers(head_headers) == lasting_headers(get_headers), address


# --- Methods an address does not answer --------------------------------------------------------


@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "PATCH"])
def test_a_document_is_never_sent_to_another_method(client, site, method):
    document = make_document(content=b"%PDF-1.4 board minutes")

    response = client.generic(method, document.url, HTTP_HOST=HOST)

    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD"}
    assert not response.streaming
    assert b"board minutes" not in response.content


def test_a_document_is_still_sent_to_get(client, site):
    document = make_document(content=b"%PDF-1.4 board minutes")

    response = client.get(document.url, HTTP_HOST=HOST)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 board minutes"


def test_the_document_password_form_still_takes_a_post_but_not_a_trace(client, site):
    address = "/documents/authenticate_with_password/999999/"

    assert client.post(address, HTTP_HOST=HOST).status_code == 404  # no such restriction
    assert client.generic("TRACE", address, HTTP_HOST=HOST).status_code == 405


@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "PATCH"])
def test_a_page_answers_another_method_with_405_not_the_page(client, site, method):
    path = path_of(make_standard(site.root_page, title="About us"))

    response = client.generic(method, path, HTTP_HOST=HOST)

    assert response.status_code == 405
    assert b"About us" not in response.content
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS", "POST"}


def test_a_page_still_answers_get_and_its_form_a_post(client, site):
    newsletter = make_newsletter(site.root_page)

    assert client.get(path_of(newsletter), HTTP_HOST=HOST).status_code == 200
    # An empty sign-up is refused by the form, not by the method.
    assert client.post(path_of(newsletter), HTTP_HOST=HOST).status_code != 405


# --- Malformed cookies -------------------------------------------------------------------------

MALFORMED_COOKIES = {
    "control byte in a value": "theme=dark\x01light",
    "control byte in a name": "\x01=1; other=2",
    "control byte in the session cookie": "sessionid=abc\x01def",
    "control byte in the CSRF cookie": "csrftoken=\x7f\x01",
    "NUL byte": "a=b\x00c",
    "unbalanced quote": 'a="unfinished; b=2',
    "not name=value at all": ";;;=;\x02",
    "bytes that are not UTF-8": "a=\xff\xfe",
}


@pytest.mark.parametrize("cookie", MALFORMED_COOKIES.values(), ids=MALFORMED_COOKIES.keys())
@pytest.mark.parametrize("kind", ["plain page", "page with a form"])
def test_a_malformed_cookie_is_ignored(client, site, cookie, kind):
    page = (
        make_standard(site.root_page, title="About us")
        if kind == "plain page"
        else make_newsletter(site.root_page, title="Newsletter")
    )

    response = client.get(path_of(page), HTTP_HOST=HOST, HTTP_COOKIE=cookie)

    assert response.status_code == 200
    assert page.title.encode() in response.content


# --- Links with unsafe schemes -----------------------------------------------------------------

UNSAFE_ADDRESSES = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "\x01javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
]
SAFE_ADDRESSES = [
    "https://example.org/report",
    "http://example.org/",
    "mailto:info@example.org",
    "tel:+15055550100",
    "/about/",
    "#contact",
]


def store_body_behind_the_admins_back(page, body):
    """As an import or a direct database change would: no form or model validation runs."""
    StandardPage.objects.filter(pk=page.pk).update(body=body)


def links_in(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, [a.get("href") for a in soup.select("main a")]


def is_unsafe(href):
    cleaned = "".join(ch for ch in (href or "") if ch > " " and ch != "\x7f").lower()
    return cleaned.startswith(("javascript:", "vbscript:", "data:"))


@pytest.mark.parametrize("address", UNSAFE_ADDRESSES)
def test_an_unsafe_link_in_stored_rich_text_is_not_live(client, site, address):
    page = make_standard(site.root_page, title="About us")
    anchor = f'<a href="{address.replace(chr(34), "&quot;")}">our survey</a>'
    store_body_behind_the_admins_back(
        page, [{"type": "paragraph", "value": f"<p>Please take {anchor} today.</p>"}]
    )

    response = client.get(path_of(page), HTTP_HOST=HOST)

    assert response.status_code == 200
    soup, hrefs = links_in(response)
    assert not any(is_unsafe(href) for href in hrefs), hrefs
    assert "Please take our survey today." in soup.select_one("main .rich-text").get_text()


def test_safe_links_in_stored_rich_text_stay_live(client, site):
    page = make_standard(site.root_page, title="About us")
    anchors = "".join(
        f'<a href="{address}">link {n}</a> ' for n, address in enumerate(SAFE_ADDRESSES)
    )
    store_body_behind_the_admins_back(page, [{"type": "paragraph", "value": f"<p>{anchors}</p>"}])

    response = client.get(path_of(page), HTTP_HOST=HOST)

    _soup, hrefs = links_in(response)
    assert set(SAFE_ADDRESSES) <= set(hrefs)


def call_to_action(address, label="Take the survey"):
    return {
        "type": "call_to_action",
        "value": {
            "heading": "Tell the state what you think",
            "text": "",
            "link": {"page": None, "url": address, "label": label},
        },
    }


def card_list(address, label="Read the plan"):
    return {
        "type": "card_list",
        "value": {
            "heading": "Our promises",
            "intro": "",
            "numbered": False,
            "cards": [
                {
                    "title": "Literacy",
                    "text": "",
                    "link": {"page": None, "url": address, "label": label},
                }
            ],
        },
    }


@pytest.mark.parametrize("address", UNSAFE_ADDRESSES)
@pytest.mark.parametrize("block", [call_to_action, card_list], ids=["call to action", "card"])
def test_an_unsafe_address_in_a_stored_link_block_is_not_live(client, site, address, block):
    page = make_standard(site.root_page, title="About us")
    store_body_behind_the_admins_back(page, [block(address, label="Where it leads")])

    response = client.get(path_of(page), HTTP_HOST=HOST)

    assert response.status_code == 200
    soup, hrefs = links_in(response)
    assert not any(is_unsafe(href) for href in hrefs), hrefs
    assert "Where it leads" in soup.select_one("main").get_text()


@pytest.mark.parametrize("address", SAFE_ADDRESSES)
def test_a_safe_address_in_a_link_block_stays_live(client, site, address):
    page = make_standard(site.root_page, title="About us")
    store_body_behind_the_admins_back(page, [call_to_action(address)])

    response = client.get(path_of(page), HTTP_HOST=HOST)

    _soup, hrefs = links_in(response)
    assert address in hrefs


def test_an_unsafe_address_in_a_stored_menu_link_is_not_live(client, site):
    page = make_standard(site.root_page, title="About us")
    make_menu_and_footer(site)
    MainMenu.objects.filter(site=site).update(
        links=[
            {
                "type": "link",
                "value": {"page": None, "url": "javascript:alert(1)", "label": "Donate"},
            }
        ]
    )

    response = client.get(path_of(page), HTTP_HOST=HOST)

    soup = BeautifulSoup(response.content, "html.parser")
    hrefs = [a.get("href") for a in soup.select("a")]
    assert not any(is_unsafe(href) for href in hrefs), hrefs


def test_plain_address_fields_holding_a_script_address_render_no_link(client):
    """Partner websites, event addresses and social links are URL fields the admin checks;
    an unsafe address that reached the database some other way still renders no link."""
    site = make_site(name="Hygiene")
    SiteSettings.objects.filter(site=site).update(
        facebook_url="javascript:alert(1)", instagram_url="https://instagram.com/hygiene"
    )
    events = make_event_index(site.root_page)
    event = make_event(events)
    EventPage.objects.filter(pk=event.pk).update(
        registration_url="javascript:alert(2)", online_url="java\tscript:alert(3)"
    )

    home = client.get("/").content.decode()
    page = client.get(event.url).content.decode()

    assert "javascript:" not in home and "https://instagram.com/hygiene" in home
    assert "alert(2)" not in page and "alert(3)" not in page
