#!/usr/bin/env python
"""Take the screenshots of docs/editors.md from a running site's admin.

    make run                # in one terminal: the demo sites on port 8000
    make editor-guide       # in another: this script, into docs/images/editors/

Or by hand: `.venv/bin/python tools/scripts/editor_screenshots.py --base-url
http://127.0.0.1:8000 --out-dir docs/images/editors`.

It walks through the guide as staff would, with the demo accounts of the
Learning Alliance site (demo/accounts.py): the editor writes an article,
uploads a picture with its alt text and submits the article for review; the
moderator approves and publishes it, looks at its history and opens the
unpublish confirmation. Then the advocacy sections: the Alliance's editor
opens the decision makers and the take-action page, a visitor takes part in
the action twice, and the moderator lists who took part; NewMexicoKidsCAN's
editor (the only demo site with a bill tracker) opens a bill and the home
page's "Bills we are watching" block. Each step saves one PNG named after its
section of the guide. `--only advocacy` retakes just the advocacy pictures.

It talks to the site over HTTP only, like a browser, so it works against any
running copy with the demo content loaded. The article and picture it makes
carry the recognizable title prefix "Editor guide example"; the moderator
deletes them at the end, and also at the start, should an interrupted run
have left them behind, so running it again and again leaves the site as it
found it (apart from the admin's audit log, which records every action).
The action's participants are recognized by their e-mail addresses at
PARTICIPANT_DOMAIN and deleted the same way; what a participant leaves
behind by design stays: the anonymous record of the letters sent, which
the daily limit on letters counts, and their used form tokens. The
advocacy pictures only look at demo pages and records: nothing is saved.

Selectors name what staff see (roles, labels, visible text) rather than the
admin's markup, so that a Wagtail upgrade that only restyles the admin keeps
the script working, and one that renames something fails loudly at the step
whose screenshot needs retaking.
"""

import argparse
import io
import os
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image as PILImage
from PIL import ImageDraw
from playwright.sync_api import Expect, Locator, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1280, "height": 800}
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
DEFAULT_OUT_DIR = Path(__file__).resolve().parents[2] / "docs" / "images" / "editors"
# The admin is slow the first time it renders a form, and slower still under a test suite.
STEP_TIMEOUT_MS = 60_000
# The admin's sticky bars: the page header at the top, the save button at the bottom.
TOP_BAR = 64
SAVE_BAR = 96
# Time for the admin to lay out again after the window is resized or scrolled by script.
SETTLE_MS = 300

# This script's own assertions, with its patient timeout, leaving Playwright's global default alone.
expect = Expect()
expect.set_options(timeout=STEP_TIMEOUT_MS)

# The demo staff of the Learning Alliance site (demo/accounts.py).
SITE_NAME = "Learning Alliance of New Mexico"
EDITOR = "alliance-editor"
MODERATOR = "alliance-moderator"
PASSWORD_VARIABLE = "DEMO_STAFF_PASSWORD"
DEFAULT_PASSWORD = "demo-staff-local-only"

# The demo staff of NewMexicoKidsCAN: the bill tracker is theirs (the Alliance has none).
KIDSCAN_SITE_NAME = "NewMexicoKidsCAN"
KIDSCAN_EDITOR = "kidscan-editor"

# What the guide's example article says. The prefix makes leftovers easy to find.
GUIDE_PREFIX = "Editor guide example"
# Short enough to show in full in the admin's title field.
ARTICLE_TITLE = f"{GUIDE_PREFIX}: evening board meetings"
ARTICLE_SUMMARY = (
    "Forty parents came to the school board to ask for meetings that working families can attend."
)
ARTICLE_TOPIC = "Community input"
HEADING = "What parents asked for"
PARAGRAPH = "Most parents in Gallup work until six. They asked the board to meet at seven."
IMAGE_TITLE = f"{GUIDE_PREFIX}: mesas at sunrise"
IMAGE_ALT_TEXT = "Red mesas under an orange sunrise sky, with the sun just above the ridge."
IMAGE_CAPTION = "Sunrise over the mesas near Gallup."

