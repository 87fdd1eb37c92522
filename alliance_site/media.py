"""Uploaded files as the app serves them when no proxy or object store does.

Images (`/media/images/…`, `/media/original_images/…`, while
`DJANGO_SERVE_MEDIA` is on) come from `serve_image_file`, built for a
container with no web server in front: GET and HEAD only, a file or a 404
(no directory listings, nothing outside the two folders, no other kind of
file), `Last-Modified` and an `ETag` so a browser's conditional request is a
304, and caching that fits each folder:

- renditions (`images/`) are never rewritten: a new crop or size, or a new
  original, is a new file name. Browsers and CDNs keep them a year without
  asking again.
- originals (`original_images/`) are kept a day, as the bucket's objects are
  (`AWS_S3_OBJECT_PARAMETERS` in settings/base.py), so a deleted picture
  leaves caches within a day.

WhiteNoise, which serves the static files, is not used here: it lists its
files once at start-up, and renditions are written while the site runs (its
autorefresh mode walks the folder on every request and is meant for
development only).

Documents never come from `/media/`: Wagtail's `/documents/` view checks their
collection's privacy. `document_urls` routes to Wagtail's own views, refusing
methods they should not answer (its file view otherwise sends the file to a
TRACE, PUT or DELETE).
"""

import datetime
import mimetypes
import stat
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import path, re_path
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition, require_http_methods, require_safe

from wagtail.documents.views import serve as document_views

RENDITIONS_FOLDER = "images"
ORIGINALS_FOLDER = "original_images"
ONE_YEAR = 365 * 24 * 60 * 60
ONE_DAY = 24 * 60 * 60
CACHE_CONTROL_BY_FOLDER = {
    RENDITIONS_FOLDER: {"public": True, "max_age": ONE_YEAR, "immutable": True},
    ORIGINALS_FOLDER: {"public": True, "max_age": ONE_DAY},
}
# Pictures only: an SVG is a document that can run script when opened on its own.
REFUSED_CONTENT_TYPES = {"image/svg+xml"}


@dataclass(frozen=True)
class StoredImage:
    path: Path
    folder: str
    content_type: str
    size: int
    modified_ns: int

    @property
    def etag(self):
        return f'"{self.modified_ns:x}-{self.size:x}"'

    @property
    def last_modified(self):
        return datetime.datetime.fromtimestamp(self.modified_ns / 1e9, tz=datetime.UTC)


def find_stored_image(relative_path):
    """The picture at `relative_path` under MEDIA_ROOT, or Http404.

    Only regular files inside `images/` or `original_images/` themselves, with
    no `.`/`..` or hidden name on the way, and with an image's content type.
    A symbolic link leading out of the folder is refused too.
    """
    folder, *names = relative_path.split("/")
    if folder not in CACHE_CONTROL_BY_FOLDER or not names:
        raise Http404
    if any(not name or name.startswith(".") or "\\" in name for name in names):
        raise Http404
    content_type, encoding = mimetypes.guess_type(names[-1])
    if not content_type or not content_type.startswith("image/") or encoding:
        raise Http404
    if content_type in REFUSED_CONTENT_TYPES:
        raise Http404
    try:
        folder_path = (Path(settings.MEDIA_ROOT) / folder).resolve()
        file_path = folder_path.joinpath(*names).resolve(strict=True)
        status = file_path.stat()
    except (OSError, ValueError):  # missing, unreadable, or a NUL byte in the name
        raise Http404 from None
    if not file_path.is_relative_to(folder_path) or not stat.S_ISREG(status.st_mode):
        raise Http404
    return StoredImage(file_path, folder, content_type, status.st_size, status.st_mtime_ns)


def _send(request, image):
    # HEAD gets this same response; the page cache middleware drops the body
    # of every HEAD answer (caching/middleware.py), this one's included.
    return FileResponse(image.path.open("rb"), content_type=image.content_type)


_send_unless_unchanged = condition(
    etag_func=lambda request, image: image.etag,
    last_modified_func=lambda request, image: image.last_modified,
)(_send)


@require_safe
def serve_image_file(request, path):
    # Read per request rather than when the URLs load, so the setting is
    # followed wherever it is changed (tests override it).
    if not settings.SERVE_MEDIA:
        raise Http404
    image = find_stored_image(path)
    response = _send_unless_unchanged(request, image)
    # On the 304 too, so a revalidated copy is kept as long again.
    patch_cache_control(response, **CACHE_CONTROL_BY_FOLDER[image.folder])
    return response


def image_urls():
    media_prefix = settings.MEDIA_URL.strip("/")
    return [
        re_path(
            rf"^{media_prefix}/(?P<path>(?:{ORIGINALS_FOLDER}|{RENDITIONS_FOLDER})/.+)$",
            serve_image_file,
            name="media_image_file",
        )
    ]


# Wagtail's own document routes (wagtail/documents/urls.py), with the same
# names so `Document.url` still finds them, each limited to what it answers.
document_urls = [
    re_path(r"^(\d+)/(.*)$", require_safe(document_views.serve), name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        require_http_methods(["GET", "HEAD", "POST"])(document_views.authenticate_with_password),
        name="wagtaildocs_authenticate_with_password",
    ),
]
