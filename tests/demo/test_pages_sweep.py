"""Sweeps over every page of both demo sites in both languages: the demo content's smoke tests.

Each sweep applies the rules of a behavior module to the demo's own pages:
reciprocal language links (tests/test_i18n.py), every preview mode
(tests/test_preview.py), no inline script or style (tests/test_security_headers.py)
and the sitemap against what browsing reaches (tests/test_sitemap.py). Those
modules check the same rules on a factory site with a page of every type, so
a behavior is still tested when the demo is left out (`make test-fast`); the
helpers stay there, beside the behavior they define, and are imported here.
"""

from wagtail.models import Page, Site

import pytest
from bs4 import BeautifulSoup

from demo import content, content_es
from localization.translations import original_of
from tests.test_i18n import language_link_problems, read_language_links
from tests.test_preview import problems_previewing
from tests.test_security_headers import inline_code_on, live_page_paths
from tests.test_sitemap import check_sitemap_lists_exactly_the_pages_visitors_can_reach
from tests.us_english import british_spellings, english_text_of

pytestmark = pytest.mark.django_db

DEMO_HOSTS = [content.ALLIANCE["hostname"], content.KIDSCAN["hostname"]]


# --- Language links ---------------------------------------------------------------------------


def test_every_page_names_its_translations_reciprocally(client, demo):
    """Search engines get matching hreflang sets on both sides, and the switcher agrees with them.

    The demo's smoke test: every live page of both demo sites, in both
    languages, is read (the rules are in `language_link_problems`). The same
    rules hold for one page of each type in the quick tests
    (`test_each_page_type_names_its_translations_reciprocally` in tests/test_i18n.py).
    """
    pages = read_language_links(client, Page.objects.live().filter(depth__gt=1).specific())
    # Spanish pages with their own text (not twins showing the English one), both sites.
    translated_pages = sum(
        1
        for page in Page.objects.filter(locale__language_code="es", depth__gt=1).live()
        if original_of(page) is None
    )
    assert translated_pages >= sum(len(spanish["pages"]) for spanish in content_es.SPANISH.values())

    problems, with_alternates = language_link_problems(client, pages)

    assert len(pages) >= 2 * translated_pages
    assert problems == []
    # Each translated demo page and its English original, and no alias, name their versions.
    assert with_alternates == 2 * translated_pages


# --- Previews ---------------------------------------------------------------------------------


def demo_pages():
    """Every page of the demo sites in both languages, as its own type."""
    return [page.specific for page in Page.objects.filter(depth__gt=1).order_by("path")]


def test_every_demo_page_previews_in_every_mode(demo):
    """The demo's smoke test: each of its pages, in both languages, twins included.

    `test_each_page_type_previews_in_every_mode` (tests/test_preview.py) checks
    the same on one page of each type in the quick tests.
    """
    pages = demo_pages()
    assert len(pages) > 20
    problems = problems_previewing(pages)
    assert not problems, "\n".join(problems)


# --- Inline script and style ------------------------------------------------------------------


@pytest.mark.parametrize("host", DEMO_HOSTS)
def test_no_demo_page_runs_inline_script_or_inline_style(client, demo, host):
    """Every live page of the demo site in both languages: its content adds nothing inline.

    A smoke test of the demo's own content; the behavior is checked on a page
    of every type in `test_no_page_of_any_type_runs_inline_script_or_inline_style`
    (tests/test_security_headers.py).
    """
    paths = [path for path, _page_type in live_page_paths(Site.objects.get(hostname=host))]

    problems = inline_code_on(client, host, paths)

    assert not problems, "\n".join(problems)


# --- Sitemap ----------------------------------------------------------------------------------


@pytest.mark.parametrize("host", DEMO_HOSTS)
def test_sitemap_lists_exactly_the_pages_visitors_can_reach_on_that_site(client, demo, host):
    """The demo's smoke test: every page of each demo site, as browsing it finds them.

    `test_sitemap_lists_exactly_the_pages_visitors_can_reach` (tests/test_sitemap.py)
    checks the same on a page of each type in the quick tests.
    """
    check_sitemap_lists_exactly_the_pages_visitors_can_reach(client, host)


# --- US English -------------------------------------------------------------------------------


@pytest.mark.parametrize("host", DEMO_HOSTS)
def test_no_english_demo_page_uses_a_british_spelling(client, demo, host):
    """The demo's English pages read as two American organizations write.

    The behavior (every page type, interface strings, admin text) is checked
    in tests/test_us_english.py.
    """
    site = Site.objects.get(hostname=host)
    found = {}
    for path, _page_type in live_page_paths(site):
        if path.startswith("/es/"):
            continue
        response = client.get(path, HTTP_HOST=host)
        text = english_text_of(BeautifulSoup(response.content, "html.parser"))
        if spellings := british_spellings(text):
            found[path] = spellings

    assert found == {}
