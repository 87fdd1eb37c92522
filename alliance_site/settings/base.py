"""Settings shared by every environment.

Secure by default: nothing here trusts the network, turns on debugging or
invents a secret. ``dev`` and ``test`` relax what they must; ``production``
adds what a public deployment needs and refuses to start without its secrets.
Every value an operator may change comes from an environment variable named
in the README's table.
"""

import datetime
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

import dj_database_url

from alliance_site.logging import init_sentry, logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    """A whole-number environment variable; a typo stops start-up with the variable's name."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_float(name, default):
    """A decimal environment variable; a typo stops start-up with the variable's name."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}.") from None


# No default: each environment module decides where its key comes from.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# Proxies in front of the app that append to X-Forwarded-For (see pages/clients.py).
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)

INSTALLED_APPS = [
    # Project apps first: their management commands and static files take precedence.
    # The kernel: the request's site and page, its languages, the shared pages.
    "routing",
    "localization",
    "pages",
    # The shared vocabulary (topics) that the content apps below file pages under.
    "taxonomy",
    "stories",
    "articles",
    "home",
    "navigation",
    "people",
    "demo",
    "editorial",
    "seo",
    "site_search",
    "events",
    "reports",
    "surveys",
    "issues",
    "partners",
    "newsletter",
    # Advocacy: the people campaigns address and bills name, take-action pages, the bill tracker.
    "decision_makers",
    "campaigns",
    "legislation",
    "operations",
    # Whole-page cache and its instant invalidation.
    "caching",
    "wagtail.contrib.forms",
    # CDN purge on publish, when WAGTAILFRONTENDCACHE is configured.
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # Translation of pages and snippets; its `locales` app replaces wagtail.locales
    # and adds tree synchronization, so every English page has a Spanish twin.
    # After "wagtail", so its rows are restored after the locales they name.
    "wagtail_localize",
    "wagtail_localize.locales",
    # Admin sign-in lockout after repeated failures (abuse resistance).
    "axes",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # The search index's PostgreSQL fields and indexes; harmless on SQLite.
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # First, so probes by IP over HTTP are answered before host checks and redirects.
    "alliance_site.health.HealthCheckMiddleware",
    # Request id and one JSON log line per request (alliance_site/logging.py);
    # after the health checks, so probes are not logged.
    "alliance_site.logging.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Security headers: the public CSP with a per-request nonce, then
    # the admin's and previews' policies, Permissions-Policy and CORP
    # (alliance_site/security.py; it must stay between these two and the clickjacking one).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "alliance_site.security.SecurityHeadersMiddleware",
    # A body declared over REQUEST_MAX_BODY_SIZE is a 413 before anything reads it.
    "alliance_site.security_input.RequestSizeLimitMiddleware",
    # Serves collected static files with far-future cache headers, so a
    # container needs no separate web server for them.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole anonymous pages from the shared cache (caching/middleware.py):
    # inside the header middleware so every copy gets fresh security headers,
    # before sessions so a hit touches no database.
    "caching.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Language from the URL: Spanish under /es/, English unprefixed. Never
    # redirects by the browser's language (the page offers a hint instead).
    "alliance_site.locale.UrlLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Outside the admin, a body over 1 MB is a 413 page in the reader's language
    # before CSRF's check reads it (pages/form_protection.py).
    "pages.form_protection.PublicFormSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The translation tool's own views check model permissions only: the
    # editorial rules (site ownership, who may publish) apply to them here.
    "editorial.translation_tool.TranslationToolMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as its docs ask: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "alliance_site.urls"
WSGI_APPLICATION = "alliance_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # Per-site settings (name, logo, color, contact) for every
                # template, including the 404 page.
                "wagtail.contrib.settings.context_processors.settings",
                # `csp_nonce` for <script> elements (security headers).
                "django.template.context_processors.csp",
                # `site_context`: the site's shared parts (menu, footer, logo,
                # home address) and what the request has worked out.
                "routing.site_context.site_context_processor",
            ],
        },
    },
]

