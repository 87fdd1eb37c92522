"""Accessibility, layout and no-JavaScript checks of both demo sites in a real Chromium.

Each test reads the shared demo (both organizations' sites, loaded once per
test process and only read here). One walk per site visits every page a
visitor reaches, and three tests read what it found; failures list every
offending page at once rather than stopping at the first.
"""

from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils import translation

from wagtail.models import Site

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from articles.models import NewsIndexPage
from pages.models import SiteSettings
from partners.models import PartnerIndexPage
from stories.models import StoryIndexPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]

DEFAULT_HOST = "localhost"
KIDSCAN_HOST = "kidscan.localhost"
HOSTNAMES = [DEFAULT_HOST, KIDSCAN_HOST]

# WCAG 2.0, 2.1 and 2.2 levels A and AA, nothing else (no best-practice rules).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}

NARROW_VIEWPORT = {"width": 320, "height": 640}


# --- helpers ---------------------------------------------------------------


def _origin(demo_server, hostname):
    """The live server under one site's host name (Chromium maps *.localhost to loopback)."""
    port = urlsplit(demo_server.url).port
    return f"http://{hostname}:{port}"


def _origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _page_urls(demo_server, hostname):
    """Every address of the site at `hostname` a visitor reaches, in every language, absolute.

    Its live pages, the news topics' pages, filtered lists, and search
    results with and without matches; each should answer 200.
    """
    site = Site.objects.get(hostname=hostname)
    origin = _origin(demo_server, hostname)
    paths = []
    for home in site.root_page.get_translations(inclusive=True).order_by("path"):
        pages = home.get_descendants(inclusive=True).live().specific().order_by("path")
        for page in pages:
            path = page.get_url_parts()[2]
            paths.append(path)
            if isinstance(page, NewsIndexPage):
                with translation.override(page.locale.language_code):
                    topics = page.topics_in_use(None)
                paths += [path + page.reverse_subpage("topic", args=[t.slug]) for t in topics]
                if topics:
                    paths.append(f"{path}?topic={topics[0].slug}")
            if isinstance(page, StoryIndexPage) and page.regions_in_use():
                paths.append(f"{path}?region={page.regions_in_use()[0][0]}")
            if isinstance(page, PartnerIndexPage) and page.regions_in(page.partners.all(), None):
                paths.append(f"{path}?region={page.regions_in(page.partners.all(), None)[0][0]}")
        prefix = "" if home.locale.language_code == settings.LANGUAGE_CODE else "/es"
        paths += [f"{prefix}/search/?q=ESSA", f"{prefix}/search/?q=zzzzzz", f"{prefix}/search/"]
    urls = [origin + path for path in paths]
    assert len(urls) > 1, f"expected several live pages on {hostname}, found {urls}"
    return urls


def _visit(page, url):
    response = page.goto(url, wait_until="load")
    assert response is not None, f"no response for {url}"
    return response


def _format_problems(title, problems):
    return title + ":\n" + "\n".join(f"  - {problem}" for problem in problems)


# --- 1. every page: status, headings, language, axe, strict CSP, 320px -------
#
# Each site is walked once: every page is loaded at desktop width, checked,
# and laid out again at 320px. The tests below read what the walk found, one
# kind of problem each, so a page costs one visit instead of one per check.

FIND_INLINE_MARKUP = """() => {
    const scripts = [...document.querySelectorAll('script:not([src])')]
        .filter((el) => (el.type || '').toLowerCase() !== 'application/ld+json');
    const styled = [...document.querySelectorAll('[style]')];
    const handlers = [...document.querySelectorAll('*')].filter((el) =>
        [...el.attributes].some((attr) => attr.name.startsWith('on')));
    const describe = (el) => el.outerHTML.slice(0, 120);
    return [
        ...scripts.map((el) => 'inline <script>: ' + describe(el)),
        ...styled.map((el) => 'style attribute: ' + describe(el)),
        ...handlers.map((el) => 'event-handler attribute: ' + describe(el)),
    ];
}"""

FIND_OVERFLOWING = """(limit) => [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > limit + 1)
    .slice(0, 3)
    .map((el) => el.tagName.toLowerCase()
        + (el.className && typeof el.className === 'string'
            ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
        + ' (right edge '
        + Math.round(el.getBoundingClientRect().right) + 'px)')"""


