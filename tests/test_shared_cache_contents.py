"""What the shared cache holds: plain data only.

Every instance of the site reads the same Redis. A model instance pickled
there by one release would be unpickled by the next, whose model may have
changed, so the project's own cache entries (page parts, lists, pictures,
whole pages) hold only dicts, lists, strings, bytes and numbers; what needs
a model instance rebuilds it from those values. Wagtail's own rendition
cache ("renditions") and its list of site roots are Wagtail's business and
are left out.
"""

import datetime
from unittest import mock

from django.core.cache import caches
from django.test import override_settings

import pytest

from tests.builders import build_site_with_every_page_type
from tests.factories import built_once_per_module, fresh_copies
from tests.shared_demo import clear_caches

pytestmark = pytest.mark.django_db

HOST = "plain-data.localhost"
WAGTAILS_OWN_KEYS = {"wagtail_site_root_paths"}
# Values an entry may be made of, all the way down.
PLAIN_LEAVES = (str, bytes, int, float, bool, type(None), datetime.date)
PLAIN_CONTAINERS = (dict, list, tuple)


def not_plain(value, where="value"):
    """Where in `value` something other than plain data sits, as ["where: type"]."""
    if isinstance(value, PLAIN_CONTAINERS) and type(value) in PLAIN_CONTAINERS:
        items = value.items() if isinstance(value, dict) else enumerate(value)
        found = []
        for key, item in items:
            found += not_plain(key, f"{where} key") if isinstance(value, dict) else []
            found += not_plain(item, f"{where}[{key!r}]")
        return found
    if type(value) in PLAIN_LEAVES:
        return []
    return [f"{where}: {type(value).__module__}.{type(value).__qualname__}"]


site_for_the_module = built_once_per_module(
    lambda: build_site_with_every_page_type(HOST, "Plain Data Alliance")
)


@pytest.fixture
def site(site_for_the_module):
    return fresh_copies(site_for_the_module)


def test_not_plain_names_what_is_not_plain_data():
    assert not_plain({"a": [1, "b", (2.5, None)], "c": {"d": b"e"}}) == []
    assert not_plain({"page": object()}) == ["value['page']: builtins.object"]
    assert not_plain(["safe", mock.sentinel.thing])[0].startswith("value[1]: unittest.mock")


def test_every_entry_a_page_visit_stores_is_plain_data(client, site):
    """A visit to every page of a site, in both languages, cached as in production."""
    stored = []
    cache = caches["default"]

    def recording(method):
        def record(key, value, *args, **kwargs):
            stored.append((key, value))
            return method(key, value, *args, **kwargs)

        return record

    clear_caches()
    with (
        override_settings(CONTENT_CACHE_ENABLED=True),
        mock.patch.object(cache, "set", recording(cache.set)),
        mock.patch.object(cache, "add", recording(cache.add)),
    ):
        pages = [*site["english"].values(), *site["spanish"].values(), site["twin"]]
        for page in pages:
            response = client.get(page.relative_url(site["site"]), HTTP_HOST=HOST)
            assert response.status_code in (200, 302), page.url_path
        for extra in ("/search/?q=education", "/es/search/?q=educación", "/sitemap.xml"):
            client.get(extra, HTTP_HOST=HOST)

    assert len(stored) > len(pages)  # the parts, lists and pages were cached
    problems = [
        problem
        for key, value in stored
        if key not in WAGTAILS_OWN_KEYS
        for problem in not_plain(value, key)
    ]
    assert problems == [], "\n".join(problems)


def test_a_page_reads_its_sites_shared_parts_in_one_cache_call(client, site):
    """Menu, footer, settings, logo, addresses: one entry per site and language, read once."""
    cache = caches["default"]
    read = []

    def recording_get(key, *args, **kwargs):
        read.append(key)
        return original_get(key, *args, **kwargs)

    original_get = cache.get
    article = site["english"]["ArticlePage"]
    with override_settings(CONTENT_CACHE_ENABLED=True):
        clear_caches()
        client.get("/", HTTP_HOST=HOST)  # builds the parts
        with mock.patch.object(cache, "get", recording_get):
            page = client.get(article.relative_url(site["site"]), {"fresh": "1"}, HTTP_HOST=HOST)

    assert page.status_code == 200
    assert b"site-footer" in page.content  # the parts were shown
    assert len([key for key in read if "site-parts" in key]) == 1
