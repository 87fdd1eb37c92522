"""Two instances of the site, as a load balancer runs them, share one database and one Redis.

Each instance is a real gunicorn with production settings on its own port.
An editor publishes through the admin of the first; a visitor of the second,
whose copy of the page was already cached, sees the change on the very next
request. Runs on the test run's database engine (PostgreSQL in CI) and this
machine's Redis.
"""

import os
import re
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from tests.databases import postgresql_admin_connection, postgresql_url
from tests.processes import BIN, ROOT, fetch, free_port, start_gunicorn

# Left out of `make test-fast`: these start servers or check the deployment files.
# `django_db` has pytest-django make the migrated test database the instances'
# database is copied from, even when this module runs alone.
pytestmark = [pytest.mark.container, pytest.mark.django_db]

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
EDITOR, PASSWORD = "publisher", "correct-horse-battery-staple"

SETUP = f"""
from django.contrib.auth import get_user_model
from tests.factories import content_locales, make_article, make_news_index, make_site
content_locales()
site = make_site("localhost", name="Two Instance Alliance")
news = make_news_index(site.root_page, title="News", slug="news")
article = make_article(news, title="Forum on Tuesday", slug="forum")
article.title = "Forum moved to Thursday"
article.save_revision()  # the editor's draft, not yet published
get_user_model().objects.create_superuser("{EDITOR}", "p@example.org", "{PASSWORD}")
print(article.pk)
"""


@pytest.fixture(scope="module")
def shared_database(migrated_postgresql_copy, tmp_path_factory):
    """A database of its own on the test run's engine, migrated, with one article."""
    if migrated_postgresql_copy:
        name = f"alliance_two_instances_{os.getpid()}"
        with postgresql_admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            # `migrate` below then finds nothing to do.
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{migrated_postgresql_copy}"')
        url = postgresql_url(name)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('two-instances') / 'db.sqlite3'}"
    environ = instance_environment(url, key_prefix="setup")
    manage = [BIN / "python", "manage.py"]
    # Production settings serve hashed, compressed static files, as the image
    # builds them (into the git-ignored staticfiles/ folder).
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=environ, check=True, capture_output=True)
    result = subprocess.run(
        [*manage, "shell", "-c", SETUP],
        cwd=ROOT,
        env=environ,
        check=True,
        capture_output=True,
        text=True,
    )
    article_id = int(result.stdout.strip().splitlines()[-1])
    yield url, article_id
    if migrated_postgresql_copy:
        with postgresql_admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def instance_environment(database_url, key_prefix):
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SENTRY_", "GUNICORN_", "WEB_CONCURRENCY", "REDIS_"))
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="alliance_site.settings.production",
        DJANGO_SECRET_KEY="test-only-" + "k3y-Value-" * 6,
        DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="off",
        DATABASE_URL=database_url,
        DJANGO_EMAIL_DISABLED="true",
        REDIS_URL=REDIS_URL,
        DJANGO_CACHE_KEY_PREFIX=key_prefix,
        WEB_CONCURRENCY="2",
    )
    return environ


@pytest.fixture(scope="module")
def two_instances(shared_database, tmp_path_factory):
    database_url, article_id = shared_database
    # One cache namespace for this run, shared by both instances, as in production.
    environ = instance_environment(database_url, key_prefix=f"two-instances-{uuid.uuid4().hex}")
    logs = tmp_path_factory.mktemp("instances")
    processes, urls = [], []
    try:
        for number in (1, 2):
            port = free_port()
            log = logs / f"instance{number}.log"
            processes.append(start_gunicorn(port, environ, log, stderr=subprocess.STDOUT))
            urls.append(f"http://localhost:{port}")
        deadline = time.monotonic() + 60
        for url, process in zip(urls, processes, strict=True):
            while True:
                try:
                    if fetch(url + "/readyz/")[0] == 200:
                        break
                except OSError:
                    pass
                assert process.poll() is None, "an instance did not start"
                assert time.monotonic() < deadline, "an instance did not become ready"
                time.sleep(0.2)
        yield urls, article_id
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


class Editor:
    """An editor's browser reduced to cookies and forms (cookies sent over plain HTTP here)."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = {}

    def request(self, path, data=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.base_url

        status, response_headers, content = fetch_with_body(self.base_url + path, body, headers)
        for cookie in response_headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return status, response_headers, content.decode()

    def csrf_token(self, html):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def sign_in(self):
        _, _, html = self.request("/admin/login/")
        status, headers, _ = self.request(
            "/admin/login/",
            {
                "csrfmiddlewaretoken": self.csrf_token(html),
                "username": EDITOR,
                "password": PASSWORD,
                "next": "/admin/",
            },
        )
        assert status == 302, "the editor could not sign in"

    def publish(self, page_id):
        """The admin's bulk "Publish" action on one page: its latest draft goes live."""
        path = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/"
        _, _, html = self.request(path)
        status, _, _ = self.request(path, {"csrfmiddlewaretoken": self.csrf_token(html)})
        assert status == 302, "publishing failed"


def fetch_with_body(url, body, headers):
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, data=body, headers=headers), timeout=15) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_a_publish_on_one_instance_shows_on_the_other_at_once(two_instances):
    (first, second), article_id = two_instances
    for base in (first, second):  # both instances have the page and the list cached
        for path in ("/news/forum/", "/news/"):
            fetch(base + path)
            status, headers, body = fetch(base + path)
            assert status == 200
            assert headers["X-Page-Cache"] == "hit", (base, path)
            assert b"Forum on Tuesday" in body

    editor = Editor(first)
    editor.sign_in()
    editor.publish(article_id)

    for path in ("/news/forum/", "/news/"):
        status, headers, body = fetch(second + path)
        assert status == 200
        assert b"Forum moved to Thursday" in body, path
        assert b"Forum on Tuesday" not in body, path
    # The editor, signed in on the first, sees the live page, never a cached copy.
    status, headers, html = editor.request("/news/forum/")
    assert "Forum moved to Thursday" in html
    assert "X-Page-Cache" not in headers
