"""Project-wide pytest set-up."""

import os
import shutil

import pytest

# The shared demo's ordering and clean-up hooks (tests/shared_demo.py).
pytest_plugins = ["tests.shared_demo"]

# Playwright's sync API runs an event loop in the test thread; Django's
# live_server database access from that thread is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium: Playwright's own browser downloads are not available."""
    if not shutil.which(CHROMIUM):
        pytest.skip(f"browser tests need {CHROMIUM} (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(autouse=True)
def _each_test_starts_in_the_default_language():
    """A request to /es/ leaves Spanish active in the test thread; no test should inherit it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
