"""Whole anonymous pages from the shared cache, and the headers a CDN needs.

A page a visitor without a session asks for is rendered once per content
version (caching/versions.py) and then served from the cache, compressed
ahead of time, until anything published changes; a publish anywhere retires
every cached page on every instance at once. What is never cached:

- requests carrying the session cookie: signed-in editors always see the
  live site as it is, and their responses are marked private;
- responses that set a cookie, use a CSRF token (pages with forms), vary on
  anything but the encoding, say private/no-store/no-cache, or stream
  (documents, media files);
- anything but a GET, and any status but 200, 301, 404 and 410.

A page kept out only because it must never be stale (a take-action list,
whose counts and deadlines move) is the same for every visitor: it is
compressed as it is sent. A page with anything of one visitor's in it is
sent as it is: a secret next to what a visitor typed is what the BREACH
attack on compression needs.

It sits after the security-header middleware, so every served copy gets
fresh security headers and request id, and before the session middleware,
so a hit costs no database query at all.
"""

import gzip
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers

import brotli

from .save_data import SAVE_DATA_HEADER, saves_data
from .versions import caching_enabled, content_version, one_version_per_request

CACHEABLE_STATUSES = {200, 301, 404, 410}
NEVER_CACHED_PATH_PREFIXES = ("/admin/", "/documents/", "/django-admin/")
# Set again by the middleware outside this one on every response.
HEADERS_NOT_KEPT = {"set-cookie", "content-length", "content-encoding", "etag"}
CACHE_HEADER = "X-Page-Cache"
CACHE_HEADER_HIT = "hit"
CACHE_HEADER_MISS = "miss"
# Below this size compression saves too little to be worth a second copy.
COMPRESS_MIN_BYTES = 860


def cdn_cache_control():
    return {
        "public": True,
        "max_age": 0,
        "s_maxage": settings.CDN_MAX_AGE,
        "stale_while_revalidate": settings.CDN_STALE_SECONDS,
    }


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_version_per_request():
            response = self.respond(request)
        if request.method == "HEAD":
            without_body(response)
        return response

    def respond(self, request):
        if has_session(request):
            response = self.get_response(request)
            # Never stored by a CDN or proxy: it may show drafts or a userbar.
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        if request.method not in ("GET", "HEAD") or request.path.startswith(
            NEVER_CACHED_PATH_PREFIXES
        ):
            return self.get_response(request)

        key = self.cache_key(request) if caching_enabled() else None
        entry = cache.get(key) if key else None
        if entry is not None:
            return serve_entry(request, entry, CACHE_HEADER_HIT)

        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            # A page's pictures depend on the data saver (caching/save_data.py).
            patch_vary_headers(response, (SAVE_DATA_HEADER,))
        if not is_cacheable(request, response):
            if response.cookies and not response.has_header("Cache-Control"):
                # A cookie, such as the CSRF token of a page with a form,
                # belongs to this visitor alone.
                patch_cache_control(response, private=True, no_cache=True)
            if is_the_same_for_everyone(response):
                compress_for(request, response)
            return response
        # Compressed ahead of time only when the copies will be served again.
        entry = make_entry(response, compress=bool(key))
        if key and request.method == "GET":
            cache.set(key, entry, settings.CONTENT_CACHE_SECONDS)
        return serve_entry(request, entry, CACHE_HEADER_MISS if key else None)

    @staticmethod
    def cache_key(request):
        try:
            host = request.get_host()
        except DisallowedHost:
            return None  # answered with a 400 further in, never cached
        version = content_version()
        if version is None:  # cache unreachable: serve uncached
            return None
        address = f"{request.scheme}://{host}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
        variant = ":save-data" if saves_data(request) else ""
        return f"page:{version}:{digest}{variant}"


def without_body(response):
    """A HEAD answer: the headers a GET gets (a Content-Length too, if it has one), no body.

    Django runs the GET view for a HEAD and leaves dropping the body to the
    server; gunicorn drops it but logs a warning for every such request.
    Copies from the cache are dropped here too, and so is anything else
    served below this middleware: pages with forms, documents, media files.
    """
    if response.streaming:
        # A file's handle stays registered with the response, which closes it.
        response.streaming_content = []
    else:
        response.content = b""


def has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def is_cacheable(request, response):
    if response.status_code not in CACHEABLE_STATUSES or response.streaming:
        return False
    if response.cookies:  # the CSRF token of a form, a language choice: this visitor's
        return False
    # `Vary: Cookie` is there because the page asked who the visitor is; the
    # answer for a request without a session cookie is always "anonymous",
    # and requests with one never reach the cache.
    vary = [h.strip().lower() for h in response.get("Vary", "").split(",") if h.strip()]
    if any(header not in ("accept-encoding", "cookie", "save-data") for header in vary):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def is_the_same_for_everyone(response):
    """Whether an uncached page holds nothing of this visitor's, so may be compressed.

    A page using a CSRF token renews its cookie on every response, so a page
    with a form always sets one; personal pages say private or no-store.
    """
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return "private" not in cache_control and "no-store" not in cache_control


# Best first. Quality 6: within 1 % of the best size short of 11, in a fiftieth of the time of 9.
COMPRESSORS = {
    "br": lambda body: brotli.compress(body, quality=6),
    "gzip": lambda body: gzip.compress(body, compresslevel=6, mtime=0),
}


def compress_for(request, response):
    """Compress `response` in place with the best encoding the client accepts."""
    if response.has_header("Content-Encoding") or len(response.content) < COMPRESS_MIN_BYTES:
        return
    patch_vary_headers(response, ("Accept-Encoding",))
    encodings = accepted_encodings(request)
    encoding = next((name for name in COMPRESSORS if name in encodings), None)
    if encoding is None:
        return
    response.content = COMPRESSORS[encoding](response.content)
    response["Content-Encoding"] = encoding
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))


def make_entry(response, compress):
    """What is kept of a response: headers, body, and its compressed copies."""
    body = response.content
    entry = {
        "status": response.status_code,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in HEADERS_NOT_KEPT
        ],
        "body": body,
        "etag": '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
    }
    if compress and len(body) >= COMPRESS_MIN_BYTES:
        entry.update({name: compressor(body) for name, compressor in COMPRESSORS.items()})
    return entry


def accepted_encodings(request):
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    return {part.split(";")[0].strip().lower() for part in accepted.split(",")}


def serve_entry(request, entry, cache_state):
    if entry["status"] == 200 and entry["etag"] in request.META.get("HTTP_IF_NONE_MATCH", ""):
        response = HttpResponseNotModified()
    else:
        encodings = accepted_encodings(request)
        encoding = next((e for e in COMPRESSORS if e in entry and e in encodings), None)
        body = entry[encoding] if encoding else entry["body"]
        response = HttpResponse(body, status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        if encoding:
            response["Content-Encoding"] = encoding
    response["ETag"] = entry["etag"]
    if "gzip" in entry:
        patch_vary_headers(response, ("Accept-Encoding",))
    patch_cache_control(response, **cdn_cache_control())
    if cache_state:
        response[CACHE_HEADER] = cache_state
    return response
