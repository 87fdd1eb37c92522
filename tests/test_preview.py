"""Editors preview their changes in the admin before publishing.

The tests of the preview modes and cards read a site with a page of every
type in English and Spanish, built once for the module (tests/builders.py
builds it), with a few more articles and stories so the listings show cards
of every kind. The demo's smoke test previews every page of the demo the same
way (`problems_previewing`), in tests/demo/test_pages_sweep.py.
"""

from django.urls import reverse

from wagtail.models import get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticlePage, NewsIndexPage
from pages.blocks import RICH_TEXT_FEATURES
from pages.mixins import BasePage
from stories.models import StoryIndexPage, StoryPage
from tests.builders import build_site_with_every_page_type, every_page_type
from tests.factories import (
    built_once_per_module,
    fresh_copies,
    make_article,
    make_image,
    make_news_index,
    make_site,
    make_story,
    make_topic,
)

pytestmark = pytest.mark.django_db

PREVIEW_HOST = "previews.localhost"


def build_site_with_cards_of_every_kind():
    """Every page type in both languages, and articles and stories that fill each card part.

    Beside the builder's own article and story: articles with a listing title
    and summary, a listing image, several topics or nothing optional; stories
    with a listing summary, or with no picture and only a pull quote.
    """
    site = build_site_with_every_page_type(PREVIEW_HOST, "Preview Alliance")
    news = site["english"]["NewsIndexPage"]
    stories = site["english"]["StoryIndexPage"]
    make_article(
        news,
        title="Forums announced",
        listing_title="Six forums this fall",
        listing_summary="Gallup comes first.",
        image=make_image(title="Forum hall"),
    )
    make_article(
        news,
        title="A new state plan",
        listing_image=make_image(title="Plan cover"),
        topics=[make_topic("State plan"), make_topic("Community input")],
    )
    make_article(news, title="Board minutes")
    make_story(
        stories,
        title="A rancher's family",
        listing_summary="They asked the board to meet where families can come.",
        image=make_image(title="Ranch"),
    )
    make_story(stories, title="A school library", pull_quote="The students built it.")
    return site


site_with_cards_of_every_kind_for_the_module = built_once_per_module(
    build_site_with_cards_of_every_kind
)


@pytest.fixture
def site_with_cards_of_every_kind(site_with_cards_of_every_kind_for_the_module):
    """What `build_site_with_every_page_type` returns: see `build_site_with_cards_of_every_kind`."""
    return fresh_copies(site_with_cards_of_every_kind_for_the_module)


def article_form(article, **fields):
    """The article's edit form as an editor submits it, with `fields` changed."""
    return nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "publication_date": "2024-05-01",
            "summary": "Two more forums this spring.",
            "image": "",
            "authors": inline_formset([]),
            "body": streamfield([]),
            **fields,
        }
    )


def editing_an_article(client, django_user_model):
    """(article, its preview address) with a signed-in editor, on a fresh site."""
    site = make_site(name="Learning Alliance")
    article = make_article(make_news_index(site.root_page), title="Forums announced")
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    return article, reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])


def test_editor_previews_unsaved_changes_to_an_article(client, django_user_model):
    """Preview shows the edited title and text in the site's layout; the live page is unchanged."""
    article, preview_url = editing_an_article(client, django_user_model)
    data = article_form(
        article,
        title="Forums announced: new dates",
        body=streamfield(
            [("paragraph", rich_text("<p>Gallup comes first.</p>", features=RICH_TEXT_FEATURES))]
        ),
    )

    posted = client.post(preview_url, data)
    assert posted.status_code == 200
    assert posted.json()["is_valid"] is True

    preview = client.get(preview_url).content.decode()
    assert "Forums announced: new dates" in preview
    assert "Gallup comes first." in preview
    assert "Learning Alliance" in preview
    assert "Forums announced: new dates" not in client.get(article.url).content.decode()


# --- Previewing the cards: how listings and social networks will show the page ----------------


def card_in(html):
    """The one card on a page, as markup."""
    cards = BeautifulSoup(html, "html.parser").select("main .card")
    assert len(cards) == 1, f"expected one card, found {len(cards)}"
    return cards[0]


def without_loading_hints(card):
    """The card's markup less the image-loading hints, which depend on its place on the page."""
    for image in card.select("img"):
        for hint in ("loading", "fetchpriority"):
            image.attrs.pop(hint, None)
    return str(card)


def test_every_page_type_offers_the_page_its_listing_card_and_its_social_card():
    for page_type in get_page_models():
        if issubclass(page_type, BasePage):
            modes = [mode for mode, label in page_type().preview_modes]
            # A page type may add its own (a survey's thank-you page) after the page itself.
            assert modes[0] == "" and {"card", "social"} <= set(modes), page_type
            assert page_type().default_preview_mode == ""


