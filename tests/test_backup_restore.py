"""Backups: `backup_site` and `restore_site` bring the whole site back exactly.

The round trip needs committed data (pg_dump reads the database from another
process), so it runs as a transactional test; `serialized_rollback` puts
back what the migrations made for the tests after it. The restore goes into
a scratch database of its own: a temporary file on SQLite, and
`<test database>_restore` on PostgreSQL, dropped afterwards. Media are tested
both in a folder and in an S3 bucket (moto's stand-in, configured by base.py
from the same variables an operator sets).

What an operator runs is checked in new processes with production settings:
`manage.py restore_site` and `backup_site` on a fresh database, and both
commands on a machine without PostgreSQL's client programs.
"""

import contextlib
import hashlib
import io
import json
import os
import re
import runpy
import shutil
import subprocess
import sys
import tarfile

from django.conf import settings as django_settings
from django.core.cache import cache, caches
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from wagtail.documents import get_document_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

import boto3
import pytest
from moto import mock_aws
from wagtail_localize.synctree import synchronize_tree

from operations.backups import MANIFEST, media_checksums
from tests.databases import postgresql_admin_connection, postgresql_url
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
from tests.processes import PRODUCTION_VALUES, ROOT, SETTINGS_VARIABLE_PREFIXES

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


BUCKET = "alliance-media"
BASE_SETTINGS = ROOT / "alliance_site" / "settings" / "base.py"


class MediaFolder:
    """Uploads in MEDIA_ROOT, the default."""

    def __init__(self, settings, root):
        settings.MEDIA_ROOT = str(root)

    def checksums(self):
        return media_checksums(django_settings.MEDIA_ROOT)

    def empty(self):
        shutil.rmtree(django_settings.MEDIA_ROOT)


class MediaBucket:
    """Uploads in an S3 bucket: moto's in-process stand-in, set up as base.py sets it up."""

    def __init__(self, prefix):
        self.prefix = prefix
        self.s3 = boto3.client("s3")
        self.s3.create_bucket(Bucket=BUCKET)

    def keys(self):
        pages = self.s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET)
        return [item["Key"] for page in pages for item in page.get("Contents", [])]

    def checksums(self):
        return {
            key.removeprefix(f"{self.prefix}/"): hashlib.sha256(
                self.s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
            ).hexdigest()
            for key in self.keys()
        }

    def empty(self):
        for key in self.keys():
            self.s3.delete_object(Bucket=BUCKET, Key=key)


def clear_caches():
    """What a fresh process starts with: no page and no rendition remembered."""
    for alias in ("default", "renditions"):
        caches[alias].clear()


@pytest.fixture(params=["folder", "bucket"])
def media_storage(request, settings, tmp_path, monkeypatch):
    """Where uploads go for the test: a folder, or a bucket configured from AWS_* variables."""
    if request.param == "folder":
        yield MediaFolder(settings, tmp_path / "media")
        return
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    for name, value in {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    # base.py's own storage settings for these variables, not a copy of them.
    configured = runpy.run_path(str(BASE_SETTINGS))
    storage = configured["STORAGES"]["default"]
    with mock_aws():
        bucket = MediaBucket(storage["OPTIONS"]["location"])
        clear_caches()
        with override_settings(
            STORAGES={**django_settings.STORAGES, "default": storage},
            SECURE_CSP=configured["SECURE_CSP"],
            SERVE_MEDIA=configured["SERVE_MEDIA"],
        ):
            yield bucket
        clear_caches()


def archive_contents(archive):
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile(MANIFEST))
        return manifest, set(tar.getnames())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_an_empty_database_and_the_site_looks_the_same(
    client, media_storage, tmp_path
):
    """Every page of both sites in both languages, search and sitemaps, and every file, alike."""
    build_two_organizations()
    addresses = site_addresses()
    before = render(client, addresses)  # makes the renditions the pages need
    media_before = media_storage.checksums()
    rows_before = database_contents()

    archive = tmp_path / "backup.tar.gz"
    call_command("backup_site", output=str(archive), stdout=io.StringIO())
    manifest, names = archive_contents(archive)

    with scratch_database(tmp_path):
        with pytest.raises(CommandError, match=r"the media storage \(.*\) has \d+ files"):
            call_command("restore_site", str(archive), stdout=io.StringIO())
        media_storage.empty()
        clear_caches()
        output = io.StringIO()
        call_command("restore_site", str(archive), stdout=output)
        rows_after = database_contents()
        after = render(client, addresses)
        media_after = media_storage.checksums()

    assert "Restored the database" in output.getvalue()
    assert manifest["media"] == media_before
    assert names == {MANIFEST, manifest["database_file"]} | {
        f"media/{name}" for name in media_before
    }
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


