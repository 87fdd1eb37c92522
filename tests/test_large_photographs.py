"""A camera's full-size photograph reaches readers as renditions sized for where it sits.

Editors upload what their phones and cameras make. Every layout that shows a
picture (the home page's hero, the lead picture of each page type, cards in
listings, the featured report, a body figure, an author's portrait, a
partner's logo, the share image) must send renditions of bounded size, never
the original file, and a crop that changes the picture's shape must keep the
part the editor marked as its subject: the focal point.

The photograph is 4000 × 3000, blue, with a red square as its subject near the
top right corner, where a crop from the middle would lose it.
"""

import io
from urllib.parse import urlsplit

from django.core.files.images import ImageFile
from django.test import Client

from wagtail.images import get_image_model
from wagtail.images.rect import Rect

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage
from PIL import ImageChops, ImageDraw

from articles.models import ArticleAuthor
from pages.blocks import BodyBlock
from tests.factories import (
    built_once_per_module,
    fresh_copies,
    make_article,
    make_event,
    make_event_index,
    make_issue,
    make_issue_index,
    make_news_index,
    make_partner_index,
    make_person,
    make_report,
    make_report_index,
    make_site,
    make_story,
    make_story_index,
    make_topic,
)

pytestmark = pytest.mark.django_db

PHOTO_SIZE = (4000, 3000)
SUBJECT = Rect(3560, 60, 3840, 340)  # the red square, and the photograph's focal point
# The largest slot on the site is 1280 pixels wide (hero, lead and body pictures).
LARGEST_SIDE = 1280
HOST = "localhost"


def photograph(title, focal_point=True):
    """A large JPEG in the image library, its subject marked as its focal point if asked."""
    picture = PILImage.new("RGB", PHOTO_SIZE, (40, 80, 160))
    ImageDraw.Draw(picture).rectangle(
        [SUBJECT.left, SUBJECT.top, SUBJECT.right - 1, SUBJECT.bottom - 1], fill=(220, 30, 30)
    )
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    image = get_image_model()(title=title, description="Parents and teachers at a forum")
    image.file = ImageFile(buffer, name=f"{title}.jpg")
    if focal_point:
        image.set_focal_point(SUBJECT)
    image.save()
    return image


def build_pages():
    photo = photograph("Forum in Gallup")
    site = make_site(hostname=HOST, hero_image=photo)
    home = site.root_page.specific
    news = make_news_index(home)
    figure = {
        "type": "figure",
        "value": {
            "image": {"image": photo.pk, "alt_text": "Parents at a forum", "decorative": False},
            "caption": "",
        },
    }
    article = make_article(
        news,
        image=photo,
        body=BodyBlock().to_python([figure]),
        authors=[ArticleAuthor(person=make_person(photo=photo), sort_order=0)],
    )
    stories = make_story_index(home)
    story = make_story(stories, image=photo)
    reports = make_report_index(home)
    report = make_report(reports, image=photo)
    events = make_event_index(home)
    event = make_event(events, image=photo)
    issues = make_issue_index(home)
    issue = make_issue(issues, make_topic(site=site), image=photo)
    partners = make_partner_index(
        home, partners=[{"name": "Juniper Learning Circle", "logo": photo, "description": ""}]
    )
    home.body = [("featured_report", {"report": report, "label": ""})]
    home.save_revision().publish()
    pages = {
        "home": home,
        "news": news,
        "article": article,
        "stories": stories,
        "story": story,
        "reports": reports,
        "report": report,
        "events": events,
        "event": event,
        "issues": issues,
        "issue": issue,
        "partners": partners,
    }
    # Serving each page once makes its renditions, kept for the module's tests.
    client = Client()
    for page in pages.values():
        assert client.get(page.url, HTTP_HOST=HOST).status_code == 200
    return {"photo": photo, "pages": pages}


pages_for_the_module = built_once_per_module(build_pages)


@pytest.fixture
def built(pages_for_the_module):
    return fresh_copies(pages_for_the_module)


