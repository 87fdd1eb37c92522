"""A public deployment. Refuses to start half-configured, and says which variable is wrong.

What is wrong is the first line on stderr, before Python's traceback (which
gunicorn would print some sixty lines of), so the first line an operator
reads in the container's log names the variable.
"""

import os
import sys
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def announce_refusal(message):
    print(f"Production settings refuse to start: {message}", file=sys.stderr, flush=True)


try:
    from .base import *  # noqa: F403
    from .base import env_bool, env_list
    from .base import env_int as shared_env_int
except ImproperlyConfigured as problem:
    # A mistyped number (env_int) stops the shared settings already.
    announce_refusal(problem)
    raise


def env_int(name, default):
    """A whole-number variable, as in base; a typo is announced first here too."""
    try:
        return shared_env_int(name, default)
    except ImproperlyConfigured as problem:
        announce_refusal(problem)
        raise


REQUIRED_ENVIRONMENT = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL")
# Outgoing mail: newsletter confirmations, survey answers to staff and review
# notifications, whose links lead to the admin at WAGTAILADMIN_BASE_URL.
# Without them every e-mail would fail or link to localhost, and nobody would
# notice; a deployment without mail says so with DJANGO_EMAIL_DISABLED=true,
# and the admin's dashboard then tells staff (operations/wagtail_hooks.py).
REQUIRED_FOR_EMAIL = ("DJANGO_EMAIL_HOST", "WAGTAILADMIN_BASE_URL")
# Django's own bar for a secret key (the check behind `check --deploy`'s security.W009).
MINIMUM_SECRET_KEY_LENGTH = 50
MINIMUM_SECRET_KEY_CHARACTERS = 5


def configuration_problems(environ):
    """What stops these settings from serving the public, each naming its variable."""
    missing = [name for name in REQUIRED_ENVIRONMENT if not environ.get(name, "").strip()]
    problems = []
    if missing:
        needed = ", ".join(missing)
        problems.append(f"Production settings need these environment variables: {needed}")
    if not env_bool("DJANGO_EMAIL_DISABLED"):
        problems.extend(email_problems(environ))
    secret = environ.get("DJANGO_SECRET_KEY", "").strip()
    if secret and (
        len(secret) < MINIMUM_SECRET_KEY_LENGTH
        or len(set(secret)) < MINIMUM_SECRET_KEY_CHARACTERS
        or secret.startswith("django-insecure-")
    ):
        problems.append(
            f"DJANGO_SECRET_KEY must be a random value of at least {MINIMUM_SECRET_KEY_LENGTH} "
            'characters, e.g. the output of: python -c "import secrets; '
            'print(secrets.token_urlsafe(64))"'
        )
    if env_bool("DJANGO_DEBUG"):
        problems.append(
            "DJANGO_DEBUG is on: debug pages would show visitors the code and settings. "
            "Unset it in production (alliance_site.settings.dev is for debugging)."
        )
    return problems


def email_problems(environ):
    """What stops outgoing mail from reaching people, or its links from leading anywhere."""
    missing = [name for name in REQUIRED_FOR_EMAIL if not environ.get(name, "").strip()]
    if missing:
        return [
            f"Outgoing mail needs {', '.join(missing)} (the SMTP server, and the admin's "
            "https:// address for the links in review e-mails); to run without any e-mail, "
            "set DJANGO_EMAIL_DISABLED=true"
        ]
    admin_url = urlsplit(environ["WAGTAILADMIN_BASE_URL"].strip())
    if admin_url.scheme not in ("http", "https") or not admin_url.hostname:
        return [
            "WAGTAILADMIN_BASE_URL must be the admin's full address, "
            "e.g. https://www.learningalliance.example"
        ]
    return []


_problems = configuration_problems(os.environ)
if _problems:
    announce_refusal(" | ".join(_problems))
    raise ImproperlyConfigured(" | ".join(_problems))

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"].strip()
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
DEBUG = False

# --- Outgoing mail ---
# Read by the admin's dashboard, which tells staff that no e-mail goes out.
EMAIL_DISABLED = env_bool("DJANGO_EMAIL_DISABLED")
if EMAIL_DISABLED:
    # Nothing is sent and nothing fails: sign-ups and survey answers are still stored.
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
else:
    # Links in e-mails are joined to paths that start with a slash.
    WAGTAILADMIN_BASE_URL = WAGTAILADMIN_BASE_URL.strip().rstrip("/")  # noqa: F405
# --- end outgoing mail ---

# The container sits behind a TLS-terminating proxy or load balancer.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000)
# On by default, as `check --deploy` asks. An organization whose domain has
# subdomains not served over HTTPS only (an old donation page elsewhere, say)
# turns both off, and `check --deploy` then warns, as it should. `preload`
# only allows submitting the domain to browsers' preload list; it submits nothing.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)

# --- Security headers ---
# Behind HTTPS, any http:// address left in content (an old image link) is
# fetched over HTTPS instead of being blocked as mixed content; the admin's
# policy (alliance_site/security.py) copies this directive.
SECURE_CSP = {**SECURE_CSP, "upgrade-insecure-requests": True}  # noqa: F405
# --- end security headers ---
