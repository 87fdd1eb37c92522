"""Each site's sitemap.xml and robots.txt, as a search engine reads them.

The tests read two sites in English and Spanish built once for the module
(tests/builders.py builds them): one with a page of every type, one small.
The demo's smoke test compares each demo site's sitemap with what browsing it
reaches the same way, in tests/demo/test_pages_sweep.py.
"""

import xml.etree.ElementTree as ElementTree
from collections import deque
from urllib.parse import urlsplit

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from tests.builders import (
    build_site_with_every_page_type,
    build_small_site_in_two_languages,
    every_page_type,
)
from tests.factories import (
    built_once_per_module,
    fresh_copies,
    make_private,
    make_site,
    make_standard,
)

EVERY_TYPE_HOST = "sitemap.localhost"
SMALL_SITE_HOST = "small-sitemap.localhost"
# A third site made by a test beside the module's two sites (whose module-wide data it shares).
OTHER_HOST = "other.localhost"
pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def read_sitemap(client, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    entries = {}
    for url in root.findall("sm:url", NS):
        entries[url.findtext("sm:loc", namespaces=NS)] = {
            "lastmod": url.findtext("sm:lastmod", namespaces=NS),
            "alternates": {
                link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
            },
        }
    return entries


def canonical_pages_reached_by_browsing(client, host):
    """Canonical addresses of every page a visitor reaches by following links, both languages."""
    site = Site.objects.get(hostname=host)
    to_visit, seen, canonicals = deque(["/", "/es/"]), {"/", "/es/"}, set()
    while to_visit:
        path = to_visit.popleft()
        response = client.get(path, HTTP_HOST=host)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        soup = BeautifulSoup(response.content, "html.parser")
        canonical = soup.find("link", rel="canonical")
        if canonical and canonical["href"].startswith(site.root_url):
            canonicals.add(canonical["href"])
        for link in soup.find_all("a", href=True):
            parts = urlsplit(link["href"])
            if parts.scheme or parts.netloc or parts.query or not parts.path.startswith("/"):
                continue
            if parts.path.startswith(("/static/", "/media/", "/admin/", "/documents/")):
                continue
            if parts.path not in seen:
                seen.add(parts.path)
                to_visit.append(parts.path)
    return canonicals


def build_two_sites_in_two_languages():
    return {
        "every_type": build_site_with_every_page_type(EVERY_TYPE_HOST, "Sitemaps"),
        "small": build_small_site_in_two_languages(SMALL_SITE_HOST, "Small"),
    }


two_sites_in_two_languages_for_the_module = built_once_per_module(build_two_sites_in_two_languages)


@pytest.fixture
def two_sites_in_two_languages(two_sites_in_two_languages_for_the_module):
    """{"every_type": a page of each type in both languages, "small": a second site}."""
    return fresh_copies(two_sites_in_two_languages_for_the_module)


def check_sitemap_lists_exactly_the_pages_visitors_can_reach(client, host):
    listed = read_sitemap(client, host)
    assert set(listed) == canonical_pages_reached_by_browsing(client, host)
    site = Site.objects.get(hostname=host)
    assert all(url.startswith(site.root_url + "/") for url in listed)
    assert all(entry["lastmod"] for entry in listed.values())
    # Both languages are there.
    assert any("/es/" in url for url in listed)
    return listed


def test_sitemap_lists_exactly_the_pages_visitors_can_reach(client, two_sites_in_two_languages):
    """A page of each type in both languages, and the untranslated article's English page only."""
    every_type = two_sites_in_two_languages["every_type"]
    listed = check_sitemap_lists_exactly_the_pages_visitors_can_reach(client, EVERY_TYPE_HOST)
    built = [*every_type["english"].values(), *every_type["spanish"].values()]
    assert {type(page.specific) for page in built} == every_page_type()
    assert {page.get_full_url() for page in built} <= set(listed)
    # The twin shows the English article, so only the English address is listed.
    twin = every_type["twin"]
    assert twin.get_full_url() not in listed
    assert twin.alias_of.get_full_url() in listed


def test_translated_pages_name_each_other_in_the_sitemap(client, two_sites_in_two_languages):
    """Each page and its translation, whatever their type, name the same versions of each other."""
    every_type = two_sites_in_two_languages["every_type"]
    listed = read_sitemap(client, EVERY_TYPE_HOST)
    for type_name, english_page in every_type["english"].items():
        english = english_page.get_full_url()
        alternates = listed[english]["alternates"]
        assert alternates["en"] == english, type_name
        assert alternates["x-default"] == english, type_name
        spanish = alternates["es"]
        assert spanish == every_type["spanish"][type_name].get_full_url(), type_name
        assert "/es/" in spanish, type_name
        assert listed[spanish]["alternates"] == alternates, type_name


def test_a_page_without_a_translation_has_no_alternates(client, db):
    site = make_site(hostname=OTHER_HOST, name="Other", default=False)
    page = make_standard(site.root_page, title="Only in English")
    listed = read_sitemap(client, OTHER_HOST)
    assert listed[page.get_full_url()]["alternates"] == {}


def test_drafts_and_private_pages_stay_out_of_the_sitemap(client, two_sites_in_two_languages):
    site = make_site(hostname=OTHER_HOST, name="Other", default=False)
    live = make_standard(site.root_page, title="Public")
    draft = make_standard(site.root_page, title="Draft", live=False)
    private = make_standard(site.root_page, title="Board only")
    make_private(private)
    listed = read_sitemap(client, OTHER_HOST)
    assert live.get_full_url() in listed
    assert draft.get_full_url() not in listed
    assert private.get_full_url() not in listed
    # Nothing from the module's sites beside it.
    assert all(url.startswith(f"http://{OTHER_HOST}/") for url in listed)


@pytest.mark.parametrize("host", [EVERY_TYPE_HOST, SMALL_SITE_HOST])
def test_robots_txt_points_to_that_sites_sitemap(client, two_sites_in_two_languages, host):
    response = client.get("/robots.txt", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    site = Site.objects.get(hostname=host)
    assert f"Sitemap: {site.root_url}/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_sitemap_and_robots_refuse_a_post(client, db):
    assert client.post("/sitemap.xml").status_code == 405
    assert client.post("/robots.txt").status_code == 405