def _axe_problems(axe, page, url):
    problems = []
    for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
        targets = [", ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        problems.append(
            f"{url}: axe {violation['id']} ({violation['impact']}, "
            f"{len(violation['nodes'])} node(s)): {'; '.join(targets)}"
            f" | {violation['help']}"
        )
    return problems


def _overflow_at_narrow_width(page, url):
    """The page laid out again on a 320px screen: what sticks out, if anything."""
    desktop = page.viewport_size
    page.set_viewport_size(NARROW_VIEWPORT)
    try:
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width <= NARROW_VIEWPORT["width"] + 1:
            return []
        widest = page.evaluate(FIND_OVERFLOWING, NARROW_VIEWPORT["width"])
        return [f"{url}: scrollWidth {scroll_width}px; overflowing: {widest}"]
    finally:
        page.set_viewport_size(desktop)


def _walk_site(browser, demo_server, hostname):
    """Every page of the site at `hostname`, visited once: the problems found, by kind."""
    axe = Axe()
    found = {"accessibility": [], "csp": [], "narrow": [], "pages": 0}
    context = browser.new_context()
    page = context.new_page()
    try:
        urls = _page_urls(demo_server, hostname)
        found["pages"] = len(urls)
        for url in urls:
            response = _visit(page, url)
            if response.status != 200:
                found["accessibility"].append(f"{url}: HTTP status {response.status}, expected 200")
                continue
            h1_count = page.locator("h1").count()
            if h1_count != 1:
                found["accessibility"].append(
                    f"{url}: {h1_count} <h1> elements, expected exactly one"
                )
            lang = (page.locator("html").get_attribute("lang") or "").strip()
            if not lang:
                found["accessibility"].append(f"{url}: <html> has no lang attribute value")
            found["accessibility"] += _axe_problems(axe, page, url)
            found["csp"] += [f"{url}: {offender}" for offender in page.evaluate(FIND_INLINE_MARKUP)]
            found["narrow"] += _overflow_at_narrow_width(page, url)
        # The not-found page, in both languages, is held to the same standard.
        for path in ("/no-such-page/", "/es/no-existe/"):
            url = _origin(demo_server, hostname) + path
            if _visit(page, url).status != 404:
                found["accessibility"].append(f"{url}: expected a 404")
            found["accessibility"] += _axe_problems(axe, page, url)
            found["csp"] += [f"{url}: {offender}" for offender in page.evaluate(FIND_INLINE_MARKUP)]
            found["narrow"] += _overflow_at_narrow_width(page, url)
    finally:
        context.close()
    return found


@pytest.fixture(scope="module")
def _walks_made():
    return {}


@pytest.fixture
def walk(_walks_made, demo_server, browser):
    """What the one walk of a site found (walking it the first time a test asks)."""

    def found_on(hostname):
        if hostname not in _walks_made:
            _walks_made[hostname] = _walk_site(browser, demo_server, hostname)
        return _walks_made[hostname]

    return found_on


@pytest.mark.parametrize("hostname", HOSTNAMES)
def test_every_page_passes_axe_wcag_aa(hostname, walk):
    found = walk(hostname)
    assert not found["accessibility"], _format_problems(
        f"{hostname}: accessibility problems on {found['pages']} pages", found["accessibility"]
    )


@pytest.mark.parametrize("hostname", HOSTNAMES)
def test_no_page_scrolls_horizontally_at_320px(hostname, walk):
    found = walk(hostname)
    assert not found["narrow"], _format_problems(
        f"{hostname}: pages wider than a {NARROW_VIEWPORT['width']}px screen", found["narrow"]
    )


@pytest.mark.parametrize("hostname", HOSTNAMES)
def test_pages_have_no_inline_scripts_or_styles(hostname, walk):
    found = walk(hostname)
    assert not found["csp"], _format_problems(
        f"{hostname}: markup a strict CSP (script-src/style-src 'self') would block", found["csp"]
    )


# --- 2. works without JavaScript ----------------------------------------------


