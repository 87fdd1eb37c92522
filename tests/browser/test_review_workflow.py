"""A site's editor writes an article and submits it; a moderator approves both steps; it goes live.

Drives the real Wagtail admin in Chromium with the demo staff accounts: the
editor builds the body from a heading, a paragraph and a figure (picking a
picture from the site's collection in the image chooser), never sees a
Publish action, and submits for review; the moderator approves the editorial
review, then the publication approval, and the article appears on the news
page visitors read.
"""

import re

from wagtail.models import Page, WorkflowState

import pytest
from playwright.sync_api import expect
from wagtail_localize.synctree import synchronize_tree

from demo.accounts import DEFAULT_PASSWORD, create_demo_staff
from editorial.models import SiteRoles
from editorial.roles import set_up_site_roles
from tests.factories import content_locales, make_image, make_news_index, make_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SITE_NAME = "Learning Alliance of New Mexico"
TITLE = "Families fill the Gallup school board meeting"
HEADING = "What parents asked for"
PARAGRAPH = "Forty parents asked the board to meet in the evening."
IMAGE_TITLE = "Gallup school board meeting"
ALT_TEXT = "Parents seated in rows in a school library."


@pytest.fixture
def alliance_site():
    """The Alliance's site with its news section, roles, a picture in its collection and staff."""
    english, spanish = content_locales()
    site = make_site("localhost", SITE_NAME)
    news = make_news_index(site.root_page, title="News", slug="news")
    synchronize_tree(english, spanish)
    set_up_site_roles(site)
    roles = SiteRoles.objects.get(site=site)
    image = make_image(IMAGE_TITLE, alt_text=ALT_TEXT)
    image.collection = roles.collection
    image.save()
    create_demo_staff(site)
    return {"site": site, "news": news, "roles": roles}


def sign_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}/admin/")


def insert_block(body, block_label):
    """Add a block at the end of the body with the last "Insert a block" button; returns it.

    Each block is a region named after its type (and, once filled, its content).
    """
    blocks = body.get_by_role("region", name=re.compile(f"^{block_label}"))
    before = blocks.count()
    body.get_by_role("button", name="Insert a block").last.click()
    body.page.get_by_role("option", name=block_label, exact=True).click()
    expect(blocks).to_have_count(before + 1)
    return blocks.last


def test_an_article_goes_live_after_both_review_steps(live_server, page, browser, alliance_site):
    news, roles = alliance_site["news"], alliance_site["roles"]

    # The editor writes the article.
    sign_in(page, live_server.url, "alliance-editor")
    page.goto(f"{live_server.url}/admin/pages/add/articles/articlepage/{news.pk}/")
    page.get_by_role("textbox", name="Title").first.fill(TITLE)
    page.get_by_role("textbox", name="Summary").fill(
        "Forty parents came to ask for evening meetings."
    )

    body = page.get_by_role("region", name="Body")
    heading = insert_block(body, "Heading")
    heading.get_by_role("textbox", name="Text").fill(HEADING)
    # Draftail's rich text area: an editable region, typed into like a person would.
    paragraph = insert_block(body, "Paragraph").locator("[contenteditable='true']")
    paragraph.click()
    paragraph.press_sequentially(PARAGRAPH)
    expect(paragraph).to_have_text(PARAGRAPH)
    figure = insert_block(body, "Figure")
    figure.get_by_role("button", name="Choose an image").click()
    page.get_by_role("dialog").get_by_role("link", name=IMAGE_TITLE).click()
    expect(page.get_by_role("dialog")).to_be_hidden()
    # Wagtail fills in the picture's alt text from the image library.
    expect(figure.get_by_role("textbox", name="Alt text")).to_have_value(ALT_TEXT)

    # Wagtail autosaves the new page as a draft half a second after a change. Once
    # that first save is done the form edits the saved page; submitting while it
    # is still in flight would post the new page a second time (slug taken).
    expect(
        page.locator('#w-autosave-indicator[data-w-autosave-state-value="saved"]')
    ).to_be_attached()

    # Editors have no Publish action, only the review.
    page.get_by_role("button", name="More actions").click()
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)
    with page.expect_navigation():
        page.get_by_role("button", name=f"Submit to {SITE_NAME} review").click()
    # "created and submitted", or "has been submitted" once Wagtail has autosaved the draft.
    expect(
        page.get_by_text(f"Page '{TITLE}'").filter(has_text="submitted for moderation")
    ).to_be_visible()

    article = Page.objects.child_of(news).get(title=TITLE).specific
    assert not article.live
    assert [block.block_type for block in article.get_latest_revision_as_object().body] == [
        "heading",
        "paragraph",
        "figure",
    ]
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.workflow == roles.workflow
    page.goto(f"{live_server.url}/news/")
    expect(page.get_by_text(TITLE)).to_have_count(0)

    # The moderator approves the editorial review, then the publication.
    moderator = browser.new_page()
    sign_in(moderator, live_server.url, "alliance-moderator")
    edit_url = f"{live_server.url}/admin/pages/{article.pk}/edit/"
    steps = [
        ("Approve", WorkflowState.STATUS_IN_PROGRESS, roles.publication_task),
        ("Approve and Publish", WorkflowState.STATUS_APPROVED, roles.publication_task),
    ]
    for action, status, task in steps:
        moderator.goto(edit_url)
        moderator.get_by_role("button", name="More actions").click()
        with moderator.expect_navigation():
            moderator.get_by_role("button", name=action, exact=True).click()
        expect(moderator.get_by_text(f"Page '{TITLE}' has been updated.")).to_be_visible()
        state.refresh_from_db()
        assert (state.status, state.current_task_state.task_id) == (status, task.pk)

    article.refresh_from_db()
    assert article.live

    moderator.goto(f"{live_server.url}/news/")
    expect(moderator.get_by_role("link", name=TITLE, exact=True)).to_be_visible()
    moderator.get_by_role("link", name=TITLE, exact=True).click()
    expect(moderator.get_by_role("heading", name=HEADING)).to_be_visible()
    expect(moderator.get_by_text(PARAGRAPH)).to_be_visible()
    expect(moderator.locator(f'main img[alt="{ALT_TEXT}"]')).to_be_visible()
    moderator.close()
