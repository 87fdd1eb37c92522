"""The test suite: fast, deterministic, isolated from any developer's files."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", ".localhost", "testserver"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# Hashing passwords slowly only makes tests slow.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Uploaded and generated images go to a throwaway folder, never the repo.
MEDIA_ROOT = tempfile.mkdtemp(prefix="alliance-test-media-")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The demo loader makes its demo editors and moderators here too (demo/accounts.py).
DEMO_STAFF_ACCOUNTS = True

# Tests never reach video providers: an embed is found only in the cache
# (wagtailembeds) a test fills, so the fallback path is exercised offline.
WAGTAILEMBEDS_FINDERS = []

# --- Abuse resistance ---
# Django's test client signs in without a request, which django-axes refuses;
# tests/test_lockout.py turns the lockout on for itself with override_settings.
AXES_ENABLED = False