# Screenshot file names, in the order the guide shows them.
SIGN_IN = "01-sign-in.png"
DASHBOARD = "02-dashboard.png"
NEWS_SECTION = "03-news-section.png"
ARTICLE_FIELDS = "04-article-fields.png"
BLOCK_PICKER = "05-block-picker.png"
BODY_BLOCKS = "06-body-blocks.png"
IMAGE_UPLOAD = "07-image-upload.png"
FIGURE_BLOCK = "08-figure-block.png"
PREVIEW_LISTING_CARD = "09-preview-listing-card.png"
SUBMIT_FOR_REVIEW = "10-submit-for-review.png"
REVIEW_DASHBOARD = "11-review-dashboard.png"
APPROVE = "12-approve.png"
PUBLISHING_SCHEDULE = "13-publishing-schedule.png"
HISTORY = "14-history.png"
UNPUBLISH = "15-unpublish.png"
TRANSLATE = "16-translate.png"
DECISION_MAKERS = "17-decision-makers.png"
ACTION_FIELDS = "18-action-fields.png"
ACTION_TARGETS = "19-action-targets.png"
ACTION_PARTICIPANTS = "20-action-participants.png"
BILL_FIELDS = "21-bill-fields.png"
BILL_STATUS_HISTORY = "22-bill-status-history.png"
WATCHED_BILLS_BLOCK = "23-watched-bills-block.png"

SCREENSHOTS = [
    SIGN_IN,
    DASHBOARD,
    NEWS_SECTION,
    ARTICLE_FIELDS,
    BLOCK_PICKER,
    BODY_BLOCKS,
    IMAGE_UPLOAD,
    FIGURE_BLOCK,
    PREVIEW_LISTING_CARD,
    SUBMIT_FOR_REVIEW,
    REVIEW_DASHBOARD,
    APPROVE,
    PUBLISHING_SCHEDULE,
    HISTORY,
    UNPUBLISH,
    TRANSLATE,
    DECISION_MAKERS,
    ACTION_FIELDS,
    ACTION_TARGETS,
    ACTION_PARTICIPANTS,
    BILL_FIELDS,
    BILL_STATUS_HISTORY,
    WATCHED_BILLS_BLOCK,
]

# The demo pages the advocacy pictures show, as the demo content titles them.
ACTION_TITLE = "More time to comment on the ESSA state plan"
ACTION_SECTION = "Take action"
BILL_SECTION = "Bill tracker"
# Three steps in its history, so the picture shows how rows follow each other.
BILL_TITLE = "A three-year pause on new charter schools"
HOME_BLOCK_HEADING = "Bills we are watching"

# Visitors who take part in the action for the participants' picture: fictional people whose
# addresses, on a domain reserved for examples, are how the clean-up finds them again.
PARTICIPANT_DOMAIN = "editor-guide.example.org"
PARTICIPANTS = [
    ("Rosa Chávez", f"rosa.chavez@{PARTICIPANT_DOMAIN}", "Gallup"),
    ("Daniel Tsosie", f"daniel.tsosie@{PARTICIPANT_DOMAIN}", "87301"),
]
# The action's form refuses a post sooner than a person could fill it in (a few seconds).
FORM_FILL_MS = 4_000


# Scroll an element to the top of the window, then back down by `offset` pixels so that the
# admin's sticky header does not cover it. The admin scrolls its content in an inner element.
SCROLL_BELOW_TOP_BAR = """(element, offset) => {
    element.scrollIntoView({block: "start"});
    let scroller = element.parentElement;
    while (scroller && scroller.scrollHeight <= scroller.clientHeight) {
        scroller = scroller.parentElement;
    }
    (scroller || document.scrollingElement).scrollBy(0, -offset);
}"""


class Camera:
    """Saves screenshots into one folder and remembers which it took."""

    def __init__(self, page: Page, out_dir: Path):
        self.page = page
        self.out_dir = out_dir
        self.taken: list[Path] = []

    def viewport(self, name: str) -> Path:
        """The whole browser window, for steps where the surroundings help find the way."""
        path = self.out_dir / name
        self.page.screenshot(path=path, animations="disabled")
        return self._keep(path)

    def around(self, name: str, *parts: Locator, margin: int = 16, clear_of_bars=True) -> Path:
        """Just the area that holds every element `parts` match, for steps about one control.

        The admin keeps a bar at the top of the window and the save button at
        the bottom over the content scrolling beneath them. When the area
        would not fit between them (`clear_of_bars`) or in the window, the
        window is made taller for this one picture and the area scrolled to
        just below the top bar.
        """
        page = self.page
        window = page.viewport_size
        parts[0].first.scroll_into_view_if_needed()
        area = self._area(parts, margin)
        top_limit, bottom_limit = (TOP_BAR, window["height"] - SAVE_BAR)
        if not clear_of_bars:
            top_limit, bottom_limit = 0, window["height"]
        if area["y"] < top_limit or area["y"] + area["height"] > bottom_limit:
            height = max(int(area["height"] + 2 * (TOP_BAR + SAVE_BAR)), window["height"])
            page.set_viewport_size({"width": window["width"], "height": height})
            parts[0].first.evaluate(SCROLL_BELOW_TOP_BAR, TOP_BAR + margin)
            page.wait_for_timeout(SETTLE_MS)
            area = self._area(parts, margin)
        path = self.out_dir / name
        try:
            page.screenshot(path=path, clip=self._within_window(area), animations="disabled")
        finally:
            page.set_viewport_size(window)
        return self._keep(path)

    def _area(self, parts, margin):
        """The rectangle, in window coordinates, around everything `parts` match, plus a margin."""
        boxes = [element.bounding_box() for part in parts for element in part.all()]
        boxes = [box for box in boxes if box]
        if not boxes:
            raise RuntimeError("nothing to photograph: the elements are not on screen")
        left = min(box["x"] for box in boxes) - margin
        top = min(box["y"] for box in boxes) - margin
        right = max(box["x"] + box["width"] for box in boxes) + margin
        bottom = max(box["y"] + box["height"] for box in boxes) + margin
        return {"x": left, "y": top, "width": right - left, "height": bottom - top}

    def _within_window(self, area):
        window = self.page.viewport_size
        left, top = max(area["x"], 0), max(area["y"], 0)
        right = min(area["x"] + area["width"], window["width"])
        bottom = min(area["y"] + area["height"], window["height"])
        return {"x": left, "y": top, "width": right - left, "height": bottom - top}

    def _keep(self, path: Path) -> Path:
        # Playwright writes PNGs without compression tuning; these go into git.
        with PILImage.open(path) as picture:
            picture.load()
        picture.save(path, optimize=True)
        self.taken.append(path)
        return path