def manage_in_production(*arguments, **environment):
    """`python manage.py …` in a new process with production settings and only these variables."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(SETTINGS_VARIABLE_PREFIXES) and name != "DATABASE_URL"
    }
    env.update(PRODUCTION_VALUES)
    env.update(DJANGO_SETTINGS_MODULE="alliance_site.settings.production", **environment)
    return subprocess.run(
        [sys.executable, "manage.py", *map(str, arguments)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def postgresql_archive(path):
    """A sound archive of a PostgreSQL database, as far as anything before pg_restore can tell."""
    dump = b"PGDMP a custom-format dump"
    manifest = {
        "format": 1,
        "vendor": "postgresql",
        "database_file": "database.pgdump",
        "database_sha256": hashlib.sha256(dump).hexdigest(),
        "media": {},
    }
    write_archive(path, manifest, {"database.pgdump": dump})
    return path


@pytest.mark.parametrize(
    ("program", "arguments"),
    [
        ("pg_dump", ["backup_site", "--output", "{tmp}/backups/"]),
        ("pg_restore", ["restore_site", "--force", "{tmp}/postgresql.tar.gz"]),
    ],
)
def test_without_postgresql_client_programs_the_command_names_what_is_missing(
    tmp_path, program, arguments
):
    """As in an image without postgresql-client: one line saying what to install, no traceback."""
    postgresql_archive(tmp_path / "postgresql.tar.gz")
    nothing_installed = tmp_path / "bin"
    nothing_installed.mkdir()
    result = manage_in_production(
        *[argument.format(tmp=tmp_path) for argument in arguments],
        PATH=str(nothing_installed),
        # Nothing listens there: the missing program must be found out before connecting.
        DATABASE_URL="postgres://alliance:secret@127.0.0.1:9/alliance",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
    )

    lines = result.stderr.strip().splitlines()
    assert result.returncode != 0
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"CommandError: {program} was not found on PATH")
    assert "postgresql-client" in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "backups").exists()


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_dump's version matters only on PostgreSQL"
)


@postgresql_only
@pytest.mark.django_db
def test_a_pg_dump_older_than_the_server_is_refused_with_the_package_to_install(
    settings, tmp_path, monkeypatch
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    old_client = tmp_path / "bin"
    old_client.mkdir()
    pg_dump = old_client / "pg_dump"
    pg_dump.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    pg_dump.chmod(0o755)
    monkeypatch.setenv("PATH", f"{old_client}{os.pathsep}{os.environ['PATH']}")
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        server = int(cursor.fetchone()[0]) // 10000

    with pytest.raises(
        CommandError,
        match=f"pg_dump 9 cannot dump a PostgreSQL {server} server.*postgresql-client-{server}",
    ):
        call_command("backup_site", output=str(tmp_path / "backup.tar.gz"), stdout=io.StringIO())
    assert not (tmp_path / "backup.tar.gz").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("folder", ["new/backups/", "existing"])
def test_output_to_a_folder_writes_a_timestamped_archive_inside_it(settings, tmp_path, folder):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    (tmp_path / "existing").mkdir()

    call_command("backup_site", output=f"{tmp_path}/{folder}", stdout=io.StringIO())

    (archive,) = (tmp_path / folder).iterdir()
    assert re.fullmatch(r"alliance-\d{8}T\d{6}Z\.tar\.gz", archive.name)
    manifest, names = archive_contents(archive)
    assert {MANIFEST, manifest["database_file"]} <= names


@pytest.mark.django_db
def test_a_destination_that_cannot_be_written_is_a_clear_error(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    not_a_folder = tmp_path / "backups"
    not_a_folder.write_text("a file where the folder should be")

    with pytest.raises(CommandError, match=f"Cannot write the archive to {not_a_folder}/alliance-"):
        call_command("backup_site", output=f"{not_a_folder}/", stdout=io.StringIO())
    assert not_a_folder.read_text() == "a file where the folder should be"


@contextlib.contextmanager
def empty_database_url(tmp_path):
    """A DATABASE_URL for a new, empty database on the test run's engine (dropped afterwards)."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'production.sqlite3'}"
        return
    name = f"{connection.settings_dict['NAME']}_production_restore"
    with postgresql_admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield postgresql_url(name)
    finally:
        with postgresql_admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# Run by the restored site's own process: its rows (into $RESTORED_ROWS), and what it
