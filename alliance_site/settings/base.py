"""Settings shared by every environment.

Secure by default: nothing here trusts the network, turns on debugging or
invents a secret. ``dev`` and ``test`` relax what they must; ``production``
adds what a public deployment needs and refuses to start without its secrets.
Every value an operator may change comes from an environment variable named
in the README's table.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

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


# No default: each environment module decides where its key comes from.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# Proxies in front of the app that append to X-Forwarded-For (see alliance_site/clients.py).
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)

INSTALLED_APPS = [
    # Project apps first: their management commands and static files take precedence.
    "pages",
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
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
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
    # and adds tree synchronisation, so every English page has a Spanish twin.
    # After "wagtail", so its rows are restored after the locales they name.
    "wagtail_localize",
    "wagtail_localize.locales",
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
    "django.middleware.security.SecurityMiddleware",
    # Serves collected static files with far-future cache headers, so a
    # container needs no separate web server for them.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Language from the URL: Spanish under /es/, English unprefixed. Never
    # redirects by the browser's language (the page offers a hint instead).
    "alliance_site.locale.UrlLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
                # Per-site settings (name, logo, colour, contact) for every
                # template, including the 404 page.
                "wagtail.contrib.settings.context_processors.settings",
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
TIME_ZONE = "America/Denver"
USE_I18N = True
USE_TZ = True
# Every site is in English (the default, unprefixed) and Spanish (/es/). Each
# language is named in its own language, as the switcher shows it.
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]

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
SCHEDULED_HOUSEKEEPING = ["delete_unconfirmed_signups"]

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # One line per background task run is noise, not news.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