# --- Signing in and finding the way -------------------------------------------------------------


def staff_password() -> str:
    return os.environ.get(PASSWORD_VARIABLE) or DEFAULT_PASSWORD


def sign_in(page: Page, base_url: str, username: str, camera: Camera | None = None) -> None:
    """Sign in with a fresh session; with a camera, photograph the filled-in form first."""
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(staff_password())
    if camera:
        camera.viewport(SIGN_IN)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    if page.url.rstrip("/").endswith("/admin/login"):
        raise RuntimeError(
            f"could not sign in as {username}: load the demo content (make demo) "
            f"and check {PASSWORD_VARIABLE}"
        )


def open_section(page: Page, base_url: str, section: str, site_name: str = SITE_NAME) -> None:
    """The explorer at one English section of a site, reached as staff would: Pages > site > it."""
    page.goto(f"{base_url}/admin/pages/")
    # The site's home page is listed once per language; the English one holds the originals.
    english_home = page.get_by_role("row").filter(has_text="English")
    home_link = english_home.get_by_role("link", name=f"Explore child pages of '{site_name}'")
    if home_link.count():
        home_link.click()
    page.get_by_role("link", name=f"Explore child pages of '{section}'").click()
    expect(
        page.get_by_role("heading", name=re.compile(rf"\b{re.escape(section)}$"), level=1)
    ).to_be_visible()


def open_news_section(page: Page, base_url: str) -> None:
    """The explorer at the Alliance's English News section, where the example article goes."""
    open_section(page, base_url, "News")


def open_page_in_section(page: Page, base_url: str, section: str, title: str, site_name: str):
    """The edit form of the English page `title` under `section`, opened from the explorer."""
    open_section(page, base_url, section, site_name=site_name)
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("link", name=title, exact=True).click()
    expect(
        page.get_by_role("heading", name=re.compile(rf"^Editing .*{re.escape(title)}$"))
    ).to_be_visible()


def open_home_page(page: Page, base_url: str, site_name: str) -> None:
    """The edit form of a site's English home page, from the explorer's list of sites."""
    page.goto(f"{base_url}/admin/pages/")
    english_home = page.get_by_role("row").filter(has_text="English")
    with page.expect_navigation():
        english_home.get_by_role("link", name=site_name, exact=True).click()
    editing = re.compile(rf"^Editing .*{re.escape(site_name)}$")
    expect(page.get_by_role("heading", name=editing)).to_be_visible()


def edit_url_of(link: Locator, base_url: str) -> str:
    """The link's address on the site being photographed, whatever host the admin names."""
    return base_url + urlsplit(link.get_attribute("href")).path


def forget_admin_layout(page: Page) -> None:
    """Forget the layout the admin keeps in this browser (such as an open minimap beside forms).

    Earlier steps leave it changed, which would make a walk's pictures differ
    depending on whether it ran alone or after another.
    """
    page.evaluate("() => window.localStorage.clear()")


def open_from_menu(page: Page, label: str) -> None:
    """One of the admin's own lists, from the menu on the left, as staff open it."""
    menu = page.get_by_role("navigation", name="Main menu")
    with page.expect_navigation():
        menu.get_by_role("link", name=label, exact=True).click()
    expect(page.get_by_role("heading", name=label, level=1)).to_be_visible()


