"""Media in an S3-compatible bucket, so every instance of the site sees the same files.

The bucket is moto's in-process S3 (`mock_aws`); the storage settings are the
ones base.py builds from the environment (`AWS_STORAGE_BUCKET_NAME` etc.),
executed afresh with runpy rather than copied here, so the tests follow the code.

Without a bucket (one container, no proxy), the app serves the pictures from
its own disk as a web server would: the last section.
"""

import io
import json
import os
import runpy
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

import boto3
import pytest
from bs4 import BeautifulSoup
from moto import mock_aws
from PIL import Image as PILImage
from storages.backends.s3 import S3Storage

from tests.factories import make_article, make_image, make_news_index, make_site
from tests.processes import PRODUCTION_VALUES, run_python

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BASE_SETTINGS = PROJECT_ROOT / "alliance_site" / "settings" / "base.py"
BUCKET = "alliance-media"
CDN_DOMAIN = "media.learningalliance.example"
FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}


def base_settings_for(monkeypatch, **environment):
    """base.py's settings as they come out with `environment` and no other storage variable."""
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    for name, value in {**FAKE_CREDENTIALS, **environment}.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(BASE_SETTINGS))


def bucket_keys():
    listing = boto3.client("s3").list_objects_v2(Bucket=BUCKET)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def clear_caches():
    """What a fresh instance starts with: nothing cached in this process."""
    for alias in ("default", "renditions"):
        caches[alias].clear()


@pytest.fixture(params=["bucket address", "CDN domain"])
def shared_media(request, monkeypatch, db):
    """The site configured for the bucket, as an operator's environment would configure it.

    Yields the origin pictures are expected to load from.
    """
    environment = {"AWS_STORAGE_BUCKET_NAME": BUCKET}
    if request.param == "CDN domain":
        environment["AWS_S3_CUSTOM_DOMAIN"] = CDN_DOMAIN
    configured = base_settings_for(monkeypatch, **environment)
    with mock_aws():
        boto3.client("s3").create_bucket(Bucket=BUCKET)
        clear_caches()
        with override_settings(
            STORAGES={**settings.STORAGES, "default": configured["STORAGES"]["default"]},
            SECURE_CSP=configured["SECURE_CSP"],
            SERVE_MEDIA=configured["SERVE_MEDIA"],
        ):
            yield configured["CSP_MEDIA_ORIGINS"][0]
        clear_caches()


def test_the_configured_origin_is_the_bucket_or_the_cdn(shared_media):
    """Guards the fixture: each parameter really is a different public address."""
    assert shared_media in (f"https://{BUCKET}.s3.amazonaws.com", f"https://{CDN_DOMAIN}")


def test_an_image_uploaded_in_the_admin_lands_in_the_bucket(shared_media, client):
    editor = get_user_model().objects.create_superuser("mediaeditor", "m@example.org", "pw")
    client.force_login(editor)

    response = client.post(
        "/admin/images/add/",
        {
            "title": "Forum",
            "description": "Parents at a forum in Gallup",
            "file": SimpleUploadedFile("forum.png", _png()),
        },
    )

    assert response.status_code == 302, response.content[:500]
    image = get_image_model().objects.get(title="Forum")
    assert f"media/{image.file.name}" in bucket_keys()
    assert image.file.name.startswith("original_images/forum")


def test_a_second_upload_with_the_same_name_does_not_replace_the_first(shared_media):
    first = make_image(title="forum")
    second = make_image(title="forum")

    assert first.file.name != second.file.name
    assert {f"media/{first.file.name}", f"media/{second.file.name}"} <= set(bucket_keys())


def _png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 36), "#336699").save(buffer, format="PNG")
    return buffer.getvalue()


def _article_with_a_picture():
    site = make_site()
    index = make_news_index(site.root_page)
    lead = make_image(alt_text="Students reading together in a library", size=(1600, 900))
    return make_article(index, title="Survey results", image=lead)


