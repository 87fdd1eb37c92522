"""Malformed, huge and hostile query strings on every listing, feed and search address.

Whatever a visitor, a bot or a broken link sends, the answer is a page or a
clear 4xx, never a server error, and nothing sent is echoed back unescaped.
"""

import pytest

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/news/",
    "/es/noticias/",
    "/news/topics/essa/",
    "/news/feeds/rss/",
    "/news/feeds/atom/",
    "/stories/",
    "/search/",
    "/es/search/",
]

# Raw query-string values, already percent-encoded as a browser or bot would send them.
HOSTILE_VALUES = [
    "",
    "%00",
    "abc%00def",
    "%FF%FE",
    "%C0%AF",
    "-1",
    "0",
    "1e3",
    "99999999999999999999999999",
    "%EF%BC%91",  # a full-width digit one, which str.isdigit() accepts
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
    "'%20OR%201=1--",
    "../../etc/passwd",
    "a" * 10_000,
    "%E2%80%AE%E2%80%8B",  # bidi override and zero-width space
]
MARKERS = [b"<script>alert(1)</script>", b"<img src=x onerror=alert(1)>"]


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("parameter", ["page", "topic", "region", "q"])
def test_hostile_query_values_never_cause_a_server_error(client, demo, address, parameter):
    for value in HOSTILE_VALUES:
        response = client.get(f"{address}?{parameter}={value}")
        assert response.status_code < 500, (address, parameter, value[:40])
        assert response.status_code in (200, 400, 404), (address, parameter, value[:40])
        for marker in MARKERS:
            assert marker not in response.content, (address, parameter, value[:40])


@pytest.mark.parametrize("address", ADDRESSES)
def test_repeated_and_combined_parameters_are_handled(client, demo, address):
    response = client.get(f"{address}?page=2&page=abc&topic=essa&topic=%00&q=a&q=%FF&region=x")
    assert response.status_code in (200, 400, 404)