def open_filter(page: Page, name: str) -> None:
    """Open the list's filters at one filter, which offers its choices in the same drawer."""
    page.get_by_role("main").get_by_role("button", name="Show filters").click()
    page.get_by_role("button", name=name, exact=True).click()


def page_id_from(url: str) -> int:
    match = re.search(r"/admin/pages/(\d+)/", url)
    if not match:
        raise RuntimeError(f"no page id in {url}")
    return int(match.group(1))


def open_footer_menu(page: Page) -> Locator:
    """Open the save button's menu at the foot of the editor; returns the footer."""
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    return footer


def open_header_menu(page: Page) -> Locator:
    """Open the "…" actions menu next to the page title; returns the menu."""
    actions = page.get_by_role("navigation", name="Actions", exact=True)
    actions.get_by_role("button", name="Actions").click()
    # The admin draws this drop-down as a tooltip holding links.
    menu = actions.get_by_role("tooltip")
    expect(menu).to_be_visible()
    return menu


# --- The example picture ------------------------------------------------------------------------


def example_picture() -> bytes:
    """A small PNG of mesas at sunrise, matching IMAGE_ALT_TEXT, drawn so no file is needed."""
    width, height = 960, 540
    picture = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    top, bottom = (242, 140, 60), (253, 226, 180)
    for y in range(height):
        mix = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    draw.ellipse([600, 170, 720, 290], fill=(255, 244, 214))
    draw.polygon(
        [(0, height), (0, 330), (180, 330), (230, 270), (420, 270), (470, 330), (width, 330),
         (width, height)],
        fill=(160, 82, 45),
    )  # fmt: skip
    draw.polygon(
        [(0, height), (0, 420), (520, 420), (560, 370), (800, 370), (840, 420), (width, 420),
         (width, height)],
        fill=(107, 66, 38),
    )  # fmt: skip
    output = io.BytesIO()
    picture.save(output, format="PNG", optimize=True)
    return output.getvalue()


# --- The editor's steps -------------------------------------------------------------------------


def photograph_dashboard(camera: Camera) -> None:
    expect(camera.page.get_by_role("link", name="Dashboard")).to_be_visible()
    camera.viewport(DASHBOARD)


def photograph_news_section(camera: Camera, base_url: str) -> None:
    """The News section in the explorer, with the pointer on "Add child page"."""
    page = camera.page
    open_news_section(page, base_url)
    add_child = page.get_by_role("link", name="Add child page").first
    add_child.hover()
    expect(page.get_by_text("Add child page").first).to_be_visible()
    camera.viewport(NEWS_SECTION)


def start_article(page: Page) -> None:
    """News holds only articles, so "Add child page" opens the article form straight away."""
    with page.expect_navigation():
        page.get_by_role("link", name="Add child page").first.click()
    expect(page.get_by_role("heading", name="New: Article page")).to_be_visible()


def fill_article_fields(camera: Camera) -> None:
    """Title, author, summary and topic: what every article needs before its body."""
    page = camera.page
    page.get_by_role("textbox", name="Title").first.fill(ARTICLE_TITLE)
    authors = page.get_by_role("region", name="Authors")
    authors.get_by_role("button", name="Add Author").click()
    author_menu = authors.get_by_role("combobox").last
    # Any of the site's own people will do; the demo content names the teams after the site.
    labels = author_menu.locator("option").all_inner_texts()
    choice = next((label for label in labels if label.startswith(SITE_NAME)), labels[-1])
    author_menu.select_option(label=choice)
    page.get_by_role("textbox", name="Summary").fill(ARTICLE_SUMMARY)
    page.get_by_role("checkbox", name=ARTICLE_TOPIC).check()
    camera.around(
        ARTICLE_FIELDS,
        page.get_by_role("region", name="Title"),
        page.get_by_role("region", name="Topics"),
    )


def upload_article_image(camera: Camera) -> None:
    """Upload the picture from the article's Image field; the description is its alt text."""
    page = camera.page
    image_field = page.get_by_role("region", name="Image", exact=True)
    image_field.get_by_role("button", name="Choose an image").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("tab", name="Upload").click()
    dialog.get_by_role("button", name="File").set_input_files(
        {"name": "mesas-at-sunrise.png", "mimeType": "image/png", "buffer": example_picture()}
    )
    # Choosing a file puts its name in the title; a real title is easier to find later
    # (and is how the clean-up finds the picture). The admin fills the title in a
    # moment after the file is chosen: wait for that, or it could overwrite ours.
    title = dialog.get_by_role("textbox", name="Title")
    expect(title).not_to_have_value("")
    title.fill(IMAGE_TITLE)
    expect(title).to_have_value(IMAGE_TITLE)
    dialog.get_by_role("textbox", name="Description (alt text)").fill(IMAGE_ALT_TEXT)
    camera.viewport(IMAGE_UPLOAD)
    dialog.get_by_role("button", name="Upload").click()
    expect(dialog).to_be_hidden()
    expect(image_field.get_by_text(IMAGE_TITLE)).to_be_visible()