# SQLite is only the zero-set-up default for `make run`; production and CI
# use PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DJANGO_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# Spanish pages write numbers as New Mexico does: 24.6 KB, 1,200 (formats/es/formats.py).
FORMAT_MODULE_PATH = ["alliance_site.formats"]
TIME_ZONE = "America/Denver"
USE_I18N = True
USE_TZ = True
# Every site is in English (the default, unprefixed) and Spanish (/es/). Each
# language is named in its own language, as the switcher shows it.
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# "Translate this page" saves the new translation as a draft, not published
# because the original is: a translation goes live through review, or when a
# moderator publishes it (editorial/translation_review.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Until media moves to shared storage, the app serves uploaded images itself;
# turn this off when a proxy or object store serves MEDIA_URL instead.
# Documents are never served this way: Wagtail's document view checks privacy.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", default=True)
# Private pages ask for their password inside the site's own layout.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Cookies only over HTTPS and never readable from scripts; dev relaxes the
# HTTPS part because `make run` serves plain HTTP on loopback.
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Security headers ---
# Content-Security-Policy of every public page (Django's CSP middleware). Scripts
# only from this origin, never inline or eval'd. Public templates load script
# files only, so the header names no nonce and a page can be cached whole and
# served to anyone; the nonce stays available (`{% csp_nonce_attr %}`)
# for a page that is never cached, and appears in the header only when used.
# Styles only from stylesheets (no `style=` anywhere); nothing framed but
# the video players of the video block; the site framed by nobody. The admin
# and previews get their own policy: alliance_site/security.py.
# Tested in tests/test_security_headers.py and, in Chromium, tests/browser/test_csp.py.
# The players EmbedBlock's oEmbed HTML frames (YouTube and Vimeo only).
CSP_VIDEO_PLAYER_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    # Renditions are served by this origin (SERVE_MEDIA or a proxy in front of it).
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    "frame-src": CSP_VIDEO_PLAYER_ORIGINS,
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Editors' avatars come from the site, never from gravatar.com: the admin's CSP
# allows no third-party images, and an e-mail hash is an editor's personal data.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for the latest version (the admin's
# connect-src is 'self'); upgrades are tracked in requirements/, not by editors.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Cookies (session, CSRF, language) are first-party only, sent on top-level links.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# --- end security headers ---

# Wagtail's background work (reference index, file clean-up) runs in the
# request until a task worker is added.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "Alliance sites"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# Outgoing mail (survey answers to staff, Wagtail's review notifications) through
# the SMTP server named here. Django 6.1's MAILERS would replace these, but
# Wagtail's notifications pass username=None to a MAILERS connection and would
# lose the login, so the EMAIL_* settings stay until Wagtail supports MAILERS.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
# Go-live and expiry times are New Mexico's, as the scheduler and the sites
# are: with one zone allowed, editors are not offered a personal time zone
# that would make the same date picker mean another hour.
# Management commands `run_scheduler` runs hourly beside scheduled publishing.
# Deleting unconfirmed sign-ups keeps the newsletter's promise to forget them within a week.
# axes_reset_logs drops sign-in records older than 30 days (django-axes keeps one per sign-in).
# delete_expired_action_participants erases take-action details past each site's retention period.
SCHEDULED_HOUSEKEEPING = [
    "delete_unconfirmed_signups",
    "axes_reset_logs",
    "delete_expired_action_participants",
]

