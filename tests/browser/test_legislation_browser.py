"""The bill tracker in a real Chromium: filtering with JavaScript off, a bill, and axe.

The tracker is built on a site of its own (factories, not the demo): four
bills of two sessions, one translated into Spanish, sponsors, topics and a
home page watching two of them.
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail_localize.synctree import synchronize_tree

from tests.browser.test_accessibility import _axe_problems
from tests.factories import content_locales, make_site, make_topic, translate_page
from tests.legislation_factories import (
    HB_151_SPANISH_NOTES,
    make_bill,
    make_bill_index,
    make_legislator,
    translate_bill,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOSTNAME = "localhost"
VIEWPORTS = {"phone": {"width": 320, "height": 640}, "desktop": {"width": 1366, "height": 900}}
D = datetime.date


def build_tracker():
    english, spanish = content_locales()
    site = make_site(hostname=HOSTNAME, name="Learning Alliance")
    home = site.root_page.specific
    counselors = make_topic("School counselors", slug="counselors", site=site)
    ana = make_legislator(site, name="Ana Martínez", title="State Representative")
    tracker = make_bill_index(
        home, title="Bill tracker", slug="bills", introduction="The bills we follow."
    )
    hb_151 = make_bill(
        tracker,
        number="HB 151",
        title="School counselors for every school",
        slug="hb-151",
        sponsors=[ana],
        topics=[counselors],
        legislature_url="https://www.nmlegis.gov/Legislation/Legislation?legNo=151",
    )
    for number, position, session, history in (
        ("SB 2", "oppose", (2027, "regular"), [(D(2027, 1, 18), "introduced")]),
        ("HB 9", "amend", (2027, "regular"), [(D(2027, 1, 30), "in-committee")]),
        ("HJR 5", "monitor", (2026, "special"), [(D(2026, 2, 19), "died")]),
    ):
        make_bill(
            tracker,
            number=number,
            title=f"The {number} bill",
            slug=number.lower().replace(" ", "-"),
            position=position,
            session=session,
            history=history,
            topics=[counselors],
        )
    home.body = [
        ("watched_bills", {"heading": "Bills we are watching", "intro": "", "bills": [hb_151]})
    ]
    home.save_revision().publish()
    translate_page(home, spanish, title="Inicio")
    spanish_tracker = translate_page(
        tracker, spanish, title="Proyectos de ley", slug="proyectos-de-ley"
    )
    spanish_bill = translate_bill(
        hb_151,
        spanish,
        notes=HB_151_SPANISH_NOTES,
        title="Consejeros para cada escuela",
        slug="consejeros",
    )
    synchronize_tree(english, spanish)
    return {
        "en": ["/", "/bills/", "/bills/?session=2027-regular&position=support", "/bills/hb-151/"],
        "es": [
            "/es/",
            spanish_tracker.url,
            spanish_tracker.url + "?topic=counselors",
            spanish_bill.url,
        ],
    }


def origin(live_server):
    return f"http://{HOSTNAME}:{urlsplit(live_server.url).port}"


def test_a_visitor_without_javascript_filters_the_tracker_and_opens_a_bill(
    live_server, new_context
):
    build_tracker()
    page = new_context(java_script_enabled=False).new_page()
    page.goto(origin(live_server) + "/bills/")
    expect(page.locator("main .bill-card")).to_have_count(4)

    page.get_by_label("Session").select_option(label="2026 special session")
    page.get_by_label("Our position").select_option(label="Monitor")
    page.get_by_role("button", name="Show bills").click()

    # A plain GET form: the filtered list has an address of its own.
    expect(page).to_have_url(re.compile(r"/bills/\?session=2026-special&status=&position=monitor"))
    expect(page.locator("main .bill-card")).to_have_count(1)
    expect(page.get_by_label("Session")).to_have_value("2026-special")
    expect(page.get_by_role("status")).to_have_text("1 bill matches these filters.")

    page.get_by_role("link", name="Clear filters").click()
    expect(page.locator("main .bill-card")).to_have_count(4)
    page.get_by_role("link", name="School counselors for every school").click()
    expect(page.locator("main h1")).to_have_text("School counselors for every school")
    expect(page.locator(".bill-timeline li[aria-current=step]")).to_contain_text(
        "Passed one chamber"
    )


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_tracker_and_a_bill_pass_axe_in_both_languages(live_server, new_context, viewport):
    paths = build_tracker()
    # axe is a script: it runs with JavaScript on, in pages that need none.
    context = new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    axe = Axe()
    problems = []
    for language, language_paths in paths.items():
        for path in language_paths:
            url = origin(live_server) + path
            response = page.goto(url)
            assert response.status == 200, url
            assert page.locator("html").get_attribute("lang") == language
            assert page.locator("h1").count() == 1, url
            problems += _axe_problems(axe, page, url)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > VIEWPORTS[viewport]["width"] + 1:
                problems.append(f"{url}: {width}px wide on a {viewport}")
    assert not problems, "\n".join(problems)