# serves from the restored database and media (pages need collected static files).
READ_RESTORED = """
import hashlib, os
from django.core.management import call_command
from django.test import Client
from wagtail.documents import get_document_model
call_command("dumpdata", "--all", "--exclude=sessions", output=os.environ["RESTORED_ROWS"])
client = Client()
for path in ["/sitemap.xml", get_document_model().objects.get().url]:
    response = client.get(path, HTTP_HOST="localhost", secure=True)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    print("SERVED", path, response.status_code, hashlib.sha256(body).hexdigest(), body[:2000])
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_and_backup_from_the_command_line_in_production_settings(settings, tmp_path):
    """An operator's round trip: restore into a fresh database, serve it, back it up again."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    site = make_site("localhost", name="Learning Alliance")
    news = make_news_index(site.root_page)
    article = make_article(news, title="Budget hearing", image=make_image())
    document = get_document_model()(title="Annual report")
    document.file.save("annual-report.pdf", ContentFile(b"%PDF-1.4 an annual report"))
    rows_before = database_contents()
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_site", output=str(archive), stdout=io.StringIO())
    manifest, _ = archive_contents(archive)

    with empty_database_url(tmp_path) as database_url:
        production = {
            "DATABASE_URL": database_url,
            "DJANGO_MEDIA_ROOT": str(tmp_path / "restored-media"),
            "DJANGO_ALLOWED_HOSTS": "localhost",
        }
        restored = manage_in_production("restore_site", archive, **production)
        served = manage_in_production(
            "shell", "-c", READ_RESTORED, RESTORED_ROWS=str(tmp_path / "rows.json"), **production
        )
        again = manage_in_production("backup_site", "--output", f"{tmp_path}/again/", **production)

    for result in (restored, served, again):
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    assert "Restored the database and 2 media files" in restored.stdout
    assert (tmp_path / "rows.json").read_text() == rows_before
    assert media_checksums(tmp_path / "restored-media") == manifest["media"]
    sitemap, report = [
        line.split(" ", 4) for line in served.stdout.splitlines() if line.startswith("SERVED")
    ]
    assert sitemap[2] == "200" and f"/{article.slug}/</loc>" in sitemap[4]
    assert report[2] == "200"
    assert report[3] == hashlib.sha256(b"%PDF-1.4 an annual report").hexdigest()
    (second_archive,) = (tmp_path / "again").iterdir()
    second_manifest, _ = archive_contents(second_archive)
    assert second_manifest["media"] == manifest["media"]
    assert second_manifest["migrations"] == manifest["migrations"]
