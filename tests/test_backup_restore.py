"""Backups: `backup_site` and `restore_site` bring the whole site back exactly.

The round trip needs committed data (pg_dump reads the database from another
process), so it runs as a transactional test; `serialized_rollback` puts
back what the migrations made for the tests after it. The restore goes into
a scratch database of its own: a temporary file on SQLite, and
`<test database>_restore` on PostgreSQL, dropped afterwards.
"""

import contextlib
import hashlib
import io
import json
import re
import tarfile

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.documents import get_document_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

import pytest
from wagtail_localize.synctree import synchronize_tree

from operations.backups import MANIFEST, media_checksums
from tests.databases import postgresql_admin_connection
from tests.factories import (
    content_locales,
    make_article,
    make_image,
    make_mission,
    make_news_index,
    make_site,
    make_standard,
    make_story,
    make_story_index,
    make_vision,
)

# What differs between two renders of the same page on the same database.
VOLATILE = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'), 'name="csrfmiddlewaretoken"'),
    (re.compile(r'nonce="[^"]*"'), 'nonce=""'),
    # The sign-up form's signed "started at" time (pages/form_protection.py).
    (re.compile(r'(<input type="hidden" name="[^"]*" value=")[^"]*:[^"]*(">)'), r"\1…\2"),
]


def normalised(html):
    for pattern, replacement in VOLATILE:
        html = pattern.sub(replacement, html)
    return html


def site_addresses():
    """(host, path): on each site, one live page of every type in each language, and extras."""
    addresses = []
    for site in Site.objects.order_by("pk"):
        for extra in ("/sitemap.xml", "/robots.txt", "/search/?q=school", "/es/search/?q=escuela"):
            addresses.append((site.hostname, extra))
        seen = set()
        for home in site.root_page.get_translations(inclusive=True):
            for found in Page.objects.live().public().descendant_of(home, inclusive=True):
                kind = (found.content_type_id, found.locale_id)
                if kind not in seen:
                    seen.add(kind)
                    addresses.append((site.hostname, found.specific.get_url_parts()[2]))
    return addresses


def render(client, addresses):
    cache.clear()
    pages = {}
    for host, path in addresses:
        response = client.get(path, HTTP_HOST=host)
        pages[f"{host}{path}"] = (response.status_code, normalised(response.content.decode()))
    return pages


def database_contents():
    """Every row of every model, as dumpdata writes it (ordered by primary key)."""
    output = io.StringIO()
    call_command("dumpdata", "--all", "--exclude=sessions", stdout=output)
    return output.getvalue()


@contextlib.contextmanager
def scratch_database(tmp_path):
    """Point the default connection at a new, empty database for the duration."""
    settings_dict = connection.settings_dict
    name = settings_dict["NAME"]
    if connection.vendor == "sqlite":
        # An in-memory test database dies with its connection: keep it aside.
        kept = connection.connection
        connection.connection = None
        settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
        try:
            yield
        finally:
            connection.close()
            settings_dict["NAME"] = name
            connection.connection = kept
    else:
        scratch = f"{name}_restore"
        connection.close()
        with postgresql_admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
            admin.execute(f'CREATE DATABASE "{scratch}"')
        settings_dict["NAME"] = scratch
        try:
            yield
        finally:
            connection.close()
            settings_dict["NAME"] = name
            with postgresql_admin_connection() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')


def build_two_organizations():
    """Two sites with a page of each kind in English and, as twins, in Spanish, and pictures.

    Enough to show that every table, every file and every kind of page comes
    back; the demo's own size adds time, not coverage.
    """
    english, spanish = content_locales()
    for hostname, name, default in (
        ("localhost", "Learning Alliance", True),
        ("kidscan.localhost", "KidsCAN", False),
    ):
        site = make_site(hostname, name=name, default=default)
        home = site.root_page
        make_vision(home)
        make_mission(home)
        body = [("paragraph", RichText("<p>Why schools matter to the whole community.</p>"))]
        make_standard(home, title="About us", body=body)
        report = get_document_model()(title=f"{name} annual report")
        report.file.save("annual-report.pdf", ContentFile(b"%PDF-1.4 an annual report"))
        news = make_news_index(home)
        make_article(news, title="A school year in review", image=make_image(f"{name} hero"))
        make_story(make_story_index(home), title="A teacher's year")
    synchronize_tree(english, spanish)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_an_empty_database_and_the_site_looks_the_same(
    client, settings, tmp_path
):
    """Every page of both sites in both languages, search and sitemaps, and every file, alike."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    build_two_organizations()
    addresses = site_addresses()
    before = render(client, addresses)  # makes the renditions the pages need
    media_before = media_checksums(settings.MEDIA_ROOT)
    rows_before = database_contents()

    archive = tmp_path / "backup.tar.gz"
    call_command("backup_site", output=str(archive), stdout=io.StringIO())

    settings.MEDIA_ROOT = str(tmp_path / "restored-media")
    with scratch_database(tmp_path):
        output = io.StringIO()
        call_command("restore_site", str(archive), stdout=output)
        rows_after = database_contents()
        after = render(client, addresses)
        media_after = media_checksums(settings.MEDIA_ROOT)

    assert "Restored the database" in output.getvalue()
    assert any(path.startswith("/es/") for _, path in addresses)
    assert len(addresses) > 30
    assert {status for status, _ in before.values()} == {200}
    assert after == before
    assert rows_after == rows_before
    assert media_after == media_before
    assert any(path.startswith("images/") for path in media_before)
    assert any(path.startswith("documents/") for path in media_before)


def write_archive(path, manifest, files):
    with tarfile.open(path, "w:gz") as tar:
        for name, content in {MANIFEST: json.dumps(manifest).encode(), **files}.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))


@pytest.mark.django_db
def test_restore_refuses_to_overwrite_a_database_that_has_tables(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_site", output=str(archive), stdout=io.StringIO())
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="Refusing to overwrite existing data.*--force"):
        call_command("restore_site", str(archive), stdout=io.StringIO())
    assert Page.objects.count() == pages


@pytest.mark.django_db
def test_the_backup_archive_is_readable_by_its_owner_only(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_site", output=str(archive), stdout=io.StringIO())

    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as tar:
        assert MANIFEST in tar.getnames()


@pytest.mark.django_db
def test_a_damaged_archive_is_refused_before_anything_is_touched(tmp_path):
    archive = tmp_path / "damaged.tar.gz"
    manifest = {
        "format": 1,
        "vendor": connection.vendor,
        "database_file": "database.sqlite3",
        "database_sha256": "0" * 64,
        "media": {},
    }
    write_archive(archive, manifest, {"database.sqlite3": b"not the database it claims"})

    with pytest.raises(CommandError, match="missing or damaged"):
        call_command("restore_site", str(archive), "--force", stdout=io.StringIO())
    assert Page.objects.filter(depth=1).exists()


@pytest.mark.django_db
def test_an_archive_from_another_database_engine_is_refused(tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    content = b"a dump"
    archive = tmp_path / "other.tar.gz"
    manifest = {
        "format": 1,
        "vendor": other,
        "database_file": "database.dump",
        "database_sha256": hashlib.sha256(content).hexdigest(),
        "media": {},
    }
    write_archive(archive, manifest, {"database.dump": content})

    with pytest.raises(CommandError, match=f"holds a {other} database"):
        call_command("restore_site", str(archive), "--force", stdout=io.StringIO())
    assert Page.objects.filter(depth=1).exists()