def _picture_addresses(response):
    soup = BeautifulSoup(response.content, "html.parser")
    pictures = soup.select("main picture")
    assert pictures, "the article shows no picture"
    return [
        address.strip().split(" ")[0]
        for picture in pictures
        for source in [picture.img, *picture.select("source")]
        for address in [source.get("src") or "", *(source.get("srcset") or "").split(",")]
        if address.strip()
    ]


def test_a_page_shows_pictures_from_the_bucket_and_its_csp_allows_them(shared_media, client):
    article = _article_with_a_picture()

    response = client.get(article.url)

    assert response.status_code == 200
    addresses = _picture_addresses(response)
    for address in addresses:
        assert address.startswith(f"{shared_media}/media/images/"), address
        # A plain address: nothing expires, so a cached page keeps its pictures.
        assert "?" not in address
    keys = set(bucket_keys())
    for address in addresses:
        assert urlsplit(address).path.removeprefix(f"/{BUCKET}").lstrip("/") in keys
    image_sources = next(
        directive.split()[1:]
        for directive in response["Content-Security-Policy"].split(";")
        if directive.split()[0] == "img-src"
    )
    assert shared_media in image_sources


def test_renditions_are_drawn_once_and_reused_by_a_fresh_instance(
    shared_media, client, monkeypatch
):
    """Another instance (empty caches, images loaded anew) finds the pictures, draws none again."""
    Image = get_image_model()
    Rendition = Image.get_rendition_model()
    article = _article_with_a_picture()
    first = client.get(article.url)
    renditions_made = Rendition.objects.count()
    files_stored = bucket_keys()
    assert renditions_made >= 3  # AVIF, WebP and JPEG at least

    clear_caches()

    def redrawn(*args, **kwargs):
        raise AssertionError("a rendition was drawn again")

    monkeypatch.setattr(Image, "generate_rendition_file", redrawn)
    second = client.get(article.url)

    assert second.status_code == 200
    assert _picture_addresses(second) == _picture_addresses(first)
    assert Rendition.objects.count() == renditions_made
    assert bucket_keys() == files_stored


def _document(collection=None, content=b"Board minutes, March"):
    Document = get_document_model()
    document = Document(title="Minutes", collection=collection or Collection.get_first_root_node())
    document.file.save("minutes.txt", ContentFile(content), save=True)
    return document


def test_a_document_is_streamed_from_the_bucket_by_wagtails_view(shared_media, client):
    document = _document()
    assert f"media/{document.file.name}" in bucket_keys()

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Board minutes, March"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    # The view streams the file itself; it never sends the visitor to the bucket.
    assert document.url.startswith("/documents/")


def test_a_private_document_stays_private(shared_media, client):
    root = Collection.get_first_root_node()
    board = root.add_child(name="Board only")
    CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = _document(collection=board, content=b"Confidential board minutes")

    anonymous = client.get(document.url)

    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]
    # Nor is the object itself readable by anyone: no public grant in the bucket.
    acl = boto3.client("s3").get_object_acl(Bucket=BUCKET, Key=f"media/{document.file.name}")
    grantees = [grant["Grantee"].get("URI", "") for grant in acl["Grants"]]
    assert not any(uri.endswith(("/AllUsers", "/AuthenticatedUsers")) for uri in grantees)

    staff = get_user_model().objects.create_superuser("boardmember", "b@example.org", "pw")
    client.force_login(staff)
    signed_in = client.get(document.url)
    assert b"".join(signed_in.streaming_content) == b"Confidential board minutes"


