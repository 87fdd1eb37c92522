"""Security headers for visitors and for editors, on two organizations' sites in two languages.

A visitor's page carries a strict Content-Security-Policy under which the only
scripts that run are files from the site itself (no nonce, so a page can be
cached whole and served to anyone); the admin carries its own
policy (Wagtail's inline scripts need it), and previews may be framed by the
admin only. tests/browser/test_csp.py checks in Chromium that nothing is blocked.

The tests build the few pages they read. That no page runs inline script or
inline style is checked on a site with a page of every type in both languages,
every kind of block in each (tests/builders.py builds it); the demo's smoke
test checks every page of both demo sites the same way (`inline_code_on`), in
tests/demo/test_pages_sweep.py.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.test import override_settings
from django.urls import reverse

from wagtail.models import Page, Site, get_page_models
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticlePage, NewsIndexPage
from pages.blocks import BodyBlock, VideoBlock
from reports.blocks import ReportBodyBlock
from reports.models import ReportPage
from tests.builders import build_site_with_every_page_type
from tests.factories import (
    built_once_per_module,
    content_locales,
    fresh_copies,
    make_article,
    make_image,
    make_news_index,
    make_site,
    translate_page,
)

pytestmark = pytest.mark.django_db

ALLIANCE = "localhost"
KIDSCAN = "kidscan.localhost"
HOSTS = [ALLIANCE, KIDSCAN]


def path_of(page):
    """The page's path on its own site (Page.url is absolute when there are two sites)."""
    return page.get_url_parts()[2]


PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Headers every response of the site carries, whoever asks.
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")
VIDEO_PLAYERS = {"https://www.youtube.com", "https://www.youtube-nocookie.com"}
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


def policy(response, header="Content-Security-Policy"):
    """The response's CSP as {directive: [values]}."""
    assert header in response, f"no {header} header"
    directives = {}
    for part in response[header].split(";"):
        name, *values = part.split()
        assert name not in directives, f"{name} twice"
        directives[name] = values
    return directives


def nonce_of(directives):
    nonces = [v for v in directives["script-src"] if v.startswith("'nonce-")]
    assert len(nonces) <= 1
    return nonces[0][len("'nonce-") : -1] if nonces else None