WAGTAIL_USER_TIME_ZONES = ["America/Denver"]
# Wagtail's database search backend; on PostgreSQL each page's words are
# stemmed in their own language (site_search/postgres.py), elsewhere whole
# words match. `manage.py update_index` rebuilds the index.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "site_search.backend",
        "SEARCH_CONFIG": "english",
        "LANGUAGE_CONFIGS": {"en": "english", "es": "spanish"},
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Editors can upload phone photos, but not files that would exhaust memory
# when Wagtail resizes them.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Alt text required at upload, and damaged files refused there, not on a public page.
WAGTAILIMAGES_IMAGE_FORM_BASE = "pages.image_forms.AccessibleImageForm"
# Renditions for <picture>: AVIF first, WebP, then JPEG for old browsers.
WAGTAILIMAGES_AVIF_QUALITY = 60
WAGTAILIMAGES_WEBP_QUALITY = 75
WAGTAILIMAGES_JPEG_QUALITY = 80
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Logging and error reporting (ops) ---
# One JSON object per line on stdout, each with the request's id; no client
# addresses, cookies, bodies, query strings or e-mail addresses (see
# alliance_site/logging.py). DJANGO_LOG_FORMAT=text gives readable lines.
LOGGING = logging_config(
    os.environ.get("DJANGO_LOG_FORMAT", "json").strip().lower(),
    os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
)
# Errors go to Sentry (or a compatible service) only when a DSN is set; never
# with cookies, bodies, query strings, users' addresses or local variables.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    init_sentry(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "").strip(),
        traces_sample_rate=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0),
    )
# A readiness probe or a request must not hang on an unreachable database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env_int("DJANGO_DB_CONNECT_TIMEOUT", 5)
    )
# --- end logging and error reporting ---

# --- Abuse resistance: sign-in lockout, size limits, documents ---
# django-axes counts failed admin sign-ins in the database (so every instance
# shares the count). Ten failures for one account from one client lock that
# account for that client only: locking the account for everybody would let
# anyone lock staff out by typing their user name. Twenty failures from one
# client, whatever the user names, lock that client out of every account, so
# a script cycling through names is stopped too (each guess costs a password
# hash; a locked-out try costs none), while an office behind one address keeps
# room for its typos. The lock lifts 30 minutes after the last failed try
# (each try during the lock restarts the wait), or at once with
# `manage.py axes_reset_username <name>` / `axes_reset_ip <address>`. A
# success clears that account's count from that client.
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out client is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Axes' database handler, except that a success clears only that account's
# failures from that client (alliance_site/lockout.py).
AXES_HANDLER = "alliance_site.lockout.AccountAndClientLockoutHandler"
SIGN_IN_FAILURES_PER_ACCOUNT = 10
SIGN_IN_FAILURES_PER_CLIENT = 20
# Counted by client, and by account and client; axes has one limit, so this
# callable gives the account's or the client's (alliance_site/lockout.py).
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username", "ip_address"]]
AXES_FAILURE_LIMIT = "alliance_site.lockout.failure_limit"
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_RESET_ON_SUCCESS = True
# The client behind DJANGO_TRUSTED_PROXY_COUNT proxies, as the rate limits count it.
AXES_CLIENT_IP_CALLABLE = "pages.clients.client_address"
# A page in the admin's style saying when to try again and whom to ask (429 + Retry-After).
AXES_LOCKOUT_CALLABLE = "alliance_site.lockout.lockout_response"
# Attempts are kept in the database only; there is no Django admin to show them in.
AXES_ENABLE_ADMIN = False
# No "AXES: BEGIN" line at every start of every command.
AXES_VERBOSE = False
# Request sizes. Form fields (not files) above 2.5 MB, or more than
# DATA_UPLOAD_MAX_NUMBER_FIELDS of them, are a 400 from Django; any body
# declared larger than REQUEST_MAX_BODY_SIZE is a 413 before it is read
# (alliance_site/security_input.py). Set the proxy's limit (nginx
# client_max_body_size) to the same value. These are the admin's: outside it,
# where no form takes files, a body over 1 MB is a 413 before it is read
# (pages/form_protection.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
WAGTAILDOCS_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
REQUEST_MAX_BODY_SIZE = 30 * 1024 * 1024
# Documents always go through Wagtail's view (privacy checked, `nosniff`,
# `Content-Security-Policy: default-src 'none'`), even once files move to
# object storage; PDFs open in the browser, every other type downloads.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]

