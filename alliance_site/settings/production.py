"""A public deployment. Refuses to start half-configured, and says which variable is wrong."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_int, env_list

REQUIRED_ENVIRONMENT = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL")
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


_problems = configuration_problems(os.environ)
if _problems:
    raise ImproperlyConfigured(" | ".join(_problems))

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"].strip()
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
DEBUG = False

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