def test_editor_previews_the_listing_card_of_unsaved_changes(client, django_user_model):
    """The card mode shows the edited listing title and summary in the card listings use."""
    article, preview_url = editing_an_article(client, django_user_model)
    data = article_form(
        article,
        listing_title="Two more community forums",
        listing_summary="Gallup and Las Cruces join the list.",
    )
    assert client.post(preview_url, data).json()["is_valid"] is True

    response = client.get(preview_url, {"mode": "card"})

    assert response.status_code == 200
    card = card_in(response.content)
    assert card.select_one(".card__title").get_text(strip=True) == "Two more community forums"
    assert card.select_one(".card__summary").get_text(strip=True) == (
        "Gallup and Las Cruces join the list."
    )
    # The article card, with the date listings show, not the page's own layout.
    assert card.select_one("time")["datetime"] == "2024-05-01"
    assert "Forums announced" not in card.get_text()


def preview_problems(page, mode):
    """What is wrong with the page's preview in `mode`, as an editor would see it."""
    response = page.make_preview_request(preview_mode=mode)
    if response.status_code != 200:
        return [f"status {response.status_code}"]
    soup = BeautifulSoup(response.content, "html.parser")
    if mode == "":
        title = page.seo_title or page.title
        return [] if title in soup.title.get_text() else [f"title {soup.title!r}"]
    if mode not in ("card", "social"):
        # A page type's own mode (a survey's thank-you page) shows a page with its heading.
        return [] if len(soup.select("main h1")) == 1 else ["no single main heading"]
    cards = soup.select("main .card")
    if len(cards) != 1:
        return [f"{len(cards)} cards"]
    problems = []
    title = cards[0].select_one(".card__title").get_text(strip=True)
    if title != page.get_listing_title():
        problems.append(f"card titled {title!r}")
    summary = page.get_listing_summary() if mode == "card" else page.get_social_text()
    shown = cards[0].select_one(".card__summary")
    if summary and (shown is None or shown.get_text(strip=True) != summary.strip()):
        problems.append(f"card summary {shown!r} instead of {summary!r}")
    return problems


def problems_previewing(pages):
    """Each preview problem of `pages` in each of their modes, naming page, type and mode."""
    return [
        f"{page.url_path} ({type(page).__name__}), {label}: {problem}"
        for page in pages
        for mode, label in page.preview_modes
        for problem in preview_problems(page, mode)
    ]


def test_each_page_type_previews_in_every_mode(site_with_cards_of_every_kind):
    """A page of every type, its Spanish translation and an untranslated twin preview cleanly."""
    site = site_with_cards_of_every_kind
    pages = [
        page.specific
        for page in [*site["english"].values(), *site["spanish"].values(), site["twin"]]
    ]
    assert {type(page) for page in pages} == every_page_type()
    assert {page.locale.language_code for page in pages} == {"en", "es"}
    problems = problems_previewing(pages)
    assert not problems, "\n".join(problems)


def test_card_preview_matches_the_card_in_the_listing(client, site_with_cards_of_every_kind):
    """Articles and stories preview with exactly the markup their index lists them with."""
    compared = 0
    for index_type, item_type in ((NewsIndexPage, ArticlePage), (StoryIndexPage, StoryPage)):
        for index in index_type.objects.filter(locale__language_code="en"):
            listing = client.get(index.url, HTTP_HOST=index.get_site().hostname)
            assert listing.status_code == 200
            listed = BeautifulSoup(listing.content, "html.parser").select("main .card")
            for card in listed:
                path = card.select_one(".card__title a")["href"]
                item = next(p for p in item_type.objects.live() if p.get_url_parts()[2] == path)
                previewed = card_in(item.make_preview_request(preview_mode="card").content)
                assert without_loading_hints(previewed) == without_loading_hints(card)
                compared += 1
    assert compared >= 6


def test_social_card_preview_shows_the_image_and_text_a_shared_link_gets(
    site_with_cards_of_every_kind,
):
    """The share card shows the listing title, the social text and the picture og:image names."""
    article = make_article(
        site_with_cards_of_every_kind["english"]["NewsIndexPage"],
        title="Forums in six regions",
        social_text="Come and tell the state what your schools need.",
        # As large as the pictures editors upload, so the card's crop is full size.
        image=make_image(title="Forum in Gallup", size=(1600, 900)),
    )
    assert article.get_social_image()

    card = card_in(article.make_preview_request(preview_mode="social").content)

    assert card.select_one(".card__title").get_text(strip=True) == article.get_listing_title()
    assert card.select_one(".card__summary").get_text(strip=True) == article.get_social_text()
    # The same 1200x630 picture the page's og:image names.
    assert card.select_one("img.card__image")["width"] == "1200"
    assert card.select_one("img.card__image")["height"] == "630"