def insert_block(page: Page, block_label: str, camera: Camera | None = None) -> None:
    """Add a block at the end of the body; with a camera, photograph the list of blocks."""
    body = page.get_by_role("region", name="Body")
    body.get_by_role("button", name="Insert a block").last.click()
    option = page.get_by_role("option", name=block_label, exact=True)
    expect(option).to_be_visible()
    if camera:
        camera.around(
            BLOCK_PICKER,
            page.get_by_role("combobox", name="Search options…"),
            page.get_by_role("option"),
            margin=24,
            clear_of_bars=False,
        )
    option.click()


def add_heading_and_paragraph(camera: Camera) -> None:
    page = camera.page
    body = page.get_by_role("region", name="Body")
    insert_block(page, "Heading", camera=camera)
    # Required fields' labels end in "*".
    body.get_by_role("textbox", name=re.compile(r"^Text\*?$")).fill(HEADING)
    insert_block(page, "Paragraph")
    # Draftail's rich text area: typed into as a person would.
    paragraph = body.locator("[contenteditable='true']").last
    paragraph.click()
    paragraph.press_sequentially(PARAGRAPH)
    expect(paragraph).to_have_text(PARAGRAPH)
    camera.around(
        BODY_BLOCKS,
        body.get_by_role("region", name=re.compile("^Heading")),
        body.get_by_role("region", name=re.compile("^Paragraph")),
    )


def add_figure(camera: Camera) -> None:
    """A figure block with the uploaded picture: its alt text arrives from the library."""
    page = camera.page
    body = page.get_by_role("region", name="Body")
    insert_block(page, "Figure")
    body.get_by_role("button", name="Choose an image").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("link", name=IMAGE_TITLE).click()
    expect(dialog).to_be_hidden()
    alt_text = body.get_by_role("textbox", name="Alt text")
    expect(alt_text).to_have_value(IMAGE_ALT_TEXT)
    decorative = body.get_by_role("checkbox", name=re.compile("decorative", re.IGNORECASE))
    expect(decorative).not_to_be_checked()
    caption = body.get_by_role("textbox", name="Caption")
    caption.fill(IMAGE_CAPTION)
    caption.blur()
    camera.around(FIGURE_BLOCK, body.get_by_role("region", name=re.compile("^Figure")))


def preview_listing_card(camera: Camera) -> None:
    """The preview panel in "Listing card" mode: the article as the News list will show it."""
    page = camera.page
    page.get_by_role("button", name="Toggle preview").click()
    # The panel loads each preview into a new frame and then drops the old one;
    # a mode chosen while the first preview is still loading is not applied.
    frames = page.locator("iframe[title='Preview']")
    expect(frames.last.content_frame.get_by_role("heading", name=ARTICLE_TITLE)).to_be_visible()
    expect(frames).to_have_count(1)
    page.get_by_role("combobox", name="Preview mode").select_option(label="Listing card")
    card_view = frames.last.content_frame
    card_heading = card_view.get_by_role("heading", name="How this page appears in listings")
    expect(card_heading).to_be_visible()
    expect(frames).to_have_count(1)
    expect(card_view.get_by_role("heading", name=ARTICLE_TITLE)).to_be_visible()
    # The panel is narrow: bring the card, not the site's header, into view.
    card_heading.evaluate("heading => heading.scrollIntoView()")
    page.wait_for_load_state("networkidle")
    camera.viewport(PREVIEW_LISTING_CARD)
    page.get_by_role("button", name="Toggle preview").click()


def save_draft(page: Page) -> int:
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    # Wagtail may already have saved the new page by itself: then it says "updated".
    saved = re.compile(rf"Page '{re.escape(ARTICLE_TITLE)}' (created|has been updated)")
    expect(page.get_by_text(saved)).to_be_visible()
    return page_id_from(page.url)


def submit_for_review(camera: Camera) -> None:
    """The editor's menu offers "Submit to … review" and no Publish."""
    page = camera.page
    footer = open_footer_menu(page)
    submit = footer.get_by_role("button", name=re.compile(r"^Submit to .+"))
    expect(submit).to_be_visible()
    if footer.get_by_role("button", name=re.compile(r"^Publish")).count():
        raise RuntimeError(f"{EDITOR} can publish: the editors' group should not be able to")
    camera.around(SUBMIT_FOR_REVIEW, footer.get_by_role("button"), margin=32, clear_of_bars=False)
    with page.expect_navigation():
        submit.click()
    expect(page.get_by_text("submitted for moderation")).to_be_visible()


