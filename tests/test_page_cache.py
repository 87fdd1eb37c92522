"""The whole-page cache, as visitors, editors and a CDN in front of the site see it.

Anonymous pages are served from the cache until published content changes;
then every page that shows the change (the page, its index, the home page,
topic pages, feeds, the sitemap) is fresh on the very next request. Editors
never get a cached page, pages with forms are never cached, and a cache
outage costs speed, never a page.
"""

import gzip

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

import brotli
import pytest

from caching import versions
from navigation.models import Footer
from tests.campaign_factories import make_action, make_action_index
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_news_index,
    make_site,
    make_standard,
    make_topic,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

HOST = "localhost"


@pytest.fixture
def page_cache_on(settings):
    settings.CONTENT_CACHE_ENABLED = True


def build_site():
    content_locales()
    return make_site(HOST, name="Cache Test Alliance")


site_for_the_module = built_once_per_module(build_site)


@pytest.fixture
def site(site_for_the_module):
    return fresh_copies(site_for_the_module)


@pytest.fixture
def news(site):
    return make_news_index(site.root_page, title="News", slug="news")


def path_of(page):
    return page.get_url_parts()[2]


def get(client, path, **headers):
    return client.get(path, HTTP_HOST=HOST, **headers)


# --- visitors --------------------------------------------------------------------------


def test_a_second_visitor_gets_the_same_page_without_touching_the_database(client, news):
    make_article(news, title="School board adopts literacy plan")
    first = get(client, path_of(news))
    with CaptureQueriesContext(connection) as queries:
        second = get(client, path_of(news))

    assert (first.status_code, second.status_code) == (200, 200)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert b"School board adopts literacy plan" in second.content
    assert len(queries) == 0
    # Every copy gets this request's security headers and id.
    assert "default-src 'none'" in second["Content-Security-Policy"]
    assert second["X-Request-ID"] != first["X-Request-ID"]