# --- Caching and scale-out (docs/scaling.md) ---
# With REDIS_URL every worker and container shares one cache: whole pages,
# the site header and footer, image renditions' database rows, and the
# content version that retires all of them the moment content changes
# (caching/versions.py). django-redis, unlike Django's own Redis backend,
# turns an outage into cache misses (IGNORE_EXCEPTIONS): slower, never a 500.
# Without REDIS_URL each process keeps its own small in-memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHE_KEY_PREFIX = os.environ.get("DJANGO_CACHE_KEY_PREFIX", "alliance").strip()
if REDIS_URL:
    _redis_options = {
        "IGNORE_EXCEPTIONS": True,
        # A page makes dozens of cache calls: after one fails or times out,
        # the process skips Redis for DJANGO_CACHE_RETRY_SECONDS, then tries
        # one call again (caching/circuit_breaker.py). An outage costs a
        # request at most one REDIS_TIMEOUT and is logged once, not per call.
        "CLIENT_CLASS": "caching.circuit_breaker.CircuitBreakerClient",
        "OUTAGE_RETRY_SECONDS": env_float("DJANGO_CACHE_RETRY_SECONDS", 5.0),
        "SOCKET_CONNECT_TIMEOUT": env_float("REDIS_TIMEOUT", 0.5),
        "SOCKET_TIMEOUT": env_float("REDIS_TIMEOUT", 0.5),
    }
    CACHES = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:{alias}",
            "OPTIONS": _redis_options,
        }
        for alias in ("default", "renditions")
    }
    # The breaker logs each outage once; django-redis would log a traceback
    # for every call it ignores.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
else:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"{CACHE_KEY_PREFIX}-{alias}",
        }
        for alias in ("default", "renditions")
    }
# Sessions (editors' sign-ins) stay in the database, which every instance
# shares and which survives a cache flush or a Redis restart.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Whole anonymous pages and shared page parts are cached only where every
# process sees the same content version: with Redis. A per-process cache
# would keep a page another worker's publish had replaced (the scheduler is
# another process too). DJANGO_CONTENT_CACHE=on forces it, e.g. for one worker.
CONTENT_CACHE_ENABLED = env_bool("DJANGO_CONTENT_CACHE", default=bool(REDIS_URL))
# The longest a cached page lives unpublished-into: pages that change with
# time alone (upcoming events) are at most this old.
CONTENT_CACHE_SECONDS = env_int("DJANGO_CONTENT_CACHE_SECONDS", 600)
# What a CDN or proxy may do with anonymous pages: keep them CDN_MAX_AGE
# seconds and serve a stale copy while it refetches for CDN_STALE_SECONDS.
# Browsers always revalidate (max-age=0), so a reader never holds an old page.
CDN_MAX_AGE = env_int("DJANGO_CDN_MAX_AGE", 60)
CDN_STALE_SECONDS = env_int("DJANGO_CDN_STALE_SECONDS", 600)
# A CDN or caching proxy in front is told to purge a page, the pages listing
# it and the sitemap the moment it is published, unpublished, moved or
# deleted (caching/invalidation.py), when one of these is set:
# FRONTEND_CACHE_PURGE_URLS (Varnish, nginx or Squid accepting PURGE; comma-
# separated), CLOUDFLARE_ZONE_ID with CLOUDFLARE_API_TOKEN, or
# CLOUDFRONT_DISTRIBUTION_ID (with AWS credentials in boto3's usual variables).
WAGTAILFRONTENDCACHE = {}
for _number, _location in enumerate(env_list("FRONTEND_CACHE_PURGE_URLS")):
    WAGTAILFRONTENDCACHE[f"proxy{_number}"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": _location,
    }