def assert_public_policy(directives, frame_ancestors="'none'"):
    """The public policy: nothing inline or eval'd, no plugins, framed by nobody."""
    assert directives["default-src"] == ["'none'"]
    scripts = directives["script-src"]
    assert "'self'" in scripts
    assert not {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:"} & set(scripts)
    assert directives["style-src"] == ["'self'"]
    assert set(directives["img-src"]) == {"'self'", "data:"}
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == [frame_ancestors]
    assert VIDEO_PLAYERS <= set(directives["frame-src"])
    assert "upgrade-insecure-requests" not in directives  # production only


def assert_common_headers(response):
    for header, value in COMMON_HEADERS.items():
        assert response.get(header) == value, f"{header}: {response.get(header)}"
    permissions = response["Permissions-Policy"]
    for feature in DENIED_FEATURES:
        assert f"{feature}=()" in permissions


def public_paths(host):
    """Home, news list, an article and a feed of `host`'s site, in English and Spanish."""
    site = Site.objects.get(hostname=host)
    paths = []
    for home in site.root_page.get_translations(inclusive=True):
        news = NewsIndexPage.objects.descendant_of(home).live().first()
        article = ArticlePage.objects.descendant_of(home).live().first()
        paths += [path_of(home), path_of(news), path_of(article)]
    return paths


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("csp-editor", "csp@example.org", "pw")
    client.force_login(user)
    return user


# --- two organizations' sites, in English and Spanish ------------------------------


def build_two_sites_in_two_languages():
    """A home page, a news index and an article with a picture on each site, in both languages."""
    _english, spanish = content_locales()
    built = {}
    for host, name, default in ((ALLIANCE, "Learning Alliance", True), (KIDSCAN, "KidsCAN", False)):
        home = make_site(hostname=host, name=name, default=default).root_page.specific
        news = make_news_index(home, title="News", slug="news")
        article = make_article(
            news,
            title="Six forums",
            slug="forums",
            image=make_image(),
            body=[("paragraph", RichText("<p>Six forums across the state.</p>"))],
        )
        translate_page(home, spanish, title="Inicio")
        translate_page(news, spanish, title="Noticias", slug="noticias")
        translate_page(article, spanish, title="Seis foros", slug="foros")
        built[host] = {"home": home, "news": news, "article": article}
    return built


two_sites_for_the_module = built_once_per_module(build_two_sites_in_two_languages)


@pytest.fixture
def two_sites(two_sites_for_the_module):
    """{host: its home, news index and article}, for the Alliance and KidsCAN."""
    return fresh_copies(two_sites_for_the_module)


# A site with a page of every type, built by the test that reads it.
EVERY_TYPE_HOST = "every-type.localhost"


# --- visitors ----------------------------------------------------------------


@pytest.mark.parametrize("host", HOSTS)
def test_public_pages_in_both_languages_carry_every_security_header(client, two_sites, host):
    paths = public_paths(host)
    assert any(path.startswith("/es/") for path in paths)
    for path in paths:
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, path
        assert_common_headers(response)
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Resource-Policy"] == "same-origin"
        assert_public_policy(policy(response))
        assert "Content-Security-Policy-Report-Only" not in response


@pytest.mark.parametrize("host", HOSTS)
def test_feeds_the_missing_page_and_the_brand_stylesheet_carry_them_too(client, two_sites, host):
    home = Site.objects.get(hostname=host).root_page
    news = NewsIndexPage.objects.descendant_of(home).live().first()
    feed = client.get(path_of(news) + "feeds/rss/", HTTP_HOST=host)
    missing = client.get("/es/no-such-page/", HTTP_HOST=host)
    brand = client.get(reverse("brand_stylesheet"), HTTP_HOST=host)

    assert (feed.status_code, missing.status_code, brand.status_code) == (200, 404, 200)
    for response in (feed, missing, brand):
        assert_common_headers(response)
        assert_public_policy(policy(response))
    # The missing page is the site's own, in Spanish.
    assert BeautifulSoup(missing.content, "html.parser").html["lang"] == "es"


def test_the_only_script_is_a_file_from_the_site_so_the_page_can_be_cached_whole(client, two_sites):
    """The language hint's script (an English page read by a Spanish browser) is a same-origin
    file: allowed by 'self' alone, it needs no per-request nonce, and the page is served
    byte for byte the same to everyone from the page cache."""
    home = path_of(Site.objects.get(hostname=ALLIANCE).root_page)
    with override_settings(CONTENT_CACHE_ENABLED=True):
        first, second = (
            client.get(home, HTTP_HOST=ALLIANCE, HTTP_ACCEPT_LANGUAGE="es") for _ in range(2)
        )
    for response in (first, second):
        directives = policy(response)
        assert_public_policy(directives)
        assert nonce_of(directives) is None
        scripts = BeautifulSoup(response.content, "html.parser").find_all("script")
        running = [s for s in scripts if s.get("type") not in DATA_SCRIPT_TYPES]
        assert running, "the language hint's script is missing"
        assert all(s.get("src", "").startswith("/static/") for s in running)
        assert not any(s.has_attr("nonce") for s in running)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first.content == second.content


def live_page_paths(site):
    """The path of every live page of `site`, in every language, with its type."""
    return [
        (path_of(page), type(page))
        for home in site.root_page.get_translations(inclusive=True)
        for page in home.get_descendants(inclusive=True).live().specific()
    ]


def inline_code_on(client, host, paths):
    """What a strict policy would block on each page: inline script, inline style, handlers.

    Pages are asked for by a Spanish browser, so English pages with a Spanish
    translation carry the language hint and its script.
    """
    problems = []
    for url in paths:
        response = client.get(url, HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE="es")
        if response.status_code != 200:
            problems.append(f"{url}: {response.status_code}")
            continue
        soup = BeautifulSoup(response.content, "html.parser")
        for script in soup.find_all("script"):
            if script.get("type") in DATA_SCRIPT_TYPES:
                continue
            if not script.get("src", "").startswith("/static/"):
                problems.append(f"{url}: {str(script)[:100]}")
        for element in soup.find_all(True):
            attributes = set(element.attrs)
            if "style" in attributes or any(a.startswith("on") for a in attributes):
                problems.append(f"{url}: {str(element)[:100]}")
        problems += [f"{url}: <style>" for _ in soup.find_all("style")]
    return problems


def test_no_page_of_any_type_runs_inline_script_or_inline_style(client):
    """A strict policy blocks nothing of ours, whatever the page type and the blocks in it."""
    built = build_site_with_every_page_type(EVERY_TYPE_HOST, "Every Type")
    site = built["site"]
    pages = live_page_paths(site)
    page_types = {page_type for _path, page_type in pages}
    assert page_types == set(get_page_models()) - {Page}, "build a page of the new type"
    every_block = set(ReportBodyBlock().child_blocks)
    report = ReportPage.objects.descendant_of(site.root_page).get()
    assert {block.block_type for block in report.body} == every_block, "add the new block"
    assert set(BodyBlock().child_blocks) <= every_block
    topic_pages = [
        path_of(index) + index.reverse_subpage("topic", args=[built["topic"].slug])
        for home in site.root_page.get_translations(inclusive=True)
        for index in NewsIndexPage.objects.descendant_of(home).live()
    ]
    paths = [path for path, _page_type in pages] + topic_pages
    assert any(path.startswith("/es/") for path in paths)

    problems = inline_code_on(client, EVERY_TYPE_HOST, paths)

    assert not problems, "\n".join(problems)


def test_images_and_static_files_may_be_shown_by_other_sites(client):
    """Renditions appear in newsletter e-mails read in webmail; pages stay same-origin."""
    response = client.get("/static/css/site.css", HTTP_HOST=ALLIANCE)

    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert_common_headers(response)


# --- editors -------------------------------------------------------------------


def assert_admin_policy(directives):
    """As strict as Wagtail's admin allows: inline scripts, but nothing from elsewhere."""
    assert directives["default-src"] == ["'self'"]
    assert set(directives["script-src"]) == {"'self'", "'unsafe-inline'"}
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert set(directives["connect-src"]) == {"'self'"}
    assert not any(v.startswith("http") for v in directives["img-src"])


def test_the_admin_has_its_own_policy_and_cannot_be_framed(client, two_sites, editor):
    article = two_sites[ALLIANCE]["article"]
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtailimages_chooser:choose"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_common_headers(response)
        assert_admin_policy(policy(response))
        assert policy(response)["frame-ancestors"] == ["'none'"]
        assert response["X-Frame-Options"] == "DENY"


def test_the_sign_in_page_has_the_admin_policy(client):
    response = client.get(reverse("wagtailadmin_login"))

    assert response.status_code == 200
    assert_admin_policy(policy(response))


def preview_data(article):
    """The page editor's form, unchanged, as the preview panel posts it."""
    return nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "publication_date": article.publication_date.isoformat(),
            "summary": article.summary,
            "authors": inline_formset([]),
            "image": "",
            "body": streamfield([]),
        }
    )