def test_pages_work_without_javascript(demo_server, new_context):
    site = Site.objects.get(hostname=DEFAULT_HOST)
    home = site.root_page.specific
    news = home.get_children().get(slug="news")
    article = news.get_children().live().first().specific
    origin = _origin(demo_server, DEFAULT_HOST)

    context = new_context(java_script_enabled=False)
    page = context.new_page()
    off_site_links = []
    for target in (home, news, article):
        url = origin + target.get_url_parts()[2]
        response = _visit(page, url)
        assert response.status == 200, f"{url}: HTTP status {response.status}"

        main = page.locator("main#main")
        expect(main, f"{url}: main landmark").to_be_visible()
        expect(main.locator("h1"), f"{url}: main heading").to_be_visible()
        expect(main.locator("h1")).not_to_be_empty()
        if target is news:
            expect(main.locator(".card").first).to_be_visible()
            expect(main.get_by_role("link", name=article.title, exact=True)).to_be_visible()
        if target is article:
            expect(main.get_by_text(article.summary)).to_be_visible()

        menu_links = page.get_by_role("navigation", name="Main").get_by_role("link")
        assert menu_links.count() >= 3, f"{url}: expected the main menu's links"
        for index in range(menu_links.count()):
            expect(menu_links.nth(index), f"{url}: menu link {index}").to_be_visible()
        expect(menu_links.filter(has_text="News")).to_have_count(1)

        # Links to the demo sites' own pages must reach the server the visitor is using
        # (same scheme and port), not a guessed http://host:80.
        for link in page.locator("a[href]").all():
            href = link.get_attribute("href")
            address = urlsplit(urljoin(page.url, href))
            if address.hostname and address.hostname.endswith("localhost"):
                if _origin_of(address.geturl()) != _origin(demo_server, address.hostname):
                    off_site_links.append(f"{url}: {link.inner_text()!r} -> {href}")

        # Keyboard: the first Tab stop is the skip link; Enter follows it to #main.
        skip_link = page.get_by_role("link", name="Skip to main content")
        page.keyboard.press("Tab")
        expect(skip_link, f"{url}: skip link is the first Tab stop").to_be_focused()
        expect(skip_link).to_be_in_viewport()
        page.keyboard.press("Enter")
        page.wait_for_url(lambda address: urlsplit(address).fragment == "main")
        expect(main, f"{url}: focus moves to main").to_be_focused()

    assert not off_site_links, _format_problems(
        "internal links that miss the live server (wrong scheme or port)", off_site_links
    )

    # Following a menu link works with plain HTML.
    _visit(page, origin + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="News").click()
    expect(page).to_have_url(origin + news.get_url_parts()[2])
    expect(page.locator("main h1")).to_have_text(news.title)

    # The topic filter is a plain form: choosing a topic and pressing Show filters the list.
    page.get_by_label("Topic").select_option(label="Forums")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(origin + news.get_url_parts()[2] + "?topic=forums")
    expect(page.get_by_role("link", name="ESSA Community Forums", exact=True)).to_be_visible()
    expect(page.locator("main .card")).to_have_count(1)

    # So is the search form in the header.
    page.get_by_role("searchbox", name="Search this site").fill("forums")
    page.get_by_role("searchbox", name="Search this site").press("Enter")
    expect(page).to_have_url(origin + "/search/?q=forums")
    expect(page.get_by_role("link", name="ESSA Community Forums", exact=True)).to_be_visible()


# --- 3. each site wears its own brand -----------------------------------------


def test_the_two_sites_have_different_header_colors(demo_server, page):
    colors = {}
    for hostname in HOSTNAMES:
        url = _origin(demo_server, hostname) + "/"
        response = _visit(page, url)
        assert response.status == 200, f"{url}: HTTP status {response.status}"
        colors[hostname] = page.locator(".site-header").evaluate(
            "(el) => getComputedStyle(el).backgroundColor"
        )
    assert colors[DEFAULT_HOST] != colors[KIDSCAN_HOST], colors
    # Each header wears its own site's brand color, not the stylesheet's fallback.
    for hostname, color in colors.items():
        brand = SiteSettings.for_site(Site.objects.get(hostname=hostname)).brand_color
        red, green, blue = (int(brand[i : i + 2], 16) for i in (1, 3, 5))
        assert color == f"rgb({red}, {green}, {blue})", f"{hostname}: {color}, brand {brand}"