def test_cached_pages_arrive_compressed_and_revalidate_with_an_etag(client, news):
    plain = get(client, path_of(news))
    as_brotli = get(client, path_of(news), HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    as_gzip = get(client, path_of(news), HTTP_ACCEPT_ENCODING="gzip")

    assert as_brotli["Content-Encoding"] == "br"
    assert brotli.decompress(as_brotli.content) == plain.content
    assert as_gzip["Content-Encoding"] == "gzip"
    assert gzip.decompress(as_gzip.content) == plain.content
    assert "Accept-Encoding" in plain["Vary"]
    unchanged = get(client, path_of(news), HTTP_IF_NONE_MATCH=plain["ETag"])
    assert unchanged.status_code == 304
    assert unchanged.content == b""


def test_a_cdn_may_keep_public_pages_briefly_and_browsers_always_revalidate(client, news):
    with override_settings(CDN_MAX_AGE=120, CDN_STALE_SECONDS=900):
        response = get(client, path_of(news))

    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=0", "s-maxage=120", "stale-while-revalidate=900"}


def test_pages_with_a_form_are_never_cached_because_their_token_is_the_visitors(client, site):
    from newsletter.models import NewsletterPage

    newsletter = NewsletterPage(
        title="Newsletter",
        slug="newsletter",
        introduction="<p>News from us, monthly.</p>",
        privacy_note="<p>We keep only your address.</p>",
    )
    site.root_page.add_child(instance=newsletter)
    newsletter.save_revision().publish()

    responses = [get(client, path_of(newsletter)) for _ in range(2)]

    assert [r.status_code for r in responses] == [200, 200]
    assert all("X-Page-Cache" not in r for r in responses)
    assert all("private" in r["Cache-Control"] for r in responses)
    assert b"csrfmiddlewaretoken" in responses[1].content
    # Its CSRF token sits next to what a visitor types: never compressed (BREACH).
    asked = get(client, path_of(newsletter), HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in asked


def test_pages_never_cached_but_the_same_for_everyone_arrive_compressed(client, site):
    actions = make_action_index(site.root_page)
    action = make_action(actions, title="Fund school meals")

    plain = get(client, path_of(actions))
    as_brotli = get(client, path_of(actions), HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    as_gzip = get(client, path_of(actions), HTTP_ACCEPT_ENCODING="gzip")
    form = get(client, path_of(action), HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    # The list of actions is never cached (its counts and deadlines move)...
    assert "X-Page-Cache" not in as_brotli and "no-cache" in as_brotli["Cache-Control"]
    # ...yet it holds nothing of one visitor's, so it is compressed as it is sent.
    assert as_brotli["Content-Encoding"] == "br"
    assert brotli.decompress(as_brotli.content) == plain.content
    assert int(as_brotli["Content-Length"]) == len(as_brotli.content)
    assert as_gzip["Content-Encoding"] == "gzip"
    assert gzip.decompress(as_gzip.content) == plain.content
    assert b"Fund school meals" in plain.content
    assert "Accept-Encoding" in plain["Vary"]
    # The action's form carries this visitor's CSRF token: sent as it is.
    assert form.status_code == 200 and "Content-Encoding" not in form
    assert b"csrfmiddlewaretoken" in form.content


def test_a_missing_address_is_cached_until_a_page_is_published_there(client, site):
    assert get(client, "/about/").status_code == 404
    assert get(client, "/about/")["X-Page-Cache"] == "hit"

    make_standard(site.root_page, title="About us", slug="about")

    response = get(client, "/about/")
    assert response.status_code == 200
    assert b"About us" in response.content


# --- publishing, everywhere at once -----------------------------------------------------


def listing_paths(site, news, topic):
    return [
        path_of(site.root_page),
        path_of(news),
        path_of(news) + f"topics/{topic.slug}/",
        path_of(news) + "feeds/rss/",
        path_of(news) + "feeds/atom/",
        "/sitemap.xml",
    ]


def test_a_published_article_appears_at_once_on_every_page_that_lists_it(client, site, news):
    topic = make_topic("Literacy", slug="literacy")
    make_article(news, title="An older article", topics=[topic])
    paths = listing_paths(site, news, topic)
    for path in paths:  # every listing cached before the publish
        assert get(client, path).status_code == 200, path
        assert get(client, path).get("X-Page-Cache") == "hit", path

    article = make_article(news, title="Tutoring bill passes the Senate", topics=[topic])

    assert get(client, path_of(article)).status_code == 200
    for path in paths:
        response = get(client, path)
        assert response.get("X-Page-Cache") == "miss", path
        if path != "/sitemap.xml" and path != path_of(site.root_page):
            assert b"Tutoring bill passes the Senate" in response.content, path
    assert path_of(article).encode() in get(client, "/sitemap.xml").content


def test_an_edit_published_later_replaces_the_cached_copy(client, news):
    article = make_article(news, title="Budget hearing on Tuesday")
    assert get(client, path_of(article))["X-Page-Cache"] == "miss"
    assert get(client, path_of(article))["X-Page-Cache"] == "hit"

    article.title = "Budget hearing moved to Thursday"
    revision = article.save_revision()
    # A draft changes nothing a visitor sees.
    assert b"Budget hearing on Tuesday" in get(client, path_of(article)).content
    revision.publish()

    assert b"Budget hearing moved to Thursday" in get(client, path_of(article)).content
    assert b"Budget hearing moved to Thursday" in get(client, path_of(news)).content


def test_unpublished_moved_and_deleted_pages_leave_every_cached_page(client, site, news):
    gone = make_article(news, title="Withdrawn statement")
    moving = make_standard(news, title="Forum schedule", slug="forum-schedule")
    deleted = make_article(news, title="Duplicate post")
    old_paths = {page: path_of(page) for page in (gone, moving, deleted)}
    for path in [*old_paths.values(), path_of(news)]:
        get(client, path)

    gone.unpublish()
    moving.move(site.root_page, pos="last-child")
    deleted.delete()

    assert get(client, old_paths[gone]).status_code == 404
    moved_away = get(client, old_paths[moving])
    assert moved_away.status_code == 301  # Wagtail's automatic redirect for a moved page
    assert moved_away["Location"].endswith("/forum-schedule/")
    assert get(client, "/forum-schedule/").status_code == 200
    assert get(client, old_paths[deleted]).status_code == 404
    listing = get(client, path_of(news)).content
    assert b"Withdrawn statement" not in listing
    assert b"Duplicate post" not in listing


def test_a_changed_footer_shows_on_every_cached_page(client, site, news):
    english, _spanish = content_locales()
    footer = Footer.objects.create(site=site, locale=english, tagline="Learning together")
    get(client, path_of(news))
    assert get(client, path_of(news))["X-Page-Cache"] == "hit"

    footer.tagline = "Learning together, statewide"
    footer.save()

    assert b"Learning together, statewide" in get(client, path_of(news)).content


def test_an_editors_draft_keeps_the_cache(client, news):
    article = make_article(news, title="Steady page")
    get(client, path_of(article))
    article.save_revision()  # an editor's draft

    assert get(client, path_of(article))["X-Page-Cache"] == "hit"


# --- editors ----------------------------------------------------------------------------


def test_signed_in_editors_always_see_the_live_site_as_it_is_and_no_cdn_keeps_it(
    client, django_user_model, news
):
    article = make_article(news, title="Original headline")
    get(client, path_of(article))
    # A change that bypasses publishing (a data fix in the shell) is not seen
    # by visitors until the cache turns over, but an editor sees it at once.
    type(article).objects.filter(pk=article.pk).update(title="Corrected headline")
    assert b"Original headline" in get(client, path_of(article)).content

    editor = django_user_model.objects.create_superuser("cache-editor", "e@example.org", "pw")
    client.force_login(editor)
    response = get(client, path_of(article))

    assert b"Corrected headline" in response.content
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


# --- outages and configuration ---------------------------------------------------------


UNREACHABLE_REDIS = {
    alias: {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.2,
            "SOCKET_TIMEOUT": 0.2,
        },
    }
    for alias in ("default", "renditions")
}


def test_a_redis_outage_serves_pages_uncached_instead_of_failing(client, news):
    make_article(news, title="Still readable")
    with override_settings(CACHES=UNREACHABLE_REDIS):
        for _ in range(2):
            response = get(client, path_of(news))
            assert response.status_code == 200
            assert b"Still readable" in response.content
            assert "X-Page-Cache" not in response
        assert versions.content_version() is None
        versions.content_changed()  # publishing during the outage does not fail either


def test_without_a_shared_cache_pages_are_not_cached_by_default(client, news, settings):
    settings.CONTENT_CACHE_ENABLED = False
    responses = [get(client, path_of(news)) for _ in range(2)]

    assert all("X-Page-Cache" not in r for r in responses)
    # A CDN may still keep them.
    assert "s-maxage" in responses[1]["Cache-Control"]


# --- a CDN in front ---------------------------------------------------------------------


class RecordingCdn(BaseBackend):
    """A frontend-cache backend that records what it is asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)

    def purge_batch(self, urls):
        self.purged.extend(urls)


RECORDING_CDN = {"cdn": {"BACKEND": "tests.test_page_cache.RecordingCdn"}}


def test_a_cdn_is_told_to_forget_the_page_and_every_page_that_lists_it(site, news):
    topic = make_topic("Tutoring", slug="tutoring")
    RecordingCdn.purged = []
    with override_settings(WAGTAILFRONTENDCACHE=RECORDING_CDN):
        article = make_article(news, title="Tutors in every district", topics=[topic])

    root = site.root_url
    news_url = root + path_of(news)
    expected = {
        root + path_of(article),
        root + "/",
        news_url,
        news_url + "feeds/rss/",
        news_url + "feeds/atom/",
        news_url + "topics/tutoring/",
        news_url + "topics/tutoring/feeds/rss/",
        root + "/sitemap.xml",
    }
    assert expected <= set(RecordingCdn.purged)


def test_a_failing_cdn_never_stops_an_editor_publishing(client, site, news):
    class BrokenCdn(RecordingCdn):
        def purge_batch(self, urls):
            raise ConnectionError("CDN API unreachable")

    globals()["BrokenCdn"] = BrokenCdn
    with override_settings(WAGTAILFRONTENDCACHE={"cdn": {"BACKEND": f"{__name__}.BrokenCdn"}}):
        article = make_article(news, title="Published anyway")

    assert article.live
    assert b"Published anyway" in get(client, path_of(news)).content


def test_purge_targets_come_from_the_environment():
    import subprocess
    import sys

    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps({k: v['BACKEND'].rsplit('.', 1)[1] "
        "for k, v in settings.WAGTAILFRONTENDCACHE.items()}))"
    )
    environment = {
        "DJANGO_SETTINGS_MODULE": "alliance_site.settings.test",
        "FRONTEND_CACHE_PURGE_URLS": "http://varnish-1:6081, http://varnish-2:6081",
        "CLOUDFLARE_ZONE_ID": "zone123",
        "CLOUDFLARE_API_TOKEN": "token",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        '{"proxy0": "HTTPBackend", "proxy1": "HTTPBackend", "cloudflare": "CloudflareBackend"}'
    )
