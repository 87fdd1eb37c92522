"""The component gallery in Chromium, in both languages: axe finds nothing, the CSP blocks nothing.

An editor signs in to the admin of a site with a page of every type
(tests/builders.py) and opens the gallery from the Help menu's address;
it is held to the rules every public page is held to in
tests/browser/test_accessibility.py (and to axe's best practices), also at 320 px wide.
"""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from editorial.roles import SiteRoles, set_up_site_roles
from tests.browser.test_accessibility import FIND_INLINE_MARKUP, NARROW_VIEWPORT
from tests.browser.test_csp import watch
from tests.builders import build_site_with_every_page_type
from tests.factories import make_staff

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOST = "gallery.localhost"
PASSWORD = "a-long-password"  # make_staff's
# Every rule axe does not call experimental, best practices included: the public pages' WCAG
# rules and more, as the editors' own checker in the userbar runs them (pages/wagtail_hooks.py).
EVERY_RULE = {"resultTypes": ["violations"]}


@pytest.fixture
def gallery_site():
    site = build_site_with_every_page_type(HOST, "Learning Alliance")["site"]
    set_up_site_roles(site)
    make_staff("gallery-editor", SiteRoles.objects.get(site=site).editors)
    return site


def test_the_gallery_passes_axe_in_both_languages(live_server, page, gallery_site):
    base = f"http://{HOST}:{urlsplit(live_server.url).port}"
    violations = watch(page)
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill("gallery-editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base}/admin/")

    axe = Axe()
    problems = []
    for language, title in (("en", "Component gallery"), ("es", "Galería de componentes")):
        url = f"{base}/admin/component-gallery/?lang={language}"
        response = page.goto(url, wait_until="load")
        assert response.status == 200, url
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        for violation in axe.run(page, options=EVERY_RULE).response["violations"]:
            targets = [", ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
            problems.append(f"{url}: axe {violation['id']}: {'; '.join(targets)}")
        problems += [f"{url}: {offender}" for offender in page.evaluate(FIND_INLINE_MARKUP)]
        desktop = page.viewport_size
        page.set_viewport_size(NARROW_VIEWPORT)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > NARROW_VIEWPORT["width"] + 1:
            problems.append(f"{url}: {width}px wide on a {NARROW_VIEWPORT['width']}px screen")
        page.set_viewport_size(desktop)

    assert problems == [], "\n".join(problems)
    assert violations == [], "\n".join(violations)