def soup_of(client, page):
    response = client.get(page.url, HTTP_HOST=HOST)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def addresses(picture):
    """Every file a <picture> (or a lone <img>) offers the browser: src and srcset entries."""
    found = []
    for element in picture.find_all(["img", "source"]) if picture.name == "picture" else [picture]:
        if element.get("src"):
            found.append(element["src"])
        for candidate in element.get("srcset", "").split(","):
            if candidate.strip():
                found.append(candidate.split()[0])
    return found


def renditions_by_address(image):
    return {urlsplit(rendition.url).path: rendition for rendition in image.renditions.all()}


def subject_is_at_focal_point(rendition):
    """Whether the rendition's pixel at the middle of its focal point is the red subject."""
    focal_point = rendition.focal_point
    assert focal_point is not None, rendition.filter_spec
    x, y = focal_point.centroid
    assert 0 <= x < rendition.width and 0 <= y < rendition.height, rendition.filter_spec
    with rendition.file.open() as file:
        red, green, blue = PILImage.open(file).convert("RGB").getpixel((int(x), int(y)))
    return red > 150 and blue < 110


def shows_red(rendition):
    """Whether any part of the red subject made it into the rendition."""
    with rendition.file.open() as file:
        red, _green, blue = PILImage.open(file).convert("RGB").split()
    return ImageChops.subtract(red, blue).getextrema()[1] > 100


# Layout: (the page showing it, the CSS selector of its <img>).
LAYOUTS = {
    "home hero": ("home", "img.hero__image"),
    "featured report": ("home", ".featured-report img"),
    "latest news card": ("home", ".card img"),
    "article lead": ("article", "figure.page-image img"),
    "story lead": ("story", "figure.page-image img"),
    "report lead": ("report", "figure.page-image img"),
    "event lead": ("event", "figure.page-image img"),
    "issue lead": ("issue", "figure.page-image img"),
    "article card": ("news", ".card img"),
    "story card": ("stories", ".card img"),
    "report card": ("reports", ".card img"),
    "event card": ("events", ".card img"),
    "issue card": ("issues", ".card img"),
    "body figure": ("article", ".block-figure img"),
    "author portrait": ("article", ".person-card img"),
    "partner logo": ("partners", ".partner__logo-image"),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_picture_is_a_bounded_rendition_that_keeps_the_subject(client, built, layout):
    page_name, selector = LAYOUTS[layout]
    photo = built["photo"]
    img = soup_of(client, built["pages"][page_name]).select_one(selector)
    assert img is not None, f"{layout}: no picture found by {selector!r}"
    picture = img.parent if img.parent.name == "picture" else img
    offered = addresses(picture)
    renditions = renditions_by_address(photo)

    assert offered
    for address in offered:
        path = urlsplit(address).path
        assert path != urlsplit(photo.file.url).path and "/original_images/" not in path
        rendition = renditions[path]
        assert max(rendition.width, rendition.height) <= LARGEST_SIDE, rendition.filter_spec
        assert subject_is_at_focal_point(rendition), rendition.filter_spec


def test_the_share_image_is_a_bounded_crop_around_the_subject(client, built):
    photo = built["photo"]
    head = soup_of(client, built["pages"]["article"]).head
    address = head.find("meta", property="og:image")["content"]
    rendition = renditions_by_address(photo)[urlsplit(address).path]

    assert (rendition.width, rendition.height) == (1200, 630)
    assert head.find("meta", property="og:image:width")["content"] == "1200"
    assert subject_is_at_focal_point(rendition)


def test_crops_that_change_the_shape_really_move_to_the_subject(built):
    """Without its focal point the same photograph, cropped from the middle, loses the subject.

    So the checks above see the focal point at work, not a crop that keeps
    everything anyway.
    """
    photo = built["photo"]
    unmarked = photograph("Forum in Gallup, no focal point", focal_point=False)
    for spec in ("fill-480x270", "fill-96x96-c100"):
        assert shows_red(photo.get_rendition(spec)), spec
        assert not shows_red(unmarked.get_rendition(spec)), spec
