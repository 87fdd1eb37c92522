"""The project run in processes of its own: a new interpreter reading the settings, gunicorn.

For the tests of settings and shared media (what production settings make of
the environment) and of the container and two instances (gunicorn serving).
"""

import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

# What production needs to start at all.
PRODUCTION_VALUES = {
    "DJANGO_SECRET_KEY": "k3Jx9-Vq2LmT8rWz_Yb4Nc7Hd1Fg6Ps0Ae5Ru2Io9Ul3Kw8Ty4Gh7Mn1Bv6Cx0Zq",
    "DJANGO_ALLOWED_HOSTS": "learningalliance.example,kidscan.example",
    "DATABASE_URL": "postgres://alliance:secret@db.internal:5432/alliance",
    "DJANGO_EMAIL_HOST": "smtp.learningalliance.example",
    "WAGTAILADMIN_BASE_URL": "https://learningalliance.example",
}

# Variables the settings read; a test's interpreter gets only those it names.
SETTINGS_VARIABLE_PREFIXES = ("DJANGO_", "AWS_", "REDIS_", "WAGTAILADMIN_")


def run_python(code, **environment):
    """Run `code` in a new interpreter in the project root with only the given settings."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(SETTINGS_VARIABLE_PREFIXES) and name != "DATABASE_URL"
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, **headers):
    """(status, headers, body) without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def start_gunicorn(port, environ, log, stderr=subprocess.DEVNULL):
    """gunicorn as the image starts it (gunicorn.conf.py) on a loopback port, stdout to `log`."""
    with log.open("w") as out:
        return subprocess.Popen(
            # The address on the command line wins over the file's 0.0.0.0:$PORT.
            [BIN / "gunicorn", "-c", "gunicorn.conf.py", "-b", f"127.0.0.1:{port}"]
            + ["alliance_site.wsgi"],
            cwd=ROOT,
            env=environ,
            stdout=out,
            stderr=stderr,
        )
