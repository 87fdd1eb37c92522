"""Images: what the image library accepts, and what visitors' browsers receive."""

import html
import io
import struct
import zlib
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from pages.blocks import BodyBlock
from tests.factories import make_article, make_image, make_news_index, make_site

Image = get_image_model()
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)


def _png(size=(64, 36)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#336699").save(buffer, format="PNG")
    return buffer.getvalue()


def _truncated_png():
    """A real PNG cut off part-way through its pixel data: the header is fine."""
    noisy = PILImage.effect_noise((400, 300), 64).convert("RGB")
    buffer = io.BytesIO()
    noisy.save(buffer, format="PNG")
    return buffer.getvalue()[: len(buffer.getvalue()) // 2]


def _bomb_png(width=60_000, height=60_000):
    """A few hundred bytes claiming 3.6 billion pixels: a decompression bomb."""
    data = bytearray(_png((1, 1)))
    # The IHDR chunk starts at byte 8: length, type, then width and height.
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("imageeditor", "e@example.org", "pw")
    client.force_login(user)
    return client


def _upload(client, name, content, description="Parents at a forum in Gallup", title="Forum"):
    return client.post(
        "/admin/images/add/",
        {
            "title": title,
            "description": description,
            "file": SimpleUploadedFile(name, content),
        },
    )


def _stored_files():
    originals = Path(settings.MEDIA_ROOT) / "original_images"
    return sorted(originals.iterdir()) if originals.exists() else []


# --- Upload -------------------------------------------------------------------------------


def test_an_image_with_a_description_is_accepted(editor_client):
    response = _upload(editor_client, "forum.png", _png())
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.description == "Parents at a forum in Gallup"


def test_an_image_without_alt_text_is_refused_with_a_message(editor_client):
    before = _stored_files()
    response = _upload(editor_client, "forum.png", _png(), description="  ")
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Image.objects.exists()
    assert _stored_files() == before


def test_alt_text_that_repeats_the_title_is_refused(editor_client):
    response = _upload(editor_client, "forum.png", _png(), description="Forum", title="Forum")
    assert response.status_code == 200
    assert "Describe what the picture shows" in response.content.decode()
    assert not Image.objects.exists()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("notes.png", b"These are meeting notes, not a picture.", "Upload a valid image"),
        ("forum.png", _truncated_png(), "damaged or incomplete"),
        ("huge.png", _bomb_png(), "too many pixels"),
        ("logo.svg", SVG_WITH_SCRIPT, "Not a supported image format"),
    ],
    ids=["not-an-image", "truncated", "decompression-bomb", "svg-with-script"],
)
def test_a_bad_upload_gets_a_form_error_and_leaves_nothing_behind(
    editor_client, name, content, message
):
    before = _stored_files()
    response = _upload(editor_client, name, content)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert message in html.unescape(response.content.decode())
    assert not Image.objects.exists()
    assert _stored_files() == before


def test_wagtails_own_field_fails_on_a_truncated_image_with_a_server_error():
    """Why the project has its own image field: the stock one raises, it does not refuse."""
    with pytest.raises(OSError):
        WagtailImageField().clean(SimpleUploadedFile("forum.png", _truncated_png()))


def test_the_multiple_uploader_refuses_a_truncated_image_too(editor_client):
    response = editor_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("forum.png", _truncated_png())},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "damaged or incomplete" in response.json()["error_message"]
    assert not Image.objects.exists()


def test_the_multiple_uploader_asks_for_alt_text_before_the_image_exists(editor_client):
    response = editor_client.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("forum.png", _png())}
    )
    assert response.json()["success"] is True
    # Held as an upload awaiting its details, not yet an image anyone can choose.
    assert not Image.objects.exists()
    assert "description" in response.json()["form"]


# --- What visitors receive ----------------------------------------------------------------


@pytest.fixture
def article_with_images(db, client):
    site = make_site()
    index = make_news_index(site.root_page)
    lead = make_image(alt_text="Students reading together in a library", size=(1600, 900))
    inline = make_image(alt_text="A chart of survey answers by region", size=(1200, 800))
    body = BodyBlock().to_python(
        [
            {"type": "paragraph", "value": "<p>What families said.</p>"},
            {
                "type": "figure",
                "value": {
                    "image": {
                        "image": inline.pk,
                        "alt_text": "Survey answers by region",
                        "decorative": False,
                    },
                    "caption": "Answers by region",
                },
            },
            {
                "type": "figure",
                "value": {
                    "image": {"image": inline.pk, "alt_text": "", "decorative": True},
                    "caption": "",
                },
            },
        ]
    )
    article = make_article(index, title="Survey results", image=lead, body=body)
    return BeautifulSoup(client.get(article.url).content, "html.parser")


def test_article_images_come_in_avif_webp_and_jpeg_with_sizes(article_with_images):
    pictures = article_with_images.select("main picture")
    assert len(pictures) == 3
    for picture in pictures:
        types = [source["type"] for source in picture.select("source")]
        assert types == ["image/avif", "image/webp"]
        img = picture.img
        assert img["src"].endswith(".jpg")
        assert img["width"] and img["height"]
        assert img["sizes"]
        assert len(img["srcset"].split(",")) >= 2


def test_the_first_image_loads_at_once_and_the_rest_lazily(article_with_images):
    images = article_with_images.select("main picture img")
    assert images[0].get("loading") is None
    assert images[0]["fetchpriority"] == "high"
    assert [img.get("loading") for img in images[1:]] == ["lazy", "lazy"]


def test_images_carry_their_alt_text_or_are_marked_decorative(article_with_images):
    alts = [img["alt"] for img in article_with_images.select("main picture img")]
    assert alts == [
        "Students reading together in a library",
        "Survey answers by region",
        "",
    ]


def test_an_image_without_a_description_falls_back_to_its_title_not_to_nothing(db, client):
    site = make_site()
    index = make_news_index(site.root_page)
    image = make_image(title="Gallup community forum", alt_text="")
    article = make_article(index, image=image)
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert soup.select_one("main picture img")["alt"] == "Gallup community forum"


def test_a_file_over_the_size_limit_is_refused_with_the_limit_named(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    before = _stored_files()
    response = _upload(editor_client, "forum.png", _png((400, 300)) + b"\0" * 2048)
    assert response.status_code == 200
    assert "Maximum filesize" in " ".join(response.context["form"].errors["file"])
    assert not Image.objects.exists()
    assert _stored_files() == before