if os.environ.get("CLOUDFLARE_ZONE_ID", "").strip():
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"].strip(),
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", "").strip(),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", "").strip():
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"].strip(),
    }
# --- end caching and scale-out ---

# --- Shared media ---
# Instances cannot share one disk, so with AWS_STORAGE_BUCKET_NAME set every
# upload (original images, renditions, documents) goes to that S3-compatible
# bucket instead of MEDIA_ROOT: AWS S3, or MinIO, Cloudflare R2, Backblaze B2…
# through AWS_S3_ENDPOINT_URL. Without it nothing changes: files on local disk.
# boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an instance
# role) from the environment itself, so no secret passes through settings.
# - Images: browsers fetch renditions straight from the bucket, or from the CDN
#   named by AWS_S3_CUSTOM_DOMAIN, at plain addresses that never expire (no
#   signed query string), so a cached page's pictures keep working. Grant
#   anonymous read on <prefix>/images/ and <prefix>/original_images/ only, as
#   the /media/ route does locally (compose.yaml's minio-setup does this).
# - Documents stay private in the bucket: Wagtail's serve view
#   (WAGTAILDOCS_SERVE_METHOD above) checks collection privacy, then streams them.
# - Renditions are drawn once per installation: each is a database row naming
#   its file (also kept in the shared "renditions" cache), and an instance
#   that finds the row builds the address from it without touching the bucket.
# A file is never overwritten: a second upload named the same gets a suffix.
# The media origin joins img-src in the public CSP (production keeps it).
CSP_MEDIA_ORIGINS = []
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
if AWS_STORAGE_BUCKET_NAME:
    import re
    from urllib.parse import urlsplit

    _s3_endpoint_url = os.environ.get("AWS_S3_ENDPOINT_URL", "").strip().rstrip("/")
    _s3_region = os.environ.get("AWS_S3_REGION_NAME", "").strip()
    _s3_custom_domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip().strip("/")
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": AWS_STORAGE_BUCKET_NAME,
                # A prefix, so one bucket can hold other things (or several sites' media).
                "location": os.environ.get("AWS_LOCATION", "media").strip().strip("/"),
                "endpoint_url": _s3_endpoint_url or None,
                "region_name": _s3_region or None,
                "custom_domain": _s3_custom_domain or None,
                "querystring_auth": False,
                "file_overwrite": False,
                # Objects stay private unless the bucket's policy says otherwise.
                "default_acl": None,
                # A deleted picture leaves browsers and CDNs within a day.
                "object_parameters": {"CacheControl": "public, max-age=86400"},
            },
        },
    }
    # The address browsers load images from, as django-storages builds it:
    # the CDN, else the endpoint (path-style), else AWS's bucket host (or
    # path-style on AWS's endpoint for a name that cannot be a host name).
    if _s3_custom_domain:
        _media_origin = "https://" + _s3_custom_domain.split("/")[0]
    elif _s3_endpoint_url:
        _endpoint = urlsplit(_s3_endpoint_url)
        _media_origin = f"{_endpoint.scheme}://{_endpoint.netloc}"
    elif re.fullmatch(r"[a-z0-9][a-z0-9-]{1,61}[a-z0-9]", AWS_STORAGE_BUCKET_NAME):
        _media_origin = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    else:
        # boto3 falls back on AWS_DEFAULT_REGION; us-east-1 is AWS's global endpoint.
        _region = _s3_region or os.environ.get("AWS_DEFAULT_REGION", "").strip()
        _regional = f".{_region}" if _region not in ("", "us-east-1", "aws-global") else ""
        _media_origin = f"https://s3{_regional}.amazonaws.com"
    CSP_MEDIA_ORIGINS = [_media_origin]
    SECURE_CSP = {**SECURE_CSP, "img-src": [*SECURE_CSP["img-src"], *CSP_MEDIA_ORIGINS]}
    # No file is on this machine's disk to serve.
    SERVE_MEDIA = False
# --- end shared media ---