def photograph_translate(camera: Camera, edit_url: str) -> None:
    """The page's own menu, next to its title, offers "Translate this page"."""
    camera.page.goto(edit_url)
    menu = open_header_menu(camera.page)
    translate = menu.get_by_role("link", name=re.compile(r"^Translate"))
    expect(translate).to_be_visible()
    page = camera.page
    camera.around(
        TRANSLATE,
        page.get_by_role("navigation", name="Breadcrumb"),
        menu,
        page.get_by_role("link", name="History", exact=True).last,
        margin=24,
        clear_of_bars=False,
    )
    page.keyboard.press("Escape")


# --- The moderator's steps ----------------------------------------------------------------------


def approve_from_dashboard(camera: Camera) -> None:
    """Step one, editorial review: "Approve" in the article's menu under "Awaiting your review"."""
    page = camera.page
    awaiting = page.get_by_role("region", name=re.compile("Awaiting your review"))
    article = awaiting.get_by_role("row").filter(has_text=ARTICLE_TITLE)
    article.get_by_role("button", name="Actions").click()
    approve = article.get_by_role("button", name="Approve", exact=True)
    expect(approve).to_be_visible()
    camera.viewport(REVIEW_DASHBOARD)
    with page.expect_navigation():
        approve.click()
    # The dashboard reloads; the article stays listed for its next step, publication approval.
    expect(article).to_be_visible()


def approve_and_publish(camera: Camera, edit_url: str) -> None:
    """Step two, publication approval, from the footer menu of the article's edit form."""
    page = camera.page
    page.goto(edit_url)
    footer = open_footer_menu(page)
    button = footer.get_by_role("button", name="Approve and Publish", exact=True)
    expect(button).to_be_visible()
    camera.around(APPROVE, footer.get_by_role("button"), margin=32, clear_of_bars=False)
    with page.expect_navigation():
        button.click()
    expect(page.get_by_text(f"Page '{ARTICLE_TITLE}' has been updated.")).to_be_visible()


def photograph_publishing_schedule(camera: Camera, edit_url: str) -> None:
    """The status panel's "Set schedule" dialog; closed again without saving."""
    page = camera.page
    page.goto(edit_url)
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Set schedule").click()
    dialog = page.get_by_role("dialog", name="Publishing schedule")
    expect(dialog).to_be_visible()
    camera.viewport(PUBLISHING_SCHEDULE)
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()


def photograph_history(camera: Camera, page_id: int, base_url: str) -> None:
    """The page's history, with the menu of an earlier version open: review it, compare it."""
    page = camera.page
    page.goto(f"{base_url}/admin/pages/{page_id}/edit/")
    page.get_by_role("link", name="History").first.click()
    expect(page.get_by_role("heading", name="History", level=1)).to_be_visible()
    # Each saved version has its own "…" menu; an earlier version's offers the most.
    versions = page.get_by_role("table").get_by_role("button", name="Actions")
    expect(versions.nth(1)).to_be_visible()
    earlier = versions.nth(versions.count() - 2)
    earlier.scroll_into_view_if_needed()
    earlier.click()
    review = page.get_by_role("link", name="Review this version").last
    expect(review).to_be_visible()
    camera.viewport(HISTORY)
    page.keyboard.press("Escape")


def photograph_unpublish(camera: Camera, edit_url: str) -> None:
    """The unpublish confirmation, reached from the page's menu; confirmed."""
    page = camera.page
    page.goto(edit_url)
    menu = open_header_menu(page)
    with page.expect_navigation():
        menu.get_by_role("link", name="Unpublish", exact=True).click()
    confirm = page.get_by_role("button", name="Yes, unpublish it")
    expect(confirm).to_be_visible()
    camera.viewport(UNPUBLISH)
    with page.expect_navigation():
        confirm.click()


# --- The advocacy sections, as the Alliance's editor ---------------------------------------------


def photograph_decision_makers(camera: Camera) -> None:
    """The site's list from the menu, filtered to English: each person once, as editors keep it."""
    page = camera.page
    open_from_menu(page, "Decision makers")
    # Every person is listed once per language; the Spanish rows differ only in their title.
    open_filter(page, "Locale")
    page.get_by_role("radio", name="English", exact=True).check()
    expect(page.get_by_role("button", name="Locale: English")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("main").get_by_role("tooltip")).to_be_hidden()
    camera.viewport(DECISION_MAKERS)


