"""Local development: `make run`. Plain HTTP on loopback, debug on unless told otherwise."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DJANGO_DEBUG", default=True)

# A fixed, obviously unsafe key is acceptable only here: this settings module
# never serves the public, and production refuses to start without its own.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: F405

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,.localhost,[::1]")

# Emails (survey answers, review notifications) are printed by `make run`, never sent.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# Plain storage: no `collectstatic` needed before the first `runserver`.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# One demo editor and moderator per demo site (demo/accounts.py); never in base or production.
DEMO_STAFF_ACCOUNTS = True

# Readable log lines in the terminal of `make run`; DJANGO_LOG_FORMAT=json shows
# what production writes.
LOGGING = logging_config(  # noqa: F405
    os.environ.get("DJANGO_LOG_FORMAT", "text").strip().lower(),
    os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
)