# --- Settings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "environment",
    [
        {"AWS_STORAGE_BUCKET_NAME": BUCKET},
        {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_REGION_NAME": "us-west-2"},
        {"AWS_STORAGE_BUCKET_NAME": "media.alliance.example", "AWS_S3_REGION_NAME": "eu-west-1"},
        {"AWS_STORAGE_BUCKET_NAME": "media.alliance.example"},
        {"AWS_STORAGE_BUCKET_NAME": "media.alliance.example", "AWS_DEFAULT_REGION": "ca-central-1"},
        {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_ENDPOINT_URL": "http://minio:9000"},
        {
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": "https://account.r2.cloudflarestorage.com/",
            "AWS_S3_REGION_NAME": "auto",
        },
        {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_CUSTOM_DOMAIN": CDN_DOMAIN},
    ],
    ids=[
        "aws",
        "aws-region",
        "dotted-bucket",
        "dotted-bucket-no-region",
        "dotted-bucket-default-region",
        "minio",
        "r2",
        "cdn",
    ],
)
def test_the_csp_names_the_origin_the_storage_really_uses(monkeypatch, environment):
    """Whatever the provider, the pictures' addresses are on the origin img-src allows."""
    configured = base_settings_for(monkeypatch, **environment)
    storage = S3Storage(**configured["STORAGES"]["default"]["OPTIONS"])

    address = storage.url("images/forum.fill-800x450.jpg")

    assert address.startswith(configured["CSP_MEDIA_ORIGINS"][0] + "/"), address
    assert address.endswith("/media/images/forum.fill-800x450.jpg")
    assert configured["CSP_MEDIA_ORIGINS"][0] in configured["SECURE_CSP"]["img-src"]


SHOW_MEDIA_SETTINGS = (
    "import json, alliance_site.settings.production as s; "
    "print(json.dumps({'storage': s.STORAGES['default']['BACKEND'], "
    "'options': s.STORAGES['default'].get('OPTIONS', {}), 'serve_media': s.SERVE_MEDIA, "
    "'img_src': [str(source) for source in s.SECURE_CSP['img-src']], "
    "'upgrade': s.SECURE_CSP.get('upgrade-insecure-requests')}))"
)


def production_media_settings(**environment):
    """Production settings' media configuration in a new interpreter with only these variables."""
    result = run_python(SHOW_MEDIA_SETTINGS, **PRODUCTION_VALUES, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_with_a_bucket_stores_media_there_and_allows_its_origin():
    media = production_media_settings(
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL="https://objects.example.net",
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="an-access-key",
        AWS_SECRET_ACCESS_KEY="a-secret-key",
    )

    assert media["storage"] == "storages.backends.s3.S3Storage"
    assert media["options"]["bucket_name"] == BUCKET
    assert media["options"]["endpoint_url"] == "https://objects.example.net"
    assert media["options"]["location"] == "media"
    assert media["options"]["querystring_auth"] is False
    assert media["options"]["file_overwrite"] is False
    # boto3 reads the keys from the environment; settings never hold them.
    assert "a-secret-key" not in json.dumps(media)
    assert media["serve_media"] is False
    assert "https://objects.example.net" in media["img_src"]
    assert media["upgrade"] is True


def test_production_with_a_cdn_allows_the_cdn_not_the_bucket():
    media = production_media_settings(
        AWS_STORAGE_BUCKET_NAME=BUCKET, AWS_S3_CUSTOM_DOMAIN=CDN_DOMAIN, AWS_LOCATION="site-media"
    )

    assert media["options"]["custom_domain"] == CDN_DOMAIN
    assert media["options"]["location"] == "site-media"
    assert f"https://{CDN_DOMAIN}" in media["img_src"]
    assert not any("amazonaws" in source for source in media["img_src"])


def test_without_a_bucket_media_stays_on_local_files():
    media = production_media_settings()

    assert media["storage"] == "django.core.files.storage.FileSystemStorage"
    assert media["serve_media"] is True
    assert media["img_src"] == ["'self'", "data:"]


# --- Local media, served by the app itself -------------------------------------------------


def directives(cache_control):
    return {directive.strip() for directive in cache_control.split(",")}


@pytest.fixture
def local_picture(db):
    """A picture uploaded to the local media folder, and one of its renditions."""
    image = make_image(title="gallup-forum", size=(160, 90))
    return image, image.get_rendition("fill-80x45|format-webp")


def test_a_rendition_is_kept_a_year_without_revalidation(client, local_picture):
    _image, rendition = local_picture

    response = client.get(rendition.url)

    assert rendition.url.startswith("/media/images/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    with rendition.file.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert directives(response["Cache-Control"]) == {"public", "max-age=31536000", "immutable"}
    assert response["Last-Modified"] and response["ETag"]
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_original_is_kept_a_day(client, local_picture):
    image, _rendition = local_picture

    response = client.get(image.file.url)

    assert image.file.url.startswith("/media/original_images/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert directives(response["Cache-Control"]) == {"public", "max-age=86400"}


@pytest.mark.parametrize("asked_with", ["If-Modified-Since", "If-None-Match"])
def test_a_picture_the_browser_already_has_is_a_304(client, local_picture, asked_with):
    _image, rendition = local_picture
    first = client.get(rendition.url)
    header = "Last-Modified" if asked_with == "If-Modified-Since" else "ETag"
    meta_name = "HTTP_" + asked_with.upper().replace("-", "_")

    again = client.get(rendition.url, **{meta_name: first[header]})

    assert again.status_code == 304
    assert again.content == b""
    # A revalidated copy may be kept as long again.
    assert directives(again["Cache-Control"]) == directives(first["Cache-Control"])


def test_a_changed_picture_is_sent_again(client, local_picture):
    _image, rendition = local_picture

    response = client.get(
        rendition.url,
        HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT",
        HTTP_IF_NONE_MATCH='"an-older-version"',
    )

    assert response.status_code == 200


def test_head_on_a_picture_sends_its_headers_without_the_file(local_picture):
    from tests.test_protocol_hygiene import served

    _image, rendition = local_picture

    status, headers, body = served("HEAD", rendition.url)

    assert status == 200
    assert body == b""
    assert dict(headers)["Content-Length"] == str(rendition.file.size)
    assert directives(dict(headers)["Cache-Control"]) == {
        "public",
        "max-age=31536000",
        "immutable",
    }


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "TRACE", "PATCH"])
def test_a_picture_answers_only_get_and_head(client, local_picture, method):
    _image, rendition = local_picture

    response = client.generic(method, rendition.url)

    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD"}
    assert not response.streaming


def test_nothing_but_pictures_in_the_two_folders_is_served(client, local_picture, tmp_path):
    image, rendition = local_picture
    media_root = Path(settings.MEDIA_ROOT)
    document = _document()
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"not for visitors")
    (media_root / "images" / "leak.png").symlink_to(outside)
    (media_root / "images" / "notes.txt").write_text("not a picture")
    (media_root / "images" / "drawing.svg").write_text("<svg onload='alert(1)'/>")
    (media_root / "images" / ".hidden.png").write_bytes(b"hidden")
    (media_root / "images" / "folder.png").mkdir()
    rendition_name = rendition.file.name.removeprefix("images/")
    original_name = image.file.name.removeprefix("original_images/")

    refused = [
        "/media/images/",  # no listings
        "/media/original_images/",
        "/media/images/folder.png",
        "/media/images/../original_images/" + original_name,
        "/media/images/%2e%2e/%2e%2e/manage.py",
        "/media/original_images/..%2f..%2fmanage.py",
        "/media/images//" + rendition_name,
        "/media/images/./" + rendition_name,
        "/media/images/" + rendition_name + "%00.png",
        "/media/images/leak.png",  # a link leading out of the folder
        "/media/images/notes.txt",
        "/media/images/drawing.svg",
        "/media/images/.hidden.png",
        "/media/images/missing.png",
        "/media/" + document.file.name,  # documents go through /documents/ only
    ]

    for address in refused:
        response = client.get(address)
        assert response.status_code == 404, address
        assert b"not for visitors" not in response.content
    assert client.get(rendition.url).status_code == 200


def test_no_picture_is_served_while_a_proxy_or_bucket_serves_them(client, local_picture, settings):
    _image, rendition = local_picture
    settings.SERVE_MEDIA = False

    assert client.get(rendition.url).status_code == 404