def photograph_action(camera: Camera, base_url: str) -> str:
    """The demo action's form, looked at and left unsaved; returns the action's public address."""
    page = camera.page
    open_page_in_section(page, base_url, ACTION_SECTION, ACTION_TITLE, SITE_NAME)
    camera.around(
        ACTION_FIELDS,
        page.get_by_role("region", name=re.compile(r"^Title\*?$")),
        page.get_by_role("region", name="Deadline and goal"),
    )
    camera.around(ACTION_TARGETS, page.get_by_role("region", name="Who the letters go to"))
    return edit_url_of(page.get_by_role("link", name=re.compile("Visit the live page")), base_url)


def take_part_as_visitors(page: Page, action_url: str) -> None:
    """Signed out, PARTICIPANTS each send the action's letter through its public form."""
    page.context.clear_cookies()
    for name, email, town in PARTICIPANTS:
        page.goto(action_url)
        page.get_by_role("textbox", name="Your name").fill(name)
        page.get_by_role("textbox", name="Your email address").fill(email)
        page.get_by_role("textbox", name="Your town or ZIP code").fill(town)
        page.get_by_role("checkbox", name=re.compile("^I agree")).check()
        page.wait_for_timeout(FORM_FILL_MS)
        with page.expect_navigation():
            page.get_by_role("button", name="Send my letter").click()
        if not page.get_by_role("heading", name="Thank you for taking part", level=1).count():
            raise RuntimeError(
                f"the action at {action_url} did not take {name}'s letter: its form takes a "
                "few posts per client every ten minutes, so wait and run the script again"
            )


# --- The advocacy sections, as the Alliance's moderator ------------------------------------------


def photograph_participants(camera: Camera) -> None:
    """Who took part, filtered to the demo action; its name stays in view above the list."""
    page = camera.page
    open_from_menu(page, "Action participants")
    open_filter(page, "Action")
    page.get_by_role("combobox", name="Action").select_option(label=f"{ACTION_TITLE} ({SITE_NAME})")
    expect(page.get_by_role("button", name=re.compile("^Action: "))).to_be_visible()
    page.keyboard.press("Escape")
    listed = page.get_by_role("main").get_by_role("table")
    for name, _email, _town in PARTICIPANTS:
        expect(listed.get_by_role("row").filter(has_text=name)).to_be_visible()
    camera.viewport(ACTION_PARTICIPANTS)


# --- The advocacy sections, as NewMexicoKidsCAN's editor -----------------------------------------


def photograph_bill(camera: Camera, base_url: str) -> None:
    """A demo bill's form, looked at and left unsaved: its facts and position, then its history."""
    page = camera.page
    open_page_in_section(page, base_url, BILL_SECTION, BILL_TITLE, KIDSCAN_SITE_NAME)
    camera.around(
        BILL_FIELDS,
        page.get_by_role("region", name=re.compile(r"^Title\*?$")),
        page.get_by_role("region", name="Your position", exact=True),
    )
    camera.around(BILL_STATUS_HISTORY, page.get_by_role("region", name="Status history"))


def photograph_watched_bills(camera: Camera, base_url: str) -> None:
    """The home page's "Bills we are watching" block, in the page's body; left unsaved."""
    page = camera.page
    open_home_page(page, base_url, KIDSCAN_SITE_NAME)
    body = page.get_by_role("region", name=re.compile(r"^Body\*?$"))
    block = body.get_by_role("region", name=re.compile(rf"{re.escape(HOME_BLOCK_HEADING)}$"))
    expect(block.get_by_role("textbox", name=re.compile("^Heading"))).to_have_value(
        HOME_BLOCK_HEADING
    )
    camera.around(WATCHED_BILLS_BLOCK, block)


# --- Leaving no trace ---------------------------------------------------------------------------


def remove_guide_content(page: Page, base_url: str) -> None:
    """As the moderator, delete every page and picture this script makes, from any run.

    Found by the admin's search, in every language: deleting the English
    article leaves its Spanish twin behind as a page of its own.
    """
    sign_in(page, base_url, MODERATOR)
    leftover = re.compile(f"^{re.escape(GUIDE_PREFIX)}")
    for search in (f"/admin/pages/search/?q={GUIDE_PREFIX}", f"/admin/images/?q={GUIDE_PREFIX}"):
        page.goto(base_url + search)
        links = page.get_by_role("main").get_by_role("link", name=leftover)
        edit_urls = {edit_url_of(links.nth(i), base_url) for i in range(links.count())}
        for edit_url in sorted(edit_urls):
            page.goto(re.sub(r"/(edit/)?$", "/delete/", edit_url))
            with page.expect_navigation():
                page.get_by_role("button", name=re.compile("^Yes, delete")).click()
        page.goto(base_url + search)
        if page.get_by_role("main").get_by_role("link", name=leftover).count():
            raise RuntimeError(f"could not delete everything {base_url}{search} finds")
    remove_example_participants(page, base_url)
    page.context.clear_cookies()