def test_a_preview_keeps_the_public_policy_and_may_be_framed_by_the_admin_only(
    client, two_sites, editor
):
    article = two_sites[ALLIANCE]["article"]
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    assert client.post(preview_url, preview_data(article)).json()["is_valid"] is True

    response = client.get(preview_url, {"in_preview_panel": "true"})

    assert response.status_code == 200
    assert_public_policy(policy(response), frame_ancestors="'self'")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # The userbar in the preview (the Checks panel's axe) is data and same-origin scripts.
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("wagtail-userbar") is not None


def test_viewing_a_draft_keeps_the_public_policy(client, two_sites, editor):
    article = two_sites[ALLIANCE]["article"]
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))

    assert response.status_code == 200
    assert_public_policy(policy(response), frame_ancestors="'self'")


def test_block_previews_in_the_block_picker_may_be_framed_by_the_admin(client, editor):
    block = VideoBlock()
    response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    directives = policy(response)
    assert_admin_policy(directives)
    assert directives["frame-ancestors"] == ["'self'"]


def test_the_userbar_on_a_public_page_needs_no_relaxed_policy(client, two_sites, editor):
    home = path_of(Site.objects.get(hostname=KIDSCAN).root_page)
    response = client.get(home, HTTP_HOST=KIDSCAN)

    assert_public_policy(policy(response))
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("wagtail-userbar") is not None
    for script in soup.find_all("script"):
        if script.get("type") not in DATA_SCRIPT_TYPES:
            assert script["src"].startswith(("/static/", f"//{KIDSCAN}/static/"))


# --- production ------------------------------------------------------------------


def production_settings(*names):
    """The named settings as alliance_site.settings.production computes them (a new process)."""
    code = (
        "import json; import alliance_site.settings.production as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {list(names)!r}}}))"
    )
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name != "DATABASE_URL"
    }
    environment.update(
        DJANGO_SECRET_KEY="k3Jx9-Vq2LmT8rWz_Yb4Nc7Hd1Fg6Ps0Ae5Ru2Io9Ul3Kw8Ty4Gh7Mn1Bv6Cx0Zq",
        DJANGO_ALLOWED_HOSTS="localhost,kidscan.localhost",
        DATABASE_URL="postgres://alliance:secret@db.internal:5432/alliance",
        DJANGO_EMAIL_DISABLED="true",
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


PRODUCTION = (
    "SECURE_CSP",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
)


@pytest.fixture(scope="module")
def production():
    return production_settings(*PRODUCTION)


def test_production_upgrades_requests_and_pins_https_for_a_year(client, two_sites, production):
    home = path_of(Site.objects.get(hostname=ALLIANCE).root_page)
    with override_settings(**production):
        plain = client.get(home, HTTP_HOST=ALLIANCE)
        response = client.get(home, HTTP_HOST=ALLIANCE, secure=True)
        admin = client.get(reverse("wagtailadmin_login"), secure=True)

    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    assert response.status_code == 200
    hsts = response["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts and "preload" in hsts
    public = policy(response)
    assert "upgrade-insecure-requests" in public
    public.pop("upgrade-insecure-requests")
    assert_public_policy(public)
    assert "upgrade-insecure-requests" in policy(admin)


def test_production_cookies_are_secure_http_only_and_same_site(client, production):
    """The session and CSRF cookies an editor gets on signing in."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("cookie-editor", "c@example.org", "a-long-pw-1")
    with override_settings(**production):
        client.get(reverse("wagtailadmin_login"), secure=True)
        response = client.post(
            reverse("wagtailadmin_login"),
            {"username": "cookie-editor", "password": "a-long-pw-1"},
            secure=True,
        )

    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = client.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name


def test_no_page_is_reachable_from_another_origin_by_cors(client, two_sites):
    response = client.get("/", HTTP_HOST=ALLIANCE, HTTP_ORIGIN="https://evil.example")

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
