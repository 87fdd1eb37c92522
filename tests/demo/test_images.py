"""The demo's pictures: each organization's own look, a subject per section, and Spanish words.

What the drawings are is demo/images.py's business; these check what a
visitor meets: the two sites do not look alike, pages do not share one
picture, every picture is a modest JPEG with its subject marked, and Spanish
pages describe their pictures in Spanish.
"""

import hashlib

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage
from PIL import ImageColor

from demo import content, content_es, images
from tests.factories import content_locales

pytestmark = pytest.mark.django_db

ALLIANCE_HOST = content.ALLIANCE["hostname"]
KIDSCAN_HOST = content.KIDSCAN["hostname"]


def home(host):
    return Site.objects.get(hostname=host).root_page.specific


def pixels(image):
    with image.file.open() as file:
        return PILImage.open(file).convert("RGB")


def dominant_colors(image, count=3):
    """The picture's `count` most common colors, once reduced to six."""
    reduced = pixels(image).quantize(colors=6)
    palette = reduced.getpalette()
    by_count = sorted(reduced.getcolors(), reverse=True)[:count]
    return [tuple(palette[index * 3 : index * 3 + 3]) for _count, index in by_count]


def nearest(color, organization):
    """How far `color` is from the nearest color of the organization's palette."""
    palette = images.PALETTES[organization]
    named = [*palette.backdrop, *palette.ground, palette.ink, palette.main, *palette.accents]
    return min(distance(color, ImageColor.getrgb(value)) for value in named + [palette.paper])


def distance(a, b):
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5


def pictures_of(host):
    """{page: its main picture} for the site's English pages that have one."""
    pages = home(host).get_descendants(inclusive=True).specific()
    return {page: page.get_main_image() for page in pages if page.get_main_image() is not None}


def soup(client, page):
    site = page.get_site()
    response = client.get(page.relative_url(site), HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def spanish(page):
    return page.get_translation(content_locales()[1]).specific


def test_the_two_organizations_heroes_look_different(demo):
    alliance = dominant_colors(home(ALLIANCE_HOST).hero_image)
    kidscan = dominant_colors(home(KIDSCAN_HOST).hero_image)

    # None of one hero's main colors is one of the other's.
    assert min(distance(a, k) for a in alliance for k in kidscan) > 40
    # Each hero's most common color is its own organization's.
    assert nearest(alliance[0], images.ALLIANCE) < nearest(alliance[0], images.KIDSCAN)
    assert nearest(kidscan[0], images.KIDSCAN) < nearest(kidscan[0], images.ALLIANCE)


@pytest.mark.parametrize("host", [ALLIANCE_HOST, KIDSCAN_HOST])
def test_pages_have_pictures_of_their_own(demo, host):
    """No two sections share a picture; only an article and the report it announces do."""
    pictures = pictures_of(host)
    by_picture = {}
    for page, image in pictures.items():
        by_picture.setdefault(image.pk, []).append(type(page).__name__)
    shared = {tuple(sorted(kinds)) for kinds in by_picture.values() if len(kinds) > 1}

    assert len(by_picture) >= 3
    assert shared <= {("ArticlePage", "ReportPage")}
    drawings = {hashlib.sha256(pixels(image).tobytes()).hexdigest() for image in pictures.values()}
    assert len(drawings) == len(by_picture)


def test_the_other_sites_pictures_are_not_used(demo):
    alliance = set(map(lambda image: image.pk, pictures_of(ALLIANCE_HOST).values()))
    kidscan = set(map(lambda image: image.pk, pictures_of(KIDSCAN_HOST).values()))

    assert alliance and kidscan and not alliance & kidscan


@pytest.mark.parametrize("host", [ALLIANCE_HOST, KIDSCAN_HOST])
def test_pictures_are_modest_jpegs_with_their_subject_marked(demo, host):
    for image in set(pictures_of(host).values()):
        assert (image.width, image.height) == images.SIZE, image.title
        assert image.file.name.endswith(".jpg") and image.file.size < 120_000, image.title
        assert image.has_focal_point(), image.title


def test_people_in_stories_have_portraits_that_keep_their_faces(client, demo):
    story = home(ALLIANCE_HOST).get_descendants().get(slug="reading-club-library").specific
    card = soup(client, story).select_one(".person-card img")

    assert card is not None and card["alt"] == ""
    subject = story.subjects.first().person
    assert subject.photo == story.image and subject.photo.has_focal_point()


def test_spanish_pages_describe_their_pictures_in_spanish(demo):
    for host in (ALLIANCE_HOST, KIDSCAN_HOST):
        for page, image in pictures_of(host).items():
            translation = spanish(page)
            if translation.alias_of_id is not None:
                continue  # a twin shows the English page, words and all
            assert page.image_alt == image.description, page.url_path
            assert translation.image_alt == content_es.PICTURE_DESCRIPTIONS[image.title]
            assert translation.image_alt != page.image_alt
            assert translation.image_alt_language == "es"


@pytest.mark.parametrize(
    "host, path, picture",
    [
        (ALLIANCE_HOST, "news/essa-community-forums", content.FORUM_MAP),
        (ALLIANCE_HOST, "mission", content.PILLAR_ICONS),
        (KIDSCAN_HOST, "news/parent-survey-second-edition", content.PARENTS_CHART),
    ],
)
def test_spanish_body_figures_are_described_in_spanish(client, demo, host, path, picture):
    english = home(host)
    for slug in path.split("/"):
        english = english.get_children().get(slug=slug)
    english_alt = soup(client, english).select_one(".block-figure img")["alt"]
    spanish_alt = soup(client, spanish(english)).select_one(".block-figure img")["alt"]

    assert english_alt == picture[1]
    assert spanish_alt == content_es.PICTURE_DESCRIPTIONS[picture[0]]
    assert spanish_alt != english_alt


@pytest.mark.parametrize("host", [ALLIANCE_HOST, KIDSCAN_HOST])
def test_spanish_home_pages_describe_their_hero_in_spanish(client, demo, host):
    english = home(host)
    hero = soup(client, spanish(english)).select_one("img.hero__image")

    assert hero["alt"] == content_es.PICTURE_DESCRIPTIONS[english.hero_image.title]
    assert hero.get("lang") in (None, "es")