def remove_example_participants(page: Page, base_url: str) -> None:
    """Delete the action's example participants, found by their addresses, as a moderator does."""
    search = f"{base_url}/admin/action_participants/?q={PARTICIPANT_DOMAIN}"
    page.goto(search)
    examples = page.get_by_role("main").get_by_role("row").filter(has_text=PARTICIPANT_DOMAIN)
    # One at a time from each row's "More options" menu, which the admin draws only when opened;
    # a run leaves at most a few, so many more means deleting is not working.
    for _attempt in range(10):
        if not examples.count():
            return
        examples.first.get_by_role("button", name=re.compile("^More options")).click()
        with page.expect_navigation():
            page.get_by_role("tooltip").get_by_role("link", name="Delete").click()
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("^Yes, delete")).click()
        page.goto(search)
    raise RuntimeError(f"could not delete every participant {search} finds")


def keep_failure_picture(page: Page) -> None:
    """Save what the browser showed when a step failed: usually the admin changed there."""
    failure = Path(tempfile.gettempdir()) / "editor-guide-failure.png"
    try:
        page.screenshot(path=failure)
    except Exception:  # the failed step's own error is the one to report
        return
    print(f"The browser when the step failed: {failure}", file=sys.stderr)


# --- The whole walk -----------------------------------------------------------------------------


def walk_through_articles(camera: Camera, base_url: str) -> None:
    """Sections 1 to 8: an article from the first draft to unpublishing it."""
    page = camera.page
    sign_in(page, base_url, EDITOR, camera=camera)
    photograph_dashboard(camera)
    photograph_news_section(camera, base_url)
    start_article(page)
    fill_article_fields(camera)
    upload_article_image(camera)
    add_heading_and_paragraph(camera)
    add_figure(camera)
    preview_listing_card(camera)
    page_id = save_draft(page)
    edit_url = f"{base_url}/admin/pages/{page_id}/edit/"
    submit_for_review(camera)
    photograph_translate(camera, edit_url)

    sign_in(page, base_url, MODERATOR)
    approve_from_dashboard(camera)
    photograph_publishing_schedule(camera, edit_url)
    approve_and_publish(camera, edit_url)
    photograph_history(camera, page_id, base_url)
    photograph_unpublish(camera, edit_url)


def walk_through_advocacy(camera: Camera, base_url: str) -> None:
    """Sections 10 to 12: decision makers, a take-action campaign and the bill tracker."""
    page = camera.page
    sign_in(page, base_url, EDITOR)
    forget_admin_layout(page)
    photograph_decision_makers(camera)
    action_url = photograph_action(camera, base_url)
    take_part_as_visitors(page, action_url)

    sign_in(page, base_url, MODERATOR)
    photograph_participants(camera)

    sign_in(page, base_url, KIDSCAN_EDITOR)
    photograph_bill(camera, base_url)
    photograph_watched_bills(camera, base_url)


# The walks `--only` can name, in the guide's order.
WALKS = {"articles": walk_through_articles, "advocacy": walk_through_advocacy}


def take_screenshots(page: Page, base_url: str, out_dir: Path, walks=tuple(WALKS)) -> list[Path]:
    """Walk through the editor guide in `page`'s browser and save its screenshots in `out_dir`.

    `page` should have a 1280x800 viewport; `walks` names the parts of the
    guide to retake (all of them by default). Returns the paths written, in
    the guide's order. Removes the example article, picture and participants
    again, even when a step fails.
    """
    base_url = base_url.rstrip("/")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    page.set_default_timeout(STEP_TIMEOUT_MS)
    camera = Camera(page, out_dir)

    remove_guide_content(page, base_url)
    try:
        for walk in walks:
            WALKS[walk](camera, base_url)
    except Exception:
        keep_failure_picture(page)
        raise
    finally:
        remove_guide_content(page, base_url)

    order = {name: index for index, name in enumerate(SCREENSHOTS)}
    return sorted(camera.taken, key=lambda path: order[path.name])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        help=f"the running site, with the demo content loaded (default {DEFAULT_BASE_URL})",
    )
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=DEFAULT_OUT_DIR,
        help="where to write the PNGs (default docs/images/editors/)",
    )
    parser.add_argument(
        "--headed", action="store_true", help="show the browser window while it works"
    )
    parser.add_argument(
        "--only",
        choices=list(WALKS),
        action="append",
        help="retake only this part of the guide's pictures (may be given twice; default all)",
    )
    args = parser.parse_args(argv)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox"], headless=not args.headed
        )
        try:
            page = browser.new_page(viewport=VIEWPORT)
            walks = tuple(walk for walk in WALKS if walk in (args.only or WALKS))
            paths = take_screenshots(page, args.base_url, args.out_dir, walks=walks)
        finally:
            browser.close()
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
